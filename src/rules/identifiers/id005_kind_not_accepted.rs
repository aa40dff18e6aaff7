//! ## What it does
//! Warns when an account's kind is not one the chosen provider profile accepts (for example an
//! IP address for Meta, which searches by email, phone, profile URL or username). Without a
//! profile, or when the profile does not say, every kind is accepted.
//!
//! ## Why
//! Each provider's law-enforcement guidelines list the identifiers it can search by; any other
//! identifier returns "no records found" (Handbook ch. 7, provider profiles).
//!
//! ## Example
//! ```json
//! { "provider": { "profile": "x" }, "accounts": [{ "kind": "phone", "value": "+679 334 3777" }] }
//! ```

use crate::form::path::indexed;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "ID005",
    area: "identifiers",
    severity: Severity::Warning,
    field: "accounts[i].kind",
    source: "Handbook ch. 7 (provider profiles)",
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let Some(profile) = cx.derived.profile else {
        return;
    };
    let Some(accepted) = &profile.accepted_account_kinds else {
        return;
    };
    for (i, a) in cx.form.accounts.iter().enumerate() {
        if let Some(kind) = a.kind.filter(|k| !accepted.contains(k)) {
            let name = profile.name.clone().unwrap_or_else(|| profile.key.clone());
            out.push(
                RawFinding::new(RULE.code, indexed("accounts", i, "kind"))
                    .with("kind", Param::Term(kind.as_str()))
                    .with("provider", Param::Text(name)),
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
            "ID005",
            r#"{"provider":{"profile":"meta"},"accounts":[{"kind":"email"},{"kind":"url"}]}"#,
        );
        quiet(
            "ID005",
            r#"{"provider":{"profile":"google"},"accounts":[{"kind":"ip"}]}"#,
        );
        quiet("ID005", r#"{"accounts":[{"kind":"ip"}]}"#);
    }

    #[test]
    fn fail() {
        fires(
            "ID005",
            "accounts[1].kind",
            r#"{"provider":{"profile":"meta"},"accounts":[{"kind":"email"},{"kind":"ip"}]}"#,
        );
        fires_with(
            "ID005",
            "accounts[0].kind",
            r#"{"provider":{"profile":"acme"},"accounts":[{"kind":"url"}]}"#,
            r#"{"providers":{"acme":{"acceptedAccountKinds":["email"]}}}"#,
        );
    }
}
