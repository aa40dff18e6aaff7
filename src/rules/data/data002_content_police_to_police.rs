use crate::form::{Category, RequestType};
use crate::rule::{Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Reports content data asked for through police-to-police cooperation.
    ///
    /// ## Why
    /// Providers may give non-content data to foreign police directly, but content needs a formal
    /// MAR (in the US, a warrant on probable cause obtained through mutual legal assistance:
    /// 18 U.S.C. §2702–2703; Handbook §2.5).
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "police_to_police", "data": { "categories": ["subscriber", "content"] } }
    /// ```
    DATA002 {
        area: "data",
        severity: Error,
        field: "data.categories",
        applies_to: [P],
        source: source::HANDBOOK_2_5,
        params: [],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if cx.facts.request_type == RequestType::PoliceToPolice
        && cx.form.data.has(Category::Content)
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
            r#"{"requestType":"police_to_police","data":{"categories":["subscriber","traffic"]}}"#,
        );
        quiet(&RULE,
            r#"{"requestType":"formal_mar","data":{"categories":["content"]}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "data.categories",
            r#"{"requestType":"police_to_police","data":{"categories":["subscriber","content"]}}"#,
        );
    }
}
