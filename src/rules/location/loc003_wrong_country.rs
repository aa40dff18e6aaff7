use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::string::ToString;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports records held in a country other than the one the MAR is addressed to.
    ///
    /// ## Why
    /// The requested country can only compel disclosure of records within its jurisdiction
    /// (Handbook §2.6): the MAR is going to the wrong country.
    ///
    /// ## Example
    /// ```json
    /// { "requestedCountry": "AU", "recordsLocation": { "country": "IE" } }
    /// ```
    LOC003 {
        area: "location",
        severity: Error,
        field: "recordsLocation.country",
        applies_to: [M, P],
        source: source::HANDBOOK_2_6,
        params: ["country", "requestedCountry"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let (Some(held), Some(to)) = (cx.form.records_location.country, cx.form.requested_country)
        && held != to
    {
        out.push(
            RULE.meta.hit()
                .with("country", Param::Text(held.as_str().to_string()))
                .with("requestedCountry", Param::Text(to.as_str().to_string())),
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
            r#"{"requestedCountry":"us","recordsLocation":{"country":"US"}}"#,
        );
        quiet(&RULE, r#"{"recordsLocation":{"country":"US"}}"#);
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "recordsLocation.country",
            r#"{"requestedCountry":"AU","recordsLocation":{"country":"IE"}}"#,
        );
    }
}
