//! The checks of the contract v2 issue, as written there (`asOf` 2026-11-29): the right rules
//! for the request an officer actually sends.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use marcheck::{Date, Options, Report, validate_json};
use serde_json::{Value, json};

fn check(form: &Value, options: &str) -> Report {
    let today = Date::from_ymd(2026, 11, 29).unwrap();
    validate_json(
        &form.to_string(),
        &Options::from_json(options, today).unwrap(),
    )
}

fn codes(r: &Report) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.code).collect()
}

fn has(r: &Report, code: &str) -> bool {
    r.findings.iter().any(|f| f.code == code)
}

/// An emergency disclosure to Meta that is ready to send.
fn emergency_to_meta(risk: &str, harm_expected_by: &str, ongoing: Value) -> Value {
    json!({
        "requestType": "emergency_disclosure",
        "requestingCountry": "FJ",
        "authority": {"name": "Fiji Police Force", "officer": "Sgt. R. Naidu", "email": "r.naidu@police.gov.fj", "phone": "+679 334 3777"},
        "provider": {"name": "Meta", "profile": "meta"},
        "accounts": [{"kind": "username", "value": "example.user"}],
        "data": {"categories": ["subscriber", "traffic"]},
        "emergency": {
            "risk": risk,
            "justification": "The account holder posted a threat to kill a named student at a Suva school this evening, with a photo of a firearm.",
            "harmExpectedBy": harm_expected_by,
            "ongoing": ongoing,
            "personAtRisk": "A student of the school named in the post"
        }
    })
}

#[test]
fn an_emergency_disclosure_is_not_blocked_by_a_formal_mars_rules() {
    let r = check(
        &emergency_to_meta("death", "2026-11-29T23:00:00+12:00", Value::Null),
        "null",
    );
    for code in ["CASE001", "LOC001", "LOC002", "DATE001"] {
        assert!(!has(&r, code), "{code} in {:?}", codes(&r));
    }
    assert!(r.ok, "{:?}", codes(&r));
    assert_eq!(r.facts.request_type, "emergency_disclosure");
    let r = check(
        &emergency_to_meta("serious_harm", "2026-11-29T23:00:00+12:00", Value::Null),
        "null",
    );
    assert!(has(&r, "EMER007"), "{:?}", codes(&r));
}

#[test]
fn an_ongoing_emergency_is_not_rejected_for_a_time_that_has_passed() {
    let r = check(
        &emergency_to_meta("death", "2026-11-28T20:00:00+12:00", json!(true)),
        "null",
    );
    assert!(
        !has(&r, "EMER003") && !has(&r, "EMER008"),
        "{:?}",
        codes(&r)
    );
    let r = check(
        &emergency_to_meta("death", "2026-11-28T20:00:00+12:00", json!(false)),
        "null",
    );
    assert!(has(&r, "EMER008") && !has(&r, "EMER003"), "{:?}", codes(&r));
}

fn preservation_to(profile: &str) -> Value {
    json!({
        "requestType": "preservation_only",
        "provider": {"profile": profile},
        "preservation": {"status": "requested", "requestedOn": "2026-11-28"}
    })
}

#[test]
fn a_preservation_to_the_provider() {
    let meta = check(&preservation_to("meta"), "null");
    assert!(!has(&meta, "DATE001"), "Meta: {:?}", codes(&meta));
    assert!(
        !has(&meta, "NOTE001"),
        "Meta does not notify on a preservation: {:?}",
        codes(&meta)
    );
    assert!(
        has(&meta, "PRES015") && has(&meta, "PRES016"),
        "{:?}",
        codes(&meta)
    );
    let tiktok = check(&preservation_to("tiktok"), "null");
    assert!(
        has(&tiktok, "DATE001"),
        "TikTok asks for a date range: {:?}",
        codes(&tiktok)
    );
    for code in [
        "CASE001", "LOC001", "LOC002", "PRES012", "PRES010", "CASE004",
    ] {
        assert!(!has(&tiktok, code), "{code}: {:?}", codes(&tiktok));
    }
}

