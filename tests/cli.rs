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

mod common;
use common::marcheck_os;

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
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let out = v.get("form").unwrap().to_string();
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
    let report = serde_json::from_str::<serde_json::Value>(text.trim()).unwrap();
    assert_eq!(report.get("ok"), Some(&serde_json::Value::Bool(true)));
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
fn rules_and_providers_and_version() {
    let out = marcheck(&["rules"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let rules = serde_json::from_str::<serde_json::Value>(text.trim()).unwrap();
    assert!(
        matches!(rules, serde_json::Value::Array(ref r) if r.len() == marcheck::rules::RULES.len())
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

// ---- Issue 11: every input answered, nothing lost. ----

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

/// `check --as-of 2026-11-29 [extra...] -` with `input` on standard input.
fn check_stdin(extra: &[&str], input: &[u8]) -> Output {
    let mut args: Vec<&OsStr> = vec![
        OsStr::new("check"),
        OsStr::new("--as-of"),
        OsStr::new("2026-11-29"),
    ];
    args.extend(extra.iter().map(OsStr::new));
    args.push(OsStr::new("-"));
    marcheck_os(&args, input)
}

/// The JSON reports printed, one a line; fails the test on a line that is not JSON.
fn reports(out: &Output) -> Vec<String> {
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    text.lines()
        .map(|l| {
            assert!(
                serde_json::from_str::<serde_json::Value>(l).is_ok(),
                "not a JSON report: {l}"
            );
            l.to_string()
        })
        .collect()
}

/// A report that is exactly one FORM001 for the whole form (an input that could not be read).
fn is_unreadable(report: &str) -> bool {
    report.contains("\"code\":\"FORM001\"")
        && report.contains("\"field\":\"\"")
        && report.contains("\"counts\":{\"error\":1,")
}

fn no_signal(out: &Output) {
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        out.status.signal(),
        None,
        "killed by a signal: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    let dir = std::env::temp_dir();
    let mut name = OsString::from(format!("marcheck-cli-{}-", std::process::id()));
    name.push(OsStr::from_bytes(b"\xff\xfe-form.json"));
    let path = dir.join(&name);
    std::fs::write(&path, br#"{"requestingCountry":"FJ"}"#).unwrap();
    let out = marcheck_os(
        &[
            OsStr::new("check"),
            OsStr::new("--format"),
            OsStr::new("text"),
            path.as_os_str(),
        ],
        b"",
    );
    let _ = std::fs::remove_file(&path);
    no_signal(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // The label is the name as far as it can be shown (U+FFFD for the bytes that are not UTF-8).
    assert!(
        text.contains("\u{fffd}\u{fffd}-form.json: NOT READY"),
        "{text}"
    );
    assert!(
        text.contains("requestedCountry"),
        "the form itself was checked: {text}"
    );
    // A name that is not UTF-8 and does not exist: an input problem, said clearly.
    let missing = dir.join(OsStr::from_bytes(b"marcheck-no-such-\xff.json"));
    let out = marcheck_os(&[OsStr::new("check"), missing.as_os_str()], b"");
    no_signal(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("marcheck-no-such-"));
}

#[test]
fn an_option_value_or_command_that_is_not_utf8_exits_2() {
    let bad = OsStr::from_bytes(b"\xff");
    for (args, says) in [
        (
            vec![
                OsStr::new("check"),
                OsStr::new("--locale"),
                bad,
                OsStr::new("-"),
            ],
            "--locale",
        ),
        (
            vec![
                OsStr::new("check"),
                OsStr::new("--format"),
                bad,
                OsStr::new("-"),
            ],
            "--format",
        ),
        (
            vec![
                OsStr::new("check"),
                OsStr::new("--as-of"),
                bad,
                OsStr::new("-"),
            ],
            "--as-of",
        ),
        (
            vec![OsStr::new("rules"), OsStr::new("--locale"), bad],
            "--locale",
        ),
        (vec![bad], "command"),
        (
            vec![
                OsStr::new("check"),
                OsStr::from_bytes(b"--\xff"),
                OsStr::new("-"),
            ],
            "option",
        ),
    ] {
        let out = marcheck_os(&args, b"{}");
        no_signal(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(says) && err.contains("UTF-8"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn an_empty_input_is_a_form001_report_not_a_silent_0() {
    for input in [
        &b""[..],
        b"   \n\t\r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF \n",
    ] {
        let out = check_stdin(&[], input);
        no_signal(&out);
        assert_eq!(out.status.code(), Some(1), "{input:?}");
        let r = reports(&out);
        assert_eq!(r.len(), 1, "{input:?}: {r:?}");
        assert!(
            is_unreadable(&r[0]) && r[0].contains("empty input"),
            "{}",
            r[0]
        );
        let out = check_stdin(&["--format", "text"], input);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with("-: NOT READY") && text.contains("FORM001"),
            "{text}"
        );
    }
    let empty = tempfile::Path::with("empty.json", "");
    let out = marcheck(&["check", empty.as_str()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(is_unreadable(&reports(&out)[0]));
}

#[test]
fn a_bad_ndjson_line_is_reported_for_that_line_and_the_others_are_checked() {
    let good = r#"{"requestingCountry":"FJ","requestedCountry":"US"}"#;
    for (input, bad_lines) in [
        (format!("{good}\n{{not json\n{good}\n"), vec![2]),
        (format!("{{not json\n{good}\n{good}\n"), vec![1]),
        (format!("{good}\n{good}\n[{{}}, {{\n"), vec![3]),
        (
            format!("{good}\n{{\"a\": \"no end\n{good}\n}}\n"),
            vec![2, 4],
        ),
    ] {
        let out = check_stdin(&[], input.as_bytes());
        no_signal(&out);
        assert_eq!(out.status.code(), Some(1), "{input}");
        let r = reports(&out);
        let text =
            String::from_utf8(check_stdin(&["--format", "text"], input.as_bytes()).stdout).unwrap();
        for line in [1, 2, 3] {
            if !bad_lines.contains(&line) {
                assert!(
                    text.contains(&format!("-:{line}: NOT READY")),
                    "line {line}: {text}"
                );
            }
        }
        // A bad line's report is labelled with its line (and a column when it does not start
        // the line), and says FORM001.
        for line in &bad_lines {
            let lines: Vec<&str> = text.lines().collect();
            let found = lines.windows(2).any(|w| {
                w[0].starts_with(&format!("-:{line}:"))
                    && w[0].contains("NOT READY — 1 error(s)")
                    && w[1].contains("FORM001")
            });
            assert!(found, "line {line}: {text}");
        }
        let unreadable = r.iter().filter(|r| is_unreadable(r)).count();
        assert_eq!(unreadable, bad_lines.len(), "{input}: {r:?}");
        let checked = r
            .iter()
            .filter(|r| r.contains("\"requestedCountry\"") || r.contains("AUTH001"))
            .count();
        assert!(checked >= 2, "the good lines are checked: {r:?}");
    }
}

#[test]
fn a_utf8_bom_at_the_start_is_skipped() {
    let form = br#"{"requestingCountry":"FJ"}"#;
    let plain = check_stdin(&[], form);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(form);
    let out = check_stdin(&[], &with_bom);
    assert_eq!(reports(&out), reports(&plain));
    let f = tempfile::Path::with("bom.json", "\u{feff}{\"requestingCountry\":\"FJ\"}\n");
    let out = marcheck(&["check", "--as-of", "2026-11-29", f.as_str()], None);
    assert_eq!(reports(&out), reports(&plain));
}

#[test]
fn trailing_nuls_are_reported_where_they_are() {
    let out = check_stdin(&["--format", "text"], b"{}\0\0");
    no_signal(&out);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("-:1: NOT READY"), "the form: {text}");
    let at = text
        .find("-:1:3: NOT READY")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(text[at..].contains("FORM001"), "{text}");
    // Bytes that are not UTF-8 are a FORM001 that says where.
    let out = check_stdin(&["--format", "text"], b"{}\n{\"a\":\n\"x\xff\"}\n");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("line 3, column 3"), "{text}");
}

#[test]
fn an_options_error_has_one_prefix() {
    let bad = tempfile::Path::with(
        "bad-opts2.json",
        r#"{"preservation":{"expiryWarningDays":-3}}"#,
    );
    let out = marcheck(&["check", "--options", bad.as_str(), "-"], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("marcheck: ") && !err.contains("marcheck: marcheck:"),
        "{err}"
    );
}

#[test]
fn a_top_level_list_is_a_batch_element_by_element() {
    let r = reports(&check_stdin(&[], b"[{}, {\"requestingCountry\":\"FJ\"}]"));
    assert_eq!(r.len(), 2);
    assert!(!r.iter().any(|r| is_unreadable(r)));
    // An element that is not a form is one FORM001; the others are still checked.
    let out = check_stdin(&["--format", "text"], b"[{},\n 1,\n {}]");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("NOT READY").count(), 3, "{text}");
    let at = text
        .find("-:2:2: NOT READY")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        text[at..].lines().nth(1).unwrap().contains("FORM001"),
        "{text}"
    );
    // An empty list, and a list that does not close, are reported too.
    let r = reports(&check_stdin(&[], b"[]"));
    assert_eq!(r.len(), 1);
    assert!(is_unreadable(&r[0]));
    let r = reports(&check_stdin(&[], b"[{}, {}"));
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(is_unreadable(&r[2]) && r[2].contains("not closed"), "{r:?}");
    // Strings hold brackets and commas without splitting anything.
    let r = reports(&check_stdin(
        &[],
        br#"[{"case":{"facts":"a, ] } [ \" ,"}}, {}]"#,
    ));
    assert_eq!(r.len(), 2, "{r:?}");
    assert!(!r.iter().any(|r| is_unreadable(r)));
}

#[test]
fn text_that_is_not_json_is_a_form001_report() {
    let out = marcheck(&["check", "-"], Some("{not json"));
    assert_eq!(out.status.code(), Some(1));
    let r = reports(&out);
    assert_eq!(r.len(), 1);
    assert!(is_unreadable(&r[0]));
}

#[test]
fn a_top_level_list_is_read_element_by_element_in_flat_memory() {
    // 40 forms of 50 000 numbers each: 4 MB of text whose whole tree needs well over 100 MB,
    // checked under a 64 MB address-space limit. Read whole, it aborts (exit 134); read one
    // element at a time, each needs a few MB.
    let element = format!("{{\"x\":[{}]}}", vec!["0"; 50_000].join(","));
    let list = format!("[{}]", vec![element; 40].join(","));
    let f = tempfile::Path::with("wide.json", &list);
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 64000 && exec \"$0\" check --as-of 2026-11-29 \"$1\"")
        .arg(env!("CARGO_BIN_EXE_marcheck"))
        .arg(f.as_str())
        .output()
        .unwrap();
    no_signal(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(reports(&out).len(), 40);
}

/// Issue 15: a lone surrogate escape (what a JavaScript `str.slice` leaves of an emoji, written
/// by `JSON.stringify`) is text with U+FFFD on the command line too: the form is read, not lost.
#[test]
fn a_lone_surrogate_is_read_as_text() {
    let out = check_stdin(
        &[],
        br#"{"case":{"reference":"FPF-\ud83d","facts":"\udc00 a"},"authority":{"name":"x\ud800"}}"#,
    );
    no_signal(&out);
    let reports = reports(&out);
    assert_eq!(reports.len(), 1);
    assert!(!is_unreadable(&reports[0]), "{}", reports[0]);
    assert!(!reports[0].contains("FORM001"), "{}", reports[0]);
}
