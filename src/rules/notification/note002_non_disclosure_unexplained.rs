//! ## What it does
//! Warns when non-disclosure is requested without a reason, or without a duration.
//!
//! ## Why
//! A provider honours a request to refrain from notifying its user when it is told why notice
//! would harm the investigation, and for how long; X asks non-disclosure orders to state a
//! duration (Handbook §2.7).
//!
//! ## Example
//! ```json
//! { "notification": { "requestNonDisclosure": true, "reason": "Suspect would destroy evidence." } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "NOTE002",
    area: "notification",
    severity: Severity::Warning,
    field: "notification.reason",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let n = &cx.form.notification;
    if n.request_non_disclosure != Some(true) {
        return;
    }
    let variant = match (n.reason.is_some(), n.duration_days.is_some()) {
        (true, true) => return,
        (false, true) => "reason",
        (true, false) => "duration",
        (false, false) => "both",
    };
    out.push(
        RawFinding::new(RULE.code, "notification.reason").with("variant", Param::Term(variant)),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "NOTE002",
            r#"{"notification":{"requestNonDisclosure":true,"reason":"Evidence would be destroyed.","durationDays":"90"}}"#,
        );
        quiet(
            "NOTE002",
            r#"{"notification":{"requestNonDisclosure":false}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "NOTE002",
            "notification.reason",
            r#"{"notification":{"requestNonDisclosure":true,"reason":"Evidence would be destroyed."}}"#,
        );
        fires(
            "NOTE002",
            "notification.reason",
            r#"{"notification":{"requestNonDisclosure":true,"durationDays":90}}"#,
        );
        fires(
            "NOTE002",
            "notification.reason",
            r#"{"notification":{"requestNonDisclosure":"yes"}}"#,
        );
    }
}
