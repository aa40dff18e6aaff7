use crate::rule::source;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a date range that ends after today (`asOf`).
    ///
    /// ## Why
    /// Only records that exist can be preserved or disclosed: never future data (18 U.S.C.
    /// §2703(f)). Ongoing collection needs a different instrument (interception).
    ///
    /// ## Example
    /// ```json
    /// { "data": { "from": "2026-11-01", "to": "2026-12-31" } }
    /// ```
    DATE003 {
        area: "dates",
        severity: Error,
        field: "data.to",
        applies_to: [M, P, S, E],
        source: source::PROVIDER_GUIDELINES,
        params: ["to", "today"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(to) = cx.form.data.to.filter(|to| *to > cx.facts.today) {
        out.push(
            RULE.meta.hit()
                .with("to", Param::Date(to))
                .with("today", Param::Date(cx.facts.today)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"data":{"to":"2026-11-29"}}"#); // today
        quiet(&RULE, r#"{"data":{"to":"2026-11-28"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "data.to", r#"{"data":{"to":"2026-11-30"}}"#);
        fires_with(&RULE,
            "data.to",
            r#"{"data":{"to":"2026-11-29"}}"#,
            r#"{"asOf":"2026-11-28"}"#,
        );
    }
}
