//! Options (contract §3): today's date, locale, date order, holidays, severity overrides,
//! thresholds, extra provider profiles and the scope of the report. Read with serde's derive
//! (serde-wasm-bindgen from the JavaScript object in the browser, a `serde_json::Value` natively)
//! into [`RawOptions`], whose types say what each option holds. Every value is read through
//! [`Checked`], which keeps serde's complaint instead of failing, so the first bad option is
//! found with its path (no serde_path_to_error); bad options are a programming error of the
//! portal, so they are an [`OptionsError`] that names the option and says what is wrong (never a
//! finding).

use crate::date::{Date, DateOrder};
use crate::providers::{self, Profile};
use crate::rule::Severity;
use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde::Deserialize;
use serde::de::{Deserializer, Error as _, Unexpected, Visitor};

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

/// A malformed option: which one, and what is wrong with it. The one place its text is made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("option `{option}`: {problem}")]
pub struct OptionsError {
    /// The option's path (`preservation.expiryWarningDays`, `holidays[1]`); `""` for the whole.
    pub option: String,
    pub problem: String,
}

/// A date written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug)]
struct IsoDate(Date);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IsoDate, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IsoDate;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            // Borrowed: 100 000 holidays are read without a copy of each.
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<IsoDate, E> {
                Date::parse(text, DateOrder::Ymd)
                    .map(IsoDate)
                    .ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
            }
        }
        d.deserialize_str(V)
    }
}

/// A threshold: a whole number, 0 or more (numeric text such as `"60"` too, as forms send it).
#[derive(Clone, Copy, Debug)]
struct Threshold(i64);

