use crate::providers::NonDisclosureNeeds;
use crate::rule::{Hit, Param, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the provider needs the request to say whether notice to the user is
    /// permitted (the profile's `nonDisclosureNeeds` is `statement`) and
    /// `notification.requestNonDisclosure` is neither true nor false.
    ///
    /// ## Why
    /// TikTok: requests must "indicate whether user notification is permitted". Left unsaid,
    /// the provider decides, and may tell the account holder.
    ///
    /// A finding cites the guidelines of the provider selected on the form (TikTok's for
    /// TikTok, a portal profile's own for that profile).
    ///
    /// ## Example
    /// ```json
    /// { "provider": { "profile": "tiktok" } }
    /// ```
    NOTE004 {
        area: "notification",
        severity: Warning,
        field: "notification.requestNonDisclosure",
        applies_to: [M, P, S],
        source: "TikTok law enforcement guidelines",
        params: ["provider"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(profile) = cx.facts.profile else { return };
    if cx.facts.notice_rules_apply(cx.form)
        && profile.non_disclosure_needs == Some(NonDisclosureNeeds::Statement)
        && cx.form.notification.request_non_disclosure.is_none()
    {
        // The text that says it is this provider's (contract §5, v3): TikTok's for TikTok, a
        // portal profile's own for that profile.
        out.push(
            RULE.meta
                .hit()
                .with("provider", Param::Text(profile.name.clone().unwrap_or_default()))
                .cited(source::guidelines_of(profile.display_name(), &[])),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for said in ["true", "false", r#""no""#] {
            quiet(
                &RULE,
                &format!(r#"{{"provider":{{"profile":"tiktok"}},"notification":{{"requestNonDisclosure":{said}}}}}"#),
            );
        }
        quiet(&RULE, r#"{"provider":{"profile":"meta"}}"#);
    }

    #[test]
    fn cites_the_selected_providers_guidelines() {
        let source = |form: &str, options: &str| {
            let r = run(form, options);
            r.findings.iter().find(|f| f.code == "NOTE004").map(|f| f.source.to_string())
        };
        assert_eq!(
            source(r#"{"provider":{"profile":"tiktok"}}"#, "null").as_deref(),
            Some(RULE.meta.source)
        );
        assert_eq!(
            source(
                r#"{"provider":{"profile":"pacnet"}}"#,
                r#"{"providers":{"pacnet":{"name":"PacNet","nonDisclosureNeeds":"statement"}}}"#
            )
            .as_deref(),
            Some("PacNet law enforcement guidelines")
        );
    }

    #[test]
    fn fail() {
        fires(&RULE, "notification.requestNonDisclosure", r#"{"provider":{"profile":"tiktok"}}"#);
        fires(
            &RULE,
            "notification.requestNonDisclosure",
            r#"{"provider":{"profile":"tiktok"},"notification":{"requestNonDisclosure":""}}"#,
        );
    }
}
