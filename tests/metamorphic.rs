//! Metamorphic properties of the core: instead of a second implementation of every rule (what
//! `bench/differential.mjs` compared against, v1 only), each property changes a form in a way
//! whose effect on the report the contract fixes, and checks the report changed exactly so.
//!
//! 1. Rows: a blank row inserted at `k` of a list moves every finding at `list[i…]`, `i >= k`,
//!    to `list[i+1…]`, and changes nothing else.
//! 2. Irrelevant changes (unknown keys, key order, spaces around text, numbers written as text,
//!    booleans as form controls send them) change nothing.
//! 3. Scope: a scoped report is the unscoped one filtered, with `ok` and `counts` recomputed.
//! 4. Sessions: after any sequence of calls, the report is `validate(session.form())`, and the
//!    form is what the contract's `set` / `merge` / `replace` make of it.
//! 5. Request types: a rule that does not apply to the request type never reports, even raised.
//!
//! The forms are generated from the model of contract §2 (`Node`), with realistic values mixed
//! with a pool of tricky ones (form-control strings, impossible dates, wrong types, unknown
//! codes). The count is `PROPTEST_CASES` (default 256).
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use marcheck::form::read;
use marcheck::json::Arena;
use marcheck::report::in_scope;
use marcheck::rule::{Param, REQUEST_TYPES};
use marcheck::rules::RULES;
use marcheck::{
    Date, Options, Report, Session, Severity, json::Raw, validate, validate_json, validate_scoped,
};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------------------------
// The model of the form (contract §2), and a generator of forms that follow it.
// ---------------------------------------------------------------------------------------------

type Fields = &'static [(&'static str, Node)];

/// What sits at a place of the form.
#[derive(Clone, Copy, Debug)]
enum Node {
    /// Free text, with some realistic values.
    Text(&'static [&'static str]),
    /// Text whose length matters (facts, justification): `n` words.
    Long,
    Bool,
    Int,
    Date,
    DateTime,
    Country,
    Choice(&'static [&'static str]),
    Group(Fields),
    /// A list of groups (`accounts`).
    Rows(Fields),
    /// A list of texts (`csam.ncmecReports`).
    TextRows,
    /// `data.categories`: a list of choices, or one.
    Categories,
}

use Node::*;

const NAMES: &[&str] = &[
    "Fiji Police Force",
    "Det. Sgt. Ravu",
    "x",
    "Cybercrime Unit",
];
const REFS: &[&str] = &[
    "META-2026-0457",
    "ABC-1234",
    "n/a",
    "TBC",
    "aaaa",
    "-",
    "X1",
];
const EMAILS: &[&str] = &[
    "ravu@police.gov.fj",
    "a@gmail.com",
    "not-an-email",
    "cyber@afp.gov.au",
];
const PHONES: &[&str] = &["+679 334-3777", "0412 345 678", "+61 2 6131 3000"];
const VALUES: &[&str] = &[
    "a@b.org",
    "A@B.ORG",
    "+679 334 3777",
    "https://x.com/a",
    "ftp://a",
    "203.0.113.7",
    "::1",
    "1.2.3",
    "someone",
    "1234567890",
];
const INSTRUMENTS: &[&str] = &["Fiji–US MLAT", "Budapest Convention", "Harare Scheme"];
const PROVISIONS: &[&str] = &["s. 340 Crimes Act 2009", "Art. 7"];
const ENTITIES: &[&str] = &["Meta Platforms, Inc.", "TikTok Pte. Ltd."];

