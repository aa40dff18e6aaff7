//! The thin `#[wasm_bindgen]` layer: JavaScript values in, JavaScript values out. No rule lives
//! here, and no shape is written by hand: the report crosses on the serde tape (`src/tape.rs`)
//! from the serde types of `report.rs`, options cross as JSON text (`optionsText`) and are read
//! by `options.rs` as natively, and the TypeScript types below follow those names.
//!
//! A form crosses as JSON text (`formText` in `src/wasm.js`: `JSON.stringify`, which drops
//! functions and `undefined` and writes `Date`s as ISO text, with a bounded fallback for values
//! nested deeper than the core reads, or larger than it reads) and is read by the one-pass
//! reader (`src/form/read.rs`), exactly as the command line reads it. serde_json is not in the
//! wasm.

use alloc::string::String;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::json::Raw;
use crate::session::{Session as Core, SessionError};
use crate::{Date, Locale, Options, OptionsError, Report};

// The allocator is our own (`src/heap.rs`): segregated free lists by power-of-two class, O(1)
// alloc and free, ~0.5 KB of code where std's dlmalloc was ~8 KB. lol_alloc's free-list
// allocator, also small, searches its free list on every allocation, which made v2's many
// small allocations per form slow (README, "What the libraries cost").
#[global_allocator]
static ALLOCATOR: crate::heap::Global = crate::heap::Global::new();

