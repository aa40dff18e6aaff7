//! The rules' vocabulary, a leaf that imports nothing above it: how much a finding matters
//! ([`Severity`]), the request types a rule applies to ([`AppliesTo`]), the values a message shows
//! ([`Param`]), what a rule found ([`Hit`]), a rule's declaration ([`Meta`]) and the texts rules
//! cite ([`source`]).
//!
//! The rules (`rules/`), the form reader (`FORM001`), the messages and the report all speak it;
//! none of them is imported here.

use crate::date::Date;
use crate::path::Field;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// How much a finding matters. Only errors make `ok` false, block a submit, or exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The request types of contract §2, in the order of §6.1's columns. The form model's
/// `RequestType` maps onto these (`form::RequestType::applies`).
pub const REQUEST_TYPES: [&str; 4] = [
    "formal_mar",
    "police_to_police",
    "preservation_only",
    "emergency_disclosure",
];

/// The request types a rule applies to (contract §6.1): a set of [`REQUEST_TYPES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppliesTo(u8);

impl AppliesTo {
    /// **M**: a formal MAR.
    pub const M: AppliesTo = AppliesTo(1);
    /// **P**: police to police.
    pub const P: AppliesTo = AppliesTo(2);
    /// **S**: a preservation only, asked of the provider.
    pub const S: AppliesTo = AppliesTo(4);
    /// **E**: an emergency disclosure, asked of the provider.
    pub const E: AppliesTo = AppliesTo(8);
    pub const ALL: AppliesTo = AppliesTo(15);
    pub const NONE: AppliesTo = AppliesTo(0);

    pub const fn or(self, other: AppliesTo) -> AppliesTo {
        AppliesTo(self.0 | other.0)
    }

    /// Whether the request type at `index` of [`REQUEST_TYPES`] is in the set.
    pub const fn has(self, index: usize) -> bool {
        index < 4 && self.0 & (1 << index) != 0
    }

    /// The names of the request types in the set, in [`REQUEST_TYPES`] order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        REQUEST_TYPES
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.has(*i))
            .map(|(_, n)| n)
    }
}

impl Serialize for AppliesTo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names())
    }
}

/// A value shown in a message, and given to the portal in `params`.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Int(i64),
    Text(String),
    Date(Date),
    /// A word the messages translate (`date`, `country`, …); `params` carries the key.
    Term(&'static str),
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Param::Int(n) => s.serialize_i64(*n),
            Param::Text(t) => s.serialize_str(t),
            Param::Date(d) => d.serialize(s),
            Param::Term(t) => crate::tape::static_str(t, s),
        }
    }
}

/// The named values of a finding, in the order the rule gave them; `{ "days": 12 }` in JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(&crate::tape::Static(name), value)?;
        }
        map.end()
    }
}

/// What a rule (or the form reader) found, before severity and words are applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub code: &'static str,
    pub field: Field,
    pub params: Params,
    /// The text that says it for this form, when that is not the rule's declared
    /// [`Meta::source`] (a provider's own guidelines, named from the profile in force).
    pub source: Option<Cow<'static, str>>,
}

impl Hit {
    #[inline(never)]
    pub fn new(code: &'static str, field: impl Into<Field>) -> Hit {
        Hit {
            code,
            field: field.into(),
            params: Params::default(),
            source: None,
        }
    }

    /// Cites the text that says it for this form instead of the rule's declared source
    /// (builder style).
    #[inline(never)]
    pub fn cited(mut self, source: impl Into<Cow<'static, str>>) -> Hit {
        self.source = Some(source.into());
        self
    }

    /// Adds a parameter (builder style).
    #[inline(never)]
    pub fn with(mut self, name: &'static str, value: Param) -> Hit {
        self.params.0.push((name, value));
        self
    }
}

/// Everything a rule declares about itself (see `declare_rule!` in `rules/`): the one place each
/// fact about a rule is written.
#[derive(Clone, Copy, Debug)]
pub struct Meta {
    pub code: &'static str,
    /// The part of the form it is about (`preservation`, `emergency`, …).
    pub area: &'static str,
    pub severity: Severity,
    /// The model path its findings mark when they are not about a row (contract §2).
    pub field: &'static str,
    /// The request types it applies to (contract §6.1).
    pub applies_to: AppliesTo,
    /// The text that says it (contract §6.2 "Sources"). A finding may cite, for its form, a
    /// text of the same kind named more precisely ([`Hit::cited`]).
    pub source: &'static str,
    /// The names of its message parameters (`{days}`), checked against the locale files when
    /// the crate is built.
    pub params: &'static [&'static str],
    /// Its documentation: *What it does*, *Why*, *Example* (Markdown).
    pub doc: &'static str,
}

impl Meta {
    /// A finding of this rule at its declared field.
    pub fn hit(&self) -> Hit {
        Hit::new(self.code, self.field)
    }

