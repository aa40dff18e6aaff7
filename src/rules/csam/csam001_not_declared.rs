//! ## What it does
//! Reports records likely to contain child sexual abuse material (CSAM) when the MAR does not
//! declare it.
//!
//! ## Why
//! If the records are likely to contain CSAM it must be specifically noted in the MAR, and
//! specific handling protocols apply (Handbook §2.9). Undeclared, the material may be sent by
//! ordinary channels, which is itself an offence in most countries.
//!
//! ## Example
//! ```json
//! { "csam": { "likely": true, "declared": false } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CSAM001",
    area: "csam",
    severity: Severity::Error,
    field: "csam.declared",
    source: source::H29,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.csam_likely() && cx.form.csam.declared != Some(true) {
        out.push(RawFinding::new(RULE.code, "csam.declared"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("CSAM001", r#"{"csam":{"likely":true,"declared":true}}"#);
        quiet("CSAM001", r#"{"csam":{"likely":false}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "CSAM001",
            "csam.declared",
            r#"{"csam":{"likely":"yes","declared":"no"}}"#,
        );
        fires("CSAM001", "csam.declared", r#"{"csam":{"likely":true}}"#);
    }
}
