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
