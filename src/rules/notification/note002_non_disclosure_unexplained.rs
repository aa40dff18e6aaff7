use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when non-disclosure is requested without a reason, or without a duration.
    ///
    /// ## Why
    /// A provider honours a request to refrain from notifying its user when it is told why notice
    /// would harm the investigation, and for how long; X asks non-disclosure orders to state a
    /// duration (Handbook §2.7).
    ///
    /// ## Example
    /// ```json
    /// { "notification": { "requestNonDisclosure": true, "reason": "Suspect would destroy evidence." } }
    /// ```
    NOTE002 {
        area: "notification",
        severity: Warning,
        field: "notification.reason",
        applies_to: [M, P, S, E],
        source: "Handbook §2.7; X law enforcement guidelines (non-disclosure orders state a duration)",
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let n = &cx.form.notification;
    if n.request_non_disclosure != Some(true) {
        return;
    }
    let variant = match (n.reason.is_some(), n.duration_days.is_some()) {
        (true, true) => return,
        (false, true) => "reason",
        (true, false) => "duration",
        (false, false) => "both",
    };
    out.push(
        RULE.meta.hit().with("variant", Param::Term(variant)),
    );
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"notification":{"requestNonDisclosure":true,"reason":"Evidence would be destroyed.","durationDays":"90"}}"#,
        );
        quiet(&RULE,
            r#"{"notification":{"requestNonDisclosure":false}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "notification.reason",
            r#"{"notification":{"requestNonDisclosure":true,"reason":"Evidence would be destroyed."}}"#,
        );
        fires(&RULE,
            "notification.reason",
            r#"{"notification":{"requestNonDisclosure":true,"durationDays":90}}"#,
        );
        fires(&RULE,
            "notification.reason",
            r#"{"notification":{"requestNonDisclosure":"yes"}}"#,
        );
    }
}
