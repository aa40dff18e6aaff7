//! Provider profiles (contract §5): what a service provider does with preservation, notice and
//! identifiers, and which of its entities holds whose records.
//!
//! The built-in profiles are data (`profiles.json`, each fact with its `source` and the date it
//! was `checked`), checked by `build.rs` when the crate is built (a fact of the wrong type fails
//! the build) and deserialized with serde on first use. `options.providers` adds profiles or
//! overrides single facts of a built-in one. A fact that is not known stays `None`.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::sync::OnceLock;

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
    pub source: Value,
    pub checked: Option<String>,
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
            source: Value::Null,
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

    /// This profile with the facts of `patch` over it: absent keys keep their value, `null`
    /// makes a fact unknown. The facts are read by the same serde types as the built-in data.
    pub fn patched(&self, patch: &Map<String, Value>) -> Result<Profile, BadFact> {
        let mut merged = match serde_json::to_value(self) {
            Ok(Value::Object(m)) => m,
            _ => Map::new(),
        };
        for (k, v) in patch {
            merged.insert(k.clone(), v.clone());
        }
        let mut p: Profile =
            serde_path_to_error::deserialize(Value::Object(merged)).map_err(|e| BadFact {
                field: e.path().to_string(),
                problem: e.inner().to_string(),
            })?;
        p.key = self.key.clone();
        Ok(p)
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

/// The built-in profiles, in the data file's order (read once).
pub fn builtin() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        // `build.rs` has checked the file, so this reads; a test says so too.
        let Ok(Value::Object(entries)) = serde_json::from_str::<Value>(PROFILES_JSON) else {
            return Vec::new();
        };
        entries
            .into_iter()
            .filter_map(|(key, v)| {
                let mut p: Profile = serde_json::from_value(v).ok()?;
                p.key = key;
                Some(p)
            })
            .collect()
    })
}

/// The profile that applies when none is selected (contract §5).
pub fn us_default() -> Option<&'static Profile> {
    builtin().iter().find(|p| p.key == "us_default")
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert!(!p.source.is_null(), "{} has a source", p.key);
            assert!(p.checked.is_some(), "{} has a checked date", p.key);
        }
    }

    #[test]
    fn every_known_fact_has_its_own_source() {
        for p in builtin() {
            let Value::Object(facts) = serde_json::to_value(p).unwrap() else {
                unreachable!()
            };
            let Value::Object(sources) = &p.source else {
                panic!("{}: source is an object of fact: citation", p.key)
            };
            for (fact, v) in &facts {
                let stated = !(v.is_null() || v == "unknown");
                if stated && !["name", "source", "checked"].contains(&fact.as_str()) {
                    assert!(
                        sources
                            .get(fact)
                            .and_then(Value::as_str)
                            .is_some_and(|s| s.len() > 20),
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
        let patch = |json: &str| meta.patched(&serde_json::from_str(json).unwrap());
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
