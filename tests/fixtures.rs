//! Fixture + snapshot tests, in the manner of ruff: each `tests/fixtures/NAME.json` holds a
//! readable form (`about`, `options`, `form`), and `NAME.snap` what marcheck reports for it, one
//! finding a line with its message and help, then the facts. A change in behaviour or wording
//! shows as a diff to review. `UPDATE_SNAPSHOTS=1 cargo test --test fixtures` rewrites them.
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use marcheck::{Date, Options, Report};
use serde_json::Value;

/// The report as the command line writes it (its one serde shape), laid out to be read in a
/// diff, under the fixture's description.
fn snapshot(about: &str, report: &Report) -> String {
    format!(
        "# {about}\n{}\n",
        serde_json::to_string_pretty(report).unwrap()
    )
}

#[test]
fn fixtures_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "the fixtures are there");
    let mut failures = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        let fixture: Value = serde_json::from_str(&text).unwrap();
        let about = match fixture.get("about") {
            Some(Value::String(s)) => s.to_string(),
            _ => String::new(),
        };
        let opts = fixture.get("options").unwrap_or(&Value::Null).to_string();
        let options = Options::from_json(&opts, Date::from_ymd(2026, 11, 29).unwrap()).unwrap();
        let report = marcheck::validate(fixture.get("form").unwrap_or(&Value::Null), &options);
        let got = snapshot(&about, &report);
        let snap = path.with_extension("snap");
        if update {
            std::fs::write(&snap, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&snap).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{}:\n--- want\n{want}\n--- got\n{got}",
                snap.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "snapshots differ (review, then UPDATE_SNAPSHOTS=1):\n{}",
        failures.join("\n")
    );
}
