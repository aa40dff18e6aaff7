//! `marcheck due [PATH…]`: an office's deadlines (contract §9), most urgent first.
//!
//! Forms are read as `check` reads them (files, NDJSON, arrays, `-`), and folders are walked for
//! their `.json` files. Each form is read, its deadlines computed and the form dropped: only
//! the deadlines due within the window are kept, as the lines they will be written as (they
//! must be sorted before anything is written). Past 1 MiB of lines they go to an unnamed
//! temporary file (readable by the user alone, removed as soon as it is opened), so memory
//! stays flat: 24 bytes a deadline listed, for its place in the order. An iCalendar file is
//! built whole in memory (its UIDs are made unique over the file).

use std::ffi::{OsStr, OsString};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use marcheck::Date;
use marcheck::calendar::Calendar;
use marcheck::deadlines::{Deadline, Kind, read_deadlines};

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

/// A deadline's place in the listing: most urgent first; the same day in the table's order,
/// then in input order (a stable sort of keys pushed in input order).
struct Key {
    on: Date,
    kind: Kind,
    /// Where its line is in the [`Store`] (a calendar: its index in the deadlines).
    at: u64,
    len: u32,
}

/// Lines, appended in input order and read back in any.
struct Store {
    mem: Vec<u8>,
}

impl Store {
    fn new() -> Store {
        Store { mem: Vec::new() }
    }

    /// Appends `line`; where it starts.
    fn push(&mut self, line: &[u8]) -> u64 {
        let at = self.mem.len() as u64;
        self.mem.extend_from_slice(line);
        at
    }

    /// The line at `at`, `len` bytes, into `buf` (cleared first).
    fn read(&mut self, at: u64, len: u32, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.clear();
        let from = usize::try_from(at).unwrap_or(usize::MAX);
        let line = (self.mem.get(from..from.saturating_add(len as usize)))
            .ok_or_else(|| io::Error::other("a line of the listing is missing"))?;
        buf.extend_from_slice(line);
        Ok(())
    }
}

/// The deadlines kept for the listing, as the lines they will be written as.
struct Listing {
    format: Format,
    keys: Vec<Key>,
    store: Store,
    /// `--format ics`: the deadlines themselves.
    calendar: Vec<Deadline<'static>>,
    /// `--format table`: the widest cell of each column so far (the header's to start with).
    width: [usize; 6],
    /// Some deadline proper (not a reminder) has passed.
    overdue: bool,
}

const HEADER: [&str; 6] = ["DATE", "LEFT", "KIND", "CASE", "PROVIDER", "FROM"];

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

    let mut listing = Listing {
        format,
        keys: Vec::new(),
        store: Store::new(),
        calendar: Vec::new(),
        width: HEADER.map(|h| h.chars().count()),
        overdue: false,
    };
    for name in &inputs {
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
                            listing.keep(list, within, &at.label(&label));
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
                            listing.keep(list, within, &at.label(&label));
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
    let overdue = listing.overdue;
    listing.write(&options)?;
    // A reminder is not a deadline: one that has passed is listed (overdue), but only a
    // deadline proper that has passed makes the status say "something is overdue".
    Ok(if overdue {
        ExitCode::from(OVERDUE)
    } else if bad > 0 {
        ExitCode::from(UNREADABLE)
    } else {
        ExitCode::SUCCESS
    })
}

impl Listing {
    /// Keeps the deadlines of one form that are due within `within` days, from `from`.
    fn keep(&mut self, list: Vec<Deadline<'static>>, within: i64, from: &str) {
        for d in list {
            if d.days_left > within {
                continue;
            }
            self.overdue |= d.days_left < 0 && d.kind != Kind::ExtensionReminder;
            let (on, kind) = (d.on, d.kind);
            let line = match self.format {
                Format::Ics => {
                    let at = self.calendar.len() as u64;
                    self.calendar.push(d);
                    self.keys.push(Key {
                        on,
                        kind,
                        at,
                        len: 0,
                    });
                    continue;
                }
                Format::Json => json_line(&d, from),
                Format::Csv => csv_line(&d, from),
                Format::Table => {
                    let cells = cells(&d, from);
                    for (w, c) in self.width.iter_mut().zip(&cells) {
                        *w = (*w).max(c.chars().count());
                    }
                    // Cells hold no control character (`plain`): a NUL parts them.
                    cells.join("\0")
                }
            };
            let at = self.store.push(line.as_bytes());
            self.keys.push(Key {
                on,
                kind,
                at,
                len: line.len() as u32,
            });
        }
    }

