use crate::rule::source;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a date range whose start is after its end.
    ///
    /// ## Why
    /// A reversed range selects nothing; the provider answers "no records" or asks again.
    ///
    /// ## Example
    /// ```json
    /// { "data": { "from": "2026-07-01", "to": "2026-06-01" } }
    /// ```
    DATE002 {
        area: "dates",
        severity: Error,
        field: "data.from",
        applies_to: [M, P, S, E],
        source: source::PROVIDER_GUIDELINES,
        params: ["from", "to"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let (Some(from), Some(to)) = (cx.form.data.from, cx.form.data.to)
        && from > to
    {
        out.push(
            RULE.meta.hit()
                .with("from", Param::Date(from))
                .with("to", Param::Date(to)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"data":{"from":"2026-06-01","to":"2026-06-01"}}"#,
        );
        quiet(&RULE,
            r#"{"data":{"from":"2026-05-31","to":"2026-06-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "data.from",
            r#"{"data":{"from":"2026-06-02","to":"2026-06-01"}}"#,
        );
    }
}
