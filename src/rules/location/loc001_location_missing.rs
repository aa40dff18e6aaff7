use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that the country where the records are held is given.
    ///
    /// ## Why
    /// "Where are the records?" is the first question of a MAR for internet records (Handbook
    /// §2.6): the request must go to the country that holds them.
    ///
    /// ## Example
    /// ```json
    /// { "recordsLocation": { "confirmed": true } }
    /// ```
    LOC001 {
        area: "location",
        severity: Error,
        field: "recordsLocation.country",
        applies_to: [M, P],
        source: source::HANDBOOK_2_6,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.records_location.country.is_none() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"recordsLocation":{"country":"us"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "recordsLocation.country",
            r#"{"recordsLocation":{"country":" "}}"#,
        );
        fires(&RULE, "recordsLocation.country", "{}");
    }
}
