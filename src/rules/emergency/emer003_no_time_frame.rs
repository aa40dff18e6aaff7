use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency applies, checks that a time frame (`harmExpectedBy`) is given, unless
    /// the danger is `ongoing`. A time frame that has passed is EMER008's.
    ///
    /// ## Why
    /// Clearly setting out the time frame and the imminence of the danger is what shows there is no
    /// time for the standard MLA process (Handbook §2.8). An abduction or a missing child is an
    /// ongoing danger: it has no time by which it will happen, and it is no less urgent.
    ///
    /// ## Example
    /// ```json
    /// { "emergency": { "active": true, "risk": "death" } }
    /// ```
    EMER003 {
        area: "emergency",
        severity: Error,
        field: "emergency.harmExpectedBy",
        applies_to: [M, P, S, E],
        source: source::HANDBOOK_2_8,
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let e = &cx.form.emergency;
    // An ongoing danger (an abduction, a missing child) has no time by which it will happen.
    if cx.facts.emergency_applies(cx.form) && e.harm_expected_by.is_none() && e.ongoing != Some(true) {
        out.push(RULE.meta.hit().with("variant", Param::Term("missing")));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-29T22:00:00+12:00"}}"#,
        ); // today
        quiet(&RULE,
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-30"}}"#,
        );
        quiet(&RULE, r#"{"emergency":{"active":false}}"#);
        // An ongoing danger needs no time frame; a past one is EMER008's.
        quiet(&RULE, r#"{"requestType":"emergency_disclosure","emergency":{"ongoing":true}}"#);
        quiet(&RULE,
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-28T23:59"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true}}"#,
        );
        fires(&RULE,
            "emergency.harmExpectedBy",
            r#"{"requestType":"emergency_disclosure","emergency":{"ongoing":false}}"#,
        );
    }
}
