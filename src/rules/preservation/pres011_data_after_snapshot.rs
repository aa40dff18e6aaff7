use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the records asked for run past the preservation start: records created after the
    /// snapshot were not preserved.
    ///
    /// ## Why
    /// Preservation is a snapshot of the data existing when it takes effect, never future data
    /// (Handbook §2.7; 18 U.S.C. §2703(f)). Later records may be gone by the time the MAR arrives.
    ///
    /// ## Example
    /// ```json
    /// { "data": { "to": "2026-10-15" }, "preservation": { "confirmedOn": "2026-09-01" } }
    /// ```
    PRES011 {
        area: "preservation",
        severity: Warning,
        field: "data.to",
        applies_to: [M, P, S],
        source: "Handbook §2.7; 18 U.S.C. §2703(f) (only data existing when preserved)",
        params: ["start", "to"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(w) = &cx.facts.window else { return };
    if let Some(to) = cx.form.data.to.filter(|to| *to > w.start) {
        out.push(
            RULE.meta.hit()
                .with("to", Param::Date(to))
                .with("start", Param::Date(w.start)),
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
            r#"{"data":{"to":"2026-09-01"},"preservation":{"confirmedOn":"2026-09-01"}}"#,
        );
        quiet(&RULE,
            r#"{"data":{"to":"2026-10-01"},"preservation":{"status":"not_requested","requestedOn":"2026-09-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "data.to",
            r#"{"data":{"to":"2026-09-02"},"preservation":{"confirmedOn":"2026-09-01"}}"#,
        );
    }
}
