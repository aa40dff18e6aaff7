//! v2's reader, kept natively as a test oracle (issue 15): it walks a `serde_json::Value`
//! (the tree the one-pass reader of [`super::read`] no longer builds) into the same typed
//! [`Form`], so a property test can say that both read every JSON document alike. Not used by
//! the library.

use super::*;
use crate::date::DateOrder;
use crate::lenient::{self, Read};
use crate::path::{Field, indexed};
use crate::rule::{Hit, Param};
use alloc::string::String;
use alloc::vec::Vec;
use serde_json::Value;

use super::read::{MAX_ROWS, MAX_TEXT_BYTES};
use crate::lenient::Leaf;

/// `v` as the one-pass reader sees a value (`None`: the key is absent).
fn leaf(v: Option<&Value>) -> Option<Leaf<'_>> {
    Some(match v? {
        Value::Null => Leaf::Null,
        Value::Bool(b) => Leaf::Bool(*b),
        Value::Number(n) => Leaf::Number(n.as_str()),
        Value::String(s) => Leaf::Text(s),
        Value::Array(_) => Leaf::List("[]"),
        Value::Object(_) => Leaf::Object("{}"),
    })
}

/// An object of the form (the form itself, a group such as `authority`, or row `i` of a list)
/// and where it sits. Cheap to pass around: a field's path is only built when a finding needs it.
#[derive(Clone, Copy)]
struct Obj<'a> {
    v: &'a Value,
    /// `""` for the form, the group's name, or the list's path for a row.
    base: &'static str,
    row: Option<usize>,
}

impl<'a> Obj<'a> {
    /// The value of `key`; an empty key is the object's own value (a row of texts).
    fn get(self, key: &str) -> Option<&'a Value> {
        if key.is_empty() {
            Some(self.v)
        } else {
            self.v.get(key)
        }
    }

    /// The path of `key` in this object (`accounts[1].kind`); an empty key is the object's own.
    fn path(self, key: &'static str) -> Field {
        match self.row {
            Some(i) => indexed(self.base, i, key),
            None if self.base.is_empty() => Field::Borrowed(key),
            None if key.is_empty() => Field::Borrowed(self.base),
            None => {
                let mut s = String::with_capacity(self.base.len() + key.len() + 1);
                s.push_str(self.base);
                s.push('.');
                s.push_str(key);
                Field::Owned(s)
            }
        }
    }
}

