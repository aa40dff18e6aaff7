//! ## What it does
//! Warns when the records' location rests on the account's domain name, or on nothing said
//! (`unknown`, or no basis given).
//!
//! ## Why
//! A country-code domain (".com.au") is no guarantee that the records are in that country
//! (Handbook §2.6). The provider's confirmation, its guidelines, or legal advice are.
//!
//! ## Example
//! ```json
//! { "recordsLocation": { "country": "AU", "basis": "domain_name" } }
//! ```

use crate::form::LocationBasis;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "LOC004",
    area: "location",
    severity: Severity::Warning,
    field: "recordsLocation.basis",
    source: source::H26,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let variant = match cx.form.records_location.basis {
        Some(LocationBasis::DomainName) => "domain_name",
        None | Some(LocationBasis::Unknown) => "unknown",
        Some(_) => return,
    };
    out.push(
        RawFinding::new(RULE.code, "recordsLocation.basis").with("variant", Param::Term(variant)),
    );
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for ok in ["provider_confirmed", "provider_guidelines", "legal_advice"] {
            quiet(
                "LOC004",
                &format!(r#"{{"recordsLocation":{{"basis":"{ok}"}}}}"#),
            );
        }
    }

    #[test]
    fn fail() {
        fires(
            "LOC004",
            "recordsLocation.basis",
            r#"{"recordsLocation":{"basis":"domain_name"}}"#,
        );
        fires(
            "LOC004",
            "recordsLocation.basis",
            r#"{"recordsLocation":{"basis":"unknown"}}"#,
        );
        fires("LOC004", "recordsLocation.basis", "{}");
    }
}
