use crate::path::indexed;
use crate::rule::{Hit, Param, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when a counted extension was asked fewer days before the expiry then in force than
    /// the provider's `extensionLeadDays`.
    ///
    /// ## Why
    /// Some providers need time to process an extension before the preservation ends: X asks
    /// for it "at least a week (7 days) prior to the end of the preservation period", as a
    /// separate request. One asked later may not be processed in time.
    ///
    /// ## Example
    /// X, preserved on 2026-09-01 for 90 days (expiry 2026-11-30), extended on 2026-11-27:
    /// ```json
    /// { "provider": { "profile": "x" }, "preservation": { "status": "preserved", "confirmedOn": "2026-09-01", "extensions": [{ "requestedOn": "2026-11-27" }] } }
    /// ```
    PRES018 {
        area: "preservation",
        severity: Warning,
        field: "preservation.extensions[].requestedOn",
        applies_to: [M, P, S],
        source: source::PROVIDER_GUIDELINES,
        params: ["days", "lead", "expiresOn", "provider"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(w) = &cx.facts.window else { return };
    let Some(profile) = cx.facts.profile else { return };
    let Some(lead) = profile.extension_lead_days.filter(|&d| d > 0) else {
        return;
    };
    for e in w.counted() {
        let before = e.expiry_then.days_since(e.requested_on);
        if before < lead {
            out.push(
                RULE.meta
                    .hit_at(indexed("preservation.extensions", e.index, "requestedOn"))
                    .with("days", Param::Int(before))
                    .with("lead", Param::Int(lead))
                    .with("expiresOn", Param::Date(e.expiry_then))
                    .with("provider", Param::Text(profile.name.clone().unwrap_or_default())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    /// X, confirmed 2026-09-01: the expiry is 2026-11-30; X asks 7 days ahead.
    fn x_extended_on(day: &str) -> String {
        format!(
            r#"{{"provider":{{"profile":"x"}},"preservation":{{"confirmedOn":"2026-09-01","extensions":[{{"requestedOn":"{day}"}}]}}}}"#
        )
    }

    #[test]
    fn pass() {
        quiet(&RULE, &x_extended_on("2026-11-22")); // 8 days ahead
        quiet(&RULE, &x_extended_on("2026-11-23")); // 7 days ahead: the day itself
        // No lead published (Meta): never late.
        quiet(
            &RULE,
            r#"{"provider":{"profile":"meta"},"preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-29"}]}}"#,
        );
        // Asked after the expiry: not counted (PRES008), so not this rule's.
        quiet(&RULE, &x_extended_on("2026-12-01"));
    }

    #[test]
    fn fail() {
        let at = "preservation.extensions[0].requestedOn";
        fires(&RULE, at, &x_extended_on("2026-11-24")); // 6 days ahead: the day after
        fires(&RULE, at, &x_extended_on("2026-11-27")); // the issue's example
        fires(&RULE, at, &x_extended_on("2026-11-30")); // the expiry day itself counts
        let r = run(&x_extended_on("2026-11-27"), "");
        let f = r.findings.iter().find(|f| f.code == "PRES018").unwrap();
        assert_eq!(f.params.get("days"), Some(&crate::Param::Int(3)));
    }
}