#[wasm_bindgen(module = "/src/wasm.js")]
extern "C" {
    /// The form as JSON text, or `undefined` when it cannot be read at all (a getter throws).
    #[wasm_bindgen(js_name = formText)]
    fn form_text(value: &JsValue) -> Option<String>;
    /// `[partial, removed]` as JSON text: the partial form without its `undefined` values, and
    /// the paths (lists of keys and row indexes) where they were.
    #[wasm_bindgen(js_name = mergeText)]
    fn merge_text(value: &JsValue) -> Option<String>;
    /// Options (or a scope) as JSON text; throws what `JSON.stringify` throws.
    #[wasm_bindgen(js_name = optionsText, catch)]
    fn options_text(value: &JsValue) -> Result<String, JsValue>;
    /// Today in the browser's local time zone (not UTC), as `yyyymmdd`.
    #[wasm_bindgen(js_name = localToday)]
    fn local_today_yyyymmdd() -> u32;
    /// The plain JavaScript value a tape holds (`src/tape.rs`).
    #[wasm_bindgen(js_name = fromTape)]
    fn from_tape(words: &[u32], text_at: *const u8, text_len: usize, memory: &JsValue) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A request type (contract §2): absent or empty reads as "formal_mar", the strictest. */
export type RequestType = "formal_mar" | "police_to_police" | "preservation_only" | "emergency_disclosure";
/** Form controls send strings: every value may also be given as text and is read leniently. */
type Lenient<T> = T | string | null | undefined;
export type Country = string;
export type IsoDate = string;
export type AccountKind = "email" | "phone" | "username" | "url" | "user_id" | "ip";
export type Category = "subscriber" | "traffic" | "content";

/** The MAR form (contract §2). Every field is optional; unknown keys are ignored. */
export interface MarForm {
  requestType?: Lenient<RequestType>;
  requestingCountry?: Lenient<Country>;
  requestedCountry?: Lenient<Country>;
  submissionDate?: Lenient<IsoDate>;
  legalBasis?: string | { instrument?: Lenient<string>; article?: Lenient<string> } | null;
  authority?: { name?: Lenient<string>; officer?: Lenient<string>; email?: Lenient<string>; phone?: Lenient<string> } | null;
  case?: {
    reference?: Lenient<string>; facts?: Lenient<string>; nexus?: Lenient<string>;
    offences?: Array<{ name?: Lenient<string>; provision?: Lenient<string>; maxPenaltyYears?: Lenient<number> } | null> | string | null;
  } | null;
  provider?: { name?: Lenient<string>; profile?: Lenient<string>; legalEntity?: Lenient<string>; country?: Lenient<Country>; userCountry?: Lenient<Country> } | null;
  accounts?: Array<{ kind?: Lenient<AccountKind>; value?: Lenient<string>; timestamp?: Lenient<string>; port?: Lenient<number> } | null> | string | null;
  data?: { categories?: Array<Lenient<Category>> | Lenient<Category>; from?: Lenient<IsoDate>; to?: Lenient<IsoDate> } | null;
  preservation?: {
    status?: Lenient<"preserved" | "requested" | "not_requested">;
    requestedOn?: Lenient<IsoDate>; confirmedOn?: Lenient<IsoDate>; reference?: Lenient<string>;
    periodDays?: Lenient<number>; proofAttached?: Lenient<boolean>;
    necessity?: Lenient<string>; marToFollow?: Lenient<boolean>;
    extensions?: Array<{ requestedOn?: Lenient<IsoDate>; reference?: Lenient<string>; periodDays?: Lenient<number> } | null> | string | null;
  } | null;
  recordsLocation?: {
    country?: Lenient<Country>; confirmed?: Lenient<boolean>;
    basis?: Lenient<"provider_confirmed" | "provider_guidelines" | "legal_advice" | "domain_name" | "unknown">; note?: Lenient<string>;
  } | null;
  emergency?: {
    active?: Lenient<boolean>; risk?: Lenient<"death" | "serious_physical_injury" | "child_harm" | "serious_harm" | "other">;
    justification?: Lenient<string>; harmExpectedBy?: Lenient<string>; ongoing?: Lenient<boolean>; personAtRisk?: Lenient<string>;
    oral?: Lenient<boolean>; oralMadeOn?: Lenient<IsoDate>; writtenFollowUpOn?: Lenient<IsoDate>;
  } | null;
  notification?: {
    providerNotifies?: Lenient<"yes" | "no" | "unknown">; requestNonDisclosure?: Lenient<boolean>;
    reason?: Lenient<string>; durationDays?: Lenient<number>; basis?: Lenient<"court_order" | "statute" | "request">;
  } | null;
  csam?: {
    likely?: Lenient<boolean>; declared?: Lenient<boolean>; handlingProtocol?: Lenient<string>;
    importPermitRef?: Lenient<string>; ncmecReports?: Array<Lenient<string>> | string | null;
  } | null;
}

export type Severity = "error" | "warning" | "info";
export type Level = Severity | "off";

/** A provider profile (contract §5); null is "not known". */
export interface Profile {
  name?: string | null; country?: Country | null;
  periodDays?: number | null; extensionDays?: number | null; maxExtensions?: number | null;
  maxTotalDays?: number | null; extensionLeadDays?: number | null;
  notifiesUser?: "yes" | "no" | "unknown"; notifiesOnPreservation?: "yes" | "no" | "unknown";
  nonDisclosureNeeds?: "court_order" | "statement" | "request" | null;
  requiresDateRange?: boolean | null; reportsToNcmec?: boolean | null;
  acceptedAccountKinds?: AccountKind[] | null;
  entities?: Array<{ users: Country[] | "*"; legalEntity: string; country: Country }> | null;
  source?: string | Record<string, string> | null; checked?: IsoDate | null;
}

/** Options (contract §3). Every key is optional. A bad option throws an Error naming it. */
export interface Options {
  asOf?: IsoDate;
  locale?: string;
  dateOrder?: "ymd" | "dmy" | "mdy";
  holidays?: IsoDate[];
  rules?: Record<string, Level>;
  preservation?: { defaultPeriodDays?: number; extensionDays?: number; maxTotalDays?: number; expiryWarningDays?: number; responseBusinessDays?: number };
  emergency?: { minJustificationChars?: number; maxImminenceDays?: number };
  case?: { minFactsChars?: number };
  dateRange?: { maxSpanDays?: number };
  providers?: Record<string, Partial<Profile>>;
  /** Report only findings at these paths or under them; "" covers form-level findings. */
  scope?: string[];
}

export type ParamValue = string | number;

export interface Finding {
  code: string;
  severity: Severity;
  /** The model path of the control to mark ("" for the form as a whole). */
  field: string;
  message: string;
  help: string;
  source: string;
  params: Record<string, ParamValue>;
}

export interface Facts {
  requestType: RequestType;
  preservationStart: IsoDate | null;
  preservationExpiresOn: IsoDate | null;
  preservationDaysLeft: number | null;
  extensionsCounted: number;
  responseDueOn: IsoDate | null;
  submissionDate: IsoDate | null;
  providerEntity: { legalEntity: string; country: Country } | null;
  asOf: IsoDate | null;
  preservationWarningFrom: IsoDate | null;
}

export interface Report {
  /** No finding of severity "error" (in scope). */
  ok: boolean;
  counts: { error: number; warning: number; info: number };
  findings: Finding[];
  facts: Facts;
}

/** (v3) What falls due (contract §9). */
export type DeadlineKind =
  | "preservation_expires" | "extension_due" | "extension_reminder" | "preservation_follow_up"
  | "written_follow_up" | "harm_expected" | "non_disclosure_ends";

/** (v3) A deadline the request sets running (contract §9). */
export interface Deadline {
  kind: DeadlineKind;
  on: IsoDate;
  /** on − asOf: negative when overdue. */
  daysLeft: number;
  /** The model path the deadline comes from. */
  field: string;
  /** What falls due, in options.locale. */
  title: string;
  /** What to do, in options.locale. */
  detail: string;
  caseReference: string | null;
  preservationReference: string | null;
  providerEntity: { legalEntity: string; country: Country } | null;
  /** Beyond the contract: the days left in words ("1 day left", "due today", "3 days overdue"). */
  daysLeftText: string;
}

export interface RuleInfo {
  code: string; severity: Severity; area: string; field: string;
  title: string; description: string; source: string; appliesTo: RequestType[];
}
"#;

/// The browser's local date (not UTC): what the officer calls today.
fn local_today() -> Date {
    let n = local_today_yyyymmdd();
    Date::from_ymd((n / 10000) as i32, n / 100 % 100, n % 100).unwrap_or(crate::date::EPOCH)
}

fn options_error(e: OptionsError) -> JsError {
    JsError::new(&alloc::format!("marcheck: {e}"))
}

/// Options as JSON text (`optionsText`), read by the same reader as natively
/// (`Options::from_json`); a value that is not an object is named by its JavaScript type.
fn read_options(options: &JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::new(local_today()));
    }
    let kind = if js_sys::Array::is_array(options) {
        Some("a list")
    } else if options.is_string() {
        Some("a text")
    } else if options.as_f64().is_some() {
        Some("a number")
    } else if options.as_bool().is_some() {
        Some("a boolean")
    } else if !options.is_object() {
        Some("a value that is not an object")
    } else {
        None
    };
    if let Some(kind) = kind {
        return Err(options_error(OptionsError::not_an_object(kind)));
    }
    let text = json_text(options).map_err(options_error)?;
    Options::from_json_today(&text, &local_today).map_err(options_error)
}

