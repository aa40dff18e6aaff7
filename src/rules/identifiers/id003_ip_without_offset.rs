use crate::form::AccountKind;
use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that every `ip` account has a timestamp with its time zone offset
    /// (`2026-10-02T14:05:00+12:00` or `…Z`).
    ///
    /// ## Why
    /// Thousands of subscribers share an IP address over a day (carrier-grade NAT); the provider
    /// can name one only for an exact moment, and a time without its zone is hours off.
    ///
    /// ## Example
    /// ```json
    /// { "accounts": [{ "kind": "ip", "value": "203.0.113.7", "timestamp": "2026-10-02T14:05" }] }
    /// ```
    ID003 {
        area: "identifiers",
        severity: Error,
        field: "accounts[].timestamp",
        applies_to: [M, P, S, E],
        source: source::PROVIDER_GUIDELINES,
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for (i, a) in cx.form.accounts.iter().enumerate() {
        if a.kind != Some(AccountKind::Ip) {
            continue;
        }
        let variant = match a.timestamp {
            None => "missing",
            Some(t) if !t.has_time => "noTime",
            Some(t) if !t.has_offset => "noOffset",
            Some(_) => continue,
        };
        out.push(
            RULE.meta.hit_at(indexed("accounts", i, "timestamp"))
                .with("variant", Param::Term(variant)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"accounts":[{"kind":"ip","value":"203.0.113.7","timestamp":"2026-10-02T14:05:00+12:00"},{"kind":"email","value":"a@b.org"}]}"#,
        );
        quiet(&RULE,
            r#"{"accounts":[{"kind":"ip","timestamp":"2026-10-02T02:05Z"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "accounts[0].timestamp",
            r#"{"accounts":[{"kind":"ip","value":"203.0.113.7","timestamp":"2026-10-02T14:05"}]}"#,
        );
        fires(&RULE,
            "accounts[1].timestamp",
            r#"{"accounts":[{"kind":"email"},{"kind":"ip","value":"203.0.113.7"}]}"#,
        );
        fires(&RULE,
            "accounts[0].timestamp",
            r#"{"accounts":[{"kind":"ip","timestamp":"2026-10-02"}]}"#,
        );
    }
}
