//! Facts worked out once from the form, before any rule runs: the request type, the provider
//! profile in force, the entity holding the records and the preservation window. Two rules
//! never disagree about a date because neither computes it.
//!
//! The window (contract §6): **start** = `confirmedOn`, else `requestedOn`. **Initial period** =
//! `periodDays`, else the profile's, else `options.preservation.defaultPeriodDays`. Extensions are
//! taken in date order; one **counts** when asked on or after the start and on or before the
//! expiry in force when it was asked, and adds its own `periodDays`, else the profile's
//! `extensionDays`, else the option's. **Expiry** = start + initial + counted extensions;
//! **lapsed** when `asOf >= expiry`; **days left** = expiry − asOf.

use crate::country::Country;
use crate::date::Date;
use crate::form::{Form, Notifies, PreservationStatus, RequestType};
use crate::options::Options;
use crate::providers::{self, Entity, Profile};
use alloc::vec::Vec;

/// A period of days the window may use; outside this range it is `PRES014` and ignored.
pub const PERIOD_RANGE: core::ops::RangeInclusive<i64> = 1..=730;

fn valid_period(p: Option<i64>) -> Option<i64> {
    p.filter(|d| PERIOD_RANGE.contains(d))
}

/// What became of one extension row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtensionFact {
    /// Its row in `preservation.extensions`.
    pub index: usize,
    pub requested_on: Date,
    /// The expiry in force when it was asked.
    pub expiry_then: Date,
    pub counted: bool,
    /// Days it adds when counted.
    pub adds_days: i64,
}

/// The preservation window, when it applies and its start is known.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    pub start: Date,
    pub initial_days: i64,
    pub extensions: Vec<ExtensionFact>,
    pub expires_on: Date,
    /// Initial period plus the counted extensions.
    pub total_days: i64,
    pub days_left: i64,
    pub lapsed: bool,
    /// `max(expiryWarningDays, profile.extensionLeadDays)`.
    pub warning_days: i64,
    /// The profile's `extensionLeadDays` (0 when it states none): an extension should reach the
    /// provider that many days before the expiry.
    pub lead_days: i64,
}

impl Window {
    pub fn counted(&self) -> impl Iterator<Item = &ExtensionFact> {
        self.extensions.iter().filter(|e| e.counted)
    }
}

/// Everything derived from the form that more than one rule, or the report, needs.
#[derive(Clone, Debug)]
pub struct Facts<'o> {
    pub today: Date,
    /// The type the rules apply for: absent reads as `formal_mar`.
    pub request_type: RequestType,
    /// The profile named by `provider.profile`, if any.
    pub selected_profile: Option<&'o Profile>,
    /// The profile in force: the selected one, else `us_default` (contract §5).
    pub profile: Option<&'o Profile>,
    /// The entity that holds the account holder's records (`provider.userCountry`, else
    /// `requestingCountry`), when the profile in force names one.
    pub provider_entity: Option<&'o Entity>,
    /// The window rules apply: status is anything but `not_requested`.
    pub preservation_applies: bool,
    pub window: Option<Window>,
    /// `maxTotalDays` in force: the profile's, else the option's, else none.
    pub max_total_days: Option<i64>,
    /// `requestedOn` + `responseBusinessDays` business days.
    pub response_due_on: Option<Date>,
}

