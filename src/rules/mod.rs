//! The rule catalogue (contract §6): one rule per file under `src/rules/<area>/`, registered in
//! [`RULES`], the one table that the engine, `rules()`, the command line and `docs/rules.md` read.
//!
//! A rule file holds its doc comment (*What it does*, *Why*, *Example*), its [`Rule`] (code,
//! default severity, field, source) and a short `check` that reads the typed form and the
//! derived facts and pushes findings. Its `pass`/`fail` vectors sit next to it.

use crate::facts::Derived;
use crate::form::Form;
use crate::options::Options;
use crate::report::{RawFinding, Severity};
use alloc::vec::Vec;

mod authority;
mod case;
mod csam;
mod data;
mod dates;
mod emergency;
mod form;
mod identifiers;
mod location;
mod notification;
mod preservation;

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_found_by_their_key() {
        for (i, r) in super::RULES.iter().enumerate() {
            assert_eq!(super::index_of(r.code), Some(i), "{}", r.code);
        }
        for other in ["", "PRES", "PRES0077", "pres007", "PRES007 ", "XPRES0071"] {
            assert_eq!(super::index_of(other), None, "{other}");
        }
    }
}

/// What a rule reads.
pub struct Ctx<'c> {
    pub form: &'c Form<'c>,
    pub derived: &'c Derived<'c>,
    pub options: &'c Options,
}

/// A rule of the catalogue.
pub struct Rule {
    pub code: &'static str,
    /// The part of the form it is about (`preservation`, `emergency`, …).
    pub area: &'static str,
    pub severity: Severity,
    /// The field its findings mark, as the catalogue states it.
    pub field: &'static str,
    /// The authority behind the rule.
    pub source: &'static str,
    pub check: fn(&Ctx<'_>, &mut Vec<RawFinding>),
}

/// Every rule, in catalogue order.
pub const RULES: &[Rule] = &[
    form::form001_unreadable_value::RULE,
    case::case001_countries::RULE,
    case::case002_no_offence::RULE,
    case::case003_facts_too_short::RULE,
    authority::auth001_authority_missing::RULE,
    authority::auth002_unofficial_email::RULE,
    identifiers::id001_no_account::RULE,
    identifiers::id002_malformed_identifier::RULE,
    identifiers::id003_ip_without_offset::RULE,
    identifiers::id004_duplicate_account::RULE,
    identifiers::id005_kind_not_accepted::RULE,
    data::data001_no_category::RULE,
    data::data002_content_police_to_police::RULE,
    data::data003_content_without_nexus::RULE,
    data::data004_police_to_police_may_be_faster::RULE,
    dates::date001_range_incomplete::RULE,
    dates::date002_range_reversed::RULE,
    dates::date003_range_in_future::RULE,
    dates::date004_range_too_long::RULE,
    preservation::pres001_no_reference::RULE,
    preservation::pres002_placeholder_reference::RULE,
    preservation::pres003_no_reference_yet::RULE,
    preservation::pres004_preserved_without_date::RULE,
    preservation::pres005_date_in_future::RULE,
    preservation::pres006_lapsed::RULE,
    preservation::pres007_expiring_soon::RULE,
    preservation::pres008_extension_out_of_window::RULE,
    preservation::pres009_beyond_maximum::RULE,
    preservation::pres010_no_proof::RULE,
    preservation::pres011_data_after_snapshot::RULE,
    preservation::pres012_not_preserved::RULE,
    preservation::pres013_confirmed_before_requested::RULE,
    preservation::pres014_period_out_of_range::RULE,
    location::loc001_location_missing::RULE,
    location::loc002_location_not_confirmed::RULE,
    location::loc003_wrong_country::RULE,
    location::loc004_weak_basis::RULE,
    location::loc005_records_in_us::RULE,
    emergency::emer001_justification_too_short::RULE,
    emergency::emer002_risk_not_serious::RULE,
    emergency::emer003_no_time_frame::RULE,
    emergency::emer004_not_imminent::RULE,
    emergency::emer005_no_written_follow_up::RULE,
    emergency::emer006_contacts::RULE,
    csam::csam001_not_declared::RULE,
    csam::csam002_no_protocol::RULE,
    csam::csam003_no_import_permit::RULE,
    csam::csam004_no_ncmec_reports::RULE,
    notification::note001_no_non_disclosure::RULE,
    notification::note002_non_disclosure_unexplained::RULE,
];

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.get(index_of(code)?)
}

/// The position in [`RULES`] of the rule with this code. Every finding of a report looks its
/// rule up, so codes are compared as numbers (`code_key`), not as texts.
pub fn index_of(code: &str) -> Option<usize> {
    let key = code_key(code.as_bytes())?;
    CODE_KEYS.iter().position(|&k| k == key)
}

/// A code of up to 8 bytes as one number (its bytes, big-endian), `None` for a longer text.
const fn code_key(mut code: &[u8]) -> Option<u64> {
    if code.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    while let [b, rest @ ..] = code {
        key = (key << 8) | *b as u64;
        code = rest;
    }
    Some(key)
}

/// [`code_key`] of each rule, in [`RULES`] order.
const CODE_KEYS: [u64; RULES.len()] = {
    let mut keys = [0; RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        #[expect(
            clippy::indexing_slicing,
            reason = "evaluated at compile time, where an index out of bounds fails the build"
        )]
        if let Some(k) = code_key(RULES[i].code.as_bytes()) {
            keys[i] = k;
        }
        i += 1;
    }
    keys
};

/// Runs every rule that is not turned off.
pub fn check_all(cx: &Ctx<'_>, out: &mut Vec<RawFinding>) {
    for rule in RULES {
        if cx.options.severity_of(rule.code, rule.severity).is_some() {
            (rule.check)(cx, out);
        }
    }
}

/// Nothing to check: findings of this code come from elsewhere (the reader).
pub(crate) fn no_check(_: &Ctx<'_>, _: &mut Vec<RawFinding>) {}

/// Sources, written once.
pub(crate) mod source {
    pub const H25: &str = "Handbook §2.5";
    pub const H26: &str = "Handbook §2.6";
    pub const H27: &str = "Handbook §2.7";
    pub const H28: &str = "Handbook §2.8";
    pub const H29: &str = "Handbook §2.9";
}