    /// A finding of this rule at another path (a row: `accounts[2].value`).
    pub fn hit_at(&self, field: impl Into<Field>) -> Hit {
        Hit::new(self.code, field)
    }

    /// The Markdown of one section of [`Meta::doc`] (`"What it does"`, `"Why"`, `"Example"`),
    /// without its heading.
    pub fn doc_section(&self, heading: &str) -> &'static str {
        let doc = self.doc;
        let is_heading = |line: &str| line.trim_start().starts_with("## ");
        let mut at = 0;
        let mut start = None;
        for line in doc.split_inclusive('\n') {
            let here = at;
            at += line.len();
            match start {
                None if is_heading(line)
                    && line.trim_start().strip_prefix("## ").map(str::trim) == Some(heading) =>
                {
                    start = Some(at);
                }
                Some(from) if is_heading(line) => return doc.get(from..here).unwrap_or("").trim(),
                _ => {}
            }
        }
        start.map_or("", |from| doc.get(from..).unwrap_or("").trim())
    }

    /// The JSON blocks of its *Example* section: a form on which the rule fires (the first
    /// block), and options for it when a second block follows.
    pub fn examples(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut rest = self.doc_section("Example");
        while let Some(open) = rest.find("```json") {
            let body = rest.get(open + 7..).unwrap_or("");
            let Some(close) = body.find("```") else { break };
            out.push(body.get(..close).unwrap_or("").trim());
            rest = body.get(close + 3..).unwrap_or("");
        }
        out
    }
}

/// The texts rules cite, written once. Thresholds that no text sets are the portal's policy,
/// and the rules that use them say so.
pub mod source {
    pub const HANDBOOK_2_5: &str = "Handbook §2.5";
    pub const HANDBOOK_2_6: &str = "Handbook §2.6";
    pub const HANDBOOK_2_7: &str = "Handbook §2.7";
    pub const HANDBOOK_2_8: &str = "Handbook §2.8";
    pub const HANDBOOK_2_9: &str = "Handbook §2.9";
    pub const HANDBOOK_CH_7: &str = "Handbook ch. 7 (service-provider profiles)";
    pub const BUDAPEST_29_2_A: &str = "Budapest Convention Art. 29(2)(a)";
    pub const BUDAPEST_29_2_B: &str = "Budapest Convention Art. 29(2)(b)";
    pub const BUDAPEST_29_2_C: &str = "Budapest Convention Art. 29(2)(c)";
    pub const BUDAPEST_29_2_E: &str = "Budapest Convention Art. 29(2)(e)";
    pub const BUDAPEST_29_2_F: &str = "Budapest Convention Art. 29(2)(f)";
    pub const BUDAPEST_25_27: &str =
        "Budapest Convention Art. 25 and 27 (mutual assistance on a treaty or arrangement)";
    pub const USC_2702: &str = "18 U.S.C. §2702(b)(8), (c)(4)";
    pub const USC_2703_F: &str = "18 U.S.C. §2703(f)";
    pub const USC_2705_B: &str = "18 U.S.C. §2705(b)";
    pub const USC_2258A: &str = "18 U.S.C. §2258A (providers report to NCMEC)";
    pub const PORTAL_POLICY: &str = "Portal policy (no text sets this number)";
    pub const PROVIDER_GUIDELINES: &str = "Providers' law enforcement guidelines";
    pub const CONTRACT_FORM: &str = "marcheck contract §2 (the form)";

    /// The law enforcement guidelines of one provider, by its display name ("TikTok law
    /// enforcement guidelines"), then the other texts a finding cites.
    pub fn guidelines_of(provider: &str, also: &[&str]) -> alloc::string::String {
        let mut s = alloc::format!("{} law enforcement guidelines", provider.trim());
        for text in also {
            s.push_str("; ");
            s.push_str(text);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = " ## What it does\n A.\n\n ## Why\n B.\n\n ## Example\n X:\n ```json\n {\"a\":1}\n ```\n ```json\n {\"asOf\":\"2026-01-01\"}\n ```\n";

    #[test]
    fn doc_sections_and_examples() {
        let m = Meta {
            code: "X001",
            area: "x",
            severity: Severity::Info,
            field: "",
            applies_to: AppliesTo::ALL,
            source: "",
            params: &[],
            doc: DOC,
        };
        assert_eq!(m.doc_section("What it does"), "A.");
        assert_eq!(m.doc_section("Why"), "B.");
        assert_eq!(m.examples(), ["{\"a\":1}", "{\"asOf\":\"2026-01-01\"}"]);
    }

    #[test]
    fn applies_to_names_in_contract_order() {
        let s = AppliesTo::S.or(AppliesTo::M);
        assert_eq!(
            s.names().collect::<Vec<_>>(),
            ["formal_mar", "preservation_only"]
        );
        assert_eq!(
            serde_json::to_string(&s).ok().as_deref(),
            Some(r#"["formal_mar","preservation_only"]"#)
        );
    }
}