const LEGAL_BASIS: Fields = &[
    ("instrument", Text(INSTRUMENTS)),
    ("article", Text(&["Art. 5"])),
];
const AUTHORITY: Fields = &[
    ("name", Text(NAMES)),
    ("officer", Text(NAMES)),
    ("email", Text(EMAILS)),
    ("phone", Text(PHONES)),
];
const OFFENCE: Fields = &[
    ("name", Text(&["Fraud", "Sextortion", ""])),
    ("provision", Text(PROVISIONS)),
    ("maxPenaltyYears", Int),
];
const CASE: Fields = &[
    ("reference", Text(REFS)),
    ("facts", Long),
    ("nexus", Long),
    ("offences", Rows(OFFENCE)),
];
const PROVIDER: Fields = &[
    ("name", Text(&["Meta", "TikTok"])),
    (
        "profile",
        Choice(&[
            "meta",
            "google",
            "microsoft",
            "apple",
            "x",
            "tiktok",
            "snap",
            "us_default",
            "myspace",
        ]),
    ),
    ("legalEntity", Text(ENTITIES)),
    ("country", Country),
    ("userCountry", Country),
];
const ACCOUNT: Fields = &[
    (
        "kind",
        Choice(&["email", "phone", "username", "url", "user_id", "ip", "fax"]),
    ),
    ("value", Text(VALUES)),
    ("timestamp", DateTime),
    ("port", Int),
];
const DATA: Fields = &[("categories", Categories), ("from", Date), ("to", Date)];
const EXTENSION: Fields = &[
    ("requestedOn", Date),
    ("reference", Text(REFS)),
    ("periodDays", Int),
];
const PRESERVATION: Fields = &[
    (
        "status",
        Choice(&["preserved", "requested", "not_requested", "done"]),
    ),
    ("requestedOn", Date),
    ("confirmedOn", Date),
    ("reference", Text(REFS)),
    ("periodDays", Int),
    ("proofAttached", Bool),
    ("necessity", Long),
    ("marToFollow", Bool),
    ("extensions", Rows(EXTENSION)),
];
const LOCATION: Fields = &[
    ("country", Country),
    ("confirmed", Bool),
    (
        "basis",
        Choice(&[
            "provider_confirmed",
            "provider_guidelines",
            "legal_advice",
            "domain_name",
            "unknown",
            "guess",
        ]),
    ),
    ("note", Text(&["per Meta LE guide"])),
];
const EMERGENCY: Fields = &[
    ("active", Bool),
    (
        "risk",
        Choice(&[
            "death",
            "serious_physical_injury",
            "child_harm",
            "serious_harm",
            "other",
            "boredom",
        ]),
    ),
    ("justification", Long),
    ("harmExpectedBy", DateTime),
    ("ongoing", Bool),
    ("personAtRisk", Text(&["a child, 12", "the complainant"])),
    ("oral", Bool),
    ("oralMadeOn", Date),
    ("writtenFollowUpOn", Date),
];
const NOTIFICATION: Fields = &[
    (
        "providerNotifies",
        Choice(&["yes", "no", "unknown", "maybe"]),
    ),
    ("requestNonDisclosure", Bool),
    ("reason", Text(&["tipping off the suspect"])),
    ("durationDays", Int),
    (
        "basis",
        Choice(&["court_order", "statute", "request", "hope"]),
    ),
];
const CSAM: Fields = &[
    ("likely", Bool),
    ("declared", Bool),
    ("handlingProtocol", Text(&["AFP ACCCE protocol"])),
    ("importPermitRef", Text(&["IP-2026-7"])),
    ("ncmecReports", TextRows),
];
const FORM: Fields = &[
    (
        "requestType",
        Choice(&[
            "formal_mar",
            "police_to_police",
            "preservation_only",
            "emergency_disclosure",
            "Police-To-Police",
            "letter",
        ]),
    ),
    ("requestingCountry", Country),
    ("requestedCountry", Country),
    ("submissionDate", Date),
    ("legalBasis", Group(LEGAL_BASIS)),
    ("authority", Group(AUTHORITY)),
    ("case", Group(CASE)),
    ("provider", Group(PROVIDER)),
    ("accounts", Rows(ACCOUNT)),
    ("data", Group(DATA)),
    ("preservation", Group(PRESERVATION)),
    ("recordsLocation", Group(LOCATION)),
    ("emergency", Group(EMERGENCY)),
    ("notification", Group(NOTIFICATION)),
    ("csam", Group(CSAM)),
];

/// Tricky values, any of which may stand anywhere (after `bench/differential.mjs`'s POOL).
fn pool() -> Vec<Value> {
    json!([
        "", " ", "yes", "no", "on", "off", "0", "1", 0, 1, 2, -5, 90, " 90 ", "90.0", 90.0, 731, 1e3,
        null, true, false, [], {}, ["x"], {"a": 1}, "2026-11-20", "2026-11-30", "2026-02-30",
        "2028-02-29", "20/11/2026", "2026-11-19T10:00", "2026-11-19T10:00:00+12:00", "us", "AU",
        "XX", "FJ", "formal_mar", "police-to-police", "preserved", "requested", "not_requested",
        "content", "death", "serious_harm", "other", "unknown", "domain_name", "n/a", "aaaa",
        "ABC-1234", "a@gmail.com", "x@police.gov.fj", "+679 334-3777", "0412 345 678",
        "https://x.y/z", "ftp://a", "10.0.0.1", "::1", "1.2.3", "ip", "phone", "email", "url",
        "username", "user_id", "meta", "x", "tiktok", "snap", "google", "nope",
        "a value well beyond forty characters, so the reader cuts it when it shows it"
    ])
    .as_array()
    .cloned()
    .unwrap_or_default()
}

fn any_pool() -> BoxedStrategy<Value> {
    prop::sample::select(pool()).boxed()
}

fn texts(values: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop::sample::select(values).prop_map(|s| json!(s)).boxed()
}

/// A value of the node's type, as a portal would send it.
fn good(n: Node) -> BoxedStrategy<Value> {
    match n {
        Text(values) => texts(values),
        Long => (0usize..30)
            .prop_map(|n| json!("facts ".repeat(n).trim_end()))
            .boxed(),
        Bool => prop_oneof![
            any::<bool>().prop_map(Value::Bool),
            texts(&["yes", "no", "on", "off"])
        ]
        .boxed(),
        Int => prop_oneof![
            prop::sample::select(vec![0i64, 1, 7, 30, 90, 180, 365, 730, 731, -5, 443, 51234])
                .prop_map(|n| json!(n)),
            texts(&["90", " 90 ", "7"]),
        ]
        .boxed(),
        Date => texts(&[
            "2025-06-01",
            "2026-08-01",
            "2026-09-01",
            "2026-10-15",
            "2026-11-20",
            "2026-11-27",
            "2026-11-29",
            "2026-11-30",
            "2026-12-05",
            "2027-01-10",
        ]),
        DateTime => texts(&[
            "2026-11-19T10:00:00+12:00",
            "2026-11-19T10:00",
            "2026-11-30",
            "2026-12-02T08:00:00Z",
            "2027-02-01T08:00:00-05:00",
        ]),
        Country => texts(&["US", "us", "AU", "FJ", "IE", "SG", "GB", "XK", "NZ"]),
        Choice(values) => texts(values),
        Group(fields) => group(fields),
        // Sometimes with a row repeated (ID004, two extensions asked the same day).
        Rows(fields) => (
            prop::collection::vec(row(fields), 0..5),
            prop::option::weighted(0.3, any::<prop::sample::Index>()),
        )
            .prop_map(|(mut rows, again)| {
                if let Some(i) = again.filter(|_| !rows.is_empty()) {
                    let copy = rows[i.index(rows.len())].clone();
                    rows.push(copy);
                }
                Value::Array(rows)
            })
            .boxed(),
        TextRows => prop::collection::vec(
            prop_oneof![texts(&["12345", "NCMEC-987", ""]), any_pool()],
            0..3,
        )
        .prop_map(Value::Array)
        .boxed(),
        Categories => prop_oneof![
            4 => prop::collection::vec(
                prop_oneof![texts(&["subscriber", "traffic", "content"]), any_pool()],
                0..4
            )
            .prop_map(Value::Array),
            1 => texts(&["content", "subscriber", "everything"]),
        ]
        .boxed(),
    }
}

