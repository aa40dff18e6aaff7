//! ## What it does
//! Notes that a formal MAR asks only for non-content records, which many providers give
//! police-to-police.
//!
//! ## Why
//! A formal MAR takes months; subscriber and traffic data often come in days through direct
//! cooperation (Handbook §2.5). Some providers want a MAR for anything, so this is information.
//!
//! ## Example
//! ```json
//! { "requestType": "formal_mar", "data": { "categories": ["subscriber"] } }
//! ```

use crate::form::{Category, RequestType};
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "DATA004",
    area: "data",
    severity: Severity::Info,
    field: "data.categories",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let d = &cx.form.data;
    if cx.form.request_type == Some(RequestType::FormalMar)
        && !d.categories.is_empty()
        && !d.has(Category::Content)
    {
        out.push(RawFinding::new(RULE.code, "data.categories"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "DATA004",
            r#"{"requestType":"formal_mar","data":{"categories":["subscriber","content"]}}"#,
        );
        quiet(
            "DATA004",
            r#"{"requestType":"police_to_police","data":{"categories":["subscriber"]}}"#,
        );
        quiet(
            "DATA004",
            r#"{"requestType":"formal_mar","data":{"categories":[]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "DATA004",
            "data.categories",
            r#"{"requestType":"formal_mar","data":{"categories":["subscriber","traffic"]}}"#,
        );
    }
}
