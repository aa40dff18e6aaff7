//! Tests of the catalogue as a whole: every declaration is sound, and every rule's *Example*
//! runs and fires.

use super::*;
use crate::path::FORM_ORDER;
use crate::rules::testing::{fields_of, run};

#[test]
fn codes_are_found_by_their_key() {
    for (i, r) in RULES.iter().enumerate() {
        assert_eq!(index_of(r.meta.code), Some(i), "{}", r.meta.code);
    }
    for other in ["", "PRES", "PRES0077", "pres007", "PRES007 ", "XPRES0071"] {
        assert_eq!(index_of(other), None, "{other}");
    }
}

#[test]
fn every_declared_field_is_a_model_path() {
    for r in RULES {
        assert!(
            FORM_ORDER.contains(&r.meta.field),
            "{}: field {:?} is not a path of the model",
            r.meta.code,
            r.meta.field
        );
    }
}

#[test]
fn every_rule_is_documented_with_what_why_and_an_example() {
    for r in RULES {
        let m = &r.meta;
        assert!(m.doc_section("What it does").len() > 20, "{}: What", m.code);
        assert!(m.doc_section("Why").len() > 20, "{}: Why", m.code);
        assert!(!m.examples().is_empty(), "{}: a ```json example", m.code);
        assert!(!m.source.is_empty(), "{}: source", m.code);
    }
}

#[test]
fn every_example_fires_its_rule() {
    for r in RULES {
        let examples = r.meta.examples();
        let form = examples.first().copied().unwrap_or("{}");
        let options = examples.get(1).copied().unwrap_or("");
        let fired = fields_of(r, form, options);
        assert!(
            !fired.is_empty(),
            "{}'s Example does not fire it: {form} (options {options:?}); report: {:?}",
            r.meta.code,
            run(form, options)
                .findings
                .iter()
                .map(|f| f.code)
                .collect::<Vec<_>>()
        );
    }
}

/// What each rule reads (`READS`, found by build.rs in the rule's own file) is all it reads:
/// over every rule's example, every fixture and the benchmark's forms, putting another of
/// these forms' value at a top-level key outside a rule's reads (or taking the key away) never
/// changes that rule's findings. Sessions run again only the rules that read a key that changed
/// (`Cache`), so a key missing from a rule's reads would leave its findings stale.
#[test]
fn a_rule_reads_only_the_keys_it_is_said_to_read() {
    use crate::form::read::FORM_KEYS;
    use crate::json::Raw;
    let mut cases: Vec<(String, String)> = RULES
        .iter()
        .filter_map(|r| {
            let e = r.meta.examples();
            let options = e.get(1).copied().unwrap_or("");
            e.first().map(|f| (f.to_string(), options.to_string()))
        })
        .collect();
    for dir in ["tests/fixtures", "bench/forms"] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
        {
            cases.push((std::fs::read_to_string(path).unwrap(), String::new()));
        }
    }
    let forms: Vec<Raw> = cases.iter().map(|(f, _)| Raw::parse(f).unwrap()).collect();
    let of = |report: &crate::Report, code: &str| -> Vec<String> {
        report
            .findings
            .iter()
            .filter(|f| f.code == code)
            .map(|f| format!("{} {:?} {}", f.field, f.severity, f.message))
            .collect()
    };
    let mut tried = 0;
    for (k, key) in FORM_KEYS.iter().enumerate() {
        let outside: Vec<&Rule> = RULES
            .iter()
            .zip(READS)
            .filter(|(r, m)| *m & (1 << k) == 0 && r.meta.code != catalogue::FORM001.meta.code)
            .map(|(r, _)| r)
            .collect();
        // The values of `key` in the forms, each once, and none.
        let mut values: Vec<Option<&Raw>> = vec![None];
        let mut seen = std::collections::BTreeSet::new();
        for v in forms.iter().filter_map(|g| g.get(key)) {
            if seen.insert(v.to_json()) {
                values.push(Some(v));
            }
        }
        for ((text, options), form) in cases.iter().zip(&forms) {
            let Raw::Object(entries) = form else { continue };
            let base = run(text, options);
            for v in &values {
                let mut e: Vec<(String, Raw)> =
                    entries.iter().filter(|(n, _)| n != key).cloned().collect();
                if let Some(v) = v {
                    e.push((key.to_string(), (*v).clone()));
                }
                let changed = run(&Raw::Object(e).to_json(), options);
                tried += 1;
                for r in &outside {
                    assert_eq!(
                        of(&base, r.meta.code),
                        of(&changed, r.meta.code),
                        "{} changed with `{key}`, which is not in its reads (build.rs, rule_reads), for {text}",
                        r.meta.code
                    );
                }
            }
        }
    }
    assert!(tried > 5_000, "{tried} forms tried");
}
