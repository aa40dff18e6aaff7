//! Provider profiles: what a service provider does with preservation and notice.
//!
//! The built-in profiles are data (`profiles.json`, each with its `source` and the date it was
//! `checked`), read once on first use with the crate's own JSON reader. `options.providers`
//! adds profiles or overrides single facts of a built-in one. A fact that is not known stays
//! `None`, and the rules fall back to the options.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::country::Country;
use crate::form::AccountKind;
use crate::json::{self, Value};
use crate::lazy::Lazy;
use crate::lenient;

// `profiles.json` beside this file, without its layout (see `build.rs`).
const PROFILES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/profiles.json"));

/// Whether a provider tells the account holder about a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notifies {
    Yes,
    No,
    Unknown,
}

impl Notifies {
    pub const NAMES: [&'static str; 3] = ["yes", "no", "unknown"];
    pub const ALL: [Notifies; 3] = [Notifies::Yes, Notifies::No, Notifies::Unknown];

    pub fn as_str(self) -> &'static str {
        match self {
            Notifies::Yes => "yes",
            Notifies::No => "no",
            Notifies::Unknown => "unknown",
        }
    }
}

/// One provider's facts. `None` is "not known".
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub key: String,
    pub name: Option<String>,
    pub period_days: Option<i64>,
    pub extension_days: Option<i64>,
    pub max_total_days: Option<i64>,
    /// How long before expiry an extension must be asked.
    pub extension_lead_days: Option<i64>,
    pub notifies_user: Notifies,
    /// `None` when not known: every kind is then accepted.
    pub accepted_account_kinds: Option<Vec<AccountKind>>,
    pub country: Option<Country>,
    pub source: Option<String>,
    pub checked: Option<String>,
}

/// A profile fact that could not be read; the options reader reports it with the option path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFact {
    pub field: &'static str,
    pub expected: &'static str,
}

impl Profile {
    /// A profile with this key and no known fact.
    pub fn empty(key: &str) -> Profile {
        Profile {
            key: key.to_string(),
            name: None,
            period_days: None,
            extension_days: None,
            max_total_days: None,
            extension_lead_days: None,
            notifies_user: Notifies::Unknown,
            accepted_account_kinds: None,
            country: None,
            source: None,
            checked: None,
        }
    }

