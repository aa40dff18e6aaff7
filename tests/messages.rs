//! Every rule speaks both languages, with the same placeholders.
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use marcheck::Locale;
use marcheck::messages::catalogue;
use marcheck::rules::RULES;

/// The parameters a text names: `{days|# day|# days}` names `days` (a language may need a plural
/// where another does not).
fn placeholders(t: &str) -> Vec<String> {
    let mut v: Vec<String> = t
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(p, _)| p.to_string()))
        .map(|p| p.split('|').next().unwrap_or("").to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn every_text_is_translated_with_the_same_keys_and_placeholders() {
    // build.rs already refuses a rule without texts or a placeholder without a parameter; this
    // checks what it does not: the locales agree with each other.
    let (en, fr) = (catalogue(Locale::En), catalogue(Locale::Fr));
    let keys = |c: &marcheck::messages::Words| {
        c.rules
            .iter()
            .map(|e| (e.code, e.variant))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(en), keys(fr));
    for (e, f) in en.rules.iter().zip(fr.rules) {
        let key = format!("{}.{}", e.code, e.variant);
        assert_eq!(
            placeholders(e.text.message),
            placeholders(f.text.message),
            "{key} message"
        );
        assert_eq!(
            placeholders(e.text.help),
            placeholders(f.text.help),
            "{key} help"
        );
        assert_ne!(e.text.message, f.text.message, "{key} is translated");
    }
    for r in RULES {
        for c in [en, fr] {
            let t = c.rule(r.meta.code).unwrap();
            assert!(
                !t.description.trim().is_empty(),
                "{} has a description",
                r.meta.code
            );
        }
    }
}

#[test]
fn every_deadline_text_is_translated_with_the_same_placeholders() {
    let (en, fr) = (catalogue(Locale::En), catalogue(Locale::Fr));
    let all = |c: &'static marcheck::messages::Words| {
        c.deadlines.kinds.iter().chain(c.deadlines.variants)
    };
    let keys = |c| all(c).map(|k| (k.kind, k.variant)).collect::<Vec<_>>();
    assert_eq!(keys(en), keys(fr));
    for (e, f) in all(en).zip(all(fr)) {
        assert_eq!(placeholders(e.title), placeholders(f.title), "{}", e.kind);
        assert_eq!(placeholders(e.detail), placeholders(f.detail), "{}", e.kind);
        assert_ne!(e.detail, f.detail, "{} is translated", e.kind);
    }
    for (e, f) in [
        (en.deadlines.left, fr.deadlines.left),
        (en.deadlines.overdue, fr.deadlines.overdue),
    ] {
        assert_eq!(placeholders(e), ["days"]);
        assert_eq!(placeholders(f), ["days"]);
    }
}

#[test]
fn counts_in_messages_take_the_plural_of_their_language() {
    use marcheck::{Date, Options, validate_json};
    // Preservation confirmed 1 Sep, 90 days: on 29 Nov one day is left.
    let form =
        r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90}}"#;
    let message = |locale: Locale, day: u32| {
        let mut o = Options::new(Date::from_ymd(2026, 11, day).unwrap());
        o.locale = locale;
        let r = validate_json(form, &o);
        r.findings
            .iter()
            .find(|f| f.code == "PRES007")
            .unwrap()
            .message
            .to_string()
    };
    assert!(message(Locale::En, 29).ends_with(": 1 day left."));
    assert!(message(Locale::En, 28).ends_with(": 2 days left."));
    assert!(message(Locale::Fr, 29).ends_with("il reste 1 jour."));
    assert!(message(Locale::Fr, 28).ends_with("il reste 2 jours."));
}

#[test]
fn dates_in_messages_read_as_people_write_them() {
    let d = marcheck::Date::from_ymd(2026, 9, 1).unwrap();
    let (mut en, mut fr) = (String::new(), String::new());
    catalogue(Locale::En).write_date(&mut en, d);
    catalogue(Locale::Fr).write_date(&mut fr, d);
    assert_eq!((en.as_str(), fr.as_str()), ("1 Sep 2026", "1 sept. 2026"));
}
