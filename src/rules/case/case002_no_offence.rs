use crate::rule::{Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that at least one offence is named.
    ///
    /// ## Why
    /// The requested country tests dual criminality and the seriousness threshold against the
    /// offence; without one the MAR cannot be assessed (Budapest Convention Art. 29; §2.7).
    ///
    /// ## Example
    /// ```json
    /// { "case": { "offences": [{ "provision": "s.12" }] } }
    /// ```
    CASE002 {
        area: "case",
        severity: Error,
        field: "case.offences",
        applies_to: [M, P, S],
        source: "Budapest Convention Art. 29(2)(b); US DOJ Criminal Resource Manual 281",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if !cx.form.case.offences.iter().any(|o| o.name.is_some()) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"case":{"offences":[{"provision":"s.1"},{"name":"Fraud"}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "case.offences",
            r#"{"case":{"offences":[{"provision":"s.12","name":"  "}]}}"#,
        );
        fires(&RULE, "case.offences", "{}");
    }
}
