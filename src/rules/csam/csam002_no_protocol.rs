//! ## What it does
//! Reports records likely to contain CSAM without a handling protocol.
//!
//! ## Why
//! Handling protocols for CSAM are agreed between the requesting and the requested country
//! before the material moves (Handbook §2.9): who receives it, how, and how it is stored.
//!
//! ## Example
//! ```json
//! { "csam": { "likely": true, "declared": true } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CSAM002",
    area: "csam",
    severity: Severity::Error,
    field: "csam.handlingProtocol",
    source: source::H29,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.csam_likely() && cx.form.csam.handling_protocol.is_none() {
        out.push(RawFinding::new(RULE.code, "csam.handlingProtocol"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "CSAM002",
            r#"{"csam":{"likely":true,"handlingProtocol":"Encrypted drive to the AFP ACCCE liaison."}}"#,
        );
        quiet("CSAM002", r#"{"csam":{"likely":false}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "CSAM002",
            "csam.handlingProtocol",
            r#"{"csam":{"likely":true,"handlingProtocol":""}}"#,
        );
    }
}
