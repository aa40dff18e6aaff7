//! # marcheck
//!
//! Checks a Mutual Assistance Request (MAR) for internet records while it is typed: the
//! preservation window to the day, the records' location, emergency requests, identifiers, CSAM
//! handling and the other rules of the catalogue (`docs/rules.md`).
//!
//! The core is pure Rust and reads no clock: "today" is [`Options::as_of`]. The same core runs
//! natively (the `marcheck` command line, a portal's server) and in the browser through the thin
//! wasm layer (`src/wasm.rs`).
//!
//! ```
//! use marcheck::{validate_json, Date, Options};
//! let options = Options::new(Date::from_ymd(2026, 11, 29).unwrap());
//! let report = validate_json(r#"{"preservation": {"status": "preserved", "confirmedOn": "2026-09-01",
//!     "reference": "META-2026-0457"}}"#, &options);
//! assert_eq!(report.facts.preservation_expires_on.map(|d| d.to_string()).as_deref(), Some("2026-11-30"));
//! assert_eq!(report.facts.preservation_days_left, Some(1));
//! assert!(report.findings.iter().any(|f| f.code == "PRES007"));
//! ```
//!
//! Flow: **read** (lenient, `FORM001`) → **derive** (facts, once) → **check** (each rule) →
//! **report** (severity overrides, form order, messages in the locale).

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

extern crate alloc;

// Layers, bottom to top: nothing imports a module above it.
pub mod country; // plain values
pub mod date;
pub mod docs;
pub mod facts; // derived once
pub mod form; // the model and its lenient reader
pub mod lenient;
pub mod messages; // texts per locale
pub mod options; // data and settings
pub mod path;
pub mod providers;
pub mod report; // findings and messages assembled
pub mod rule; // the rules' vocabulary
pub mod rules; // one declaration per rule
pub mod session; // a form held in the core
pub mod text; // docs/rules.md, from the declarations

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use date::{Date, DateOrder};
pub use options::{Locale, Options, OptionsError};
pub use report::{Finding, Report, ReportFacts};
pub use rule::{Param, Severity};
pub use session::Session;

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use serde::Serialize;
use serde_json::Value;

use facts::Facts;
use rule::Hit;

/// The crate's version (also the npm package's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The deepest nesting of arrays and objects the core reads in a form. The model is four levels
/// deep (`preservation.extensions[0].requestedOn`), so a value nested deeper is already of the
/// wrong type at its field (`FORM001` there); what lies below this depth is never looked at.
pub const MAX_DEPTH: usize = 64;

/// Checks a form given as a JSON value. Never fails: whatever arrives gives a report.
pub fn validate(form: &Value, options: &Options) -> Report {
    validate_scoped(form, options, options.scope.as_deref())
}

/// [`validate`] with another scope than the options'.
pub fn validate_scoped(form: &Value, options: &Options, scope: Option<&[String]>) -> Report {
    let mut hits: Vec<Hit> = Vec::new();
    let typed = form::read::read(
        form,
        options.date_order,
        &|key| options.profile(key).is_some(),
        &mut hits,
    );
    let facts = Facts::new(&typed, options);
    if typed.is_object {
        rules::check_all(
            &rules::Ctx {
                form: &typed,
                facts: &facts,
                options,
            },
            &mut hits,
        );
    }
    // A form that is not an object is always reported, whatever the scope (contract §3).
    let scope = scope.filter(|_| typed.is_object);
    Report::build(hits, ReportFacts::of(&facts, &typed), options, scope)
}

/// What [`parse_form`] writes in place of a text longer than the reader takes: the text's
/// first characters, then this mark. The reader reports it as `FORM001` at its field.
pub const TOO_LONG: &str = "\u{0}marcheck:too-long";

/// Reads JSON text as a form value: `Err` says why it is not JSON. Work is bounded before
/// serde_json reads it: an array or object deeper than [`MAX_DEPTH`] is cut to `null`, and a
/// text longer than [`form::read::MAX_TEXT_BYTES`] is cut to its first characters and
/// [`TOO_LONG`], so neither is ever copied whole, and the wasm and the command line read the
/// same value.
pub fn parse_form(text: &str) -> Result<Value, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match bound(text) {
        None => serde_json::from_str(text).map_err(|e| e.to_string()),
        Some(cut) => serde_json::from_str(&cut).map_err(|e| e.to_string()),
    }
}

