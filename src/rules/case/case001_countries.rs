use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::string::ToString;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that the requesting and the requested country are both given, and differ.
    ///
    /// ## Why
    /// A MAR goes from one country to another: the central authority routes it by the requested
    /// country, and the records must be in that country (§2.6). A request to one's own country is
    /// not mutual assistance.
    ///
    /// ## Example
    /// ```json
    /// { "requestingCountry": "FJ", "requestedCountry": "fj" }
    /// ```
    CASE001 {
        area: "case",
        severity: Error,
        field: "requestedCountry",
        applies_to: [M, P],
        source: source::HANDBOOK_2_6,
        params: ["country", "variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let f = cx.form;
    let missing = |field| RULE.meta.hit_at(field).with("variant", Param::Term("missing"));
    match (f.requesting_country, f.requested_country) {
        (Some(a), Some(b)) if a == b => out.push(
            RULE.meta.hit()
                .with("variant", Param::Term("same"))
                .with("country", Param::Text(a.as_str().to_string())),
        ),
        (a, b) => {
            if a.is_none() {
                out.push(missing("requestingCountry"));
            }
            if b.is_none() {
                out.push(missing("requestedCountry"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"requestingCountry":"FJ","requestedCountry":"US"}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "requestedCountry",
            r#"{"requestingCountry":"FJ","requestedCountry":"fj"}"#,
        );
        fires(&RULE,
            "requestedCountry",
            r#"{"requestingCountry":"FJ"}"#,
        );
        fires(&RULE,
            "requestingCountry",
            r#"{"requestedCountry":"US"}"#,
        );
        assert_eq!(
            fields_of(&RULE, "{}", ""),
            ["requestingCountry", "requestedCountry"]
        );
    }
}
