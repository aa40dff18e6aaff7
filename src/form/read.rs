//! The lenient reader: JSON value → typed [`Form`] + `FORM001` findings.
//!
//! Each value is read once, here. An unreadable value becomes a `FORM001` at its exact path
//! and `None` in the form, so the rules that need it skip it and the fallbacks apply. Lists are
//! read up to [`MAX_ROWS`] rows, so work stays bounded whatever arrives.

use super::path::{Field, indexed};
use super::*;
use crate::date::DateOrder;
use crate::json::{self, Value};
use crate::lenient::{self, Read};
use crate::options::Options;
use crate::report::{Param, RawFinding};
use alloc::string::String;
use alloc::vec::Vec;

/// Rows read from any one list; the rest are reported once and not checked.
pub const MAX_ROWS: usize = 200;

/// Where a value sits: a fixed path, or a field of row `i` of a list. Cheap to pass around;
/// the path text is only built when a finding needs it.
#[derive(Clone, Copy)]
enum Loc {
    At(&'static str),
    Row(&'static str, usize, &'static str),
}

impl Loc {
    fn field(self) -> Field {
        match self {
            Loc::At(p) => Field::Borrowed(p),
            Loc::Row(base, i, leaf) => indexed(base, i, leaf),
        }
    }
}

/// Reads `v` as a form. Findings (`FORM001`) are appended to `out`.
#[inline(never)]
pub fn read<'a>(v: &'a Value<'a>, options: &Options, out: &mut Vec<RawFinding>) -> Form<'a> {
    use Loc::{At, Row};
    let mut r = Reader {
        order: options.date_order,
        out,
    };
    let mut f = Form::default();
    if !matches!(v, Value::Object(_)) {
        r.unreadable(At(""), v, "form");
        return f;
    }
    f.is_object = true;
    f.request_type = r.choice(
        v.get("requestType"),
        At("requestType"),
        &RequestType::ALL,
        &RequestType::NAMES,
    );
    f.requesting_country = r.country(v.get("requestingCountry"), At("requestingCountry"));
    f.requested_country = r.country(v.get("requestedCountry"), At("requestedCountry"));
    f.submission_date = r.date(v.get("submissionDate"), At("submissionDate"));

    if let Some(a) = r.object(v, "authority") {
        f.authority = Authority {
            name: r.text(a.get("name"), At("authority.name")),
            officer: r.text(a.get("officer"), At("authority.officer")),
            email: r.text(a.get("email"), At("authority.email")),
            phone: r.text(a.get("phone"), At("authority.phone")),
        };
    }
    if let Some(c) = r.object(v, "case") {
        const O: &str = "case.offences";
        f.case.reference = r.text(c.get("reference"), At("case.reference"));
        f.case.facts = r.text(c.get("facts"), At("case.facts"));
        f.case.nexus = r.text(c.get("nexus"), At("case.nexus"));
        f.case.offences = r.rows(c.get("offences"), O, "group", |r, o, i| {
            Some(Offence {
                name: r.text(o.get("name"), Row(O, i, "name")),
                provision: r.text(o.get("provision"), Row(O, i, "provision")),
                max_penalty_years: r
                    .integer(o.get("maxPenaltyYears"), Row(O, i, "maxPenaltyYears")),
            })
        });
    }
    if let Some(p) = r.object(v, "provider") {
        f.provider.name = r.text(p.get("name"), At("provider.name"));
        f.provider.legal_entity = r.text(p.get("legalEntity"), At("provider.legalEntity"));
        f.provider.country = r.country(p.get("country"), At("provider.country"));
        let profile = p.get("profile");
        f.provider.profile = match lenient::text(profile) {
            Ok(Some(key)) if options.profile(key).is_some() => Some(key),
            Ok(None) => None,
            _ => {
                r.unreadable(
                    At("provider.profile"),
                    profile.unwrap_or(&Value::Null),
                    "profile",
                );
                None
            }
        };
    }
    const A: &str = "accounts";
    f.accounts = r.rows(v.get(A), A, "group", |r, a, i| {
        Some(Account {
            kind: r.choice(
                a.get("kind"),
                Row(A, i, "kind"),
                &AccountKind::ALL,
                &AccountKind::NAMES,
            ),
            value: r.text(a.get("value"), Row(A, i, "value")),
            timestamp: r.date_time(a.get("timestamp"), Row(A, i, "timestamp")),
            port: r.integer(a.get("port"), Row(A, i, "port")),
        })
    });
    if let Some(d) = r.object(v, "data") {
        f.data.categories = r.categories(d.get("categories"));
        f.data.from = r.date(d.get("from"), At("data.from"));
        f.data.to = r.date(d.get("to"), At("data.to"));
    }
    if let Some(p) = r.object(v, "preservation") {
        const E: &str = "preservation.extensions";
        let pr = &mut f.preservation;
        pr.status = r.choice(
            p.get("status"),
            At("preservation.status"),
            &PreservationStatus::ALL,
            &PreservationStatus::NAMES,
        );
        pr.requested_on = r.date(p.get("requestedOn"), At("preservation.requestedOn"));
        pr.confirmed_on = r.date(p.get("confirmedOn"), At("preservation.confirmedOn"));
        pr.reference = r.text(p.get("reference"), At("preservation.reference"));
        pr.period_days = r.integer(p.get("periodDays"), At("preservation.periodDays"));
        pr.proof_attached = r.boolean(p.get("proofAttached"), At("preservation.proofAttached"));
        pr.extensions = r.rows(p.get("extensions"), E, "group", |r, e, i| {
            Some(Extension {
                requested_on: r.date(e.get("requestedOn"), Row(E, i, "requestedOn")),
                reference: r.text(e.get("reference"), Row(E, i, "reference")),
                period_days: r.integer(e.get("periodDays"), Row(E, i, "periodDays")),
            })
        });
    }
    if let Some(l) = r.object(v, "recordsLocation") {
        f.records_location = RecordsLocation {
            country: r.country(l.get("country"), At("recordsLocation.country")),
            confirmed: r.boolean(l.get("confirmed"), At("recordsLocation.confirmed")),
            basis: r.choice(
                l.get("basis"),
                At("recordsLocation.basis"),
                &LocationBasis::ALL,
                &LocationBasis::NAMES,
            ),
            note: r.text(l.get("note"), At("recordsLocation.note")),
        };
    }
    if let Some(e) = r.object(v, "emergency") {
        f.emergency = Emergency {
            active: r.boolean(e.get("active"), At("emergency.active")),
            risk: r.choice(
                e.get("risk"),
                At("emergency.risk"),
                &Risk::ALL,
                &Risk::NAMES,
            ),
            justification: r.text(e.get("justification"), At("emergency.justification")),
            harm_expected_by: r.date_time(e.get("harmExpectedBy"), At("emergency.harmExpectedBy")),
            oral: r.boolean(e.get("oral"), At("emergency.oral")),
            oral_made_on: r.date(e.get("oralMadeOn"), At("emergency.oralMadeOn")),
            written_follow_up_on: r.date(
                e.get("writtenFollowUpOn"),
                At("emergency.writtenFollowUpOn"),
            ),
        };
    }
    if let Some(n) = r.object(v, "notification") {
        f.notification = Notification {
            provider_notifies: r.choice(
                n.get("providerNotifies"),
                At("notification.providerNotifies"),
                &Notifies::ALL,
                &Notifies::NAMES,
            ),
            request_non_disclosure: r.boolean(
                n.get("requestNonDisclosure"),
                At("notification.requestNonDisclosure"),
            ),
            reason: r.text(n.get("reason"), At("notification.reason")),
            duration_days: r.integer(n.get("durationDays"), At("notification.durationDays")),
        };
    }
    if let Some(c) = r.object(v, "csam") {
        const N: &str = "csam.ncmecReports";
        f.csam.likely = r.boolean(c.get("likely"), At("csam.likely"));
        f.csam.declared = r.boolean(c.get("declared"), At("csam.declared"));
        f.csam.handling_protocol = r.text(c.get("handlingProtocol"), At("csam.handlingProtocol"));
        f.csam.import_permit_ref = r.text(c.get("importPermitRef"), At("csam.importPermitRef"));
        f.csam.ncmec_reports = r.rows(c.get("ncmecReports"), N, "text", |r, item, i| {
            r.text(Some(item), Row(N, i, ""))
        });
    }
    f
}

struct Reader<'f> {
    order: DateOrder,
    out: &'f mut Vec<RawFinding>,
}

