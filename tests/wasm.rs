//! The wasm layer as JavaScript sees it, in Node and in headless Chromium:
//! `make test` runs this file under wasm-bindgen-test-runner twice.
#![cfg(target_arch = "wasm32")]
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use marcheck::wasm;

#[wasm_bindgen(module = "/tests/wasm/values.js")]
extern "C" {
    fn cyclic() -> JsValue;
    fn lone_surrogates() -> JsValue;
    fn big_string(n: u32) -> JsValue;
    fn big_array(n: u32) -> JsValue;
    fn local_iso_today() -> String;
    fn deep_facts(n: u32) -> JsValue;
    fn exotic() -> JsValue;
    fn now_ms() -> f64;
}

fn call_validate(form: &JsValue, options: &JsValue) -> JsValue {
    wasm::validate(form.clone(), Some(options.clone()))
        .unwrap_or_else(|e| panic!("validate threw {:?}", JsValue::from(e)))
}

fn validate_throws(options: &JsValue) -> JsValue {
    match wasm::validate(JsValue::NULL, Some(options.clone())) {
        Ok(_) => JsValue::NULL,
        Err(e) => JsValue::from(e),
    }
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn codes(report: &JsValue) -> Vec<String> {
    Array::from(&get(report, "findings"))
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap_or_default())
        .collect()
}

