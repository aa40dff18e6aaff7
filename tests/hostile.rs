//! Hostile input: whatever arrives, a report comes back, without a panic and quickly.
//! Property tests (proptest) feed arbitrary JSON to `validate` and to the options reader; the
//! count is `PROPTEST_CASES` (default 256 here; `make fuzz` runs a long one).
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::{Duration, Instant};

use marcheck::{Date, Options, validate_json};
use proptest::prelude::*;

fn today() -> Date {
    Date::from_ymd(2026, 11, 29).unwrap()
}

/// Arbitrary JSON, biased toward the form's own keys and the values its readers care about.
fn arb_json() -> impl Strategy<Value = String> {
    let keys = prop::sample::select(vec![
        "requestType",
        "requestingCountry",
        "requestedCountry",
        "submissionDate",
        "authority",
        "name",
        "officer",
        "email",
        "case",
        "facts",
        "nexus",
        "offences",
        "provider",
        "profile",
        "country",
        "accounts",
        "kind",
        "value",
        "timestamp",
        "port",
        "data",
        "categories",
        "from",
        "to",
        "preservation",
        "status",
        "requestedOn",
        "confirmedOn",
        "reference",
        "periodDays",
        "proofAttached",
        "extensions",
        "recordsLocation",
        "confirmed",
        "basis",
        "emergency",
        "active",
        "risk",
        "justification",
        "harmExpectedBy",
        "oral",
        "writtenFollowUpOn",
        "notification",
        "providerNotifies",
        "requestNonDisclosure",
        "reason",
        "durationDays",
        "csam",
        "likely",
        "declared",
        "ncmecReports",
        "asOf",
        "locale",
        "dateOrder",
        "holidays",
        "rules",
        "PRES007",
        "providers",
        "meta",
        "x",
        "defaultPeriodDays",
        "expiryWarningDays",
    ]);
    let leaf = prop_oneof![
        Just("null".to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        (-1000i32..1000).prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        prop::sample::select(vec![
            "2026-02-29",
            "2028-02-29",
            "2026-11-29",
            "29/11/2026",
            "2026-11-29T10:00+10:00",
            "2026-11-29T25:00",
            "formal_mar",
            "police_to_police",
            "preserved",
            "requested",
            "not_requested",
            "death",
            "on",
            "off",
            "yes",
            "US",
            "au",
            "ZZ",
            "email",
            "ip",
            "phone",
            "url",
            "content",
            "n/a",
            "TBC",
            "+679 334 3777",
            "203.0.113.7",
            "https://x.com/a",
            "a@gmail.com",
            "90",
            " 90 ",
            "-1",
            "731",
            "",
            " ",
            "off",
            "error",
            "fr-CA",
            "dmy",
        ])
        .prop_map(|s| format!("{s:?}")),
        ".{0,40}".prop_map(|s| serde_json::Value::String(s).to_string()),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec((keys.clone(), inner), 0..10).prop_map(|kv| {
                let body: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k:?}:{v}")).collect();
                format!("{{{}}}", body.join(","))
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_json_form_gives_a_report(form in arb_json()) {
        let report = validate_json(&form, &Options::new(today()));
        prop_assert_eq!(report.ok, report.counts.error == 0);
        prop_assert!(report.findings.iter().all(|f| !f.message.is_empty() && !unfilled(&f.message, &f.params)), "every message is filled in");
        // The report is valid JSON.
        prop_assert!(serde_json::from_str::<serde_json::Value>(&report.to_json()).is_ok());
    }

    #[test]
    fn any_json_options_read_or_fail_cleanly(options in arb_json(), form in arb_json()) {
        if let Ok(o) = Options::from_json(&options, today()) {
            let _ = validate_json(&form, &o);
        }
    }

    #[test]
    fn any_json_through_a_session_and_any_scope_gives_the_report_of_its_form(
        edits in prop::collection::vec((prop::sample::select(PATHS.to_vec()), arb_json()), 0..8),
        scope in prop::collection::vec(prop::sample::select(PATHS.to_vec()), 0..3),
    ) {
        let options = Options::new(today());
        let mut session = marcheck::Session::new(options.clone());
        for (path, value) in &edits {
            let v: serde_json::Value = serde_json::from_str(value).unwrap_or(serde_json::Value::Null);
            // "" is the whole form: `replace`; a path of the model: `set`.
            let v = marcheck::json::Raw::from_value(&v);
            let r = if path.is_empty() { session.replace(v) } else { session.set(path, Some(v)).unwrap() };
            prop_assert_eq!(&r, &marcheck::validate_json(&session.form().to_json(), &options));
        }
        let scope: Vec<String> = scope.into_iter().map(String::from).collect();
        let scoped = session.report(Some(&scope));
        // A form that is not an object is reported whatever the scope (contract §3).
        let whole = !matches!(session.form(), marcheck::json::Raw::Object(_));
        prop_assert!(whole || scoped.findings.iter().all(|f| marcheck::report::in_scope(Some(&scope), &f.field)));
        prop_assert_eq!(scoped.ok, scoped.counts.error == 0);
    }

    #[test]
    fn any_text_is_a_report(text in ".{0,200}") {
        let report = validate_json(&text, &Options::new(today()));
        prop_assert!(report.counts.error >= 1 || serde_json::from_str::<serde_json::Value>(&text).is_ok());
    }
}

/// Model paths a session may set, rows included.
const PATHS: &[&str] = &[
    "requestType",
    "requestingCountry",
    "legalBasis",
    "legalBasis.instrument",
    "authority",
    "authority.email",
    "case.facts",
    "case.offences",
    "case.offences[0].name",
    "provider.profile",
    "provider.userCountry",
    "accounts",
    "accounts[0].value",
    "accounts[3].kind",
    "accounts[1].port",
    "data.categories",
    "data.from",
    "preservation",
    "preservation.confirmedOn",
    "preservation.extensions[2].requestedOn",
    "preservation.marToFollow",
    "recordsLocation.country",
    "emergency.harmExpectedBy",
    "emergency.ongoing",
    "notification.basis",
    "csam.ncmecReports[0]",
    "",
];

/// A `{name}` left in a message that no text parameter explains (user text may hold braces).
fn unfilled(message: &str, params: &marcheck::rule::Params) -> bool {
    let typed: String = params
        .0
        .iter()
        .filter_map(|(_, p)| {
            if let marcheck::Param::Text(t) = p {
                Some(t.as_str())
            } else {
                None
            }
        })
        .collect();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close)
                if after[..close].chars().all(|c| c.is_ascii_alphabetic())
                    && !after[..close].is_empty() =>
            {
                if !typed.contains(&rest[open..open + close + 2]) {
                    return true;
                }
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    false
}

fn timed(what: &str, form: &str) -> Duration {
    let start = Instant::now();
    let report = validate_json(form, &Options::new(today()));
    let took = start.elapsed();
    assert!(!report.findings.is_empty(), "{what}: a report");
    assert!(took < Duration::from_secs(2), "{what} took {took:?}");
    took
}

#[test]
fn huge_input_is_bounded() {
    let two_mb = "x".repeat(2 * 1024 * 1024);
    timed(
        "2 MB strings everywhere",
        &format!(
            r#"{{"case":{{"facts":"{two_mb}","nexus":"{two_mb}"}},"authority":{{"email":"{two_mb}@gmail.com"}},"preservation":{{"reference":"{two_mb}"}},"accounts":[{{"kind":"email","value":"{two_mb}"}},{{"kind":"email","value":"{two_mb}"}}]}}"#
        ),
    );
    let rows = vec![r#"{"kind":"email","value":"same@example.org"}"#; 20_000].join(",");
    timed("20 000 accounts", &format!(r#"{{"accounts":[{rows}]}}"#));
    let ext = vec![r#"{"requestedOn":"2026-09-02","periodDays":90}"#; 20_000].join(",");
    timed(
        "20 000 extensions",
        &format!(r#"{{"preservation":{{"confirmedOn":"2026-09-01","extensions":[{ext}]}}}}"#),
    );
    let deep = "[".repeat(200_000) + &"]".repeat(200_000);
    timed(
        "200 000 levels of nesting",
        &format!(r#"{{"accounts":{deep}}}"#),
    );
    let nulls = vec!["null"; 20_000].join(",");
    timed(
        "20 000 nulls",
        &format!(r#"{{"accounts":[{nulls}],"csam":{{"ncmecReports":[{nulls}]}}}}"#),
    );
}

#[test]
fn nulls_everywhere_are_absent_values() {
    let form = r#"{"requestType":null,"authority":null,"case":{"facts":null,"offences":null},"accounts":null,"data":{"categories":null},
        "preservation":{"status":null,"extensions":[null]},"emergency":null}"#;
    let report = validate_json(form, &Options::new(today()));
    assert!(
        report.findings.iter().all(|f| f.code != "FORM001"),
        "null is absent, not unreadable"
    );
}
