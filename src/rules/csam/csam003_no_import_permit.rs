//! ## What it does
//! Warns when Australia requests records likely to contain CSAM and no import permit reference
//! is given.
//!
//! ## Why
//! Before CSAM requested in a MAR can be brought into Australia, officials must first obtain an
//! import permit for it; otherwise it is prohibited (Handbook §2.9).
//!
//! ## Example
//! ```json
//! { "requestingCountry": "AU", "csam": { "likely": true } }
//! ```

use crate::country::Country;
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CSAM003",
    area: "csam",
    severity: Severity::Warning,
    field: "csam.importPermitRef",
    source: source::H29,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let f = cx.form;
    if f.csam_likely()
        && f.requesting_country == Some(Country::AU)
        && f.csam.import_permit_ref.is_none()
    {
        out.push(RawFinding::new(RULE.code, "csam.importPermitRef"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "CSAM003",
            r#"{"requestingCountry":"AU","csam":{"likely":true,"importPermitRef":"IP-2026-118"}}"#,
        );
        quiet(
            "CSAM003",
            r#"{"requestingCountry":"NZ","csam":{"likely":true}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "CSAM003",
            "csam.importPermitRef",
            r#"{"requestingCountry":"au","csam":{"likely":true}}"#,
        );
    }
}
