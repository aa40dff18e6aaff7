use crate::form::Notifies;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the provider notifies its users (or may: `yes` or `unknown`, from the form, else
    /// the provider profile) and the request does not ask it to refrain.
    ///
    /// ## Why
    /// Some providers tell the account holder about a request; if that could harm the investigation,
    /// ask them to refrain (Handbook §2.7). Say whether notice is permitted (TikTok requires it) and,
    /// for X, give the non-disclosure's duration.
    ///
    /// ## Example
    /// ```json
    /// { "provider": { "profile": "meta" }, "notification": { "requestNonDisclosure": false } }
    /// ```
    NOTE001 {
        area: "notification",
        severity: Warning,
        field: "notification.requestNonDisclosure",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["notifies", "variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if !cx.facts.notice_rules_apply(cx.form) {
        return;
    }
    let notifies = cx.facts.notifies_user(cx.form);
    if notifies != Notifies::No && cx.form.notification.request_non_disclosure != Some(true) {
        out.push(
            RULE.meta
                .hit()
                .with("variant", Param::Term(notifies.as_str()))
                .with("notifies", Param::Term(notifies.as_str())),
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
            r#"{"provider":{"profile":"meta"},"notification":{"requestNonDisclosure":true}}"#,
        );
        quiet(&RULE, r#"{"notification":{"providerNotifies":"no"}}"#);
        quiet(&RULE,
            r#"{"provider":{"profile":"meta"},"notification":{"providerNotifies":"no"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "notification.requestNonDisclosure",
            r#"{"provider":{"profile":"meta"}}"#,
        );
        fires(&RULE, "notification.requestNonDisclosure", "{}");
        fires(&RULE,
            "notification.requestNonDisclosure",
            r#"{"notification":{"providerNotifies":"yes","requestNonDisclosure":"off"}}"#,
        );
    }
}
