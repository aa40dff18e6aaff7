//! `marcheck due [PATH…]`: an office's deadlines (contract §9), most urgent first.
//!
//! Forms are read as `check` reads them (files, NDJSON, arrays, `-`), and folders are walked for
//! their `.json` files. Each form is read, its deadlines computed and the form dropped: only
//! the deadlines due within the window are kept (they must be sorted before anything is
//! written), so memory grows with the deadlines listed, not with the forms read.

use std::ffi::{OsStr, OsString};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use marcheck::calendar::Calendar;
use marcheck::deadlines::{Deadline, read_deadlines};

use super::{Args, Pos, USAGE, Unit, open, options_of, shown, split};

/// Exit status when some deadline is overdue.
const OVERDUE: u8 = 1;
/// Exit status when nothing is overdue but some input could not be read.
const UNREADABLE: u8 = 3;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Csv,
    Ics,
}

/// A deadline kept for the listing, and where its form starts.
struct Row {
    d: Deadline<'static>,
    /// Index into the names of the inputs.
    input: u32,
    at: Pos,
}

pub fn due(a: &Args) -> Result<ExitCode, String> {
    let format = match (a.format_given, a.format.as_str()) {
        (false, _) if io::stdout().is_terminal() => Format::Table,
        (false, _) => Format::Json,
        (true, "table") => Format::Table,
        (true, "json") => Format::Json,
        (true, "csv") => Format::Csv,
        (true, "ics") => Format::Ics,
        (true, other) => {
            return Err(format!(
                "--format is table, json, csv or ics, not {other}\n{USAGE}"
            ));
        }
    };
    let within: i64 = match &a.within {
        None => 30,
        Some(w) => w
            .trim()
            .parse()
            .ok()
            .filter(|n: &i64| (0..=36_500).contains(n))
            .ok_or_else(|| format!("--within {w}: expected a number of days, 0 to 36500"))?,
    };
    let options = options_of(a)?;
    let mut inputs: Vec<OsString> = Vec::new();
    let mut bad = 0usize;
    let paths: Vec<OsString> = if a.files.is_empty() {
        vec![OsString::from("-")]
    } else {
        a.files.clone()
    };
    for p in &paths {
        if p != "-" && Path::new(p).is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(Path::new(p), &mut found) {
                eprintln!("marcheck due: {}: {e}", shown(p));
                bad += 1;
            }
            found.sort();
            inputs.extend(found.into_iter().map(PathBuf::into_os_string));
        } else {
            inputs.push(p.clone());
        }
    }

    let mut rows: Vec<Row> = Vec::new();
    for (index, name) in inputs.iter().enumerate() {
        let label = shown(name);
        let input = match open(name) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("marcheck due: {e}");
                bad += 1;
                continue;
            }
        };
        let mut each = |at: Pos, unit: Unit<'_>| -> Result<bool, String> {
            let problem = match unit {
                Unit::Line(bytes) => {
                    // A line that starts with `{` and reads is a form; else split it as usual.
                    match std::str::from_utf8(bytes).map(|t| read_deadlines(t, &options)) {
                        Ok(Ok(list)) => {
                            keep(list, within, format, index, at, &mut rows);
                            return Ok(true);
                        }
                        _ => return Ok(false),
                    }
                }
                Unit::Unreadable(what) => Some(what),
                Unit::Text(bytes) => match std::str::from_utf8(bytes) {
                    Err(_) => Some("not UTF-8 text".to_string()),
                    Ok(text) => match read_deadlines(text, &options) {
                        Err(why) => Some(why),
                        Ok(list) => {
                            keep(list, within, format, index, at, &mut rows);
                            None
                        }
                    },
                },
            };
            if let Some(what) = problem {
                eprintln!("marcheck due: {}: {what}", at.label(&label));
                bad += 1;
            }
            Ok(true)
        };
        if let Err(e) = split(input, &label, &mut each) {
            eprintln!("marcheck due: {e}");
            bad += 1;
        }
    }
    // Most urgent first; the same day in the table's order, then in input order.
    rows.sort_by_key(|r| (r.d.on, r.d.kind));
    let names: Vec<String> = inputs.iter().map(|n| shown(n)).collect();
    let from = |r: &Row| {
        r.at.label(names.get(r.input as usize).map_or("", String::as_str))
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = match format {
        Format::Table => table(&mut out, &rows, &from),
        Format::Json => json(&mut out, &rows, &from),
        Format::Csv => csv(&mut out, &rows, &from),
        Format::Ics => {
            let mut c = Calendar::new(&options);
            for r in &rows {
                c.event(&r.d);
            }
            out.write_all(c.finish().as_bytes())
        }
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| format!("writing the deadlines: {e}"))?;
    // A reminder is not a deadline: one that has passed is listed (overdue), but only a
    // deadline proper that has passed makes the status say "something is overdue".
    let overdue =
        |r: &Row| r.d.days_left < 0 && r.d.kind != marcheck::deadlines::Kind::ExtensionReminder;
    Ok(if rows.iter().any(overdue) {
        ExitCode::from(OVERDUE)
    } else if bad > 0 {
        ExitCode::from(UNREADABLE)
    } else {
        ExitCode::SUCCESS
    })
}

