//! ## What it does
//! Warns when the initial period plus the counted extensions exceed the maximum a provider
//! keeps a preservation: the profile's `maxTotalDays`, else `preservation.maxTotalDays`
//! (default 180: 90 days and one 90-day extension under 18 U.S.C. §2703(f)).
//!
//! ## Why
//! Beyond the maximum the provider may not honour the extension; the data is safe only if the
//! MAR is executed first, or the provider agrees (Handbook §2.7).
//!
//! ## Example
//! ```json
//! { "preservation": { "confirmedOn": "2026-03-01", "extensions": [{ "requestedOn": "2026-05-20" }, { "requestedOn": "2026-08-20" }] } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES009",
    area: "preservation",
    severity: Severity::Warning,
    field: "preservation.extensions (else preservation.periodDays)",
    source: "18 U.S.C. §2703(f); Handbook §2.7",
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let Some(w) = &cx.derived.window else { return };
    let max = cx.derived.max_total_days;
    if w.total_days > max {
        let field = if w.counted().next().is_some() {
            "preservation.extensions"
        } else {
            "preservation.periodDays"
        };
        out.push(
            RawFinding::new(RULE.code, field)
                .with("days", Param::Int(w.total_days))
                .with("max", Param::Int(max)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        // 90 + 90 = 180: at the maximum, not beyond.
        quiet(
            "PRES009",
            r#"{"preservation":{"confirmedOn":"2026-06-01","extensions":[{"requestedOn":"2026-08-20"}]}}"#,
        );
        // An uncounted extension does not add.
        quiet(
            "PRES009",
            r#"{"preservation":{"confirmedOn":"2026-06-01","periodDays":150,"extensions":[{"requestedOn":"2026-12-20"}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "PRES009",
            "preservation.extensions",
            r#"{"preservation":{"confirmedOn":"2026-03-01","extensions":[{"requestedOn":"2026-05-20"},{"requestedOn":"2026-08-20"}]}}"#,
        );
        fires(
            "PRES009",
            "preservation.periodDays",
            r#"{"preservation":{"confirmedOn":"2026-06-01","periodDays":181}}"#,
        );
        // TikTok's 90 + 90 = 180; a 91-day extension goes beyond.
        fires(
            "PRES009",
            "preservation.extensions",
            r#"{"provider":{"profile":"tiktok"},"preservation":{"confirmedOn":"2026-06-01","extensions":[{"requestedOn":"2026-08-20","periodDays":91}]}}"#,
        );
        fires_with(
            "PRES009",
            "preservation.extensions",
            r#"{"preservation":{"confirmedOn":"2026-06-01","extensions":[{"requestedOn":"2026-08-20"}]}}"#,
            r#"{"preservation":{"maxTotalDays":179}}"#,
        );
    }
}
