//! The report (contract §4): findings with messages in the locale, counts, and the facts. Its
//! shape is defined here once, with serde: the command line writes it with `serde_json`, the
//! wasm hands it to JavaScript on the tape (`src/tape.rs`), and the TypeScript types beside the
//! wasm layer (`src/wasm.rs`) follow these names.

use crate::date::Date;
use crate::facts::Facts;
use crate::form::Form;
use crate::messages;
use crate::options::Options;
use crate::path::{Field, order_key};
use crate::rule::{Hit, Params, Severity};
use crate::rules;
use crate::tape;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use serde::Serialize;

/// One finding of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    #[serde(serialize_with = "tape::static_str")]
    pub code: &'static str,
    pub severity: Severity,
    /// The form path the finding belongs to (the control to mark).
    #[serde(serialize_with = "tape::static_cow")]
    pub field: Field,
    /// What is wrong, in the locale.
    #[serde(serialize_with = "tape::static_cow")]
    pub message: Cow<'static, str>,
    /// What to do, in the locale.
    #[serde(serialize_with = "tape::static_cow")]
    pub help: Cow<'static, str>,
    /// The text that says it: the rule's, or the one its finding names for this form.
    #[serde(serialize_with = "tape::static_cow")]
    pub source: Cow<'static, str>,
    /// The values in the message, so a portal can translate by code.
    pub params: Params,
}

/// How many findings of each severity the report holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub error: u32,
    pub warning: u32,
    pub info: u32,
}

/// The entity that holds the account holder's records (contract §4).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderEntity {
    pub legal_entity: String,
    #[serde(serialize_with = "tape::static_str")]
    pub country: &'static str,
}

/// The facts of the report: dates as `YYYY-MM-DD`, `null` when unknown. Not scoped.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportFacts {
    /// The type the rules were applied for.
    #[serde(serialize_with = "tape::static_str")]
    pub request_type: &'static str,
    pub preservation_start: Option<Date>,
    pub preservation_expires_on: Option<Date>,
    pub preservation_days_left: Option<i64>,
    pub extensions_counted: u32,
    pub response_due_on: Option<Date>,
    pub submission_date: Option<Date>,
    pub provider_entity: Option<ProviderEntity>,
    /// Beyond the contract, for timelines: "today" as the report used it.
    pub as_of: Option<Date>,
    /// Beyond the contract, for timelines: the first day of the "ask for an extension now"
    /// window.
    pub preservation_warning_from: Option<Date>,
}

impl ReportFacts {
    /// The facts of a form, from what was derived from it.
    pub fn of(facts: &Facts<'_>, form: &Form<'_>) -> ReportFacts {
        let w = facts.window.as_ref();
        ReportFacts {
            request_type: facts.request_type.as_str(),
            preservation_start: w.map(|w| w.start),
            preservation_expires_on: w.map(|w| w.expires_on),
            preservation_days_left: w.map(|w| w.days_left),
            extensions_counted: w.map_or(0, |w| w.counted().count() as u32),
            response_due_on: facts.response_due_on,
            submission_date: form.submission_date,
            provider_entity: facts.provider_entity.map(|e| ProviderEntity {
                legal_entity: e.legal_entity.clone(),
                country: e.country.as_str(),
            }),
            as_of: Some(facts.today),
            preservation_warning_from: w.map(|w| w.expires_on.add_days(-w.warning_days)),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// No finding of severity error (in scope).
    pub ok: bool,
    pub counts: Counts,
    pub findings: Vec<Finding>,
    pub facts: ReportFacts,
}

/// Whether `field` is in `scope` (contract §3): a path covers itself and what lies under it
/// (`accounts` covers `accounts[2].value`, not `accountsNote`); `""` covers the form-level
/// findings. No scope covers everything.
pub fn in_scope(scope: Option<&[String]>, field: &str) -> bool {
    let Some(scope) = scope else { return true };
    scope.iter().any(|p| {
        if p.is_empty() {
            return field.is_empty();
        }
        field
            .strip_prefix(p.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    })
}

impl Report {
    /// Applies severities (defaults and `options.rules`) and the scope, orders by form order
    /// then code, and writes the messages in the options' locale.
    #[inline(never)]
    pub fn build(
        hits: Vec<Hit>,
        facts: ReportFacts,
        options: &Options,
        scope: Option<&[String]>,
    ) -> Report {
        let words = messages::catalogue(options.locale);
        let keyed: Vec<_> = hits.into_iter().map(|h| (order_key(&h.field), h)).collect();
        let order = crate::stable_order(&keyed, |(a, x), (b, y)| (a, x.code) < (b, y.code));
        let mut keyed: Vec<Option<_>> = keyed.into_iter().map(Some).collect();
        let hits: Vec<_> = (order.iter())
            .filter_map(|&i| keyed.get_mut(i).and_then(Option::take))
            .collect();
        // A field whose value could not be read reports only that (contract §2): it is then
        // absent, and a "missing" finding at the same control would say the wrong thing. Sorted,
        // the findings at one field are neighbours, so each looks only at its own place.
        let form001 = rules::catalogue::FORM001.meta.code;
        let mut hidden = Vec::with_capacity(hits.len());
        for place in hits.chunk_by(|a, b| a.0 == b.0) {
            for (_, h) in place {
                let unreadable = |(_, o): &(_, Hit)| o.code == form001 && o.field == h.field;
                hidden.push(h.code != form001 && place.iter().any(unreadable));
            }
        }
        let mut findings = Vec::with_capacity(hits.len());
        let mut counts = Counts::default();
        for ((_, h), hidden) in hits.into_iter().zip(hidden) {
            if hidden || !in_scope(scope, &h.field) {
                continue;
            }
            let Some(rule) = rules::by_code(h.code) else {
                continue;
            };
            let Some(severity) = options.severity_of(h.code, rule.meta.severity) else {
                continue;
            };
            *match severity {
                Severity::Error => &mut counts.error,
                Severity::Warning => &mut counts.warning,
                Severity::Info => &mut counts.info,
            } += 1;
            let (message, help) = words.render(h.code, &h.params);
            findings.push(Finding {
                code: h.code,
                severity,
                field: h.field,
                message,
                help,
                source: h.source.unwrap_or(Cow::Borrowed(rule.meta.source)),
                params: h.params,
            });
        }
        Report {
            ok: counts.error == 0,
            counts,
            findings,
            facts,
        }
    }

    /// The report as JSON text (contract §4), as the command line writes it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
