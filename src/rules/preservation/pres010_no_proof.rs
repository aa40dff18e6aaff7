use crate::form::PreservationStatus;
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the preservation is `preserved` but no proof of it is attached.
    ///
    /// ## Why
    /// Some countries will not accept a MAR for internet records without proof that the data is
    /// preserved (Handbook §2.7): attach the provider's confirmation.
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "status": "preserved", "proofAttached": false } }
    /// ```
    PRES010 {
        area: "preservation",
        severity: Warning,
        field: "preservation.proofAttached",
        applies_to: [M],
        source: source::HANDBOOK_2_7,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let p = &cx.form.preservation;
    if p.status == Some(PreservationStatus::Preserved) && p.proof_attached != Some(true) {
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
            r#"{"preservation":{"status":"preserved","proofAttached":"on"}}"#,
        );
        quiet(&RULE, r#"{"preservation":{"status":"requested"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.proofAttached",
            r#"{"preservation":{"status":"preserved","proofAttached":"off"}}"#,
        );
        fires(&RULE,
            "preservation.proofAttached",
            r#"{"preservation":{"status":"preserved"}}"#,
        );
    }
}
