use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency is active, warns when the harm is expected more than
    /// `emergency.maxImminenceDays` days (default 7) after today.
    ///
    /// ## Why
    /// "Emergency" means a significant and *imminent* risk (Second Additional Protocol Art. 3(2)(c));
    /// a danger weeks away leaves time for the standard process, and providers will say so
    /// (Handbook §2.8).
    ///
    /// ## Example
    /// ```json
    /// { "emergency": { "active": true, "harmExpectedBy": "2027-01-15" } }
    /// ```
    EMER004 {
        area: "emergency",
        severity: Warning,
        field: "emergency.harmExpectedBy",
        applies_to: [M, P, S, E],
        source: "Handbook §2.8 (the 7 days are the portal's policy)",
        params: ["days", "max"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(t) = cx
        .form
        .emergency
        .harm_expected_by
        .filter(|_| cx.facts.emergency_applies(cx.form))
    else {
        return;
    };
    let days = t.date.days_since(cx.facts.today);
    let max = cx.options.max_imminence_days;
    if days > max {
        out.push(
            RULE.meta.hit()
                .with("days", Param::Int(days))
                .with("max", Param::Int(max)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-06"}}"#,
        ); // 7 days
        quiet(&RULE,
            r#"{"emergency":{"active":false,"harmExpectedBy":"2027-06-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-07T08:00+01:00"}}"#,
        ); // 8 days
        fires_with(&RULE,
            "emergency.harmExpectedBy",
            r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-03"}}"#,
            r#"{"emergency":{"maxImminenceDays":3}}"#,
        );
    }
}
