use crate::rule::Hit;
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when an emergency does not say who is in danger (`emergency.personAtRisk`).
    ///
    /// ## Why
    /// Providers weigh an emergency disclosure against the identity of the person in danger:
    /// X asks for "the identity of the person in danger", the nature of the emergency and why
    /// the information is needed to prevent it; the Second Additional Protocol's emergency is a
    /// risk "to the life or safety of any natural person".
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "emergency_disclosure", "emergency": { "risk": "death" } }
    /// ```
    EMER009 {
        area: "emergency",
        severity: Warning,
        field: "emergency.personAtRisk",
        applies_to: [M, P, S, E],
        source: "X law enforcement guidelines (emergency requests); Second Additional Protocol (CETS 224) Art. 3(2)(c)",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.facts.emergency_applies(cx.form) && cx.form.emergency.person_at_risk.is_none() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"requestType":"emergency_disclosure","emergency":{"personAtRisk":"A 14-year-old girl, missing since Friday"}}"#);
        quiet(&RULE, r#"{"requestType":"formal_mar"}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "emergency.personAtRisk", r#"{"requestType":"emergency_disclosure"}"#);
        fires(&RULE, "emergency.personAtRisk", r#"{"emergency":{"active":true,"personAtRisk":" "}}"#);
    }
}
