use crate::country::Country;
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Notes, for records likely to contain CSAM held by a US provider (`provider.country`, else the
    /// profile's country), that no NCMEC report ids are given.
    ///
    /// ## Why
    /// US providers must report child exploitation to NCMEC, which refers it to law enforcement
    /// worldwide (Handbook §2.9). Quoting the CyberTipline report ids lets the provider find the
    /// material at once (Meta's guidelines ask for them).
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
        source: source::HANDBOOK_2_9,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let f = cx.form;
    let country = f
        .provider
        .country
        .or_else(|| cx.facts.profile.and_then(|p| p.country));
    if f.csam_likely() && country == Some(Country::US) && f.csam.ncmec_reports.is_empty() {
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
        quiet(&RULE,
            r#"{"provider":{"profile":"meta","country":"IE"},"csam":{"likely":true}}"#,
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
        fires(&RULE,
            "csam.ncmecReports",
            r#"{"provider":{"country":"us"},"csam":{"likely":true,"ncmecReports":[""]}}"#,
        );
    }
}
