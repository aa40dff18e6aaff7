//! (v3) The deadlines a request sets running (contract §9): the preservation's expiry, the last
//! day to ask for an extension, the reminder before it, the follow-up of an unanswered
//! preservation request, the written follow-up of an oral emergency request, the time the harm is
//! expected, and the end of a non-disclosure period.
//!
//! Every date comes from [`Facts`], the same values the report states (the window, the profile's
//! lead time, the business days with holidays): nothing here computes a window again. Titles and
//! details are in `src/messages/*.json` (`deadlines`), checked by `build.rs` against
//! [`TEXT_PARAMS`] and the kinds below.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use serde::Serialize;

use crate::date::Date;
use crate::facts::Facts;
use crate::form::{Form, PreservationStatus};
use crate::messages;
use crate::options::Options;
use crate::rule::Param;

/// One line per kind: `build.rs` reads the list below, and the message files must give each
/// kind its title and detail. A new kind is one line there, its texts, and the arm that finds its
/// date in [`deadlines`].
macro_rules! deadline_kinds {
    ($($variant:ident = $text:literal),+ $(,)?) => {
        /// What falls due. The order of the variants is contract §9's table: deadlines on the
        /// same day are listed in it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $($variant),+ }
        impl Kind {
            /// The names the contract uses, in the table's order.
            pub const NAMES: [&'static str; [$($text),+].len()] = [$($text),+];
            pub const ALL: [Kind; [$($text),+].len()] = [$(Kind::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $text),+ }
            }
        }
    };
}

deadline_kinds! {
    PreservationExpires = "preservation_expires",
    ExtensionDue = "extension_due",
    ExtensionReminder = "extension_reminder",
    PreservationFollowUp = "preservation_follow_up",
    WrittenFollowUp = "written_follow_up",
    HarmExpected = "harm_expected",
    NonDisclosureEnds = "non_disclosure_ends",
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The parameters a deadline's title and detail may name (`build.rs` checks the message files
/// against this list).
pub const TEXT_PARAMS: [&str; 8] = [
    "on",
    "expiresOn",
    "lead",
    "warning",
    "requestedOn",
    "businessDays",
    "submissionDate",
    "durationDays",
];

/// One deadline (contract §9). Its texts borrow from the form and the profile while it is
/// written out; [`Deadline::into_owned`] keeps one longer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline<'a> {
    pub kind: Kind,
    pub on: Date,
    /// `on − asOf`: negative when overdue.
    pub days_left: i64,
    /// The model path the deadline comes from.
    pub field: &'static str,
    /// What falls due, in the locale: plain text (`build.rs` refuses placeholders in it).
    pub title: Cow<'static, str>,
    /// What to do, in the locale.
    pub detail: String,
    pub case_reference: Option<Cow<'a, str>>,
    pub preservation_reference: Option<Cow<'a, str>>,
    /// The entity that holds the records (the report's `facts.providerEntity`).
    pub provider_entity: Option<EntityName<'a>>,
    /// Beyond the contract, for lists: the days left in words ("1 day left", "due today",
    /// "3 days overdue"), in the locale.
    pub days_left_text: Cow<'static, str>,
}

/// `{ legalEntity, country }`, as in the report's facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityName<'a> {
    pub legal_entity: Cow<'a, str>,
    pub country: &'static str,
}

impl Deadline<'_> {
    /// The deadline with its own copies of the texts it borrowed.
    pub fn into_owned(self) -> Deadline<'static> {
        let own = |t: Option<Cow<'_, str>>| t.map(|t| Cow::Owned(t.into_owned()));
        Deadline {
            case_reference: own(self.case_reference),
            preservation_reference: own(self.preservation_reference),
            provider_entity: self.provider_entity.map(|e| EntityName {
                legal_entity: Cow::Owned(e.legal_entity.into_owned()),
                country: e.country,
            }),
            kind: self.kind,
            on: self.on,
            days_left: self.days_left,
            field: self.field,
            title: self.title,
            detail: self.detail,
            days_left_text: self.days_left_text,
        }
    }
}