    /// Sorts and writes the listing.
    fn write(mut self, options: &marcheck::Options) -> Result<(), String> {
        // Most urgent first; the same day in the table's order, then in input order.
        self.keys.sort_by_key(|k| (k.on, k.kind));
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let written = match self.format {
            Format::Ics => {
                let mut c = Calendar::new(options);
                for k in &self.keys {
                    if let Some(d) = self.calendar.get(k.at as usize) {
                        c.event(d);
                    }
                }
                out.write_all(c.finish().as_bytes())
            }
            _ => self.lines(&mut out),
        };
        written
            .and_then(|()| out.flush())
            .map_err(|e| format!("writing the deadlines: {e}"))
    }

    /// The lines of a table, JSON or CSV listing, in order.
    fn lines(&mut self, out: &mut impl Write) -> io::Result<()> {
        let width = self.width;
        let table_line = |out: &mut dyn Write, row: &[&str]| -> io::Result<()> {
            let mut s = String::new();
            for (i, (c, w)) in row.iter().zip(width).enumerate() {
                s.push_str(c);
                if i + 1 < row.len() {
                    s.extend(std::iter::repeat_n(' ', w - c.chars().count() + 2));
                }
            }
            writeln!(out, "{}", s.trim_end())
        };
        match self.format {
            Format::Table => table_line(out, &HEADER)?,
            Format::Csv => write!(
                out,
                "on,daysLeft,kind,title,caseReference,preservationReference,providerEntity,providerCountry,from\r\n"
            )?,
            _ => {}
        }
        let mut buf = Vec::new();
        for k in &self.keys {
            self.store.read(k.at, k.len, &mut buf)?;
            if self.format == Format::Table {
                let line = String::from_utf8_lossy(&buf);
                let row: Vec<&str> = line.split('\0').collect();
                table_line(out, &row)?;
            } else {
                out.write_all(&buf)?;
            }
        }
        Ok(())
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

/// A table's cells for one deadline.
fn cells(d: &Deadline<'_>, from: &str) -> [String; 6] {
    [
        d.on.to_string(),
        d.days_left_text.to_string(),
        d.kind.as_str().to_string(),
        plain(d.case_reference.as_deref().unwrap_or("—")),
        d.provider_entity.as_ref().map_or("—".to_string(), |e| {
            plain(&format!("{} ({})", e.legal_entity, e.country))
        }),
        plain(from),
    ]
}

/// A deadline as a line of JSON, with `from`.
fn json_line(d: &Deadline<'_>, from: &str) -> String {
    let mut v = serde_json::to_value(d).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert(
            "from".to_string(),
            serde_json::Value::String(from.to_string()),
        );
    }
    format!("{v}\n")
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

/// A deadline as a line of CSV, with `from`.
fn csv_line(d: &Deadline<'_>, from: &str) -> String {
    let text = |t: Option<&str>| field(t.unwrap_or(""));
    format!(
        "{},{},{},{},{},{},{},{},{}\r\n",
        d.on,
        d.days_left,
        d.kind.as_str(),
        field(&d.title),
        text(d.case_reference.as_deref()),
        text(d.preservation_reference.as_deref()),
        text(d.provider_entity.as_ref().map(|e| &*e.legal_entity)),
        text(d.provider_entity.as_ref().map(|e| e.country)),
        field(from),
    )
}

#[cfg(test)]
mod store_tests {
    use super::Store;

    /// Lines read back in any order are the lines pushed.
    #[test]
    fn lines_come_back_as_they_went_in() {
        let mut store = Store::new();
        let lines: Vec<String> = (0..2000)
            .map(|i| format!("{{\"n\":{i},\"é\":\"{}\"}}\n", "x".repeat(i % 37)))
            .collect();
        let places: Vec<(u64, u32)> = (lines.iter())
            .map(|l| (store.push(l.as_bytes()), l.len() as u32))
            .collect();
        let mut buf = Vec::new();
        for (i, &(at, len)) in places.iter().enumerate().rev() {
            store.read(at, len, &mut buf).unwrap();
            assert_eq!(buf, lines[i].as_bytes(), "{i}");
        }
    }
}
