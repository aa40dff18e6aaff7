//! ## What it does
//! While the emergency is active, checks that the justification has at least
//! `emergency.minJustificationChars` characters (default 80).
//!
//! ## Why
//! Providers disclose in an emergency only when the request shows, in good faith, a danger of
//! death or serious physical injury (18 U.S.C. §2702(b)(8)); setting out the facts is what lets
//! the request skip the standard MLA process (Handbook §2.8).
//!
//! ## Example
//! ```json
//! { "emergency": { "active": true, "justification": "Threat to life." } }
//! ```
//!
//! The emergency is active when `emergency.active` is true, or when it is not said and the
//! request type is `emergency_disclosure`.

use crate::form::chars;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "EMER001",
    area: "emergency",
    severity: Severity::Error,
    field: "emergency.justification",
    source: source::H28,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let n = chars(cx.form.emergency.justification) as i64;
    let min = cx.options.min_justification_chars;
    if cx.form.emergency_active() && n < min {
        out.push(
            RawFinding::new(RULE.code, "emergency.justification")
                .with("chars", Param::Int(n))
                .with("min", Param::Int(min)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let long = "x".repeat(80);
        quiet(
            "EMER001",
            &format!(r#"{{"emergency":{{"active":true,"justification":"{long}"}}}}"#),
        );
        quiet(
            "EMER001",
            r#"{"emergency":{"active":false,"justification":"short"}}"#,
        );
        quiet(
            "EMER001",
            r#"{"requestType":"emergency_disclosure","emergency":{"active":"no"}}"#,
        );
    }

    #[test]
    fn fail() {
        let short = "x".repeat(79);
        fires(
            "EMER001",
            "emergency.justification",
            &format!(r#"{{"emergency":{{"active":true,"justification":"{short}"}}}}"#),
        );
        fires(
            "EMER001",
            "emergency.justification",
            r#"{"requestType":"emergency_disclosure"}"#,
        );
    }
}
