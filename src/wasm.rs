//! The thin `#[wasm_bindgen]` layer: JavaScript values in, JavaScript values out. No rule
//! lives here.
//!
//! `validate` runs on every keystroke, so its crossing is made for speed, with its JavaScript
//! half in `src/wasm.js`:
//! - the form crosses as JSON text: one `JSON.stringify` and one `encodeInto` straight into a
//!   buffer kept from call to call. A value `JSON.stringify` cannot write (a cycle, a `BigInt`)
//!   is one `FORM001` at `""`.
//! - options are read once and kept while the next call's options read as the same text;
//! - the report goes back as 32-bit words ([`Tape`]) that `buildReport` turns into plain objects,
//!   the same objects `JSON.parse` of [`crate::Report::to_json`] would give.
//!
//! `rules()` and `providers()` are called once, and cross as JSON text and `JSON.parse`.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::UnsafeCell;
use core::sync::atomic::{AtomicBool, Ordering};
use js_sys::{Error as JsErr, JSON};
use wasm_bindgen::prelude::*;

use crate::{Date, Locale, Options, Report};

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

#[wasm_bindgen(module = "/src/wasm.js")]
extern "C" {
    #[wasm_bindgen(js_name = setMemory)]
    fn set_memory(memory: &JsValue);
    #[wasm_bindgen(js_name = textOf)]
    fn text_of(value: &JsValue) -> i32;
    #[wasm_bindgen(js_name = takeText)]
    fn take_text(ptr: u32, cap: u32) -> u32;
    #[wasm_bindgen(js_name = localToday)]
    fn local_today_yyyymmdd() -> u32;
    #[wasm_bindgen(js_name = buildReport)]
    fn build_report(words: u32, ptr: u32, len: u32) -> JsValue;
}

/// What `validate` keeps from one call to the next: its buffers, and the last options read.
#[derive(Default)]
struct State {
    form: Vec<u8>,
    /// The text of the kept options, and a buffer for the next options' text.
    options_text: Vec<u8>,
    scratch: Vec<u8>,
    /// The options read from `options_text`, and the local date they were read on.
    options: Option<(Options, Date)>,
    words: Vec<u32>,
    texts: String,
}

/// The one [`State`], lent to one call at a time (see [`with_state`]).
struct Single(UnsafeCell<Option<State>>);

// SAFETY: the wasm build has no threads (see `ALLOCATOR`); `BUSY` keeps calls apart.
unsafe impl Sync for Single {}

static STATE: Single = Single(UnsafeCell::new(None));

/// A call holds `STATE`. A call can start inside another: `JSON.stringify` runs the form's
/// getters and `toJSON` methods, and one of them may call `validate`.
static BUSY: AtomicBool = AtomicBool::new(false);

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    if BUSY.swap(true, Ordering::Relaxed) {
        // A call inside a call: it gets buffers of its own and keeps nothing.
        return f(&mut State::default());
    }
    // SAFETY: one thread, and `BUSY` was clear: no other reference to the state exists.
    let state = unsafe { &mut *STATE.0.get() }.get_or_insert_with(State::default);
    let out = f(state);
    BUSY.store(false, Ordering::Relaxed);
    out
}

/// Gives `src/wasm.js` the wasm memory, once.
fn share_memory() {
    static SHARED: AtomicBool = AtomicBool::new(false);
    if !SHARED.swap(true, Ordering::Relaxed) {
        set_memory(&wasm_bindgen::memory());
    }
}

/// The browser's local date (not UTC): what the officer calls today.
fn local_today() -> Date {
    let n = local_today_yyyymmdd();
    Date::from_ymd((n / 10000) as i32, n / 100 % 100, n % 100).unwrap_or(crate::date::EPOCH)
}

/// `JSON.stringify(value)` as UTF-8 in `buf` (`None` when JSON cannot hold the value).
fn json_text<'b>(value: &JsValue, buf: &'b mut Vec<u8>) -> Option<&'b str> {
    let units = usize::try_from(text_of(value)).ok()?;
    buf.clear();
    // Each UTF-16 unit is at most three bytes of UTF-8.
    buf.reserve(units.saturating_mul(3));
    let written = take_text(buf.as_mut_ptr() as u32, buf.capacity() as u32) as usize;
    // SAFETY: `takeText` wrote `written` bytes (at most the capacity it was given) at the
    // buffer's start, with `TextEncoder.encodeInto`, which writes UTF-8 and nothing else: the
    // same trust wasm-bindgen's own string passing places in it.
    unsafe {
        buf.set_len(written.min(buf.capacity()));
        Some(core::str::from_utf8_unchecked(buf))
    }
}

fn parse_out(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}

