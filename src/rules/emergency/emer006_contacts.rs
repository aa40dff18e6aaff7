use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency is active, reminds the officer of the emergency contacts.
    ///
    /// ## Why
    /// The 24/7 Network of contact points, INTERPOL and the Pacific Transnational Crime Network
    /// advise on emergency requests; for the US, the FBI legal attaché helps follow the request
    /// through with the providers and the DOJ Office of International Affairs (Handbook §2.8).
    ///
    /// ## Example
    /// ```json
    /// { "emergency": { "active": true } }
    /// ```
    EMER006 {
        area: "emergency",
        severity: Info,
        field: "emergency.active",
        applies_to: [M, P, S, E],
        source: source::HANDBOOK_2_8,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.facts.emergency_applies(cx.form) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"emergency":{"active":"off"}}"#);
        quiet(&RULE, "{}");
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "emergency.active",
            r#"{"emergency":{"active":"on"}}"#,
        );
    }
}
