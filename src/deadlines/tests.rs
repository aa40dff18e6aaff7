//! Boundary tests per kind: the day before, of and after; lead days; business days with
//! holidays; leap years and month ends. Where a deadline is the day a rule starts, the rule is
//! run beside it, so the two cannot drift apart.

use super::*;
use crate::rules::testing::{options, run};
use alloc::string::ToString;
use alloc::vec::Vec;

fn due(form: &str, opts: &str) -> Vec<Deadline<'static>> {
    deadlines_json(form, &options(opts))
}

fn of(form: &str, opts: &str, kind: Kind) -> Vec<Deadline<'static>> {
    due(form, opts)
        .into_iter()
        .filter(|d| d.kind == kind)
        .collect()
}

/// The one deadline of `kind`: its date and days left.
#[track_caller]
fn one(form: &str, opts: &str, kind: Kind) -> (String, i64) {
    let found = of(form, opts, kind);
    assert_eq!(found.len(), 1, "{kind:?} in {form} with {opts}: {found:?}");
    (found[0].on.to_string(), found[0].days_left)
}

#[track_caller]
fn none(form: &str, opts: &str, kind: Kind) {
    assert!(of(form, opts, kind).is_empty(), "{kind:?} in {form}");
}

fn fires(code: &str, form: &str, opts: &str) -> bool {
    run(form, opts).findings.iter().any(|f| f.code == code)
}

const SEPT_1: &str = r#"{"case":{"reference":"FJ-2026-118"},
    "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90,"reference":"META-2026-0457"}}"#;

