use crate::rule::source;
use crate::form::RequestType;
use crate::rule::{Hit, Param};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that the date range of the records asked for has both ends; each missing end is its
    /// own finding.
    ///
    /// ## Why
    /// Providers require a date range and disclose nothing outside it (TikTok, Meta guidelines);
    /// an open range is sent back.
    ///
    /// ## Example
    /// ```json
    /// { "data": { "from": "2026-06-01" } }
    /// ```
    DATE001 {
        area: "dates",
        severity: Error,
        field: "data.from",
        applies_to: [M, P, S],
        source: source::PROVIDER_GUIDELINES,
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    // A preservation goes to the provider: it needs a date range only where the provider's
    // guidelines ask for one (contract §6.1).
    if cx.facts.request_type == RequestType::PreservationOnly
        && cx.facts.profile.and_then(|p| p.requires_date_range) != Some(true)
    {
        return;
    }
    let d = &cx.form.data;
    if d.from.is_none() {
        out.push(RULE.meta.hit_at("data.from").with("variant", Param::Term("from")));
    }
    if d.to.is_none() {
        out.push(RULE.meta.hit_at("data.to").with("variant", Param::Term("to")));
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"data":{"from":"2026-06-01","to":"2026-07-01"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE, "data.to", r#"{"data":{"from":"2026-06-01"}}"#);
        fires(&RULE,
            "data.from",
            r#"{"data":{"to":"2026-06-01","from":""}}"#,
        );
        assert_eq!(fields_of(&RULE, "{}", ""), ["data.from", "data.to"]);
    }
}
