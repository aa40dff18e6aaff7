use crate::rule::{Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that at least one account identifier (with a value) is given.
    ///
    /// ## Why
    /// A provider searches its records by identifier: email, phone, username, URL, user id or IP
    /// address with a time. A MAR without one cannot be executed (Handbook ch. 7).
    ///
    /// ## Example
    /// ```json
    /// { "accounts": [{ "kind": "email", "value": "" }] }
    /// ```
    ID001 {
        area: "identifiers",
        severity: Error,
        field: "accounts",
        applies_to: [M, P, S, E],
        source: "Budapest Convention Art. 29(2)(c); providers' law enforcement guidelines",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if !cx.form.accounts.iter().any(|a| a.value.is_some()) {
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
            r#"{"accounts":[{"kind":"email"},{"kind":"username","value":"@tui"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "accounts",
            r#"{"accounts":[{"kind":"email","value":" "}]}"#,
        );
        fires(&RULE, "accounts", r#"{"accounts":[]}"#);
        fires(&RULE, "accounts", "{}");
    }
}
