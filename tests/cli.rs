//! The command line as a server or a batch job uses it.
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn marcheck(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_marcheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        // The command may exit before reading (a usage problem): a closed pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The `form` of a fixture file, written to a temporary file.
fn form_file(name: &str) -> tempfile::Path {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let v = marcheck::json::parse(&text).unwrap();
    let mut out = String::new();
    marcheck::json::write_value(&mut out, v.get("form").unwrap());
    tempfile::Path::with(name, &out)
}

mod tempfile {
    pub struct Path(pub std::path::PathBuf);
    impl Path {
        pub fn with(name: &str, text: &str) -> Path {
            // Tests run in parallel threads of one process: each file gets its own number.
            static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let p = std::env::temp_dir()
                .join(format!("marcheck-cli-{}-{n}-{name}", std::process::id()));
            std::fs::write(&p, text).unwrap();
            Path(p)
        }
        pub fn as_str(&self) -> &str {
            self.0.to_str().unwrap()
        }
    }
    impl Drop for Path {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

#[test]
fn a_valid_form_exits_0_with_a_json_report() {
    let f = form_file("valid-mar.json");
    let out = marcheck(&["check", "--as-of", "2026-10-12", f.as_str()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let report = marcheck::json::parse(text.trim()).unwrap();
    assert_eq!(report.get("ok"), Some(&marcheck::json::Value::Bool(true)));
}

#[test]
fn an_error_exits_1_and_text_format_is_readable() {
    let f = form_file("lapsed-preservation.json");
    let out = marcheck(
        &[
            "check",
            "--format",
            "text",
            "--as-of",
            "2026-12-04",
            f.as_str(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("NOT READY"), "{text}");
    assert!(
        text.contains("PRES006") && text.contains("preservation.confirmedOn"),
        "{text}"
    );
    assert!(
        text.contains("The preservation expired on 30 Nov 2026"),
        "{text}"
    );
}

#[test]
fn reads_standard_input_ndjson_and_arrays() {
    let ndjson = "{\"requestingCountry\":\"FJ\"}\n{}\n{\"requestType\":\"formal_mar\"}\n";
    let out = marcheck(&["check", "--as-of", "2026-11-29", "-"], Some(ndjson));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        3,
        "one report per form"
    );
    let out = marcheck(&["check", "--as-of", "2026-11-29", "-"], Some("[{}, {}]"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
}

#[test]
fn locale_and_options_file() {
    let opts = tempfile::Path::with("opts.json", r#"{"rules":{"LOC005":"error"},"locale":"fr"}"#);
    let f = form_file("valid-mar.json");
    let out = marcheck(
        &[
            "check",
            "--options",
            opts.as_str(),
            "--as-of",
            "2026-10-12",
            "--format",
            "text",
            f.as_str(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "LOC005 raised to an error");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("États-Unis"), "{text}");
    let out = marcheck(
        &[
            "check",
            "--locale",
            "en",
            "--options",
            opts.as_str(),
            "--as-of",
            "2026-10-12",
            "--format",
            "text",
            f.as_str(),
        ],
        None,
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("United States"),
        "--locale wins over the file"
    );
}

#[test]
fn usage_problems_exit_2_with_a_clear_message() {
    for (args, says) in [
        (vec!["check"], "needs a FILE"),
        (vec!["check", "--as-of", "29/11/2026", "-"], "--as-of"),
        (vec!["check", "--format", "xml", "-"], "--format"),
        (vec!["check", "/no/such/file.json"], "/no/such/file.json"),
        (vec!["frobnicate"], "unknown command"),
    ] {
        let out = marcheck(&args, Some("{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let bad = tempfile::Path::with(
        "bad-opts.json",
        r#"{"preservation":{"expiryWarningDays":-3}}"#,
    );
    let out = marcheck(&["check", "--options", bad.as_str(), "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("preservation.expiryWarningDays")
    );
}

#[test]
fn text_that_is_not_json_is_a_usage_problem() {
    let out = marcheck(&["check", "-"], Some("{not json"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_and_providers_and_version() {
    let out = marcheck(&["rules"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let rules = marcheck::json::parse(text.trim()).unwrap();
    assert!(
        matches!(rules, marcheck::json::Value::Array(ref r) if r.len() == marcheck::rules::RULES.len())
    );
    let out = marcheck(&["providers"], None);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\"us_default\"")
    );
    let out = marcheck(&["version"], None);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("marcheck {}", marcheck::VERSION)
    );
}
