use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports records likely to contain CSAM without a handling protocol.
    ///
    /// ## Why
    /// Handling protocols for CSAM are agreed between the requesting and the requested country
    /// before the material moves (Handbook §2.9): who receives it, how, and how it is stored.
    ///
    /// ## Example
    /// ```json
    /// { "csam": { "likely": true, "declared": true } }
    /// ```
    CSAM002 {
        area: "csam",
        severity: Error,
        field: "csam.handlingProtocol",
        applies_to: [M, P, E],
        source: source::HANDBOOK_2_9,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.csam_likely() && cx.form.csam.handling_protocol.is_none() {
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
            r#"{"csam":{"likely":true,"handlingProtocol":"Encrypted drive to the AFP ACCCE liaison."}}"#,
        );
        quiet(&RULE, r#"{"csam":{"likely":false}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "csam.handlingProtocol",
            r#"{"csam":{"likely":true,"handlingProtocol":""}}"#,
        );
    }
}
