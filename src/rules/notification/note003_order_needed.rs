use crate::form::NonDisclosureBasis;
use crate::providers::NonDisclosureNeeds;
use crate::rule::{Hit, Param};
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
    /// notice on an order such as one under 18 U.S.C. §2705(b). A request alone does not stop
    /// the notice: ask the requested state to obtain an order.
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
        source: "Meta and X law enforcement guidelines; 18 U.S.C. §2705(b)",
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
        out.push(
            RULE.meta
                .hit()
                .with("provider", Param::Text(profile.name.clone().unwrap_or_default())),
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

    #[test]
    fn fail() {
        fires(&RULE, "notification.basis", &meta(r#""request""#));
        fires(&RULE, "notification.basis", &meta(r#""statute""#));
        fires(&RULE, "notification.basis", &meta("null"));
        fires(&RULE, "notification.basis", r#"{"provider":{"profile":"x"},"notification":{"requestNonDisclosure":"yes"}}"#);
    }
}
