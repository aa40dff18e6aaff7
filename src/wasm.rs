//! The thin `#[wasm_bindgen]` layer: JavaScript values in, JavaScript values out. No rule
//! lives here.
//!
//! The form crosses as JSON text: one `JSON.stringify` (native, fast, and it drops functions
//! and `undefined`, writes lone surrogates as escapes and `Date`s as ISO text) and one string
//! copy; the report comes back as JSON text and one `JSON.parse`, so it arrives as plain objects.
//! A value `JSON.stringify` cannot write (a cycle, a `BigInt`) is one `FORM001` at `""`.

use alloc::string::String;
use js_sys::{Date as JsDate, Error as JsErr, JSON, JsString};
use wasm_bindgen::prelude::*;

use crate::{Date, Locale, Options};

// SAFETY: the wasm build has no threads (no atomics target feature), so one allocator instance
// is never used concurrently.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// A panic traps. Nothing that arrives can panic (see the clippy lints of the crate); this only
/// stands in for `std`'s handler, so that no panic message is ever formatted. The wasm tests
/// link `std` (feature `std`), and so its handler.
#[cfg(not(feature = "std"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

/// The browser's local date (not UTC): what the officer calls today.
fn local_today() -> Date {
    let now = JsDate::new_0();
    let (y, m, d) = (
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    );
    Date::from_ymd(y, m, d).unwrap_or(crate::date::EPOCH)
}

fn stringify(v: &JsValue) -> Option<String> {
    if v.is_undefined() {
        return Some(String::from("null"));
    }
    JSON::stringify(v)
        .ok()
        .and_then(|s: JsString| s.as_string())
}

fn parse_out(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}

fn options_from(options: &JsValue) -> Result<Options, JsValue> {
    let today = local_today();
    if options.is_undefined() || options.is_null() {
        return Ok(Options::new(today));
    }
    let text = stringify(options)
        .ok_or_else(|| JsValue::from(JsErr::new("marcheck: options cannot be read as JSON")))?;
    Options::from_json(&text, today).map_err(|e| JsValue::from(JsErr::new(&e.message())))
}

/// Checks a form. Never throws for any form value; throws an `Error` only for bad options.
#[wasm_bindgen]
pub fn validate(form: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = options_from(&options)?;
    let text = stringify(&form);
    let report = match text.as_deref() {
        Some(t) => crate::validate_json(t, &options),
        None => crate::unreadable_form("a value JSON cannot hold (a cycle or a BigInt)", &options),
    };
    Ok(parse_out(&report.to_json()))
}

/// The rule catalogue: `[{ code, severity, area, field, title, description, source }]`.
#[wasm_bindgen]
pub fn rules(locale: Option<String>) -> JsValue {
    let locale = locale.as_deref().map_or(Locale::En, Locale::parse);
    parse_out(&crate::rules_json(locale))
}

/// The built-in provider profiles: `{ KEY: profile }`.
#[wasm_bindgen]
pub fn providers() -> JsValue {
    parse_out(&crate::providers_json(&Options::new(crate::date::EPOCH)))
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    String::from(crate::VERSION)
}
