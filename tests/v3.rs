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

/// The forms of the request-type test: every fixture's, every rule's *Example* (with its
/// options), and a few built here, each with its options.
fn forms() -> Vec<(String, Value, String)> {
    let mut out = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the fixtures are there");
    for p in paths {
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let options = fixture.get("options").unwrap_or(&Value::Null).to_string();
        let form = fixture.get("form").cloned().unwrap_or(Value::Null);
        out.push((p.display().to_string(), form, options));
    }
    for rule in marcheck::rules::RULES {
        let examples = rule.meta.examples();
        if let Some(form) = examples.first() {
            let options = examples.get(1).copied().unwrap_or("null");
            out.push((
                format!("{}'s example", rule.meta.code),
                serde_json::from_str(form).unwrap(),
                options.to_string(),
            ));
        }
    }
    let built = [
        json!({}),
        json!({"preservation": {"status": "not_requested"}, "data": {"categories": ["subscriber"]}}),
        json!({"data": {"categories": ["content"]}, "case": {"nexus": "short"}}),
        json!({"provider": {"profile": "meta"}, "notification": {"requestNonDisclosure": true, "basis": "request"}}),
        json!({"provider": {"profile": "tiktok"}, "preservation": {"status": "preserved", "requestedOn": "2026-09-01"}}),
        json!({"emergency": {"risk": "serious_harm", "justification": "x"}, "provider": {"profile": "x"}}),
        json!({"csam": {"likely": true}, "requestingCountry": "AU", "provider": {"profile": "google"}}),
    ];
    for (i, form) in built.into_iter().enumerate() {
        out.push((format!("built form {i}"), form, "null".to_string()));
    }
    out
}

#[test]
fn a_form_without_a_request_type_gets_every_formal_mar_finding() {
    let today = Date::from_ymd(2026, 11, 29).unwrap();
    let mut compared = 0;
    let mut fired = std::collections::BTreeSet::new();
    for (name, form, options) in forms() {
        let Value::Object(form) = form else {
            continue;
        };
        let options = Options::from_json(&options, today).unwrap();
        let with = |t: Option<Value>| {
            let mut f = form.clone();
            match t {
                Some(v) => f.insert("requestType".to_string(), v),
                None => f.remove("requestType"),
            };
            validate_json(&Value::Object(f).to_string(), &options)
        };
        let mar = with(Some(json!("formal_mar")));
        assert_eq!(mar.facts.request_type, "formal_mar");
        fired.extend(mar.findings.iter().map(|f| f.code));
        for t in [None, Some(json!("")), Some(json!("  ")), Some(Value::Null)] {
            let got = with(t.clone());
            assert_eq!(
                got, mar,
                "{name} with requestType {t:?} is not reported as a formal MAR"
            );
            compared += 1;
        }
    }
    assert!(compared > 250, "{compared} comparisons");
    // The comparison covers the rules that read the request type.
    for code in [
        "PRES012", "DATA004", "PRES001", "CASE004", "NOTE003", "EMER001",
    ] {
        assert!(fired.contains(code), "{code} never fired: {fired:?}");
    }
}

#[test]
fn note003_cites_the_guidelines_of_the_profile_selected() {
    use marcheck::providers::NonDisclosureNeeds;
    let court_order: Vec<&Profile> = builtin()
        .iter()
        .filter(|p| p.non_disclosure_needs == Some(NonDisclosureNeeds::CourtOrder))
        .collect();
    let mut keys: Vec<&str> = court_order.iter().map(|p| p.key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["google", "meta", "snap", "x"]);
    for p in &court_order {
        let form = json!({
            "provider": {"profile": p.key},
            "notification": {"requestNonDisclosure": true, "basis": "request"}
        });
        let r = check(&form, "null");
        let f = r.findings.iter().find(|f| f.code == "NOTE003");
        let source = f.map(|f| f.source.to_string()).unwrap_or_default();
        let name = p.name.as_deref().unwrap();
        assert_eq!(
            source,
            format!("{name} law enforcement guidelines; 18 U.S.C. §2705(b)"),
            "{}",
            p.key
        );
        for other in court_order.iter().filter(|o| o.key != p.key) {
            assert!(!source.contains(other.name.as_deref().unwrap()), "{source}");
        }
    }
    // Every other finding keeps its rule's declared source.
    let r = check(&json!({"provider": {"profile": "meta"}}), "null");
    let rules = marcheck::rules::RULES;
    for f in &r.findings {
        let declared = rules
            .iter()
            .find(|x| x.meta.code == f.code)
            .unwrap()
            .meta
            .source;
        assert_eq!(f.source, declared, "{}", f.code);
    }
}
