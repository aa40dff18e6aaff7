//! ## What it does
//! Warns when the same kind and value appear twice (ignoring ASCII case and surrounding spaces);
//! the later row is marked.
//!
//! ## Why
//! A repeated identifier is usually a copy-paste slip hiding the identifier that was meant.
//!
//! ## Example
//! ```json
//! { "accounts": [{ "kind": "email", "value": "a@b.org" }, { "kind": "email", "value": "A@B.org" }] }
//! ```

use crate::form::path::indexed;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "ID004",
    area: "identifiers",
    severity: Severity::Warning,
    field: "accounts[i].value",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let accounts = &cx.form.accounts;
    for (i, a) in accounts.iter().enumerate() {
        let Some(value) = a.value else { continue };
        let first = accounts.iter().take(i).position(|b| {
            b.kind == a.kind && b.value.is_some_and(|v| v.eq_ignore_ascii_case(value))
        });
        if let Some(j) = first {
            out.push(
                RawFinding::new(RULE.code, indexed("accounts", i, "value"))
                    .with("row", Param::Int(j as i64 + 1)),
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
            "ID004",
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"username","value":"a@b.org"},{"kind":"email","value":"c@b.org"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "ID004",
            "accounts[2].value",
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"url","value":"https://x.org"},{"kind":"email","value":" A@B.ORG "}]}"#,
        );
    }
}
