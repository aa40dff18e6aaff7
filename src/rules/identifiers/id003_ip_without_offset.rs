//! ## What it does
//! Checks that every `ip` account has a timestamp with its time zone offset
//! (`2026-10-02T14:05:00+12:00` or `…Z`).
//!
//! ## Why
//! Thousands of subscribers share an IP address over a day (carrier-grade NAT); the provider
//! can name one only for an exact moment, and a time without its zone is hours off.
//!
//! ## Example
//! ```json
//! { "accounts": [{ "kind": "ip", "value": "203.0.113.7", "timestamp": "2026-10-02T14:05" }] }
//! ```

use crate::form::AccountKind;
use crate::form::path::indexed;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "ID003",
    area: "identifiers",
    severity: Severity::Error,
    field: "accounts[i].timestamp",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    for (i, a) in cx.form.accounts.iter().enumerate() {
        if a.kind != Some(AccountKind::Ip) {
            continue;
        }
        let variant = match a.timestamp {
            None => "missing",
            Some(t) if !t.has_time => "noTime",
            Some(t) if !t.has_offset => "noOffset",
            Some(_) => continue,
        };
        out.push(
            RawFinding::new(RULE.code, indexed("accounts", i, "timestamp"))
                .with("variant", Param::Term(variant)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "ID003",
            r#"{"accounts":[{"kind":"ip","value":"203.0.113.7","timestamp":"2026-10-02T14:05:00+12:00"},{"kind":"email","value":"a@b.org"}]}"#,
        );
        quiet(
            "ID003",
            r#"{"accounts":[{"kind":"ip","timestamp":"2026-10-02T02:05Z"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "ID003",
            "accounts[0].timestamp",
            r#"{"accounts":[{"kind":"ip","value":"203.0.113.7","timestamp":"2026-10-02T14:05"}]}"#,
        );
        fires(
            "ID003",
            "accounts[1].timestamp",
            r#"{"accounts":[{"kind":"email"},{"kind":"ip","value":"203.0.113.7"}]}"#,
        );
        fires(
            "ID003",
            "accounts[0].timestamp",
            r#"{"accounts":[{"kind":"ip","timestamp":"2026-10-02"}]}"#,
        );
    }
}
