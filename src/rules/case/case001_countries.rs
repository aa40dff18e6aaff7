//! ## What it does
//! Checks that the requesting and the requested country are both given, and differ.
//!
//! ## Why
//! A MAR goes from one country to another: the central authority routes it by the requested
//! country, and the records must be in that country (§2.6). A request to one's own country is
//! not mutual assistance.
//!
//! ## Example
//! ```json
//! { "requestingCountry": "FJ", "requestedCountry": "fj" }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::string::ToString;
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CASE001",
    area: "case",
    severity: Severity::Error,
    field: "requestingCountry / requestedCountry",
    source: source::H26,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let f = cx.form;
    let missing = |field| RawFinding::new(RULE.code, field).with("variant", Param::Term("missing"));
    match (f.requesting_country, f.requested_country) {
        (Some(a), Some(b)) if a == b => out.push(
            RawFinding::new(RULE.code, "requestedCountry")
                .with("variant", Param::Term("same"))
                .with("country", Param::Text(a.as_str().to_string())),
        ),
        (a, b) => {
            if a.is_none() {
                out.push(missing("requestingCountry"));
            }
            if b.is_none() {
                out.push(missing("requestedCountry"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "CASE001",
            r#"{"requestingCountry":"FJ","requestedCountry":"US"}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "CASE001",
            "requestedCountry",
            r#"{"requestingCountry":"FJ","requestedCountry":"fj"}"#,
        );
        fires(
            "CASE001",
            "requestedCountry",
            r#"{"requestingCountry":"FJ"}"#,
        );
        fires(
            "CASE001",
            "requestingCountry",
            r#"{"requestedCountry":"US"}"#,
        );
        assert_eq!(
            fields_of("CASE001", "{}", ""),
            ["requestingCountry", "requestedCountry"]
        );
    }
}
