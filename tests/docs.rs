//! `docs/rules.md` is generated from the rule table; this fails when it is stale.
//! Regenerate with `make docs`.
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[test]
fn rules_doc_is_fresh() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_marcheck"))
        .args(["rules", "--markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .unwrap_or_default();
    assert!(
        generated == committed,
        "docs/rules.md is stale: run `make docs` and commit it"
    );
}

#[test]
fn every_rule_is_documented_once() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .unwrap_or_default();
    for rule in marcheck::rules::RULES {
        let code = rule.meta.code;
        let row = format!("| [{code}](#{}) |", code.to_ascii_lowercase());
        assert_eq!(
            doc.matches(&row).count(),
            1,
            "{code} appears once in the table of docs/rules.md"
        );
    }
}
