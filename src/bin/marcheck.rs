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

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use marcheck::json::{self, Value};
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
                print!("{}", rules_markdown());
            } else {
                println!("{}", marcheck::rules_json(locale));
            }
            Ok(ExitCode::SUCCESS)
        }
        "providers" => {
            println!("{}", marcheck::providers_json(&Options::new(today())));
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
        let text = read_input(name)?;
        // One form, a list of forms, or one per line.
        let forms: Vec<Value<'_>> = match json::parse(&text) {
            Ok(Value::Array(items))
                if items.iter().all(|v| matches!(v, Value::Object(_))) && !items.is_empty() =>
            {
                items
            }
            Ok(v) => vec![v],
            Err(whole) => match json::parse_many(&text) {
                Ok(many) if !many.is_empty() => many,
                _ => return Err(format!("{name}: {whole}")),
            },
        };
        for (i, form) in forms.iter().enumerate() {
            let report = marcheck::validate(form, &options);
            any_error |= !report.ok;
            let w = if format == "json" {
                writeln!(out, "{}", report.to_json())
            } else {
                write_text(&mut out, name, i, forms.len(), &report)
            };
            w.map_err(|e| format!("writing the report: {e}"))?;
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

fn write_text(
    out: &mut impl Write,
    name: &str,
    i: usize,
    n: usize,
    r: &marcheck::Report,
) -> io::Result<()> {
    let label = if n > 1 {
        format!("{name} #{}", i + 1)
    } else {
        name.to_string()
    };
    let verdict = if r.ok { "ok" } else { "NOT READY" };
    writeln!(
        out,
        "{label}: {verdict} — {} error(s), {} warning(s), {} info",
        r.errors, r.warnings, r.infos
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

/// The rule catalogue as Markdown, from the rule table itself (`docs/rules.md`).
fn rules_markdown() -> String {
    let words = marcheck::messages::catalogue(Locale::En);
    let mut s = String::from(
        "# marcheck rules\n\n<!-- Generated by `marcheck rules --markdown` from the rule table (src/rules/). Do not edit: run `make docs`. -->\n\n",
    );
    s.push_str("Severities are defaults; `options.rules` overrides any of them (`\"off\"`, `\"info\"`, `\"warning\"`, `\"error\"`).\n\n");
    s.push_str("| code | severity | field | what it checks | source |\n|---|---|---|---|---|\n");
    let esc = |t: &str| t.replace('|', "\\|");
    for r in marcheck::rules::RULES {
        let text = words.exact(r.code).cloned().unwrap_or_default();
        s.push_str(&format!(
            "| {} | {} | `{}` | **{}.** {} | {} |\n",
            r.code,
            r.severity.as_str(),
            esc(r.field),
            esc(text.title),
            esc(text.description),
            esc(r.source)
        ));
    }
    s
}
