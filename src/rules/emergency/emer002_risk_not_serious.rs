//! ## What it does
//! While the emergency is active, checks that the risk is a risk of death or of serious harm.
//!
//! ## Why
//! Emergency disclosure exists only for a significant and imminent risk to the life or safety of
//! a person (18 U.S.C. §2702(b)(8); Second Additional Protocol Art. 9–10; Handbook §2.8). Any
//! other urgency follows the standard process, perhaps expedited.
//!
//! ## Example
//! ```json
//! { "emergency": { "active": true, "risk": "other" } }
//! ```

use crate::form::Risk;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "EMER002",
    area: "emergency",
    severity: Severity::Error,
    field: "emergency.risk",
    source: source::H28,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let risk = cx.form.emergency.risk;
    if cx.form.emergency_active() && !matches!(risk, Some(Risk::Death | Risk::SeriousHarm)) {
        let variant = if risk.is_none() { "missing" } else { "other" };
        out.push(
            RawFinding::new(RULE.code, "emergency.risk").with("variant", Param::Term(variant)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("EMER002", r#"{"emergency":{"active":true,"risk":"death"}}"#);
        quiet(
            "EMER002",
            r#"{"emergency":{"active":true,"risk":"serious_harm"}}"#,
        );
        quiet(
            "EMER002",
            r#"{"emergency":{"active":false,"risk":"other"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "EMER002",
            "emergency.risk",
            r#"{"emergency":{"active":true,"risk":"other"}}"#,
        );
        fires(
            "EMER002",
            "emergency.risk",
            r#"{"emergency":{"active":true}}"#,
        );
    }
}
