//! ## What it does
//! Warns when content is asked for and the nexus statement — why this account holds evidence of
//! this offence — has fewer than 40 characters.
//!
//! ## Why
//! Content is disclosed only on a showing that links the account to the offence (probable cause
//! in the US; Budapest Convention Art. 29(2)(c)). Without it the request fails at the provider's
//! country, after months.
//!
//! ## Example
//! ```json
//! { "data": { "categories": ["content"] }, "case": { "nexus": "Suspect's account." } }
//! ```

use crate::form::{Category, chars};
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

/// Characters a nexus statement needs at the least.
pub const MIN_NEXUS_CHARS: i64 = 40;

pub const RULE: Rule = Rule {
    code: "DATA003",
    area: "data",
    severity: Severity::Warning,
    field: "case.nexus",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let n = chars(cx.form.case.nexus) as i64;
    if cx.form.data.has(Category::Content) && n < MIN_NEXUS_CHARS {
        out.push(
            RawFinding::new(RULE.code, "case.nexus")
                .with("chars", Param::Int(n))
                .with("min", Param::Int(MIN_NEXUS_CHARS)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "DATA003",
            r#"{"data":{"categories":["content"]},"case":{"nexus":"The victim's messages came from this account."}}"#,
        );
        quiet("DATA003", r#"{"data":{"categories":["subscriber"]}}"#);
    }

    #[test]
    fn fail() {
        let nexus = "x".repeat(39);
        fires(
            "DATA003",
            "case.nexus",
            &format!(r#"{{"data":{{"categories":["content"]}},"case":{{"nexus":"{nexus}"}}}}"#),
        );
        fires(
            "DATA003",
            "case.nexus",
            r#"{"data":{"categories":["content"]}}"#,
        );
    }
}
