use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Checks that the requesting authority's name, the officer in charge and an email address are
    /// given. Each missing one is its own finding, at its own field.
    ///
    /// ## Why
    /// Providers and central authorities answer only identifiable law-enforcement requesters, and
    /// need someone to contact about the request (Handbook ch. 7; Budapest Convention Art. 29(2)(a)).
    ///
    /// ## Example
    /// ```json
    /// { "authority": { "name": "Fiji Police Force", "email": "" } }
    /// ```
    AUTH001 {
        area: "authority",
        severity: Error,
        field: "authority.name",
        applies_to: [M, P, S, E],
        source: "Budapest Convention Art. 29(2)(a); Handbook ch. 7",
        params: ["variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let a = &cx.form.authority;
    for (value, field, variant) in [
        (a.name, "authority.name", "name"),
        (a.officer, "authority.officer", "officer"),
        (a.email, "authority.email", "email"),
    ] {
        if value.is_none() {
            out.push(RULE.meta.hit_at(field).with("variant", Param::Term(variant)));
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
            r#"{"authority":{"name":"Fiji Police Force","officer":"Sgt A. Tui","email":"a.tui@police.gov.fj"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "authority.officer",
            r#"{"authority":{"name":"Fiji Police Force","email":"a.tui@police.gov.fj"}}"#,
        );
        fires(&RULE,
            "authority.email",
            r#"{"authority":{"name":"Fiji Police Force","officer":"Tui","email":"   "}}"#,
        );
        assert_eq!(
            fields_of(&RULE, "{}", ""),
            ["authority.name", "authority.officer", "authority.email"]
        );
    }
}
