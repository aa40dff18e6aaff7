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

fn placeholders(t: &str) -> Vec<String> {
    let mut v: Vec<String> = t
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(p, _)| p.to_string()))
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
fn dates_in_messages_read_as_people_write_them() {
    let d = marcheck::Date::from_ymd(2026, 9, 1).unwrap();
    let (mut en, mut fr) = (String::new(), String::new());
    catalogue(Locale::En).write_date(&mut en, d);
    catalogue(Locale::Fr).write_date(&mut fr, d);
    assert_eq!((en.as_str(), fr.as_str()), ("1 Sep 2026", "1 sept. 2026"));
}
