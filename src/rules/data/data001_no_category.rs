//! ## What it does
//! Checks that at least one category of records is asked for: subscriber, traffic or content.
//!
//! ## Why
//! Providers disclose by category, and each has its own legal threshold (§2.5): a MAR that does
//! not say which is returned for clarification.
//!
//! ## Example
//! ```json
//! { "data": { "categories": [] } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "DATA001",
    area: "data",
    severity: Severity::Error,
    field: "data.categories",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.data.categories.is_empty() {
        out.push(RawFinding::new(RULE.code, "data.categories"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("DATA001", r#"{"data":{"categories":["traffic"]}}"#);
        quiet("DATA001", r#"{"data":{"categories":"subscriber"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "DATA001",
            "data.categories",
            r#"{"data":{"categories":[]}}"#,
        );
        fires("DATA001", "data.categories", "{}");
    }
}
