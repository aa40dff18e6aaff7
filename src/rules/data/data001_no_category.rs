use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that at least one category of records is asked for: subscriber, traffic or content.
    ///
    /// ## Why
    /// Providers disclose by category, and each has its own legal threshold (§2.5): a MAR that does
    /// not say which is returned for clarification.
    ///
    /// ## Example
    /// ```json
    /// { "data": { "categories": [] } }
    /// ```
    DATA001 {
        area: "data",
        severity: Error,
        field: "data.categories",
        applies_to: [M, P, S, E],
        source: source::BUDAPEST_29_2_C,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.data.categories.is_empty() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"data":{"categories":["traffic"]}}"#);
        quiet(&RULE, r#"{"data":{"categories":"subscriber"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "data.categories",
            r#"{"data":{"categories":[]}}"#,
        );
        fires(&RULE, "data.categories", "{}");
    }
}
