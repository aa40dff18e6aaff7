//! The MAR form (contract §2): a typed view of the JSON the portal sends, read leniently.
//!
//! Every field is optional. Text borrows from the input. A value that could not be read is
//! `None` here and a `FORM001` finding in [`read::read`]'s output, so rules only ever see values
//! that mean something.

pub mod path;
pub mod read;

use crate::country::Country;
use crate::date::{Date, DateTime};
use alloc::vec::Vec;

macro_rules! choice_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }
        impl $name {
            /// The names the form uses, in declaration order.
            pub const NAMES: [&'static str; [$($text),+].len()] = [$($text),+];
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

choice_enum!(
    /// How the request travels.
    RequestType { FormalMar = "formal_mar", PoliceToPolice = "police_to_police", PreservationOnly = "preservation_only", EmergencyDisclosure = "emergency_disclosure" }
);
choice_enum!(
    /// What identifies an account.
    AccountKind { Email = "email", Phone = "phone", Username = "username", Url = "url", UserId = "user_id", Ip = "ip" }
);
choice_enum!(
    /// A category of records.
    Category { Subscriber = "subscriber", Traffic = "traffic", Content = "content" }
);
choice_enum!(
    PreservationStatus { Preserved = "preserved", Requested = "requested", NotRequested = "not_requested" }
);
choice_enum!(
    /// How the records' location was established.
    LocationBasis { ProviderConfirmed = "provider_confirmed", ProviderGuidelines = "provider_guidelines", LegalAdvice = "legal_advice", DomainName = "domain_name", Unknown = "unknown" }
);
choice_enum!(
    Risk { Death = "death", SeriousHarm = "serious_harm", Other = "other" }
);

pub use crate::providers::Notifies;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Form<'a> {
    /// `false` when the input was not an object at all.
    pub is_object: bool,
    pub request_type: Option<RequestType>,
    pub requesting_country: Option<Country>,
    pub requested_country: Option<Country>,
    pub submission_date: Option<Date>,
    pub authority: Authority<'a>,
    pub case: Case<'a>,
    pub provider: Provider<'a>,
    pub accounts: Vec<Account<'a>>,
    pub data: Data,
    pub preservation: Preservation<'a>,
    pub records_location: RecordsLocation<'a>,
    pub emergency: Emergency<'a>,
    pub notification: Notification<'a>,
    pub csam: Csam<'a>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Authority<'a> {
    pub name: Option<&'a str>,
    pub officer: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Case<'a> {
    pub reference: Option<&'a str>,
    pub facts: Option<&'a str>,
    pub nexus: Option<&'a str>,
    pub offences: Vec<Offence<'a>>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Offence<'a> {
    pub name: Option<&'a str>,
    pub provision: Option<&'a str>,
    pub max_penalty_years: Option<i64>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Provider<'a> {
    pub name: Option<&'a str>,
    /// A key of a provider profile that exists (built-in or from the options).
    pub profile: Option<&'a str>,
    pub legal_entity: Option<&'a str>,
    pub country: Option<Country>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Account<'a> {
    pub kind: Option<AccountKind>,
    pub value: Option<&'a str>,
    pub timestamp: Option<DateTime>,
    pub port: Option<i64>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Data {
    pub categories: Vec<Category>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Data {
    pub fn has(&self, c: Category) -> bool {
        self.categories.contains(&c)
    }
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Preservation<'a> {
    pub status: Option<PreservationStatus>,
    pub requested_on: Option<Date>,
    pub confirmed_on: Option<Date>,
    pub reference: Option<&'a str>,
    /// Only a period in 1..=730 days; one outside is `PRES014` and reads as absent.
    pub period_days: Option<i64>,
    pub proof_attached: Option<bool>,
    pub extensions: Vec<Extension<'a>>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Extension<'a> {
    pub requested_on: Option<Date>,
    pub reference: Option<&'a str>,
    pub period_days: Option<i64>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct RecordsLocation<'a> {
    pub country: Option<Country>,
    pub confirmed: Option<bool>,
    pub basis: Option<LocationBasis>,
    pub note: Option<&'a str>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Emergency<'a> {
    pub active: Option<bool>,
    pub risk: Option<Risk>,
    pub justification: Option<&'a str>,
    pub harm_expected_by: Option<DateTime>,
    pub oral: Option<bool>,
    pub oral_made_on: Option<Date>,
    pub written_follow_up_on: Option<Date>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Notification<'a> {
    pub provider_notifies: Option<Notifies>,
    pub request_non_disclosure: Option<bool>,
    pub reason: Option<&'a str>,
    pub duration_days: Option<i64>,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Csam<'a> {
    pub likely: Option<bool>,
    pub declared: Option<bool>,
    pub handling_protocol: Option<&'a str>,
    pub import_permit_ref: Option<&'a str>,
    pub ncmec_reports: Vec<&'a str>,
}

impl Form<'_> {
    /// The emergency rules apply: `emergency.active` is true, or it is not said and the request
    /// type is `emergency_disclosure`.
    pub fn emergency_active(&self) -> bool {
        self.emergency
            .active
            .unwrap_or(self.request_type == Some(RequestType::EmergencyDisclosure))
    }

    pub fn csam_likely(&self) -> bool {
        self.csam.likely == Some(true)
    }
}

/// Characters (not bytes) in a trimmed text; 0 when absent.
pub fn chars(t: Option<&str>) -> usize {
    t.map_or(0, |s| char_count(crate::lenient::trim(s)))
}

/// The characters in `s`: its bytes that start one, that is all but the continuation bytes
/// (`0b10xx_xxxx`), counted eight at a time. (Same as `s.chars().count()`, whose optimised
/// version costs a kilobyte of wasm.)
pub fn char_count(s: &str) -> usize {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut continuation = 0;
    for chunk in chunks.by_ref() {
        let v = chunk
            .iter()
            .rev()
            .fold(0u64, |v, &b| (v << 8) | u64::from(b));
        continuation += (v & !(v << 1) & HIGH).count_ones() as usize;
    }
    let rest = chunks.remainder().iter().filter(|&&b| b & 0xC0 == 0x80);
    s.len() - continuation - rest.count()
}

#[cfg(test)]
mod tests {
    #[test]
    fn char_count_counts_chars() {
        for s in [
            "",
            "abc",
            "é",
            "naïve café",
            "😀 x",
            "\u{FFFD}\u{0}",
            "0123456789abcdefé",
            "éééééééééééé😀😀😀x",
        ] {
            assert_eq!(super::char_count(s), s.chars().count(), "{s}");
        }
    }
}
