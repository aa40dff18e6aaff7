//! ## What it does
//! Warns when the preservation is `preserved` but no proof of it is attached.
//!
//! ## Why
//! Some countries will not accept a MAR for internet records without proof that the data is
//! preserved (Handbook §2.7): attach the provider's confirmation.
//!
//! ## Example
//! ```json
//! { "preservation": { "status": "preserved", "proofAttached": false } }
//! ```

use crate::form::PreservationStatus;
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES010",
    area: "preservation",
    severity: Severity::Warning,
    field: "preservation.proofAttached",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let p = &cx.form.preservation;
    if p.status == Some(PreservationStatus::Preserved) && p.proof_attached != Some(true) {
        out.push(RawFinding::new(RULE.code, "preservation.proofAttached"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES010",
            r#"{"preservation":{"status":"preserved","proofAttached":"on"}}"#,
        );
        quiet("PRES010", r#"{"preservation":{"status":"requested"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "PRES010",
            "preservation.proofAttached",
            r#"{"preservation":{"status":"preserved","proofAttached":"off"}}"#,
        );
        fires(
            "PRES010",
            "preservation.proofAttached",
            r#"{"preservation":{"status":"preserved"}}"#,
        );
    }
}
