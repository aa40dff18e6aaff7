//! The MAR form (contract §2): a typed view of the JSON the portal sends, read leniently.
//!
//! Every field is optional. Text borrows from the input. A value that could not be read is
//! `None` here and a `FORM001` finding in [`read::read`]'s output, so rules only ever see values
//! that mean something.

#[cfg(not(target_arch = "wasm32"))]
#[doc(hidden)]
pub mod oracle;
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
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let text = alloc::string::String::deserialize(d)?;
                $name::NAMES
                    .iter()
                    .position(|n| *n == text)
                    .and_then(|i| $name::ALL.get(i).copied())
                    .ok_or_else(|| serde::de::Error::unknown_variant(&text, &$name::NAMES))
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
    /// The danger an emergency states (v2: the providers' words, and the handbook's).
    Risk { Death = "death", SeriousPhysicalInjury = "serious_physical_injury", ChildHarm = "child_harm", SeriousHarm = "serious_harm", Other = "other" }
);
choice_enum!(
    /// Whether a provider tells the account holder (the form's answer, or a profile's fact).
    Notifies { Yes = "yes", No = "no", Unknown = "unknown" }
);
choice_enum!(
    /// What a non-disclosure rests on.
    NonDisclosureBasis { CourtOrder = "court_order", Statute = "statute", Request = "request" }
);

impl RequestType {
    /// Its column in contract §6.1 (`rule::REQUEST_TYPES`).
    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Form<'a> {
    /// `false` when the input was not an object at all.
    pub is_object: bool,
    pub request_type: Option<RequestType>,
    pub requesting_country: Option<Country>,
    pub requested_country: Option<Country>,
    pub submission_date: Option<Date>,
    pub legal_basis: LegalBasis<'a>,
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

/// The treaty, convention, scheme or law the request rests on. A string reads as its
/// `instrument`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LegalBasis<'a> {
    pub instrument: Option<&'a str>,
    pub article: Option<&'a str>,
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
    /// Where the account holder is, as far as known.
    pub user_country: Option<Country>,
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
    /// Why preservation is needed (Budapest Art. 29(2)(e)).
    pub necessity: Option<&'a str>,
    /// A MAR will follow (Budapest Art. 29(2)(f)).
    pub mar_to_follow: Option<bool>,
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
    /// The danger continues (an abduction, a missing child).
    pub ongoing: Option<bool>,
    pub person_at_risk: Option<&'a str>,
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
    pub basis: Option<NonDisclosureBasis>,
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
    /// The request type the rules apply for: absent reads as `formal_mar`, the strictest.
    pub fn request_type(&self) -> RequestType {
        self.request_type.unwrap_or(RequestType::FormalMar)
    }

    /// The emergency applies (contract §6): `emergency.active` is true, or the request type is
    /// `emergency_disclosure`.
    pub fn emergency_active(&self) -> bool {
        self.emergency.active == Some(true)
            || self.request_type() == RequestType::EmergencyDisclosure
    }

    pub fn csam_likely(&self) -> bool {
        self.csam.likely == Some(true)
    }
}

/// Characters (not bytes) in a trimmed text; 0 when absent.
pub fn chars(t: Option<&str>) -> usize {
    t.map_or(0, |s| crate::text::char_count(crate::text::trim(s)))
}