/// Reads `v` as a form. Findings (`FORM001`) are appended to `out`.
///
/// `profile_exists` says whether a `provider.profile` key names a profile (built in or from the
/// options); the reader knows no profiles itself.
pub fn read<'a>(
    v: &'a Value,
    order: DateOrder,
    profile_exists: &dyn Fn(&str) -> bool,
    out: &mut Vec<Hit>,
) -> Form<'a> {
    let mut r = Reader { order, out };
    let mut f = Form::default();
    let form = Obj {
        v,
        base: "",
        row: None,
    };
    if !matches!(v, Value::Object(_)) {
        r.unreadable(form, "", v, "form");
        return f;
    }
    f.is_object = true;
    f.request_type = r.choice(form, "requestType", &RequestType::ALL, &RequestType::NAMES);
    f.requesting_country = r.country(form, "requestingCountry");
    f.requested_country = r.country(form, "requestedCountry");
    f.submission_date = r.date(form, "submissionDate");
    // A string is the instrument's name ("Fiji–US MLAT").
    match form.get("legalBasis") {
        Some(Value::String(_)) => f.legal_basis.instrument = r.text(form, "legalBasis"),
        _ => {
            if let Some(b) = r.object(form, "legalBasis") {
                f.legal_basis = LegalBasis {
                    instrument: r.text(b, "instrument"),
                    article: r.text(b, "article"),
                };
            }
        }
    }

    if let Some(a) = r.object(form, "authority") {
        f.authority = Authority {
            name: r.text(a, "name"),
            officer: r.text(a, "officer"),
            email: r.text(a, "email"),
            phone: r.text(a, "phone"),
        };
    }
    if let Some(c) = r.object(form, "case") {
        f.case.reference = r.text(c, "reference");
        f.case.facts = r.text(c, "facts");
        f.case.nexus = r.text(c, "nexus");
        f.case.offences = r.rows(c, "offences", "case.offences", "group", |r, o| Offence {
            name: r.text(o, "name"),
            provision: r.text(o, "provision"),
            max_penalty_years: r.integer(o, "maxPenaltyYears"),
        });
    }
    if let Some(p) = r.object(form, "provider") {
        f.provider.name = r.text(p, "name");
        f.provider.legal_entity = r.text(p, "legalEntity");
        f.provider.country = r.country(p, "country");
        f.provider.user_country = r.country(p, "userCountry");
        let profile = p.get("profile");
        f.provider.profile = match leaf(profile).map_or(Ok(None), |l| lenient::text(&l)) {
            Ok(Some(key)) if profile_exists(key) => Some(key),
            Ok(None) => None,
            _ => {
                r.unreadable(p, "profile", profile.unwrap_or(&Value::Null), "profile");
                None
            }
        };
    }
    f.accounts = r.rows(form, "accounts", "accounts", "group", |r, a| Account {
        kind: r.choice(a, "kind", &AccountKind::ALL, &AccountKind::NAMES),
        value: r.text(a, "value"),
        timestamp: r.date_time(a, "timestamp"),
        port: r.integer(a, "port"),
    });
    if let Some(d) = r.object(form, "data") {
        f.data.categories = r.categories(d);
        f.data.from = r.date(d, "from");
        f.data.to = r.date(d, "to");
    }
    if let Some(p) = r.object(form, "preservation") {
        let pr = &mut f.preservation;
        pr.status = r.choice(
            p,
            "status",
            &PreservationStatus::ALL,
            &PreservationStatus::NAMES,
        );
        pr.requested_on = r.date(p, "requestedOn");
        pr.confirmed_on = r.date(p, "confirmedOn");
        pr.reference = r.text(p, "reference");
        pr.period_days = r.integer(p, "periodDays");
        pr.proof_attached = r.boolean(p, "proofAttached");
        pr.necessity = r.text(p, "necessity");
        pr.mar_to_follow = r.boolean(p, "marToFollow");
        pr.extensions = r.rows(
            p,
            "extensions",
            "preservation.extensions",
            "group",
            |r, e| Extension {
                requested_on: r.date(e, "requestedOn"),
                reference: r.text(e, "reference"),
                period_days: r.integer(e, "periodDays"),
            },
        );
    }
    if let Some(l) = r.object(form, "recordsLocation") {
        f.records_location = RecordsLocation {
            country: r.country(l, "country"),
            confirmed: r.boolean(l, "confirmed"),
            basis: r.choice(l, "basis", &LocationBasis::ALL, &LocationBasis::NAMES),
            note: r.text(l, "note"),
        };
    }
    if let Some(e) = r.object(form, "emergency") {
        f.emergency = Emergency {
            active: r.boolean(e, "active"),
            risk: r.choice(e, "risk", &Risk::ALL, &Risk::NAMES),
            justification: r.text(e, "justification"),
            harm_expected_by: r.date_time(e, "harmExpectedBy"),
            ongoing: r.boolean(e, "ongoing"),
            person_at_risk: r.text(e, "personAtRisk"),
            oral: r.boolean(e, "oral"),
            oral_made_on: r.date(e, "oralMadeOn"),
            written_follow_up_on: r.date(e, "writtenFollowUpOn"),
        };
    }
    if let Some(n) = r.object(form, "notification") {
        f.notification = Notification {
            provider_notifies: r.choice(n, "providerNotifies", &Notifies::ALL, &Notifies::NAMES),
            request_non_disclosure: r.boolean(n, "requestNonDisclosure"),
            reason: r.text(n, "reason"),
            duration_days: r.integer(n, "durationDays"),
            basis: r.choice(
                n,
                "basis",
                &NonDisclosureBasis::ALL,
                &NonDisclosureBasis::NAMES,
            ),
        };
    }
    if let Some(c) = r.object(form, "csam") {
        f.csam.likely = r.boolean(c, "likely");
        f.csam.declared = r.boolean(c, "declared");
        f.csam.handling_protocol = r.text(c, "handlingProtocol");
        f.csam.import_permit_ref = r.text(c, "importPermitRef");
        // Only the ids matter (no rule marks a row of this list), so blanks are dropped.
        f.csam.ncmec_reports = r
            .rows(c, "ncmecReports", "csam.ncmecReports", "text", |r, item| {
                r.text(item, "")
            })
            .into_iter()
            .flatten()
            .collect();
    }
    f
}

struct Reader<'f> {
    order: DateOrder,
    out: &'f mut Vec<Hit>,
}

impl<'a> Reader<'_> {
    /// `FORM001` at `key` of `o`: the value as typed, and what was expected (a term that the
    /// messages translate).
    #[inline(never)]
    fn unreadable(&mut self, o: Obj<'_>, key: &'static str, v: &Value, expected: &'static str) {
        // At most 41 characters are kept, so a huge value is never copied whole.
        let mut shown: String = match v {
            Value::String(s) => s.chars().take(41).collect(),
            Value::Array(_) | Value::Object(_) => serde_json::to_string(v)
                .map(|t| t.chars().take(41).collect())
                .unwrap_or_default(),
            other => other.to_string(),
        };
        if let Some((cut, _)) = shown.char_indices().nth(40) {
            shown.truncate(cut);
            shown.push('…');
        }
        self.out.push(
            Hit::new("FORM001", o.path(key))
                .with("value", Param::Text(shown))
                .with("expected", Param::Term(expected)),
        );
    }