/// The options of this call: those of the last call when they read as the same text (and, if
/// they leave `asOf` to today, today is still the same day).
fn options_from<'s>(state: &'s mut State, options: &JsValue) -> Result<&'s Options, JsValue> {
    let mut text = core::mem::take(&mut state.scratch);
    if options.is_undefined() || options.is_null() {
        text.clear();
        text.extend_from_slice(b"null");
    } else if json_text(options, &mut text).is_none() {
        state.scratch = text;
        return Err(JsErr::new("marcheck: options cannot be read as JSON").into());
    }
    let kept = match state.options.take() {
        // Options that do not depend on today (`asOf` given) or read on this same day.
        Some((o, read_on))
            if text == state.options_text && (o.as_of != read_on || local_today() == read_on) =>
        {
            Some((o, read_on))
        }
        _ => None,
    };
    let (o, read_on) = match kept {
        Some(kept) => kept,
        None => {
            let today = local_today();
            let o = match text.as_slice() {
                b"null" => Options::new(today),
                // SAFETY: `text` was written by `json_text` (see there).
                t => Options::from_json(unsafe { core::str::from_utf8_unchecked(t) }, today)
                    .map_err(|e| JsErr::new(&e.message()))?,
            };
            (o, today)
        }
    };
    // The text just read becomes the kept one; the old buffer is the next call's scratch.
    state.scratch = core::mem::replace(&mut state.options_text, text);
    Ok(&state.options.insert((o, read_on)).0)
}

/// Checks a form. Never throws for any form value; throws an `Error` only for bad options.
#[wasm_bindgen]
pub fn validate(form: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    share_memory();
    with_state(|state| {
        let mut form_text = core::mem::take(&mut state.form);
        let options = options_from(state, &options)?;
        let report = match json_text(&form, &mut form_text) {
            Some(t) => crate::validate_json(t, options),
            None => {
                crate::unreadable_form("a value JSON cannot hold (a cycle or a BigInt)", options)
            }
        };
        state.form = form_text;
        let mut tape = Tape {
            words: core::mem::take(&mut state.words),
            texts: core::mem::take(&mut state.texts),
            units: 0,
        };
        tape.report(&report);
        let out = build_report(
            tape.words.as_ptr() as u32 / 4,
            tape.texts.as_ptr() as u32,
            tape.texts.len() as u32,
        );
        (state.words, state.texts) = (tape.words, tape.texts);
        Ok(out)
    })
}

/// A report as `buildReport` in `src/wasm.js` reads it: 32-bit words in the order of the
/// report's fields (contract §4), and the texts that are not in the wasm's data written one
/// after another in `texts`. A value is a tag and its words: `NULL`; `INT` low and high half;
/// `FIXED` address and length of a `&'static str`; `TEXT` where it ends in `texts`, in UTF-16
/// units (JavaScript slices there). Keys, codes, severities and sources are always `FIXED`,
/// without a tag.
struct Tape {
    words: Vec<u32>,
    texts: String,
    /// UTF-16 units in `texts` so far.
    units: u32,
}

const NULL: u32 = 0;
const INT: u32 = 1;
const FIXED: u32 = 2;
const TEXT: u32 = 3;

impl Tape {
    fn report(&mut self, r: &Report) {
        self.words.clear();
        self.texts.clear();
        self.units = 0;
        self.words.extend_from_slice(&[
            u32::from(r.ok),
            r.errors,
            r.warnings,
            r.infos,
            r.findings.len() as u32,
        ]);
        for f in &r.findings {
            self.fixed(f.code);
            self.fixed(f.severity.as_str());
            self.cow(&f.field);
            self.cow(&f.message);
            self.cow(&f.help);
            self.fixed(f.source);
            self.words.push(f.params.len() as u32);
            for (name, value) in &f.params {
                self.fixed(name);
                match value {
                    crate::Param::Int(n) => self.int(*n),
                    crate::Param::Text(t) => self.text(|s| s.push_str(t)),
                    crate::Param::Term(t) => {
                        self.words.push(FIXED);
                        self.fixed(t);
                    }
                    crate::Param::Date(d) => self.text(|s| d.write(s)),
                }
            }
        }
        let facts = &r.facts;
        for d in [facts.preservation_start, facts.preservation_expires_on] {
            self.date(d);
        }
        match facts.preservation_days_left {
            Some(n) => self.int(n),
            None => self.words.push(NULL),
        }
        self.int(i64::from(facts.extensions_counted));
        for d in [
            facts.response_due_on,
            facts.submission_date,
            facts.as_of,
            facts.preservation_warning_from,
        ] {
            self.date(d);
        }
    }

    fn fixed(&mut self, s: &'static str) {
        self.words
            .extend_from_slice(&[s.as_ptr() as u32, s.len() as u32]);
    }

    fn int(&mut self, n: i64) {
        self.words
            .extend_from_slice(&[INT, n as u32, (n >> 32) as u32]);
    }

    /// A text written by `write` at the end of `texts`.
    fn text(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.texts.len();
        write(&mut self.texts);
        let added = self.texts.as_bytes().get(start..).unwrap_or_default();
        // UTF-16 units: one per character, two for one beyond the BMP (4 bytes in UTF-8).
        let units = added
            .iter()
            .map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
            .sum::<u32>();
        self.units += units;
        self.words.extend_from_slice(&[TEXT, self.units]);
    }

    #[expect(
        clippy::ptr_arg,
        reason = "the Cow tells text in the wasm's data from a copy"
    )]
    fn cow(&mut self, s: &Cow<'static, str>) {
        match s {
            Cow::Borrowed(s) => {
                self.words.push(FIXED);
                self.fixed(s);
            }
            Cow::Owned(s) => self.text(|out| out.push_str(s)),
        }
    }

    fn date(&mut self, d: Option<Date>) {
        match d {
            Some(d) => self.text(|s| d.write(s)),
            None => self.words.push(NULL),
        }
    }
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
