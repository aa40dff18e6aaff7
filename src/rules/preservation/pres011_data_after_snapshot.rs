//! ## What it does
//! Warns when the records asked for run past the preservation start: records created after the
//! snapshot were not preserved.
//!
//! ## Why
//! Preservation is a snapshot of the data existing when it takes effect, never future data
//! (Handbook §2.7; 18 U.S.C. §2703(f)). Later records may be gone by the time the MAR arrives.
//!
//! ## Example
//! ```json
//! { "data": { "to": "2026-10-15" }, "preservation": { "confirmedOn": "2026-09-01" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "PRES011",
    area: "preservation",
    severity: Severity::Warning,
    field: "data.to",
    source: source::H27,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let Some(w) = &cx.derived.window else { return };
    if let Some(to) = cx.form.data.to.filter(|to| *to > w.start) {
        out.push(
            RawFinding::new(RULE.code, "data.to")
                .with("to", Param::Date(to))
                .with("start", Param::Date(w.start)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "PRES011",
            r#"{"data":{"to":"2026-09-01"},"preservation":{"confirmedOn":"2026-09-01"}}"#,
        );
        quiet(
            "PRES011",
            r#"{"data":{"to":"2026-10-01"},"preservation":{"status":"not_requested","requestedOn":"2026-09-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "PRES011",
            "data.to",
            r#"{"data":{"to":"2026-09-02"},"preservation":{"confirmedOn":"2026-09-01"}}"#,
        );
    }
}
