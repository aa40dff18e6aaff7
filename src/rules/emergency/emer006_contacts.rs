//! ## What it does
//! While the emergency is active, reminds the officer of the emergency contacts.
//!
//! ## Why
//! The 24/7 Network of contact points, INTERPOL and the Pacific Transnational Crime Network
//! advise on emergency requests; for the US, the FBI legal attaché helps follow the request
//! through with the providers and the DOJ Office of International Affairs (Handbook §2.8).
//!
//! ## Example
//! ```json
//! { "emergency": { "active": true } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "EMER006",
    area: "emergency",
    severity: Severity::Info,
    field: "emergency.active",
    source: source::H28,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.emergency_active() {
        out.push(RawFinding::new(RULE.code, "emergency.active"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("EMER006", r#"{"emergency":{"active":"off"}}"#);
        quiet("EMER006", "{}");
    }

    #[test]
    fn fail() {
        fires(
            "EMER006",
            "emergency.active",
            r#"{"emergency":{"active":"on"}}"#,
        );
    }
}
