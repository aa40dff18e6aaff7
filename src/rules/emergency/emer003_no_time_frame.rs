use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency is active, checks that a time frame (`harmExpectedBy`) is given and is
    /// not before today (`asOf`). The day of a date-time is its date as written.
    ///
    /// ## Why
    /// Clearly setting out the time frame and the imminence of the danger is what shows there is no
    /// time for the standard MLA process (Handbook §2.8).
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
        params: ["date", "today", "variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if !cx.form.emergency_active() {
        return;
    }
    let finding = RULE.meta.hit();
    match cx.form.emergency.harm_expected_by {
        None => out.push(finding.with("variant", Param::Term("missing"))),
        Some(t) if t.date < cx.facts.today => out.push(
            finding
                .with("variant", Param::Term("past"))
                .with("date", Param::Date(t.date))
                .with("today", Param::Date(cx.facts.today)),
        ),
        Some(_) => {}
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
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true}}"#,
        );
        fires(&RULE,
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-11-28T23:59"}}"#,
        );
    }
}
