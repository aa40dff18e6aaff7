use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports records likely to contain child sexual abuse material (CSAM) when the MAR does not
    /// declare it.
    ///
    /// ## Why
    /// If the records are likely to contain CSAM it must be specifically noted in the MAR, and
    /// specific handling protocols apply (Handbook §2.9). Undeclared, the material may be sent by
    /// ordinary channels, which is itself an offence in most countries.
    ///
    /// ## Example
    /// ```json
    /// { "csam": { "likely": true, "declared": false } }
    /// ```
    CSAM001 {
        area: "csam",
        severity: Error,
        field: "csam.declared",
        applies_to: [M, P, E],
        source: source::HANDBOOK_2_9,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.form.csam_likely() && cx.form.csam.declared != Some(true) {
        out.push(RULE.meta.hit());
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE, r#"{"csam":{"likely":true,"declared":true}}"#);
        quiet(&RULE, r#"{"csam":{"likely":false}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "csam.declared",
            r#"{"csam":{"likely":"yes","declared":"no"}}"#,
        );
        fires(&RULE, "csam.declared", r#"{"csam":{"likely":true}}"#);
    }
}
