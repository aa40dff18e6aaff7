//! Words, by locale: a data file per language (`en.json`, `fr.json`) keyed by rule code, with
//! `{param}` placeholders. Read once per locale on first use; the texts are not copied, they
//! stay where the file is built into the crate.
//!
//! A rule with several situations (CASE001: a country missing, or both the same) names one in
//! its `variant` parameter, and the file holds `CODE.variant` beside `CODE`.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

use crate::date::Date;
use crate::json::{self, Value};
use crate::lazy::Lazy;
use crate::options::Locale;
use crate::report::Param;

// `en.json` and `fr.json` beside this file, without their layout (see `build.rs`).
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.json"));
const FR: &str = include_str!(concat!(env!("OUT_DIR"), "/fr.json"));

/// The texts of one rule in one language.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RuleText {
    pub title: &'static str,
    pub description: &'static str,
    pub message: &'static str,
    pub help: &'static str,
}

/// All the words of one locale.
#[derive(Debug, Default)]
pub struct Catalogue {
    months: Vec<&'static str>,
    terms: Vec<(&'static str, &'static str)>,
    rules: Vec<(&'static str, RuleText)>,
    /// What each entry of `rules` is for, worked out once when the file is read.
    entries: Vec<Entry>,
}

/// An entry of the file, as findings look it up.
#[derive(Debug)]
struct Entry {
    /// The position of its rule in [`crate::rules::RULES`], so that a finding's texts are found
    /// without comparing keys, and its variant (`""` for none).
    rule: Option<usize>,
    variant: &'static str,
    /// Whether its message and its help hold `{placeholders}`: the others are used as they are.
    placeholders: [bool; 2],
}

/// The catalogue of a locale (parsed on first use, then shared).
pub fn catalogue(locale: Locale) -> &'static Catalogue {
    static EN_CAT: Lazy<Catalogue> = Lazy::new(|| Catalogue::parse(EN));
    static FR_CAT: Lazy<Catalogue> = Lazy::new(|| Catalogue::parse(FR));
    match locale {
        Locale::En => EN_CAT.get(),
        Locale::Fr => FR_CAT.get(),
    }
}

/// A text of the file, borrowed from it (one with escapes is read once and kept).
fn text_of(v: Option<&Value<'static>>) -> &'static str {
    match v {
        Some(Value::String(s)) => str_of(s),
        _ => "",
    }
}

#[expect(clippy::ptr_arg, reason = "the Cow tells text in the file from a copy")]
fn str_of(s: &Cow<'static, str>) -> &'static str {
    match s {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => s.clone().leak(),
    }
}

impl Catalogue {
    fn parse(data: &'static str) -> Catalogue {
        let Ok(root) = json::parse(data) else {
            return Catalogue::default();
        };
        let months = match root.get("months") {
            Some(Value::Array(items)) => items.iter().map(|m| text_of(Some(m))).collect(),
            _ => Vec::new(),
        };
        let pairs = |key| match root.get(key) {
            Some(Value::Object(entries)) => entries.iter().map(|(k, v)| (str_of(k), v)).collect(),
            _ => Vec::new(),
        };
        let terms = pairs("terms")
            .into_iter()
            .map(|(k, v)| (k, text_of(Some(v))))
            .collect();
        let rules = pairs("rules")
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    RuleText {
                        title: text_of(v.get("title")),
                        description: text_of(v.get("description")),
                        message: text_of(v.get("message")),
                        help: text_of(v.get("help")),
                    },
                )
            })
            .collect::<Vec<_>>();
        let has_placeholder = |t: &str| t.bytes().any(|b| b == b'{');
        let entries = rules
            .iter()
            .map(|(key, t)| {
                let dot = key.bytes().position(|b| b == b'.');
                let code = dot.and_then(|d| key.get(..d)).unwrap_or(key);
                Entry {
                    rule: crate::rules::index_of(code),
                    variant: dot.and_then(|d| key.get(d + 1..)).unwrap_or(""),
                    placeholders: [has_placeholder(t.message), has_placeholder(t.help)],
                }
            })
            .collect();
        Catalogue {
            months,
            terms,
            rules,
            entries,
        }
    }

    /// The texts of `code` (exactly: `CODE` or `CODE.variant`).
    pub fn exact(&self, key: &str) -> Option<&RuleText> {
        self.rules.iter().find(|(k, _)| *k == key).map(|(_, t)| t)
    }

    /// The texts for a finding: `CODE.variant` when the params name a variant and the file has
    /// it, else `CODE`.
    pub fn for_finding(&self, code: &str, params: &[(&'static str, Param)]) -> Option<&RuleText> {
        self.for_rule(crate::rules::index_of(code)?, params)
    }

    /// [`Catalogue::for_finding`] for the rule at this position of [`crate::rules::RULES`].
    pub fn for_rule(&self, rule: usize, params: &[(&'static str, Param)]) -> Option<&RuleText> {
        self.entry_for(rule, params).map(|(t, _)| t)
    }

    /// The texts for a finding of the rule at `rule` in [`crate::rules::RULES`], and whether
    /// its message and help hold placeholders.
    pub(crate) fn entry_for(
        &self,
        rule: usize,
        params: &[(&'static str, Param)],
    ) -> Option<(&RuleText, [bool; 2])> {
        let find = |variant: &str| {
            let at =
                (self.entries.iter()).position(|e| e.rule == Some(rule) && e.variant == variant)?;
            let (_, text) = self.rules.get(at)?;
            Some((text, self.entries.get(at)?.placeholders))
        };
        match params.iter().find(|(n, _)| *n == "variant") {
            Some((_, Param::Term(variant))) => find(variant).or_else(|| find("")),
            _ => find(""),
        }
    }

    /// A translated word; the key itself when the file lacks it.
    pub fn term<'s>(&'s self, key: &'s str) -> &'s str {
        self.terms
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, v)| v)
    }

    /// `30 Nov 2026` in the locale's month names.
    pub fn write_date(&self, out: &mut String, d: Date) {
        let (y, m, day) = d.ymd();
        json::write_int(out, i64::from(day));
        out.push(' ');
        match self.months.get(m as usize - 1) {
            Some(name) => out.push_str(name),
            None => json::write_int(out, i64::from(m)),
        }
        out.push(' ');
        json::write_int(out, i64::from(y));
    }

    /// Every key of the file (for completeness tests).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|(k, _)| *k)
    }

    pub fn term_keys(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|(k, _)| *k)
    }

    pub fn month_count(&self) -> usize {
        self.months.len()
    }
}
