//! ## What it does
//! Notes that the records are in the United States, so US legal standards apply.
//!
//! ## Why
//! Most providers are in the US (Handbook §2.6): non-content data may be given to foreign
//! authorities directly, but content needs a US warrant on probable cause, through MLA
//! (18 U.S.C. §2702–2703). The MAR must be written to meet that standard.
//!
//! ## Example
//! ```json
//! { "recordsLocation": { "country": "US" } }
//! ```

use crate::country::Country;
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "LOC005",
    area: "location",
    severity: Severity::Info,
    field: "recordsLocation.country",
    source: source::H26,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if cx.form.records_location.country == Some(Country::US) {
        out.push(RawFinding::new(RULE.code, "recordsLocation.country"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet("LOC005", r#"{"recordsLocation":{"country":"IE"}}"#);
    }

    #[test]
    fn fail() {
        fires(
            "LOC005",
            "recordsLocation.country",
            r#"{"recordsLocation":{"country":"us"}}"#,
        );
    }
}
