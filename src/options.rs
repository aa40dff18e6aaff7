//! Options (contract §3): today's date, locale, date order, holidays, severity overrides,
//! thresholds, extra provider profiles and the scope of the report. Options arrive as JSON text
//! (in the wasm, `JSON.stringify` of the object: `src/wasm.js`), read into [`Raw`] and checked
//! one option at a time by a function per kind of value (issue 15: serde-wasm-bindgen and
//! serde's derive for this cost 44 KB of the wasm gzipped; README, "What the libraries cost").
//! Bad options are a programming error of the portal, so they are an [`OptionsError`] that
//! names the option and the value and says what is wrong (never a finding); its texts are
//! [`Problem`]'s.

use crate::date::{Date, DateOrder};
use crate::json::Raw;
use crate::providers::{self, Profile};
use crate::rule::Severity;
use alloc::string::String;
use alloc::vec::Vec;

/// The most holidays the options may list (a century of any country's public holidays, many
/// times over). Beyond it the options are an Error that names the limit.
pub const MAX_HOLIDAYS: usize = 100_000;
/// The longest options text, in bytes (4 MiB: room for the most holidays). Beyond it the
/// options are an Error.
pub const MAX_OPTIONS_BYTES: usize = 4 << 20;
/// The most provider profiles `options.providers` may add or override.
pub const MAX_PROVIDERS: usize = 100;
/// The most paths a `scope` may list.
pub const MAX_SCOPE_PATHS: usize = 1_000;

/// The language of messages. A locale such as `fr-CA` means French; any other language falls
/// back to English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
}

impl Locale {
    pub fn parse(tag: &str) -> Locale {
        let lang = tag.trim().split(['-', '_']).next().unwrap_or("");
        if lang.eq_ignore_ascii_case("fr") {
            Locale::Fr
        } else {
            Locale::En
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
        }
    }
}

/// What `options.rules` says of one code: `None` is `"off"`.
pub type Override = (String, Option<Severity>);

#[derive(Clone, Debug, PartialEq)]
pub struct PreservationOptions {
    pub default_period_days: i64,
    pub extension_days: i64,
    /// A ceiling on the whole preservation, when the portal sets one (v2: none by default).
    pub max_total_days: Option<i64>,
    pub expiry_warning_days: i64,
    pub response_business_days: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// "Today" for every window.
    pub as_of: Date,
    pub locale: Locale,
    pub date_order: DateOrder,
    /// Skipped when counting business days; sorted, without repeats.
    pub holidays: Vec<Date>,
    pub rules: Vec<Override>,
    pub preservation: PreservationOptions,
    pub min_justification_chars: i64,
    pub max_imminence_days: i64,
    pub min_facts_chars: i64,
    pub max_span_days: i64,
    /// What `options.providers` says: built-in profiles it overrides (whole, with its facts
    /// applied) and the profiles it adds, in the order given. The other built-in profiles are
    /// read from [`providers::builtin`], never copied.
    pub providers: Vec<Profile>,
    /// The paths whose findings the report keeps (`None`: all).
    pub scope: Option<Vec<String>>,
}

/// A malformed option: which one, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("option `{option}`: {problem}")]
pub struct OptionsError {
    /// The option's path (`preservation.expiryWarningDays`, `holidays[1]`); `""` for the whole.
    pub option: String,
    pub problem: Problem,
}

