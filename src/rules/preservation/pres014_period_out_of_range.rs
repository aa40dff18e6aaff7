use crate::facts::PERIOD_RANGE;
use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a preservation period (initial, or an extension's) outside 1..=730 days. The period
    /// is then ignored and the fallback applies (the profile's, then the option's).
    ///
    /// ## Why
    /// No provider preserves for zero days, a negative number, or more than two years: the value is
    /// a typing slip (days typed as a date, months as days) that would make the expiry meaningless.
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "periodDays": 9000 } }
    /// ```
    PRES014 {
        area: "preservation",
        severity: Error,
        field: "preservation.periodDays",
        applies_to: [M, P, S],
        source: "18 U.S.C. §2703(f) (90 days, extended by 90; the 1–730 range is the portal's policy)",
        params: ["days", "max", "min"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let p = &cx.form.preservation;
    let finding = |field, days| {
        RULE.meta.hit_at(field)
            .with("days", Param::Int(days))
            .with("min", Param::Int(*PERIOD_RANGE.start()))
            .with("max", Param::Int(*PERIOD_RANGE.end()))
    };
    if let Some(d) = p.period_days.filter(|d| !PERIOD_RANGE.contains(d)) {
        out.push(finding("preservation.periodDays".into(), d));
    }
    for (i, e) in p.extensions.iter().enumerate() {
        if let Some(d) = e.period_days.filter(|d| !PERIOD_RANGE.contains(d)) {
            out.push(finding(
                indexed("preservation.extensions", i, "periodDays"),
                d,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"preservation":{"periodDays":1,"extensions":[{"periodDays":730}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.periodDays",
            r#"{"preservation":{"periodDays":0}}"#,
        );
        fires(&RULE,
            "preservation.periodDays",
            r#"{"preservation":{"periodDays":"-90"}}"#,
        );
        fires(&RULE,
            "preservation.extensions[0].periodDays",
            r#"{"preservation":{"extensions":[{"periodDays":731}]}}"#,
        );
    }

    #[test]
    fn an_out_of_range_period_falls_back() {
        // 9000 is ignored: Meta's 90 days apply, then the option's when there is no profile.
        let r = run(
            r#"{"provider":{"profile":"meta"},"preservation":{"confirmedOn":"2026-09-01","periodDays":9000}}"#,
            "",
        );
        assert_eq!(
            r.facts
                .preservation_expires_on
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-11-30")
        );
        let r = run(
            r#"{"preservation":{"confirmedOn":"2026-09-01","periodDays":0}}"#,
            // No profile selected: us_default's period applies, then the option when it has none.
            r#"{"preservation":{"defaultPeriodDays":60},"providers":{"us_default":{"periodDays":null}}}"#,
        );
        assert_eq!(
            r.facts
                .preservation_expires_on
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-10-31")
        );
    }
}
