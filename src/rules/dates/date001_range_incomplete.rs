//! ## What it does
//! Checks that the date range of the records asked for has both ends; each missing end is its
//! own finding.
//!
//! ## Why
//! Providers require a date range and disclose nothing outside it (TikTok, Meta guidelines);
//! an open range is sent back.
//!
//! ## Example
//! ```json
//! { "data": { "from": "2026-06-01" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "DATE001",
    area: "dates",
    severity: Severity::Error,
    field: "data.from / data.to",
    source: "Handbook ch. 7 (provider profiles)",
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let d = &cx.form.data;
    if d.from.is_none() {
        out.push(RawFinding::new(RULE.code, "data.from").with("variant", Param::Term("from")));
    }
    if d.to.is_none() {
        out.push(RawFinding::new(RULE.code, "data.to").with("variant", Param::Term("to")));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "DATE001",
            r#"{"data":{"from":"2026-06-01","to":"2026-07-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires("DATE001", "data.to", r#"{"data":{"from":"2026-06-01"}}"#);
        fires(
            "DATE001",
            "data.from",
            r#"{"data":{"to":"2026-06-01","from":""}}"#,
        );
        assert_eq!(fields_of("DATE001", "{}", ""), ["data.from", "data.to"]);
    }
}
