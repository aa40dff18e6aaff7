//! ## What it does
//! Reports content data asked for through police-to-police cooperation.
//!
//! ## Why
//! Providers may give non-content data to foreign police directly, but content needs a formal
//! MAR (in the US, a warrant on probable cause obtained through mutual legal assistance:
//! 18 U.S.C. §2702–2703; Handbook §2.5).
//!
//! ## Example
//! ```json
//! { "requestType": "police_to_police", "data": { "categories": ["subscriber", "content"] } }
//! ```

use crate::form::{Category, RequestType};
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "DATA002",
    area: "data",
    severity: Severity::Error,
    field: "data.categories",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.request_type == Some(RequestType::PoliceToPolice)
        && cx.form.data.has(Category::Content)
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
            "DATA002",
            r#"{"requestType":"police_to_police","data":{"categories":["subscriber","traffic"]}}"#,
        );
        quiet(
            "DATA002",
            r#"{"requestType":"formal_mar","data":{"categories":["content"]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "DATA002",
            "data.categories",
            r#"{"requestType":"police_to_police","data":{"categories":["subscriber","content"]}}"#,
        );
    }
}