/// A value at a place of the node: mostly a good one, sometimes a tricky one.
fn value(n: Node) -> BoxedStrategy<Value> {
    match n {
        Group(_) | Rows(_) => prop_oneof![19 => good(n), 1 => any_pool()].boxed(),
        _ => prop_oneof![6 => good(n), 1 => any_pool()].boxed(),
    }
}

/// A row of a list: mostly a group, sometimes blank or of the wrong type.
fn row(fields: Fields) -> BoxedStrategy<Value> {
    prop_oneof![
        12 => group(fields),
        1 => Just(Value::Null),
        1 => Just(json!({})),
        1 => any_pool(),
    ]
    .boxed()
}

/// A group whose fields are each present or not.
fn group(fields: Fields) -> BoxedStrategy<Value> {
    let parts: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .iter()
        .map(|&(k, n)| {
            prop::option::weighted(0.7, value(n))
                .prop_map(move |v| v.map(|v| (k.to_string(), v)))
                .boxed()
        })
        .collect();
    parts
        .prop_map(|kv| Value::Object(kv.into_iter().flatten().collect()))
        .boxed()
}

/// A whole form (legalBasis sometimes as a plain string, as the contract allows).
fn arb_form() -> BoxedStrategy<Value> {
    (group(FORM), prop::option::weighted(0.2, texts(INSTRUMENTS)))
        .prop_map(|(mut form, basis)| {
            if let (Some(b), Value::Object(m)) = (basis, &mut form) {
                m.insert("legalBasis".into(), b);
            }
            form
        })
        .boxed()
}

const AS_OFS: &[&str] = &["2026-11-20", "2026-11-29", "2026-12-01", "2027-03-01"];

fn today() -> Date {
    Date::from_ymd(2026, 11, 29).unwrap()
}

/// Options from their JSON fields (without the braces).
fn options(as_of: &str, more: &str) -> Options {
    let sep = if more.is_empty() { "" } else { "," };
    Options::from_json(&format!(r#"{{"asOf":"{as_of}"{sep}{more}}}"#), today()).unwrap()
}

/// `options.rules` setting a few codes to random severities, as JSON fields.
fn arb_overrides() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(RULES.iter().map(|r| r.meta.code).collect::<Vec<_>>()),
            prop::sample::select(vec!["off", "info", "warning", "error"]),
        ),
        0..6,
    )
    .prop_map(|rules| {
        let body: Vec<String> = rules
            .iter()
            .map(|(c, s)| format!(r#""{c}":"{s}""#))
            .collect();
        format!(r#""rules":{{{}}}"#, body.join(","))
    })
}

/// A small random source for the transformations (their choices need not shrink).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Rows shift.
// ---------------------------------------------------------------------------------------------

/// The lists of the model, with the keys that lead to them: first those whose rows are groups,
/// then those whose rows are texts (where only `null` is a blank row: `{}` is of the wrong type).
const LISTS: &[(&str, &[&str])] = &[
    ("accounts", &["accounts"]),
    ("case.offences", &["case", "offences"]),
    ("preservation.extensions", &["preservation", "extensions"]),
    ("data.categories", &["data", "categories"]),
    ("csam.ncmecReports", &["csam", "ncmecReports"]),
];
const GROUP_LISTS: usize = 3;

fn list_mut<'v>(form: &'v mut Value, keys: &[&str]) -> Option<&'v mut Vec<Value>> {
    let mut v = form;
    for k in keys {
        v = v.as_object_mut()?.get_mut(*k)?;
    }
    v.as_array_mut()
}

