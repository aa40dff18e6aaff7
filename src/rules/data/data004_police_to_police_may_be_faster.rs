use crate::form::{Category, RequestType};
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Notes that a formal MAR asks only for non-content records, which many providers give
    /// police-to-police.
    ///
    /// ## Why
    /// A formal MAR takes months; subscriber and traffic data often come in days through direct
    /// cooperation (Handbook §2.5). Some providers want a MAR for anything, so this is information.
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "formal_mar", "data": { "categories": ["subscriber"] } }
    /// ```
    DATA004 {
        area: "data",
        severity: Info,
        field: "data.categories",
        applies_to: [M],
        source: source::HANDBOOK_2_5,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let d = &cx.form.data;
    // The type the report states (contract §6, v3): a form without one is a formal MAR.
    if cx.facts.request_type == RequestType::FormalMar
        && !d.categories.is_empty()
        && !d.has(Category::Content)
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
            r#"{"requestType":"formal_mar","data":{"categories":["subscriber","content"]}}"#,
        );
        quiet(&RULE,
            r#"{"requestType":"police_to_police","data":{"categories":["subscriber"]}}"#,
        );
        quiet(&RULE,
            r#"{"requestType":"formal_mar","data":{"categories":[]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "data.categories",
            r#"{"requestType":"formal_mar","data":{"categories":["subscriber","traffic"]}}"#,
        );
        // No type, or a blank one, reads as formal_mar.
        fires(&RULE, "data.categories", r#"{"data":{"categories":["subscriber"]}}"#);
        fires(&RULE, "data.categories", r#"{"requestType":null,"data":{"categories":["traffic"]}}"#);
        fires(&RULE, "data.categories", r#"{"requestType":"","data":{"categories":["subscriber"]}}"#);
    }
}
