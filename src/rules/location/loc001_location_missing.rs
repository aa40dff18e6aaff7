//! ## What it does
//! Checks that the country where the records are held is given.
//!
//! ## Why
//! "Where are the records?" is the first question of a MAR for internet records (Handbook
//! §2.6): the request must go to the country that holds them.
//!
//! ## Example
//! ```json
//! { "recordsLocation": { "confirmed": true } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "LOC001",
    area: "location",
    severity: Severity::Error,
    field: "recordsLocation.country",
    source: source::H26,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.records_location.country.is_none() {
        out.push(RawFinding::new(RULE.code, "recordsLocation.country"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("LOC001", r#"{"recordsLocation":{"country":"us"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "LOC001",
            "recordsLocation.country",
            r#"{"recordsLocation":{"country":" "}}"#,
        );
        fires("LOC001", "recordsLocation.country", "{}");
    }
}
