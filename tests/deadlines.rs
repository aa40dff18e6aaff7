//! Deadlines (contract §9) across the fixtures: every fixture's deadlines agree with its report.
//! (Their cost beside validate's is measured in `tests/limits.rs`, which runs optimised.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use marcheck::deadlines::{Kind, deadlines_json};
use marcheck::{Date, Options, validate_json};

fn fixture(name: &str) -> (String, Options) {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let options = Options::from_json(
        &v["options"].to_string(),
        Date::from_ymd(2026, 11, 29).unwrap(),
    )
    .unwrap();
    (v["form"].to_string(), options)
}

#[test]
fn every_fixture_gives_the_expiry_its_report_states() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let (form, options) = fixture(&name);
        let report = validate_json(&form, &options);
        let due = deadlines_json(&form, &options);
        let expiry = due.iter().find(|d| d.kind == Kind::PreservationExpires);
        assert_eq!(
            expiry.map(|d| d.on),
            report.facts.preservation_expires_on,
            "{name}"
        );
        assert_eq!(
            expiry.map(|d| d.days_left),
            report.facts.preservation_days_left,
            "{name}"
        );
        assert!(
            due.windows(2)
                .all(|w| (w[0].on, w[0].kind) <= (w[1].on, w[1].kind)),
            "{name}"
        );
        seen += 1;
    }
    assert!(seen >= 10);
}
