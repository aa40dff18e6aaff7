use crate::rule::{Hit, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when a preservation request does not say that a request for mutual assistance will
    /// follow (`preservation.marToFollow` is not true).
    ///
    /// ## Why
    /// Budapest Convention Art. 29(2)(f): a preservation request specifies "that the Party
    /// intends to submit a request for mutual assistance". Providers preserve for foreign police
    /// while the MAR is pursued (Snap: "as a courtesy … while the MLAT is pursued").
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "preservation_only", "preservation": { "status": "requested", "requestedOn": "2026-11-27" } }
    /// ```
    PRES015 {
        area: "preservation",
        severity: Warning,
        field: "preservation.marToFollow",
        applies_to: [S],
        source: source::BUDAPEST_29_2_F,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.preservation.mar_to_follow != Some(true) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"requestType":"preservation_only","preservation":{"marToFollow":"yes"}}"#);
        // A formal MAR is the request that follows.
        quiet(&RULE, r#"{"requestType":"formal_mar","preservation":{}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "preservation.marToFollow", r#"{"requestType":"preservation_only"}"#);
        fires(
            &RULE,
            "preservation.marToFollow",
            r#"{"requestType":"preservation_only","preservation":{"marToFollow":false}}"#,
        );
    }
}
