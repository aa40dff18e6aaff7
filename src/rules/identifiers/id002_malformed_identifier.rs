//! ## What it does
//! Checks each account's value against its kind: an email address; a phone number in E.164
//! (`+`, country code, 8–15 digits; spaces, hyphens, dots and parentheses are ignored); an
//! `http(s)` URL with a host; an IPv4 or IPv6 address. Usernames and user ids are taken as given.
//!
//! ## Why
//! Providers search for the identifier exactly as given; a national-format phone number or a
//! URL without its scheme finds nothing, and the MAR comes back months later (Handbook ch. 7).
//!
//! ## Example
//! ```json
//! { "accounts": [{ "kind": "phone", "value": "0412 345 678" }] }
//! ```

use super::well_formed;
use crate::form::path::indexed;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "ID002",
    area: "identifiers",
    severity: Severity::Error,
    field: "accounts[i].value",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    for (i, a) in cx.form.accounts.iter().enumerate() {
        if let (Some(kind), Some(value)) = (a.kind, a.value)
            && !well_formed(kind, value)
        {
            out.push(
                RawFinding::new(RULE.code, indexed("accounts", i, "value"))
                    .with("variant", Param::Term(kind.as_str()))
                    .with("kind", Param::Term(kind.as_str())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "ID002",
            r#"{"accounts":[{"kind":"phone","value":"+679 334-3777"},{"kind":"email","value":"x@y.org"},{"value":"no kind"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "ID002",
            "accounts[1].value",
            r#"{"accounts":[{"kind":"email","value":"x@y.org"},{"kind":"phone","value":"0412 345 678"}]}"#,
        );
        fires(
            "ID002",
            "accounts[0].value",
            r#"{"accounts":[{"kind":"url","value":"facebook.com/x"}]}"#,
        );
        fires(
            "ID002",
            "accounts[0].value",
            r#"{"accounts":[{"kind":"ip","value":"300.1.1.1"}]}"#,
        );
    }
}
