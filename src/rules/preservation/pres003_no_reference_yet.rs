use crate::form::PreservationStatus;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when a preservation was requested, no reference has come, and more than
    /// `preservation.responseBusinessDays` business days (default 2; Monday–Friday, less
    /// `holidays`) have passed since `requestedOn`.
    ///
    /// ## Why
    /// Providers answer a preservation request with a reference number within 1–2 business days
    /// (Handbook §2.7). Silence after that usually means the request never arrived: until it is
    /// confirmed, nothing is preserved.
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "status": "requested", "requestedOn": "2026-11-20" } }
    /// ```
    PRES003 {
        area: "preservation",
        severity: Warning,
        field: "preservation.reference",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["businessDays", "dueOn"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let p = &cx.form.preservation;
    if p.status != Some(PreservationStatus::Requested) || p.reference.is_some() {
        return;
    }
    if let Some(due) = cx
        .facts
        .response_due_on
        .filter(|due| cx.facts.today > *due)
    {
        out.push(
            RULE.meta.hit()
                .with("dueOn", Param::Date(due))
                .with(
                    "businessDays",
                    Param::Int(cx.options.preservation.response_business_days),
                ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    const FRIDAY: &str = r#"{"preservation":{"status":"requested","requestedOn":"2026-11-27"}}"#;

    #[test]
    fn pass() {
        // Asked Friday 27 Nov: two business days end Tuesday 1 Dec; on that day, still quiet.
        quiet_with(&RULE, FRIDAY, r#"{"asOf":"2026-11-30"}"#);
        quiet_with(&RULE, FRIDAY, r#"{"asOf":"2026-12-01"}"#);
        // A holiday on Monday moves the answer to Wednesday.
        quiet_with(&RULE,
            FRIDAY,
            r#"{"asOf":"2026-12-02","holidays":["2026-11-30"]}"#,
        );
        quiet_with(&RULE,
            r#"{"preservation":{"status":"requested","requestedOn":"2026-11-02","reference":"G-1234"}}"#,
            "",
        );
    }

    #[test]
    fn fail() {
        fires_with(&RULE,
            "preservation.reference",
            FRIDAY,
            r#"{"asOf":"2026-12-02"}"#,
        );
        fires_with(&RULE,
            "preservation.reference",
            FRIDAY,
            r#"{"asOf":"2026-12-03","holidays":["2026-11-30"]}"#,
        );
    }
}
