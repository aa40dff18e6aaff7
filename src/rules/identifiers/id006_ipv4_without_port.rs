use crate::form::AccountKind;
use crate::path::indexed;
use crate::rule::Hit;
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Notes an IPv4 `ip` account given without its source port.
    ///
    /// ## Why
    /// Behind carrier-grade NAT many subscribers share one public IPv4 address at the same
    /// moment; only the source port tells them apart. RFC 6302 asks internet-facing servers to
    /// log the source port with the address and the time for this reason, and a provider can
    /// then name one subscriber instead of many.
    ///
    /// ## Example
    /// ```json
    /// { "accounts": [{ "kind": "ip", "value": "203.0.113.7", "timestamp": "2026-10-02T14:05:00+12:00" }] }
    /// ```
    ID006 {
        area: "identifiers",
        severity: Info,
        field: "accounts[].port",
        applies_to: [M, P, S, E],
        source: "RFC 6302 (log the source port with the address and the time)",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    for (i, a) in cx.form.accounts.iter().enumerate() {
        let ipv4 = a.value.is_some_and(crate::rules::identifiers::is_ipv4);
        if a.kind == Some(AccountKind::Ip) && ipv4 && a.port.is_none() {
            out.push(RULE.meta.hit_at(indexed("accounts", i, "port")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"accounts":[{"kind":"ip","value":"203.0.113.7","port":"51234"}]}"#);
        // IPv6 addresses are not shared that way.
        quiet(&RULE, r#"{"accounts":[{"kind":"ip","value":"2001:db8::1"}]}"#);
        quiet(&RULE, r#"{"accounts":[{"kind":"email","value":"a@b.org"}]}"#);
        // A malformed address is ID002's.
        quiet(&RULE, r#"{"accounts":[{"kind":"ip","value":"203.0.113"}]}"#);
    }

    #[test]
    fn fail() {
        fires(
            &RULE,
            "accounts[1].port",
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"ip","value":"203.0.113.7"}]}"#,
        );
    }
}
