//! ## What it does
//! Reports a preservation marked `preserved` with neither a confirmation date nor a request date.
//!
//! ## Why
//! Without a date nobody can tell when the snapshot lapses, and the MAR must state the date of
//! preservation (Handbook §2.7).
//!
//! ## Example
//! ```json
//! { "preservation": { "status": "preserved", "reference": "META-2026-0457" } }
//! ```

use crate::form::PreservationStatus;
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES004",
    area: "preservation",
    severity: Severity::Error,
    field: "preservation.confirmedOn",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let p = &cx.form.preservation;
    if p.status == Some(PreservationStatus::Preserved)
        && p.confirmed_on.is_none()
        && p.requested_on.is_none()
    {
        out.push(RawFinding::new(RULE.code, "preservation.confirmedOn"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES004",
            r#"{"preservation":{"status":"preserved","requestedOn":"2026-11-01"}}"#,
        );
        quiet("PRES004", r#"{"preservation":{"status":"requested"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "PRES004",
            "preservation.confirmedOn",
            r#"{"preservation":{"status":"preserved"}}"#,
        );
    }
}