/// What is wrong with an option: the one place the texts of option errors are made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// A value of another type (`found`: what it is, with the value).
    #[error("invalid type: {found}, expected {want}")]
    Type { found: String, want: &'static str },
    /// A value of the right type that is not one of those allowed.
    #[error("invalid value: {found}, expected {want}")]
    Value { found: String, want: &'static str },
    /// More than marcheck reads.
    #[error("{n} {what}, more than marcheck's limit of {max}")]
    TooMany {
        n: usize,
        what: &'static str,
        max: usize,
    },
    #[error("missing field `{0}`")]
    Missing(&'static str),
    /// The options are not an object (what they are instead).
    #[error("expected an object, found {0}")]
    NotAnObject(&'static str),
    /// The options' text is not JSON, or JavaScript could not write the object as JSON (a
    /// getter threw, a cycle): what the parser or JavaScript said.
    #[error("{0}")]
    Unreadable(String),
}

/// The path of an option: its parent's, then a key or an index.
#[derive(Clone, Copy)]
pub enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

type Res<T> = Result<T, OptionsError>;

impl At<'_> {
    pub fn path(&self) -> String {
        match self {
            At::Root => String::new(),
            At::Key(parent, k) => {
                let mut p = parent.path();
                if !p.is_empty() {
                    p.push('.');
                }
                p.push_str(k);
                p
            }
            At::Index(parent, i) => alloc::format!("{}[{i}]", parent.path()),
        }
    }

    #[inline(never)]
    pub fn fail<T>(&self, problem: Problem) -> Res<T> {
        Err(OptionsError {
            option: self.path(),
            problem,
        })
    }

    /// `v` is not of the type `want` says.
    #[inline(never)]
    pub fn wrong<T>(&self, v: &Raw, want: &'static str) -> Res<T> {
        self.fail(Problem::Type {
            found: found(v),
            want,
        })
    }

    /// `v` is of the right type but not a value `want` allows.
    #[inline(never)]
    pub fn bad<T>(&self, v: &Raw, want: &'static str) -> Res<T> {
        self.fail(Problem::Value {
            found: found(v),
            want,
        })
    }
}

/// What a value is, with the value, for an error's text: `string "xmas"`, `number `-1``.
#[inline(never)]
fn found(v: &Raw) -> String {
    let mut out = String::new();
    match v {
        Raw::Null => out.push_str("null"),
        Raw::Bool(b) => {
            out.push_str(if *b {
                "boolean `true`"
            } else {
                "boolean `false`"
            });
        }
        Raw::Number(n) => {
            out.push_str("number `");
            out.push_str(n);
            out.push('`');
        }
        Raw::Text(t) => {
            // A long text is cut: the error names the option; its first characters say enough.
            let cut = crate::text::prefix_chars(t, 60);
            out.push_str("string \"");
            out.push_str(cut);
            if cut.len() < t.len() {
                out.push('…');
            }
            out.push('"');
        }
        Raw::List(_) => out.push_str("a list"),
        Raw::Object(_) => out.push_str("an object"),
    }
    out
}

/// The value of each of `keys` in an object (`None`: absent): a key given twice is read as its
/// last value, as `JSON.parse` does.
pub fn fields<'v, const N: usize>(
    entries: &'v [(String, Raw)],
    keys: &[&str; N],
) -> [Option<&'v Raw>; N] {
    let mut out = [None; N];
    for (k, v) in entries {
        if let Some(i) = keys.iter().position(|want| *want == k.as_str())
            && let Some(slot) = out.get_mut(i)
        {
            *slot = Some(v);
        }
    }
    out
}

/// An object's entries (`null` is an empty object when `null_ok`).
#[inline(never)]
pub fn object<'v>(at: &At<'_>, v: &'v Raw, want: &'static str) -> Res<&'v [(String, Raw)]> {
    match v {
        Raw::Object(entries) => Ok(entries),
        Raw::Null => Ok(&[]),
        _ => at.wrong(v, want),
    }
}

/// A list's items, no more than `max`.
#[inline(never)]
pub fn list<'v>(at: &At<'_>, v: &'v Raw, want: &'static str, max: usize) -> Res<&'v [Raw]> {
    match v {
        Raw::List(items) if items.len() > max => at.fail(Problem::TooMany {
            n: items.len(),
            what: "items",
            max,
        }),
        Raw::List(items) => Ok(items),
        _ => at.wrong(v, want),
    }
}

#[inline(never)]
pub fn text<'v>(at: &At<'_>, v: &'v Raw) -> Res<&'v str> {
    match v {
        Raw::Text(t) => Ok(t),
        _ => at.wrong(v, "a text"),
    }
}

/// The text `v` is, or `None` for `null`.
#[inline(never)]
pub fn text_or_null(at: &At<'_>, v: &Raw) -> Res<Option<String>> {
    match v {
        Raw::Null => Ok(None),
        v => text(at, v).map(|t| Some(t.into())),
    }
}

#[inline(never)]
pub fn boolean(at: &At<'_>, v: &Raw) -> Res<bool> {
    match v {
        Raw::Bool(b) => Ok(*b),
        _ => at.wrong(v, "a boolean"),
    }
}

/// A whole number (as JSON writes it) from `min` to `max`.
#[inline(never)]
pub fn whole(at: &At<'_>, v: &Raw, min: i64, max: i64, want: &'static str) -> Res<i64> {
    let Raw::Number(n) = v else {
        return at.wrong(v, want);
    };
    match crate::lenient::integer(&crate::json::Leaf::Number(n)) {
        Ok(Some(n)) if (min..=max).contains(&n) => Ok(n),
        _ => at.bad(v, want),
    }
}