/// `field` with its row index moved up by one when it is a row `>= k` of `list`.
fn shifted(field: &str, list: &str, k: usize) -> String {
    let Some(rest) = field.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
        return field.to_string();
    };
    let Some(close) = rest.find(']') else {
        return field.to_string();
    };
    let Ok(i) = rest[..close].parse::<usize>() else {
        return field.to_string();
    };
    if i >= k {
        format!("{list}[{}]{}", i + 1, &rest[close + 1..])
    } else {
        field.to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Irrelevant changes.
// ---------------------------------------------------------------------------------------------

/// Keys that are no key of any object of the model, some of them close to one.
const UNKNOWN_KEYS: &[&str] = &[
    "note",
    "Accounts",
    "requestType ",
    "accountsNote",
    "__proto__",
    "constructor",
    "accounts[0]",
    "authority.name",
    "",
    "x-extra",
    "VALUE",
    "périodeJours",
];

/// Visits the places of the model under `v` (at node `n`): `leaf(node, value)` for every value
/// that is not a model object or list (a field, a blank or wrong-typed row, a group or list of
/// the wrong type), `object(fields, map)` for every model object, after its fields.
fn visit(
    v: &mut Value,
    n: Node,
    leaf: &mut dyn FnMut(Node, &mut Value),
    object: &mut dyn FnMut(Fields, &mut Map<String, Value>),
) {
    match (n, v) {
        (Group(fields), Value::Object(map)) => {
            for &(k, child) in fields {
                if let Some(c) = map.get_mut(k) {
                    visit(c, child, leaf, object);
                }
            }
            object(fields, map);
        }
        (Rows(fields), Value::Array(items)) => {
            for item in items {
                visit(item, Group(fields), leaf, object);
            }
        }
        (TextRows, Value::Array(items)) => {
            for item in items {
                leaf(Text(&[]), item);
            }
        }
        (Categories, Value::Array(items)) => {
            for item in items {
                leaf(Choice(&[]), item);
            }
        }
        (n, v) => leaf(n, v),
    }
}

/// Adds unknown keys (with any value) to model objects.
fn add_unknown_keys(form: &mut Value, rng: &mut Rng) {
    let pool = pool();
    visit(form, Group(FORM), &mut |_, _| {}, &mut |fields, map| {
        for _ in 0..rng.below(3) {
            let k = *rng.pick(UNKNOWN_KEYS);
            if fields.iter().all(|(f, _)| *f != k) {
                map.insert(k.to_string(), rng.pick(&pool).clone());
            }
        }
    });
}

const SPACES: &[&str] = &[" ", "  ", "\t", "\n", "\u{a0}", "\u{2003}", " \r\n "];

/// Surrounds texts at places of the model with white space (the reader trims every text).
fn pad_texts(form: &mut Value, rng: &mut Rng) {
    visit(
        form,
        Group(FORM),
        &mut |_, v| {
            if let Value::String(s) = v
                && rng.chance(2)
            {
                *s = format!("{}{s}{}", rng.pick(SPACES), rng.pick(SPACES));
            }
        },
        &mut |_, _| {},
    );
}

/// Writes numbers in fields as the text they were written as, maybe with spaces (`" 90 "`).
fn numbers_as_text(form: &mut Value, rng: &mut Rng) {
    visit(
        form,
        Group(FORM),
        &mut |n, v| {
            if matches!(n, Group(_) | Rows(_) | TextRows | Categories) {
                return; // a number where a group or list belongs: not a field
            }
            if let Value::Number(x) = v
                && rng.chance(2)
            {
                let pad = if rng.chance(2) { " " } else { "" };
                *v = Value::String(format!("{pad}{x}{pad}"));
            }
        },
        &mut |_, _| {},
    );
}

/// Writes booleans in boolean fields as form controls send them.
fn booleans_as_text(form: &mut Value, rng: &mut Rng) {
    const TRUE: &[&str] = &["true", "on", "yes", "1", "YES", " On ", "True"];
    const FALSE: &[&str] = &["false", "off", "no", "0", "No", " OFF ", "False"];
    visit(
        form,
        Group(FORM),
        &mut |n, v| {
            if let (Bool, Value::Bool(b)) = (n, &*v)
                && rng.chance(2)
            {
                *v = match rng.below(3) {
                    0 => json!(if *b { 1 } else { 0 }),
                    _ => json!(rng.pick(if *b { TRUE } else { FALSE })),
                };
            }
        },
        &mut |_, _| {},
    );
}

/// `v` as JSON text with the keys of every object in a random order. With serde_json's default
/// map (sorted; the crate does not enable `preserve_order`) the parsed form is the same value
/// whatever the order, so today this guards the text path (`validate_json`) and the day a
/// dependency turns `preserve_order` on.
fn shuffled_text(v: &Value, rng: &mut Rng) -> String {
    match v {
        Value::Object(map) => {
            let mut kv: Vec<_> = map.iter().collect();
            for i in (1..kv.len()).rev() {
                kv.swap(i, rng.below(i + 1));
            }
            let body: Vec<String> = kv
                .into_iter()
                .map(|(k, v)| format!("{}:{}", json!(k), shuffled_text(v, rng)))
                .collect();
            format!("{{{}}}", body.join(","))
        }
        Value::Array(items) => {
            let body: Vec<String> = items.iter().map(|v| shuffled_text(v, rng)).collect();
            format!("[{}]", body.join(","))
        }
        other => other.to_string(),
    }
}

/// The report with what a FORM001 shows of the value as typed made independent of the spaces
/// around it: the reader quotes the value as it was typed (cut at 40 characters), which is
/// right, and is all that white space may change.
fn spaces_blind(mut r: Report) -> Report {
    for f in &mut r.findings {
        if f.code != "FORM001" {
            continue;
        }
        for (name, p) in &mut f.params.0 {
            if let (&mut "value", Param::Text(shown)) = (name, &mut *p) {
                f.message = (f.message)
                    .replace(&format!("“{shown}”"), "“{value}”")
                    .replace(&format!("« {shown} »"), "« {value} »")
                    .into();
                let kept: String = shown
                    .trim()
                    .trim_end_matches('…')
                    .chars()
                    .take(20)
                    .collect();
                *shown = kept.trim().to_string();
            }
        }
    }
    r
}

// ---------------------------------------------------------------------------------------------
// 3. Scope.
// ---------------------------------------------------------------------------------------------

/// Model paths (rows 0–3 for lists), `""`, and texts that are close to a path but none.
fn scope_paths() -> Vec<String> {
    let mut out = Vec::new();
    for p in marcheck::path::FORM_ORDER {
        if p.contains("[]") {
            for i in 0..4 {
                out.push(p.replace("[]", &format!("[{i}]")));
            }
        } else {
            out.push(p.to_string());
        }
    }
    for p in [
        "account",
        "accountsNote",
        "accounts[",
        "preservation.ext",
        "Accounts",
        "case.offences[1",
    ] {
        out.push(p.to_string());
    }
    out
}

/// Contract §3, written out again: a path covers itself and what lies under it; `""` covers the
/// form-level findings.
fn covers(scope: &[String], field: &str) -> bool {
    scope.iter().any(|p| {
        field == p
            || (!p.is_empty()
                && (field.starts_with(&format!("{p}.")) || field.starts_with(&format!("{p}["))))
    })
}

/// `r` keeping only the findings in `scope`, with `ok` and `counts` computed again.
fn filtered(mut r: Report, scope: &[String]) -> Report {
    r.findings.retain(|f| in_scope(Some(scope), &f.field));
    r.counts = Default::default();
    for f in &r.findings {
        *match f.severity {
            Severity::Error => &mut r.counts.error,
            Severity::Warning => &mut r.counts.warning,
            Severity::Info => &mut r.counts.info,
        } += 1;
    }
    r.ok = r.counts.error == 0;
    r
}

// ---------------------------------------------------------------------------------------------
// 4. Sessions.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Step {
    Key(String),
    Row(usize),
}

