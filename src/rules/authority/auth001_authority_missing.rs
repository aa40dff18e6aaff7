//! ## What it does
//! Checks that the requesting authority's name, the officer in charge and an email address are
//! given. Each missing one is its own finding, at its own field.
//!
//! ## Why
//! Providers and central authorities answer only identifiable law-enforcement requesters, and
//! need someone to contact about the request (Handbook ch. 7; Budapest Convention Art. 29(2)(a)).
//!
//! ## Example
//! ```json
//! { "authority": { "name": "Fiji Police Force", "email": "" } }
//! ```

use crate::report::{Param, RawFinding, Severity};
use crate::rules::{Ctx, Rule, source};
use alloc::vec::Vec;

pub const RULE: Rule = Rule {
    code: "AUTH001",
    area: "authority",
    severity: Severity::Error,
    field: "authority.name / authority.officer / authority.email",
    source: source::H25,
    check,
};

fn check(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    let a = &cx.form.authority;
    for (value, field, variant) in [
        (a.name, "authority.name", "name"),
        (a.officer, "authority.officer", "officer"),
        (a.email, "authority.email", "email"),
    ] {
        if value.is_none() {
            out.push(RawFinding::new(RULE.code, field).with("variant", Param::Term(variant)));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(
            "AUTH001",
            r#"{"authority":{"name":"Fiji Police Force","officer":"Sgt A. Tui","email":"a.tui@police.gov.fj"}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            "AUTH001",
            "authority.officer",
            r#"{"authority":{"name":"Fiji Police Force","email":"a.tui@police.gov.fj"}}"#,
        );
        fires(
            "AUTH001",
            "authority.email",
            r#"{"authority":{"name":"Fiji Police Force","officer":"Tui","email":"   "}}"#,
        );
        assert_eq!(
            fields_of("AUTH001", "{}", ""),
            ["authority.name", "authority.officer", "authority.email"]
        );
    }
}
