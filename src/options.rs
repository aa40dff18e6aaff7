//! Options (contract §3): today's date, locale, date order, holidays, severity overrides,
//! thresholds and extra provider profiles. Bad options are a programming error of the portal,
//! so they are an [`OptionsError`] that names the option and the value (never a finding).

use crate::date::{Date, DateOrder};
use crate::json::{self, Value};
use crate::lenient;
use crate::providers::{self, Profile};
use crate::report::Severity;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

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
    pub max_total_days: i64,
    pub expiry_warning_days: i64,
    pub response_business_days: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// "Today" for every window.
    pub as_of: Date,
    pub locale: Locale,
    pub date_order: DateOrder,
    /// Skipped when counting business days.
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
}

/// A malformed option: which one, what it was, and what it should be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("marcheck: option `{option}` is {found}: expected {expected}")]
pub struct OptionsError {
    pub option: String,
    pub found: String,
    pub expected: &'static str,
}

impl OptionsError {
    /// The same text as `Display`, written without the formatting machinery (for the wasm build).
    pub fn message(&self) -> String {
        let mut s = String::from("marcheck: option `");
        s.push_str(&self.option);
        s.push_str("` is ");
        s.push_str(&self.found);
        s.push_str(": expected ");
        s.push_str(self.expected);
        s
    }
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
                max_total_days: 180,
                expiry_warning_days: 30,
                response_business_days: 2,
            },
            min_justification_chars: 80,
            max_imminence_days: 7,
            min_facts_chars: 100,
            max_span_days: 365,
            providers: Vec::new(),
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

    /// Reads options from a JSON value; `null` gives the defaults. `today` is used when
    /// `asOf` is absent (the caller's local date).
    #[inline(never)]
    pub fn from_value(v: &Value<'_>, today: Date) -> Result<Options, OptionsError> {
        let mut o = Options::new(today);
        let entries = match v {
            Value::Null => return Ok(o),
            Value::Object(entries) => entries,
            other => return Err(err("", other, "an object")),
        };
        for (key, item) in entries {
            match key.as_ref() {
                "asOf" => {
                    if let Some(d) = lenient::date(Some(item), DateOrder::Ymd)
                        .map_err(|_| err("asOf", item, "a date as YYYY-MM-DD"))?
                    {
                        o.as_of = d;
                    }
                }
                "locale" => match item {
                    Value::Null => {}
                    Value::String(s) => o.locale = Locale::parse(s),
                    other => {
                        return Err(err(
                            "locale",
                            other,
                            "a language tag such as \"en\" or \"fr\"",
                        ));
                    }
                },
                "dateOrder" => {
                    let names = ["ymd", "dmy", "mdy"];
                    let orders = [DateOrder::Ymd, DateOrder::Dmy, DateOrder::Mdy];
                    if let Some(i) = lenient::choice(Some(item), &names)
                        .map_err(|_| err("dateOrder", item, "\"ymd\", \"dmy\" or \"mdy\""))?
                    {
                        o.date_order = orders.get(i).copied().unwrap_or_default();
                    }
                }
                "holidays" => {
                    o.holidays = match item {
                        Value::Null => Vec::new(),
                        Value::Array(items) => {
                            let mut days = Vec::with_capacity(items.len());
                            for (i, h) in items.iter().enumerate() {
                                match lenient::date(Some(h), DateOrder::Ymd) {
                                    Ok(Some(d)) => days.push(d),
                                    _ => {
                                        let at = indexed("holidays", i);
                                        return Err(err(&at, h, "a date as YYYY-MM-DD"));
                                    }
                                }
                            }
                            days
                        }
                        other => return Err(err("holidays", other, "a list of dates")),
                    }
                }
                "rules" => read_rules(item, &mut o.rules)?,
                "preservation" => read_thresholds(
                    "preservation",
                    item,
                    &mut [
                        ("defaultPeriodDays", &mut o.preservation.default_period_days),
                        ("extensionDays", &mut o.preservation.extension_days),
                        ("maxTotalDays", &mut o.preservation.max_total_days),
                        ("expiryWarningDays", &mut o.preservation.expiry_warning_days),
                        (
                            "responseBusinessDays",
                            &mut o.preservation.response_business_days,
                        ),
                    ],
                )?,
                "emergency" => read_thresholds(
                    "emergency",
                    item,
                    &mut [
                        ("minJustificationChars", &mut o.min_justification_chars),
                        ("maxImminenceDays", &mut o.max_imminence_days),
                    ],
                )?,
                "case" => read_thresholds(
                    "case",
                    item,
                    &mut [("minFactsChars", &mut o.min_facts_chars)],
                )?,
                "dateRange" => read_thresholds(
                    "dateRange",
                    item,
                    &mut [("maxSpanDays", &mut o.max_span_days)],
                )?,
                "providers" => read_providers(item, &mut o.providers)?,
                _ => {}
            }
        }
        Ok(o)
    }

    /// Reads options from JSON text.
    pub fn from_json(text: &str, today: Date) -> Result<Options, OptionsError> {
        let v = json::parse(text).map_err(|e| OptionsError {
            option: String::new(),
            found: e.message(),
            expected: "a JSON object",
        })?;
        Options::from_value(&v, today)
    }
}

