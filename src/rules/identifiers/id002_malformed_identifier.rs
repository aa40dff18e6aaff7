use crate::rules::identifiers::well_formed;
use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks each account's value against its kind: an email address; a phone number in E.164
    /// (`+`, country code, 8–15 digits; spaces, hyphens, dots and parentheses are ignored); an
    /// `http(s)` URL with a host; an IPv4 or IPv6 address. Usernames and user ids are taken as given.
    ///
    /// ## Why
    /// Providers search for the identifier exactly as given; a national-format phone number or a
    /// URL without its scheme finds nothing, and the MAR comes back months later (Handbook ch. 7).
    ///
    /// ## Example
    /// ```json
    /// { "accounts": [{ "kind": "phone", "value": "0412 345 678" }] }
    /// ```
    ID002 {
        area: "identifiers",
        severity: Error,
        field: "accounts[].value",
        applies_to: [M, P, S, E],
        source: source::PROVIDER_GUIDELINES,
        params: ["kind", "variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for (i, a) in cx.form.accounts.iter().enumerate() {
        if let (Some(kind), Some(value)) = (a.kind, a.value)
            && !well_formed(kind, value)
        {
            out.push(
                RULE.meta.hit_at(indexed("accounts", i, "value"))
                    .with("variant", Param::Term(kind.as_str()))
                    .with("kind", Param::Term(kind.as_str())),
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
            r#"{"accounts":[{"kind":"phone","value":"+679 334-3777"},{"kind":"email","value":"x@y.org"},{"value":"no kind"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "accounts[1].value",
            r#"{"accounts":[{"kind":"email","value":"x@y.org"},{"kind":"phone","value":"0412 345 678"}]}"#,
        );
        fires(&RULE,
            "accounts[0].value",
            r#"{"accounts":[{"kind":"url","value":"facebook.com/x"}]}"#,
        );
        fires(&RULE,
            "accounts[0].value",
            r#"{"accounts":[{"kind":"ip","value":"300.1.1.1"}]}"#,
        );
    }
}
