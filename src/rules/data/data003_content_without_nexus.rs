use crate::form::{Category, chars};
use crate::rule::{Param, Hit};
use crate::rules::{Ctx};
use alloc::vec::Vec;

/// Characters a nexus statement needs at the least.
pub const MIN_NEXUS_CHARS: i64 = 40;

declare_rule! {
    /// ## What it does
    /// Warns when content is asked for and the nexus statement — why this account holds evidence of
    /// this offence — has fewer than 40 characters.
    ///
    /// ## Why
    /// Content is disclosed only on a showing that links the account to the offence (probable cause
    /// in the US; Budapest Convention Art. 29(2)(c)). Without it the request fails at the provider's
    /// country, after months.
    ///
    /// ## Example
    /// ```json
    /// { "data": { "categories": ["content"] }, "case": { "nexus": "Suspect's account." } }
    /// ```
    DATA003 {
        area: "data",
        severity: Warning,
        field: "case.nexus",
        applies_to: [M, P],
        source: "US DOJ Criminal Resource Manual 281; Handbook §2.6 (the 40 characters are the portal's policy)",
        params: ["chars", "min"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let n = chars(cx.form.case.nexus) as i64;
    if cx.form.data.has(Category::Content) && n < MIN_NEXUS_CHARS {
        out.push(
            RULE.meta.hit()
                .with("chars", Param::Int(n))
                .with("min", Param::Int(MIN_NEXUS_CHARS)),
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
            r#"{"data":{"categories":["content"]},"case":{"nexus":"The victim's messages came from this account."}}"#,
        );
        quiet(&RULE, r#"{"data":{"categories":["subscriber"]}}"#);
    }

    #[test]
    fn fail() {
        let nexus = "x".repeat(39);
        fires(&RULE,
            "case.nexus",
            &format!(r#"{{"data":{{"categories":["content"]}},"case":{{"nexus":"{nexus}"}}}}"#),
        );
        fires(&RULE,
            "case.nexus",
            r#"{"data":{"categories":["content"]}}"#,
        );
    }
}
