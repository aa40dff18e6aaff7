use crate::country::Country;
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when Australia requests records likely to contain CSAM and no import permit reference
    /// is given.
    ///
    /// ## Why
    /// Before CSAM requested in a MAR can be brought into Australia, officials must first obtain an
    /// import permit for it; otherwise it is prohibited (Handbook §2.9).
    ///
    /// ## Example
    /// ```json
    /// { "requestingCountry": "AU", "csam": { "likely": true } }
    /// ```
    CSAM003 {
        area: "csam",
        severity: Warning,
        field: "csam.importPermitRef",
        applies_to: [M, P, E],
        source: source::HANDBOOK_2_9,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let f = cx.form;
    if f.csam_likely()
        && f.requesting_country == Some(Country::AU)
        && f.csam.import_permit_ref.is_none()
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
            r#"{"requestingCountry":"AU","csam":{"likely":true,"importPermitRef":"IP-2026-118"}}"#,
        );
        quiet(&RULE,
            r#"{"requestingCountry":"NZ","csam":{"likely":true}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "csam.importPermitRef",
            r#"{"requestingCountry":"au","csam":{"likely":true}}"#,
        );
    }
}
