//! # marcheck
//!
//! Checks a Mutual Assistance Request (MAR) for internet records while it is typed: the
//! preservation window to the day, the records' location, emergency requests, identifiers, CSAM
//! handling and the other rules of the catalogue (`docs/rules.md`).
//!
//! The core is pure Rust and reads no clock: "today" is [`Options::as_of`]. The same core runs
//! natively (the `marcheck` command line, a portal's server) and in the browser through the thin
//! wasm layer (`src/wasm.rs`).
//!
//! ```
//! use marcheck::{validate_json, Date, Options};
//! let options = Options::new(Date::from_ymd(2026, 11, 29).unwrap());
//! let report = validate_json(r#"{"preservation": {"status": "preserved", "confirmedOn": "2026-09-01",
//!     "reference": "META-2026-0457"}}"#, &options);
//! assert_eq!(report.facts.preservation_expires_on.map(|d| d.to_string()).as_deref(), Some("2026-11-30"));
//! assert_eq!(report.facts.preservation_days_left, Some(1));
//! assert!(report.findings.iter().any(|f| f.code == "PRES007"));
//! ```
//!
//! Flow: **read** (lenient, `FORM001`) → **derive** (facts, once) → **check** (each rule) →
//! **report** (severity overrides, form order, messages in the locale).

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

extern crate alloc;

// Layers, bottom to top; nothing imports a module above it:
//   country, date, json, path, text plain values (leaves); json: the pull reader and Raw
//   rule                            the rules' vocabulary (severity, params, a hit, a declaration)
//   lenient, form                   the model and its lenient reader
//   providers, options              data and settings
//   facts                           derived once
//   rules                           one declaration per rule
//   messages                        texts per locale, filling {params}
//   report                          findings and messages assembled
//   validate                        read -> derive -> check -> report
//   session                         a form held in the core
//   docs, tape, wasm (and src/bin)  outputs and bindings
pub mod calendar;
pub mod country;
pub mod date;
pub mod deadlines;
pub mod docs;
pub mod facts;
pub mod form;
// The wasm's allocator; natively only its tests (over an arena) build it.
#[cfg(any(target_arch = "wasm32", test))]
mod heap;
pub mod json;
pub mod lenient;
pub mod messages;
pub mod options;
pub mod path;
pub mod providers;
pub mod report;
pub mod rule;
pub mod rules;
pub mod session;
pub mod tape;
pub mod text;
pub mod validate;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use date::{Date, DateOrder};
pub use options::{Locale, Options, OptionsError};
pub use report::{Finding, Report, ReportFacts};
pub use rule::{Param, Severity};
pub use session::Session;
pub use validate::{
    MAX_DEPTH, unreadable_form, unreadable_json, validate_json, validate_next, validate_scoped,
};
#[cfg(not(target_arch = "wasm32"))]
pub use validate::{try_validate_json, validate};

use alloc::vec::Vec;
use serde::Serialize;

/// Sorts a short list, stably (an insertion sort: quadratic, so only for lists bounded small —
/// a profile's facts, the profiles, a form's at most 200 extensions). Each use of the standard
/// library's stable sort adds ~5 KB of code to the wasm; this adds ~0.1 KB.
pub(crate) fn sort_small<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 {
            let (Some(a), Some(b)) = (v.get(j - 1), v.get(j)) else {
                break;
            };
            if !before(b, a) {
                break;
            }
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts values that are equal only when they are the same (dates), in O(n log n): a heapsort,
/// ~0.3 KB of wasm where the standard library's unstable sort is ~3.5 KB. For the options'
/// holidays, up to [`options::MAX_HOLIDAYS`].
pub(crate) fn heap_sort<T: Ord + Copy>(v: &mut [T]) {
    fn sift<T: Ord + Copy>(v: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v.get(child) < v.get(child + 1) {
                child += 1;
            }
            if v.get(root) >= v.get(child) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// The order that sorts `v` stably by `less` (a bottom-up merge sort of indexes, O(n log n)):
/// for the report's findings, which may be many. ~0.4 KB of wasm where the standard library's
/// stable sort is ~4 KB an instance.
pub(crate) fn stable_order<T>(v: &[T], less: impl Fn(&T, &T) -> bool) -> Vec<usize> {
    let n = v.len();
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = alloc::vec![0; n];
    let at = |order: &[usize], i: usize| order.get(i).and_then(|&j| v.get(j));
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in to.get_mut(start..end).unwrap_or_default() {
                // The right run's head goes first only when strictly before: stable.
                let right = r < end
                    && (l >= mid
                        || matches!((at(&from, r), at(&from, l)), (Some(b), Some(a)) if less(b, a)));
                let pick = if right { &mut r } else { &mut l };
                *slot = from.get(*pick).copied().unwrap_or(0);
                *pick += 1;
            }
            start = end;
        }
        core::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// The crate's version (also the npm package's).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One rule as `rules(locale)` describes it (contract §7).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub area: &'static str,
    pub field: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub source: &'static str,
    pub applies_to: rule::AppliesTo,
}

/// The catalogue in a locale: `[{ code, severity, area, field, title, description, source,
/// appliesTo }]`.
pub fn rules_info(locale: Locale) -> Vec<RuleInfo> {
    let words = messages::catalogue(locale);
    rules::RULES
        .iter()
        .map(|r| {
            let m = &r.meta;
            let text = words.rule(m.code).cloned().unwrap_or_default();
            RuleInfo {
                code: m.code,
                severity: m.severity,
                area: m.area,
                field: m.field,
                title: text.title,
                description: text.description,
                source: m.source,
                applies_to: m.applies_to,
            }
        })
        .collect()
}

/// The provider profiles in force with these options (`providers()`): `{ KEY: profile }`, the
/// built-in ones (or their override) and those the options add.
pub fn providers_map(options: &Options) -> tape::Map<'_, &providers::Profile> {
    let mut out: Vec<(&str, &providers::Profile)> = Vec::new();
    let all = providers::builtin().iter().chain(options.providers.iter());
    for p in all {
        let p = options.profile(&p.key).unwrap_or(p);
        if !out.iter().any(|(k, _)| *k == p.key) {
            out.push((p.key.as_str(), p));
        }
    }
    sort_small(&mut out, |a, b| a.0 < b.0);
    tape::Map(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_small_is_a_stable_sort() {
        let mut v: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        super::sort_small(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, want);
        let mut empty: [u8; 0] = [];
        super::sort_small(&mut empty, |a, b| a < b);
    }

    #[test]
    fn stable_order_is_a_stable_sort() {
        let mut seed = 11u64;
        for n in [0usize, 1, 2, 3, 5, 8, 9, 100, 1000] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 40) as u32 % 13, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let order = super::stable_order(&v, |a, b| a.0 < b.0);
            let got: Vec<(u32, usize)> = order.iter().map(|&i| v[i]).collect();
            assert_eq!(got, want, "{n}");
        }
    }

    #[test]
    fn heap_sort_sorts() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 10, 100, 1000] {
            let mut v: Vec<u32> = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    (seed >> 40) as u32 % 500
                })
                .collect();
            let mut want = v.clone();
            want.sort_unstable();
            super::heap_sort(&mut v);
            assert_eq!(v, want, "{n}");
        }
    }
}
