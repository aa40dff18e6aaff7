//! `options.rules` works for every code of the catalogue: off, info, warning, error.
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use marcheck::ReportFacts;
use marcheck::rule::Hit;
use marcheck::rules::RULES;
use marcheck::{Date, Options, Report, Severity};

fn today() -> Date {
    Date::from_ymd(2026, 11, 29).unwrap()
}

fn report_with(code: &'static str, level: &str) -> Report {
    let options =
        Options::from_json(&format!(r#"{{"rules":{{"{code}":"{level}"}}}}"#), today()).unwrap();
    let hits = vec![Hit::new(code, "case.facts")];
    Report::build(hits, ReportFacts::default(), &options, None)
}

#[test]
fn every_code_can_be_turned_off_or_set_to_any_severity() {
    for rule in RULES {
        assert!(
            report_with(rule.meta.code, "off").findings.is_empty(),
            "{} off",
            rule.meta.code
        );
        for (level, severity) in [
            ("info", Severity::Info),
            ("warning", Severity::Warning),
            ("error", Severity::Error),
        ] {
            let r = report_with(rule.meta.code, level);
            assert_eq!(r.findings.len(), 1);
            assert_eq!(
                r.findings[0].severity, severity,
                "{} {level}",
                rule.meta.code
            );
            assert_eq!(r.ok, severity != Severity::Error);
        }
    }
}

#[test]
fn a_rule_turned_off_does_not_run_and_others_are_untouched() {
    let options =
        Options::from_json(r#"{"rules":{"LOC001":"off","loc002":"info"}}"#, today()).unwrap();
    let r = marcheck::validate_json("{}", &options);
    assert!(r.findings.iter().all(|f| f.code != "LOC001"));
    let loc002 = r.findings.iter().find(|f| f.code == "LOC002").unwrap();
    assert_eq!(
        loc002.severity,
        Severity::Info,
        "codes are read in any case"
    );
    let loc004 = r.findings.iter().find(|f| f.code == "LOC004").unwrap();
    assert_eq!(loc004.severity, Severity::Warning, "the default severity");
}
