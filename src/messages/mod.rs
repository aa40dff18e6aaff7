//! Words, by locale: a data file per language (`en.json`, `fr.json`) keyed by rule code, with
//! `{param}` placeholders, checked and turned into static tables by `build.rs` (a rule without
//! its texts, or a placeholder that names no parameter, fails the build). Filling a message's
//! placeholders lives here.
//!
//! A count is written `{days|# day left|# days left}`: the parameter, then the form for the
//! numbers the locale's `pluralOne` lists (CLDR's "one": 1 in English, 0 and 1 in French), then
//! the form for the others, `#` standing for the number. `build.rs` checks both forms are there.
//!
//! A rule with several situations (CASE001: a country missing, or both the same) names one in
//! its `variant` parameter, and the file holds `CODE.variant` beside `CODE`.

use alloc::borrow::Cow;
use alloc::string::String;

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
    /// The whole numbers (absolute values) that take a plural placeholder's first form.
    pub plural_one: &'static [u64],
    pub deadlines: DeadlineWords,
}

/// The texts of the deadlines (`src/deadlines.rs`).
#[derive(Debug)]
pub struct DeadlineWords {
    /// Each kind's own texts, in the order of `deadlines::Kind`.
    pub kinds: &'static [KindWords],
    /// The texts of `kind.variant` keys.
    pub variants: &'static [KindWords],
    /// "{days|# day left|# days left}"
    pub left: &'static str,
    /// "due today"
    pub today: &'static str,
    /// "{days|# day overdue|# days overdue}"
    pub overdue: &'static str,
}

/// The title and detail of one deadline kind (or of one of its variants).
#[derive(Debug)]
pub struct KindWords {
    pub kind: &'static str,
    /// `""` for the kind's own texts.
    pub variant: &'static str,
    /// `""` in a variant that keeps its kind's title.
    pub title: &'static str,
    pub detail: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// Writes `n` in decimal: what `write!` does, without the formatting machinery (a message holds
/// a few numbers and dates, and deadlines fill several per form).
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut buf = [0u8; 20];
    for &d in decimal(n.unsigned_abs(), &mut buf) {
        out.push(char::from(d));
    }
}

/// The decimal digits of `v`, written at the end of `buf` (the command line's JSON writer uses
/// it too).
pub fn decimal(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(d) = buf.get_mut(i) {
            *d = b'0' + (v % 10) as u8;
        }
        v /= 10;
        if v == 0 || i == 0 {
            break;
        }
    }
    buf.get(i..).unwrap_or_default()
}

/// Parameters looked up by name.
struct Lookup<'p>(&'p [(&'static str, Param)]);

impl Lookup<'_> {
    fn get(&self, name: &str) -> Option<&Param> {
        // Lengths first: most names differ in length, and then no bytes are compared.
        (self.0.iter())
            .find(|(n, _)| n.len() == name.len() && *n == name)
            .map(|(_, v)| v)
    }
}

/// The words of a locale.
pub fn catalogue(locale: Locale) -> &'static Words {
    match locale {
        Locale::En => &EN,
        Locale::Fr => &FR,
    }
}

impl Words {
    /// Natively, a binary search: build.rs writes the entries in order of code, then variant
    /// (a test checks), and a batch looks up each finding's texts (a linear search was 4 % of
    /// the command line's time). The wasm keeps the linear search: 0.1 KB smaller.
    #[cfg(not(target_arch = "wasm32"))]
    fn entry(&self, code: &str, variant: &str) -> Option<&Entry> {
        // Byte by byte: codes and variants are a few bytes, where a call to memcmp per step
        // cost more than the search (perf: 12 % of `check`'s time in memcmp).
        fn cmp(a: &str, b: &str) -> core::cmp::Ordering {
            for (x, y) in a.bytes().zip(b.bytes()) {
                if x != y {
                    return x.cmp(&y);
                }
            }
            a.len().cmp(&b.len())
        }
        (self.rules)
            .binary_search_by(|e| cmp(e.code, code).then_with(|| cmp(e.variant, variant)))
            .ok()
            .and_then(|i| self.rules.get(i))
    }

