use crate::rules::preservation::PLACEHOLDERS;
use crate::text::char_count;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::string::ToString;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a preservation reference that is a placeholder (`n/a`, `na`, `tbc`, `tba`, `pending`,
    /// `none`, `unknown`, `-`, `?`, one character repeated) or shorter than 4 characters.
    ///
    /// ## Why
    /// A placeholder typed while waiting for the provider's number ends up in the MAR, and the
    /// provider cannot match the request to the snapshot (Handbook §2.7).
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "reference": "TBC" } }
    /// ```
    PRES002 {
        area: "preservation",
        severity: Error,
        field: "preservation.reference",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["reference"],
    }
}

/// Whether `reference` cannot be a provider's reference number.
pub fn is_placeholder(reference: &str) -> bool {
    let r = reference.trim();
    let mut chars = r.chars();
    let first = chars.next();
    let repeated = first.is_some_and(|c| r.chars().all(|d| d == c));
    PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(r)) || repeated || char_count(r) < 4
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(r) = cx.form.preservation.reference.filter(|r| is_placeholder(r)) {
        out.push(
            RULE.meta.hit()
                .with("reference", Param::Text(r.to_string())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for ok in ["META-2026-0457", "1234", "AB12", "#5567 pending"] {
            quiet(&RULE,
                &format!(r#"{{"preservation":{{"reference":"{ok}"}}}}"#),
            );
        }
        quiet(&RULE, "{}");
    }

    #[test]
    fn fail() {
        for bad in [
            "n/a", "N/A", "na", "TBC", "tba", "Pending", "none", "unknown", "-", "?", "0000",
            "xxxxxx", "A1", "abc",
        ] {
            fires(&RULE,
                "preservation.reference",
                &format!(r#"{{"preservation":{{"reference":"{bad}"}}}}"#),
            );
        }
    }
}
