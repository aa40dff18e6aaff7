use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency is active, warns when the request was made orally and no date is given
    /// for the written MAR that must follow.
    ///
    /// ## Why
    /// An oral MAR is possible in an emergency, with a written MAR to follow (Handbook §2.8); the
    /// requested country will not act further until it arrives.
    ///
    /// ## Example
    /// ```json
    /// { "emergency": { "active": true, "oral": true } }
    /// ```
    EMER005 {
        area: "emergency",
        severity: Warning,
        field: "emergency.writtenFollowUpOn",
        applies_to: [M, P, S, E],
        source: source::HANDBOOK_2_8,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let e = &cx.form.emergency;
    if cx.facts.emergency_applies(cx.form) && e.oral == Some(true) && e.written_follow_up_on.is_none() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"emergency":{"active":true,"oral":true,"writtenFollowUpOn":"2026-12-01"}}"#,
        );
        quiet(&RULE, r#"{"emergency":{"active":false,"oral":true}}"#);
        quiet(&RULE, r#"{"emergency":{"active":true,"oral":false}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "emergency.writtenFollowUpOn",
            r#"{"emergency":{"active":true,"oral":"yes"}}"#,
        );
    }
}
