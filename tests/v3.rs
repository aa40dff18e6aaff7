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

#[test]
fn every_us_provider_reports_to_ncmec_on_the_statute() {
    let us: Vec<&Profile> = builtin()
        .iter()
        .filter(|p| p.country.map(|c| c.as_str()) == Some("US"))
        .collect();
    let keys: Vec<&str> = us.iter().map(|p| p.key.as_str()).collect();
    for key in [
        "us_default",
        "meta",
        "google",
        "microsoft",
        "apple",
        "x",
        "snap",
    ] {
        assert!(keys.contains(&key), "{key} is a US profile");
    }
    for p in us {
        assert_eq!(p.reports_to_ncmec, Some(true), "{}", p.key);
        quotes(
            &p.key,
            "reportsToNcmec",
            &[
                "18 U.S.C. §2258A(a)(1)",
                "law.cornell.edu/uscode/text/18/2258A",
                "shall, as soon as reasonably possible after obtaining actual knowledge of any facts or circumstances described in paragraph (2)(A), take the actions described in subparagraph (B)",
                "making a report of such facts or circumstances to the CyberTipline",
                "the term “provider” means an electronic communication service provider or remote computing service",
                "Service providers located in the US are required by US law to report",
            ],
        );
    }
    // Meta's and Snap's own words stay first.
    quotes(
        "meta",
        "reportsToNcmec",
        &[
            "We report all apparent instances of child exploitation appearing on our site from anywhere in the world",
        ],
    );
    quotes(
        "snap",
        "reportsToNcmec",
        &[
            "reports such situations to the National Center for Missing and Exploited Children (NCMEC)",
        ],
    );
}

#[test]
fn tiktoks_ncmec_fact_is_its_own() {
    assert_eq!(profile("tiktok").country, None, "not a US profile");
    assert_eq!(profile("tiktok").reports_to_ncmec, Some(true));
    quotes(
        "tiktok",
        "reportsToNcmec",
        &[
            "43450e70434feac807b55f7e876e3de0c84f42b3",
            "Last updated: January 22, 2026",
            "specify in your request the report number assigned to the Cybertip report by NCMEC",
        ],
    );
    assert!(!source_of("tiktok", "reportsToNcmec").contains("2258A"));
}

#[test]
fn csam004_asks_for_ncmec_report_ids_at_google_too() {
    let form = |profile: &str| json!({"provider": {"profile": profile}, "csam": {"likely": true}});
    for key in [
        "google",
        "microsoft",
        "apple",
        "x",
        "meta",
        "snap",
        "tiktok",
    ] {
        let r = check(&form(key), "null");
        assert!(
            r.findings.iter().any(|f| f.code == "CSAM004"),
            "{key}: {:?}",
            r.findings.iter().map(|f| f.code).collect::<Vec<_>>()
        );
    }
}
