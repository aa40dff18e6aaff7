//! Helpers for the rules' `pass`/`fail` vectors: run the whole engine on a small form and look
//! for one code. "Today" is 2026-11-29 unless the options say otherwise.

use crate::{Date, Options, Report, validate_json};
use alloc::string::{String, ToString};
use alloc::vec::Vec;

pub fn run(form: &str, options: &str) -> Report {
    let today = Date::from_ymd(2026, 11, 29).unwrap();
    let options =
        Options::from_json(if options.is_empty() { "null" } else { options }, today).unwrap();
    validate_json(form, &options)
}

/// The fields at which `code` fired.
pub fn fields_of(code: &str, form: &str, options: &str) -> Vec<String> {
    run(form, options)
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.field.to_string())
        .collect()
}

/// `code` fires, exactly once, at `field`.
#[track_caller]
pub fn fires(code: &str, field: &str, form: &str) {
    fires_with(code, field, form, "");
}

#[track_caller]
pub fn fires_with(code: &str, field: &str, form: &str, options: &str) {
    assert_eq!(
        fields_of(code, form, options),
        [field],
        "{code} should fire once at {field:?} for {form}"
    );
}

/// `code` does not fire.
#[track_caller]
pub fn quiet(code: &str, form: &str) {
    quiet_with(code, form, "");
}

#[track_caller]
pub fn quiet_with(code: &str, form: &str, options: &str) {
    let fired = fields_of(code, form, options);
    assert!(
        fired.is_empty(),
        "{code} should not fire for {form}, but fired at {fired:?}"
    );
}
