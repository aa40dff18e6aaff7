//! Golden reports: every fixture, demo sample and bench form, in both locales and under every
//! request type, read from its JSON text as a portal sends it. `tests/golden/reports.ndjson` was
//! written by v2's serde_json reader (main `5b3a810`) before the one-pass reader replaced it
//! (issue 15), so a report that changes is a change of reading to review, not noise.
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use marcheck::{Date, Options};
use serde_json::Value;

const REQUEST_TYPES: [Option<&str>; 5] = [
    None,
    Some("formal_mar"),
    Some("police_to_police"),
    Some("preservation_only"),
    Some("emergency_disclosure"),
];

/// `(case name, options JSON, form JSON text)` for every form the project keeps.
fn cases() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = ["tests/fixtures", "www/samples", "bench/forms"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.ends_with("index.json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        // A fixture is { about, options, form }, a demo sample { title, asOf, form }; a bench
        // form is the form itself.
        let (form, mut options) = match doc.get("form") {
            Some(f) => (
                f.clone(),
                doc.get("options").cloned().unwrap_or(Value::Null),
            ),
            None => (doc.clone(), Value::Null),
        };
        if let (Some(as_of), Value::Null) = (doc.get("asOf"), &options) {
            options = serde_json::json!({ "asOf": as_of });
        }
        for locale in ["en", "fr"] {
            let mut o = match &options {
                Value::Object(m) => m.clone(),
                _ => serde_json::Map::new(),
            };
            o.entry("locale").or_insert(Value::from(locale));
            o.entry("asOf").or_insert(Value::from("2026-11-29"));
            for rt in REQUEST_TYPES {
                let mut f = form.clone();
                if let (Some(rt), Value::Object(m)) = (rt, &mut f) {
                    m.insert("requestType".into(), Value::from(rt));
                }
                out.push((
                    format!("{name} {locale} {}", rt.unwrap_or("as-given")),
                    Value::Object(o.clone()).to_string(),
                    serde_json::to_string_pretty(&f).unwrap(),
                ));
            }
        }
    }
    out
}

#[test]
fn every_report_is_the_golden_one() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/reports.ndjson");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let today = Date::from_ymd(2026, 11, 29).unwrap();
    let mut lines = Vec::new();
    for (name, options, form) in cases() {
        let options = Options::from_json(&options, today).unwrap();
        let report = marcheck::validate_json(&form, &options);
        let line = serde_json::json!({ "case": name, "report": report });
        lines.push(line.to_string());
    }
    assert!(lines.len() >= 200, "{} cases", lines.len());
    let got = lines.join("\n") + "\n";
    if update {
        std::fs::write(&file, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&file).unwrap();
    let (want, got): (Vec<_>, Vec<_>) = (want.lines().collect(), got.lines().collect());
    assert_eq!(want.len(), got.len(), "the number of cases");
    let differ: Vec<_> = want
        .iter()
        .zip(&got)
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("--- want\n{w}\n--- got\n{g}"))
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} reports differ from the golden ones:\n{}",
        differ.len(),
        want.len(),
        differ
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
