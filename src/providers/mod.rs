//! Provider profiles (contract §5): what a service provider does with preservation, notice and
//! identifiers, and which of its entities holds whose records.
//!
//! The built-in profiles are data (`profiles.json`, each fact with its `source` and the date it
//! was `checked`), checked by `build.rs` when the crate is built (a fact of the wrong type fails
//! the build) and read on first use by the same function that reads `options.providers`
//! ([`apply`]), which adds profiles or overrides single facts of a built-in one. A fact that is
//! not known stays `None`.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde::Serialize;
use std::sync::OnceLock;

use crate::json::Raw;
use crate::options::{self, At, OptionsError, Problem};

use crate::country::Country;
use crate::form::{AccountKind, Notifies};

// `profiles.json` beside this file, checked and without its layout (see `build.rs`).
const PROFILES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/profiles.json"));

/// What a provider needs before it withholds notice from the account holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// One of a provider's legal entities, and whose records it holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// One provider's facts. `None` is "not known".
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The key it is selected by (`provider.profile`); not part of the data's object.
    #[serde(skip)]
    pub key: String,
    pub name: Option<String>,
    /// The country of the provider's head entity.
    pub country: Option<Country>,
    pub period_days: Option<i64>,
    pub extension_days: Option<i64>,
    pub max_extensions: Option<u32>,
    pub max_total_days: Option<i64>,
    /// How many days before expiry an extension must be asked.
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
#[derive(Clone, Debug, PartialEq, Serialize, Default)]
#[serde(untagged)]
pub enum Source {
    #[default]
    None,
    Text(String),
    /// `(fact, citation)`, sorted by fact, without repeats (an object when serialized).
    Facts(#[serde(serialize_with = "crate::tape::as_map")] Vec<(String, String)>),
}

impl Source {
    /// The citation for `fact`, if the source names one.
    pub fn of(&self, fact: &str) -> Option<&str> {
        match self {
            Source::Facts(m) => (m.binary_search_by(|(f, _)| f.as_str().cmp(fact)).ok())
                .and_then(|i| m.get(i))
                .map(|(_, c)| c.as_str()),
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

/// The facts of a profile object, in the data file's names.
const FACTS: [&str; 16] = [
    "name",
    "country",
    "periodDays",
    "extensionDays",
    "maxExtensions",
    "maxTotalDays",
    "extensionLeadDays",
    "notifiesUser",
    "notifiesOnPreservation",
    "nonDisclosureNeeds",
    "requiresDateRange",
    "reportsToNcmec",
    "acceptedAccountKinds",
    "entities",
    "source",
    "checked",
];

/// `base` with the facts of `v` (an object: `options.providers.KEY`, or a built-in profile of
/// the data file) over it: an absent key keeps the fact, `null` makes it unknown, a bad one is
/// an error named by its path (`providers.meta.periodDays`); `at` is the object's path.
pub fn apply(mut p: Profile, at: &At<'_>, v: &Raw) -> Result<Profile, OptionsError> {
    const DAYS: &str = "a number of days from 0 to 3650";
    let Raw::Object(entries) = v else {
        return at.fail(Problem::Type {
            found: String::from(match v {
                Raw::List(_) => "a list",
                Raw::Text(_) => "a text",
                Raw::Null => "null",
                _ => "a value that is not an object",
            }),
            want: "an object of provider facts",
        });
    };
    for (key, v) in FACTS.iter().zip(options::fields(entries, &FACTS)) {
        let Some(v) = v else { continue };
        let at = At::Key(at, key);
        let at = &at;
        let null = matches!(v, Raw::Null);
        let days = || -> Result<Option<i64>, OptionsError> {
            if null {
                Ok(None)
            } else {
                options::whole(at, v, 0, 3650, DAYS).map(Some)
            }
        };
        let flag = || -> Result<Option<bool>, OptionsError> {
            if null {
                Ok(None)
            } else {
                options::boolean(at, v).map(Some)
            }
        };
        let notifies = || -> Result<Notifies, OptionsError> {
            const WANT: &str = "\"yes\", \"no\" or \"unknown\"";
            if null {
                return Ok(Notifies::Unknown);
            }
            let i = options::choice(at, v, &Notifies::NAMES, WANT)?;
            Ok(Notifies::ALL.get(i).copied().unwrap_or(Notifies::Unknown))
        };
        match *key {
            "name" => p.name = options::text_or_null(at, v)?,
            "country" => {
                p.country = if null {
                    None
                } else {
                    Some(options::country(at, v)?)
                }
            }
            "periodDays" => p.period_days = days()?,
            "extensionDays" => p.extension_days = days()?,
            "maxExtensions" => {
                p.max_extensions = if null {
                    None
                } else {
                    let n =
                        options::whole(at, v, 0, i64::from(u32::MAX), "a whole number, 0 or more")?;
                    u32::try_from(n).ok()
                }
            }
            "maxTotalDays" => p.max_total_days = days()?,
            "extensionLeadDays" => p.extension_lead_days = days()?,
            "notifiesUser" => p.notifies_user = notifies()?,
            "notifiesOnPreservation" => p.notifies_on_preservation = notifies()?,
            "nonDisclosureNeeds" => {
                const WANT: &str = "\"court_order\", \"statement\" or \"request\"";
                const ALL: [NonDisclosureNeeds; 3] = [
                    NonDisclosureNeeds::CourtOrder,
                    NonDisclosureNeeds::Statement,
                    NonDisclosureNeeds::Request,
                ];
                p.non_disclosure_needs = if null {
                    None
                } else {
                    let i = options::choice(at, v, &["court_order", "statement", "request"], WANT)?;
                    ALL.get(i).copied()
                }
            }
            "requiresDateRange" => p.requires_date_range = flag()?,
            "reportsToNcmec" => p.reports_to_ncmec = flag()?,
            "acceptedAccountKinds" => {
                p.accepted_account_kinds = if null {
                    None
                } else {
                    const WANT: &str =
                        "an account kind (email, phone, username, url, user_id or ip)";
                    let items = options::list(at, v, "a list of account kinds", 100)?;
                    let mut kinds = Vec::with_capacity(items.len());
                    for (i, k) in items.iter().enumerate() {
                        let i2 = options::choice(&At::Index(at, i), k, &AccountKind::NAMES, WANT)?;
                        kinds.extend(AccountKind::ALL.get(i2).copied());
                    }
                    Some(kinds)
                }
            }
            "entities" => p.entities = if null { None } else { Some(entities(at, v)?) },
            "source" => p.source = source(at, v)?,
            _ => p.checked = options::text_or_null(at, v)?,
        }
    }
    Ok(p)
}

/// `entities`: a list of `{ users, legalEntity, country }`.
fn entities(at: &At<'_>, v: &Raw) -> Result<Vec<Entity>, OptionsError> {
    const KEYS: [&str; 3] = ["users", "legalEntity", "country"];
    let items = options::list(at, v, "a list of entities", 100)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, e) in items.iter().enumerate() {
        let at = At::Index(at, i);
        let Raw::Object(entries) = e else {
            return at.wrong(e, "an entity { users, legalEntity, country }");
        };
        let [users, legal, country] = options::fields(entries, &KEYS);
        let (Some(users), Some(legal), Some(country)) = (users, legal, country) else {
            let missing = KEYS
                .iter()
                .zip([users, legal, country])
                .find(|(_, v)| v.is_none())
                .map_or("users", |(k, _)| *k);
            return at.fail(Problem::Missing(missing));
        };
        let users_at = At::Key(&at, "users");
        let users = match users {
            Raw::Text(t) if t == "*" => Users::Everyone(Everyone),
            Raw::List(list) => {
                let mut cs = Vec::with_capacity(list.len());
                for (j, c) in list.iter().enumerate() {
                    cs.push(options::country(&At::Index(&users_at, j), c)?);
                }
                Users::Countries(cs)
            }
            other => return users_at.wrong(other, "\"*\" or a list of country codes"),
        };
        out.push(Entity {
            users,
            legal_entity: options::text(&At::Key(&at, "legalEntity"), legal)?.to_string(),
            country: options::country(&At::Key(&at, "country"), country)?,
        });
    }
    Ok(out)
}

/// `source`: a citation, or `{ fact: citation }`; `null` says nothing.
fn source(at: &At<'_>, v: &Raw) -> Result<Source, OptionsError> {
    match v {
        Raw::Null => Ok(Source::None),
        Raw::Text(t) => Ok(Source::Text(t.clone())),
        Raw::Object(entries) => {
            let mut m: Vec<(String, String)> = Vec::with_capacity(entries.len());
            for (fact, c) in entries {
                let c = options::text(&At::Key(at, fact), c)?.to_string();
                // A fact given twice is cited by its last citation, as `JSON.parse` reads it.
                m.retain(|(f, _)| f != fact);
                m.push((fact.clone(), c));
            }
            crate::sort_small(&mut m, |a, b| a.0 < b.0);
            Ok(Source::Facts(m))
        }
        _ => at.wrong(v, "a citation or an object of citations"),
    }
}

/// The built-in profiles, in the data file's order (read once, by [`apply`]).
pub fn builtin() -> &'static [Profile] {
    static PROFILES: OnceLock<Vec<Profile>> = OnceLock::new();
    PROFILES.get_or_init(|| {
        // `build.rs` has checked the file, so this reads; a test says so too.
        let Ok(Raw::Object(entries)) = Raw::parse(PROFILES_JSON) else {
            return Vec::new();
        };
        let root = At::Root;
        (entries.iter())
            .filter_map(|(key, v)| apply(Profile::empty(key), &At::Key(&root, key), v).ok())
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
            let Source::Facts(_) = &p.source else {
                panic!("{}: source is an object of fact: citation", p.key)
            };
            for (fact, v) in &facts {
                let stated = !(v.is_null() || v == "unknown");
                if stated && !["name", "source", "checked"].contains(&fact.as_str()) {
                    assert!(
                        p.source.of(fact).is_some_and(|s| s.len() > 20),
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
        #[derive(Debug)]
        struct BadFact {
            field: String,
        }
        let patch = |json: &str| {
            let v = Raw::parse(json).unwrap();
            apply(meta.clone(), &At::Root, &v).map_err(|e| BadFact { field: e.option })
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
