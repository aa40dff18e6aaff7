use crate::form::{PreservationStatus, RequestType};
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that a preservation reference number is given when the status is `preserved`, or when
    /// the request is a formal MAR.
    ///
    /// ## Why
    /// The provider finds the snapshot by its reference. The MAR must state the date of
    /// preservation, any extensions and the reference number (Handbook §2.7; Second Additional
    /// Protocol Art. 7).
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "formal_mar", "preservation": { "status": "preserved", "confirmedOn": "2026-09-01" } }
    /// ```
    PRES001 {
        area: "preservation",
        severity: Error,
        field: "preservation.reference",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let f = cx.form;
    // A formal MAR always carries the reference (Handbook §2.7); a request to the police or
    // the provider only once the provider has confirmed the preservation (contract §6.1).
    let needed = cx.facts.request_type == RequestType::FormalMar
        || f.preservation.status == Some(PreservationStatus::Preserved);
    if needed && f.preservation.reference.is_none() {
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
            r#"{"requestType":"formal_mar","preservation":{"status":"preserved","reference":"META-2026-0457"}}"#,
        );
        quiet(&RULE,
            r#"{"requestType":"police_to_police","preservation":{"status":"requested"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.reference",
            r#"{"preservation":{"status":"preserved"}}"#,
        );
        fires(&RULE,
            "preservation.reference",
            r#"{"requestType":"formal_mar","preservation":{"status":"requested","reference":"  "}}"#,
        );
    }
}