/// The position in `names` of the text `v` is.
#[inline(never)]
pub fn choice(at: &At<'_>, v: &Raw, names: &[&str], want: &'static str) -> Res<usize> {
    let t = text(at, v).or_else(|_| at.wrong(v, want))?;
    match names.iter().position(|n| *n == t) {
        Some(i) => Ok(i),
        None => at.bad(v, want),
    }
}

#[inline(never)]
pub fn country(at: &At<'_>, v: &Raw) -> Res<crate::country::Country> {
    const WANT: &str = "an ISO 3166-1 alpha-2 country code";
    let t = text(at, v).or_else(|_| at.wrong(v, WANT))?;
    crate::country::Country::parse(t).map_or_else(|| at.bad(v, WANT), Ok)
}

/// A date written `YYYY-MM-DD`.
#[inline(never)]
fn iso_date(at: &At<'_>, v: &Raw) -> Res<Date> {
    const WANT: &str = "a date as YYYY-MM-DD";
    let t = text(at, v).or_else(|_| at.wrong(v, WANT))?;
    Date::parse(t, DateOrder::Ymd).map_or_else(|| at.bad(v, WANT), Ok)
}

/// A threshold: a whole number, 0 or more (numeric text such as `"60"` too, as forms send it).
#[inline(never)]
fn threshold(at: &At<'_>, v: &Raw) -> Res<i64> {
    const WANT: &str = "a whole number, 0 or more";
    let leaf = match v {
        Raw::Number(n) => crate::json::Leaf::Number(n),
        Raw::Text(t) => crate::json::Leaf::Text(t),
        _ => return at.wrong(v, WANT),
    };
    match crate::lenient::integer(&leaf) {
        Ok(Some(n)) if n >= 0 => Ok(n),
        _ => at.bad(v, WANT),
    }
}

/// `"off"`, `"info"`, `"warning"` or `"error"` (any case).
#[inline(never)]
fn level(at: &At<'_>, v: &Raw) -> Res<Option<Severity>> {
    const WANT: &str = "\"off\", \"info\", \"warning\" or \"error\"";
    let t = text(at, v).or_else(|_| at.wrong(v, WANT))?;
    match t.trim().to_ascii_lowercase().as_str() {
        "off" => Ok(None),
        "info" => Ok(Some(Severity::Info)),
        "warning" => Ok(Some(Severity::Warning)),
        "error" => Ok(Some(Severity::Error)),
        _ => at.bad(v, WANT),
    }
}

/// `"ymd"`, `"dmy"` or `"mdy"` (any case; `""` is the default).
#[inline(never)]
fn date_order(at: &At<'_>, v: &Raw) -> Res<DateOrder> {
    const WANT: &str = "\"ymd\", \"dmy\" or \"mdy\"";
    let t = text(at, v).or_else(|_| at.wrong(v, WANT))?;
    match t.trim().to_ascii_lowercase().as_str() {
        "ymd" | "" => Ok(DateOrder::Ymd),
        "dmy" => Ok(DateOrder::Dmy),
        "mdy" => Ok(DateOrder::Mdy),
        _ => at.bad(v, WANT),
    }
}

/// Each threshold of a group (`null` keeps the default).
fn thresholds<const N: usize>(
    at: &At<'_>,
    v: &Raw,
    keys: &[&str; N],
    mut slots: [&mut i64; N],
) -> Res<()> {
    let entries = object(at, v, "an object of thresholds")?;
    for ((key, v), slot) in keys.iter().zip(fields(entries, keys)).zip(slots.iter_mut()) {
        match v {
            None | Some(Raw::Null) => {}
            Some(v) => **slot = threshold(&At::Key(at, key), v)?,
        }
    }
    Ok(())
}

impl Options {
    /// The defaults of contract §3, with `as_of` as today.
    #[inline(never)]
    pub fn new(as_of: Date) -> Options {
        Options {
            as_of,
            locale: Locale::En,
            date_order: DateOrder::Ymd,
            holidays: Vec::new(),
            rules: Vec::new(),
            preservation: PreservationOptions {
                default_period_days: 90,
                extension_days: 90,
                max_total_days: None,
                expiry_warning_days: 30,
                response_business_days: 2,
            },
            min_justification_chars: 80,
            max_imminence_days: 7,
            min_facts_chars: 100,
            max_span_days: 365,
            providers: Vec::new(),
            scope: None,
        }
    }

