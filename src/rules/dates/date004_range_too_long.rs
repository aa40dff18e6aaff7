use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the date range spans more than `dateRange.maxSpanDays` days (default 365),
    /// counted as `to − from`.
    ///
    /// ## Why
    /// Providers and courts expect a request narrowly tailored to the offence; a sweeping range
    /// invites refusal or a request to narrow it (Handbook ch. 7; proportionality).
    ///
    /// ## Example
    /// ```json
    /// { "data": { "from": "2024-01-01", "to": "2026-01-01" } }
    /// ```
    DATE004 {
        area: "dates",
        severity: Warning,
        field: "data.from",
        applies_to: [M, P, S, E],
        source: "Providers' law enforcement guidelines (requests with particularity; the 365 days are the portal's policy)",
        params: ["days", "max"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let (Some(from), Some(to)) = (cx.form.data.from, cx.form.data.to) {
        let span = to.days_since(from);
        let max = cx.options.max_span_days;
        if span > max {
            out.push(
                RULE.meta.hit()
                    .with("days", Param::Int(span))
                    .with("max", Param::Int(max)),
            );
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
            r#"{"data":{"from":"2025-01-01","to":"2026-01-01"}}"#,
        ); // 365 days
        quiet(&RULE,
            r#"{"data":{"from":"2024-01-01","to":"2024-12-31"}}"#,
        ); // 365 in a leap year
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "data.from",
            r#"{"data":{"from":"2024-12-31","to":"2026-01-01"}}"#,
        ); // 366
        fires(&RULE,
            "data.from",
            r#"{"data":{"from":"2024-01-01","to":"2025-01-01"}}"#,
        ); // 366, leap year
        fires_with(&RULE,
            "data.from",
            r#"{"data":{"from":"2026-01-01","to":"2026-01-31"}}"#,
            r#"{"dateRange":{"maxSpanDays":29}}"#,
        );
    }
}