/// A model path (rows 0–5) and its steps; half of them in a row of a list.
fn arb_model_path() -> impl Strategy<Value = (String, Vec<Step>)> {
    let (rows, fields): (Vec<&str>, Vec<&str>) = marcheck::path::FORM_ORDER
        .iter()
        .copied()
        .filter(|p| !p.is_empty())
        .partition(|p| p.contains("[]"));
    let template = prop_oneof![prop::sample::select(rows), prop::sample::select(fields)];
    (template, 0usize..6).prop_map(|(t, i)| {
        let mut steps = Vec::new();
        for part in t.split('.') {
            match part.strip_suffix("[]") {
                Some(key) => {
                    steps.push(Step::Key(key.to_string()));
                    steps.push(Step::Row(i));
                }
                None => steps.push(Step::Key(part.to_string())),
            }
        }
        (t.replace("[]", &format!("[{i}]")), steps)
    })
}

/// Paths a portal may get wrong: none is a path of the model a field can be set at.
const NOT_MODEL_PATHS: &[&str] = &[
    "",
    "nope",
    "accounts.value",
    "accounts[x]",
    "accounts[-1]",
    "accounts[]",
    "accounts[0]x",
    "accounts[0][0]",
    "accounts [0]",
    "accounts[0].value[0]",
    "authority.name.first",
    "authority[0]",
    "authority.",
    ".authority",
    "case..facts",
    "__proto__",
    "constructor.prototype",
    "accountsNote",
    "Accounts",
    " authority.name",
    "data.categories[0].x",
    "legalBasis.instrument.x",
    "accounts[99999].value",
    "accounts[10001]",
];

/// The top-level keys of the form.
const TOP_KEYS: &[&str] = &[
    "requestType",
    "requestingCountry",
    "requestedCountry",
    "submissionDate",
    "legalBasis",
    "authority",
    "case",
    "provider",
    "accounts",
    "data",
    "preservation",
    "recordsLocation",
    "emergency",
    "notification",
    "csam",
];

#[derive(Clone, Debug)]
enum Call {
    Set(String, Vec<Step>, Option<Value>),
    SetBad(&'static str, Value),
    Merge(Value),
    Replace(Value),
    Report(Vec<String>),
}

/// What a partial form marks removed (a key whose value is `undefined` in JavaScript). The
/// model works with the mark; the session is given what the binding sends (`split_removed`).
const REMOVED: &str = "\u{0}removed";

/// A partial form as the binding sends it to `merge`: without its removed keys, and their paths.
fn split_removed(v: &Value) -> (Raw, Vec<Vec<Raw>>) {
    fn walk(v: &Value, path: &mut Vec<Raw>, out: &mut Vec<Vec<Raw>>) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .filter_map(|(k, c)| {
                        path.push(Raw::Text(k.clone()));
                        let kept = if c.as_str() == Some(REMOVED) {
                            out.push(path.clone());
                            None
                        } else {
                            Some((k.clone(), walk(c, path, out)))
                        };
                        path.pop();
                        kept
                    })
                    .collect(),
            ),
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        path.push(Raw::Number(i.to_string()));
                        let r = walk(c, path, out);
                        path.pop();
                        r
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    let mut removed = Vec::new();
    let kept = walk(v, &mut Vec::new(), &mut removed);
    (Raw::from_value(&kept), removed)
}

/// A partial form for `merge`: a form, with some keys (at any depth) marked removed; often
/// only a few of its top-level keys (a wizard step), sometimes with keys the model does not
/// have or a top-level value that is not an object.
fn arb_partial() -> impl Strategy<Value = Value> {
    (arb_form(), any::<u64>()).prop_map(|(mut v, seed)| {
        let mut rng = Rng(seed);
        if let Value::Object(map) = &mut v {
            if rng.chance(2) {
                let keep = 1 + rng.below(3);
                let keys: Vec<String> = map.keys().cloned().collect();
                for k in keys {
                    if rng.below(map.len().max(1)) >= keep {
                        map.remove(&k);
                    }
                }
            }
            top_level_oddities(map, &mut rng);
        }
        mark_removed(&mut v, &mut rng);
        v
    })
}