#[test]
fn provider_facts_corrected() {
    let user_id = json!({"provider": {"profile": "meta"}, "accounts": [{"kind": "user_id", "value": "100004123456789"}]});
    assert!(!has(&check(&user_id, "null"), "ID005"));
    let two = |profile: &str| {
        json!({"provider": {"profile": profile}, "preservation": {"status": "preserved", "confirmedOn": "2026-09-23",
            "extensions": [{"requestedOn": "2026-11-01", "reference": "E1"}, {"requestedOn": "2026-11-20", "reference": "E2"}]}})
    };
    let meta = check(&two("meta"), "null");
    assert_eq!(meta.facts.extensions_counted, 2);
    assert_eq!(
        meta.facts
            .preservation_expires_on
            .unwrap()
            .days_since(Date::from_ymd(2026, 9, 23).unwrap()),
        270
    );
    assert!(!has(&meta, "PRES009"), "{:?}", codes(&meta));
    assert!(has(&check(&two("tiktok"), "null"), "PRES009"));
}

#[test]
fn x_asks_for_extensions_a_week_ahead() {
    let x = |on: &str| {
        json!({"provider": {"profile": "x"}, "preservation": {"status": "preserved", "confirmedOn": "2026-09-01",
            "extensions": [{"requestedOn": on}]}})
    };
    assert!(has(&check(&x("2026-11-27"), "null"), "PRES018"));
    assert!(!has(&check(&x("2026-11-22"), "null"), "PRES018"));
}

#[test]
fn a_fiji_users_tiktok_records_are_in_singapore() {
    let form = json!({"requestType": "formal_mar", "requestingCountry": "FJ", "requestedCountry": "US",
        "provider": {"profile": "tiktok", "userCountry": "FJ"}, "recordsLocation": {"country": "US"}});
    let r = check(&form, "null");
    let loc006 = r
        .findings
        .iter()
        .find(|f| f.code == "LOC006")
        .expect("LOC006");
    assert!(
        loc006.message.contains("TikTok Pte. Limited") && loc006.message.contains("SG"),
        "{}",
        loc006.message
    );
    let entity = r.facts.provider_entity.clone().unwrap();
    assert_eq!(
        (entity.legal_entity.as_str(), entity.country),
        ("TikTok Pte. Limited", "SG")
    );
    let json: Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(
        json["facts"]["providerEntity"],
        json!({"legalEntity": "TikTok Pte. Limited", "country": "SG"})
    );
}

#[test]
fn a_formal_mar_rests_on_a_legal_basis() {
    assert!(has(
        &check(&json!({"requestType": "formal_mar"}), "null"),
        "CASE004"
    ));
    assert!(!has(
        &check(
            &json!({"requestType": "formal_mar", "legalBasis": "Fiji–US MLAT"}),
            "null"
        ),
        "CASE004"
    ));
}

#[test]
fn scope_reports_part_of_the_form() {
    let form = json!({"accounts": [{"kind": "email", "value": "not an email"}], "authority": {}});
    let r = check(&form, r#"{"scope":["accounts"]}"#);
    assert!(!r.findings.is_empty());
    assert!(
        r.findings.iter().all(|f| f.field.starts_with("accounts")),
        "{:?}",
        codes(&r)
    );
    let errors = r
        .findings
        .iter()
        .filter(|f| f.severity == marcheck::Severity::Error)
        .count() as u32;
    assert_eq!(r.counts.error, errors);
    assert_eq!(r.ok, errors == 0);
    // `accounts` covers `accounts[0].value`, not a key that merely starts the same way.
    assert!(marcheck::report::in_scope(
        Some(&["accounts".into()]),
        "accounts[2].value"
    ));
    assert!(!marcheck::report::in_scope(
        Some(&["accounts".into()]),
        "accountsNote"
    ));
    assert!(marcheck::report::in_scope(Some(&["".into()]), ""));
    assert!(!marcheck::report::in_scope(Some(&[]), "accounts"));
    // A form that is not an object is reported whatever the scope.
    let r = check(&json!([1]), r#"{"scope":["accounts"]}"#);
    assert_eq!(codes(&r), ["FORM001"]);
}

#[test]
fn sixty_three_rules_each_with_the_request_types_it_applies_to() {
    let rules = marcheck::rules_info(marcheck::Locale::En);
    assert_eq!(rules.len(), 63);
    let json: Value = serde_json::to_value(&rules).unwrap();
    for r in json.as_array().unwrap() {
        assert!(
            !r["appliesTo"].as_array().unwrap().is_empty(),
            "{}",
            r["code"]
        );
    }
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    assert!(doc.contains("| applies to |") && doc.contains("### NOTE004"));
}
