use crate::date::Date;
use crate::path::{Field, indexed};
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a preservation request date, confirmation date or extension date after today
    /// (`asOf`). A future-dated extension still counts toward the expiry. Like the other window
    /// rules it applies for every status but `not_requested`.
    ///
    /// ## Why
    /// A date in the future is a typing slip (often a day-month swap) and makes every window wrong.
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "requestedOn": "2026-12-01" } }
    /// ```
    PRES005 {
        area: "preservation",
        severity: Error,
        field: "preservation.requestedOn",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["date", "today"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    // A window rule: it applies for every status but `not_requested` (contract §6).
    if !cx.facts.preservation_applies {
        return;
    }
    let p = &cx.form.preservation;
    let today = cx.facts.today;
    let mut flag = |d: Option<Date>, field: &dyn Fn() -> Field| {
        if let Some(d) = d.filter(|d| *d > today) {
            out.push(
                RULE.meta.hit_at(field())
                    .with("date", Param::Date(d))
                    .with("today", Param::Date(today)),
            );
        }
    };
    flag(p.requested_on, &|| "preservation.requestedOn".into());
    flag(p.confirmed_on, &|| "preservation.confirmedOn".into());
    for (i, e) in p.extensions.iter().enumerate() {
        flag(e.requested_on, &|| {
            indexed("preservation.extensions", i, "requestedOn")
        });
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"preservation":{"status":"not_requested","requestedOn":"2026-12-25"}}"#,
        );
        quiet(&RULE,
            r#"{"preservation":{"requestedOn":"2026-11-29","confirmedOn":"2026-11-29","extensions":[{"requestedOn":"2026-11-29"}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.requestedOn",
            r#"{"preservation":{"requestedOn":"2026-11-30"}}"#,
        );
        fires(&RULE,
            "preservation.confirmedOn",
            r#"{"preservation":{"requestedOn":"2026-11-01","confirmedOn":"2026-12-01"}}"#,
        );
        fires(&RULE,
            "preservation.extensions[1].requestedOn",
            r#"{"preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-01"},{"requestedOn":"2026-11-30"}]}}"#,
        );
    }

    #[test]
    fn a_future_extension_still_counts() {
        let r = run(
            r#"{"preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-30"}]}}"#,
            "",
        );
        assert_eq!(r.facts.extensions_counted, 1);
        assert_eq!(
            r.facts
                .preservation_expires_on
                .map(|d| d.to_string())
                .as_deref(),
            Some("2027-02-28")
        );
    }
}