    /// The profile with this key (as overridden or added by the options, else built-in), if any.
    pub fn profile(&self, key: &str) -> Option<&Profile> {
        let is_key = |p: &&Profile| p.key.eq_ignore_ascii_case(key);
        (self.providers.iter().find(is_key)).or_else(|| providers::builtin().iter().find(is_key))
    }

    /// The severity a code has after `options.rules`: `None` when turned off.
    pub fn severity_of(&self, code: &str, default: Severity) -> Option<Severity> {
        self.rules
            .iter()
            .rev()
            .find(|(c, _)| c == code)
            .map_or(Some(default), |(_, s)| *s)
    }

    /// Reads options from JSON text (the command line's `--options` file; in the wasm, what
    /// `JSON.stringify` wrote of the options object); `today` is used when `asOf` is absent
    /// (the caller's local date). `null` gives the defaults.
    pub fn from_json(text: &str, today: Date) -> Result<Options, OptionsError> {
        Options::from_json_today(text, &|| today)
    }

    /// [`Options::from_json`], asking for today only when `asOf` is not given (in the browser,
    /// the first `new Date()` of a page loads its time zone: ~2 ms of a cold start).
    pub fn from_json_today(text: &str, today: &dyn Fn() -> Date) -> Result<Options, OptionsError> {
        if text.len() > MAX_OPTIONS_BYTES {
            return At::Root.fail(Problem::TooMany {
                n: text.len(),
                what: "bytes",
                max: MAX_OPTIONS_BYTES,
            });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let v = Raw::parse(text).map_err(|e| OptionsError {
            option: String::new(),
            problem: Problem::Unreadable(alloc::format!("not JSON: {e}")),
        })?;
        Options::read_raw(&v, today)
    }

    /// Reads options from a JSON value (natively: a server holding a `serde_json::Value`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_value(v: &serde_json::Value, today: Date) -> Result<Options, OptionsError> {
        Options::from_json(&v.to_string(), today)
    }

    /// Reads options from a JSON value as [`Raw`] holds it: each value is checked by the
    /// function for its option, and the first bad one is an [`OptionsError`] with its path.
    pub fn from_raw(v: &Raw, today: Date) -> Result<Options, OptionsError> {
        Options::read_raw(v, &|| today)
    }

    #[inline(never)]
    fn read_raw(v: &Raw, today: &dyn Fn() -> Date) -> Result<Options, OptionsError> {
        let root = At::Root;
        let entries = match v {
            Raw::Null => &[][..],
            Raw::Object(entries) => entries,
            Raw::List(_) => return root.fail(Problem::NotAnObject("a list")),
            Raw::Text(_) => return root.fail(Problem::NotAnObject("a text")),
            Raw::Number(_) => return root.fail(Problem::NotAnObject("a number")),
            Raw::Bool(_) => return root.fail(Problem::NotAnObject("a boolean")),
        };
        const KEYS: [&str; 11] = [
            "asOf",
            "locale",
            "dateOrder",
            "holidays",
            "rules",
            "preservation",
            "emergency",
            "case",
            "dateRange",
            "providers",
            "scope",
        ];
        let mut o = Options::new(crate::date::EPOCH);
        let mut as_of = None;
        for (key, v) in KEYS.iter().zip(fields(entries, &KEYS)) {
            // `null` is the default (contract §3).
            let Some(v) = v.filter(|v| !matches!(v, Raw::Null)) else {
                continue;
            };
            let at = At::Key(&root, key);
            match *key {
                "asOf" => as_of = Some(iso_date(&at, v)?),
                "locale" => o.locale = Locale::parse(text(&at, v)?),
                "dateOrder" => o.date_order = date_order(&at, v)?,
                "holidays" => {
                    let items = list(&at, v, "a list of dates", MAX_HOLIDAYS)?;
                    let mut days = Vec::with_capacity(items.len());
                    for (i, d) in items.iter().enumerate() {
                        days.push(iso_date(&At::Index(&at, i), d)?);
                    }
                    crate::heap_sort(&mut days);
                    days.dedup();
                    o.holidays = days;
                }
                "rules" => {
                    for (code, l) in object(&at, v, "an object of rule codes")? {
                        let l = level(&At::Key(&at, code), l)?;
                        o.rules.push((code.trim().to_ascii_uppercase(), l));
                    }
                }
                "preservation" => {
                    let po = &mut o.preservation;
                    let mut max_total = po.max_total_days.unwrap_or(-1);
                    thresholds(
                        &at,
                        v,
                        &[
                            "defaultPeriodDays",
                            "extensionDays",
                            "expiryWarningDays",
                            "responseBusinessDays",
                            "maxTotalDays",
                        ],
                        [
                            &mut po.default_period_days,
                            &mut po.extension_days,
                            &mut po.expiry_warning_days,
                            &mut po.response_business_days,
                            &mut max_total,
                        ],
                    )?;
                    po.max_total_days = (max_total >= 0).then_some(max_total);
                }
                "emergency" => thresholds(
                    &at,
                    v,
                    &["minJustificationChars", "maxImminenceDays"],
                    [&mut o.min_justification_chars, &mut o.max_imminence_days],
                )?,
                "case" => thresholds(&at, v, &["minFactsChars"], [&mut o.min_facts_chars])?,
                "dateRange" => thresholds(&at, v, &["maxSpanDays"], [&mut o.max_span_days])?,
                "providers" => o.providers = read_providers(&at, v)?,
                _ => o.scope = Some(read_scope(&at, v)?),
            }
        }
        o.as_of = as_of.unwrap_or_else(today);
        Ok(o)
    }
}

