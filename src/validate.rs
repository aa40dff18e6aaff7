//! The flow: **read** (the lenient reader, `FORM001`) → **derive** (facts, once) → **check**
//! (each rule that applies to the request type) → **report** (severities, scope, form order,
//! messages in the locale). JSON text is read by [`parse_form`], which bounds the work first.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use serde_json::Value;

use crate::facts::Facts;
use crate::form;
use crate::options::Options;
use crate::report::{Report, ReportFacts};
use crate::rule::{Hit, Param};
use crate::rules;

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

pub use crate::form::read::TOO_LONG;

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
