use crate::form::{RequestType, Risk};
use crate::rule::Hit;
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when an emergency that goes to a provider (`requestType` emergency_disclosure, or a
    /// provider profile is selected) states its risk only as `serious_harm`.
    ///
    /// ## Why
    /// US providers disclose in an emergency only for a "danger of death or serious physical
    /// injury" (18 U.S.C. §2702(b)(8), (c)(4)); Meta also for "imminent harm to a child". A
    /// purely financial or reputational harm is refused. Between countries the handbook's
    /// "serious harm" (§2.8) stands, so this is a warning: say which danger it is.
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "emergency_disclosure", "emergency": { "risk": "serious_harm" } }
    /// ```
    EMER007 {
        area: "emergency",
        severity: Warning,
        field: "emergency.risk",
        applies_to: [M, P, S, E],
        source: "18 U.S.C. §2702(b)(8), (c)(4); providers' law enforcement guidelines",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let to_provider = cx.facts.request_type == RequestType::EmergencyDisclosure
        || cx.facts.selected_profile.is_some();
    if cx.facts.emergency_applies(cx.form) && to_provider && cx.form.emergency.risk == Some(Risk::SeriousHarm) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for risk in ["death", "serious_physical_injury", "child_harm"] {
            quiet(&RULE, &format!(r#"{{"requestType":"emergency_disclosure","emergency":{{"risk":"{risk}"}}}}"#));
        }
        // Between countries, the handbook's serious harm stands.
        quiet(&RULE, r#"{"requestType":"formal_mar","emergency":{"active":true,"risk":"serious_harm"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "emergency.risk", r#"{"requestType":"emergency_disclosure","emergency":{"risk":"serious_harm"}}"#);
        fires(
            &RULE,
            "emergency.risk",
            r#"{"provider":{"profile":"meta"},"emergency":{"active":true,"risk":"serious_harm"}}"#,
        );
    }
}