/// A list of model paths (`options.scope`, or the scope `session.report` is given).
#[inline(never)]
pub fn read_scope(at: &At<'_>, v: &Raw) -> Result<Vec<String>, OptionsError> {
    let items = list(at, v, "a list of paths", MAX_SCOPE_PATHS)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, p) in items.iter().enumerate() {
        out.push(String::from(text(&At::Index(at, i), p)?));
    }
    Ok(out)
}

impl OptionsError {
    /// The options are not an object (`kind`: what they are instead).
    pub fn not_an_object(kind: &'static str) -> OptionsError {
        OptionsError {
            option: String::new(),
            problem: Problem::NotAnObject(kind),
        }
    }
}

/// `options.providers`: each entry overrides facts of a built-in profile, or adds a profile.
#[inline(never)]
fn read_providers(at: &At<'_>, v: &Raw) -> Result<Vec<Profile>, OptionsError> {
    let entries = object(at, v, "an object of provider profiles")?;
    if entries.len() > MAX_PROVIDERS {
        return at.fail(Problem::TooMany {
            n: entries.len(),
            what: "profiles",
            max: MAX_PROVIDERS,
        });
    }
    let mut profiles: Vec<Profile> = Vec::new();
    for (key, patch) in entries {
        let here = At::Key(at, key);
        let key = key.trim().to_ascii_lowercase();
        let base = (profiles.iter().find(|p| p.key == key))
            .or_else(|| providers::builtin().iter().find(|p| p.key == key))
            .cloned()
            .unwrap_or_else(|| Profile::empty(&key));
        let p = providers::apply(base, &here, patch)?;
        profiles.retain(|q| q.key != key);
        profiles.push(p);
    }
    Ok(profiles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::from_ymd(2026, 11, 29)
            .unwrap_or(Date::from_ymd(1, 1, 1).unwrap_or_else(|| unreachable!()))
    }

    fn read(json: &str) -> Result<Options, OptionsError> {
        Options::from_json(json, today())
    }

    #[test]
    fn defaults_match_the_contract() {
        let o = read("null").unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(o.as_of, today());
        assert_eq!(o.preservation.default_period_days, 90);
        assert_eq!(o.preservation.extension_days, 90);
        assert_eq!(o.preservation.max_total_days, None);
        assert_eq!(o.preservation.expiry_warning_days, 30);
        assert_eq!(o.preservation.response_business_days, 2);
        assert_eq!(
            (
                o.min_justification_chars,
                o.max_imminence_days,
                o.min_facts_chars,
                o.max_span_days
            ),
            (80, 7, 100, 365)
        );
        assert_eq!(o.locale, Locale::En);
        assert_eq!(o.date_order, DateOrder::Ymd);
    }

    #[test]
    fn reads_every_option() {
        let o = read(r#"{"asOf":"2026-01-02","locale":"fr-CA","dateOrder":"dmy","holidays":["2026-12-25"],
            "rules":{"pres007":"error","LOC005":"off","NOPE001":"info"},
            "preservation":{"defaultPeriodDays":"60","expiryWarningDays":10},"emergency":{"maxImminenceDays":3},
            "case":{"minFactsChars":20},"dateRange":{"maxSpanDays":30},"providers":{"meta":{"periodDays":120},"acme":{"periodDays":45}}}"#)
        .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(o.as_of.to_string(), "2026-01-02");
        assert_eq!(o.locale, Locale::Fr);
        assert_eq!(o.date_order, DateOrder::Dmy);
        assert_eq!(o.holidays.len(), 1);
        assert_eq!(
            o.severity_of("PRES007", Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(o.severity_of("LOC005", Severity::Info), None);
        assert_eq!(o.preservation.default_period_days, 60);
        assert_eq!(o.preservation.expiry_warning_days, 10);
        assert_eq!(o.max_imminence_days, 3);
        assert_eq!((o.min_facts_chars, o.max_span_days), (20, 30));
        assert_eq!(o.profile("meta").and_then(|p| p.period_days), Some(120));
        assert_eq!(
            o.profile("meta").map(|p| p.notifies_user),
            Some(crate::form::Notifies::Yes),
            "override keeps other facts"
        );
        assert_eq!(o.profile("acme").and_then(|p| p.period_days), Some(45));
    }

    #[test]
    fn other_languages_fall_back_to_english() {
        assert_eq!(read(r#"{"locale":"de"}"#).map(|o| o.locale), Ok(Locale::En));
        assert_eq!(read(r#"{"locale":"FR"}"#).map(|o| o.locale), Ok(Locale::Fr));
    }

    #[test]
    fn bad_options_name_the_option_and_the_value() {
        for (json, option) in [
            (r#"{"asOf":"29/11/2026"}"#, "asOf"),
            (r#"{"asOf":"2026-02-30"}"#, "asOf"),
            (r#"{"holidays":["2026-12-25","xmas"]}"#, "holidays[1]"),
            (r#"{"holidays":"2026-12-25"}"#, "holidays"),
            (r#"{"rules":{"PRES007":"loud"}}"#, "rules.PRES007"),
            (
                r#"{"preservation":{"expiryWarningDays":-1}}"#,
                "preservation.expiryWarningDays",
            ),
            (
                r#"{"emergency":{"maxImminenceDays":"soon"}}"#,
                "emergency.maxImminenceDays",
            ),
            (r#"{"dateOrder":"ydm"}"#, "dateOrder"),
            (r#"{"locale":5}"#, "locale"),
            (
                r#"{"providers":{"meta":{"notifiesUser":"sometimes"}}}"#,
                "providers.meta.notifiesUser",
            ),
            (r#"[]"#, ""),
            (r#"{"asOf":"#, ""),
            (r#"{"scope":"accounts"}"#, "scope"),
            (r#"{"scope":["accounts",1]}"#, "scope[1]"),
        ] {
            let e = read(json).err();
            assert_eq!(
                e.as_ref().map(|e| e.option.as_str()),
                Some(option),
                "{json}"
            );
        }
        let e = read(r#"{"asOf":"tomorrow"}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            e,
            "option `asOf`: invalid value: string \"tomorrow\", expected a date as YYYY-MM-DD"
        );
    }

    #[test]
    fn holidays_are_sorted_once_and_bounded() {
        let o = read(r#"{"holidays":["2026-12-25","2026-01-01","2026-12-25"]}"#).unwrap();
        assert_eq!(
            o.holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            ["2026-01-01", "2026-12-25"]
        );
        let many = alloc::vec!["\"2026-01-01\""; MAX_HOLIDAYS + 1].join(",");
        let e = read(&alloc::format!(r#"{{"holidays":[{many}]}}"#)).unwrap_err();
        assert_eq!(e.option, "holidays");
        assert!(e.problem.to_string().contains("100000"), "{}", e.problem);
    }

    #[test]
    fn scope_is_a_list_of_paths() {
        let o = read(r#"{"scope":["accounts",""]}"#).unwrap();
        assert_eq!(
            o.scope,
            Some(alloc::vec!["accounts".to_string(), String::new()])
        );
        assert_eq!(read("{}").unwrap().scope, None);
    }

    #[test]
    fn unknown_keys_and_codes_are_ignored() {
        assert!(read(r#"{"colour":"blue","rules":{"XYZ999":"off"}}"#).is_ok());
    }
}