impl<'de> Deserialize<'de> for Threshold {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Threshold, D::Error> {
        struct V;
        const WANT: &str = "a whole number, 0 or more";
        impl<'de> Visitor<'de> for V {
            type Value = Threshold;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(WANT)
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Threshold, E> {
                if n >= 0 {
                    Ok(Threshold(n))
                } else {
                    Err(E::invalid_value(Unexpected::Signed(n), &WANT))
                }
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Threshold, E> {
                i64::try_from(n)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(n), &WANT))
                    .and_then(|n| self.visit_i64(n))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Threshold, E> {
                // A whole number a JavaScript object carries as a float (90.0).
                if n.fract() == 0.0 && (0.0..1e12).contains(&n) {
                    Ok(Threshold(n as i64))
                } else {
                    Err(E::invalid_value(Unexpected::Float(n), &WANT))
                }
            }
            fn visit_str<E: serde::de::Error>(self, t: &str) -> Result<Threshold, E> {
                match crate::lenient::integer(&crate::json::Leaf::Text(t)) {
                    Ok(Some(n)) if n >= 0 => Ok(Threshold(n)),
                    Ok(Some(n)) => Err(E::invalid_value(Unexpected::Signed(n), &WANT)),
                    _ => Err(E::invalid_value(Unexpected::Str(t), &WANT)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// `"off"`, `"info"`, `"warning"` or `"error"` (any case).
#[derive(Clone, Copy, Debug)]
struct Level(Option<Severity>);

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
        let text = String::deserialize(d)?;
        match text.trim().to_ascii_lowercase().as_str() {
            "off" => Ok(Level(None)),
            "info" => Ok(Level(Some(Severity::Info))),
            "warning" => Ok(Level(Some(Severity::Warning))),
            "error" => Ok(Level(Some(Severity::Error))),
            _ => Err(D::Error::invalid_value(
                Unexpected::Str(&text),
                &"\"off\", \"info\", \"warning\" or \"error\"",
            )),
        }
    }
}

/// `"ymd"`, `"dmy"` or `"mdy"`.
fn date_order<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Checked<DateOrder>>, D::Error> {
    let text = match Option::<Checked<String>>::deserialize(d)? {
        None => return Ok(None),
        Some(Checked::Bad(e)) => return Ok(Some(Checked::Bad(e))),
        Some(Checked::Ok(t)) => t,
    };
    Ok(Some(match text.trim().to_ascii_lowercase().as_str() {
        "ymd" | "" => Checked::Ok(DateOrder::Ymd),
        "dmy" => Checked::Ok(DateOrder::Dmy),
        "mdy" => Checked::Ok(DateOrder::Mdy),
        _ => Checked::Bad(
            D::Error::invalid_value(Unexpected::Str(&text), &"\"ymd\", \"dmy\" or \"mdy\"")
                .to_string(),
        ),
    }))
}

/// A value as serde read it, or what serde said was wrong with it. Reading never fails here,
/// so the reader goes on and the first problem is found with its path (`holidays[3]`). The
/// options are read from a tree (a JavaScript object, a `serde_json::Value`), where a value
/// that fails leaves the rest readable.
#[derive(Debug)]
pub enum Checked<T> {
    Ok(T),
    Bad(String),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Checked<T>, D::Error> {
        Ok(match T::deserialize(d) {
            Ok(v) => Checked::Ok(v),
            Err(e) => Checked::Bad(e.to_string()),
        })
    }
}

/// A present value: `null` is read by `T` (a fact made unknown), not taken as absent.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The path of an option: its parent's, then a key or an index.
#[derive(Clone, Copy)]
pub enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

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

    /// The value, or the error that names this option and what serde said.
    pub fn take<T>(&self, v: Checked<T>) -> Result<T, OptionsError> {
        match v {
            Checked::Ok(v) => Ok(v),
            Checked::Bad(problem) => Err(OptionsError {
                option: self.path(),
                problem,
            }),
        }
    }

    /// [`At::take`] for an optional option.
    pub fn opt<T>(&self, key: &str, v: Option<Checked<T>>) -> Result<Option<T>, OptionsError> {
        v.map(|v| At::Key(self, key).take(v)).transpose()
    }

    /// Each item of a list, checked, and the list no longer than `max`.
    pub fn list<T>(&self, items: Vec<Checked<T>>, max: usize) -> Result<Vec<T>, OptionsError> {
        if items.len() > max {
            return Err(OptionsError {
                option: self.path(),
                problem: alloc::format!(
                    "invalid length {}, expected at most {max} items (marcheck's limit)",
                    items.len()
                ),
            });
        }
        (items.into_iter().enumerate())
            .map(|(i, v)| At::Index(self, i).take(v))
            .collect()
    }
}

/// The options as they arrive (contract §3): every key optional, `null` is the default, unknown
/// keys are ignored.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct RawOptions {
    as_of: Option<Checked<IsoDate>>,
    locale: Option<Checked<String>>,
    #[serde(deserialize_with = "date_order")]
    date_order: Option<Checked<DateOrder>>,
    holidays: Option<Checked<Vec<Checked<IsoDate>>>>,
    rules: Option<Checked<BTreeMap<String, Checked<Level>>>>,
    preservation: Option<Checked<PreservationThresholds>>,
    emergency: Option<Checked<EmergencyThresholds>>,
    case: Option<Checked<CaseThresholds>>,
    date_range: Option<Checked<DateRangeThresholds>>,
    providers: Option<Checked<BTreeMap<String, Checked<providers::ProfilePatch>>>>,
    scope: Option<Checked<Vec<Checked<String>>>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct PreservationThresholds {
    default_period_days: Option<Checked<Threshold>>,
    extension_days: Option<Checked<Threshold>>,
    max_total_days: Option<Checked<Threshold>>,
    expiry_warning_days: Option<Checked<Threshold>>,
    response_business_days: Option<Checked<Threshold>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct EmergencyThresholds {
    min_justification_chars: Option<Checked<Threshold>>,
    max_imminence_days: Option<Checked<Threshold>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct CaseThresholds {
    min_facts_chars: Option<Checked<Threshold>>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct DateRangeThresholds {
    max_span_days: Option<Checked<Threshold>>,
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

    /// Reads options with a serde deserializer over a tree (serde-wasm-bindgen's over a
    /// JavaScript object; a `serde_json::Value`); `today` is used when `asOf` is absent (the
    /// caller's local date). A `null` gives the defaults. The caller has checked that the value
    /// is an object or nothing ([`OptionsError::not_an_object`]).
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
        today: Date,
    ) -> Result<Options, OptionsError> {
        let raw = At::Root.take(
            Checked::<Option<RawOptions>>::deserialize(d)
                .unwrap_or_else(|e: D::Error| Checked::Bad(e.to_string())),
        )?;
        Options::from_raw(raw.unwrap_or_default(), today)
    }

    /// Reads options from a JSON value.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_value(v: &serde_json::Value, today: Date) -> Result<Options, OptionsError> {
        if !(v.is_null() || v.is_object()) {
            let kind = match v {
                serde_json::Value::Array(_) => "a list",
                serde_json::Value::String(_) => "a text",
                serde_json::Value::Number(_) => "a number",
                _ => "a boolean",
            };
            return Err(OptionsError::not_an_object(kind));
        }
        Options::deserialize(v, today)
    }

    /// Reads options from JSON text.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str, today: Date) -> Result<Options, OptionsError> {
        if text.len() > MAX_OPTIONS_BYTES {
            return Err(OptionsError {
                option: String::new(),
                problem: alloc::format!(
                    "{} bytes, more than marcheck's limit of {MAX_OPTIONS_BYTES}",
                    text.len()
                ),
            });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| OptionsError {
            option: String::new(),
            problem: e.to_string(),
        })?;
        Options::from_value(&v, today)
    }

    #[inline(never)]
    fn from_raw(raw: RawOptions, today: Date) -> Result<Options, OptionsError> {
        let at = At::Root;
        let mut o = Options::new(at.opt("asOf", raw.as_of)?.map_or(today, |d| d.0));
        if let Some(l) = at.opt("locale", raw.locale)? {
            o.locale = Locale::parse(&l);
        }
        o.date_order = at.opt("dateOrder", raw.date_order)?.unwrap_or_default();
        if let Some(h) = at.opt("holidays", raw.holidays)? {
            let list = At::Key(&at, "holidays").list(h, MAX_HOLIDAYS)?;
            o.holidays = list.into_iter().map(|d| d.0).collect();
            o.holidays.sort_unstable();
            o.holidays.dedup();
        }
        if let Some(rules) = at.opt("rules", raw.rules)? {
            let here = At::Key(&at, "rules");
            for (code, level) in rules {
                let level = At::Key(&here, &code).take(level)?;
                o.rules.push((code.trim().to_ascii_uppercase(), level.0));
            }
        }
        fn set(
            at: &At<'_>,
            key: &str,
            slot: &mut i64,
            t: Option<Checked<Threshold>>,
        ) -> Result<(), OptionsError> {
            if let Some(t) = at.opt(key, t)? {
                *slot = t.0;
            }
            Ok(())
        }
        if let Some(p) = at.opt("preservation", raw.preservation)? {
            let here = At::Key(&at, "preservation");
            let po = &mut o.preservation;
            set(
                &here,
                "defaultPeriodDays",
                &mut po.default_period_days,
                p.default_period_days,
            )?;
            set(
                &here,
                "extensionDays",
                &mut po.extension_days,
                p.extension_days,
            )?;
            set(
                &here,
                "expiryWarningDays",
                &mut po.expiry_warning_days,
                p.expiry_warning_days,
            )?;
            set(
                &here,
                "responseBusinessDays",
                &mut po.response_business_days,
                p.response_business_days,
            )?;
            po.max_total_days = here.opt("maxTotalDays", p.max_total_days)?.map(|t| t.0);
        }
        if let Some(e) = at.opt("emergency", raw.emergency)? {
            let here = At::Key(&at, "emergency");
            set(
                &here,
                "minJustificationChars",
                &mut o.min_justification_chars,
                e.min_justification_chars,
            )?;
            set(
                &here,
                "maxImminenceDays",
                &mut o.max_imminence_days,
                e.max_imminence_days,
            )?;
        }
        if let Some(c) = at.opt("case", raw.case)? {
            set(
                &At::Key(&at, "case"),
                "minFactsChars",
                &mut o.min_facts_chars,
                c.min_facts_chars,
            )?;
        }
        if let Some(r) = at.opt("dateRange", raw.date_range)? {
            set(
                &At::Key(&at, "dateRange"),
                "maxSpanDays",
                &mut o.max_span_days,
                r.max_span_days,
            )?;
        }
        if let Some(scope) = at.opt("scope", raw.scope)? {
            o.scope = Some(At::Key(&at, "scope").list(scope, MAX_SCOPE_PATHS)?);
        }
        if let Some(entries) = at.opt("providers", raw.providers)? {
            o.providers = read_providers(entries)?;
        }
        Ok(o)
    }
}

impl OptionsError {
    /// The options are not an object (`kind`: what they are instead).
    pub fn not_an_object(kind: &str) -> OptionsError {
        OptionsError {
            option: String::new(),
            problem: alloc::format!("expected an object, found {kind}"),
        }
    }
}

/// `options.providers`: each entry overrides facts of a built-in profile, or adds a profile.
fn read_providers(
    entries: BTreeMap<String, Checked<providers::ProfilePatch>>,
) -> Result<Vec<Profile>, OptionsError> {
    if entries.len() > MAX_PROVIDERS {
        return Err(OptionsError {
            option: "providers".to_string(),
            problem: alloc::format!(
                "{} profiles, more than marcheck's limit of {MAX_PROVIDERS}",
                entries.len()
            ),
        });
    }
    let root = At::Root;
    let all = At::Key(&root, "providers");
    let mut profiles: Vec<Profile> = Vec::new();
    for (key, patch) in entries {
        let here = At::Key(&all, &key);
        let patch = here.take(patch).map_err(|mut e| {
            if e.problem.starts_with("invalid type") {
                e.problem = "expected an object of provider facts".to_string();
            }
            e
        })?;
        let key = key.trim().to_ascii_lowercase();
        let base = (profiles.iter().find(|p| p.key == key))
            .or_else(|| providers::builtin().iter().find(|p| p.key == key))
            .cloned()
            .unwrap_or_else(|| Profile::empty(&key));
        let p = patch.apply(base, &here)?;
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
        assert!(e.problem.contains("100000"), "{}", e.problem);
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
