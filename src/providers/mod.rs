//! Provider profiles (contract §5): what a service provider does with preservation, notice and
//! identifiers, and which of its entities holds whose records.
//!
//! The built-in profiles are data (`profiles.json`, each fact with its `source` and the date it
//! was `checked`), checked by `build.rs` when the crate is built (a fact of the wrong type fails
//! the build) and deserialized with serde on first use (natively from serde_json; in the wasm
//! from the object `JSON.parse` makes of it, with serde-wasm-bindgen). `options.providers` adds
//! profiles or overrides single facts of a built-in one ([`ProfilePatch`]). A fact that is not
//! known stays `None`.

use alloc::collections::BTreeMap;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::options::{At, Checked, OptionsError, present};

use crate::country::Country;
use crate::form::{AccountKind, Notifies};

// `profiles.json` beside this file, checked and without its layout (see `build.rs`).
const PROFILES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/profiles.json"));

/// What a provider needs before it withholds notice from the account holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NonDisclosureNeeds {
    /// An order or other process that prohibits notice.
    CourtOrder,
    /// The request must say whether notice is permitted.
    Statement,
    /// The request itself is enough.
    Request,
}

/// Who an entity serves: the account holders of these countries, or everyone else (`"*"`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Users {
    Countries(Vec<Country>),
    Everyone(Everyone),
}

/// The text `"*"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Everyone;

impl Serialize for Everyone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str("*")
    }
}

impl<'de> Deserialize<'de> for Everyone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Everyone, D::Error> {
        let s = String::deserialize(d)?;
        if s == "*" {
            Ok(Everyone)
        } else {
            Err(serde::de::Error::invalid_value(
                serde::de::Unexpected::Str(&s),
                &"\"*\" or a list of country codes",
            ))
        }
    }
}

/// One of a provider's legal entities, and whose records it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entity {
    pub users: Users,
    pub legal_entity: String,
    pub country: Country,
}

impl Entity {
    pub fn serves(&self, country: Country) -> bool {
        match &self.users {
            Users::Countries(list) => list.contains(&country),
            Users::Everyone(_) => true,
        }
    }
}

/// A number of days a profile states: 0 to 3650.
mod days {
    use serde::{Deserialize, Deserializer, de::Error, de::Unexpected};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Option::<i64>::deserialize(d)? {
            Some(n) if !(0..=3650).contains(&n) => Err(D::Error::invalid_value(
                Unexpected::Signed(n),
                &"a number of days from 0 to 3650",
            )),
            n => Ok(n),
        }
    }
}

/// One provider's facts. `None` is "not known".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    /// The key it is selected by (`provider.profile`); not part of the data's object.
    #[serde(skip)]
    pub key: String,
    pub name: Option<String>,
    /// The country of the provider's head entity.
    pub country: Option<Country>,
    #[serde(deserialize_with = "days::deserialize")]
    pub period_days: Option<i64>,
    #[serde(deserialize_with = "days::deserialize")]
    pub extension_days: Option<i64>,
    pub max_extensions: Option<u32>,
    #[serde(deserialize_with = "days::deserialize")]
    pub max_total_days: Option<i64>,
    /// How many days before expiry an extension must be asked.
    #[serde(deserialize_with = "days::deserialize")]
    pub extension_lead_days: Option<i64>,
    /// Notifies the account holder before disclosing.
    pub notifies_user: Notifies,
    /// Notifies on a preservation alone.
    pub notifies_on_preservation: Notifies,
    pub non_disclosure_needs: Option<NonDisclosureNeeds>,
    pub requires_date_range: Option<bool>,
    pub reports_to_ncmec: Option<bool>,
    /// `None` when not known: every kind is then accepted.
    pub accepted_account_kinds: Option<Vec<AccountKind>>,
    /// Which entity holds whose records: the first that serves the account holder's country.
    pub entities: Option<Vec<Entity>>,
    /// Where each fact comes from: a text, or `{ fact: citation }`.
    pub source: Source,
    pub checked: Option<String>,
}

/// Where a profile's facts come from: nothing said, one citation, or one per fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(untagged)]
pub enum Source {
    #[default]
    None,
    Text(String),
    Facts(BTreeMap<String, String>),
}

impl Source {
    /// The citation for `fact`, if the source names one.
    pub fn of(&self, fact: &str) -> Option<&str> {
        match self {
            Source::Facts(m) => m.get(fact).map(String::as_str),
            Source::Text(t) => Some(t),
            Source::None => None,
        }
    }
}

impl Default for Profile {
    fn default() -> Profile {
        Profile {
            key: String::new(),
            name: None,
            country: None,
            period_days: None,
            extension_days: None,
            max_extensions: None,
            max_total_days: None,
            extension_lead_days: None,
            notifies_user: Notifies::Unknown,
            notifies_on_preservation: Notifies::Unknown,
            non_disclosure_needs: None,
            requires_date_range: None,
            reports_to_ncmec: None,
            accepted_account_kinds: None,
            entities: None,
            source: Source::None,
            checked: None,
        }
    }
}

