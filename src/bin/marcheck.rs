//! `marcheck`: the command line, for servers and batch checks.
//!
//! ```text
//! marcheck check [--format json|text] [--as-of YYYY-MM-DD] [--locale en|fr] [--options FILE] FILE... | -
//! marcheck due [--within DAYS] [--format table|json|csv|ics] [--as-of YYYY-MM-DD] [--locale en|fr] [--options FILE] [PATH...]
//! marcheck rules [--markdown] [--locale en|fr]
//! marcheck providers
//! marcheck version
//! ```
//! A file holds one form, a JSON array of forms, or forms one per line (NDJSON). `check` prints
//! one JSON report per form (one per line, in input order), or a readable table with
//! `--format text`, and exits 1 when any form has an error, 2 on a usage or input problem.
//!
//! Every input is answered: text that cannot be read as a form (not JSON, not UTF-8, empty) is a
//! `FORM001` report in its place, and the rest of the input is still checked. The input is read
//! as a stream, one form at a time, so memory stays flat on a batch of any length — a top-level
//! array too, which is split into its elements without being read whole.

use std::ffi::{OsStr, OsString};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

// In its own folder: a file directly in src/bin/ would be taken for another binary.
#[path = "marcheck/due.rs"]
mod due;
#[path = "marcheck/json_out.rs"]
mod json_out;

use marcheck::{Date, Locale, Options, Report, Severity};

const USAGE: &str = "usage:
  marcheck check [--format json|text] [--as-of YYYY-MM-DD] [--locale en|fr] [--options FILE] FILE... | -
  marcheck due [--within DAYS] [--format table|json|csv|ics] [--as-of YYYY-MM-DD] [--locale en|fr] [--options FILE] [PATH...]
  marcheck rules [--markdown] [--locale en|fr]
  marcheck providers
  marcheck version

check: a FILE holds one form (a JSON object), a JSON array of forms, or one form per line
(NDJSON); '-' reads standard input. A UTF-8 byte order mark at the start is skipped.
It prints one report per form, in input order: JSON, one a line, or with --format text a
table labelled FILE (one form) or FILE:LINE[:COLUMN] (where each form starts).
Input that cannot be read as a form is a FORM001 report in its place, and the rest is still
checked: a line or array element that is not JSON or not UTF-8, and an empty or blank input
(\"empty input\").
Exit status: 0 no errors, 1 some form has an error (FORM001 included), 2 usage or input
problem (bad arguments or options, a file that cannot be opened or read).

due: the deadlines of the open requests (contract §9) due on or before --as-of + --within
days (default 30; overdue ones always), most urgent first, with the file and line each form
starts at. A PATH is a file as for check, a folder (its .json files, recursively) or '-' (the
default when no PATH is given). --format table (the default on a terminal; json otherwise, one
deadline a line), json, csv or ics (an iCalendar file). A file or a line that cannot be read as
a form is reported on standard error and the rest is listed.
Exit status: 0 nothing overdue, 1 something overdue, 3 nothing overdue but some input could not
be read, 2 usage or options problem.";

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
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

/// An argument as text: commands, options and their values are words, never file names.
fn text_arg<'a>(what: &str, a: &'a OsStr) -> Result<&'a str, String> {
    a.to_str()
        .ok_or_else(|| format!("{what} is not UTF-8 text: {}\n{USAGE}", a.to_string_lossy()))
}

/// The options of `check` and `rules`.
struct Args {
    files: Vec<OsString>,
    format: String,
    as_of: Option<String>,
    locale: Option<String>,
    options_file: Option<OsString>,
    markdown: bool,
    /// `due --within DAYS`.
    within: Option<String>,
    /// Whether `--format` was given (`due` picks its default by the terminal).
    format_given: bool,
}