    /// Reads `key` of `o` with `read`; an unreadable value is `FORM001` and `None`.
    fn check<T>(
        &mut self,
        o: Obj<'a>,
        key: &'static str,
        expected: &'static str,
        read: impl FnOnce(&Leaf<'a>) -> Read<T>,
    ) -> Option<T> {
        let v = o.get(key);
        if let Some(Value::String(t)) = v
            && t.len() > MAX_TEXT_BYTES
        {
            let head = t.chars().take(41).collect();
            let shown = Value::String(head);
            self.unreadable(o, key, &shown, "tooLong");
            return None;
        }
        let l = leaf(v)?;
        read(&l).unwrap_or_else(|_| {
            self.unreadable(o, key, v.unwrap_or(&Value::Null), expected);
            None
        })
    }

    fn text(&mut self, o: Obj<'a>, key: &'static str) -> Option<&'a str> {
        self.check(o, key, "text", lenient::text)
    }
    fn boolean(&mut self, o: Obj<'a>, key: &'static str) -> Option<bool> {
        self.check(o, key, "boolean", lenient::boolean)
    }
    fn integer(&mut self, o: Obj<'a>, key: &'static str) -> Option<i64> {
        self.check(o, key, "integer", lenient::integer)
    }
    fn date(&mut self, o: Obj<'a>, key: &'static str) -> Option<crate::date::Date> {
        let (order, expected) = match self.order {
            DateOrder::Ymd => (DateOrder::Ymd, "date"),
            DateOrder::Dmy => (DateOrder::Dmy, "dateDmy"),
            DateOrder::Mdy => (DateOrder::Mdy, "dateMdy"),
        };
        self.check(o, key, expected, |v| lenient::date(v, order))
    }
    fn date_time(&mut self, o: Obj<'a>, key: &'static str) -> Option<crate::date::DateTime> {
        let order = self.order;
        self.check(o, key, "dateTime", |v| lenient::date_time(v, order))
    }
    fn country(&mut self, o: Obj<'a>, key: &'static str) -> Option<crate::country::Country> {
        self.check(o, key, "country", lenient::country)
    }
    fn choice<T: Copy>(
        &mut self,
        o: Obj<'a>,
        key: &'static str,
        all: &[T],
        names: &[&str],
    ) -> Option<T> {
        self.check(o, key, "choice", |v| lenient::choice(v, names))
            .and_then(|i| all.get(i).copied())
    }

    /// A group of the form (`authority`), or `None` (absent, or `FORM001` when it is not an
    /// object).
    fn object(&mut self, form: Obj<'a>, key: &'static str) -> Option<Obj<'a>> {
        match form.get(key) {
            None | Some(Value::Null) => None,
            // An empty text where a group belongs is nothing said, as where a list belongs.
            Some(Value::String(t)) if t.trim().is_empty() => None,
            Some(v @ Value::Object(_)) => Some(Obj {
                v,
                base: key,
                row: None,
            }),
            Some(other) => {
                self.unreadable(form, key, other, "group");
                None
            }
        }
    }

    /// The list at `key` of `o` (whose path is `path`), each row read by `row` (which may skip
    /// it). Rows of the wrong JSON type (`expected` says which: `group` rows are objects, `text`
    /// rows are text) are `FORM001`.
    fn rows<T>(
        &mut self,
        o: Obj<'a>,
        key: &'static str,
        path: &'static str,
        expected: &'static str,
        mut row: impl FnMut(&mut Self, Obj<'a>) -> T,
    ) -> Vec<T>
    where
        T: Default,
    {
        let items = match o.get(key) {
            None | Some(Value::Null) => return Vec::new(),
            // An empty text where a list belongs is a control left empty: absent, as elsewhere.
            Some(Value::String(t)) if t.trim().is_empty() => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.unreadable(o, key, other, "list");
                return Vec::new();
            }
        };
        if items.len() > MAX_ROWS {
            self.out.push(
                Hit::new("FORM001", o.path(key))
                    .with("value", Param::Int(items.len() as i64))
                    .with("expected", Param::Term("shortList")),
            );
        }
        let mut out = Vec::with_capacity(items.len().min(MAX_ROWS));
        for (i, v) in items.iter().take(MAX_ROWS).enumerate() {
            let item = Obj {
                v,
                base: path,
                row: Some(i),
            };
            let fits = match v {
                Value::Object(_) => expected == "group",
                Value::String(_) | Value::Number(_) => expected == "text",
                Value::Null => {
                    out.push(T::default());
                    continue;
                }
                _ => false,
            };
            // Row `i` of the list is row `i` of the form, so the rules mark the right control:
            // a blank row (all absent) stands in for an empty or unreadable one.
            if fits {
                out.push(row(self, item));
            } else {
                self.unreadable(item, "", v, expected);
                out.push(T::default());
            }
        }
        out
    }

    /// `data.categories`: a list of categories; a single text is a list of one.
    fn categories(&mut self, data: Obj<'a>) -> Vec<Category> {
        const C: &str = "data.categories";
        let mut out = Vec::new();
        let (items, whole) = match data.get("categories") {
            None | Some(Value::Null) => return out,
            Some(Value::Array(items)) => (items.as_slice(), false),
            Some(item @ Value::String(_)) => (core::slice::from_ref(item), true),
            Some(other) => {
                self.unreadable(data, "categories", other, "list");
                return out;
            }
        };
        for (i, v) in items.iter().take(MAX_ROWS).enumerate() {
            let item = Obj {
                v,
                base: C,
                row: (!whole).then_some(i),
            };
            if let Some(c) = self.choice(item, "", &Category::ALL, &Category::NAMES)
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
        out
    }
}
