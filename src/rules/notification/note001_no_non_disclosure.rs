//! ## What it does
//! Warns when the provider notifies its users (or may: `yes` or `unknown`, from the form, else
//! the provider profile) and the request does not ask it to refrain.
//!
//! ## Why
//! Some providers tell the account holder about a request; if that could harm the investigation,
//! ask them to refrain (Handbook §2.7). Say whether notice is permitted (TikTok requires it) and,
//! for X, give the non-disclosure's duration.
//!
//! ## Example
//! ```json
//! { "provider": { "profile": "meta" }, "notification": { "requestNonDisclosure": false } }
//! ```

use crate::providers::Notifies;
use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "NOTE001",
    area: "notification",
    severity: Severity::Warning,
    field: "notification.requestNonDisclosure",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let n = &cx.form.notification;
    let notifies = n
        .provider_notifies
        .or_else(|| cx.derived.profile.map(|p| p.notifies_user))
        .unwrap_or(Notifies::Unknown);
    if notifies != Notifies::No && n.request_non_disclosure != Some(true) {
        out.push(
            RawFinding::new(RULE.code, "notification.requestNonDisclosure")
                .with("variant", Param::Term(notifies.as_str()))
                .with("notifies", Param::Term(notifies.as_str())),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "NOTE001",
            r#"{"provider":{"profile":"meta"},"notification":{"requestNonDisclosure":true}}"#,
        );
        quiet("NOTE001", r#"{"notification":{"providerNotifies":"no"}}"#);
        quiet(
            "NOTE001",
            r#"{"provider":{"profile":"meta"},"notification":{"providerNotifies":"no"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "NOTE001",
            "notification.requestNonDisclosure",
            r#"{"provider":{"profile":"meta"}}"#,
        );
        fires("NOTE001", "notification.requestNonDisclosure", "{}");
        fires(
            "NOTE001",
            "notification.requestNonDisclosure",
            r#"{"notification":{"providerNotifies":"yes","requestNonDisclosure":"off"}}"#,
        );
    }
}
