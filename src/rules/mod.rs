//! The rule catalogue (contract §6): one rule per file under `src/rules/<area>/`, registered in
//! [`RULES`], the one table that the engine, `rules()`, the command line and `docs/rules.md` read.
//!
//! A rule file holds one [`declare_rule!`]: its doc (*What it does*, *Why*, *Example*), code,
//! default severity, field (a model path), the request types it applies to (§6.1), its source
//! and its message parameters; then a short `check` that reads the typed form and the facts and
//! pushes [`Hit`]s, and its `pass`/`fail` vectors. The *Example* runs as a test: the rule fires
//! on it.
//!
//! **Adding a rule**: its file (copy a neighbour), one line in [`RULES`], and its texts in each
//! locale file (`src/messages/*.json`); the build fails when a locale lacks them or a
//! placeholder names no declared parameter.

use crate::facts::Facts;
use crate::form::Form;
use crate::options::Options;
use crate::rule::{Hit, Meta};
use alloc::vec::Vec;

/// Declares a rule: the one place each fact about it is written. Expands to `pub const RULE`.
///
/// ```text
/// declare_rule! {
///     /// ## What it does … ## Why … ## Example ```json {…} ```
///     PRES006 {
///         area: "preservation",
///         severity: Error,
///         field: "preservation.confirmedOn",
///         applies_to: [M, P, S],
///         source: source::HANDBOOK_2_7,
///         params: ["expiredOn", "daysAgo"],
///     }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $code:ident {
            area: $area:literal,
            severity: $severity:ident,
            field: $field:literal,
            applies_to: [$($applies:ident),+ $(,)?],
            source: $source:expr,
            params: [$($param:literal),* $(,)?] $(,)?
        }
    ) => {
        pub const RULE: $crate::rules::Rule = $crate::rules::Rule {
            meta: $crate::rule::Meta {
                code: stringify!($code),
                area: $area,
                severity: $crate::rule::Severity::$severity,
                field: $field,
                applies_to: $crate::rule::AppliesTo::NONE$(.or($crate::rule::AppliesTo::$applies))+,
                source: $source,
                params: &[$($param),*],
                // The docs are for `docs/rules.md` and the tests: the browser never shows them.
                doc: if cfg!(target_arch = "wasm32") { "" } else { concat!($($doc, "\n"),*) },
            },
            check,
        };
    };
}

// Helpers that several rules of one area share.
mod authority;
mod identifiers;
mod preservation;

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;

/// What a rule reads.
pub struct Ctx<'c> {
    pub form: &'c Form<'c>,
    pub facts: &'c Facts<'c>,
    pub options: &'c Options,
}