/// An unused place among a deadline's parameters.
const NONE: (&str, Param) = ("", Param::Int(0));

/// A deadline found, before its words.
struct Due {
    kind: Kind,
    on: Date,
    field: &'static str,
    /// The message variant (`""`: the kind's own texts).
    variant: &'static str,
    /// The values its texts may name; unused places hold `("", Param::Int(0))`.
    params: [(&'static str, Param); 3],
}

/// Whether `found[j]` comes before `found[j - 1]`: by date, then in the table's order.
fn before(found: &[Due], j: usize) -> bool {
    match (found.get(j - 1), found.get(j)) {
        (Some(a), Some(b)) => (b.on, b.kind) < (a.on, a.kind),
        _ => false,
    }
}

/// Dates a calendar can hold: years 1..=9999 (a huge `durationDays` gives none).
fn writable(d: Date) -> bool {
    (1..=9999).contains(&d.ymd().0)
}

/// A text as the officer typed it, trimmed; `None` when empty.
fn text(t: Option<&str>) -> Option<Cow<'_, str>> {
    t.map(crate::text::trim)
        .filter(|t| !t.is_empty())
        .map(Cow::Borrowed)
}

/// The deadlines of a form, from the facts its report uses, ordered by date and then by the
/// order of contract §9's table. A form that is not an object has none.
pub fn deadlines<'a>(form: &Form<'a>, facts: &Facts<'a>, options: &Options) -> Vec<Deadline<'a>> {
    if !form.is_object {
        return Vec::new();
    }
    let mut found: Vec<Due> = Vec::with_capacity(8);
    let mut add = |kind, on, field, variant, params| {
        found.push(Due {
            kind,
            on,
            field,
            variant,
            params,
        });
    };
    if let Some(w) = &facts.window {
        let expires = w.expires_on;
        add(
            Kind::PreservationExpires,
            expires,
            "preservation.confirmedOn",
            "",
            [("on", Param::Date(expires)), NONE, NONE],
        );
        let extension_due = expires.add_days(-w.lead_days);
        add(
            Kind::ExtensionDue,
            extension_due,
            "preservation.extensions",
            if w.lead_days == 0 { "sameDay" } else { "" },
            [
                ("on", Param::Date(extension_due)),
                ("lead", Param::Int(w.lead_days)),
                ("expiresOn", Param::Date(expires)),
            ],
        );
        // The day PRES007 starts: `warning_days` is max(expiryWarningDays, lead), so this
        // falls before `extension_due` exactly when expiryWarningDays is more than the lead.
        let reminder = expires.add_days(-w.warning_days);
        if reminder < extension_due {
            add(
                Kind::ExtensionReminder,
                reminder,
                "preservation.extensions",
                "",
                [
                    ("on", Param::Date(reminder)),
                    ("warning", Param::Int(w.warning_days)),
                    ("expiresOn", Param::Date(expires)),
                ],
            );
        }
    }
    let p = &form.preservation;
    if p.status == Some(PreservationStatus::Requested) && p.reference.is_none() {
        // The same condition and date as PRES003.
        if let (Some(on), Some(requested)) = (facts.response_due_on, p.requested_on) {
            add(
                Kind::PreservationFollowUp,
                on,
                "preservation.reference",
                "",
                [
                    ("on", Param::Date(on)),
                    ("requestedOn", Param::Date(requested)),
                    (
                        "businessDays",
                        Param::Int(options.preservation.response_business_days),
                    ),
                ],
            );
        }
    }
    let e = &form.emergency;
    if facts.emergency_applies(form) {
        if let (Some(true), Some(on)) = (e.oral, e.written_follow_up_on) {
            let params = [("on", Param::Date(on)), NONE, NONE];
            add(
                Kind::WrittenFollowUp,
                on,
                "emergency.writtenFollowUpOn",
                "",
                params,
            );
        }
        if let Some(by) = e.harm_expected_by {
            let params = [("on", Param::Date(by.date)), NONE, NONE];
            add(
                Kind::HarmExpected,
                by.date,
                "emergency.harmExpectedBy",
                "",
                params,
            );
        }
    }
    let n = &form.notification;
    if let (Some(true), Some(submitted), Some(days)) = (
        n.request_non_disclosure,
        form.submission_date,
        n.duration_days.filter(|d| *d > 0),
    ) {
        let on = submitted.add_days(days);
        add(
            Kind::NonDisclosureEnds,
            on,
            "notification.durationDays",
            "",
            [
                ("on", Param::Date(on)),
                ("submissionDate", Param::Date(submitted)),
                ("durationDays", Param::Int(days)),
            ],
        );
    }
    found.retain(|d| writable(d.on));
    // At most one of each kind: an insertion sort, stable, and far smaller in the wasm than
    // the standard library's sorts.
    for i in 1..found.len() {
        let mut j = i;
        while j > 0 && before(&found, j) {
            found.swap(j - 1, j);
            j -= 1;
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    let words = messages::catalogue(options.locale);
    let case_reference = text(form.case.reference);
    let preservation_reference = text(p.reference);
    let provider_entity = facts.provider_entity.map(|e| EntityName {
        legal_entity: Cow::Borrowed(e.legal_entity.as_str()),
        country: e.country.as_str(),
    });
    let mut out = Vec::with_capacity(found.len());
    out.extend(found.into_iter().map(|d| {
        let (title, detail) = words.deadline(d.kind as usize, d.variant);
        let days_left = d.on.days_since(facts.today);
        Deadline {
            kind: d.kind,
            on: d.on,
            days_left,
            field: d.field,
            title: Cow::Borrowed(title),
            detail: words.fill_from(detail, &d.params),
            case_reference: case_reference.clone(),
            preservation_reference: preservation_reference.clone(),
            provider_entity: provider_entity.clone(),
            days_left_text: days_left_words(words, days_left),
        }
    }));
    out
}

/// "12 days left", "due today", "3 days overdue" in the words of a locale.
pub fn days_left_words(words: &'static messages::Words, days_left: i64) -> Cow<'static, str> {
    let d = &words.deadlines;
    let params = [("days", Param::Int(days_left.saturating_abs()))];
    match days_left {
        0 => Cow::Borrowed(d.today),
        n if n > 0 => Cow::Owned(words.fill_from(d.left, &params)),
        _ => Cow::Owned(words.fill_from(d.overdue, &params)),
    }
}

// The glue to the reader: the only place here that sees how JSON text becomes a `Form`.

/// The deadlines of a form given as JSON text, or why the text is no form: `not JSON: …`, or
/// `not a form (a JSON object)`.
pub fn read_deadlines(text: &str, options: &Options) -> Result<Vec<Deadline<'static>>, String> {
    with_deadlines(text, options, |list| {
        list.map(|l| l.into_iter().map(Deadline::into_owned).collect())
    })
}

/// The deadlines of a form given as JSON text, handed to `then` while they still borrow the
/// text (what the wasm does: it writes them out at once, without copying a reference first).
pub fn with_deadlines<R>(
    text: &str,
    options: &Options,
    then: impl FnOnce(Result<Vec<Deadline<'_>>, String>) -> R,
) -> R {
    let arena = crate::json::Arena::new();
    let mut hits = Vec::new();
    let is_profile = |key: &str| options.profile(key).is_some();
    let typed =
        match crate::form::read::read(text, &arena, options.date_order, &is_profile, &mut hits) {
            Ok(t) => t,
            Err(e) => return then(Err(alloc::format!("not JSON: {e}"))),
        };
    if !typed.is_object {
        return then(Err(String::from("not a form (a JSON object)")));
    }
    then(Ok(deadlines(&typed, &Facts::new(&typed, options), options)))
}

/// The deadlines of a form given as JSON text; text that is not a form has none.
pub fn deadlines_json(text: &str, options: &Options) -> Vec<Deadline<'static>> {
    read_deadlines(text, options).unwrap_or_default()
}

#[cfg(test)]
mod tests;