fn run(args: &[OsString]) -> Result<ExitCode, String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    let cmd = text_arg("the command", cmd)?;
    let mut a = Args {
        files: Vec::new(),
        format: "json".to_string(),
        as_of: None,
        locale: None,
        options_file: None,
        markdown: false,
        within: None,
        format_given: false,
    };
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        let text = |name: &str, v: &OsStr| -> Result<String, String> {
            text_arg(&format!("the value of {name}"), v).map(str::to_string)
        };
        match arg.to_str() {
            Some("--format") => {
                a.format = text("--format", value("--format")?)?;
                a.format_given = true;
            }
            Some("--within") => a.within = Some(text("--within", value("--within")?)?),
            Some("--as-of") => a.as_of = Some(text("--as-of", value("--as-of")?)?),
            Some("--locale") => a.locale = Some(text("--locale", value("--locale")?)?),
            // A file name need not be UTF-8 text.
            Some("--options") => a.options_file = Some(value("--options")?.clone()),
            Some("--markdown") => a.markdown = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            _ => {
                let bytes = arg.as_encoded_bytes();
                if bytes == b"-" || !bytes.starts_with(b"-") {
                    a.files.push(arg.clone());
                } else {
                    let shown = arg.to_string_lossy();
                    return Err(match arg.to_str() {
                        Some(_) => format!("unknown option {shown}\n{USAGE}"),
                        None => format!("unknown option {shown} (not UTF-8 text)\n{USAGE}"),
                    });
                }
            }
        }
    }
    match cmd {
        "check" => check(&a),
        "due" => due::due(&a),
        "rules" => {
            let locale = a.locale.as_deref().map_or(Locale::En, Locale::parse);
            if a.markdown {
                print!("{}", marcheck::docs::rules_markdown());
            } else {
                println!(
                    "{}",
                    serde_json::to_string(&marcheck::rules_info(locale)).unwrap_or_default()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        "providers" => {
            println!(
                "{}",
                serde_json::to_string(&marcheck::providers_map(&Options::new(today())))
                    .unwrap_or_default()
            );
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

/// A name as it can be shown: the bytes that are not UTF-8 become U+FFFD.
fn shown(name: &OsStr) -> String {
    name.to_string_lossy().into_owned()
}

/// Opens `-` (standard input) or a file, buffered.
fn open(name: &OsStr) -> Result<Box<dyn BufRead>, String> {
    if name == "-" {
        Ok(Box::new(io::stdin().lock()))
    } else {
        let f =
            std::fs::File::open(Path::new(name)).map_err(|e| format!("{}: {e}", shown(name)))?;
        Ok(Box::new(io::BufReader::with_capacity(1 << 16, f)))
    }
}

/// Reads the options file whole (it is small), without its byte order mark.
fn read_options(name: &OsStr) -> Result<String, String> {
    let mut bytes = Vec::new();
    open(name)?
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", shown(name)))?;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec()).map_err(|_| format!("{}: not UTF-8 text", shown(name)))
}

fn check(a: &Args) -> Result<ExitCode, String> {
    if a.files.is_empty() {
        return Err(format!("check needs a FILE or '-'\n{USAGE}"));
    }
    let format = a.format.as_str();
    if format != "json" && format != "text" {
        return Err(format!("--format is json or text, not {format}"));
    }
    let options = options_of(a)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut any_error = false;
    for name in &a.files {
        let label = shown(name);
        let input = open(name)?;
        // A report waits until we know whether the input holds one form (labelled by the
        // input's name) or several (labelled name:line, where each starts).
        let mut pending: Option<(Pos, Report)> = None;
        let mut several = false;
        let mut line = Vec::new();
        let mut emit = |out: &mut BufWriter<_>, at: Pos, report: &Report, several: bool| {
            any_error |= !report.ok;
            let w = if format == "json" {
                line.clear();
                if json_out::write(report, &mut line).is_err() {
                    line.clear(); // not for a report (tests/golden.rs): serde_json's, then
                    line.extend_from_slice(report.to_json().as_bytes());
                }
                line.push(b'\n');
                out.write_all(&line)
            } else {
                let label = if several {
                    at.label(&label)
                } else {
                    label.clone()
                };
                write_text(out, &label, report)
            };
            w.map_err(|e| format!("writing the report: {e}"))
        };
        let mut each = |at: Pos, unit: Unit<'_>| -> Result<bool, String> {
            let report = match unit {
                Unit::Line(bytes) => {
                    match std::str::from_utf8(bytes)
                        .map(|t| marcheck::try_validate_json(t, &options))
                    {
                        Ok(Ok(report)) => report,
                        _ => return Ok(false), // split the usual way
                    }
                }
                Unit::Text(bytes) => match std::str::from_utf8(bytes) {
                    Ok(text) => marcheck::validate_json(text, &options),
                    Err(e) => {
                        let bad = at.after(bytes.get(..e.valid_up_to()).unwrap_or(bytes));
                        marcheck::unreadable_form(
                            &format!("not UTF-8 text (line {}, column {})", bad.line, bad.col),
                            &options,
                        )
                    }
                },
                Unit::Unreadable(what) => marcheck::unreadable_form(&what, &options),
            };
            if let Some((at, r)) = pending.take() {
                several = true;
                emit(&mut out, at, &r, true)?;
            }
            if several {
                emit(&mut out, at, &report, true)?;
            } else {
                pending = Some((at, report));
            }
            Ok(true)
        };
        split(input, &label, &mut each)?;
        if let Some((at, r)) = pending.take() {
            emit(&mut out, at, &r, several)?;
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

/// The options of `check` and `due`: `--options FILE`, then `--as-of` and `--locale`.
fn options_of(a: &Args) -> Result<Options, String> {
    let mut options = match &a.options_file {
        Some(f) => Options::from_json(&read_options(f)?, today()).map_err(|e| {
            // The library's message may carry its own "marcheck: ": say it once.
            let m = e.to_string();
            format!(
                "--options {}: {}",
                shown(f),
                m.strip_prefix("marcheck: ").unwrap_or(&m)
            )
        })?,
        None => Options::new(today()),
    };
    if let Some(d) = &a.as_of {
        options.as_of = Date::parse(d, marcheck::DateOrder::Ymd)
            .ok_or_else(|| format!("--as-of {d}: expected a date as YYYY-MM-DD"))?;
    }
    if let Some(l) = &a.locale {
        options.locale = Locale::parse(l);
    }
    Ok(options)
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

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where a piece of the input starts: line and column (in characters), from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Pos {
    line: usize,
    col: usize,
}

impl Pos {
    const START: Pos = Pos { line: 1, col: 1 };

    /// The position after `b`.
    fn step(self, b: u8) -> Pos {
        if b == b'\n' {
            Pos {
                line: self.line + 1,
                col: 1,
            }
        } else if b & 0xC0 == 0x80 {
            self // a UTF-8 continuation byte: the same character
        } else {
            Pos {
                line: self.line,
                col: self.col + 1,
            }
        }
    }

    /// The position after `bytes`.
    fn after(self, bytes: &[u8]) -> Pos {
        bytes.iter().fold(self, |p, &b| p.step(b))
    }

    /// `name:line`, or `name:line:column` when the piece does not start its line.
    fn label(self, name: &str) -> String {
        if self.col == 1 {
            format!("{name}:{}", self.line)
        } else {
            format!("{name}:{}:{}", self.line, self.col)
        }
    }
}

/// A piece of the input: a form's text to check, or what the command line itself found wrong.
enum Unit<'a> {
    Text(&'a [u8]),
    Unreadable(String),
    /// A whole line (trimmed, `{` to `}`; or a list's element that ends its line, before its
    /// comma) that is most likely one form: taken if it reads as one JSON value, which is then
    /// the piece the byte-by-byte split would give; else (`false` from `each`) the line is
    /// split byte by byte, as any other. Most of a batch's lines are taken: one pass over
    /// their text (the reader's), not two.
    Line(&'a [u8]),
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| !is_ws(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_ws(b))
        .map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or_default()
}

/// How documents are told apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Until the first line ends: it decides.
    Auto,
    /// One document a line (NDJSON): a line ends whatever it holds, so one bad line is reported
    /// alone and the next line starts afresh.
    Lines,
    /// Documents may span lines (pretty-printed): brackets are counted outside strings.
    Whole,
}

/// Gives a piece to check: `Ok(false)` when a [`Unit::Line`] was not taken.
type Each<'e> = dyn FnMut(Pos, Unit<'_>) -> Result<bool, String> + 'e;

/// Splits a stream into forms without reading it whole: documents (one per line, concatenated,
/// or pretty-printed over many lines), and the elements of a top-level array one by one.
/// Brackets are counted outside strings (escapes respected); the library checks each piece.
/// How many bytes from the start of `b` are inside a JSON string with nothing to track (no
/// quote, backslash or line end), and how many characters they are. Eight bytes at a time
/// (SWAR), then one at a time: most of a batch's bytes are texts (README, "Speed and size").
fn string_run(b: &[u8]) -> (usize, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let (mut i, mut chars) = (0, 0);
    while let Some(chunk) = b.get(i..i + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()) {
        let x = u64::from_le_bytes(chunk);
        if zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | zero(x ^ (ONES * u64::from(b'\n')))
            != 0
        {
            break;
        }
        // A UTF-8 continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
        let continuation = (x >> 7) & !(x >> 6) & ONES;
        chars += 8 - continuation.count_ones() as usize;
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if c == b'"' || c == b'\\' || c == b'\n' {
            break;
        }
        chars += usize::from(c & 0xC0 != 0x80);
        i += 1;
    }
    (i, chars)
}

struct Splitter {
    mode: Mode,
    pos: Pos,
    /// Bytes of the byte order mark seen so far, until it is known whether there is one.
    bom: Option<usize>,
    /// The piece being read, from its first byte that is not white space.
    cur: Vec<u8>,
    start: Pos,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// Inside a top-level array: where it started and how many elements it has given.
    list: Option<(Pos, usize)>,
    /// Pieces given so far.
    units: usize,
    /// The line being read was not taken whole ([`Unit::Line`]): it is split byte by byte
    /// to its end.
    slow: bool,
    /// Whether lines are tried whole at all (the tests compare with the byte-by-byte split).
    whole_lines: bool,
}

impl Splitter {
    fn new(mode: Mode, pos: Pos, bom: bool) -> Splitter {
        Splitter {
            mode,
            pos,
            bom: bom.then_some(0),
            cur: Vec::new(),
            start: pos,
            depth: 0,
            in_string: false,
            escaped: false,
            list: None,
            units: 0,
            slow: false,
            whole_lines: true,
        }
    }

    fn give(&mut self, at: Pos, unit: Unit<'_>, each: &mut Each<'_>) -> Result<(), String> {
        self.units += 1;
        each(at, unit).map(|_| ())
    }

    /// Gives the piece read so far (trimmed) and starts afresh.
    fn give_cur(&mut self, each: &mut Each<'_>) -> Result<(), String> {
        let cur = std::mem::take(&mut self.cur);
        self.units += 1;
        let r = each(self.start, Unit::Text(trim(&cur))).map(|_| ());
        self.cur = cur;
        self.cur.clear();
        (self.depth, self.in_string, self.escaped) = (0, false, false);
        r
    }

    /// Ends a top-level array that has no `]`: its last element if any, then, unless that
    /// element is itself cut short (it is then its own FORM001), a FORM001 for the array.
    fn end_open_list(&mut self, each: &mut Each<'_>) -> Result<(), String> {
        let Some((at, _)) = self.list.take() else {
            return Ok(());
        };
        let element_open = self.depth > 1 || self.in_string;
        let last = !trim(&self.cur).is_empty();
        if last {
            self.give_cur(each)?;
        }
        if !element_open {
            let what = format!(
                "JSON: the list of forms that starts at line {}, column {} is not closed (no ']')",
                at.line, at.col
            );
            self.give(self.pos, Unit::Unreadable(what), each)?;
        }
        self.cur.clear();
        (self.depth, self.in_string, self.escaped) = (0, false, false);
        Ok(())
    }

    /// Strings and brackets: true when `b` closes the value it is in.
    fn track(&mut self, b: u8) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
                return true;
            }
            return false;
        }
        match b {
            b'"' => self.in_string = true,
            b'{' | b'[' => self.depth += 1,
            b'}' | b']' => {
                self.depth = self.depth.saturating_sub(1);
                return true;
            }
            _ => {}
        }
        false
    }

    /// Whether the reader stands at the start of a line that may be taken whole: one form a
    /// line (NDJSON), or the elements of a top-level array spread over lines.
    fn at_line_start(&self) -> bool {
        let lines = match self.list {
            None => self.mode == Mode::Lines,
            Some(_) => self.mode == Mode::Whole && self.depth == 1,
        };
        lines
            && self.whole_lines
            && !self.slow
            && self.pos.col == 1
            && self.cur.is_empty()
            && !self.in_string
            && self.bom.is_none()
            && (self.list.is_some() || self.depth == 0)
    }

    /// A whole line, `line` (without its `\n`), at the start of a line: `true` if it was
    /// taken (a blank line, or a [`Unit::Line`] that `each` took).
    fn whole_line(&mut self, line: &[u8], each: &mut Each<'_>) -> Result<bool, String> {
        let lead = line.iter().take_while(|&&b| is_ws(b)).count();
        let piece = trim(line);
        let piece = match self.list {
            // An element followed by its comma; the last one (no comma) waits for the `]`.
            Some(_) => match piece.strip_suffix(b",").map(trim) {
                Some(p) if !p.is_empty() => p,
                None if piece.is_empty() => piece,
                _ => return Ok(false), // `,` alone is a missing element: split as usual
            },
            None => piece,
        };
        if !piece.is_empty() {
            if !(piece.starts_with(b"{") && piece.ends_with(b"}")) {
                return Ok(false);
            }
            let at = Pos {
                line: self.pos.line,
                col: 1 + lead,
            };
            if !each(at, Unit::Line(piece))? {
                return Ok(false);
            }
            self.units += 1;
            if let Some((list_at, n)) = self.list {
                self.list = Some((list_at, n + 1));
            }
        }
        self.pos = Pos {
            line: self.pos.line + 1,
            col: 1,
        };
        Ok(true)
    }

    /// Reads a chunk of the input. A line that holds one form is taken whole; else the bytes
    /// of a string, most of a form, are taken as a run.
    fn feed(&mut self, mut chunk: &[u8], each: &mut Each<'_>) -> Result<(), String> {
        while let Some((&b, rest)) = chunk.split_first() {
            if self.at_line_start() {
                match memchr::memchr(b'\n', chunk) {
                    Some(n) => {
                        let (line, after) = chunk.split_at(n);
                        if self.whole_line(line, each)? {
                            chunk = after.get(1..).unwrap_or_default();
                            continue;
                        }
                        self.slow = true;
                    }
                    // The line goes on in the next chunk: it is split byte by byte.
                    None => self.slow = true,
                }
            }
            if self.in_string && !self.escaped && self.bom.is_none() {
                let (n, chars) = string_run(chunk);
                if n > 0 {
                    let (run, rest) = chunk.split_at(n);
                    self.cur.extend_from_slice(run);
                    // No line ends in the run: only the column moves, by whole characters.
                    self.pos.col += chars;
                    chunk = rest;
                    continue;
                }
            }
            self.byte(b, each)?;
            chunk = rest;
        }
        Ok(())
    }

    fn byte(&mut self, b: u8, each: &mut Each<'_>) -> Result<(), String> {
        if let Some(seen) = self.bom {
            if BOM.get(seen) == Some(&b) {
                self.bom = (seen + 1 < BOM.len()).then_some(seen + 1);
                return Ok(());
            }
            // Not a byte order mark after all: what was held back is text.
            self.bom = None;
            for &h in BOM.get(..seen).unwrap_or_default() {
                self.byte(h, each)?;
            }
        }
        let at = self.pos;
        self.pos = at.step(b);
        if b == b'\n' {
            self.slow = false;
        }
        if self.list.is_some() {
            return self.list_byte(b, at, each);
        }
        if self.cur.is_empty() && self.depth == 0 && !self.in_string {
            if is_ws(b) {
                if b == b'\n' && self.mode == Mode::Auto && self.units > 0 {
                    self.mode = Mode::Lines; // the first document fit on its line
                }
                return Ok(());
            }
            if b == b'[' {
                self.list = Some((at, 0));
                self.depth = 1;
                return Ok(());
            }
            self.start = at;
        }
        self.cur.push(b);
        let closes = self.track(b);
        let open = self.depth > 0 || self.in_string;
        if b == b'\n' {
            if !open {
                return self.give_cur(each); // a bare scalar (`null`, `42`) ends with its line
            }
            match self.mode {
                Mode::Lines => return self.give_cur(each),
                Mode::Auto => self.mode = Mode::Whole,
                Mode::Whole => {}
            }
        }
        if closes && !open {
            self.give_cur(each)?;
        }
        Ok(())
    }

    /// A byte inside a top-level array: elements are cut at its commas.
    fn list_byte(&mut self, b: u8, at: Pos, each: &mut Each<'_>) -> Result<(), String> {
        let top = self.depth == 1 && !self.in_string;
        if top && self.cur.is_empty() && is_ws(b) && b != b'\n' {
            return Ok(());
        }
        if top && (b == b',' || b == b']') {
            let Some((list_at, n)) = self.list else {
                return Ok(());
            };
            if b == b']' && n == 0 && trim(&self.cur).is_empty() {
                // `[]`: checked as it is, one FORM001 like any value that is not a form.
                self.list = None;
                self.units += 1;
                each(list_at, Unit::Text(b"[]"))?;
            } else {
                if self.cur.is_empty() {
                    self.start = at; // an element that is missing: `[{},]`, `[,{}]`
                }
                self.give_cur(each)?;
                self.list = (b == b',').then_some((list_at, n + 1));
            }
            self.depth = if b == b',' { 1 } else { 0 };
            return Ok(());
        }
        if b == b'\n' {
            match self.mode {
                Mode::Lines => return self.end_open_list(each),
                Mode::Auto => self.mode = Mode::Whole,
                Mode::Whole => {}
            }
            if top && self.cur.is_empty() {
                return Ok(());
            }
        }
        if self.cur.is_empty() {
            self.start = at;
        }
        self.cur.push(b);
        // A `}` or `]` never closes the array here: only its own `]` at the top does.
        if !self.in_string && matches!(b, b'}' | b']') && self.depth == 1 {
            return Ok(());
        }
        self.track(b);
        Ok(())
    }

    /// The end of the input: what is still open, and an input that gave nothing.
    fn finish(mut self, each: &mut Each<'_>) -> Result<usize, String> {
        if let Some(seen) = self.bom.take() {
            for &h in BOM.get(..seen).unwrap_or_default() {
                self.byte(h, each)?;
            }
        }
        if self.list.is_some() {
            self.end_open_list(each)?;
        } else if !trim(&self.cur).is_empty() {
            let open = self.depth > 0 || self.in_string;
            let cur = std::mem::take(&mut self.cur);
            if open
                && self.mode == Mode::Whole
                && (cur.windows(2).any(|w| w == b"\n{" || w == b"\n["))
            {
                // A document that never closes, followed by lines that start a document: most
                // likely NDJSON with a bad first line. Read it again one line at a time, so the
                // other lines are still checked.
                let mut again = Splitter::new(Mode::Lines, self.start, false);
                again.whole_lines = self.whole_lines;
                again.feed(&cur, each)?;
                self.units += again.finish(each)?;
            } else {
                self.units += 1;
                each(self.start, Unit::Text(trim(&cur)))?;
            }
        }
        if self.units == 0 {
            self.units += 1;
            each(Pos::START, Unit::Unreadable("empty input".to_string()))?;
        }
        Ok(self.units)
    }
}

/// Reads `input` in chunks and gives each form (or unreadable piece) to `each`, in order.
fn split(mut input: Box<dyn BufRead>, name: &str, each: &mut Each<'_>) -> Result<(), String> {
    let mut s = Splitter::new(Mode::Auto, Pos::START, true);
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("{name}: {e}")),
        };
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len();
        s.feed(chunk, each)?;
        input.consume(n);
    }
    s.finish(each).map(|_| ())
}

#[cfg(test)]
mod string_run_tests {
    use super::string_run;

    /// The byte loop it replaces.
    fn naive(b: &[u8]) -> (usize, usize) {
        let n = (b.iter())
            .position(|&c| c == b'"' || c == b'\\' || c == b'\n')
            .unwrap_or(b.len());
        let chars = b[..n].iter().filter(|&&c| c & 0xC0 != 0x80).count();
        (n, chars)
    }

    #[test]
    fn it_agrees_with_a_byte_loop_at_every_offset() {
        let text = "abc é€😀 Vanuatu \"x\" \\ y\nz ééééééééé 0123456789abcdef";
        for start in 0..text.len() {
            let b = &text.as_bytes()[start..];
            for end in 0..=b.len() {
                assert_eq!(string_run(&b[..end]), naive(&b[..end]), "{start}..{end}");
            }
        }
    }
}

#[cfg(test)]
mod whole_line_tests {
    use super::{Each, Mode, Pos, Splitter, Unit};
    use proptest::prelude::*;

    /// What a split gives: each piece's position and its bytes (or what was unreadable).
    #[derive(Debug, PartialEq)]
    enum Piece {
        Text(Pos, Vec<u8>),
        Unreadable(Pos, String),
    }

    /// Splits `input` fed in chunks of `sizes` (cycled); with `whole`, lines that read as one
    /// JSON value are taken whole, as `check` and `due` take them; without, it is split byte
    /// by byte.
    fn pieces(input: &[u8], sizes: &[usize], whole: bool) -> Vec<Piece> {
        let mut out = Vec::new();
        let options = marcheck::Options::new(marcheck::date::EPOCH);
        let mut each = |at: Pos, unit: Unit<'_>| -> Result<bool, String> {
            match unit {
                Unit::Line(b) => {
                    let reads = std::str::from_utf8(b)
                        .is_ok_and(|t| marcheck::try_validate_json(t, &options).is_ok());
                    assert!(whole, "no line is tried whole");
                    if !reads {
                        return Ok(false);
                    }
                    out.push(Piece::Text(at, b.to_vec()));
                }
                Unit::Text(b) => out.push(Piece::Text(at, b.to_vec())),
                Unit::Unreadable(w) => out.push(Piece::Unreadable(at, w)),
            }
            Ok(true)
        };
        let each: &mut Each<'_> = &mut each;
        let mut s = Splitter::new(Mode::Auto, Pos::START, true);
        s.whole_lines = whole;
        let mut rest = input;
        for &n in sizes.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (chunk, r) = rest.split_at(n.clamp(1, rest.len()));
            s.feed(chunk, each).unwrap();
            rest = r;
        }
        s.finish(each).unwrap();
        out
    }

    /// Lines as a batch has them, and lines that are not one form.
    const LINES: &[&str] = &[
        r#"{"requestType":"formal_mar","case":{"reference":"A/1"}}"#,
        r#"{"a":"}","b":"\"{"}"#,
        r#"  {"a":[1,{"b":2}]}  "#,
        "{}",
        "{},",
        "  {\"x\":1} ,",
        "{\"a\":1}\r",
        r#"{"a":1} {"b":2}"#,
        r#"{"a":1},{"b":2},"#,
        r#"{"a":"é€😀"}"#,
        "{\"a\":\"\u{feff}\"}",
        "\u{feff}{}",
        "{bad}",
        "{\"a\":",
        "\"x\"",
        "null",
        "42",
        "[",
        "[{}",
        "[{},",
        "]",
        "],",
        ",",
        "",
        "   ",
        "\t\r",
        "}",
        "{\"a\":\"\\ud83d\"}",
        "{\"a\":\"x\\",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Taking a line whole gives the pieces, positions and order that splitting it byte by
        /// byte gives: whatever the lines, the chunk sizes and where a chunk ends.
        #[test]
        fn whole_lines_split_as_byte_by_byte(
            lines in prop::collection::vec(
                prop_oneof![
                    3 => prop::sample::select(LINES).prop_map(|l| l.as_bytes().to_vec()),
                    1 => prop::collection::vec(any::<u8>(), 0..6),
                ],
                0..12,
            ),
            ends in prop::collection::vec(prop::sample::select(&["\n", "\r\n", "", " "][..]), 12),
            sizes in prop::collection::vec(1usize..80, 1..5),
        ) {
            let mut input = Vec::new();
            for (l, e) in lines.iter().zip(ends.iter().cycle()) {
                input.extend_from_slice(l);
                input.extend_from_slice(e.as_bytes());
            }
            prop_assert_eq!(pieces(&input, &sizes, true), pieces(&input, &sizes, false));
        }
    }

    /// Inputs where taking a line whole could go wrong, split at every chunk size.
    #[test]
    fn whole_lines_split_as_byte_by_byte_at_the_edges() {
        let inputs: &[&str] = &[
            "{}\n{}\n{}\n",
            "{}\n{}\n{}",
            "{}\r\n  {} \r\n\r\n{}\r\n",
            "{}\n{} {}\n{}{}\n{}\n",
            "{}\n{\"a\":\n1}\n{}\n",
            "{}\n[{}, {}]\n{}\n",
            "{}\n[\n{}\n",
            "[\n{},\n]\n",
            "[\n{},\n{}\n]\n",
            "[\n{},\n,\n{}\n]\n",
            "[\n  {} ,\n\n{},{},\n{}]\n",
            "[\n{},\n{},\n",
            "[\n{},\n{\"a\":[1,\n2]},\n{}\n]\n{}\n",
            "[{},\n{},\n]\n",
            "\u{feff}{}\n{}\n",
            "{}\n\u{feff}{}\n{}\n",
            "{\"a\":\"x\ny\"}\n{}\n{}\n",
        ];
        for input in inputs {
            for size in 1..=input.len() {
                assert_eq!(
                    pieces(input.as_bytes(), &[size], true),
                    pieces(input.as_bytes(), &[size], false),
                    "{input:?} in chunks of {size}"
                );
            }
        }
    }

    #[test]
    fn a_batch_is_taken_whole_line_by_line() {
        let line = r#"{"requestType":"formal_mar"}"#;
        let ndjson = format!("{line}\n{line}\n{line}\n");
        let array = format!("[\n{line},\n{line},\n{line}\n]\n");
        for input in [ndjson, array] {
            let mut taken = 0;
            let options = marcheck::Options::new(marcheck::date::EPOCH);
            let mut each = |_: Pos, unit: Unit<'_>| -> Result<bool, String> {
                if let Unit::Line(b) = unit {
                    let t = std::str::from_utf8(b).unwrap();
                    assert!(marcheck::try_validate_json(t, &options).is_ok());
                    taken += 1;
                }
                Ok(true)
            };
            let mut s = Splitter::new(Mode::Auto, Pos::START, true);
            s.feed(input.as_bytes(), &mut each).unwrap();
            s.finish(&mut each).unwrap();
            // The first line decides the mode; the array's last element waits for its `]`.
            assert_eq!(taken, 2, "{input}");
        }
    }
}
