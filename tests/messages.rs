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
fn every_rule_has_words_in_every_locale() {
    for locale in [Locale::En, Locale::Fr] {
        let c = catalogue(locale);
        assert_eq!(c.month_count(), 12);
        for r in RULES {
            let t = c
                .exact(r.code)
                .unwrap_or_else(|| panic!("{:?} has no text for {}", locale, r.code));
            for (what, s) in [
                ("title", &t.title),
                ("description", &t.description),
                ("message", &t.message),
                ("help", &t.help),
            ] {
                assert!(
                    !s.trim().is_empty(),
                    "{locale:?} {} has an empty {what}",
                    r.code
                );
            }
        }
        // No text for a code that does not exist.
        for key in c.keys() {
            let code = key.split('.').next().unwrap_or(key);
            assert!(
                RULES.iter().any(|r| r.code == code),
                "{locale:?} has text for unknown {key}"
            );
        }
    }
}

#[test]
fn french_has_the_same_keys_and_placeholders() {
    let (en, fr) = (catalogue(Locale::En), catalogue(Locale::Fr));
    let ek: Vec<&str> = en.keys().collect();
    let fk: Vec<&str> = fr.keys().collect();
    assert_eq!(ek, fk);
    assert_eq!(
        en.term_keys().collect::<Vec<_>>(),
        fr.term_keys().collect::<Vec<_>>()
    );
    for key in ek {
        let (e, f) = (en.exact(key).unwrap(), fr.exact(key).unwrap());
        assert_eq!(
            placeholders(e.message),
            placeholders(f.message),
            "{key} message"
        );
        assert_eq!(placeholders(e.help), placeholders(f.help), "{key} help");
        assert_ne!(e.message, f.message, "{key} is translated");
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
