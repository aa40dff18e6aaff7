use crate::country::Country;
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Notes that the records are in the United States, so US legal standards apply.
    ///
    /// ## Why
    /// Most providers are in the US (Handbook §2.6): non-content data may be given to foreign
    /// authorities directly, but content needs a US warrant on probable cause, through MLA
    /// (18 U.S.C. §2702–2703). The MAR must be written to meet that standard.
    ///
    /// ## Example
    /// ```json
    /// { "recordsLocation": { "country": "US" } }
    /// ```
    LOC005 {
        area: "location",
        severity: Info,
        field: "recordsLocation.country",
        applies_to: [M, P],
        source: source::HANDBOOK_2_6,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.records_location.country == Some(Country::US) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"recordsLocation":{"country":"IE"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "recordsLocation.country",
            r#"{"recordsLocation":{"country":"us"}}"#,
        );
    }
}