impl<'a> Reader<'_> {
    /// `FORM001` at `at`: the value as typed, and what was expected (a term that the messages
    /// translate).
    fn unreadable(&mut self, at: Loc, v: &Value<'_>, expected: &'static str) {
        let mut shown = String::new();
        match v {
            Value::String(s) => shown.push_str(s),
            other => json::write_value(&mut shown, other),
        }
        if let Some((cut, _)) = shown.char_indices().nth(40) {
            shown.truncate(cut);
            shown.push('…');
        }
        self.out.push(
            RawFinding::new("FORM001", at.field())
                .with("value", Param::Text(shown))
                .with("expected", Param::Term(expected)),
        );
    }

    fn check<T>(
        &mut self,
        r: Read<T>,
        v: Option<&Value<'_>>,
        at: Loc,
        expected: &'static str,
    ) -> Option<T> {
        r.unwrap_or_else(|_| {
            self.unreadable(at, v.unwrap_or(&Value::Null), expected);
            None
        })
    }

    fn text(&mut self, v: Option<&'a Value<'a>>, at: Loc) -> Option<&'a str> {
        self.check(lenient::text(v), v, at, "text")
    }
    fn boolean(&mut self, v: Option<&Value<'_>>, at: Loc) -> Option<bool> {
        self.check(lenient::boolean(v), v, at, "boolean")
    }
    fn integer(&mut self, v: Option<&Value<'_>>, at: Loc) -> Option<i64> {
        self.check(lenient::integer(v), v, at, "integer")
    }
    fn date(&mut self, v: Option<&Value<'_>>, at: Loc) -> Option<crate::date::Date> {
        let expected = match self.order {
            DateOrder::Ymd => "date",
            DateOrder::Dmy => "dateDmy",
            DateOrder::Mdy => "dateMdy",
        };
        self.check(lenient::date(v, self.order), v, at, expected)
    }
    fn date_time(&mut self, v: Option<&Value<'_>>, at: Loc) -> Option<crate::date::DateTime> {
        self.check(lenient::date_time(v, self.order), v, at, "dateTime")
    }
    fn country(&mut self, v: Option<&Value<'_>>, at: Loc) -> Option<crate::country::Country> {
        self.check(lenient::country(v), v, at, "country")
    }
    fn choice<T: Copy>(
        &mut self,
        v: Option<&Value<'_>>,
        at: Loc,
        all: &[T],
        names: &[&str],
    ) -> Option<T> {
        self.check(lenient::choice(v, names), v, at, "choice")
            .and_then(|i| all.get(i).copied())
    }

    /// A nested object, or `None` (absent, or `FORM001` when it is not an object).
    fn object(&mut self, v: &'a Value<'a>, key: &'static str) -> Option<&'a Value<'a>> {
        match v.get(key) {
            None | Some(Value::Null) => None,
            Some(o @ Value::Object(_)) => Some(o),
            Some(other) => {
                self.unreadable(Loc::At(key), other, "group");
                None
            }
        }
    }

    /// A list of rows, each read by `row` (which may skip it). Rows of the wrong JSON type
    /// (`expected` says which: `group` rows are objects, `text` rows are text) are `FORM001`.
    fn rows<T>(
        &mut self,
        v: Option<&'a Value<'a>>,
        base: &'static str,
        expected: &'static str,
        mut row: impl FnMut(&mut Self, &'a Value<'a>, usize) -> Option<T>,
    ) -> Vec<T> {
        let items = match v {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.unreadable(Loc::At(base), other, "list");
                return Vec::new();
            }
        };
        if items.len() > MAX_ROWS {
            self.out.push(
                RawFinding::new("FORM001", Field::Borrowed(base))
                    .with("value", Param::Int(items.len() as i64))
                    .with("expected", Param::Term("shortList")),
            );
        }
        let mut out = Vec::with_capacity(items.len().min(MAX_ROWS));
        for (i, item) in items.iter().take(MAX_ROWS).enumerate() {
            let fits = match item {
                Value::Object(_) => expected == "group",
                Value::String(_) | Value::Number(_) => expected == "text",
                Value::Null => continue,
                _ => false,
            };
            if fits {
                out.extend(row(self, item, i));
            } else {
                self.unreadable(Loc::Row(base, i, ""), item, expected);
            }
        }
        out
    }

    /// `data.categories`: a list of categories; a single text is a list of one.
    fn categories(&mut self, v: Option<&Value<'_>>) -> Vec<Category> {
        const C: &str = "data.categories";
        let mut out = Vec::new();
        let single;
        let (items, whole) = match v {
            None | Some(Value::Null) => return out,
            Some(Value::Array(items)) => (items.as_slice(), false),
            Some(item @ Value::String(_)) => {
                single = [item.clone()];
                (&single[..], true)
            }
            Some(other) => {
                self.unreadable(Loc::At(C), other, "list");
                return out;
            }
        };
        for (i, item) in items.iter().take(MAX_ROWS).enumerate() {
            let at = if whole {
                Loc::At(C)
            } else {
                Loc::Row(C, i, "")
            };
            if let Some(c) = self.choice(Some(item), at, &Category::ALL, &Category::NAMES)
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn read_json(json: &str) -> (Vec<String>, bool) {
        let v = json::parse(json).unwrap();
        let o = Options::new(Date::from_ymd(2026, 11, 29).unwrap());
        let mut out = Vec::new();
        let f = read(&v, &o, &mut out);
        (
            out.iter().map(|f| f.field.to_string()).collect(),
            f.is_object,
        )
    }

    #[test]
    fn a_form_that_is_not_an_object_is_one_finding_at_the_root() {
        for json in ["null", "1", "\"x\"", "[]", "true"] {
            assert_eq!(read_json(json), (vec![String::new()], false), "{json}");
        }
    }

    #[test]
    fn unreadable_values_are_reported_at_their_exact_path() {
        let (fields, _) = read_json(
            r#"{
            "requestType": "letter", "requestingCountry": "ZZ", "submissionDate": "2026-02-30",
            "authority": "Police", "case": {"offences": [{"name": "Fraud", "maxPenaltyYears": "ten"}, 5]},
            "accounts": [{"kind": "email"}, {"kind": "fax", "timestamp": "noon", "port": "http"}],
            "data": {"categories": ["subscriber", "everything"]},
            "preservation": {"extensions": [{}, {"requestedOn": "soon", "periodDays": [90]}], "proofAttached": "perhaps"},
            "emergency": {"active": "maybe", "harmExpectedBy": "2026-13-01T10:00Z"},
            "csam": {"ncmecReports": ["123", {"id": 1}]}
        }"#,
        );
        assert_eq!(
            fields,
            [
                "requestType",
                "requestingCountry",
                "submissionDate",
                "authority",
                "case.offences[0].maxPenaltyYears",
                "case.offences[1]",
                "accounts[1].kind",
                "accounts[1].timestamp",
                "accounts[1].port",
                "data.categories[1]",
                "preservation.proofAttached",
                "preservation.extensions[1].requestedOn",
                "preservation.extensions[1].periodDays",
                "emergency.active",
                "emergency.harmExpectedBy",
                "csam.ncmecReports[1]",
            ]
        );
    }

    #[test]
    fn empty_values_are_absent_not_unreadable() {
        let (fields, ok) = read_json(
            r#"{"requestType": "", "authority": {"name": "  "}, "accounts": [null],
            "preservation": {"periodDays": "", "requestedOn": null}, "data": {"categories": []}}"#,
        );
        assert!(ok);
        assert!(fields.is_empty(), "{fields:?}");
    }

    #[test]
    fn long_lists_are_read_up_to_the_limit_and_said_once() {
        let rows = vec![r#"{"kind":"email","value":"a@b.org"}"#; 20_000].join(",");
        let (fields, _) = read_json(&format!(r#"{{"accounts":[{rows}]}}"#));
        assert_eq!(fields, ["accounts"]);
    }

    #[test]
    fn an_unknown_profile_is_unreadable() {
        assert_eq!(
            read_json(r#"{"provider":{"profile":"myspace"}}"#).0,
            ["provider.profile"]
        );
        assert!(read_json(r#"{"provider":{"profile":"meta"}}"#).0.is_empty());
    }
}
