//! ## What it does
//! Checks that a preservation reference number is given when the status is `preserved`, or when
//! the request is a formal MAR.
//!
//! ## Why
//! The provider finds the snapshot by its reference. The MAR must state the date of
//! preservation, any extensions and the reference number (Handbook §2.7; Second Additional
//! Protocol Art. 7).
//!
//! ## Example
//! ```json
//! { "requestType": "formal_mar", "preservation": { "status": "preserved", "confirmedOn": "2026-09-01" } }
//! ```

use crate::form::{PreservationStatus, RequestType};
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES001",
    area: "preservation",
    severity: Severity::Error,
    field: "preservation.reference",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let f = cx.form;
    let needed = f.preservation.status == Some(PreservationStatus::Preserved)
        || f.request_type == Some(RequestType::FormalMar);
    if needed && f.preservation.reference.is_none() {
        out.push(RawFinding::new(RULE.code, "preservation.reference"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES001",
            r#"{"requestType":"formal_mar","preservation":{"status":"preserved","reference":"META-2026-0457"}}"#,
        );
        quiet(
            "PRES001",
            r#"{"requestType":"police_to_police","preservation":{"status":"requested"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "PRES001",
            "preservation.reference",
            r#"{"preservation":{"status":"preserved"}}"#,
        );
        fires(
            "PRES001",
            "preservation.reference",
            r#"{"requestType":"formal_mar","preservation":{"status":"requested","reference":"  "}}"#,
        );
    }
}
