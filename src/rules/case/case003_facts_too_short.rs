use crate::form::chars;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that the summary of facts has at least `case.minFactsChars` characters (default 100,
    /// counted after trimming).
    ///
    /// ## Why
    /// The requested country and the provider need a plain narrative showing that a crime was
    /// committed and that the records relate to it (US DOJ Criminal Resource Manual 281; Budapest
    /// Convention Art. 29). A one-line summary is the most common reason a MAR comes back.
    ///
    /// ## Example
    /// ```json
    /// { "case": { "facts": "Fraud." } }
    /// ```
    CASE003 {
        area: "case",
        severity: Error,
        field: "case.facts",
        applies_to: [M, P, S],
        source: "Budapest Convention Art. 29(2)(b); US DOJ Criminal Resource Manual 281 (the minimum length is the portal's policy)",
        params: ["chars", "min"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let n = chars(cx.form.case.facts) as i64;
    let min = cx.options.min_facts_chars;
    if n < min {
        out.push(
            RULE.meta.hit()
                .with("chars", Param::Int(n))
                .with("min", Param::Int(min)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let facts = "é".repeat(100);
        quiet(&RULE, &format!(r#"{{"case":{{"facts":"{facts}"}}}}"#));
        quiet_with(&RULE,
            r#"{"case":{"facts":"Short."}}"#,
            r#"{"case":{"minFactsChars":6}}"#,
        );
    }

    #[test]
    fn fail() {
        let facts = format!("  {}  ", "x".repeat(99));
        fires(&RULE,
            "case.facts",
            &format!(r#"{{"case":{{"facts":"{facts}"}}}}"#),
        );
        fires(&RULE, "case.facts", "{}");
    }
}