/// Keeps a form's deadlines due within the window (the form itself is already dropped).
fn keep(
    list: Vec<Deadline<'static>>,
    within: i64,
    format: Format,
    input: usize,
    at: Pos,
    rows: &mut Vec<Row>,
) {
    for mut d in list {
        if d.days_left > within {
            continue;
        }
        if matches!(format, Format::Table | Format::Csv) {
            d.detail = String::new(); // not shown: not kept
        }
        rows.push(Row {
            d,
            input: input as u32,
            at,
        });
    }
}

/// The `.json` files under `dir`, recursively. Symbolic links to folders are not followed.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if path.extension() == Some(OsStr::new("json")) && !kind.is_dir() && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// A form's text for a terminal: control characters (an escape sequence, a line break) shown
/// as U+FFFD, so no value can move the cursor or split a row.
fn plain(t: &str) -> String {
    t.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn table(out: &mut impl Write, rows: &[Row], from: &dyn Fn(&Row) -> String) -> io::Result<()> {
    let header = ["DATE", "LEFT", "KIND", "CASE", "PROVIDER", "FROM"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            let d = &r.d;
            [
                d.on.to_string(),
                d.days_left_text.to_string(),
                d.kind.as_str().to_string(),
                plain(d.case_reference.as_deref().unwrap_or("—")),
                d.provider_entity.as_ref().map_or("—".to_string(), |e| {
                    plain(&format!("{} ({})", e.legal_entity, e.country))
                }),
                plain(&from(r)),
            ]
        })
        .collect();
    let mut width = header.map(|h| h.chars().count());
    for row in &cells {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[&str]| -> io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in row.iter().zip(width).enumerate() {
            s.push_str(c);
            if i + 1 < row.len() {
                s.extend(std::iter::repeat_n(' ', w - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, &header)?;
    for row in &cells {
        line(out, &row.each_ref().map(String::as_str))?;
    }
    Ok(())
}

fn json(out: &mut impl Write, rows: &[Row], from: &dyn Fn(&Row) -> String) -> io::Result<()> {
    for r in rows {
        let mut v = serde_json::to_value(&r.d).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("from".to_string(), serde_json::Value::String(from(r)));
        }
        writeln!(out, "{v}")?;
    }
    Ok(())
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a text that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a `'` first.
fn field(s: &str) -> String {
    let s = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv(out: &mut impl Write, rows: &[Row], from: &dyn Fn(&Row) -> String) -> io::Result<()> {
    write!(
        out,
        "on,daysLeft,kind,title,caseReference,preservationReference,providerEntity,providerCountry,from\r\n"
    )?;
    for r in rows {
        let d = &r.d;
        let text = |t: Option<&str>| field(t.unwrap_or(""));
        write!(
            out,
            "{},{},{},{},{},{},{},{},{}\r\n",
            d.on,
            d.days_left,
            d.kind.as_str(),
            field(&d.title),
            text(d.case_reference.as_deref()),
            text(d.preservation_reference.as_deref()),
            text(d.provider_entity.as_ref().map(|e| &*e.legal_entity)),
            text(d.provider_entity.as_ref().map(|e| e.country)),
            field(&from(r)),
        )?;
    }
    Ok(())
}
