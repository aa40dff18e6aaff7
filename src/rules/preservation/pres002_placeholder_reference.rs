//! ## What it does
//! Reports a preservation reference that is a placeholder (`n/a`, `na`, `tbc`, `tba`, `pending`,
//! `none`, `unknown`, `-`, `?`, one character repeated) or shorter than 4 characters.
//!
//! ## Why
//! A placeholder typed while waiting for the provider's number ends up in the MAR, and the
//! provider cannot match the request to the snapshot (Handbook §2.7).
//!
//! ## Example
//! ```json
//! { "preservation": { "reference": "TBC" } }
//! ```

use super::PLACEHOLDERS;
use crate::form::char_count;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::string::ToString;
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES002",
    area: "preservation",
    severity: Severity::Error,
    field: "preservation.reference",
    source: source::H27,
    check,
};

/// Whether `reference` cannot be a provider's reference number.
pub fn is_placeholder(reference: &str) -> bool {
    let r = reference.trim();
    let mut chars = r.chars();
    let first = chars.next();
    let repeated = first.is_some_and(|c| r.chars().all(|d| d == c));
    PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(r)) || repeated || char_count(r) < 4
}

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    if let Some(r) = cx.form.preservation.reference.filter(|r| is_placeholder(r)) {
        out.push(
            RawFinding::new(RULE.code, "preservation.reference")
                .with("reference", Param::Text(r.to_string())),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for ok in ["META-2026-0457", "1234", "AB12", "#5567 pending"] {
            quiet(
                "PRES002",
                &format!(r#"{{"preservation":{{"reference":"{ok}"}}}}"#),
            );
        }
        quiet("PRES002", "{}");
    }

    #[test]
    fn fail() {
        for bad in [
            "n/a", "N/A", "na", "TBC", "tba", "Pending", "none", "unknown", "-", "?", "0000",
            "xxxxxx", "A1", "abc",
        ] {
            fires(
                "PRES002",
                "preservation.reference",
                &format!(r#"{{"preservation":{{"reference":"{bad}"}}}}"#),
            );
        }
    }
}
