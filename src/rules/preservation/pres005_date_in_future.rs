//! ## What it does
//! Reports a preservation request date, confirmation date or extension date after today
//! (`asOf`). A future-dated extension still counts toward the expiry. Like the other window
//! rules it applies for every status but `not_requested`.
//!
//! ## Why
//! A date in the future is a typing slip (often a day-month swap) and makes every window wrong.
//!
//! ## Example
//! ```json
//! { "preservation": { "requestedOn": "2026-12-01" } }
//! ```

use crate::date::Date;
use crate::form::path::{Field, indexed};
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES005",
    area: "preservation",
    severity: Severity::Error,
    field: "(that date)",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    // A window rule: it applies for every status but `not_requested` (contract §6).
    if !cx.derived.preservation_applies {
        return;
    }
    let p = &cx.form.preservation;
    let today = cx.derived.today;
    let mut flag = |d: Option<Date>, field: &dyn Fn() -> Field| {
        if let Some(d) = d.filter(|d| *d > today) {
            out.push(
                RawFinding::new(RULE.code, field())
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
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES005",
            r#"{"preservation":{"status":"not_requested","requestedOn":"2026-12-25"}}"#,
        );
        quiet(
            "PRES005",
            r#"{"preservation":{"requestedOn":"2026-11-29","confirmedOn":"2026-11-29","extensions":[{"requestedOn":"2026-11-29"}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "PRES005",
            "preservation.requestedOn",
            r#"{"preservation":{"requestedOn":"2026-11-30"}}"#,
        );
        fires(
            "PRES005",
            "preservation.confirmedOn",
            r#"{"preservation":{"requestedOn":"2026-11-01","confirmedOn":"2026-12-01"}}"#,
        );
        fires(
            "PRES005",
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