    #[cfg(target_arch = "wasm32")]
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
        self.fill_from(template, &params.0)
    }

    /// [`Words::fill`] from parameters in a slice (no list to allocate).
    #[inline(never)]
    pub fn fill_from(&self, template: &str, params: &[(&'static str, Param)]) -> String {
        let params = Lookup(params);
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        // Bytes, not chars: the braces and bars are ASCII, and a template is scanned once,
        // eight bytes at a time (a deadline's detail is a few hundred bytes: callgrind).
        let byte = |s: &str, b: u8| find_byte(s.as_bytes(), b);
        while let Some(open) = byte(rest, b'{') {
            out.push_str(rest.get(..open).unwrap_or(""));
            let after = rest.get(open + 1..).unwrap_or("");
            let Some(close) = byte(after, b'}') else {
                out.push_str(rest.get(open..).unwrap_or(""));
                return out;
            };
            let inside = after.get(..close).unwrap_or("");
            rest = after.get(close + 1..).unwrap_or("");
            let (name, forms) = match byte(inside, b'|') {
                Some(bar) => (
                    inside.get(..bar).unwrap_or(""),
                    inside.get(bar + 1..).unwrap_or(""),
                ),
                None => (inside, ""),
            };
            if let (Some((one, other)), Some(Param::Int(n))) =
                (crate::text::split_once_byte(forms, b'|'), params.get(name))
            {
                let form = if self.plural_one.contains(&n.unsigned_abs()) {
                    one
                } else {
                    other
                };
                let mut piece = form;
                while let Some(hash) = byte(piece, b'#') {
                    out.push_str(piece.get(..hash).unwrap_or(""));
                    push_int(&mut out, *n);
                    piece = piece.get(hash + 1..).unwrap_or("");
                }
                out.push_str(piece);
                continue;
            }
            match params.get(name) {
                Some(Param::Int(n)) => push_int(&mut out, *n),
                Some(Param::Text(t)) => out.push_str(t),
                Some(Param::Date(d)) => self.write_date(&mut out, *d),
                Some(Param::Term(t)) => out.push_str(self.term(t)),
                None => {
                    out.push('{');
                    out.push_str(inside);
                    out.push('}');
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The title and the detail template of the deadline kind at `index` (its place in
    /// `deadlines::Kind`): those of `kind.variant` when the file has it (the title falling
    /// back to the kind's), else the kind's own.
    pub fn deadline(&self, index: usize, variant: &str) -> (&'static str, &'static str) {
        let d = &self.deadlines;
        let own = d.kinds.get(index);
        let (title, detail) = own.map_or(("", ""), |k| (k.title, k.detail));
        if variant.is_empty() {
            return (title, detail);
        }
        let kind = own.map_or("", |k| k.kind);
        match d
            .variants
            .iter()
            .find(|v| v.variant == variant && v.kind == kind)
        {
            Some(v) if v.title.is_empty() => (title, v.detail),
            Some(v) => (v.title, v.detail),
            None => (title, detail),
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
        let month = self.months.get(m as usize - 1).copied().unwrap_or("");
        push_int(out, i64::from(day));
        out.push(' ');
        out.push_str(month);
        out.push(' ');
        push_int(out, i64::from(y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    #[test]
    fn entries_are_in_order_of_code_then_variant() {
        for locale in [Locale::En, Locale::Fr] {
            let rules = catalogue(locale).rules;
            for pair in rules.windows(2) {
                let [a, b] = pair else { continue };
                assert!(
                    (a.code, a.variant) < (b.code, b.variant),
                    "{locale:?} {a:?} {b:?}"
                );
            }
            for e in rules {
                let found = catalogue(locale).entry(e.code, e.variant);
                assert!(found.is_some_and(|f| core::ptr::eq(f, e)), "{}", e.code);
            }
        }
    }

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

    #[test]
    fn plural_placeholders_take_the_locales_forms() {
        let p = |n: i64| Params(alloc::vec![("days", Param::Int(n))]);
        let en = "{days|# day left|# days left}";
        let fr = "{days|# jour restant|# jours restants}";
        assert_eq!(EN.fill(en, &p(1)), "1 day left");
        assert_eq!(EN.fill(en, &p(2)), "2 days left");
        assert_eq!(EN.fill(en, &p(0)), "0 days left");
        assert_eq!(EN.fill(en, &p(-1)), "-1 day left");
        assert_eq!(FR.fill(fr, &p(1)), "1 jour restant");
        assert_eq!(FR.fill(fr, &p(0)), "0 jour restant");
        assert_eq!(FR.fill(fr, &p(2)), "2 jours restants");
        // `#` may appear anywhere, or not at all; a plural on a missing number stays as written.
        assert_eq!(EN.fill("{days|one|#, # more}", &p(3)), "3, 3 more");
        assert_eq!(EN.fill("{nope|a|b}", &p(3)), "{nope|a|b}");
        for n in [0, 7, -7, 10, 1234567, i64::MIN, i64::MAX] {
            let mut s = String::new();
            push_int(&mut s, n);
            assert_eq!(s, alloc::format!("{n}"));
        }
    }
}

/// The first `b` in `s`: eight bytes at a time (SWAR: a byte equal to `b` is a zero byte of
/// `x ^ b`), then one at a time.
fn find_byte(s: &[u8], b: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let needle = ONES * u64::from(b);
    let mut i = 0;
    while let Some(chunk) = s.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk) ^ needle;
        let found = x.wrapping_sub(ONES) & !x & HIGH;
        if found != 0 {
            // The lowest byte that matched (little-endian: the first in the text).
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    s.get(i..)?.iter().position(|&c| c == b).map(|p| i + p)
}

#[cfg(test)]
mod find_byte_tests {
    #[test]
    fn it_finds_what_a_byte_loop_finds_at_every_offset() {
        let text = "Extension due {on|x} — « {days|# jour|# jours} » {a}{b} ééé 0123456789{";
        let b = text.as_bytes();
        for start in 0..=b.len() {
            for needle in [b'{', b'}', b'|', b'#', b'x'] {
                let want = b[start..].iter().position(|&c| c == needle);
                assert_eq!(
                    super::find_byte(&b[start..], needle),
                    want,
                    "{start} {needle}"
                );
            }
        }
    }
}