/// `JSON.stringify` of a value of the options (`optionsText`), or why it cannot be written.
fn json_text(value: &JsValue) -> Result<String, OptionsError> {
    options_text(value).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| String::from("it threw"), |e| String::from(e.message()));
        OptionsError {
            option: String::new(),
            problem: crate::options::Problem::Unreadable(alloc::format!(
                "cannot be written as JSON ({why})"
            )),
        }
    })
}

/// A report (or any serde value of plain data) as a plain JavaScript value: written on a tape
/// (`src/tape.rs`) and rebuilt by `fromTape` in `src/wasm.js` with one text decoding. Measured
/// against serde-wasm-bindgen in the README ("What the libraries cost").
/// Every value the crate hands out is made of what a tape holds (no floats, no bytes: a test
/// of each entry point says so); anything else would be `null`.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    match crate::tape::Tape::of(value) {
        Ok(tape) => from_tape(
            &tape.words,
            tape.text.as_ptr(),
            tape.text.len(),
            &wasm_bindgen::memory(),
        ),
        Err(_) => JsValue::NULL,
    }
}

/// What the report says of a form `formText` could not write.
const NOT_JSON: &str =
    "the form cannot be read as JSON (a getter threw, or a value JSON cannot hold)";

fn report_of(text: Option<String>, options: &Options) -> Report {
    match text {
        Some(t) => crate::validate_json(&t, options),
        None => crate::unreadable_form(NOT_JSON, options),
    }
}

/// A value as the session keeps it: what `formText` wrote, read whole. A value it could not
/// write (a getter threw) is kept as `null`: nothing of it could be read.
fn raw_of(text: Option<String>) -> Raw {
    text.and_then(|t| Raw::parse(&t).ok()).unwrap_or(Raw::Null)
}

/// Checks a form. Never throws for any form; throws an `Error` only for bad options.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "MarForm | unknown")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_options(&options.unwrap_or(JsValue::UNDEFINED))?;
    Ok(to_js(&report_of(form_text(&form), &options)))
}

/// A form held in the core and edited field by field (contract §7). After every call its
/// report equals `validate(session.form(), options)`.
#[wasm_bindgen]
pub struct Session {
    core: Core,
}

