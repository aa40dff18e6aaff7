//! The report (contract §4): findings with messages in the locale, counts, and the derived facts.

use crate::date::Date;
use crate::form::path::{Field, order_key};
use crate::json;
use crate::messages::{self, Catalogue};
use crate::options::Options;
use crate::sort::sort_by_key;
use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// How much a finding matters. Only errors make `ok` false, block a submit, or exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A value shown in a message, and given to the portal in `params`.
#[derive(Clone, Debug, PartialEq)]
pub enum Param {
    Int(i64),
    Text(String),
    Date(Date),
    /// A word the messages translate (`date`, `country`, …); `params` carries the key.
    Term(&'static str),
}

/// What a rule (or the reader) found, before severity and words are applied.
#[derive(Clone, Debug, PartialEq)]
pub struct RawFinding {
    pub code: &'static str,
    pub field: Field,
    pub params: Vec<(&'static str, Param)>,
}

impl RawFinding {
    #[inline(never)]
    pub fn new(code: &'static str, field: impl Into<Field>) -> RawFinding {
        RawFinding {
            code,
            field: field.into(),
            params: Vec::new(),
        }
    }

    /// Adds a parameter (builder style).
    #[inline(never)]
    pub fn with(mut self, name: &'static str, value: Param) -> RawFinding {
        self.params.push((name, value));
        self
    }
}

/// One finding of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// The form path the finding belongs to (the control to mark).
    pub field: Field,
    /// What is wrong, in the locale: the catalogue's own text when it has no placeholder.
    pub message: Cow<'static, str>,
    /// What to do, in the locale.
    pub help: Cow<'static, str>,
    /// The authority behind the rule.
    pub source: &'static str,
    pub params: Vec<(&'static str, Param)>,
}

/// Dates worked out once from the form (`None` when unknown).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub preservation_start: Option<Date>,
    pub preservation_expires_on: Option<Date>,
    pub preservation_days_left: Option<i64>,
    pub extensions_counted: u32,
    pub response_due_on: Option<Date>,
    pub submission_date: Option<Date>,
    /// Not in contract v1's list, added for timelines: "today" as the report used it.
    pub as_of: Option<Date>,
    /// Added for timelines: the first day of the "ask for an extension now" window.
    pub preservation_warning_from: Option<Date>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// No finding of severity error.
    pub ok: bool,
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
    pub findings: Vec<Finding>,
    pub facts: Facts,
}

impl Report {
    /// Applies severities (defaults and `options.rules`), orders by form order then code, and
    /// writes the messages in the options' locale.
    #[inline(never)]
    pub fn build(raw: Vec<RawFinding>, facts: Facts, options: &Options) -> Report {
        let words = messages::catalogue(options.locale);
        let mut raw: Vec<_> = raw.into_iter().map(|r| (order_key(&r.field), r)).collect();
        sort_by_key(&mut raw, |(place, r)| (*place, r.code));
        // A field whose value could not be read reports only that (contract §6): it is then
        // absent, and a "missing" finding at the same control would say the wrong thing. Sorted,
        // the findings at one field are neighbours, so each looks only at its own place.
        let mut hidden = Vec::with_capacity(raw.len());
        for place in raw.chunk_by(|a, b| a.0 == b.0) {
            for (_, r) in place {
                let unreadable =
                    |(_, o): &(_, RawFinding)| o.code == "FORM001" && o.field == r.field;
                hidden.push(r.code != "FORM001" && place.iter().any(unreadable));
            }
        }
        let mut findings = Vec::with_capacity(raw.len());
        let (mut errors, mut warnings, mut infos) = (0, 0, 0);
        for ((_, r), hidden) in raw.into_iter().zip(hidden) {
            let Some(index) = crate::rules::index_of(r.code).filter(|_| !hidden) else {
                continue;
            };
            let Some(rule) = crate::rules::RULES.get(index) else {
                continue;
            };
            let Some(severity) = options.severity_of(r.code, rule.severity) else {
                continue;
            };
            *match severity {
                Severity::Error => &mut errors,
                Severity::Warning => &mut warnings,
                Severity::Info => &mut infos,
            } += 1;
            let (message, help) = words.render(index, r.code, &r.params);
            findings.push(Finding {
                code: r.code,
                severity,
                field: r.field,
                message,
                help,
                source: rule.source,
                params: r.params,
            });
        }
        Report {
            ok: errors == 0,
            errors,
            warnings,
            infos,
            findings,
            facts,
        }
    }

