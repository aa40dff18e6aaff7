//! ## What it does
//! Reports records held in a country other than the one the MAR is addressed to.
//!
//! ## Why
//! The requested country can only compel disclosure of records within its jurisdiction
//! (Handbook §2.6): the MAR is going to the wrong country.
//!
//! ## Example
//! ```json
//! { "requestedCountry": "AU", "recordsLocation": { "country": "IE" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::string::ToString;
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "LOC003",
    area: "location",
    severity: Severity::Error,
    field: "recordsLocation.country",
    source: source::H26,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if let (Some(held), Some(to)) = (cx.form.records_location.country, cx.form.requested_country)
        && held != to
    {
        out.push(
            RawFinding::new(RULE.code, "recordsLocation.country")
                .with("country", Param::Text(held.as_str().to_string()))
                .with("requestedCountry", Param::Text(to.as_str().to_string())),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "LOC003",
            r#"{"requestedCountry":"us","recordsLocation":{"country":"US"}}"#,
        );
        quiet("LOC003", r#"{"recordsLocation":{"country":"US"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "LOC003",
            "recordsLocation.country",
            r#"{"requestedCountry":"AU","recordsLocation":{"country":"IE"}}"#,
        );
    }
}
