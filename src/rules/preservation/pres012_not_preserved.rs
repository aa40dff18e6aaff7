use crate::form::{PreservationStatus, RequestType};
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a formal MAR whose preservation status is `not_requested` or not given.
    ///
    /// ## Why
    /// A MAR takes months; without preservation the records are deleted in the ordinary course of
    /// business long before it arrives. Preserve first, through the provider's portal
    /// (Handbook §2.7; Budapest Convention Art. 29).
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "formal_mar", "preservation": { "status": "not_requested" } }
    /// ```
    PRES012 {
        area: "preservation",
        severity: Error,
        field: "preservation.status",
        applies_to: [M],
        source: source::HANDBOOK_2_7,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    // The type the report states (contract §6, v3): a form without one is a formal MAR.
    let status = cx.form.preservation.status;
    if cx.facts.request_type == RequestType::FormalMar
        && matches!(status, None | Some(PreservationStatus::NotRequested))
    {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"requestType":"formal_mar","preservation":{"status":"requested"}}"#,
        );
        quiet(&RULE, r#"{"requestType":"police_to_police"}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.status",
            r#"{"requestType":"formal_mar","preservation":{"status":"not_requested"}}"#,
        );
        fires(&RULE,
            "preservation.status",
            r#"{"requestType":"formal_mar"}"#,
        );
        // No type, or a blank one, reads as formal_mar.
        fires(&RULE, "preservation.status", r#"{}"#);
        fires(&RULE, "preservation.status", r#"{"requestType":""}"#);
        fires(&RULE, "preservation.status", r#"{"requestType":"  ","preservation":{"status":"not_requested"}}"#);
    }
}
