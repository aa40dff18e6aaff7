//! ## What it does
//! Notes, for records likely to contain CSAM held by a US provider (`provider.country`, else the
//! profile's country), that no NCMEC report ids are given.
//!
//! ## Why
//! US providers must report child exploitation to NCMEC, which refers it to law enforcement
//! worldwide (Handbook §2.9). Quoting the CyberTipline report ids lets the provider find the
//! material at once (Meta's guidelines ask for them).
//!
//! ## Example
//! ```json
//! { "provider": { "profile": "meta" }, "csam": { "likely": true } }
//! ```

use crate::country::Country;
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CSAM004",
    area: "csam",
    severity: Severity::Info,
    field: "csam.ncmecReports",
    source: source::H29,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let f = cx.form;
    let country = f
        .provider
        .country
        .or_else(|| cx.derived.profile.and_then(|p| p.country));
    if f.csam_likely() && country == Some(Country::US) && f.csam.ncmec_reports.is_empty() {
        out.push(RawFinding::new(RULE.code, "csam.ncmecReports"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "CSAM004",
            r#"{"provider":{"profile":"meta"},"csam":{"likely":true,"ncmecReports":["187654321"]}}"#,
        );
        quiet(
            "CSAM004",
            r#"{"provider":{"profile":"meta","country":"IE"},"csam":{"likely":true}}"#,
        );
        quiet(
            "CSAM004",
            r#"{"provider":{"country":"US"},"csam":{"likely":false}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "CSAM004",
            "csam.ncmecReports",
            r#"{"provider":{"profile":"meta"},"csam":{"likely":true}}"#,
        );
        fires(
            "CSAM004",
            "csam.ncmecReports",
            r#"{"provider":{"country":"us"},"csam":{"likely":true,"ncmecReports":[""]}}"#,
        );
    }
}
