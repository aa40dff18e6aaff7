//! The corrections of contract v3 (§5, §6), as written there (`asOf` 2026-11-29): provider
//! facts with the words of the stored texts they rest on, and readings that hold for every rule.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use marcheck::country::Country;
use marcheck::providers::{Profile, builtin};
use marcheck::{Date, Options, Report, validate_json};
use serde_json::{Value, json};

fn check(form: &Value, options: &str) -> Report {
    let today = Date::from_ymd(2026, 11, 29).unwrap();
    validate_json(
        &form.to_string(),
        &Options::from_json(options, today).unwrap(),
    )
}

fn profile(key: &str) -> &'static Profile {
    builtin().iter().find(|p| p.key == key).unwrap()
}

/// The citation of one fact of a built-in profile.
fn source_of(key: &str, fact: &str) -> &'static str {
    profile(key)
        .source
        .get(fact)
        .and_then(Value::as_str)
        .unwrap()
}

/// The fact's source quotes each of these words of the stored text it rests on.
fn quotes(key: &str, fact: &str, words: &[&str]) {
    let s = source_of(key, fact);
    for w in words {
        assert!(s.contains(w), "{key}.{fact}: the source lacks {w:?}:\n{s}");
    }
}

/// The legal entity and its country that a profile names for an account holder in `country`.
fn entity(key: &str, country: &str) -> Option<(&'static str, &'static str)> {
    profile(key)
        .entity_for(Country::parse(country).unwrap())
        .map(|e| (e.legal_entity.as_str(), e.country.as_str()))
}

const META_IE: Option<(&str, &str)> = Some(("Meta Platforms Ireland Limited", "IE"));
const META_US: Option<(&str, &str)> = Some(("Meta Platforms, Inc.", "US"));

#[test]
fn metas_european_region_has_switzerland_and_the_microstates_not_the_uk() {
    for c in [
        "CH", "AD", "MC", "SM", "VA", "IS", "LI", "NO", "FR", "DE", "IE",
    ] {
        assert_eq!(entity("meta", c), META_IE, "{c}");
    }
    assert_eq!(entity("meta", "GB"), META_US);
    // Unsourced either way: left on "*".
    for c in ["JE", "GG", "IM"] {
        assert_eq!(entity("meta", c), META_US, "{c}");
    }
    assert_eq!(entity("meta", "FJ"), META_US);
    quotes(
        "meta",
        "entities",
        &[
            // Facebook's page (pga-versions @ 8bb1fe8, 2025-10-23).
            "8bb1fe8ddabfce989e6b8f19b029c0f0bec6a5cf",
            "Meta Platforms Ireland Limited is the service provider and data controller for users in the European region.",
            // Instagram's page (pga-versions @ a0be135, 2026-07-27).
            "a0be135d1098d456fa7d3700b308251d420f6b70",
            "for users of the Instagram services in the European region (excluding the United Kingdom), the service provider and data controller is Meta Platforms Ireland Ltd.",
            // The WhatsApp FAQ's list, in its stored translations.
            "Who is providing your WhatsApp services",
            "01 जनवरी, 2021 से लागू",
            "स्विट्ज़रलैंड",
            "अंडोरा",
            "मोनाको",
            "सैन मरिनो",
            "na Mji wa Vatikani",
            "unsourced either way",
        ],
    );
}

#[test]
fn the_report_names_meta_ireland_for_a_swiss_user() {
    let form = |user: &str| json!({"provider": {"profile": "meta", "userCountry": user}});
    let entity = |r: &Report| {
        r.facts
            .provider_entity
            .as_ref()
            .map(|e| (e.legal_entity.clone(), e.country))
    };
    let ie = Some(("Meta Platforms Ireland Limited".to_string(), "IE"));
    let us = Some(("Meta Platforms, Inc.".to_string(), "US"));
    assert_eq!(entity(&check(&form("CH"), "null")), ie);
    assert_eq!(entity(&check(&form("va"), "null")), ie);
    assert_eq!(entity(&check(&form("GB"), "null")), us);
    assert_eq!(entity(&check(&form("JE"), "null")), us);
}