impl<'o> Facts<'o> {
    #[inline(never)]
    pub fn new(form: &Form<'_>, options: &'o Options) -> Facts<'o> {
        let today = options.as_of;
        let selected_profile = form.provider.profile.and_then(|k| options.profile(k));
        let us_default: Option<&'o Profile> = match options.profile("us_default") {
            Some(p) => Some(p),
            None => providers::us_default(),
        };
        let profile = selected_profile.or(us_default);
        let pres = &form.preservation;
        let preservation_applies = pres.status != Some(PreservationStatus::NotRequested);
        let max_total_days = profile
            .and_then(|p| p.max_total_days)
            .or(options.preservation.max_total_days);
        let response_due_on = pres.requested_on.filter(|_| preservation_applies).map(|d| {
            d.add_business_days(
                options.preservation.response_business_days.clamp(0, 10_000) as u32,
                &options.holidays,
            )
        });
        let start = pres
            .confirmed_on
            .or(pres.requested_on)
            .filter(|_| preservation_applies);
        // A selected profile's null numbers fall back to `us_default`'s, then to the options.
        let number = |fact: fn(&Profile) -> Option<i64>| {
            selected_profile
                .and_then(fact)
                .or_else(|| us_default.and_then(fact))
        };
        let periods = Periods {
            initial: number(|p| p.period_days).unwrap_or(options.preservation.default_period_days),
            extension: number(|p| p.extension_days).unwrap_or(options.preservation.extension_days),
            lead: profile.and_then(|p| p.extension_lead_days).unwrap_or(0),
            warning: options.preservation.expiry_warning_days,
        };
        let holder = form.provider.user_country.or(form.requesting_country);
        Facts {
            today,
            request_type: form.request_type(),
            selected_profile,
            profile,
            provider_entity: holder.and_then(|c| entity_for(profile, c)),
            preservation_applies,
            window: start.map(|start| Window::new(form, start, &periods, today)),
            max_total_days,
            response_due_on,
        }
    }

    /// Whether the emergency applies (contract §6): `emergency.active` is true, or the request
    /// type the report states is `emergency_disclosure`.
    pub fn emergency_applies(&self, form: &Form<'_>) -> bool {
        form.emergency.active == Some(true) || self.request_type == RequestType::EmergencyDisclosure
    }

    /// Whether the provider notifies the account holder before disclosing: the form's answer,
    /// else the profile's.
    pub fn notifies_user(&self, form: &Form<'_>) -> Notifies {
        form.notification
            .provider_notifies
            .or(self.profile.map(|p| p.notifies_user))
            .unwrap_or(Notifies::Unknown)
    }

    /// Whether the notice rules (NOTE001, NOTE003, NOTE004) apply (contract §6.1): always for a
    /// request that discloses; for a preservation only when the provider notifies on a
    /// preservation alone.
    pub fn notice_rules_apply(&self, form: &Form<'_>) -> bool {
        self.request_type != RequestType::PreservationOnly
            || self.notifies_on_preservation(form) == Notifies::Yes
    }

    /// Whether the provider notifies on a preservation alone: the form's answer, else the
    /// profile's.
    pub fn notifies_on_preservation(&self, form: &Form<'_>) -> Notifies {
        form.notification
            .provider_notifies
            .or(self.profile.map(|p| p.notifies_on_preservation))
            .unwrap_or(Notifies::Unknown)
    }
}

fn entity_for(profile: Option<&Profile>, country: Country) -> Option<&Entity> {
    profile?.entity_for(country)
}

/// The numbers of days a window uses when the form gives none.
struct Periods {
    initial: i64,
    extension: i64,
    /// The profile's `extensionLeadDays` (0 when it states none).
    lead: i64,
    /// `options.preservation.expiryWarningDays`.
    warning: i64,
}

impl Window {
    /// The window from `start` (contract §6): extensions taken in date order, each counted
    /// when asked on or after the start and on or before the expiry then in force.
    fn new(form: &Form<'_>, start: Date, periods: &Periods, today: Date) -> Window {
        let pres = &form.preservation;
        let initial_days = valid_period(pres.period_days).unwrap_or(periods.initial);
        let mut rows: Vec<(usize, Date, i64)> = (pres.extensions.iter().enumerate())
            .filter_map(|(i, e)| {
                let adds = valid_period(e.period_days).unwrap_or(periods.extension);
                Some((i, e.requested_on?, adds))
            })
            .collect();
        // At most MAX_ROWS rows (the reader's limit).
        crate::sort_small(&mut rows, |a, b| (a.1, a.0) < (b.1, b.0));
        let mut expires_on = start.add_days(initial_days);
        let mut total_days = initial_days;
        let extensions = (rows.into_iter())
            .map(|(index, requested_on, adds_days)| {
                let expiry_then = expires_on;
                let counted = requested_on >= start && requested_on <= expiry_then;
                if counted {
                    expires_on = expires_on.add_days(adds_days);
                    total_days += adds_days;
                }
                ExtensionFact {
                    index,
                    requested_on,
                    expiry_then,
                    counted,
                    adds_days,
                }
            })
            .collect();
        let days_left = expires_on.days_since(today);
        Window {
            start,
            initial_days,
            extensions,
            expires_on,
            total_days,
            days_left,
            lapsed: today >= expires_on,
            warning_days: periods.warning.max(periods.lead),
            lead_days: periods.lead.max(0),
        }
    }
}
