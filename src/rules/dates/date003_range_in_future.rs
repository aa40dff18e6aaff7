//! ## What it does
//! Reports a date range that ends after today (`asOf`).
//!
//! ## Why
//! Only records that exist can be preserved or disclosed: never future data (18 U.S.C.
//! §2703(f)). Ongoing collection needs a different instrument (interception).
//!
//! ## Example
//! ```json
//! { "data": { "from": "2026-11-01", "to": "2026-12-31" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "DATE003",
    area: "dates",
    severity: Severity::Error,
    field: "data.to",
    source: "18 U.S.C. §2703(f)",
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if let Some(to) = cx.form.data.to.filter(|to| *to > cx.derived.today) {
        out.push(
            RawFinding::new(RULE.code, "data.to")
                .with("to", Param::Date(to))
                .with("today", Param::Date(cx.derived.today)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("DATE003", r#"{"data":{"to":"2026-11-29"}}"#); // today
        quiet("DATE003", r#"{"data":{"to":"2026-11-28"}}"#);
    }

    #[test]
    fn fail() {
        fires("DATE003", "data.to", r#"{"data":{"to":"2026-11-30"}}"#);
        fires_with(
            "DATE003",
            "data.to",
            r#"{"data":{"to":"2026-11-29"}}"#,
            r#"{"asOf":"2026-11-28"}"#,
        );
    }
}
