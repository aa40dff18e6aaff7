//! Words, by locale: a data file per language (`en.json`, `fr.json`) keyed by rule code, with
//! `{param}` placeholders, checked and turned into static tables by `build.rs` (a rule without
//! its texts, or a placeholder that names no parameter, fails the build). Filling a message's
//! placeholders lives here.
//!
//! A rule with several situations (CASE001: a country missing, or both the same) names one in
//! its `variant` parameter, and the file holds `CODE.variant` beside `CODE`.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt::Write;

use crate::date::Date;
use crate::options::Locale;
use crate::rule::{Param, Params};

/// The texts of one rule in one language.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct RuleText {
    pub title: &'static str,
    pub description: &'static str,
    pub message: &'static str,
    pub help: &'static str,
}

/// One entry of a locale file.
#[derive(Debug)]
pub struct Entry {
    pub code: &'static str,
    /// `""` for the rule's own texts.
    pub variant: &'static str,
    /// Whether its message and its help hold `{placeholders}`: the others are used as they are.
    pub placeholders: [bool; 2],
    pub text: RuleText,
}

/// All the words of one locale.
#[derive(Debug)]
pub struct Words {
    pub months: [&'static str; 12],
    pub terms: &'static [(&'static str, &'static str)],
    pub rules: &'static [Entry],
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// The words of a locale.
pub fn catalogue(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
    }
}

impl Words {
    fn entry(&self, code: &str, variant: &str) -> Option<&Entry> {
        self.rules
            .iter()
            .find(|e| e.code == code && e.variant == variant)
    }

    /// The rule's own texts (title and description for `rules()`).
    pub fn rule(&self, code: &str) -> Option<&RuleText> {
        self.entry(code, "").map(|e| &e.text)
    }

    /// The texts for a finding: `CODE.variant` when the params name a variant and the file has
    /// it, else `CODE`.
    pub fn for_finding(&self, code: &str, params: &Params) -> Option<&Entry> {
        match params.get("variant") {
            Some(Param::Term(v)) => self.entry(code, v).or_else(|| self.entry(code, "")),
            _ => self.entry(code, ""),
        }
    }

    /// The message and help of a finding, with `{name}` placeholders filled in.
    pub fn render(
        &self,
        code: &'static str,
        params: &Params,
    ) -> (Cow<'static, str>, Cow<'static, str>) {
        let Some(e) = self.for_finding(code, params) else {
            return (Cow::Borrowed(code), Cow::Borrowed(""));
        };
        let fill = |template: &'static str, has: bool| match has {
            true => Cow::Owned(self.fill(template, params)),
            false => Cow::Borrowed(template),
        };
        (
            fill(e.text.message, e.placeholders[0]),
            fill(e.text.help, e.placeholders[1]),
        )
    }

    /// `template` with its placeholders filled in.
    pub fn fill(&self, template: &str, params: &Params) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(rest.get(..open).unwrap_or(""));
            let after = rest.get(open + 1..).unwrap_or("");
            let Some(close) = after.find('}') else {
                out.push_str(rest.get(open..).unwrap_or(""));
                return out;
            };
            let name = after.get(..close).unwrap_or("");
            match params.get(name) {
                Some(Param::Int(n)) => {
                    let _ = write!(out, "{n}");
                }
                Some(Param::Text(t)) => out.push_str(t),
                Some(Param::Date(d)) => self.write_date(&mut out, *d),
                Some(Param::Term(t)) => out.push_str(self.term(t)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
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
        let month = self.months.get(m as usize - 1).copied().unwrap_or("");
        let _ = write!(out, "{day} {month} {y}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn every_rule_has_its_texts_in_every_locale() {
        for locale in [Locale::En, Locale::Fr] {
            for r in RULES {
                assert!(
                    catalogue(locale).rule(r.meta.code).is_some(),
                    "{locale:?} {}",
                    r.meta.code
                );
            }
        }
    }

    #[test]
    fn fills_placeholders_and_dates_in_the_locale() {
        let params = Params(alloc::vec![
            ("days", Param::Int(12)),
            ("on", Param::Date(Date::from_ymd(2026, 11, 30).unwrap())),
        ]);
        assert_eq!(
            EN.fill("{days} days, {on}, {nope}", &params),
            "12 days, 30 Nov 2026, {nope}"
        );
        assert!(FR.fill("{on}", &params).starts_with("30 "));
    }
}