/// A rule of the catalogue: its declaration and its check.
pub struct Rule {
    pub meta: Meta,
    pub check: fn(&Ctx<'_>, &mut Vec<Hit>),
}

/// Declares the catalogue from one table: each rule's module (its file), [`RULES`] in catalogue
/// order, and [`catalogue`], where each rule is found by its code (`catalogue::PRES006`).
macro_rules! catalogue {
    ($($code:ident => $file:literal,)+) => {
        $(
            #[allow(non_snake_case)]
            #[path = $file]
            mod $code;
        )+
        /// Every rule, in catalogue order.
        pub const RULES: &[Rule] = &[$($code::RULE),+];
        /// Each rule by its code, for code that names one rule.
        pub mod catalogue {
            $(pub use super::$code::RULE as $code;)+
        }
    };
}

// The catalogue: one line per rule.
catalogue! {
    FORM001 => "form/form001_unreadable_value.rs",
    CASE001 => "case/case001_countries.rs",
    CASE002 => "case/case002_no_offence.rs",
    CASE003 => "case/case003_facts_too_short.rs",
    CASE004 => "case/case004_no_legal_basis.rs",
    AUTH001 => "authority/auth001_authority_missing.rs",
    AUTH002 => "authority/auth002_unofficial_email.rs",
    AUTH003 => "authority/auth003_no_phone.rs",
    ID001 => "identifiers/id001_no_account.rs",
    ID002 => "identifiers/id002_malformed_identifier.rs",
    ID003 => "identifiers/id003_ip_without_offset.rs",
    ID004 => "identifiers/id004_duplicate_account.rs",
    ID005 => "identifiers/id005_kind_not_accepted.rs",
    ID006 => "identifiers/id006_ipv4_without_port.rs",
    DATA001 => "data/data001_no_category.rs",
    DATA002 => "data/data002_content_police_to_police.rs",
    DATA003 => "data/data003_content_without_nexus.rs",
    DATA004 => "data/data004_police_to_police_may_be_faster.rs",
    DATE001 => "dates/date001_range_incomplete.rs",
    DATE002 => "dates/date002_range_reversed.rs",
    DATE003 => "dates/date003_range_in_future.rs",
    DATE004 => "dates/date004_range_too_long.rs",
    PRES001 => "preservation/pres001_no_reference.rs",
    PRES002 => "preservation/pres002_placeholder_reference.rs",
    PRES003 => "preservation/pres003_no_reference_yet.rs",
    PRES004 => "preservation/pres004_preserved_without_date.rs",
    PRES005 => "preservation/pres005_date_in_future.rs",
    PRES006 => "preservation/pres006_lapsed.rs",
    PRES007 => "preservation/pres007_expiring_soon.rs",
    PRES008 => "preservation/pres008_extension_out_of_window.rs",
    PRES009 => "preservation/pres009_beyond_maximum.rs",
    PRES010 => "preservation/pres010_no_proof.rs",
    PRES011 => "preservation/pres011_data_after_snapshot.rs",
    PRES012 => "preservation/pres012_not_preserved.rs",
    PRES013 => "preservation/pres013_confirmed_before_requested.rs",
    PRES014 => "preservation/pres014_period_out_of_range.rs",
    PRES015 => "preservation/pres015_no_mar_to_follow.rs",
    PRES016 => "preservation/pres016_no_necessity.rs",
    PRES017 => "preservation/pres017_extension_without_reference.rs",
    PRES018 => "preservation/pres018_extension_too_late.rs",
    LOC001 => "location/loc001_location_missing.rs",
    LOC002 => "location/loc002_location_not_confirmed.rs",
    LOC003 => "location/loc003_wrong_country.rs",
    LOC004 => "location/loc004_weak_basis.rs",
    LOC005 => "location/loc005_records_in_us.rs",
    LOC006 => "location/loc006_other_entity.rs",
    EMER001 => "emergency/emer001_justification_too_short.rs",
    EMER002 => "emergency/emer002_risk_not_serious.rs",
    EMER003 => "emergency/emer003_no_time_frame.rs",
    EMER004 => "emergency/emer004_not_imminent.rs",
    EMER005 => "emergency/emer005_no_written_follow_up.rs",
    EMER006 => "emergency/emer006_contacts.rs",
    EMER007 => "emergency/emer007_serious_harm_to_provider.rs",
    EMER008 => "emergency/emer008_time_frame_passed.rs",
    EMER009 => "emergency/emer009_no_person_at_risk.rs",
    CSAM001 => "csam/csam001_not_declared.rs",
    CSAM002 => "csam/csam002_no_protocol.rs",
    CSAM003 => "csam/csam003_no_import_permit.rs",
    CSAM004 => "csam/csam004_no_ncmec_reports.rs",
    NOTE001 => "notification/note001_no_non_disclosure.rs",
    NOTE002 => "notification/note002_non_disclosure_unexplained.rs",
    NOTE003 => "notification/note003_order_needed.rs",
    NOTE004 => "notification/note004_notice_not_stated.rs",
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static Rule> {
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
        if let Some(k) = code_key(RULES[i].meta.code.as_bytes()) {
            keys[i] = k;
        }
        i += 1;
    }
    keys
};

// What each rule reads (`READS`), found by build.rs in the rule's own file.
include!(concat!(env!("OUT_DIR"), "/rule_reads.rs"));
const _: () = assert!(
    READS.len() == RULES.len(),
    "build.rs: every rule has its reads"
);

/// A session's findings of each rule from its last report (issue 15): a rule runs again only
/// when a top-level key it reads (`READS`) has been read again since.
#[derive(Clone, Debug, Default)]
pub struct Cache {
    hits: Vec<Vec<Hit>>,
    stale: u32,
}

impl Cache {
    /// The top-level key `key` was read again.
    pub fn touch(&mut self, key: &str) {
        if let Some(i) = crate::form::read::FORM_KEYS.iter().position(|k| *k == key) {
            self.stale |= 1 << i;
        }
    }
    /// Everything may have changed.
    pub fn touch_all(&mut self) {
        self.stale = u32::MAX;
    }
}

/// [`check_all`] for a session: the rules whose keys did not change give what they gave last
/// time. Same findings in the same order (a property test compares with a whole read).
pub fn check_cached(cx: &Ctx<'_>, cache: &mut Cache, out: &mut Vec<Hit>) {
    if cache.hits.len() != RULES.len() {
        cache.hits = alloc::vec![Vec::new(); RULES.len()];
        cache.stale = u32::MAX;
    }
    let request_type = cx.facts.request_type.index();
    for ((rule, reads), hits) in RULES.iter().zip(READS).zip(cache.hits.iter_mut()) {
        if reads & cache.stale != 0 {
            hits.clear();
            if runs(rule, cx, request_type) {
                (rule.check)(cx, hits);
            }
        }
        out.extend_from_slice(hits);
    }
    cache.stale = 0;
}

/// Runs every rule that applies to the request type (contract §6.1) and is not turned off. A
/// rule that does not apply stays silent whatever `options.rules` says.
pub fn check_all(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let request_type = cx.facts.request_type.index();
    for rule in RULES {
        if runs(rule, cx, request_type) {
            (rule.check)(cx, out);
        }
    }
}

/// Whether `rule` runs: it applies to the request type and is not turned off.
fn runs(rule: &Rule, cx: &Ctx<'_>, request_type: usize) -> bool {
    let m = &rule.meta;
    m.applies_to.has(request_type) && cx.options.severity_of(m.code, m.severity).is_some()
}

/// Nothing to check: findings of this code come from elsewhere (the reader).
pub(crate) fn no_check(_: &Ctx<'_>, _: &mut Vec<Hit>) {}