    /// The report as JSON (contract §4 names), as it crosses to JavaScript.
    #[inline(never)]
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + self.findings.len() * 400);
        out.push_str("{\"ok\":");
        out.push_str(if self.ok { "true" } else { "false" });
        out.push_str(",\"counts\":{\"error\":");
        json::write_int(&mut out, i64::from(self.errors));
        out.push_str(",\"warning\":");
        json::write_int(&mut out, i64::from(self.warnings));
        out.push_str(",\"info\":");
        json::write_int(&mut out, i64::from(self.infos));
        out.push_str("},\"findings\":[");
        for (i, f) in self.findings.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"code\":\"");
            out.push_str(f.code);
            out.push_str("\",\"severity\":\"");
            out.push_str(f.severity.as_str());
            out.push_str("\",\"field\":");
            json::write_str(&mut out, &f.field);
            out.push_str(",\"message\":");
            json::write_str(&mut out, &f.message);
            out.push_str(",\"help\":");
            json::write_str(&mut out, &f.help);
            out.push_str(",\"source\":");
            json::write_str(&mut out, f.source);
            out.push_str(",\"params\":");
            write_params(&mut out, &f.params);
            out.push('}');
        }
        out.push_str("],\"facts\":{");
        let facts = &self.facts;
        let date = |out: &mut String, name: &str, d: Option<Date>, first: bool| {
            if !first {
                out.push(',');
            }
            out.push('"');
            out.push_str(name);
            out.push_str("\":");
            match d {
                Some(d) => {
                    out.push('"');
                    d.write(out);
                    out.push('"');
                }
                None => out.push_str("null"),
            }
        };
        date(
            &mut out,
            "preservationStart",
            facts.preservation_start,
            true,
        );
        date(
            &mut out,
            "preservationExpiresOn",
            facts.preservation_expires_on,
            false,
        );
        out.push_str(",\"preservationDaysLeft\":");
        match facts.preservation_days_left {
            Some(n) => json::write_int(&mut out, n),
            None => out.push_str("null"),
        }
        out.push_str(",\"extensionsCounted\":");
        json::write_int(&mut out, i64::from(facts.extensions_counted));
        date(&mut out, "responseDueOn", facts.response_due_on, false);
        date(&mut out, "submissionDate", facts.submission_date, false);
        date(&mut out, "asOf", facts.as_of, false);
        date(
            &mut out,
            "preservationWarningFrom",
            facts.preservation_warning_from,
            false,
        );
        out.push_str("}}");
        out
    }
}

/// `{"days":12,"date":"2026-11-30"}`
pub fn write_params(out: &mut String, params: &[(&'static str, Param)]) {
    out.push('{');
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json::write_str(out, name);
        out.push(':');
        match value {
            Param::Int(n) => json::write_int(out, *n),
            Param::Text(t) => json::write_str(out, t),
            Param::Term(t) => json::write_str(out, t),
            Param::Date(d) => {
                out.push('"');
                d.write(out);
                out.push('"');
            }
        }
    }
    out.push('}');
}

impl Catalogue {
    /// The message and help of the rule at `index` of [`crate::rules::RULES`] (whose code is
    /// `code`) with `{name}` placeholders filled in.
    pub fn render(
        &self,
        index: usize,
        code: &'static str,
        params: &[(&'static str, Param)],
    ) -> (Cow<'static, str>, Cow<'static, str>) {
        let Some((text, [in_message, in_help])) = self.entry_for(index, params) else {
            return (Cow::Borrowed(code), Cow::Borrowed(""));
        };
        let fill = |template, placeholders| match placeholders {
            true => Cow::Owned(self.fill(template, params)),
            false => Cow::Borrowed(template),
        };
        (fill(text.message, in_message), fill(text.help, in_help))
    }

    /// `template` with its placeholders filled in.
    fn fill(&self, template: &str, params: &[(&'static str, Param)]) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        // Byte searches: a `char` pattern brings its searcher's panic paths into the wasm.
        while let Some(open) = rest.bytes().position(|b| b == b'{') {
            out.push_str(rest.get(..open).unwrap_or(""));
            let after = rest.get(open + 1..).unwrap_or("");
            let Some(close) = after.bytes().position(|b| b == b'}') else {
                out.push_str(rest.get(open..).unwrap_or(""));
                return out;
            };
            let name = after.get(..close).unwrap_or("");
            match params.iter().find(|(n, _)| *n == name).map(|(_, v)| v) {
                Some(Param::Int(n)) => json::write_int(&mut out, *n),
                Some(Param::Text(t)) => out.push_str(t),
                Some(Param::Date(d)) => self.write_date(&mut out, *d),
                Some(Param::Term(t)) => out.push_str(self.term(t)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }
}
