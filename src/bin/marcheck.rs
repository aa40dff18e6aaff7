//! `marcheck`: the command line, for servers and batch checks.
//!
//! ```text
//! marcheck check [--format json|text] [--as-of YYYY-MM-DD] [--locale en|fr] [--options FILE] FILE... | -
//! marcheck rules [--markdown] [--locale en|fr]
//! marcheck providers
//! marcheck version
//! ```
//! A file holds one form, a JSON array of forms, or forms one per line (NDJSON). `check` prints
//! one JSON report per form (one per line), or a readable table with `--format text`, and exits
//! 1 when any form has an error, 2 on a usage or input problem.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use serde_json::Value;
use marcheck::{Date, Locale, Options, Severity};

const USAGE: &str = "usage:
  marcheck check [--format json|text] [--as-of YYYY-MM-DD] [--locale en|fr] [--options FILE] FILE... | -
  marcheck rules [--markdown] [--locale en|fr]
  marcheck providers
  marcheck version

check: a FILE holds one form, a JSON array of forms, or one form per line; '-' reads standard input.
Exit status: 0 no errors, 1 some form has an error, 2 usage or input problem.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("marcheck: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The server's local date, as the browser uses the officer's.
#[cfg(target_arch = "wasm32")]
fn today() -> Date {
    marcheck::date::EPOCH // the command line is not built for the browser
}

/// The server's local date, as the browser uses the officer's.
#[cfg(not(target_arch = "wasm32"))]
fn today() -> Date {
    use chrono::Datelike;
    let now = chrono::Local::now().date_naive();
    Date::from_ymd(now.year(), now.month(), now.day()).unwrap_or(marcheck::date::EPOCH)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    let mut files = Vec::new();
    let mut format = "json".to_string();
    let mut as_of = None;
    let mut locale = None;
    let mut options_file = None;
    let mut markdown = false;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--format" => format = value("--format")?,
            "--as-of" => as_of = Some(value("--as-of")?),
            "--locale" => locale = Some(value("--locale")?),
            "--options" => options_file = Some(value("--options")?),
            "--markdown" => markdown = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            f if f == "-" || !f.starts_with('-') => files.push(f.to_string()),
            other => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    match cmd.as_str() {
        "check" => check(&files, &format, as_of, locale, options_file),
        "rules" => {
            let locale = locale.as_deref().map_or(Locale::En, Locale::parse);
            if markdown {
                print!("{}", marcheck::docs::rules_markdown());
            } else {
                println!("{}", serde_json::to_string(&marcheck::rules_info(locale)).unwrap_or_default());
            }
            Ok(ExitCode::SUCCESS)
        }
        "providers" => {
            println!("{}", serde_json::Value::Object(marcheck::providers_map(&Options::new(today()))));
            Ok(ExitCode::SUCCESS)
        }
        "version" | "--version" => {
            println!("marcheck {}", marcheck::VERSION);
            Ok(ExitCode::SUCCESS)
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

fn read_input(name: &str) -> Result<String, String> {
    if name == "-" {
        let mut s = String::new();
        io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(name).map_err(|e| format!("{name}: {e}"))
    }
}

fn check(
    files: &[String],
    format: &str,
    as_of: Option<String>,
    locale: Option<String>,
    options_file: Option<String>,
) -> Result<ExitCode, String> {
    if files.is_empty() {
        return Err(format!("check needs a FILE or '-'\n{USAGE}"));
    }
    if format != "json" && format != "text" {
        return Err(format!("--format is json or text, not {format}"));
    }
    let options_text = match &options_file {
        Some(f) => read_input(f)?,
        None => "null".to_string(),
    };
    let mut options = Options::from_json(&options_text, today()).map_err(|e| e.to_string())?;
    if let Some(d) = as_of {
        options.as_of = Date::parse(&d, marcheck::DateOrder::Ymd)
            .ok_or_else(|| format!("--as-of {d}: expected a date as YYYY-MM-DD"))?;
    }
    if let Some(l) = locale {
        options.locale = Locale::parse(&l);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut any_error = false;
    for name in files {
        let input: Box<dyn BufRead> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            Box::new(io::BufReader::new(
                std::fs::File::open(name).map_err(|e| format!("{name}: {e}"))?,
            ))
        };
        // A report waits until we know whether the file holds one form (labelled by the file's
        // name) or several (labelled name:line).
        let mut pending: Option<(usize, marcheck::Report)> = None;
        let mut several = false;
        let mut emit =
            |out: &mut BufWriter<_>, line: usize, report: &marcheck::Report, several: bool| {
                any_error |= !report.ok;
                let label = if several {
                    format!("{name}:{line}")
                } else {
                    name.clone()
                };
                let w = if format == "json" {
                    writeln!(out, "{}", report.to_json())
                } else {
                    write_text(out, &label, report)
                };
                w.map_err(|e| format!("writing the report: {e}"))
            };
        each_document(input, name, |line, doc| {
            let forms = match marcheck::parse_form(doc) {
                // A JSON array of forms is a batch; any other value is one form.
                Ok(Value::Array(items))
                    if !items.is_empty() && items.iter().all(|v| matches!(v, Value::Object(_))) =>
                {
                    items
                }
                Ok(v) => vec![v],
                Err(e) => return Err(format!("{name}:{line}: {e}")),
            };
            for form in &forms {
                let report = marcheck::validate(form, &options);
                if let Some((l, r)) = pending.take() {
                    several = true;
                    emit(&mut out, l, &r, true)?;
                }
                if several || forms.len() > 1 {
                    several = true;
                    emit(&mut out, line, &report, true)?;
                } else {
                    pending = Some((line, report));
                }
            }
            Ok(())
        })?;
        if let Some((l, r)) = pending.take() {
            emit(&mut out, l, &r, several)?;
        }
    }
    out.flush()
        .map_err(|e| format!("writing the report: {e}"))?;
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_text(out: &mut impl Write, label: &str, r: &marcheck::Report) -> io::Result<()> {
    let verdict = if r.ok { "ok" } else { "NOT READY" };
    writeln!(
        out,
        "{label}: {verdict} — {} error(s), {} warning(s), {} info",
        r.counts.error, r.counts.warning, r.counts.info
    )?;
    for f in &r.findings {
        let sev = match f.severity {
            Severity::Error => "error  ",
            Severity::Warning => "warning",
            Severity::Info => "info   ",
        };
        let field = if f.field.is_empty() {
            "(form)"
        } else {
            &f.field
        };
        writeln!(out, "  {sev} {:<8} {field}: {}", f.code, f.message)?;
        if !f.help.is_empty() {
            writeln!(out, "  {:16} → {}", "", f.help)?;
        }
    }
    if let Some(exp) = r.facts.preservation_expires_on {
        let left = r.facts.preservation_days_left.unwrap_or(0);
        writeln!(out, "  preservation expires {exp} ({left} day(s) left)")?;
    }
    Ok(())
}

/// Splits a stream into JSON documents (one per line, concatenated, or pretty-printed over many
/// lines) without reading it all: brackets are counted outside strings, so memory stays flat on a
/// batch of any length. `each` gets the line a document starts on and its text.
fn each_document(
    mut input: Box<dyn BufRead>,
    name: &str,
    mut each: impl FnMut(usize, &str) -> Result<(), String>,
) -> Result<(), String> {
    let mut doc: Vec<u8> = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut start_line) = (1usize, 1usize);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("{name}: {e}"))?;
        if n == 0 {
            break;
        }
        for &b in &buf {
            if doc.is_empty() && depth == 0 && b.is_ascii_whitespace() {
                if b == b'\n' {
                    line += 1;
                }
                continue;
            }
            if doc.is_empty() {
                start_line = line;
            }
            doc.push(b);
            let mut ends = false;
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    ends = depth == 0;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        ends = depth == 0;
                    }
                    // A bare scalar at the top (`null`, `42`) ends with the line.
                    b'\n' if depth == 0 => ends = true,
                    _ => {}
                }
            }
            if b == b'\n' {
                line += 1;
            }
            if ends {
                let text = std::str::from_utf8(&doc)
                    .map_err(|_| format!("{name}:{start_line}: not UTF-8 text"))?;
                each(start_line, text.trim())?;
                doc.clear();
            }
        }
    }
    if !doc.is_empty() {
        let text = std::str::from_utf8(&doc)
            .map_err(|_| format!("{name}:{start_line}: not UTF-8 text"))?;
        if depth > 0 || in_string {
            let e = marcheck::parse_form(text.trim())
                .err()
                .unwrap_or_else(|| "the document is not closed".to_string());
            return Err(format!("{name}:{start_line}: {e}"));
        }
        each(start_line, text.trim())?;
    }
    Ok(())
}
