use crate::rule::source;
// The reader raises FORM001: this rule has nothing to check.
use crate::rules::no_check as check;

declare_rule! {
    /// ## What it does
    /// Reports a value that cannot be read as its type: a date that does not exist or is not written
    /// as the options say, a number that is not whole, a country that is not an ISO code, a choice
    /// that is not one of the form's, a group or list of the wrong shape. The reader raises it; this
    /// file only registers it.
    ///
    /// ## Why
    /// A value the validator cannot read is a value the receiving authority or the provider cannot
    /// read either. It is reported once, at its exact path, and then treated as absent, so the
    /// fallbacks apply (an unreadable `confirmedOn` falls back to `requestedOn`).
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "confirmedOn": "2026-02-30" } }
    /// ```
    FORM001 {
        area: "form",
        severity: Error,
        field: "",
        applies_to: [M, P, S, E],
        source: source::CONTRACT_FORM,
        params: ["expected", "value"],
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"preservation":{"confirmedOn":"2026-09-01","periodDays":" 90 "},"emergency":{"active":"on"}}"#,
        );
        quiet_with(&RULE,
            r#"{"data":{"from":"01/02/2026"}}"#,
            r#"{"dateOrder":"dmy"}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.confirmedOn",
            r#"{"preservation":{"confirmedOn":"2026-02-30"}}"#,
        );
        fires(&RULE, "data.from", r#"{"data":{"from":"01/02/2026"}}"#);
        fires(&RULE, "", "[1,2]");
        fires(&RULE, "", "{not json");
    }

    #[test]
    fn unreadable_is_said_once_then_absent() {
        // The unreadable confirmedOn falls back to requestedOn for the window.
        let r = run(
            r#"{"preservation":{"status":"preserved","requestedOn":"2026-09-01","confirmedOn":"soon"}}"#,
            "",
        );
        assert_eq!(
            r.facts.preservation_start.map(|d| d.to_string()).as_deref(),
            Some("2026-09-01")
        );
        // No second finding (PRES004, PRES013...) at the field that could not be read.
        let at: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.field == "preservation.confirmedOn")
            .map(|f| f.code)
            .collect();
        assert_eq!(at, ["FORM001"]);
    }
}
