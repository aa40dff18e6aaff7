use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports an extension asked before the preservation started, or after the expiry in force
    /// when it was asked. Such an extension does not count. An extension asked on the expiry day
    /// itself counts.
    ///
    /// ## Why
    /// A lapsed preservation cannot be extended: the provider may already have deleted the data,
    /// and a new preservation only captures what is left (Handbook §2.7). Re-preserve, and say so.
    ///
    /// ## Example
    /// Confirmed 2026-06-01 for 90 days (expiry 2026-08-30); an extension asked on 2026-08-31:
    /// ```json
    /// { "preservation": { "confirmedOn": "2026-06-01", "extensions": [{ "requestedOn": "2026-08-31" }] } }
    /// ```
    PRES008 {
        area: "preservation",
        severity: Error,
        field: "preservation.extensions[].requestedOn",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["date", "requestedOn", "variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(w) = &cx.facts.window else { return };
    for e in w.extensions.iter().filter(|e| !e.counted) {
        let (variant, date) = if e.requested_on < w.start {
            ("beforeStart", w.start)
        } else {
            ("afterExpiry", e.expiry_then)
        };
        out.push(
            RULE.meta.hit_at(indexed("preservation.extensions", e.index, "requestedOn"),
            )
            .with("variant", Param::Term(variant))
            .with("requestedOn", Param::Date(e.requested_on))
            .with("date", Param::Date(date)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    fn form(ext: &str) -> String {
        format!(
            r#"{{"preservation":{{"confirmedOn":"2026-06-01","extensions":[{{"requestedOn":"{ext}"}}]}}}}"#
        )
    }

    #[test]
    fn pass() {
        quiet(&RULE, &form("2026-08-29")); // the day before expiry
        quiet(&RULE, &form("2026-08-30")); // the expiry day itself counts
        quiet(&RULE, &form("2026-06-01")); // the start day
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.extensions[0].requestedOn",
            &form("2026-08-31"),
        ); // the day after
        fires(&RULE,
            "preservation.extensions[0].requestedOn",
            &form("2026-05-31"),
        ); // before the start
    }

    #[test]
    fn extensions_are_taken_in_date_order_and_chain() {
        // 2026-06-01 + 90 = 08-30; a second extension asked 11-27 is within the first
        // extension's expiry (08-30 + 90 = 11-28), whatever order the rows are in.
        let f = r#"{"preservation":{"confirmedOn":"2026-06-01","extensions":[{"requestedOn":"2026-11-27"},{"requestedOn":"2026-08-20"}]}}"#;
        quiet(&RULE, f);
        let r = run(f, "");
        assert_eq!(r.facts.extensions_counted, 2);
        assert_eq!(
            r.facts
                .preservation_expires_on
                .map(|d| d.to_string())
                .as_deref(),
            Some("2027-02-26")
        );
        // An uncounted extension does not move the expiry for the ones after it.
        let g = r#"{"preservation":{"confirmedOn":"2026-06-01","extensions":[{"requestedOn":"2026-09-15"},{"requestedOn":"2026-10-01"}]}}"#;
        assert_eq!(
            fields_of(&RULE, g, ""),
            [
                "preservation.extensions[0].requestedOn",
                "preservation.extensions[1].requestedOn"
            ]
        );
    }
}
