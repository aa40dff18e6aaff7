//! The file's grammar line by line, and the injection tests: no value from a form can add a
//! line, a property or a component. (`tests/node/calendar.test.mjs` parses the files with
//! Mozilla's ical.js.)

use super::*;
use crate::rules::testing::options;
use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;

fn ics(form: &str, opts: &str) -> String {
    calendar_json(form, &options(opts))
}

/// The logical lines: folds undone, CRLF checked.
fn unfold(file: &str) -> Vec<String> {
    assert!(file.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for physical in file.strip_suffix("\r\n").unwrap().split("\r\n") {
        assert!(
            !physical.contains('\r') && !physical.contains('\n'),
            "{physical:?}"
        );
        assert!(
            physical.len() <= LINE_OCTETS,
            "{} octets: {physical:?}",
            physical.len()
        );
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(physical.to_string()),
        }
    }
    lines
}

const FORM: &str = r#"{"case":{"reference":"FJ-2026-118"},"requestingCountry":"FJ",
    "provider":{"profile":"meta"},
    "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90,"reference":"META-2026-0457"}}"#;

#[test]
fn one_calendar_with_an_all_day_event_and_an_alarm_per_deadline() {
    let file = ics(FORM, r#"{"asOf":"2026-11-29"}"#);
    let lines = unfold(&file);
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert_eq!(lines[1], "VERSION:2.0");
    assert!(lines[2].starts_with("PRODID:-//marcheck//"));
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    let count = |l: &str| lines.iter().filter(|x| *x == l).count();
    // expiry, extension due (the same day: Meta states no lead time) and the reminder
    assert_eq!(count("BEGIN:VEVENT"), 3);
    assert_eq!(count("END:VEVENT"), 3);
    assert_eq!(count("BEGIN:VALARM"), 3);
    assert_eq!(count("ACTION:DISPLAY"), 3);
    assert_eq!(count("TRIGGER:-P1D"), 3);
    assert_eq!(count("DTSTAMP:20261129T000000Z"), 3);
    assert_eq!(count("DTSTART;VALUE=DATE:20261031"), 1);
    assert_eq!(count("DTSTART;VALUE=DATE:20261130"), 2);
    assert_eq!(count("DTEND;VALUE=DATE:20261201"), 2);
    assert!(lines.contains(&"SUMMARY:Preservation expires — FJ-2026-118".to_string()));
    let desc = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:The preservation ends"))
        .unwrap();
    assert!(desc.contains("\\nCase reference: FJ-2026-118"), "{desc}");
    assert!(
        desc.contains("\\nPreservation reference: META-2026-0457"),
        "{desc}"
    );
    assert!(desc.contains("\\nProvider: Meta Platforms"), "{desc}");
}

#[test]
fn the_same_input_gives_the_same_bytes_and_uids_are_stable_per_request_and_kind() {
    let a = ics(FORM, r#"{"asOf":"2026-11-29"}"#);
    assert_eq!(a, ics(FORM, r#"{"asOf":"2026-11-29"}"#));
    let uids = |f: &str| -> Vec<String> {
        unfold(f)
            .into_iter()
            .filter(|l| l.starts_with("UID:"))
            .collect()
    };
    // A later export (another day, an extension recorded) keeps each kind's UID.
    let later = FORM.replace(
        r#""reference":"META-2026-0457"}"#,
        r#""reference":"META-2026-0457","extensions":[{"requestedOn":"2026-11-20"}]}"#,
    );
    let b = ics(&later, r#"{"asOf":"2026-12-10"}"#);
    assert_ne!(a, b);
    let (ua, ub) = (uids(&a), uids(&b));
    assert_eq!(ua.len(), 3);
    for u in &ua {
        assert!(ub.contains(u), "{u} kept");
    }
    // Another request gives other UIDs; the same request twice in one file stays unique.
    let other = ics(&FORM.replace("FJ-2026-118", "FJ-2026-119"), "");
    assert!(uids(&other).iter().all(|u| !ua.contains(u)));
    let twice = ics(&format!("[{FORM},{FORM}]"), "");
    let mut all = uids(&twice);
    assert_eq!(all.len(), 6);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 6);
}

#[test]
fn requests_without_references_do_not_share_uids() {
    let a = r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-01"}}"#;
    let b = r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-08"}}"#;
    let file = ics(&format!("[{a},{b}]"), "");
    let mut uids: Vec<String> = unfold(&file)
        .into_iter()
        .filter(|l| l.starts_with("UID:"))
        .collect();
    assert_eq!(uids.len(), 6);
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 6);
}

#[test]
fn text_is_escaped_as_rfc_5545_says() {
    let mut s = String::new();
    text(&mut s, "a\\b;c,d:e\r\nf\ng\rh\u{0}i\u{7f}j\tk");
    assert_eq!(s, "a\\\\b\\;c\\,d:e\\nf\\ng\\nh i j\tk");
}

#[test]
fn lines_fold_at_75_octets_without_splitting_a_character() {
    for body in [
        "x".repeat(200),
        "é".repeat(100),
        "😀".repeat(50),
        format!("a{}", "€".repeat(80)),
    ] {
        let mut out = String::new();
        fold(&mut out, &format!("SUMMARY:{body}"));
        // `out` is a String: a split character would not have compiled into it, and each
        // physical line is checked for length and for its leading space.
        let lines = unfold(&out);
        assert_eq!(lines, [format!("SUMMARY:{body}")]);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75);
        }
    }
    let mut exact = String::new();
    fold(&mut exact, &"y".repeat(75));
    assert_eq!(exact, format!("{}\r\n", "y".repeat(75)));
    let mut one_more = String::new();
    fold(&mut one_more, &"y".repeat(76));
    assert_eq!(one_more, format!("{}\r\n y\r\n", "y".repeat(75)));
}

#[test]
fn no_form_value_adds_a_line_a_property_or_a_component() {
    let hostile = [
        "X\r\nBEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT",
        "X\nATTENDEE:mailto:evil@example.com",
        "X\rEND:VCALENDAR",
        "BEGIN:VEVENT",
        "a;b,c\\d:e",
        "X\r\n DESCRIPTION:folded-in",
        "\u{0}\u{1b}[31m\u{7f}",
        "x\\nBEGIN:VALARM",
    ];
    let clean = unfold(&ics(FORM, ""));
    let names = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                let end = l.find([':', ';']).unwrap();
                l[..end].to_string()
            })
            .collect()
    };
    for bad in hostile {
        let json = serde_json::to_string(bad).unwrap();
        let form = FORM
            .replace("\"FJ-2026-118\"", &json)
            .replace("\"META-2026-0457\"", &json);
        let lines = unfold(&ics(&form, ""));
        assert_eq!(names(&lines), names(&clean), "{bad:?}");
        // The value is still all there, escaped, inside its own property.
        let summary = lines.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
        assert!(summary.starts_with("SUMMARY:"), "{summary}");
    }
}

#[test]
fn an_empty_list_or_a_non_form_is_an_empty_calendar() {
    for input in ["[]", "42", "{}", "[null, 1, \"x\"]"] {
        let lines = unfold(&ics(input, ""));
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("BEGIN:")).count(),
            1,
            "{input}"
        );
    }
}

#[test]
fn labels_follow_the_locale() {
    let file = ics(FORM, r#"{"locale":"fr"}"#);
    let lines = unfold(&file);
    assert!(
        lines
            .iter()
            .any(|l| l == "SUMMARY:Fin de la conservation — FJ-2026-118")
    );
    assert!(file.contains("Référence de l’affaire : FJ-2026-118"));
}