/// Starts a session with these options.
#[wasm_bindgen(js_name = createSession)]
pub fn create_session(
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<Session, JsError> {
    let options = read_options(&options.unwrap_or(JsValue::UNDEFINED))?;
    Ok(Session {
        core: Core::new(options),
    })
}

fn session_error(e: SessionError) -> JsError {
    JsError::new(&alloc::format!("marcheck: {e}"))
}

#[wasm_bindgen]
impl Session {
    /// One field, read as the form reader reads it; `undefined` removes it. A path that is not a
    /// model path throws an `Error`.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn set(
        &mut self,
        path: &str,
        #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    ) -> Result<JsValue, JsError> {
        // A text (what a keystroke sets) crosses as it is: no JSON text written and read back.
        // Its lone surrogates become U+FFFD on the way, as they do through JSON.
        let value = if value.is_undefined() {
            None
        } else if let Some(text) = value.as_string() {
            Some(Raw::Text(text))
        } else {
            Some(raw_of(form_text(&value)))
        };
        let report = self.core.set(path, value).map_err(session_error)?;
        Ok(to_js(&report))
    }

    /// Several fields at once (a wizard step, a loaded draft): objects merge deeply, arrays and
    /// other values replace, `undefined` removes a key.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn merge(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MarForm")] partial: JsValue,
    ) -> JsValue {
        let report = match merge_text(&partial).map(|t| Raw::parse(&t)) {
            Some(Ok(Raw::List(mut both))) if both.len() == 2 => {
                let removed = match both.pop() {
                    Some(Raw::List(paths)) => paths
                        .into_iter()
                        .filter_map(|p| match p {
                            Raw::List(steps) => Some(steps),
                            _ => None,
                        })
                        .collect(),
                    _ => alloc::vec::Vec::new(),
                };
                let partial = both.pop().unwrap_or_default();
                self.core.merge(partial, &removed)
            }
            _ => crate::unreadable_form(NOT_JSON, self.core.options()),
        };
        to_js(&report)
    }

    /// The whole form.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn replace(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MarForm | unknown")] form: JsValue,
    ) -> JsValue {
        let report = match form_text(&form) {
            Some(t) => self.core.replace(Raw::parse(&t).unwrap_or_default()),
            None => {
                self.core.replace(Raw::Null);
                crate::unreadable_form(NOT_JSON, self.core.options())
            }
        };
        to_js(&report)
    }

    /// The form as the core holds it.
    #[wasm_bindgen(unchecked_return_type = "MarForm")]
    pub fn form(&self) -> JsValue {
        // As JSON text: a number keeps the text it was written as, which only `JSON.parse`
        // turns back into a number.
        js_sys::JSON::parse(&self.core.form().to_json()).unwrap_or(JsValue::NULL)
    }

    /// The report, with `scope` instead of the options' scope when one is given.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] scope: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let scope: Option<alloc::vec::Vec<String>> = match scope {
            None => None,
            Some(s) if s.is_undefined() || s.is_null() => None,
            Some(s) => {
                let read = json_text(&s).and_then(|t| {
                    let v = Raw::parse(&t).unwrap_or(Raw::Null);
                    let root = crate::options::At::Root;
                    crate::options::read_scope(&crate::options::At::Key(&root, "scope"), &v)
                });
                Some(read.map_err(|e| JsError::new(&alloc::format!("marcheck: {e}")))?)
            }
        };
        Ok(to_js(&self.core.report(scope.as_deref())))
    }
}

/// The rule catalogue in a locale: `[{ code, severity, area, field, title, description, source,
/// appliesTo }]`.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules(locale: Option<String>) -> JsValue {
    let locale = locale.as_deref().map_or(Locale::En, Locale::parse);
    to_js(&crate::rules_info(locale))
}

/// The built-in provider profiles: `{ KEY: profile }`.
#[wasm_bindgen(unchecked_return_type = "Record<string, Profile>")]
pub fn providers() -> JsValue {
    to_js(&crate::providers_map(&Options::new(crate::date::EPOCH)))
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    String::from(crate::VERSION)
}

// (v3) Deadlines (contract §9): the form's deadlines, the calendar of one form or many, and a
// session's deadlines. Read as `validate` reads: a form that cannot be read has none, bad
// options throw.

/// The deadlines of a form (contract §9), in date order. Never throws for a form; throws an
/// `Error` only for bad options.
#[wasm_bindgen(unchecked_return_type = "Deadline[]")]
pub fn deadlines(
    #[wasm_bindgen(unchecked_param_type = "MarForm | unknown")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let options = read_options(&options.unwrap_or(JsValue::UNDEFINED))?;
    let text = form_text(&form).unwrap_or_default();
    Ok(deadlines_js(&text, &options))
}

/// The deadlines of a form's text as a JavaScript list, written while they borrow the text.
fn deadlines_js(text: &str, options: &Options) -> JsValue {
    crate::deadlines::with_deadlines(text, options, |list| to_js(&list.unwrap_or_default()))
}

/// The deadlines of one form or of a list of forms as an iCalendar file (RFC 5545 text).
#[wasm_bindgen]
pub fn calendar(
    #[wasm_bindgen(unchecked_param_type = "MarForm | MarForm[] | unknown")] forms: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<String, JsError> {
    let options = read_options(&options.unwrap_or(JsValue::UNDEFINED))?;
    let text = form_text(&forms).unwrap_or_default();
    Ok(crate::calendar::calendar_json(&text, &options))
}

#[wasm_bindgen]
impl Session {
    /// The deadlines of the form the session holds; equals `deadlines(session.form(), options)`.
    #[wasm_bindgen(unchecked_return_type = "Deadline[]")]
    pub fn deadlines(&self) -> JsValue {
        deadlines_js(&self.core.form().to_json(), self.core.options())
    }
}
