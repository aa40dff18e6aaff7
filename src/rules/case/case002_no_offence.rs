//! ## What it does
//! Checks that at least one offence is named.
//!
//! ## Why
//! The requested country tests dual criminality and the seriousness threshold against the
//! offence; without one the MAR cannot be assessed (Budapest Convention Art. 29; §2.7).
//!
//! ## Example
//! ```json
//! { "case": { "offences": [{ "provision": "s.12" }] } }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "CASE002",
    area: "case",
    severity: Severity::Error,
    field: "case.offences",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if !cx.form.case.offences.iter().any(|o| o.name.is_some()) {
        out.push(RawFinding::new(RULE.code, "case.offences"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "CASE002",
            r#"{"case":{"offences":[{"provision":"s.1"},{"name":"Fraud"}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "CASE002",
            "case.offences",
            r#"{"case":{"offences":[{"provision":"s.12","name":"  "}]}}"#,
        );
        fires("CASE002", "case.offences", "{}");
    }
}