fn opts(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn the_worked_example_crosses_intact() {
    let form = opts(
        r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90,"reference":"META-2026-0457"}}"#,
    );
    let r = call_validate(&form, &opts(r#"{"asOf":"2026-11-29"}"#));
    let facts = get(&r, "facts");
    assert_eq!(
        get(&facts, "preservationExpiresOn").as_string().as_deref(),
        Some("2026-11-30")
    );
    assert_eq!(get(&facts, "preservationDaysLeft").as_f64(), Some(1.0));
    assert!(codes(&r).contains(&"PRES007".to_string()));
    let r = call_validate(&form, &opts(r#"{"asOf":"2026-11-30"}"#));
    assert!(codes(&r).contains(&"PRES006".to_string()));
}

#[wasm_bindgen_test]
fn reports_are_plain_objects() {
    let r = call_validate(&opts("{}"), &JsValue::UNDEFINED);
    assert!(r.is_object());
    assert_eq!(
        Object::get_prototype_of(&r),
        Object::get_prototype_of(&Object::new())
    );
    assert!(Array::is_array(&get(&r, "findings")));
    assert_eq!(get(&r, "ok").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn never_throws_for_any_form() {
    let values = [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(42.0),
        JsValue::from_str("form"),
        JsValue::TRUE,
        Array::new().into(),
        cyclic(),
        lone_surrogates(),
        big_string(2 * 1024 * 1024),
        big_array(20_000),
        opts(
            r#"{"accounts":{"0":1},"preservation":[],"data":{"categories":7},"emergency":{"active":{}}}"#,
        ),
    ];
    for v in values {
        let r = call_validate(&v, &opts(r#"{"asOf":"2026-11-29"}"#));
        assert!(get(&r, "findings").is_object(), "a report for every value");
    }
}

#[wasm_bindgen_test]
fn a_form_that_is_not_an_object_is_one_form001_at_the_root() {
    let r = call_validate(&JsValue::from_f64(1.0), &JsValue::UNDEFINED);
    let f = Array::from(&get(&r, "findings"));
    assert_eq!(f.length(), 1);
    assert_eq!(get(&f.get(0), "field").as_string().as_deref(), Some(""));
}

#[wasm_bindgen_test]
fn a_cyclic_form_is_read_up_to_the_depth_limit() {
    // The cycle is under a key the model does not have: the form is checked as usual.
    let r = call_validate(&cyclic(), &opts(r#"{"asOf":"2026-11-29"}"#));
    assert!(
        codes(&r).contains(&"CASE004".to_string()),
        "{:?}",
        codes(&r)
    );
    assert!(!codes(&r).contains(&"FORM001".to_string()));
}

#[wasm_bindgen_test]
fn bad_options_throw_a_real_error() {
    for bad in [
        r#"{"asOf":"29/11/2026"}"#,
        r#"{"rules":{"PRES007":"loud"}}"#,
        r#"{"preservation":{"expiryWarningDays":-1}}"#,
        "7",
    ] {
        let e = validate_throws(&opts(bad));
        assert!(e.is_instance_of::<js_sys::Error>(), "{bad} throws an Error");
        let msg = get(&e, "message").as_string().unwrap_or_default();
        assert!(msg.starts_with("marcheck: option"), "{msg}");
    }
}

#[wasm_bindgen_test]
fn default_as_of_is_the_local_date() {
    let r = call_validate(&opts("{}"), &JsValue::UNDEFINED);
    assert_eq!(
        get(&get(&r, "facts"), "asOf").as_string(),
        Some(local_iso_today())
    );
}

#[wasm_bindgen_test]
fn french_and_overrides() {
    let r = call_validate(
        &opts(r#"{"recordsLocation":{"country":"US"}}"#),
        &opts(r#"{"locale":"fr-CA","rules":{"LOC005":"error"}}"#),
    );
    let f: Vec<JsValue> = Array::from(&get(&r, "findings"))
        .iter()
        .filter(|f| get(f, "code").as_string().as_deref() == Some("LOC005"))
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(get(&f[0], "severity").as_string().as_deref(), Some("error"));
    assert!(
        get(&f[0], "message")
            .as_string()
            .unwrap_or_default()
            .contains("États-Unis")
    );
}

#[wasm_bindgen_test]
fn rules_providers_version() {
    let rules = Array::from(&wasm::rules(None));
    assert_eq!(rules.length(), 63);
    assert_eq!(
        get(&rules.get(0), "code").as_string().as_deref(),
        Some("FORM001")
    );
    let p = wasm::providers();
    assert_eq!(
        get(&get(&p, "us_default"), "periodDays").as_f64(),
        Some(90.0)
    );
    assert!(!wasm::version().is_empty());
}

/// Every fixture's report crosses to JavaScript exactly as the command line writes it: the
/// wasm's serde-wasm-bindgen object deep-equals the committed native JSON (the `.snap` files).
#[wasm_bindgen_test]
fn the_wasm_report_is_the_native_report_for_every_fixture() {
    macro_rules! fixtures {
        ($($name:literal),+ $(,)?) => {
            [$((
                $name,
                include_str!(concat!("fixtures/", $name, ".json")),
                include_str!(concat!("fixtures/", $name, ".snap")),
            )),+]
        };
    }
    let all = fixtures!(
        "csam-undeclared",
        "emergency-no-time-frame",
        "empty-form",
        "extended-beyond-maximum",
        "french-messages",
        "hostile-types",
        "identifiers-and-profile",
        "lapsed-preservation",
        "late-extension",
        "records-elsewhere",
        "valid-mar",
    );
    for (name, fixture, snap) in all {
        let fixture: serde_json::Value = serde_json::from_str(fixture).unwrap();
        let mut options = fixture
            .get("options")
            .cloned()
            .unwrap_or(serde_json::json!({}));
        if options.is_null() {
            options = serde_json::json!({});
        }
        if options.get("asOf").is_none() {
            options["asOf"] = "2026-11-29".into();
        }
        let form = JSON::parse(&fixture["form"].to_string()).unwrap();
        let report = call_validate(&form, &JSON::parse(&options.to_string()).unwrap());
        let crossed: serde_json::Value =
            serde_json::from_str(&String::from(JSON::stringify(&report).unwrap())).unwrap();
        let native: serde_json::Value =
            serde_json::from_str(snap.split_once('\n').unwrap().1).unwrap();
        assert_eq!(crossed, native, "{name}");
        assert!(
            Object::get_prototype_of(&get(&report, "facts"))
                == Object::get_prototype_of(&Object::new())
        );
    }
}

#[wasm_bindgen_test]
fn a_session_reports_what_validate_reports_of_its_form() {
    let o = opts(r#"{"asOf":"2026-11-29"}"#);
    let mut s = wasm::create_session(Some(o.clone())).unwrap();
    let r = s
        .set("requestType", JsValue::from_str("emergency_disclosure"))
        .unwrap();
    assert_eq!(
        get(&get(&r, "facts"), "requestType").as_string().as_deref(),
        Some("emergency_disclosure")
    );
    s.set("accounts[1].value", JsValue::from_str("x")).unwrap();
    let merged = s.merge(
        JSON::parse(
            r#"{"authority":{"name":"FPF"},"accounts":[{"kind":"email","value":"a@b.org"}]}"#,
        )
        .unwrap(),
    );
    let same = call_validate(&s.form(), &o);
    assert_eq!(
        JSON::stringify(&merged).unwrap(),
        JSON::stringify(&same).unwrap()
    );
    // `undefined` removes: set, and a key of a merge.
    s.set("requestType", JsValue::UNDEFINED).unwrap();
    let partial = Object::new();
    Reflect::set(&partial, &"authority".into(), &Object::new()).unwrap();
    Reflect::set(
        &get(&partial, "authority"),
        &"name".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    s.merge(partial.into());
    assert_eq!(
        JSON::stringify(&s.form()).unwrap(),
        r#"{"accounts":[{"kind":"email","value":"a@b.org"}],"authority":{}}"#
    );
    // A path outside the model is an Error.
    assert!(s.set("nope.x", JsValue::TRUE).is_err());
    // The report's scope.
    let scoped = s
        .report(Some(JSON::parse(r#"["accounts"]"#).unwrap()))
        .unwrap();
    assert!(
        codes(&scoped).iter().all(|c| c.starts_with("ID")),
        "{:?}",
        codes(&scoped)
    );
}

/// A field nested 10 000 levels deep (deeper than `JSON.stringify` goes): the same findings as
/// the command line gives for the same form (tests/limits.rs), a FORM001 at that field.
#[wasm_bindgen_test]
fn a_field_nested_10_000_levels_deep_reads_as_on_the_command_line() {
    let o = opts(r#"{"asOf":"2026-11-29"}"#);
    let r = call_validate(&deep_facts(10_000), &o);
    let native = marcheck::validate_json(
        &format!(
            r#"{{"requestType":"police_to_police","case":{{"facts":{}{}}}}}"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
        &marcheck::Options::new(marcheck::Date::from_ymd(2026, 11, 29).unwrap()),
    );
    let native_codes: Vec<String> = native
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.field))
        .collect();
    let wasm_codes: Vec<String> = Array::from(&get(&r, "findings"))
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                get(&f, "code").as_string().unwrap(),
                get(&f, "field").as_string().unwrap()
            )
        })
        .collect();
    assert_eq!(wasm_codes, native_codes);
    assert!(
        wasm_codes.contains(&"FORM001 case.facts".to_string()),
        "{wasm_codes:?}"
    );
}

/// A session's memory is bounded: ten thousand keystrokes into one field leave the wasm memory
/// as large as the first hundred did (no leak per call).
#[wasm_bindgen_test]
fn a_session_does_not_grow_per_call() {
    let o = opts(r#"{"asOf":"2026-11-29"}"#);
    let mut s = wasm::create_session(Some(o)).unwrap();
    s.replace(opts(
        r#"{"accounts":[{"kind":"email","value":"a@b.org"}],"case":{"facts":"x"}}"#,
    ));
    let memory = || {
        js_sys::WebAssembly::Memory::from(wasm_bindgen::memory())
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    };
    for i in 0..100 {
        s.set("case.facts", JsValue::from_str(&"y".repeat(i % 50)))
            .unwrap();
    }
    let after_warm_up = memory();
    for i in 0..10_000 {
        s.set("case.facts", JsValue::from_str(&"y".repeat(i % 50)))
            .unwrap();
    }
    assert_eq!(memory(), after_warm_up);
}

/// Issue 15: a lone surrogate (what `str.slice` leaves of an emoji) is text with U+FFFD in
/// `validate`, `set`, `merge` and `replace` alike: the form is never lost, and `set` never
/// stores anything but the text.
#[wasm_bindgen_test]
fn a_lone_surrogate_reads_as_text_with_a_replacement_character() {
    let o = opts(r#"{"asOf":"2026-11-29"}"#);
    let r = call_validate(&lone_surrogates(), &o);
    assert!(
        !codes(&r).contains(&"FORM001".to_string()),
        "{:?}",
        codes(&r)
    );
    let mut s = wasm::create_session(Some(o.clone())).unwrap();
    let lone = JSON::parse(r#""FPF \ud83d""#).unwrap();
    let r = s.set("authority.name", lone).unwrap();
    assert!(!codes(&r).contains(&"FORM001".to_string()));
    let held = get(&get(&s.form(), "authority"), "name");
    assert_eq!(held.as_string().as_deref(), Some("FPF \u{fffd}"));
    let r = s.merge(JSON::parse(r#"{"case":{"reference":"\udc00REF-1"}}"#).unwrap());
    assert!(!codes(&r).contains(&"FORM001".to_string()));
    assert_eq!(
        get(&get(&s.form(), "case"), "reference")
            .as_string()
            .as_deref(),
        Some("\u{fffd}REF-1")
    );
    let r = s.replace(lone_surrogates());
    assert!(!codes(&r).contains(&"FORM001".to_string()));
    assert_eq!(
        JSON::stringify(&r).unwrap(),
        JSON::stringify(&call_validate(&s.form(), &o)).unwrap()
    );
}

/// Issue 15: no in-band markers. Texts that v2 used as marks are text like any other, and
/// `undefined` in a merge removes a key without any mark a user could type.
#[wasm_bindgen_test]
fn marker_texts_are_text_like_any_other() {
    let o = opts(r#"{"asOf":"2026-11-29"}"#);
    let mut s = wasm::create_session(Some(o)).unwrap();
    s.merge(
        JSON::parse(r#"{"case":{"reference":"\u0000marcheck:undefined","facts":"\u0000marcheck:too-long"}}"#)
            .unwrap(),
    );
    let case = get(&s.form(), "case");
    assert_eq!(
        get(&case, "reference").as_string().as_deref(),
        Some("\u{0}marcheck:undefined")
    );
    assert_eq!(
        get(&case, "facts").as_string().as_deref(),
        Some("\u{0}marcheck:too-long")
    );
    let partial = JSON::parse(r#"{"case":{}}"#).unwrap();
    Reflect::set(
        &get(&partial, "case"),
        &"reference".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    s.merge(partial);
    let case = get(&s.form(), "case");
    assert!(
        get(&case, "reference").is_undefined(),
        "undefined removed the key"
    );
    assert!(get(&case, "facts").is_string(), "the other key stays");
}

/// Issue 15: a typed array of 200 000 numbers, a sparse array with index 1e6, an object of
/// 100 000 keys are cut to what the core reads before they are walked: each answers fast.
#[wasm_bindgen_test]
fn exotic_values_are_cut_before_they_are_walked() {
    let o = opts(r#"{"asOf":"2026-11-29"}"#);
    for v in Array::from(&exotic()).iter() {
        let start = now_ms();
        let r = call_validate(&v, &o);
        let took = now_ms() - start;
        assert!(get(&r, "ok").as_bool().is_some());
        assert!(took < 100.0, "{took} ms");
    }
}

// (v3) Deadlines and the calendar (contract §9).

const DEADLINE_FORM: &str = r#"{"case":{"reference":"FJ-2026-118"},"provider":{"profile":"x"},
    "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90,"reference":"X-2026-0457"}}"#;

fn kinds_and_dates(list: &JsValue) -> Vec<(String, String, f64)> {
    Array::from(list)
        .iter()
        .map(|d| {
            (
                get(&d, "kind").as_string().unwrap(),
                get(&d, "on").as_string().unwrap(),
                get(&d, "daysLeft").as_f64().unwrap(),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn deadlines_cross_with_their_dates_and_days_left() {
    let list =
        wasm::deadlines(opts(DEADLINE_FORM), Some(opts(r#"{"asOf":"2026-11-23"}"#))).unwrap();
    assert_eq!(
        kinds_and_dates(&list),
        [
            ("extension_reminder".into(), "2026-10-31".into(), -23.0),
            ("extension_due".into(), "2026-11-23".into(), 0.0),
            ("preservation_expires".into(), "2026-11-30".into(), 7.0),
        ]
    );
    let due = Array::from(&list).get(1);
    assert_eq!(get(&due, "daysLeftText").as_string().unwrap(), "due today");
    assert_eq!(
        get(&due, "caseReference").as_string().unwrap(),
        "FJ-2026-118"
    );
    assert_eq!(
        get(&due, "field").as_string().unwrap(),
        "preservation.extensions"
    );
    assert!(get(&due, "providerEntity").is_null() || get(&due, "providerEntity").is_object());
    let fr = wasm::deadlines(
        opts(DEADLINE_FORM),
        Some(opts(r#"{"asOf":"2026-11-22","locale":"fr"}"#)),
    )
    .unwrap();
    assert_eq!(
        get(&Array::from(&fr).get(1), "daysLeftText")
            .as_string()
            .unwrap(),
        "1 jour restant"
    );
}

#[wasm_bindgen_test]
fn deadlines_never_throw_for_a_form_and_throw_for_bad_options() {
    for v in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(42),
        cyclic(),
        opts("[1,2]"),
    ] {
        let list = wasm::deadlines(v, None).unwrap();
        assert_eq!(Array::from(&list).length(), 0);
    }
    assert!(wasm::deadlines(opts(DEADLINE_FORM), Some(opts(r#"{"asOf":"x"}"#))).is_err());
    assert!(wasm::calendar(opts(DEADLINE_FORM), Some(opts(r#"{"holidays":[1]}"#))).is_err());
}

#[wasm_bindgen_test]
fn the_calendar_holds_an_event_per_deadline_and_the_session_its_deadlines() {
    let o = opts(r#"{"asOf":"2026-11-23"}"#);
    let one = wasm::calendar(opts(DEADLINE_FORM), Some(o.clone())).unwrap();
    assert!(one.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert_eq!(one.matches("BEGIN:VEVENT\r\n").count(), 3);
    assert!(one.contains("DTSTART;VALUE=DATE:20261123\r\n"));
    assert!(one.contains("DTSTAMP:20261123T000000Z\r\n"));
    let list = opts(&format!("[{DEADLINE_FORM},{DEADLINE_FORM},null]"));
    let two = wasm::calendar(list, Some(o.clone())).unwrap();
    assert_eq!(two.matches("BEGIN:VEVENT\r\n").count(), 6);
    assert_eq!(
        wasm::calendar(cyclic(), None)
            .unwrap()
            .matches("BEGIN:")
            .count(),
        1
    );

    let mut s = wasm::create_session(Some(o.clone())).unwrap();
    assert_eq!(Array::from(&s.deadlines()).length(), 0);
    s.replace(opts(DEADLINE_FORM));
    assert_eq!(
        kinds_and_dates(&s.deadlines()),
        kinds_and_dates(&wasm::deadlines(opts(DEADLINE_FORM), Some(o)).unwrap())
    );
}
