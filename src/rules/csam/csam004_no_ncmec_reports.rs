use crate::rule::{Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Notes, for records likely to contain CSAM held by a provider that reports child
    /// exploitation to NCMEC (the profile's `reportsToNcmec`; `us_default` when no profile is
    /// selected), that no NCMEC report ids are given.
    ///
    /// ## Why
    /// US providers must report apparent child exploitation to NCMEC (18 U.S.C. §2258A), which
    /// refers it to law enforcement worldwide (Handbook §2.9), whichever of the provider's
    /// entities holds the account. Quoting the CyberTipline report ids lets the provider find
    /// the material at once (Meta's guidelines ask for them).
    ///
    /// ## Example
    /// ```json
    /// { "provider": { "profile": "meta" }, "csam": { "likely": true } }
    /// ```
    CSAM004 {
        area: "csam",
        severity: Info,
        field: "csam.ncmecReports",
        applies_to: [M, P, E],
        source: "Handbook §2.9; 18 U.S.C. §2258A (providers report to NCMEC)",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let f = cx.form;
    let reports = cx.facts.profile.and_then(|p| p.reports_to_ncmec) == Some(true);
    if f.csam_likely() && reports && f.csam.ncmec_reports.is_empty() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"provider":{"profile":"meta"},"csam":{"likely":true,"ncmecReports":["187654321"]}}"#,
        );
        // A profile that states no NCMEC reporting (a portal's own, outside the US).
        quiet_with(&RULE,
            r#"{"provider":{"profile":"local_isp"},"csam":{"likely":true}}"#,
            r#"{"providers":{"local_isp":{"name":"Local ISP","country":"FJ","reportsToNcmec":null}}}"#,
        );
        // A preservation brings no material (contract §6.1).
        quiet(&RULE,
            r#"{"requestType":"preservation_only","provider":{"profile":"meta"},"csam":{"likely":true}}"#,
        );
        quiet(&RULE,
            r#"{"provider":{"country":"US"},"csam":{"likely":false}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "csam.ncmecReports",
            r#"{"provider":{"profile":"meta"},"csam":{"likely":true}}"#,
        );
        // Every US provider reports to NCMEC (18 U.S.C. §2258A; contract v3).
        fires(&RULE,
            "csam.ncmecReports",
            r#"{"provider":{"profile":"microsoft"},"csam":{"likely":true}}"#,
        );
        fires(&RULE,
            "csam.ncmecReports",
            // No profile selected: us_default reports to NCMEC.
            r#"{"csam":{"likely":true,"ncmecReports":[""]}}"#,
        );
    }
}
