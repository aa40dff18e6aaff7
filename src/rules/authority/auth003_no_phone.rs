use crate::rule::Hit;
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the requesting authority gives no phone number.
    ///
    /// ## Why
    /// Providers call the officer back to verify a request, above all an emergency: Meta asks
    /// for a direct number to reach the requester, TikTok requires one on every request.
    ///
    /// ## Example
    /// ```json
    /// { "authority": { "name": "Fiji Police Force", "officer": "Sgt. R. Naidu", "email": "r.naidu@police.gov.fj" } }
    /// ```
    AUTH003 {
        area: "authority",
        severity: Warning,
        field: "authority.phone",
        applies_to: [M, P, S, E],
        source: "Meta and TikTok law enforcement guidelines",
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.authority.phone.is_none() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"authority":{"phone":"+679 334 3777"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "authority.phone", r#"{}"#);
        fires(&RULE, "authority.phone", r#"{"authority":{"phone":" "}}"#);
        fires(&RULE, "authority.phone", r#"{"requestType":"emergency_disclosure","authority":{"name":"FPF"}}"#);
    }
}
