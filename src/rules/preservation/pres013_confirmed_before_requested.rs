//! ## What it does
//! Reports a confirmation date earlier than the request date.
//!
//! ## Why
//! A provider cannot confirm what it was not yet asked: one of the two dates is mistyped, and
//! the window is counted from the confirmation.
//!
//! ## Example
//! ```json
//! { "preservation": { "requestedOn": "2026-09-03", "confirmedOn": "2026-09-01" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES013",
    area: "preservation",
    severity: Severity::Error,
    field: "preservation.confirmedOn",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let p = &cx.form.preservation;
    if let (Some(req), Some(conf)) = (p.requested_on, p.confirmed_on)
        && conf < req
    {
        out.push(
            RawFinding::new(RULE.code, "preservation.confirmedOn")
                .with("confirmedOn", Param::Date(conf))
                .with("requestedOn", Param::Date(req)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES013",
            r#"{"preservation":{"requestedOn":"2026-09-01","confirmedOn":"2026-09-01"}}"#,
        );
        quiet(
            "PRES013",
            r#"{"preservation":{"requestedOn":"2026-09-01","confirmedOn":"2026-09-02"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "PRES013",
            "preservation.confirmedOn",
            r#"{"preservation":{"requestedOn":"2026-09-02","confirmedOn":"2026-09-01"}}"#,
        );
    }
}
