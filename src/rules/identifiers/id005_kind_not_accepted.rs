use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when an account's kind is not one the chosen provider profile accepts (for example an
    /// IP address for Meta, which searches by email, phone, profile URL or username). Without a
    /// profile, or when the profile does not say, every kind is accepted.
    ///
    /// ## Why
    /// Each provider's law-enforcement guidelines list the identifiers it can search by; any other
    /// identifier returns "no records found" (Handbook ch. 7, provider profiles).
    ///
    /// ## Example
    /// ```json
    /// { "provider": { "profile": "x" }, "accounts": [{ "kind": "phone", "value": "+679 334 3777" }] }
    /// ```
    ID005 {
        area: "identifiers",
        severity: Warning,
        field: "accounts[].kind",
        applies_to: [M, P, S, E],
        source: "The provider's law enforcement guidelines (its profile's acceptedAccountKinds)",
        params: ["kind", "provider"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(profile) = cx.facts.profile else {
        return;
    };
    let Some(accepted) = &profile.accepted_account_kinds else {
        return;
    };
    for (i, a) in cx.form.accounts.iter().enumerate() {
        if let Some(kind) = a.kind.filter(|k| !accepted.contains(k)) {
            let name = profile.name.clone().unwrap_or_else(|| profile.key.clone());
            out.push(
                RULE.meta.hit_at(indexed("accounts", i, "kind"))
                    .with("kind", Param::Term(kind.as_str()))
                    .with("provider", Param::Text(name)),
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
            r#"{"provider":{"profile":"meta"},"accounts":[{"kind":"email"},{"kind":"url"}]}"#,
        );
        quiet(&RULE,
            r#"{"provider":{"profile":"google"},"accounts":[{"kind":"ip"}]}"#,
        );
        quiet(&RULE, r#"{"accounts":[{"kind":"ip"}]}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "accounts[1].kind",
            r#"{"provider":{"profile":"meta"},"accounts":[{"kind":"email"},{"kind":"ip"}]}"#,
        );
        fires_with(&RULE,
            "accounts[0].kind",
            r#"{"provider":{"profile":"acme"},"accounts":[{"kind":"url"}]}"#,
            r#"{"providers":{"acme":{"acceptedAccountKinds":["email"]}}}"#,
        );
    }
}
