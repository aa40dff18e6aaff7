//! ## What it does
//! Checks that the summary of facts has at least `case.minFactsChars` characters (default 100,
//! counted after trimming).
//!
//! ## Why
//! The requested country and the provider need a plain narrative showing that a crime was
//! committed and that the records relate to it (US DOJ Criminal Resource Manual 281; Budapest
//! Convention Art. 29). A one-line summary is the most common reason a MAR comes back.
//!
//! ## Example
//! ```json
//! { "case": { "facts": "Fraud." } }
//! ```

use crate::form::chars;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CASE003",
    area: "case",
    severity: Severity::Error,
    field: "case.facts",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let n = chars(cx.form.case.facts) as i64;
    let min = cx.options.min_facts_chars;
    if n < min {
        out.push(
            RawFinding::new(RULE.code, "case.facts")
                .with("chars", Param::Int(n))
                .with("min", Param::Int(min)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let facts = "é".repeat(100);
        quiet("CASE003", &format!(r#"{{"case":{{"facts":"{facts}"}}}}"#));
        quiet_with(
            "CASE003",
            r#"{"case":{"facts":"Short."}}"#,
            r#"{"case":{"minFactsChars":6}}"#,
        );
    }

    #[test]
    fn fail() {
        let facts = format!("  {}  ", "x".repeat(99));
        fires(
            "CASE003",
            "case.facts",
            &format!(r#"{{"case":{{"facts":"{facts}"}}}}"#),
        );
        fires("CASE003", "case.facts", "{}");
    }
}
