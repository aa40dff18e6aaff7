//! ## What it does
//! Checks that the records' location has been confirmed.
//!
//! ## Why
//! Providers move servers and records between countries; a MAR sent to the wrong country is
//! refused after months (Handbook §2.6). Confirm with the provider or its guidelines first.
//!
//! ## Example
//! ```json
//! { "recordsLocation": { "country": "US", "confirmed": false } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "LOC002",
    area: "location",
    severity: Severity::Error,
    field: "recordsLocation.confirmed",
    source: source::H26,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.records_location.confirmed != Some(true) {
        out.push(RawFinding::new(RULE.code, "recordsLocation.confirmed"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("LOC002", r#"{"recordsLocation":{"confirmed":"yes"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "LOC002",
            "recordsLocation.confirmed",
            r#"{"recordsLocation":{"confirmed":"no"}}"#,
        );
        fires("LOC002", "recordsLocation.confirmed", "{}");
    }
}
