use crate::form::NonDisclosureBasis;
use crate::providers::NonDisclosureNeeds;
use crate::rule::{Hit, Param, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when non-disclosure is requested from a provider that withholds notice only on an
    /// order or process that prohibits it (the profile's `nonDisclosureNeeds` is `court_order`),
    /// and `notification.basis` is not `court_order`.
    ///
    /// ## Why
    /// Meta notifies "prior to disclosure" unless an "appropriate court order or other
    /// appropriate process establishing that notice is prohibited" is obtained; X withholds
    /// notice on an order such as one under 18 U.S.C. §2705(b); Google gives no notice "when
    /// legally prohibited under the terms of the request"; Snap does not notify where notice
    /// "is prohibited by a court order issued under 18 U.S.C. § 2705(b) or by other legal
    /// authority". A request alone does not stop the notice: ask the requested state to obtain
    /// an order.
    ///
    /// A finding cites the guidelines of the provider selected on the form (its profile's
    /// name: "Meta (Facebook, Instagram) law enforcement guidelines; 18 U.S.C. §2705(b)"), so
    /// it names the text that says it for that provider, whichever profile it is.
    ///
    /// ## Example
    /// ```json
    /// { "provider": { "profile": "meta" }, "notification": { "requestNonDisclosure": true, "reason": "Notice would alert the suspect.", "durationDays": 90, "basis": "request" } }
    /// ```
    NOTE003 {
        area: "notification",
        severity: Warning,
        field: "notification.basis",
        applies_to: [M, P, S],
        source: "The selected provider's law enforcement guidelines; 18 U.S.C. §2705(b)",
        params: ["provider"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let n = &cx.form.notification;
    let Some(profile) = cx.facts.profile else { return };
    if cx.facts.notice_rules_apply(cx.form)
        && n.request_non_disclosure == Some(true)
        && profile.non_disclosure_needs == Some(NonDisclosureNeeds::CourtOrder)
        && n.basis != Some(NonDisclosureBasis::CourtOrder)
    {
        // The text that says it is this provider's (contract §5, v3): named from its profile.
        let name = profile.display_name();
        out.push(
            RULE.meta
                .hit()
                .with("provider", Param::Text(profile.name.clone().unwrap_or_default()))
                .cited(source::guidelines_of(name, &[source::USC_2705_B])),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    fn meta(basis: &str) -> String {
        format!(
            r#"{{"provider":{{"profile":"meta"}},"notification":{{"requestNonDisclosure":true,"basis":{basis}}}}}"#
        )
    }

    #[test]
    fn pass() {
        quiet(&RULE, &meta(r#""court_order""#));
        // No non-disclosure asked: NOTE001's.
        quiet(&RULE, r#"{"provider":{"profile":"meta"},"notification":{"requestNonDisclosure":false}}"#);
        // TikTok needs a statement, not an order.
        quiet(&RULE, r#"{"provider":{"profile":"tiktok"},"notification":{"requestNonDisclosure":true}}"#);
        // A preservation to Meta: Meta does not notify on a preservation.
        quiet(&RULE, r#"{"requestType":"preservation_only","provider":{"profile":"meta"},"notification":{"requestNonDisclosure":true}}"#);
    }

    /// The source of the NOTE003 finding on this form.
    fn source_on(form: &str, options: &str) -> String {
        let r = run(form, options);
        let f = r.findings.iter().find(|f| f.code == "NOTE003").unwrap();
        f.source.to_string()
    }

    #[test]
    fn cites_the_selected_providers_guidelines() {
        let asked = |profile: &str| {
            format!(r#"{{"provider":{{"profile":"{profile}"}},"notification":{{"requestNonDisclosure":true}}}}"#)
        };
        assert_eq!(
            source_on(&asked("meta"), "null"),
            "Meta (Facebook, Instagram) law enforcement guidelines; 18 U.S.C. §2705(b)"
        );
        assert_eq!(source_on(&asked("google"), "null"), "Google law enforcement guidelines; 18 U.S.C. §2705(b)");
        assert_eq!(source_on(&asked("x"), "null"), "X (Twitter) law enforcement guidelines; 18 U.S.C. §2705(b)");
        assert_eq!(source_on(&asked("snap"), "null"), "Snap (Snapchat) law enforcement guidelines; 18 U.S.C. §2705(b)");
        // A portal's own profile: its name, else its key.
        assert_eq!(
            source_on(&asked("pacnet"), r#"{"providers":{"pacnet":{"name":"PacNet","nonDisclosureNeeds":"court_order"}}}"#),
            "PacNet law enforcement guidelines; 18 U.S.C. §2705(b)"
        );
        assert_eq!(
            source_on(&asked("pacnet"), r#"{"providers":{"pacnet":{"nonDisclosureNeeds":"court_order"}}}"#),
            "pacnet law enforcement guidelines; 18 U.S.C. §2705(b)"
        );
    }

    #[test]
    fn fail() {
        fires(&RULE, "notification.basis", &meta(r#""request""#));
        fires(&RULE, "notification.basis", &meta(r#""statute""#));
        fires(&RULE, "notification.basis", &meta("null"));
        fires(&RULE, "notification.basis", r#"{"provider":{"profile":"x"},"notification":{"requestNonDisclosure":"yes"}}"#);
    }
}