/// A profile fact that could not be read: its path in the profile and what serde said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadFact {
    pub field: String,
    pub problem: String,
}

impl Profile {
    /// A profile with this key and no known fact.
    pub fn empty(key: &str) -> Profile {
        Profile {
            key: key.to_string(),
            ..Profile::default()
        }
    }

    /// The name a text cites it by: its display name, else its key.
    pub fn display_name(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(self.key.as_str())
    }

    /// The entity that holds the records of an account holder in `country`.
    pub fn entity_for(&self, country: Country) -> Option<&Entity> {
        self.entities.as_ref()?.iter().find(|e| e.serves(country))
    }
}

/// Facts over a profile (`options.providers.KEY`): an absent key keeps the fact, `null` makes it
/// unknown. Each fact is read by the same serde types as the built-in data, through
/// [`Checked`], so a bad one is named (`providers.meta.periodDays`).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfilePatch {
    #[serde(deserialize_with = "present")]
    name: Option<Checked<Option<String>>>,
    #[serde(deserialize_with = "present")]
    country: Option<Checked<Option<Country>>>,
    #[serde(deserialize_with = "present")]
    period_days: Option<Checked<Option<Days>>>,
    #[serde(deserialize_with = "present")]
    extension_days: Option<Checked<Option<Days>>>,
    #[serde(deserialize_with = "present")]
    max_extensions: Option<Checked<Option<u32>>>,
    #[serde(deserialize_with = "present")]
    max_total_days: Option<Checked<Option<Days>>>,
    #[serde(deserialize_with = "present")]
    extension_lead_days: Option<Checked<Option<Days>>>,
    #[serde(deserialize_with = "present")]
    notifies_user: Option<Checked<Option<Notifies>>>,
    #[serde(deserialize_with = "present")]
    notifies_on_preservation: Option<Checked<Option<Notifies>>>,
    #[serde(deserialize_with = "present")]
    non_disclosure_needs: Option<Checked<Option<NonDisclosureNeeds>>>,
    #[serde(deserialize_with = "present")]
    requires_date_range: Option<Checked<Option<bool>>>,
    #[serde(deserialize_with = "present")]
    reports_to_ncmec: Option<Checked<Option<bool>>>,
    #[serde(deserialize_with = "present")]
    accepted_account_kinds: Option<Checked<Option<Vec<Checked<AccountKind>>>>>,
    #[serde(deserialize_with = "present")]
    entities: Option<Checked<Option<Vec<Entity>>>>,
    #[serde(deserialize_with = "present")]
    source: Option<Checked<Option<Source>>>,
    #[serde(deserialize_with = "present")]
    checked: Option<Checked<Option<String>>>,
}

/// A number of days a profile states: 0 to 3650.
#[derive(Clone, Copy)]
struct Days(i64);

impl<'de> Deserialize<'de> for Days {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Days, D::Error> {
        days::deserialize(d)?
            .map(Days)
            .ok_or_else(|| serde::de::Error::custom("expected a number of days"))
    }
}

impl ProfilePatch {
    /// `base` with these facts over it; `at` is the option's path, for errors.
    pub fn apply(self, mut p: Profile, at: &At<'_>) -> Result<Profile, OptionsError> {
        fn fact<T>(
            at: &At<'_>,
            key: &str,
            v: Option<Checked<Option<T>>>,
            slot: &mut Option<T>,
        ) -> Result<(), OptionsError> {
            if let Some(v) = at.opt(key, v)? {
                *slot = v;
            }
            Ok(())
        }
        let days = |v: Option<Checked<Option<Days>>>| {
            v.map(|c| match c {
                Checked::Ok(d) => Checked::Ok(d.map(|d| d.0)),
                Checked::Bad(e) => Checked::Bad(e),
            })
        };
        fact(at, "name", self.name, &mut p.name)?;
        fact(at, "country", self.country, &mut p.country)?;
        fact(at, "periodDays", days(self.period_days), &mut p.period_days)?;
        fact(
            at,
            "extensionDays",
            days(self.extension_days),
            &mut p.extension_days,
        )?;
        fact(
            at,
            "maxExtensions",
            self.max_extensions,
            &mut p.max_extensions,
        )?;
        fact(
            at,
            "maxTotalDays",
            days(self.max_total_days),
            &mut p.max_total_days,
        )?;
        fact(
            at,
            "extensionLeadDays",
            days(self.extension_lead_days),
            &mut p.extension_lead_days,
        )?;
        if let Some(n) = at.opt("notifiesUser", self.notifies_user)? {
            p.notifies_user = n.unwrap_or(Notifies::Unknown);
        }
        if let Some(n) = at.opt("notifiesOnPreservation", self.notifies_on_preservation)? {
            p.notifies_on_preservation = n.unwrap_or(Notifies::Unknown);
        }
        fact(
            at,
            "nonDisclosureNeeds",
            self.non_disclosure_needs,
            &mut p.non_disclosure_needs,
        )?;
        fact(
            at,
            "requiresDateRange",
            self.requires_date_range,
            &mut p.requires_date_range,
        )?;
        fact(
            at,
            "reportsToNcmec",
            self.reports_to_ncmec,
            &mut p.reports_to_ncmec,
        )?;
        if let Some(kinds) = at.opt("acceptedAccountKinds", self.accepted_account_kinds)? {
            let here = At::Key(at, "acceptedAccountKinds");
            p.accepted_account_kinds = kinds.map(|k| here.list(k, 100)).transpose()?;
        }
        fact(at, "entities", self.entities, &mut p.entities)?;
        if let Some(s) = at.opt("source", self.source)? {
            p.source = s.unwrap_or_default();
        }
        fact(at, "checked", self.checked, &mut p.checked)?;
        Ok(p)
    }
}

