use crate::form::LocationBasis;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the records' location rests on the account's domain name, or on nothing said
    /// (`unknown`, or no basis given).
    ///
    /// ## Why
    /// A country-code domain (".com.au") is no guarantee that the records are in that country
    /// (Handbook §2.6). The provider's confirmation, its guidelines, or legal advice are.
    ///
    /// ## Example
    /// ```json
    /// { "recordsLocation": { "country": "AU", "basis": "domain_name" } }
    /// ```
    LOC004 {
        area: "location",
        severity: Warning,
        field: "recordsLocation.basis",
        applies_to: [M, P],
        source: source::HANDBOOK_2_6,
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let variant = match cx.form.records_location.basis {
        Some(LocationBasis::DomainName) => "domain_name",
        None | Some(LocationBasis::Unknown) => "unknown",
        Some(_) => return,
    };
    out.push(
        RULE.meta.hit().with("variant", Param::Term(variant)),
    );
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for ok in ["provider_confirmed", "provider_guidelines", "legal_advice"] {
            quiet(&RULE,
                &format!(r#"{{"recordsLocation":{{"basis":"{ok}"}}}}"#),
            );
        }
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "recordsLocation.basis",
            r#"{"recordsLocation":{"basis":"domain_name"}}"#,
        );
        fires(&RULE,
            "recordsLocation.basis",
            r#"{"recordsLocation":{"basis":"unknown"}}"#,
        );
        fires(&RULE, "recordsLocation.basis", "{}");
    }
}
