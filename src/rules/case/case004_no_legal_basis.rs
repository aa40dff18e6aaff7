use crate::rule::Hit;
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that a formal MAR names its legal basis: the treaty, convention, scheme or law it
    /// rests on (`legalBasis.instrument`, or `legalBasis` given as text: "Fiji–US MLAT").
    ///
    /// ## Why
    /// Mutual assistance is given under a treaty or arrangement, or the requested state's law
    /// (Budapest Convention Art. 25(4), 27(1)); the central authority first checks which applies.
    /// A request that names none is sent back.
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "formal_mar", "requestingCountry": "FJ", "requestedCountry": "US" }
    /// ```
    CASE004 {
        area: "case",
        severity: Error,
        field: "legalBasis.instrument",
        applies_to: [M],
        source: "Budapest Convention Art. 25(4), 27(1)",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.legal_basis.instrument.is_none() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"legalBasis":"Fiji–US MLAT"}"#);
        quiet(&RULE, r#"{"legalBasis":{"instrument":"Budapest Convention","article":"Art. 31"}}"#);
        // Not a formal MAR: a preservation or an emergency goes to the provider.
        quiet(&RULE, r#"{"requestType":"preservation_only"}"#);
        quiet(&RULE, r#"{"requestType":"police_to_police"}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "legalBasis.instrument", r#"{}"#);
        fires(&RULE, "legalBasis.instrument", r#"{"legalBasis":{"article":"Art. 5"}}"#);
        fires(&RULE, "legalBasis.instrument", r#"{"legalBasis":"  "}"#);
    }
}
