//! ## What it does
//! While the emergency is active, checks that a time frame (`harmExpectedBy`) is given and is
//! not before today (`asOf`). The day of a date-time is its date as written.
//!
//! ## Why
//! Clearly setting out the time frame and the imminence of the danger is what shows there is no
//! time for the standard MLA process (Handbook §2.8).
//!
//! ## Example
//! ```json
//! { "emergency": { "active": true, "risk": "death" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "EMER003",
    area: "emergency",
    severity: Severity::Error,
    field: "emergency.harmExpectedBy",
    source: source::H28,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if !cx.form.emergency_active() {
        return;
    }
    let finding = RawFinding::new(RULE.code, "emergency.harmExpectedBy");
    match cx.form.emergency.harm_expected_by {
        None => out.push(finding.with("variant", Param::Term("missing"))),
        Some(t) if t.date < cx.derived.today => out.push(
            finding
                .with("variant", Param::Term("past"))
                .with("date", Param::Date(t.date))
                .with("today", Param::Date(cx.derived.today)),
        ),
        Some(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "EMER003",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-29T22:00:00+12:00"}}"#,
        ); // today
        quiet(
            "EMER003",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-30"}}"#,
        );
        quiet("EMER003", r#"{"emergency":{"active":false}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "EMER003",
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true}}"#,
        );
        fires(
            "EMER003",
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-28T23:59"}}"#,
        );
    }
}
