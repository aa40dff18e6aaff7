//! Helpers for the rules' `pass`/`fail` vectors: run the whole engine on a small form and look
//! for one rule's findings. "Today" is 2026-11-29 unless the options say otherwise. Rules are
//! named through their declaration (`&RULE`), never as a code typed again.

use crate::rules::Rule;
use crate::{Date, Options, Report, validate_json};
use alloc::string::{String, ToString};
use alloc::vec::Vec;

pub const TODAY: (i32, u32, u32) = (2026, 11, 29);

pub fn options(options: &str) -> Options {
    let today = Date::from_ymd(TODAY.0, TODAY.1, TODAY.2).unwrap();
    Options::from_json(if options.is_empty() { "null" } else { options }, today).unwrap()
}

pub fn run(form: &str, options_json: &str) -> Report {
    validate_json(form, &options(options_json))
}

/// The fields at which `rule` fired.
pub fn fields_of(rule: &Rule, form: &str, options: &str) -> Vec<String> {
    run(form, options)
        .findings
        .iter()
        .filter(|f| f.code == rule.meta.code)
        .map(|f| f.field.to_string())
        .collect()
}

/// `rule` fires, exactly once, at `field`.
#[track_caller]
pub fn fires(rule: &Rule, field: &str, form: &str) {
    fires_with(rule, field, form, "");
}

#[track_caller]
pub fn fires_with(rule: &Rule, field: &str, form: &str, options: &str) {
    assert_eq!(
        fields_of(rule, form, options),
        [field],
        "{} should fire once at {field:?} for {form}",
        rule.meta.code
    );
}

/// `rule` does not fire.
#[track_caller]
pub fn quiet(rule: &Rule, form: &str) {
    quiet_with(rule, form, "");
}

#[track_caller]
pub fn quiet_with(rule: &Rule, form: &str, options: &str) {
    let fired = fields_of(rule, form, options);
    assert!(
        fired.is_empty(),
        "{} should not fire for {form}, but fired at {fired:?}",
        rule.meta.code
    );
}
