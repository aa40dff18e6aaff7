use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that the records' location has been confirmed.
    ///
    /// ## Why
    /// Providers move servers and records between countries; a MAR sent to the wrong country is
    /// refused after months (Handbook §2.6). Confirm with the provider or its guidelines first.
    ///
    /// ## Example
    /// ```json
    /// { "recordsLocation": { "country": "US", "confirmed": false } }
    /// ```
    LOC002 {
        area: "location",
        severity: Error,
        field: "recordsLocation.confirmed",
        applies_to: [M, P],
        source: source::HANDBOOK_2_6,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.records_location.confirmed != Some(true) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"recordsLocation":{"confirmed":"yes"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "recordsLocation.confirmed",
            r#"{"recordsLocation":{"confirmed":"no"}}"#,
        );
        fires(&RULE, "recordsLocation.confirmed", "{}");
    }
}
