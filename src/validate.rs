//! The flow: **read** (the lenient reader, `FORM001`) → **derive** (facts, once) → **check**
//! (each rule that applies to the request type) → **report** (severities, scope, form order,
//! messages in the locale). JSON text is read once, straight into the typed form
//! ([`form::read`]).

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::facts::Facts;
use crate::form::{self, Form};
use crate::json::{Arena, Cursor, JsonError};
use crate::options::Options;
use crate::report::{Report, ReportFacts};
use crate::rule::{Hit, Param};
use crate::rules;

pub use crate::json::MAX_DEPTH;

/// Checks a form given as JSON text. Never fails: whatever arrives gives a report; text that is
/// not JSON is one `FORM001` at field `""`.
pub fn validate_json(form: &str, options: &Options) -> Report {
    validate_scoped(form, options, options.scope.as_deref())
}

/// [`validate_json`] with another scope than the options'.
pub fn validate_scoped(form: &str, options: &Options, scope: Option<&[String]>) -> Report {
    let arena = Arena::new();
    let mut hits: Vec<Hit> = Vec::new();
    match read(form, &arena, options, &mut hits) {
        Ok(typed) => check(&typed, hits, options, scope),
        Err(e) => unreadable_json(&e, options),
    }
}

/// [`validate_json`], or the reason the text is not JSON (instead of its `FORM001` report): the
/// command line tries a whole NDJSON line this way before splitting it byte by byte (a line
/// that is not one JSON value is split as before, so its reports do not change).
#[cfg(not(target_arch = "wasm32"))]
pub fn try_validate_json(form: &str, options: &Options) -> Result<Report, JsonError> {
    let arena = Arena::new();
    let mut hits: Vec<Hit> = Vec::new();
    let typed = read(form, &arena, options, &mut hits)?;
    Ok(check(&typed, hits, options, options.scope.as_deref()))
}

/// Reads the next form of a stream (NDJSON lines, a list's items) and checks it: what the
/// command line does for each form of a batch, in the same pass over the text.
pub fn validate_next(c: &mut Cursor<'_>, options: &Options) -> Result<Report, JsonError> {
    let mut hits: Vec<Hit> = Vec::new();
    let typed = form::read::read_next(
        c,
        options.date_order,
        &|key| options.profile(key).is_some(),
        &mut hits,
    )?;
    Ok(check(&typed, hits, options, options.scope.as_deref()))
}

/// The one-pass reader with these options.
fn read<'a>(
    text: &'a str,
    arena: &'a Arena,
    options: &Options,
    hits: &mut Vec<Hit>,
) -> Result<Form<'a>, JsonError> {
    form::read::read(
        text,
        arena,
        options.date_order,
        &|key| options.profile(key).is_some(),
        hits,
    )
}

/// Derive, check and report a form that has been read (`hits`: what the reader found).
pub(crate) fn check(
    typed: &Form<'_>,
    hits: Vec<Hit>,
    options: &Options,
    scope: Option<&[String]>,
) -> Report {
    check_with(typed, hits, options, scope, None)
}

/// [`check`], with a session's findings of each rule from before (`rules::Cache`).
pub(crate) fn check_with(
    typed: &Form<'_>,
    mut hits: Vec<Hit>,
    options: &Options,
    scope: Option<&[String]>,
    cache: Option<&mut rules::Cache>,
) -> Report {
    let facts = Facts::new(typed, options);
    if typed.is_object {
        let cx = rules::Ctx {
            form: typed,
            facts: &facts,
            options,
        };
        match cache {
            Some(cache) => rules::check_cached(&cx, cache, &mut hits),
            None => rules::check_all(&cx, &mut hits),
        }
    }
    // A form that is not an object is always reported, whatever the scope (contract §3).
    let scope = scope.filter(|_| typed.is_object);
    Report::build(hits, ReportFacts::of(&facts, typed), options, scope)
}

/// The report for text that is not JSON.
pub fn unreadable_json(e: &JsonError, options: &Options) -> Report {
    let mut what = String::from("JSON: ");
    what.push_str(&alloc::format!("{e}"));
    unreadable_form(&what, options)
}

/// Checks a form given as a JSON value (natively: tests, a server holding a `serde_json::Value`):
/// its text, read as any other.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate(form: &serde_json::Value, options: &Options) -> Report {
    validate_json(&form.to_string(), options)
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