fn indexed(base: &str, i: usize) -> String {
    let mut s = String::from(base);
    s.push('[');
    json::write_int(&mut s, i as i64);
    s.push(']');
    s
}

fn err(option: &str, found: &Value<'_>, expected: &'static str) -> OptionsError {
    let mut shown = String::new();
    json::write_value(&mut shown, found);
    if shown.len() > 60 {
        let cut = (0..=60)
            .rev()
            .find(|&i| shown.is_char_boundary(i))
            .unwrap_or(0);
        shown.truncate(cut);
        shown.push('…');
    }
    OptionsError {
        option: option.to_string(),
        found: shown,
        expected,
    }
}

fn read_rules(item: &Value<'_>, out: &mut Vec<Override>) -> Result<(), OptionsError> {
    let entries = match item {
        Value::Null => return Ok(()),
        Value::Object(entries) => entries,
        other => return Err(err("rules", other, "an object of CODE: severity")),
    };
    const NAMES: [&str; 4] = ["off", "info", "warning", "error"];
    const LEVELS: [Option<Severity>; 4] = [
        None,
        Some(Severity::Info),
        Some(Severity::Warning),
        Some(Severity::Error),
    ];
    for (code, level) in entries {
        let i = match lenient::choice(Some(level), &NAMES) {
            Ok(Some(i)) => i,
            _ => {
                let mut path = String::from("rules.");
                path.push_str(code);
                return Err(err(
                    &path,
                    level,
                    "\"off\", \"info\", \"warning\" or \"error\"",
                ));
            }
        };
        // Unknown codes are kept but never match a rule: ignored, as the contract says.
        out.push((
            code.trim().to_ascii_uppercase(),
            LEVELS.get(i).copied().flatten(),
        ));
    }
    Ok(())
}

fn read_thresholds(
    group: &str,
    item: &Value<'_>,
    slots: &mut [(&str, &mut i64)],
) -> Result<(), OptionsError> {
    let entries = match item {
        Value::Null => return Ok(()),
        Value::Object(entries) => entries,
        other => return Err(err(group, other, "an object of thresholds")),
    };
    for (key, value) in entries {
        let Some((name, slot)) = slots.iter_mut().find(|(n, _)| *n == key.as_ref()) else {
            continue;
        };
        let mut path = String::from(group);
        path.push('.');
        path.push_str(name);
        match lenient::integer(Some(value)) {
            Ok(Some(n)) if n >= 0 => **slot = n,
            Ok(None) => {}
            _ => return Err(err(&path, value, "a whole number, 0 or more")),
        }
    }
    Ok(())
}

fn read_providers(item: &Value<'_>, profiles: &mut Vec<Profile>) -> Result<(), OptionsError> {
    let entries = match item {
        Value::Null => return Ok(()),
        Value::Object(entries) => entries,
        other => return Err(err("providers", other, "an object of KEY: profile")),
    };
    for (key, v) in entries {
        let key = key.trim().to_ascii_lowercase();
        let result = match profiles.iter_mut().find(|p| p.key == key) {
            Some(p) => p.merge(v),
            None => {
                // An override starts from a copy of the built-in profile.
                let mut p = (providers::builtin().iter().find(|p| p.key == key))
                    .map_or_else(|| Profile::empty(&key), Profile::clone);
                p.merge(v).map(|()| profiles.push(p))
            }
        };
        if let Err(bad) = result {
            let mut path = String::from("providers.");
            path.push_str(&key);
            if !bad.field.is_empty() {
                path.push('.');
                path.push_str(bad.field);
            }
            let shown = if bad.field.is_empty() {
                v
            } else {
                v.get(bad.field).unwrap_or(&Value::Null)
            };
            return Err(err(&path, shown, bad.expected));
        }
    }
    Ok(())
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
        assert_eq!(o.preservation.max_total_days, 180);
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
            Some(crate::providers::Notifies::Yes),
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
            "marcheck: option `asOf` is \"tomorrow\": expected a date as YYYY-MM-DD"
        );
    }

    #[test]
    fn unknown_keys_and_codes_are_ignored() {
        assert!(read(r#"{"colour":"blue","rules":{"XYZ999":"off"}}"#).is_ok());
    }
}
