use crate::form::Risk;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency is active, checks that the risk is a risk of death or of serious harm.
    ///
    /// ## Why
    /// Emergency disclosure exists only for a significant and imminent risk to the life or safety of
    /// a person (18 U.S.C. §2702(b)(8); Second Additional Protocol Art. 9–10; Handbook §2.8). Any
    /// other urgency follows the standard process, perhaps expedited.
    ///
    /// ## Example
    /// ```json
    /// { "emergency": { "active": true, "risk": "other" } }
    /// ```
    EMER002 {
        area: "emergency",
        severity: Error,
        field: "emergency.risk",
        applies_to: [M, P, S, E],
        source: "18 U.S.C. §2702(b)(8), (c)(4); Handbook §2.8",
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let risk = cx.form.emergency.risk;
    if cx.facts.emergency_applies(cx.form) && matches!(risk, None | Some(Risk::Other)) {
        let variant = if risk.is_none() { "missing" } else { "other" };
        out.push(RULE.meta.hit().with("variant", Param::Term(variant)));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"emergency":{"active":true,"risk":"death"}}"#);
        quiet(&RULE,
            r#"{"emergency":{"active":true,"risk":"serious_harm"}}"#,
        );
        quiet(&RULE,
            r#"{"emergency":{"active":false,"risk":"other"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "emergency.risk",
            r#"{"emergency":{"active":true,"risk":"other"}}"#,
        );
        fires(&RULE,
            "emergency.risk",
            r#"{"emergency":{"active":true}}"#,
        );
    }
}
