use crate::form::PreservationStatus;
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a preservation marked `preserved` with neither a confirmation date nor a request date.
    ///
    /// ## Why
    /// Without a date nobody can tell when the snapshot lapses, and the MAR must state the date of
    /// preservation (Handbook §2.7).
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "status": "preserved", "reference": "META-2026-0457" } }
    /// ```
    PRES004 {
        area: "preservation",
        severity: Error,
        field: "preservation.confirmedOn",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let p = &cx.form.preservation;
    if p.status == Some(PreservationStatus::Preserved)
        && p.confirmed_on.is_none()
        && p.requested_on.is_none()
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
            r#"{"preservation":{"status":"preserved","requestedOn":"2026-11-01"}}"#,
        );
        quiet(&RULE, r#"{"preservation":{"status":"requested"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.confirmedOn",
            r#"{"preservation":{"status":"preserved"}}"#,
        );
    }
}
