//! ## What it does
//! While the emergency is active, warns when the harm is expected more than
//! `emergency.maxImminenceDays` days (default 7) after today.
//!
//! ## Why
//! "Emergency" means a significant and *imminent* risk (Second Additional Protocol Art. 3(2)(c));
//! a danger weeks away leaves time for the standard process, and providers will say so
//! (Handbook §2.8).
//!
//! ## Example
//! ```json
//! { "emergency": { "active": true, "harmExpectedBy": "2027-01-15" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "EMER004",
    area: "emergency",
    severity: Severity::Warning,
    field: "emergency.harmExpectedBy",
    source: source::H28,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let Some(t) = cx
        .form
        .emergency
        .harm_expected_by
        .filter(|_| cx.form.emergency_active())
    else {
        return;
    };
    let days = t.date.days_since(cx.derived.today);
    let max = cx.options.max_imminence_days;
    if days > max {
        out.push(
            RawFinding::new(RULE.code, "emergency.harmExpectedBy")
                .with("days", Param::Int(days))
                .with("max", Param::Int(max)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "EMER004",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-06"}}"#,
        ); // 7 days
        quiet(
            "EMER004",
            r#"{"emergency":{"active":false,"harmExpectedBy":"2027-06-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "EMER004",
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-07T08:00+01:00"}}"#,
        ); // 8 days
        fires_with(
            "EMER004",
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-03"}}"#,
            r#"{"emergency":{"maxImminenceDays":3}}"#,
        );
    }
}