/// Keys the model does not have, and top-level keys of the model given a value of the wrong
/// type, now and then.
fn top_level_oddities(map: &mut Map<String, Value>, rng: &mut Rng) {
    if rng.chance(4) {
        let key = rng.pick(&["accountsNote", "extra", "__proto__", "Case", ""]);
        map.insert(key.to_string(), rng.pick(&pool()).clone());
    }
    if rng.chance(4) {
        let key = rng.pick(&[
            "authority",
            "accounts",
            "case",
            "requestType",
            "data",
            "csam",
        ]);
        map.insert(key.to_string(), rng.pick(&pool()).clone());
    }
}

fn mark_removed(v: &mut Value, rng: &mut Rng) {
    match v {
        Value::Object(map) => {
            for (_, child) in map.iter_mut() {
                if rng.chance(6) {
                    *child = json!(REMOVED);
                } else {
                    mark_removed(child, rng);
                }
            }
            // A removal of a key the form may not have.
            if rng.chance(4) {
                map.insert(
                    rng.pick(&["authority", "name", "accounts", "kind", "emergency"])
                        .to_string(),
                    json!(REMOVED),
                );
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| mark_removed(i, rng)),
        _ => {}
    }
}

fn arb_call() -> impl Strategy<Value = Call> {
    let some_value = prop_oneof![
        any_pool(),
        Just(json!({"kind": "email", "value": "a@b.org"})),
        Just(json!([null, {"requestedOn": "2026-11-01"}])),
        Just(json!({"name": "Fiji Police Force", "email": "a@gmail.com"})),
    ];
    prop_oneof![
        6 => (arb_model_path(), prop::option::weighted(0.7, some_value.clone()))
            .prop_map(|((p, s), v)| Call::Set(p, s, v)),
        // A row removed: `set("accounts[1]", undefined)`.
        1 => (prop::sample::select(LISTS), 0usize..4).prop_map(|((name, _), i)| {
            let steps = name.split('.').map(|k| Step::Key(k.to_string())).chain([Step::Row(i)]).collect();
            Call::Set(format!("{name}[{i}]"), steps, None)
        }),
        2 => (prop::sample::select(NOT_MODEL_PATHS), some_value).prop_map(|(p, v)| Call::SetBad(p, v)),
        2 => arb_partial().prop_map(Call::Merge),
        1 => prop_oneof![
            9 => (arb_form(), any::<u64>()).prop_map(|(mut f, seed)| {
                if let Value::Object(map) = &mut f {
                    top_level_oddities(map, &mut Rng(seed));
                }
                f
            }),
            1 => any_pool(),
        ]
        .prop_map(Call::Replace),
        // A whole top-level key set at once, to anything (a group as text, a list as a number)
        // or removed.
        1 => (prop::sample::select(TOP_KEYS), prop::option::weighted(0.8, prop_oneof![any_pool(), arb_form().prop_map(|f| f.get("preservation").cloned().unwrap_or(Value::Null))]))
            .prop_map(|(k, v)| Call::Set(k.to_string(), vec![Step::Key(k.to_string())], v)),
        1 => prop::collection::vec(prop::sample::select(scope_paths()), 0..4).prop_map(Call::Report),
    ]
}

/// Contract §7, `set`: stores the raw value, creating missing parents (and rows, as `null`).
fn model_put(v: &mut Value, steps: &[Step], value: Value) {
    let Some((first, rest)) = steps.split_first() else {
        *v = value;
        return;
    };
    match first {
        Step::Key(k) => {
            if !v.is_object() {
                *v = json!({});
            }
            let map = v.as_object_mut().unwrap();
            model_put(map.entry(k.clone()).or_insert(Value::Null), rest, value);
        }
        Step::Row(i) => {
            if !v.is_array() {
                *v = json!([]);
            }
            let rows = v.as_array_mut().unwrap();
            while rows.len() <= *i {
                rows.push(Value::Null);
            }
            model_put(&mut rows[*i], rest, value);
        }
    }
}

/// Contract §7, `set(path, undefined)`: removes the key; a row becomes blank (`null`), so the
/// rows after it keep their index; nothing is created.
fn model_remove(v: &mut Value, steps: &[Step]) {
    match steps {
        [] => {}
        [Step::Key(k)] => {
            if let Some(map) = v.as_object_mut() {
                map.remove(k);
            }
        }
        [Step::Row(i)] => {
            if let Some(slot) = v.as_array_mut().and_then(|r| r.get_mut(*i)) {
                *slot = Value::Null;
            }
        }
        [first, rest @ ..] => {
            let next = match first {
                Step::Key(k) => v.as_object_mut().and_then(|m| m.get_mut(k)),
                Step::Row(i) => v.as_array_mut().and_then(|r| r.get_mut(*i)),
            };
            if let Some(next) = next {
                model_remove(next, rest);
            }
        }
    }
}

/// Contract §7, `merge`: objects deeply; arrays and other values replace; a key marked removed
/// goes (and a new value carries no removed key).
fn model_merge(into: &mut Value, partial: Value) {
    fn fresh(v: Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .filter(|(_, v)| v.as_str() != Some(REMOVED))
                    .map(|(k, v)| (k, fresh(v)))
                    .collect(),
            ),
            Value::Array(items) => Value::Array(items.into_iter().map(fresh).collect()),
            other => other,
        }
    }
    match (into, partial) {
        (Value::Object(target), Value::Object(source)) => {
            for (k, v) in source {
                if v.as_str() == Some(REMOVED) {
                    target.remove(&k);
                } else if let Some(slot) = target.get_mut(&k) {
                    model_merge(slot, v);
                } else {
                    target.insert(k, fresh(v));
                }
            }
        }
        (slot, v) => *slot = fresh(v),
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Request types.
// ---------------------------------------------------------------------------------------------

/// Every code raised to "error", as an `options.rules` field.
fn all_rules_error() -> String {
    let body: Vec<String> = RULES
        .iter()
        .map(|r| format!(r#""{}":"error""#, r.meta.code))
        .collect();
    format!(r#""rules":{{{}}}"#, body.join(","))
}

/// How a request type may be written, and the type it reads as (an index of `REQUEST_TYPES`).
const TYPE_SPELLINGS: &[(Option<&str>, usize)] = &[
    (Some("formal_mar"), 0),
    (Some("police_to_police"), 1),
    (Some("preservation_only"), 2),
    (Some("emergency_disclosure"), 3),
    (Some(" Police-To-Police "), 1),
    (Some("PRESERVATION ONLY"), 2),
    (Some("emergency-disclosure"), 3),
    (Some(""), 0),
    (None, 0),
    (Some("letter"), 0),
];

// ---------------------------------------------------------------------------------------------
// The properties.
// ---------------------------------------------------------------------------------------------

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}

fn summary(r: &Report) -> String {
    let lines: Vec<String> = r
        .findings
        .iter()
        .map(|f| format!("  {} {:?} {} | {}", f.code, f.severity, f.field, f.message))
        .collect();
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// 1. A blank row (`null` or `{}`) inserted at `k` of a list moves the findings of rows
    ///    `k…` one row down and changes nothing else: not a code, a message, another field, a fact.
    ///    (`bench/differential.mjs` once caught `accounts[2]` reported at `accounts[1]`.)
    #[test]
    fn a_blank_row_shifts_the_rows_after_it(
        form in arb_form(),
        list in 0..LISTS.len(),
        at in any::<prop::sample::Index>(),
        blank in prop::sample::select(vec![Value::Null, json!({})]),
        as_of in prop::sample::select(AS_OFS),
    ) {
        let (name, keys) = LISTS[list];
        let mut after = form.clone();
        let Some(rows) = list_mut(&mut after, keys) else { return Ok(()) };
        let k = at.index(rows.len() + 1);
        rows.insert(k, if list < GROUP_LISTS { blank } else { Value::Null });
        let options = options(as_of, "");
        let before = validate(&form, &options);
        let mut want = before.clone();
        for f in &mut want.findings {
            f.field = shifted(&f.field, name, k).into();
            // ID004 names the earlier row it repeats (counted from 1): that row moves too.
            if f.code == "ID004" && name == "accounts" {
                for (p, v) in &mut f.params.0 {
                    if let (&mut "row", Param::Int(row)) = (p, v)
                        && *row > k as i64
                    {
                        f.message = f.message.replace(&format!("row {row}."), &format!("row {}.", *row + 1)).into();
                        *row += 1;
                    }
                }
            }
        }
        let got = validate(&after, &options);
        prop_assert!(
            got == want,
            "a blank row at {name}[{k}]\nform: {form}\nbefore:\n{}\nafter:\n{}\nfacts before {:?}\nfacts after {:?}",
            summary(&before), summary(&got), before.facts, got.facts
        );
    }

    /// 2. What the contract says a reader ignores changes nothing: unknown keys anywhere, the
    ///    order of keys, spaces around texts, numbers written as text, booleans written as form
    ///    controls send them — each alone and all together.
    #[test]
    fn irrelevant_changes_change_nothing(
        form in arb_form(),
        seed in any::<u64>(),
        as_of in prop::sample::select(AS_OFS),
    ) {
        let options = options(as_of, "");
        let want = spaces_blind(validate(&form, &options));
        let mut rng = Rng(seed);
        type Change = fn(&mut Value, &mut Rng);
        let changes: [(&str, Change); 4] = [
            ("unknown keys", add_unknown_keys),
            ("spaces around texts", pad_texts),
            ("numbers as text", numbers_as_text),
            ("booleans as text", booleans_as_text),
        ];
        let mut all = form.clone();
        for (what, change) in changes {
            let mut changed = form.clone();
            change(&mut changed, &mut rng);
            change(&mut all, &mut rng);
            let got = spaces_blind(validate(&changed, &options));
            prop_assert!(got == want, "{what}\nform: {form}\nchanged: {changed}\nwant:\n{}\ngot:\n{}", summary(&want), summary(&got));
        }
        let text = shuffled_text(&all, &mut rng);
        let got = spaces_blind(validate_json(&text, &options));
        prop_assert!(got == want, "all together, keys shuffled\nform: {form}\nchanged: {text}\nwant:\n{}\ngot:\n{}", summary(&want), summary(&got));
    }

    /// 3. A scope keeps the findings whose field it covers, with `ok` and `counts` over those
    ///    only, and leaves the facts alone; a form that is not an object is reported whatever
    ///    the scope.
    #[test]
    fn a_scope_filters_the_report(
        form in prop_oneof![19 => arb_form(), 1 => any_pool()],
        scope in prop::collection::vec(prop::sample::select(scope_paths()), 0..5),
        overrides in arb_overrides(),
        as_of in prop::sample::select(AS_OFS),
    ) {
        let plain = options(as_of, &overrides);
        let scope_json = serde_json::to_string(&scope).unwrap();
        let scoped = options(as_of, &format!(r#"{overrides},"scope":{scope_json}"#));
        let all = validate(&form, &plain);
        for f in &all.findings {
            prop_assert_eq!(in_scope(Some(scope.as_slice()), &f.field), covers(&scope, &f.field), "in_scope({:?}, {:?})", scope, f.field);
        }
        let want = if form.is_object() { filtered(all.clone(), &scope) } else { all.clone() };
        let got = validate(&form, &scoped);
        prop_assert!(got == want, "scope {scope:?}\nform: {form}\nunscoped:\n{}\nscoped:\n{}", summary(&all), summary(&got));
        prop_assert!(validate_scoped(&form.to_string(), &plain, Some(scope.as_slice())) == want, "validate_scoped, scope {:?}", scope);
        // Another scope given to validate_scoped wins over the options'.
        prop_assert!(validate_scoped(&form.to_string(), &scoped, None) == all, "validate_scoped(None) is unscoped");
    }

    /// 4. Whatever calls a session takes, its form is what the contract's `set`, `merge` and
    ///    `replace` make of it, and every report it answers is `validate` of that form; a path
    ///    outside the model is refused and changes nothing.
    #[test]
    fn a_session_is_validate_of_its_form(
        calls in prop::collection::vec(arb_call(), 1..16),
        option_scope in prop::option::weighted(0.3, prop::collection::vec(prop::sample::select(scope_paths()), 0..3)),
        as_of in prop::sample::select(AS_OFS),
    ) {
        let more = match &option_scope {
            Some(s) => format!(r#""scope":{}"#, serde_json::to_string(s).unwrap()),
            None => String::new(),
        };
        let options = options(as_of, &more);
        let mut session = Session::new(options.clone());
        let mut model = json!({});
        for (n, call) in calls.iter().enumerate() {
            let answer = match call.clone() {
                Call::Set(path, steps, value) => {
                    let r = session.set(&path, value.as_ref().map(Raw::from_value));
                    prop_assert!(r.is_ok(), "call {n}: set({path:?}) refused: {r:?}");
                    match value {
                        Some(v) => model_put(&mut model, &steps, v),
                        None => model_remove(&mut model, &steps),
                    }
                    r.ok()
                }
                Call::SetBad(path, value) => {
                    prop_assert!(session.set(path, Some(Raw::from_value(&value))).is_err(), "call {n}: set({path:?}) must be refused");
                    prop_assert!(session.set(path, None).is_err(), "call {n}: set({path:?}, None) must be refused");
                    None
                }
                Call::Merge(partial) => {
                    let (kept, removed) = split_removed(&partial);
                    let r = session.merge(kept, &removed);
                    model_merge(&mut model, partial);
                    Some(r)
                }
                Call::Replace(form) => {
                    let r = session.replace(Raw::from_value(&form));
                    model = form;
                    Some(r)
                }
                Call::Report(scope) => {
                    let got = session.report(Some(scope.as_slice()));
                    prop_assert!(got == validate_scoped(&session.form().to_json(), &options, Some(scope.as_slice())), "call {n}: report({scope:?})");
                    None
                }
            };
            prop_assert!(session.form().to_value() == model, "call {n}: {call:?}\nsession form: {}\ncontract's:   {model}", session.form().to_json());
            let want = validate(&model, &options);
            if let Some(answer) = answer {
                prop_assert!(answer == want, "call {n}: the answer to {call:?}\nwant:\n{}\ngot:\n{}", summary(&want), summary(&answer));
            }
            prop_assert!(session.report(None) == want, "call {n}: session.report(None)");
            // The form it holds read key by key is the form `validate` reads whole.
            if model.is_object() {
                let text = session.form().to_json();
                let arena = Arena::new();
                let whole = read::read(&text, &arena, options.date_order, &|k| options.profile(k).is_some(), &mut Vec::new());
                prop_assert!(whole.as_ref().ok() == Some(session.typed()), "call {n}: {call:?}: the typed form is not the whole text's");
            }
        }
        prop_assert!(session.clone().report(None) == session.report(None), "a clone reports as its session");
    }

    /// 5. A rule that does not apply to the request type (contract §6.1) never reports, even
    ///    with every code raised to "error"; the type applied is the one the form says (an
    ///    absent, empty or unreadable one reads as formal_mar).
    #[test]
    fn rules_stay_in_their_request_types(
        form in arb_form(),
        spelling in prop::sample::select(TYPE_SPELLINGS),
        raised in any::<bool>(),
        as_of in prop::sample::select(AS_OFS),
    ) {
        let (written, index) = spelling;
        let mut form = form;
        let map = form.as_object_mut().unwrap();
        match written {
            Some(t) => map.insert("requestType".into(), json!(t)),
            None => map.remove("requestType"),
        };
        let more = if raised { all_rules_error() } else { String::new() };
        let report = validate(&form, &options(as_of, &more));
        prop_assert_eq!(report.facts.request_type, REQUEST_TYPES[index]);
        for f in &report.findings {
            let rule = marcheck::rules::by_code(f.code).unwrap();
            prop_assert!(rule.meta.applies_to.has(index), "{} at {} reported for {}\nform: {}", f.code, f.field, REQUEST_TYPES[index], form);
            if raised {
                prop_assert_eq!(f.severity, Severity::Error, "{} raised to error", f.code);
            }
        }
    }
}

/// The bug `bench/differential.mjs` once found, as a plain example: a finding of the row after
/// an empty one stays at its own row.
#[test]
fn a_row_after_an_empty_one_keeps_its_index() {
    let form = json!({"accounts": [{"kind": "email", "value": "a@b.org"}, null, {"kind": "url", "value": "ftp://a"}]});
    let r = validate(&form, &options("2026-11-29", ""));
    assert!(
        r.findings
            .iter()
            .any(|f| f.code == "ID002" && f.field == "accounts[2].value"),
        "{}",
        summary(&r)
    );
}