    /// Reads the facts present in `v` over `self` (absent keys keep their value; `null` makes a
    /// fact unknown).
    pub fn merge(&mut self, v: &Value<'_>) -> Result<(), BadFact> {
        let Value::Object(entries) = v else {
            return Err(BadFact {
                field: "",
                expected: "an object of provider facts",
            });
        };
        for (k, item) in entries {
            let days = |field| match lenient::integer(Some(item)) {
                Ok(Some(n)) if (0..=3650).contains(&n) => Ok(Some(n)),
                Ok(None) => Ok(None),
                _ => Err(BadFact {
                    field,
                    expected: "a number of days from 0 to 3650",
                }),
            };
            let text = |field| match lenient::text(Some(item)) {
                Ok(t) => Ok(t.map(str::to_string)),
                Err(_) => Err(BadFact {
                    field,
                    expected: "text",
                }),
            };
            match k.as_ref() {
                "name" => self.name = text("name")?,
                "periodDays" => self.period_days = days("periodDays")?,
                "extensionDays" => self.extension_days = days("extensionDays")?,
                "maxTotalDays" => self.max_total_days = days("maxTotalDays")?,
                "extensionLeadDays" => self.extension_lead_days = days("extensionLeadDays")?,
                "notifiesUser" => {
                    self.notifies_user = match lenient::choice(Some(item), &Notifies::NAMES) {
                        Ok(Some(i)) => Notifies::ALL.get(i).copied().unwrap_or(Notifies::Unknown),
                        Ok(None) => Notifies::Unknown,
                        Err(_) => {
                            return Err(BadFact {
                                field: "notifiesUser",
                                expected: "\"yes\", \"no\" or \"unknown\"",
                            });
                        }
                    }
                }
                "acceptedAccountKinds" => {
                    let bad = BadFact {
                        field: "acceptedAccountKinds",
                        expected: "a list of account kinds (email, phone, username, url, user_id, ip)",
                    };
                    self.accepted_account_kinds = match item {
                        Value::Null => None,
                        Value::Array(items) => {
                            let mut kinds = Vec::with_capacity(items.len());
                            for i in items {
                                match lenient::choice(Some(i), &AccountKind::NAMES) {
                                    Ok(Some(n)) => kinds.extend(AccountKind::ALL.get(n)),
                                    _ => return Err(bad),
                                }
                            }
                            Some(kinds)
                        }
                        _ => return Err(bad),
                    }
                }
                "country" => {
                    self.country = lenient::country(Some(item)).map_err(|_| BadFact {
                        field: "country",
                        expected: "an ISO 3166-1 alpha-2 country code",
                    })?
                }
                "source" => self.source = text("source")?,
                "checked" => self.checked = text("checked")?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Reads a whole profile.
    pub fn from_value(key: &str, v: &Value<'_>) -> Result<Profile, BadFact> {
        let mut p = Profile::empty(key);
        p.merge(v)?;
        Ok(p)
    }

    /// Appends the profile as a JSON object (contract §5 names).
    pub fn write_json(&self, out: &mut String) {
        let opt_int = |out: &mut String, n: Option<i64>| match n {
            Some(n) => json::write_int(out, n),
            None => out.push_str("null"),
        };
        let opt_str = |out: &mut String, s: Option<&str>| match s {
            Some(s) => json::write_str(out, s),
            None => out.push_str("null"),
        };
        out.push_str("{\"name\":");
        opt_str(out, self.name.as_deref());
        out.push_str(",\"periodDays\":");
        opt_int(out, self.period_days);
        out.push_str(",\"extensionDays\":");
        opt_int(out, self.extension_days);
        out.push_str(",\"maxTotalDays\":");
        opt_int(out, self.max_total_days);
        out.push_str(",\"extensionLeadDays\":");
        opt_int(out, self.extension_lead_days);
        out.push_str(",\"notifiesUser\":");
        json::write_str(out, self.notifies_user.as_str());
        out.push_str(",\"acceptedAccountKinds\":");
        match &self.accepted_account_kinds {
            None => out.push_str("null"),
            Some(kinds) => {
                out.push('[');
                for (i, k) in kinds.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    json::write_str(out, k.as_str());
                }
                out.push(']');
            }
        }
        out.push_str(",\"country\":");
        opt_str(out, self.country.as_ref().map(Country::as_str));
        out.push_str(",\"source\":");
        opt_str(out, self.source.as_deref());
        out.push_str(",\"checked\":");
        opt_str(out, self.checked.as_deref());
        out.push('}');
    }
}

/// The built-in profiles, in the data file's order (read once).
pub fn builtin() -> &'static [Profile] {
    static PROFILES: Lazy<Vec<Profile>> = Lazy::new(|| {
        let Ok(Value::Object(entries)) = json::parse(PROFILES_JSON) else {
            return Vec::new();
        };
        entries
            .iter()
            .filter_map(|(k, v)| Profile::from_value(k, v).ok())
            .collect()
    });
    PROFILES.get()
}

/// Writes `{ KEY: profile, ... }`: the built-in profiles (or their override in `options`, the
/// profiles of `options.providers`), then the profiles the options add.
pub fn write_all_json(out: &mut String, options: &[Profile]) {
    out.push('{');
    for b in builtin() {
        let p = options.iter().find(|p| p.key == b.key).unwrap_or(b);
        write_entry(out, p);
    }
    for p in options {
        if !builtin().iter().any(|b| b.key == p.key) {
            write_entry(out, p);
        }
    }
    out.push('}');
}

/// `"KEY":{...}`, after a comma unless it is the first entry.
fn write_entry(out: &mut String, p: &Profile) {
    if !out.ends_with('{') {
        out.push(',');
    }
    json::write_str(out, &p.key);
    out.push(':');
    p.write_json(out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_profile_reads_with_its_source_and_date() {
        let keys: Vec<&str> = builtin().iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "us_default",
                "meta",
                "google",
                "microsoft",
                "apple",
                "x",
                "tiktok",
                "snap"
            ]
        );
        for p in builtin() {
            assert!(
                p.source.as_deref().is_some_and(|s| s.len() > 20),
                "{} has a source",
                p.key
            );
            assert!(p.checked.is_some(), "{} has a checked date", p.key);
            assert_eq!(p.country, Some(Country::US));
        }
        let us = builtin()
            .first()
            .cloned()
            .unwrap_or_else(|| Profile::empty("x"));
        assert_eq!(
            (us.period_days, us.extension_days, us.max_total_days),
            (Some(90), Some(90), Some(180))
        );
    }

    #[test]
    fn unknown_facts_stay_unknown() {
        let google = builtin().iter().find(|p| p.key == "google");
        assert_eq!(google.map(|p| p.period_days), Some(None));
        assert_eq!(
            google.map(|p| p.accepted_account_kinds.is_none()),
            Some(true)
        );
    }

    #[test]
    fn merge_rejects_bad_facts_by_name() {
        let mut p = Profile::empty("k");
        let v = json::parse(r#"{"periodDays": "soon"}"#).unwrap_or(Value::Null);
        assert_eq!(p.merge(&v).map_err(|e| e.field), Err("periodDays"));
        let v = json::parse(r#"{"acceptedAccountKinds": ["email", "fax"]}"#).unwrap_or(Value::Null);
        assert_eq!(
            p.merge(&v).map_err(|e| e.field),
            Err("acceptedAccountKinds")
        );
    }
}