/// The built-in profiles, in the data file's order (read once).
pub fn builtin() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        // `build.rs` has checked the file, so this reads; a test says so too.
        read_builtin()
            .unwrap_or_default()
            .into_iter()
            .map(|(key, mut p)| {
                p.key = key;
                p
            })
            .collect()
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn read_builtin() -> Option<BTreeMap<String, Profile>> {
    serde_json::from_str(PROFILES_JSON).ok()
}

#[cfg(target_arch = "wasm32")]
fn read_builtin() -> Option<BTreeMap<String, Profile>> {
    let v = js_sys::JSON::parse(PROFILES_JSON).ok()?;
    serde_wasm_bindgen::from_value(v).ok()
}

/// The profile that applies when none is selected (contract §5).
pub fn us_default() -> Option<&'static Profile> {
    builtin().iter().find(|p| p.key == "us_default")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, Value};

    #[test]
    fn every_builtin_profile_reads_with_its_sources_and_date() {
        let keys: Vec<&str> = builtin().iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys.len(),
            serde_json::from_str::<Map<String, Value>>(PROFILES_JSON)
                .unwrap()
                .len(),
            "every profile of the data file reads"
        );
        for key in [
            "us_default",
            "meta",
            "google",
            "microsoft",
            "apple",
            "x",
            "tiktok",
            "snap",
        ] {
            assert!(keys.contains(&key), "{key}");
        }
        for p in builtin() {
            assert!(p.source != Source::None, "{} has a source", p.key);
            assert!(p.checked.is_some(), "{} has a checked date", p.key);
        }
    }

    #[test]
    fn every_known_fact_has_its_own_source() {
        for p in builtin() {
            let Value::Object(facts) = serde_json::to_value(p).unwrap() else {
                unreachable!()
            };
            let Source::Facts(sources) = &p.source else {
                panic!("{}: source is an object of fact: citation", p.key)
            };
            for (fact, v) in &facts {
                let stated = !(v.is_null() || v == "unknown");
                if stated && !["name", "source", "checked"].contains(&fact.as_str()) {
                    assert!(
                        sources.get(fact).is_some_and(|s| s.len() > 20),
                        "{}.{fact} is stated without a source",
                        p.key
                    );
                }
            }
        }
    }

    #[test]
    fn patches_keep_other_facts_and_reject_bad_ones_by_name() {
        let meta = builtin().iter().find(|p| p.key == "meta").unwrap();
        let patch = |json: &str| {
            let v: Value = serde_json::from_str(json).unwrap();
            let p = match ProfilePatch::deserialize(&v) {
                Ok(p) => p,
                Err(e) => panic!("{e}"),
            };
            p.apply(meta.clone(), &At::Root).map_err(|e| BadFact {
                field: e.option,
                problem: e.problem,
            })
        };
        let p = patch(r#"{"periodDays": 120}"#).unwrap();
        assert_eq!(p.period_days, Some(120));
        assert_eq!(p.notifies_user, meta.notifies_user);
        assert_eq!(p.key, "meta");
        assert_eq!(patch(r#"{"periodDays": null}"#).unwrap().period_days, None);
        assert_eq!(
            patch(r#"{"periodDays": "soon"}"#).unwrap_err().field,
            "periodDays"
        );
        assert_eq!(
            patch(r#"{"periodDays": 5000}"#).unwrap_err().field,
            "periodDays"
        );
        assert_eq!(
            patch(r#"{"acceptedAccountKinds": ["email", "fax"]}"#)
                .unwrap_err()
                .field,
            "acceptedAccountKinds[1]"
        );
        assert_eq!(
            patch(r#"{"notifiesUser": "sometimes"}"#).unwrap_err().field,
            "notifiesUser"
        );
    }

    #[test]
    fn entities_route_by_the_account_holders_country() {
        let tiktok = builtin().iter().find(|p| p.key == "tiktok").unwrap();
        let of = |c: &str| {
            tiktok
                .entity_for(Country::parse(c).unwrap())
                .map(|e| (e.legal_entity.as_str(), e.country.as_str()))
        };
        assert_eq!(of("FJ").map(|e| e.1), Some("SG"));
        assert_eq!(of("US").map(|e| e.1), Some("US"));
        assert_eq!(of("FR").map(|e| e.1), Some("IE"));
        assert_eq!(of("GB").map(|e| e.1), Some("GB"));
    }
}