#[test]
fn preservation_expires_day_before_of_and_after() {
    // The contract's example: confirmed 1 Sep, 90 days, expires 30 Nov.
    for (as_of, left, words) in [
        ("2026-11-29", 1, "1 day left"),
        ("2026-11-30", 0, "due today"),
        ("2026-12-01", -1, "1 day overdue"),
        ("2026-12-05", -5, "5 days overdue"),
        ("2026-11-28", 2, "2 days left"),
    ] {
        let opts = alloc::format!(r#"{{"asOf":"{as_of}"}}"#);
        assert_eq!(
            one(SEPT_1, &opts, Kind::PreservationExpires),
            ("2026-11-30".to_string(), left)
        );
        let d = &of(SEPT_1, &opts, Kind::PreservationExpires)[0];
        assert_eq!(d.days_left_text, words);
        assert_eq!(d.field, "preservation.confirmedOn");
        assert_eq!(d.case_reference.as_deref(), Some("FJ-2026-118"));
        assert_eq!(d.preservation_reference.as_deref(), Some("META-2026-0457"));
        // The same date and days as the report's facts: one computation.
        let facts = run(SEPT_1, &opts).facts;
        assert_eq!(facts.preservation_expires_on, Some(d.on));
        assert_eq!(facts.preservation_days_left, Some(d.days_left));
    }
}

#[test]
fn days_left_in_french_take_the_plural_rules_of_french() {
    let fr = |as_of: &str| {
        let opts = alloc::format!(r#"{{"asOf":"{as_of}","locale":"fr"}}"#);
        of(SEPT_1, &opts, Kind::PreservationExpires)[0]
            .days_left_text
            .clone()
    };
    assert_eq!(fr("2026-11-29"), "1 jour restant");
    assert_eq!(fr("2026-11-28"), "2 jours restants");
    assert_eq!(fr("2026-11-30"), "à échéance aujourd’hui");
    assert_eq!(fr("2026-12-01"), "1 jour de retard");
    assert_eq!(fr("2026-12-03"), "3 jours de retard");
    let d = &of(SEPT_1, r#"{"locale":"fr"}"#, Kind::PreservationExpires)[0];
    assert_eq!(d.title, "Fin de la conservation");
    assert!(d.detail.contains("30 "), "{}", d.detail);
}

#[test]
fn expiry_across_a_leap_day_and_month_ends() {
    let form = |on: &str, days: u32| {
        alloc::format!(
            r#"{{"preservation":{{"status":"preserved","confirmedOn":"{on}","periodDays":{days}}}}}"#
        )
    };
    let on = |f: &str| one(f, "", Kind::PreservationExpires).0;
    assert_eq!(on(&form("2027-12-01", 90)), "2028-02-29");
    assert_eq!(on(&form("2026-12-01", 90)), "2027-03-01");
    assert_eq!(on(&form("2028-01-31", 29)), "2028-02-29");
    assert_eq!(on(&form("2026-01-31", 30)), "2026-03-02");
    assert_eq!(on(&form("2026-12-31", 1)), "2027-01-01");
}

#[test]
fn a_counted_extension_moves_every_window_deadline() {
    let f = r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90,
        "extensions":[{"requestedOn":"2026-11-20","periodDays":90}]}}"#;
    assert_eq!(one(f, "", Kind::PreservationExpires).0, "2027-02-28");
    assert_eq!(one(f, "", Kind::ExtensionDue).0, "2027-02-28");
    assert_eq!(one(f, "", Kind::ExtensionReminder).0, "2027-01-29");
}

#[test]
fn extension_due_takes_the_providers_lead_days() {
    // X asks for extensions at least 7 days ahead: expiry 30 Nov, so by 23 Nov.
    let x = r#"{"provider":{"profile":"x"},
        "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90}}"#;
    for (as_of, left) in [("2026-11-22", 1), ("2026-11-23", 0), ("2026-11-24", -1)] {
        let opts = alloc::format!(r#"{{"asOf":"{as_of}"}}"#);
        assert_eq!(
            one(x, &opts, Kind::ExtensionDue),
            ("2026-11-23".to_string(), left)
        );
    }
    let d = &of(x, "", Kind::ExtensionDue)[0];
    assert!(d.detail.contains("7 days"), "{}", d.detail);
    assert!(d.detail.contains("23 Nov 2026"), "{}", d.detail);
    // A provider without a lead time: the expiry day itself, when an extension still counts.
    assert_eq!(one(SEPT_1, "", Kind::ExtensionDue).0, "2026-11-30");
    let same = &of(SEPT_1, "", Kind::ExtensionDue)[0];
    assert!(same.detail.contains("the day the preservation expires"));
    // An options profile with a one-day lead: the singular.
    let one_day = r#"{"providers":{"acme":{"name":"Acme","extensionLeadDays":1}}}"#;
    let acme = r#"{"provider":{"profile":"acme"},
        "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90}}"#;
    let d = &of(acme, one_day, Kind::ExtensionDue)[0];
    assert_eq!(d.on.to_string(), "2026-11-29");
    assert!(d.detail.contains("at least 1 day before"), "{}", d.detail);
}

#[test]
fn extension_reminder_is_the_day_pres007_starts() {
    // Expiry 30 Nov, 30 warning days: 31 Oct.
    assert_eq!(one(SEPT_1, "", Kind::ExtensionReminder).0, "2026-10-31");
    assert!(!fires("PRES007", SEPT_1, r#"{"asOf":"2026-10-30"}"#));
    assert!(fires("PRES007", SEPT_1, r#"{"asOf":"2026-10-31"}"#));
    let opts = r#"{"preservation":{"expiryWarningDays":10}}"#;
    assert_eq!(one(SEPT_1, opts, Kind::ExtensionReminder).0, "2026-11-20");
    assert!(!fires(
        "PRES007",
        SEPT_1,
        r#"{"asOf":"2026-11-19","preservation":{"expiryWarningDays":10}}"#
    ));
    assert!(fires(
        "PRES007",
        SEPT_1,
        r#"{"asOf":"2026-11-20","preservation":{"expiryWarningDays":10}}"#
    ));
}

#[test]
fn no_reminder_when_it_would_not_come_before_the_extension_is_due() {
    let x = r#"{"provider":{"profile":"x"},
        "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90}}"#;
    // 7 warning days and a 7-day lead: the same day, so only extension_due.
    none(
        x,
        r#"{"preservation":{"expiryWarningDays":7}}"#,
        Kind::ExtensionReminder,
    );
    none(
        x,
        r#"{"preservation":{"expiryWarningDays":3}}"#,
        Kind::ExtensionReminder,
    );
    assert_eq!(
        one(
            x,
            r#"{"preservation":{"expiryWarningDays":8}}"#,
            Kind::ExtensionReminder
        )
        .0,
        "2026-11-22"
    );
    none(
        SEPT_1,
        r#"{"preservation":{"expiryWarningDays":0}}"#,
        Kind::ExtensionReminder,
    );
}

const FRIDAY: &str = r#"{"preservation":{"status":"requested","requestedOn":"2026-11-27"}}"#;

#[test]
fn preservation_follow_up_counts_business_days_with_holidays() {
    // Friday 27 Nov + 2 business days: Tuesday 1 Dec; PRES003 fires the day after.
    assert_eq!(
        one(
            FRIDAY,
            r#"{"asOf":"2026-11-30"}"#,
            Kind::PreservationFollowUp
        ),
        ("2026-12-01".to_string(), 1)
    );
    assert_eq!(
        one(
            FRIDAY,
            r#"{"asOf":"2026-12-01"}"#,
            Kind::PreservationFollowUp
        )
        .1,
        0
    );
    assert!(!fires("PRES003", FRIDAY, r#"{"asOf":"2026-12-01"}"#));
    assert!(fires("PRES003", FRIDAY, r#"{"asOf":"2026-12-02"}"#));
    // A holiday on Monday moves it to Wednesday.
    let holiday = r#"{"asOf":"2026-12-02","holidays":["2026-11-30"]}"#;
    assert_eq!(
        one(FRIDAY, holiday, Kind::PreservationFollowUp),
        ("2026-12-02".to_string(), 0)
    );
    assert!(!fires("PRES003", FRIDAY, holiday));
    // Five business days over the year's end with two holidays: Thursday 24 Dec, then 28, 29,
    // 30, 31 Dec and (1 Jan a holiday, then the weekend) Monday 4 Jan.
    let f = r#"{"preservation":{"status":"requested","requestedOn":"2026-12-24"}}"#;
    let opts =
        r#"{"holidays":["2026-12-25","2027-01-01"],"preservation":{"responseBusinessDays":5}}"#;
    assert_eq!(one(f, opts, Kind::PreservationFollowUp).0, "2027-01-04");
    let no_holidays = r#"{"preservation":{"responseBusinessDays":5}}"#;
    assert_eq!(
        one(f, no_holidays, Kind::PreservationFollowUp).0,
        "2026-12-31"
    );
    let d = &of(f, opts, Kind::PreservationFollowUp)[0];
    assert!(d.detail.contains("5 business days"), "{}", d.detail);
    let one_day = &of(
        f,
        r#"{"preservation":{"responseBusinessDays":1}}"#,
        Kind::PreservationFollowUp,
    )[0];
    assert!(
        one_day.detail.contains("within 1 business day:"),
        "{}",
        one_day.detail
    );
}

#[test]
fn no_follow_up_once_the_provider_answered_or_when_preserved() {
    none(
        r#"{"preservation":{"status":"requested","requestedOn":"2026-11-27","reference":"G-1234"}}"#,
        "",
        Kind::PreservationFollowUp,
    );
    none(
        r#"{"preservation":{"status":"preserved","requestedOn":"2026-11-27"}}"#,
        "",
        Kind::PreservationFollowUp,
    );
    none(
        r#"{"preservation":{"status":"requested"}}"#,
        "",
        Kind::PreservationFollowUp,
    );
}

#[test]
fn written_follow_up_of_an_oral_emergency_request() {
    let f = r#"{"emergency":{"active":true,"oral":true,"writtenFollowUpOn":"2026-12-01"}}"#;
    for (as_of, left) in [("2026-11-30", 1), ("2026-12-01", 0), ("2026-12-02", -1)] {
        let opts = alloc::format!(r#"{{"asOf":"{as_of}"}}"#);
        assert_eq!(
            one(f, &opts, Kind::WrittenFollowUp),
            ("2026-12-01".to_string(), left)
        );
    }
    let by_type = r#"{"requestType":"emergency_disclosure","emergency":{"oral":"yes","writtenFollowUpOn":"2026-12-01"}}"#;
    assert_eq!(one(by_type, "", Kind::WrittenFollowUp).0, "2026-12-01");
    none(
        r#"{"emergency":{"active":true,"oral":false,"writtenFollowUpOn":"2026-12-01"}}"#,
        "",
        Kind::WrittenFollowUp,
    );
    none(
        r#"{"emergency":{"active":false,"oral":true,"writtenFollowUpOn":"2026-12-01"}}"#,
        "",
        Kind::WrittenFollowUp,
    );
    none(
        r#"{"emergency":{"active":true,"oral":true}}"#,
        "",
        Kind::WrittenFollowUp,
    );
}

#[test]
fn harm_expected_is_the_day_of_the_date_time() {
    let f = r#"{"emergency":{"active":true,"harmExpectedBy":"2026-12-03T23:30:00-10:00"}}"#;
    assert_eq!(
        one(f, "", Kind::HarmExpected),
        ("2026-12-03".to_string(), 4)
    );
    let plain =
        r#"{"requestType":"emergency_disclosure","emergency":{"harmExpectedBy":"2028-02-29"}}"#;
    assert_eq!(one(plain, "", Kind::HarmExpected).0, "2028-02-29");
    none(
        r#"{"emergency":{"active":false,"harmExpectedBy":"2026-12-03"}}"#,
        "",
        Kind::HarmExpected,
    );
    none(
        r#"{"emergency":{"active":true,"harmExpectedBy":"soon"}}"#,
        "",
        Kind::HarmExpected,
    );
}

#[test]
fn non_disclosure_ends_after_its_duration_from_submission() {
    let f = |submitted: &str, days: i64| {
        alloc::format!(
            r#"{{"submissionDate":"{submitted}","notification":{{"requestNonDisclosure":true,"reason":"r","durationDays":{days}}}}}"#
        )
    };
    assert_eq!(
        one(&f("2026-11-01", 90), "", Kind::NonDisclosureEnds).0,
        "2027-01-30"
    );
    assert_eq!(
        one(&f("2028-02-28", 1), "", Kind::NonDisclosureEnds).0,
        "2028-02-29"
    );
    assert_eq!(
        one(&f("2027-02-28", 1), "", Kind::NonDisclosureEnds).0,
        "2027-03-01"
    );
    assert_eq!(
        one(&f("2026-01-31", 30), "", Kind::NonDisclosureEnds).0,
        "2026-03-02"
    );
    for (as_of, left) in [("2026-11-29", 1), ("2026-11-30", 0), ("2026-12-01", -1)] {
        let opts = alloc::format!(r#"{{"asOf":"{as_of}"}}"#);
        assert_eq!(
            one(&f("2026-11-29", 1), &opts, Kind::NonDisclosureEnds),
            ("2026-11-30".to_string(), left)
        );
    }
    let d = &of(&f("2026-11-01", 1), "", Kind::NonDisclosureEnds)[0];
    assert!(
        d.detail.contains("for 1 day from 1 Nov 2026"),
        "{}",
        d.detail
    );
    assert_eq!(d.field, "notification.durationDays");
    none(&f("2026-11-01", 0), "", Kind::NonDisclosureEnds);
    none(&f("2026-11-01", -5), "", Kind::NonDisclosureEnds);
    // A duration beyond any calendar gives no date rather than a year 10 000.
    none(&f("2026-11-01", 9_000_000), "", Kind::NonDisclosureEnds);
    none(
        r#"{"submissionDate":"2026-11-01","notification":{"requestNonDisclosure":false,"durationDays":30}}"#,
        "",
        Kind::NonDisclosureEnds,
    );
    none(
        r#"{"notification":{"requestNonDisclosure":true,"durationDays":30}}"#,
        "",
        Kind::NonDisclosureEnds,
    );
}

#[test]
fn ordered_by_date_then_by_the_tables_order_and_overdue_ones_stay() {
    let f = r#"{"case":{"reference":"C-1"},"submissionDate":"2026-09-01",
        "preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90},
        "emergency":{"active":true,"oral":true,"writtenFollowUpOn":"2026-11-30","harmExpectedBy":"2026-11-01"},
        "notification":{"requestNonDisclosure":true,"durationDays":90}}"#;
    let all = due(f, "");
    let got: Vec<(String, &str)> = all
        .iter()
        .map(|d| (d.on.to_string(), d.kind.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-10-31".to_string(), "extension_reminder"),
            ("2026-11-01".to_string(), "harm_expected"),
            ("2026-11-30".to_string(), "preservation_expires"),
            ("2026-11-30".to_string(), "extension_due"),
            ("2026-11-30".to_string(), "written_follow_up"),
            ("2026-11-30".to_string(), "non_disclosure_ends"),
        ]
    );
    assert_eq!(all[0].days_left, -29);
    assert!(
        all.iter()
            .all(|d| d.case_reference.as_deref() == Some("C-1"))
    );
}

#[test]
fn unreadable_or_absent_dates_give_none_and_a_non_object_gives_nothing() {
    assert!(due("[]", "").is_empty());
    assert!(due("42", "").is_empty());
    assert!(due("not json", "").is_empty());
    assert!(due("{}", "").is_empty());
    // Both start dates unreadable: no window.
    assert!(
        due(
            r#"{"preservation":{"status":"preserved","confirmedOn":"2026-02-30","requestedOn":"x"}}"#,
            ""
        )
        .is_empty()
    );
    // An unreadable confirmedOn falls back to requestedOn, as the report does.
    let f = r#"{"preservation":{"status":"preserved","confirmedOn":"2026-02-30","requestedOn":"2026-09-01"}}"#;
    assert_eq!(one(f, "", Kind::PreservationExpires).0, "2026-11-30");
    // not_requested: no window, no deadline from it.
    assert!(
        due(
            r#"{"preservation":{"status":"not_requested","requestedOn":"2026-09-01"}}"#,
            ""
        )
        .is_empty()
    );
}

#[test]
fn the_provider_entity_is_the_reports() {
    let f = r#"{"requestingCountry":"FJ","provider":{"profile":"meta","userCountry":"FR"},
        "preservation":{"status":"preserved","confirmedOn":"2026-09-01"}}"#;
    let d = &due(f, "")[0];
    let facts = run(f, "").facts.provider_entity.unwrap();
    let entity = d.provider_entity.as_ref().unwrap();
    assert_eq!(entity.legal_entity, facts.legal_entity);
    assert_eq!(entity.country, facts.country);
    assert!(due(SEPT_1, "")[0].provider_entity.is_none());
    assert!(run(SEPT_1, "").facts.provider_entity.is_none());
}

#[test]
fn serializes_camel_case_as_the_contract_says() {
    let d = &of(
        SEPT_1,
        r#"{"asOf":"2026-11-29"}"#,
        Kind::PreservationExpires,
    )[0];
    let v = serde_json::to_value(d).unwrap();
    assert_eq!(v["kind"], "preservation_expires");
    assert_eq!(v["on"], "2026-11-30");
    assert_eq!(v["daysLeft"], 1);
    assert_eq!(v["field"], "preservation.confirmedOn");
    assert_eq!(v["caseReference"], "FJ-2026-118");
    assert_eq!(v["preservationReference"], "META-2026-0457");
    assert!(v["providerEntity"].is_null());
    assert!(v["title"].is_string() && v["detail"].is_string());
}

#[test]
fn every_kind_has_its_words_in_every_locale() {
    for locale in [crate::Locale::En, crate::Locale::Fr] {
        let words = messages::catalogue(locale);
        for kind in Kind::ALL {
            let (title, detail) = words.deadline(kind as usize, "");
            assert!(
                !title.is_empty() && !detail.is_empty(),
                "{locale:?} {kind:?}"
            );
            assert_eq!(words.deadlines.kinds[kind as usize].kind, kind.as_str());
        }
        // A variant without a title keeps its kind's; an unknown variant is the kind's own.
        let due = Kind::ExtensionDue as usize;
        let (t, d) = words.deadline(due, "sameDay");
        assert_eq!(t, words.deadline(due, "").0);
        assert_ne!(d, words.deadline(due, "").1);
        assert_eq!(words.deadline(due, "nope"), words.deadline(due, ""));
    }
}
