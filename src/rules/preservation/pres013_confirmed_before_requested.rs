use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports a confirmation date earlier than the request date.
    ///
    /// ## Why
    /// A provider cannot confirm what it was not yet asked: one of the two dates is mistyped, and
    /// the window is counted from the confirmation.
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "requestedOn": "2026-09-03", "confirmedOn": "2026-09-01" } }
    /// ```
    PRES013 {
        area: "preservation",
        severity: Error,
        field: "preservation.confirmedOn",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["confirmedOn", "requestedOn"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let p = &cx.form.preservation;
    if let (Some(req), Some(conf)) = (p.requested_on, p.confirmed_on)
        && conf < req
    {
        out.push(
            RULE.meta.hit()
                .with("confirmedOn", Param::Date(conf))
                .with("requestedOn", Param::Date(req)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"preservation":{"requestedOn":"2026-09-01","confirmedOn":"2026-09-01"}}"#,
        );
        quiet(&RULE,
            r#"{"preservation":{"requestedOn":"2026-09-01","confirmedOn":"2026-09-02"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "preservation.confirmedOn",
            r#"{"preservation":{"requestedOn":"2026-09-02","confirmedOn":"2026-09-01"}}"#,
        );
    }
}
