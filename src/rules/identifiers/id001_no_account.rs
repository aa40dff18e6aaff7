//! ## What it does
//! Checks that at least one account identifier (with a value) is given.
//!
//! ## Why
//! A provider searches its records by identifier: email, phone, username, URL, user id or IP
//! address with a time. A MAR without one cannot be executed (Handbook ch. 7).
//!
//! ## Example
//! ```json
//! { "accounts": [{ "kind": "email", "value": "" }] }
//! ```

use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "ID001",
    area: "identifiers",
    severity: Severity::Error,
    field: "accounts",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if !cx.form.accounts.iter().any(|a| a.value.is_some()) {
        out.push(RawFinding::new(RULE.code, "accounts"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "ID001",
            r#"{"accounts":[{"kind":"email"},{"kind":"username","value":"@tui"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "ID001",
            "accounts",
            r#"{"accounts":[{"kind":"email","value":" "}]}"#,
        );
        fires("ID001", "accounts", r#"{"accounts":[]}"#);
        fires("ID001", "accounts", "{}");
    }
}
