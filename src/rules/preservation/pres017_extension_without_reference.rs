use crate::path::indexed;
use crate::rule::{Hit, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when an extension that counts toward the preservation window has no reference.
    ///
    /// ## Why
    /// The MAR carries the preservation date, its extensions and their references (Handbook
    /// §2.7): the requested country's authority quotes them to the provider, and without the
    /// extension's reference cannot show that the records were still preserved.
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "status": "preserved", "confirmedOn": "2026-09-01", "reference": "META-2026-0457", "extensions": [{ "requestedOn": "2026-11-20" }] } }
    /// ```
    PRES017 {
        area: "preservation",
        severity: Warning,
        field: "preservation.extensions[].reference",
        applies_to: [M],
        source: source::HANDBOOK_2_7,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(w) = &cx.facts.window else { return };
    let rows = &cx.form.preservation.extensions;
    for e in w.counted() {
        if rows.get(e.index).is_some_and(|row| row.reference.is_none()) {
            out.push(RULE.meta.hit_at(indexed("preservation.extensions", e.index, "reference")));
        }
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
            r#"{"preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-20","reference":"META-EXT-1"}]}}"#,
        );
        // An extension asked after the expiry does not count (PRES008 says so).
        quiet(&RULE, r#"{"preservation":{"confirmedOn":"2026-01-01","extensions":[{"requestedOn":"2026-11-20"}]}}"#);
        quiet(
            &RULE,
            r#"{"requestType":"preservation_only","preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-20"}]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            &RULE,
            "preservation.extensions[1].reference",
            r#"{"preservation":{"confirmedOn":"2026-09-01","extensions":[{"requestedOn":"2026-11-01","reference":"R-1"},{"requestedOn":"2026-11-20"}]}}"#,
        );
    }
}
