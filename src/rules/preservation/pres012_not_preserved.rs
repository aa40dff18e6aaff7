//! ## What it does
//! Reports a formal MAR whose preservation status is `not_requested` or not given.
//!
//! ## Why
//! A MAR takes months; without preservation the records are deleted in the ordinary course of
//! business long before it arrives. Preserve first, through the provider's portal
//! (Handbook §2.7; Budapest Convention Art. 29).
//!
//! ## Example
//! ```json
//! { "requestType": "formal_mar", "preservation": { "status": "not_requested" } }
//! ```

use crate::form::{PreservationStatus, RequestType};
use crate::report::{RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES012",
    area: "preservation",
    severity: Severity::Error,
    field: "preservation.status",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let f = cx.form;
    let status = f.preservation.status;
    if f.request_type == Some(RequestType::FormalMar)
        && matches!(status, None | Some(PreservationStatus::NotRequested))
    {
        out.push(RawFinding::new(RULE.code, "preservation.status"));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES012",
            r#"{"requestType":"formal_mar","preservation":{"status":"requested"}}"#,
        );
        quiet("PRES012", r#"{"requestType":"police_to_police"}"#);
    }

    #[test]
    fn fail() {
        fires(
            "PRES012",
            "preservation.status",
            r#"{"requestType":"formal_mar","preservation":{"status":"not_requested"}}"#,
        );
        fires(
            "PRES012",
            "preservation.status",
            r#"{"requestType":"formal_mar"}"#,
        );
    }
}
