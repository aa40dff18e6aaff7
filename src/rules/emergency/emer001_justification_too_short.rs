use crate::form::chars;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// While the emergency is active, checks that the justification has at least
    /// `emergency.minJustificationChars` characters (default 80).
    ///
    /// ## Why
    /// Providers disclose in an emergency only when the request shows, in good faith, a danger of
    /// death or serious physical injury (18 U.S.C. §2702(b)(8)); setting out the facts is what lets
    /// the request skip the standard MLA process (Handbook §2.8).
    ///
    /// ## Example
    /// ```json
    /// { "emergency": { "active": true, "justification": "Threat to life." } }
    /// ```
    ///
    /// The emergency is active when `emergency.active` is true, or when it is not said and the
    /// request type is `emergency_disclosure`.
    EMER001 {
        area: "emergency",
        severity: Error,
        field: "emergency.justification",
        applies_to: [M, P, S, E],
        source: "Handbook §2.8 (the 80 characters are the portal's policy)",
        params: ["chars", "min"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let n = chars(cx.form.emergency.justification) as i64;
    let min = cx.options.min_justification_chars;
    if cx.facts.emergency_applies(cx.form) && n < min {
        out.push(
            RULE.meta.hit()
                .with("chars", Param::Int(n))
                .with("min", Param::Int(min)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        let long = "x".repeat(80);
        quiet(&RULE,
            &format!(r#"{{"emergency":{{"active":true,"justification":"{long}"}}}}"#),
        );
        quiet(&RULE,
            r#"{"emergency":{"active":false,"justification":"short"}}"#,
        );
    }

    #[test]
    fn an_emergency_disclosure_is_an_emergency_whatever_active_says() {
        fires(
            &RULE,
            "emergency.justification",
            r#"{"requestType":"emergency_disclosure","emergency":{"active":"no"}}"#,
        );
    }

    #[test]
    fn fail() {
        let short = "x".repeat(79);
        fires(&RULE,
            "emergency.justification",
            &format!(r#"{{"emergency":{{"active":true,"justification":"{short}"}}}}"#),
        );
        fires(&RULE,
            "emergency.justification",
            r#"{"requestType":"emergency_disclosure"}"#,
        );
    }
}
