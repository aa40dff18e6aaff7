//! ## What it does
//! While the emergency is active, warns when the request was made orally and no date is given
//! for the written MAR that must follow.
//!
//! ## Why
//! An oral MAR is possible in an emergency, with a written MAR to follow (Handbook §2.8); the
//! requested country will not act further until it arrives.
//!
//! ## Example
//! ```json
//! { "emergency": { "active": true, "oral": true } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "EMER005",
    area: "emergency",
    severity: Severity::Warning,
    field: "emergency.writtenFollowUpOn",
    source: source::H28,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let e = &cx.form.emergency;
    if cx.form.emergency_active() && e.oral == Some(true) && e.written_follow_up_on.is_none() {
        out.push(RawFinding::new(RULE.code, "emergency.writtenFollowUpOn"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "EMER005",
            r#"{"emergency":{"active":true,"oral":true,"writtenFollowUpOn":"2026-12-01"}}"#,
        );
        quiet("EMER005", r#"{"emergency":{"active":false,"oral":true}}"#);
        quiet("EMER005", r#"{"emergency":{"active":true,"oral":false}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "EMER005",
            "emergency.writtenFollowUpOn",
            r#"{"emergency":{"active":true,"oral":"yes"}}"#,
        );
    }
}
