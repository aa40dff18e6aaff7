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

// The wasm build links no standard library, only `alloc`: then a panic (none is reachable
// from input: the crate denies unwrap, expect, panic and indexing) is a bare trap, and the
// formatting machinery that `std` would use to print its message stays out (`wasm.rs`).
#![cfg_attr(target_arch = "wasm32", no_std)]
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

pub mod country;
pub mod date;
pub mod facts;
pub mod form;
pub mod json;
mod lazy;
pub mod lenient;
pub mod messages;
pub mod options;
pub mod providers;
pub mod report;
pub mod rules;
mod sort;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use date::{Date, DateOrder};
pub use options::{Locale, Options, OptionsError};
pub use report::{Facts, Finding, Param, Report, Severity};

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use facts::Derived;
use json::Value;
use report::RawFinding;

/// The crate's version (also the npm package's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checks a form given as a JSON value. Never fails: whatever arrives gives a report.
pub fn validate(form: &Value<'_>, options: &Options) -> Report {
    let mut raw: Vec<RawFinding> = Vec::new();
    let typed = form::read::read(form, options, &mut raw);
    let derived = Derived::new(&typed, options);
    if typed.is_object {
        rules::check_all(
            &rules::Ctx {
                form: &typed,
                derived: &derived,
                options,
            },
            &mut raw,
        );
    }
    Report::build(raw, derived.facts(&typed), options)
}

/// Checks a form given as JSON text. Text that is not JSON is one `FORM001` at field `""`.
pub fn validate_json(form: &str, options: &Options) -> Report {
    match json::parse(form) {
        Ok(v) => validate(&v, options),
        Err(e) => {
            let mut what = String::from("JSON: ");
            what.push_str(e.what);
            unreadable_form(&what, options)
        }
    }
}

/// The report for a form that could not be read at all: one `FORM001` at field `""`.
pub fn unreadable_form(what: &str, options: &Options) -> Report {
    let raw = vec![
        RawFinding::new("FORM001", "")
            .with("value", Param::Text(String::from(what)))
            .with("expected", Param::Term("form")),
    ];
    Report::build(
        raw,
        Facts {
            as_of: Some(options.as_of),
            ..Facts::default()
        },
        options,
    )
}

/// The catalogue as JSON for `rules(locale)`: `[{ code, severity, area, title, description, source }]`.
pub fn rules_json(locale: Locale) -> String {
    let words = messages::catalogue(locale);
    let mut out = String::from("[");
    for (i, r) in rules::RULES.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let text = words.exact(r.code).cloned().unwrap_or_default();
        out.push_str("{\"code\":\"");
        out.push_str(r.code);
        out.push_str("\",\"severity\":\"");
        out.push_str(r.severity.as_str());
        out.push_str("\",\"area\":\"");
        out.push_str(r.area);
        out.push_str("\",\"field\":");
        json::write_str(&mut out, r.field);
        out.push_str(",\"title\":");
        json::write_str(&mut out, text.title);
        out.push_str(",\"description\":");
        json::write_str(&mut out, text.description);
        out.push_str(",\"source\":");
        json::write_str(&mut out, r.source);
        out.push('}');
    }
    out.push(']');
    out
}

/// The provider profiles as JSON for `providers()`: `{ KEY: profile }`.
pub fn providers_json(options: &Options) -> String {
    let mut out = String::new();
    providers::write_all_json(&mut out, &options.providers);
    out
}
