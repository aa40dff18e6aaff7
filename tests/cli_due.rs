//! `marcheck due` (contract §9) on the sample office (`examples/office/`), with a golden output
//! per format (`tests/due/office.*`; `UPDATE_GOLDEN=1 cargo test --test cli_due` rewrites them),
//! and its inputs, window, exit status and bad input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::{marcheck_in, marcheck_os};

const AS_OF: &str = "2026-11-20";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `marcheck` from the repository root (so labels read `examples/office/…`).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    marcheck_in(Some(&root()), &args, stdin)
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn the_sample_office_matches_its_golden_output_in_every_format() {
    for format in ["table", "json", "csv", "ics"] {
        let out = run(
            &[
                "due",
                "--as-of",
                AS_OF,
                "--format",
                format,
                "examples/office",
            ],
            b"",
        );
        assert_eq!(out.status.code(), Some(1), "{format}: something is overdue");
        assert_eq!(text(&out.stderr), "", "{format}");
        let golden = root().join(format!("tests/due/office.{format}"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &out.stdout).unwrap();
        }
        assert_eq!(
            text(&out.stdout),
            text(&std::fs::read(&golden).unwrap()),
            "{format}: rerun with UPDATE_GOLDEN=1 if the change is meant"
        );
    }
}

#[test]
fn most_urgent_first_with_the_file_and_line_of_each_form() {
    let out = run(
        &[
            "due",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "examples/office",
        ],
        b"",
    );
    let rows: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(rows.len() >= 10);
    let dates: Vec<&str> = rows.iter().map(|r| r["on"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // Overdue ones are listed, and the window stops at asOf + 30 days.
    assert!(rows.iter().any(|r| r["daysLeft"].as_i64().unwrap() < -30));
    assert!(rows.iter().all(|r| r["daysLeft"].as_i64().unwrap() <= 30));
    // A form inside an array is labelled by its line and column.
    assert!(
        rows.iter()
            .any(|r| r["from"] == "examples/office/archive/2026-q3.json:10:3")
    );
    // The folder is read recursively: the archive's form is there, the Microsoft one (expiring
    // in 2027) is not.
    assert!(
        rows.iter()
            .all(|r| r["caseReference"] != "FPF-CCU-2026-0211")
    );
    for r in &rows {
        for key in [
            "kind",
            "on",
            "daysLeft",
            "field",
            "title",
            "detail",
            "caseReference",
            "preservationReference",
            "providerEntity",
            "from",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
    }
}

#[test]
fn within_widens_and_narrows_the_window() {
    let count = |within: &str| {
        let out = run(
            &[
                "due",
                "--as-of",
                AS_OF,
                "--within",
                within,
                "--format",
                "json",
                "examples/office",
            ],
            b"",
        );
        text(&out.stdout).lines().count()
    };
    let (zero, thirty, year) = (count("0"), count("30"), count("365"));
    assert!(zero < thirty && thirty < year, "{zero} {thirty} {year}");
    // --within 0: only what is due today or overdue.
    let out = run(
        &[
            "due",
            "--as-of",
            AS_OF,
            "--within",
            "0",
            "--format",
            "json",
            "examples/office",
        ],
        b"",
    );
    for l in text(&out.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v["daysLeft"].as_i64().unwrap() <= 0);
    }
}

#[test]
fn exit_status_says_whether_anything_is_overdue() {
    let form = std::fs::read(root().join("examples/office/meta-investment-fraud.json")).unwrap();
    // Expires 1 Dec 2026, its reminder on 1 Nov: on 31 Oct only the reminder is within 30 days
    // and nothing is overdue; on 2 Dec everything is.
    let on_time = run(
        &["due", "--as-of", "2026-10-31", "--format", "json", "-"],
        &form,
    );
    assert_eq!(on_time.status.code(), Some(0));
    assert_eq!(text(&on_time.stdout).lines().count(), 1);
    let late = run(
        &["due", "--as-of", "2026-12-02", "--format", "json", "-"],
        &form,
    );
    assert_eq!(late.status.code(), Some(1));
    // On 15 Nov its reminder (1 Nov) has passed and is listed as overdue, but a reminder is not
    // a deadline: nothing is overdue until the extension is due (Meta: on the expiry day).
    let reminded = run(
        &["due", "--as-of", "2026-11-15", "--format", "json", "-"],
        &form,
    );
    let listed = text(&reminded.stdout);
    assert!(
        listed.contains("\"kind\":\"extension_reminder\""),
        "{listed}"
    );
    assert!(listed.contains("\"daysLeft\":-14"), "{listed}");
    assert_eq!(reminded.status.code(), Some(0));
    // Standard input is the default.
    let default = run(&["due", "--as-of", "2026-10-31", "--format", "json"], &form);
    assert_eq!(default.stdout, on_time.stdout);
    // Nothing due at all.
    let none = run(&["due", "--as-of", AS_OF, "--format", "table", "-"], b"{}");
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(text(&none.stdout).lines().count(), 1, "the header alone");
}

#[test]
fn bad_files_and_lines_are_reported_in_place_and_the_rest_listed() {
    let good = r#"{"case":{"reference":"A-1"},"preservation":{"status":"preserved","confirmedOn":"2026-09-02"}}"#;
    let input = format!("{good}\n{{not json\n42\n{good}\n");
    // On 20 Oct each good form has one deadline within 30 days: its reminder, on 1 Nov.
    let out = run(
        &["due", "--as-of", "2026-10-20", "--format", "json", "-"],
        input.as_bytes(),
    );
    let err = text(&out.stderr);
    assert!(err.contains("-:2: not JSON"), "{err}");
    assert!(err.contains("-:3: not a form"), "{err}");
    let rows: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    assert_eq!(rows.len(), 2, "both good forms' deadlines");
    assert!(rows.iter().any(|r| r.contains("\"from\":\"-:1\"")));
    assert!(rows.iter().any(|r| r.contains("\"from\":\"-:4\"")));
    assert_eq!(
        out.status.code(),
        Some(3),
        "nothing overdue, but input was unreadable"
    );
    // A missing file and bytes that are not UTF-8: reported, the office still listed.
    let missing = run(
        &[
            "due",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "no/such/file.json",
            "examples/office",
        ],
        b"",
    );
    assert!(text(&missing.stderr).contains("no/such/file.json"));
    assert!(text(&missing.stdout).lines().count() >= 10);
    assert_eq!(missing.status.code(), Some(1), "overdue wins");
    let binary = marcheck_os(
        &[
            OsStr::new("due"),
            OsStr::new("--as-of"),
            OsStr::new("2026-10-20"),
            OsStr::new("--format"),
            OsStr::new("json"),
            OsStr::new("-"),
        ],
        b"\xff\xfe{\n",
    );
    assert!(text(&binary.stderr).contains("not UTF-8"));
    assert_eq!(binary.status.code(), Some(3));
}

#[test]
fn usage_problems_exit_2() {
    for args in [
        &["due", "--format", "xml"][..],
        &["due", "--within", "-1"],
        &["due", "--within", "soon"],
        &["due", "--as-of", "20/11/2026"],
        &["due", "--bogus"],
    ] {
        let out = run(args, b"{}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!text(&out.stderr).is_empty());
    }
}

#[test]
fn no_form_value_garbles_a_table_or_a_csv() {
    let form = r#"{"case":{"reference":"=HYPERLINK(\"x\")\u001b[2J\nEVIL"},"preservation":{"status":"preserved","confirmedOn":"2026-09-02"}}"#;
    let table = run(
        &["due", "--as-of", AS_OF, "--format", "table", "-"],
        form.as_bytes(),
    );
    let t = text(&table.stdout);
    assert!(!t.contains('\u{1b}'));
    assert_eq!(t.lines().count(), 4, "a header and three rows: {t}");
    let csv = run(
        &["due", "--as-of", AS_OF, "--format", "csv", "-"],
        form.as_bytes(),
    );
    let c = text(&csv.stdout);
    assert!(c.contains(",\"'=HYPERLINK(\"\"x\"\")"), "{c}");
}

#[test]
fn french_texts_with_locale() {
    let out = run(
        &[
            "due",
            "--as-of",
            AS_OF,
            "--locale",
            "fr",
            "--format",
            "table",
            "examples/office",
        ],
        b"",
    );
    let t = text(&out.stdout);
    assert!(t.contains("jours de retard"), "{t}");
    assert!(t.contains("jours restants"), "{t}");
}
