use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the same kind and value appear twice (ignoring ASCII case and surrounding spaces);
    /// the later row is marked.
    ///
    /// ## Why
    /// A repeated identifier is usually a copy-paste slip hiding the identifier that was meant.
    ///
    /// ## Example
    /// ```json
    /// { "accounts": [{ "kind": "email", "value": "a@b.org" }, { "kind": "email", "value": "A@B.org" }] }
    /// ```
    ID004 {
        area: "identifiers",
        severity: Warning,
        field: "accounts[].value",
        applies_to: [M, P, S, E],
        source: source::PROVIDER_GUIDELINES,
        params: ["row"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let accounts = &cx.form.accounts;
    for (i, a) in accounts.iter().enumerate() {
        let Some(value) = a.value else { continue };
        let first = accounts.iter().take(i).position(|b| {
            b.kind == a.kind && b.value.is_some_and(|v| v.eq_ignore_ascii_case(value))
        });
        if let Some(j) = first {
            out.push(
                RULE.meta.hit_at(indexed("accounts", i, "value"))
                    .with("row", Param::Int(j as i64 + 1)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"username","value":"a@b.org"},{"kind":"email","value":"c@b.org"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "accounts[2].value",
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"url","value":"https://x.org"},{"kind":"email","value":" A@B.ORG "}]}"#,
        );
    }
}