/// The index just past the closing quote of the JSON string that opens at `start` (the end of
/// the text when it never closes).
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// `text` with its too deep values and too long texts cut (see [`parse_form`]), or `None`
/// when nothing needs cutting. One pass over the bytes to look, another to cut; text that is
/// not JSON is left for the parser to reject.
fn bound(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let long = |start: usize, end: usize| end - start > form::read::MAX_TEXT_BYTES + 2;
    let (mut depth, mut i, mut needed) = (0usize, 0usize, false);
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                let end = string_end(b, i);
                if long(i, end) {
                    needed = true;
                    break;
                }
                i = end;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    needed = true;
                    break;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    if !needed {
        return None;
    }
    let mut out = String::with_capacity(text.len().min(1 << 20));
    let (mut depth, mut i, mut copied) = (0usize, 0usize, 0usize);
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                let end = string_end(b, i);
                if depth <= MAX_DEPTH && long(i, end) {
                    out.push_str(text.get(copied..i).unwrap_or(""));
                    // The first 40 characters, stopping before an escape so none is split.
                    let body = text.get(i + 1..end - 1).unwrap_or("");
                    let head: String = body.chars().take_while(|&ch| ch != '\\').take(40).collect();
                    out.push('"');
                    out.push_str(&head);
                    out.push_str("\\u0000marcheck:too-long\"");
                    copied = end;
                }
                i = end;
                continue;
            }
            b'[' | b'{' => {
                depth += 1;
                if depth == MAX_DEPTH + 1 {
                    out.push_str(text.get(copied..i).unwrap_or(""));
                    out.push_str("null");
                }
            }
            b']' | b'}' => {
                if depth == MAX_DEPTH + 1 {
                    copied = i + 1;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
    if depth <= MAX_DEPTH {
        out.push_str(text.get(copied..).unwrap_or(""));
    }
    Some(out)
}

/// Checks a form given as JSON text. Text that is not JSON is one `FORM001` at field `""`.
pub fn validate_json(form: &str, options: &Options) -> Report {
    match parse_form(form) {
        Ok(v) => validate(&v, options),
        Err(e) => {
            let mut what = String::from("JSON: ");
            what.push_str(&e);
            unreadable_form(&what, options)
        }
    }
}

/// The report for a form that could not be read at all: one `FORM001` at field `""`.
pub fn unreadable_form(what: &str, options: &Options) -> Report {
    let hits = vec![
        rules::catalogue::FORM001
            .meta
            .hit()
            .with("value", Param::Text(String::from(what)))
            .with("expected", Param::Term("form")),
    ];
    let facts = ReportFacts {
        request_type: form::RequestType::FormalMar.as_str(),
        as_of: Some(options.as_of),
        ..ReportFacts::default()
    };
    Report::build(hits, facts, options, None)
}

/// One rule as `rules(locale)` describes it (contract §7).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub area: &'static str,
    pub field: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub source: &'static str,
    pub applies_to: rule::AppliesTo,
}

/// The catalogue in a locale: `[{ code, severity, area, field, title, description, source,
/// appliesTo }]`.
pub fn rules_info(locale: Locale) -> Vec<RuleInfo> {
    let words = messages::catalogue(locale);
    rules::RULES
        .iter()
        .map(|r| {
            let m = &r.meta;
            let text = words.rule(m.code).cloned().unwrap_or_default();
            RuleInfo {
                code: m.code,
                severity: m.severity,
                area: m.area,
                field: m.field,
                title: text.title,
                description: text.description,
                source: m.source,
                applies_to: m.applies_to,
            }
        })
        .collect()
}

/// The provider profiles in force with these options (`providers()`): `{ KEY: profile }`, the
/// built-in ones (or their override) and those the options add.
pub fn providers_map(options: &Options) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    let all = providers::builtin().iter().chain(options.providers.iter());
    for p in all {
        let p = options.profile(&p.key).unwrap_or(p);
        out.insert(
            p.key.clone(),
            serde_json::to_value(p).unwrap_or(Value::Null),
        );
    }
    out
}
