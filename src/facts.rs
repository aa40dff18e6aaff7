//! Facts worked out once from the form, before any rule runs: the provider profile in force and
//! the preservation window. Two rules never disagree about a date because neither computes it.
//!
//! The window (contract §6): **start** = `confirmedOn`, else `requestedOn`. **Initial period** =
//! `periodDays`, else the profile's, else `options.preservation.defaultPeriodDays`. Extensions are
//! taken in date order; one **counts** when asked on or after the start and on or before the
//! expiry in force when it was asked, and adds its own `periodDays`, else the profile's
//! `extensionDays`, else the option's. **Expiry** = start + initial + counted extensions;
//! **lapsed** when `asOf >= expiry`; **days left** = expiry − asOf.

use crate::date::Date;
use crate::form::{Form, PreservationStatus};
use crate::options::Options;
use crate::providers::Profile;
use crate::report::Facts;
use crate::sort::sort_by_key;
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
}

impl Window {
    pub fn counted(&self) -> impl Iterator<Item = &ExtensionFact> {
        self.extensions.iter().filter(|e| e.counted)
    }
}

/// Everything derived from the form that more than one rule, or the report, needs.
#[derive(Clone, Debug)]
pub struct Derived<'o> {
    pub today: Date,
    /// The profile named by `provider.profile`, if any.
    pub profile: Option<&'o Profile>,
    /// The window rules apply: status is anything but `not_requested`.
    pub preservation_applies: bool,
    pub window: Option<Window>,
    /// `maxTotalDays` in force: the profile's, else the option's.
    pub max_total_days: i64,
    /// `requestedOn` + `responseBusinessDays` business days.
    pub response_due_on: Option<Date>,
}

impl<'o> Derived<'o> {
    #[inline(never)]
    pub fn new(form: &Form<'_>, options: &'o Options) -> Derived<'o> {
        let today = options.as_of;
        let profile = form.provider.profile.and_then(|k| options.profile(k));
        let po = &options.preservation;
        let pres = &form.preservation;
        let preservation_applies = pres.status != Some(PreservationStatus::NotRequested);
        let max_total_days = profile
            .and_then(|p| p.max_total_days)
            .unwrap_or(po.max_total_days);
        let response_due_on = pres.requested_on.filter(|_| preservation_applies).map(|d| {
            d.add_business_days(
                po.response_business_days.clamp(0, 10_000) as u32,
                &options.holidays,
            )
        });

        let start = pres
            .confirmed_on
            .or(pres.requested_on)
            .filter(|_| preservation_applies);
        let window = start.map(|start| {
            let initial_days = valid_period(pres.period_days)
                .or_else(|| profile.and_then(|p| p.period_days))
                .unwrap_or(po.default_period_days);
            let default_extension = profile
                .and_then(|p| p.extension_days)
                .unwrap_or(po.extension_days);
            let mut rows: Vec<(usize, Date, i64)> = pres
                .extensions
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    Some((
                        i,
                        e.requested_on?,
                        valid_period(e.period_days).unwrap_or(default_extension),
                    ))
                })
                .collect();
            sort_by_key(&mut rows, |&(i, d, _)| (d, i));
            let mut expires_on = start.add_days(initial_days);
            let mut total_days = initial_days;
            let extensions = rows
                .into_iter()
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
            let lead = profile.and_then(|p| p.extension_lead_days).unwrap_or(0);
            let days_left = expires_on.days_since(today);
            Window {
                start,
                initial_days,
                extensions,
                expires_on,
                total_days,
                days_left,
                lapsed: today >= expires_on,
                warning_days: po.expiry_warning_days.max(lead),
            }
        });
        Derived {
            today,
            profile,
            preservation_applies,
            window,
            max_total_days,
            response_due_on,
        }
    }

    /// The `facts` of the report.
    pub fn facts(&self, form: &Form<'_>) -> Facts {
        let w = self.window.as_ref();
        Facts {
            preservation_start: w.map(|w| w.start),
            preservation_expires_on: w.map(|w| w.expires_on),
            preservation_days_left: w.map(|w| w.days_left),
            extensions_counted: w.map_or(0, |w| w.counted().count() as u32),
            response_due_on: self.response_due_on,
            submission_date: form.submission_date,
            as_of: Some(self.today),
            preservation_warning_from: w.map(|w| w.expires_on.add_days(-w.warning_days)),
        }
    }
}
