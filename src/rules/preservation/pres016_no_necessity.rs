use crate::rule::{Hit, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when a preservation request does not say why preservation is needed
    /// (`preservation.necessity` is empty).
    ///
    /// ## Why
    /// Budapest Convention Art. 29(2)(e): a preservation request specifies "the necessity of the
    /// preservation" — typically that the records may be deleted before a MAR can be executed.
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "preservation_only", "preservation": { "marToFollow": true } }
    /// ```
    PRES016 {
        area: "preservation",
        severity: Warning,
        field: "preservation.necessity",
        applies_to: [S],
        source: source::BUDAPEST_29_2_E,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.preservation.necessity.is_none() {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            &RULE,
            r#"{"requestType":"preservation_only","preservation":{"necessity":"The account holder deletes messages daily."}}"#,
        );
        quiet(&RULE, r#"{"requestType":"police_to_police"}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE, "preservation.necessity", r#"{"requestType":"preservation_only"}"#);
        fires(
            &RULE,
            "preservation.necessity",
            r#"{"requestType":"preservation_only","preservation":{"necessity":"  "}}"#,
        );
    }
}
