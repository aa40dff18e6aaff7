use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a preservation that has lapsed: today (`asOf`) is on or after the expiry, where
    /// expiry = start (`confirmedOn`, else `requestedOn`) + initial period + counted extensions.
    /// Applies for every status except `not_requested`.
    ///
    /// ## Why
    /// Preservation lasts 90–180 days and then lapses unless extended (Handbook §2.7;
    /// 18 U.S.C. §2703(f)). Once it lapses the provider may delete the records, and a MAR that
    /// arrives later finds nothing.
    ///
    /// ## Example
    /// Confirmed 2026-09-01 for 90 days: it expires on 2026-11-30, and on that day it has lapsed.
    /// ```json
    /// { "preservation": { "status": "preserved", "confirmedOn": "2026-09-01", "periodDays": 90 } }
    /// ```
    /// with the options
    /// ```json
    /// { "asOf": "2026-11-30" }
    /// ```
    PRES006 {
        area: "preservation",
        severity: Error,
        field: "preservation.confirmedOn",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["daysAgo", "expiredOn"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(w) = cx.facts.window.as_ref().filter(|w| w.lapsed) {
        out.push(
            RULE.meta.hit()
                .with("expiredOn", Param::Date(w.expires_on))
                .with("daysAgo", Param::Int(-w.days_left)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    const SEPT_1: &str =
        r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90}}"#;

    #[test]
    fn pass() {
        quiet_with(&RULE, SEPT_1, r#"{"asOf":"2026-11-29"}"#); // the day before expiry
        quiet_with(&RULE,
            r#"{"preservation":{"status":"not_requested","confirmedOn":"2026-01-01"}}"#,
            "",
        );
        // Extended on the expiry day itself: counted, so not lapsed.
        quiet_with(&RULE,
            r#"{"preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-30"}]}}"#,
            r#"{"asOf":"2026-11-30"}"#,
        );
    }

    #[test]
    fn fail() {
        fires_with(&RULE,
            "preservation.confirmedOn",
            SEPT_1,
            r#"{"asOf":"2026-11-30"}"#,
        ); // the day of expiry
        fires_with(&RULE,
            "preservation.confirmedOn",
            SEPT_1,
            r#"{"asOf":"2026-12-01"}"#,
        ); // the day after
        // No confirmation: the request date starts the window.
        fires_with(&RULE,
            "preservation.confirmedOn",
            r#"{"preservation":{"requestedOn":"2026-01-01"}}"#,
            "",
        );
    }

    #[test]
    fn the_worked_example_of_the_contract() {
        let on = |d: &str| run(SEPT_1, &format!(r#"{{"asOf":"{d}"}}"#)).facts;
        let f = on("2026-11-29");
        assert_eq!(
            f.preservation_expires_on.map(|d| d.to_string()).as_deref(),
            Some("2026-11-30")
        );
        assert_eq!(f.preservation_days_left, Some(1));
        assert_eq!(on("2026-11-30").preservation_days_left, Some(0));
    }

    #[test]
    fn a_window_ending_on_29_february() {
        // 2027-12-01 + 90 days = 2028-02-29 (a leap day).
        let form = r#"{"preservation":{"confirmedOn":"2027-12-01","periodDays":90}}"#;
        let r = run(form, r#"{"asOf":"2028-02-28"}"#);
        assert_eq!(
            r.facts
                .preservation_expires_on
                .map(|d| d.to_string())
                .as_deref(),
            Some("2028-02-29")
        );
        quiet_with(&RULE, form, r#"{"asOf":"2028-02-28"}"#);
        fires_with(&RULE,
            "preservation.confirmedOn",
            form,
            r#"{"asOf":"2028-02-29"}"#,
        );
        fires_with(&RULE,
            "preservation.confirmedOn",
            form,
            r#"{"asOf":"2028-03-01"}"#,
        );
    }
}
