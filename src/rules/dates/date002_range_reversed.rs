//! ## What it does
//! Reports a date range whose start is after its end.
//!
//! ## Why
//! A reversed range selects nothing; the provider answers "no records" or asks again.
//!
//! ## Example
//! ```json
//! { "data": { "from": "2026-07-01", "to": "2026-06-01" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "DATE002",
    area: "dates",
    severity: Severity::Error,
    field: "data.from",
    source: "Handbook ch. 7 (provider profiles)",
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if let (Some(from), Some(to)) = (cx.form.data.from, cx.form.data.to)
        && from > to
    {
        out.push(
            RawFinding::new(RULE.code, "data.from")
                .with("from", Param::Date(from))
                .with("to", Param::Date(to)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "DATE002",
            r#"{"data":{"from":"2026-06-01","to":"2026-06-01"}}"#,
        );
        quiet(
            "DATE002",
            r#"{"data":{"from":"2026-05-31","to":"2026-06-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "DATE002",
            "data.from",
            r#"{"data":{"from":"2026-06-02","to":"2026-06-01"}}"#,
        );
    }
}
