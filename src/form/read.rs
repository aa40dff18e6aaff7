//! The lenient reader: JSON text → typed [`Form`] + `FORM001` findings, in one pass (issue 15).
//!
//! The reader walks the text once with [`Cursor`], key by key, and fills the typed form as it
//! goes: no tree is built, texts are borrowed from the input. Each value is read once, here. An
//! unreadable value becomes a `FORM001` at its exact path and `None` in the form, so the rules
//! that need it skip it and the fallbacks apply. Lists are read up to [`MAX_ROWS`] rows and
//! texts up to [`MAX_TEXT_BYTES`] bytes, so work stays bounded whatever arrives. A key given
//! twice is read as its last value (as `JSON.parse` does): what the first one said is forgotten.

use super::*;
use crate::date::DateOrder;
use crate::json::{Arena, Cursor, JsonError, Kind, Leaf};
use crate::lenient::{self, Read};
use crate::path::{Field, indexed};
use crate::rule::{Hit, Param};
use alloc::string::String;
use alloc::vec::Vec;

/// Rows read from any one list; the rest are reported once and not checked.
pub const MAX_ROWS: usize = 200;

/// The longest text a value may hold, in bytes of UTF-8 (1 MiB: a summary of facts is a few
/// pages). A longer one is `FORM001` at its field and read as absent, so no rule walks it.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// An object of the form (the form itself, a group such as `authority`, or row `i` of a list)
/// and where it sits. Cheap to pass around: a field's path is only built when a finding needs it.
#[derive(Clone, Copy)]
struct Obj {
    /// `""` for the form, the group's name, or the list's path for a row.
    base: &'static str,
    row: Option<usize>,
}

const FORM: Obj = Obj {
    base: "",
    row: None,
};

impl Obj {
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

    fn group(key: &'static str) -> Obj {
        Obj {
            base: key,
            row: None,
        }
    }
}

// The keys of each object of the model (contract §2), in one place: a key given twice is
// found here, and a path is built from the `&'static str` found.

/// The top-level keys of the form.
pub const FORM_KEYS: &[&str] = &[
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
const LEGAL_BASIS: &[&str] = &["instrument", "article"];
const AUTHORITY: &[&str] = &["name", "officer", "email", "phone"];
const CASE: &[&str] = &["reference", "facts", "nexus", "offences"];
const OFFENCE: &[&str] = &["name", "provision", "maxPenaltyYears"];
const PROVIDER: &[&str] = &["name", "profile", "legalEntity", "country", "userCountry"];
const ACCOUNT: &[&str] = &["kind", "value", "timestamp", "port"];
const DATA: &[&str] = &["categories", "from", "to"];
const PRESERVATION: &[&str] = &[
    "status",
    "requestedOn",
    "confirmedOn",
    "reference",
    "periodDays",
    "proofAttached",
    "necessity",
    "marToFollow",
    "extensions",
];
const EXTENSION: &[&str] = &["requestedOn", "reference", "periodDays"];
const RECORDS_LOCATION: &[&str] = &["country", "confirmed", "basis", "note"];
const EMERGENCY: &[&str] = &[
    "active",
    "risk",
    "justification",
    "harmExpectedBy",
    "ongoing",
    "personAtRisk",
    "oral",
    "oralMadeOn",
    "writtenFollowUpOn",
];
const NOTIFICATION: &[&str] = &[
    "providerNotifies",
    "requestNonDisclosure",
    "reason",
    "durationDays",
    "basis",
];
const CSAM: &[&str] = &[
    "likely",
    "declared",
    "handlingProtocol",
    "importPermitRef",
    "ncmecReports",
];

/// Reads JSON text as a form. Findings (`FORM001`) are appended to `out`; `Err` says why the
/// text is not JSON (then nothing read is kept: the caller reports the form as unreadable).
/// Texts with escapes are decoded into `arena`.
///
/// `profile_exists` says whether a `provider.profile` key names a profile (built in or from the
/// options); the reader knows no profiles itself.
pub fn read<'a>(
    text: &'a str,
    arena: &'a Arena,
    order: DateOrder,
    profile_exists: &dyn Fn(&str) -> bool,
    out: &mut Vec<Hit>,
) -> Result<Form<'a>, JsonError> {
    let mut c = Cursor::new(text, arena);
    let f = read_next(&mut c, order, profile_exists, out)?;
    c.end()?;
    Ok(f)
}

/// Reads `text`, the value of the form's top-level `key`, into its field of `f` as the
/// whole-form read reads it there (a session re-reads only the keys that changed); the form's
/// other fields are left as they are. With `some`, `text` is an object of some of the fields
/// of the group at `key` (a session re-reading one field of a group): those are read into the
/// group as it is, the group's others are left as they are. Findings are appended to `out`. A
/// key the model does not have is only checked to be JSON. On `Err` (`text` is not one JSON
/// value) the key's field is left as its default.
#[expect(
    clippy::too_many_arguments,
    reason = "the reader's inputs, as `read` takes them"
)]
pub fn read_key<'a>(
    key: &str,
    some: bool,
    text: &'a str,
    arena: &'a Arena,
    order: DateOrder,
    profile_exists: &dyn Fn(&str) -> bool,
    f: &mut Form<'a>,
    out: &mut Vec<Hit>,
) -> Result<(), JsonError> {
    let mut c = Cursor::new(text, arena).inside_object();
    c.max_text = MAX_TEXT_BYTES;
    let mut r = Reader {
        c: &mut c,
        order,
        out,
        profile_exists,
    };
    let Some(key) = FORM_KEYS.iter().copied().find(|k| *k == key) else {
        return r.c.skip().and_then(|()| r.c.end());
    };
    let read = r.key(f, key, !some).and_then(|()| r.c.end());
    if read.is_err() {
        // `null` is absent: every field of the key to its default.
        let _null = Reader {
            c: &mut Cursor::new("null", arena),
            ..r
        }
        .key(f, key, true);
    }
    read
}

/// Reads the next value of `c` (a stream of forms: NDJSON, or the items of a list) as a form.
pub fn read_next<'a>(
    c: &mut Cursor<'a>,
    order: DateOrder,
    profile_exists: &dyn Fn(&str) -> bool,
    out: &mut Vec<Hit>,
) -> Result<Form<'a>, JsonError> {
    let max = c.max_text;
    c.max_text = MAX_TEXT_BYTES;
    let f = Reader {
        c: &mut *c,
        order,
        out,
        profile_exists,
    }
    .form();
    c.max_text = max;
    f
}

type R<T> = Result<T, JsonError>;

/// The group `g`, to be read into: as it is, or (`fresh`) emptied first.
fn group_of<T: Default>(g: &mut T, fresh: bool) -> &mut T {
    if fresh {
        *g = T::default();
    }
    g
}

struct Reader<'a, 'f> {
    c: &'f mut Cursor<'a>,
    order: DateOrder,
    out: &'f mut Vec<Hit>,
    profile_exists: &'f dyn Fn(&str) -> bool,
}

impl<'a> Reader<'a, '_> {
    fn form(&mut self) -> R<Form<'a>> {
        let mut f = Form::default();
        if self.c.peek()? != Kind::Object {
            let v = self.c.leaf()?;
            self.unreadable(FORM, "", &v, "form");
            return Ok(f);
        }
        f.is_object = true;
        self.fields(FORM, FORM_KEYS, |r, key| r.key(&mut f, key, true))?;
        Ok(f)
    }

    /// The value at the form's top-level `key` (one of [`FORM_KEYS`]), read into its field of
    /// `f`; the other fields are left as they are. On `Ok` the field is wholly what the value
    /// says, or, when not `fresh` and the value is a group's object, the group's fields it
    /// gives are (and the others as they were); on `Err` the field may be half read.
    fn key(&mut self, f: &mut Form<'a>, key: &'static str, fresh: bool) -> R<()> {
        let r = self;
        match key {
            "requestType" => {
                f.request_type = r.choice(FORM, key, &RequestType::ALL, &RequestType::NAMES)?
            }
            "requestingCountry" => f.requesting_country = r.country(FORM, key)?,
            "requestedCountry" => f.requested_country = r.country(FORM, key)?,
            "submissionDate" => f.submission_date = r.date(FORM, key)?,
            // A string is the instrument's name ("Fiji–US MLAT").
            "legalBasis" if r.c.peek()? == Kind::Text => {
                f.legal_basis = LegalBasis {
                    instrument: r.text(FORM, key)?,
                    article: None,
                }
            }
            "legalBasis" => {
                let b = group_of(&mut f.legal_basis, fresh);
                r.group(FORM, key, LEGAL_BASIS, |r, o, k| {
                    match k {
                        "instrument" => b.instrument = r.text(o, k)?,
                        _ => b.article = r.text(o, k)?,
                    }
                    Ok(())
                })?;
            }
            "authority" => {
                let a = group_of(&mut f.authority, fresh);
                r.group(FORM, key, AUTHORITY, |r, o, k| {
                    let t = r.text(o, k)?;
                    match k {
                        "name" => a.name = t,
                        "officer" => a.officer = t,
                        "email" => a.email = t,
                        _ => a.phone = t,
                    }
                    Ok(())
                })?;
            }
            "case" => {
                let c = group_of(&mut f.case, fresh);
                r.group(FORM, key, CASE, |r, o, k| {
                    match k {
                        "reference" => c.reference = r.text(o, k)?,
                        "facts" => c.facts = r.text(o, k)?,
                        "nexus" => c.nexus = r.text(o, k)?,
                        _ => {
                            c.offences = r.rows(o, k, "case.offences", |r, row| {
                                let mut x = Offence::default();
                                r.fields(row, OFFENCE, |r, k| {
                                    match k {
                                        "name" => x.name = r.text(row, k)?,
                                        "provision" => x.provision = r.text(row, k)?,
                                        _ => x.max_penalty_years = r.integer(row, k)?,
                                    }
                                    Ok(())
                                })?;
                                Ok(x)
                            })?
                        }
                    }
                    Ok(())
                })?;
            }
            "provider" => {
                let p = group_of(&mut f.provider, fresh);
                r.group(FORM, key, PROVIDER, |r, o, k| {
                    match k {
                        "name" => p.name = r.text(o, k)?,
                        "legalEntity" => p.legal_entity = r.text(o, k)?,
                        "country" => p.country = r.country(o, k)?,
                        "userCountry" => p.user_country = r.country(o, k)?,
                        _ => p.profile = r.profile(o, k)?,
                    }
                    Ok(())
                })?;
            }
            "accounts" => {
                f.accounts = r.rows(FORM, key, "accounts", |r, row| {
                    let mut a = Account::default();
                    r.fields(row, ACCOUNT, |r, k| {
                        match k {
                            "kind" => {
                                a.kind = r.choice(row, k, &AccountKind::ALL, &AccountKind::NAMES)?
                            }
                            "value" => a.value = r.text(row, k)?,
                            "timestamp" => a.timestamp = r.date_time(row, k)?,
                            _ => a.port = r.integer(row, k)?,
                        }
                        Ok(())
                    })?;
                    Ok(a)
                })?
            }
            "data" => {
                let d = group_of(&mut f.data, fresh);
                r.group(FORM, key, DATA, |r, o, k| {
                    match k {
                        "categories" => d.categories = r.categories()?,
                        "from" => d.from = r.date(o, k)?,
                        _ => d.to = r.date(o, k)?,
                    }
                    Ok(())
                })?;
            }
            "preservation" => {
                let p = group_of(&mut f.preservation, fresh);
                r.group(FORM, key, PRESERVATION, |r, o, k| {
                    match k {
                        "status" => {
                            p.status = r.choice(
                                o,
                                k,
                                &PreservationStatus::ALL,
                                &PreservationStatus::NAMES,
                            )?
                        }
                        "requestedOn" => p.requested_on = r.date(o, k)?,
                        "confirmedOn" => p.confirmed_on = r.date(o, k)?,
                        "reference" => p.reference = r.text(o, k)?,
                        "periodDays" => p.period_days = r.integer(o, k)?,
                        "proofAttached" => p.proof_attached = r.boolean(o, k)?,
                        "necessity" => p.necessity = r.text(o, k)?,
                        "marToFollow" => p.mar_to_follow = r.boolean(o, k)?,
                        _ => {
                            p.extensions = r.rows(o, k, "preservation.extensions", |r, row| {
                                let mut e = Extension::default();
                                r.fields(row, EXTENSION, |r, k| {
                                    match k {
                                        "requestedOn" => e.requested_on = r.date(row, k)?,
                                        "reference" => e.reference = r.text(row, k)?,
                                        _ => e.period_days = r.integer(row, k)?,
                                    }
                                    Ok(())
                                })?;
                                Ok(e)
                            })?
                        }
                    }
                    Ok(())
                })?;
            }
            "recordsLocation" => {
                let l = group_of(&mut f.records_location, fresh);
                r.group(FORM, key, RECORDS_LOCATION, |r, o, k| {
                    match k {
                        "country" => l.country = r.country(o, k)?,
                        "confirmed" => l.confirmed = r.boolean(o, k)?,
                        "basis" => {
                            l.basis = r.choice(o, k, &LocationBasis::ALL, &LocationBasis::NAMES)?
                        }
                        _ => l.note = r.text(o, k)?,
                    }
                    Ok(())
                })?;
            }
            "emergency" => {
                let e = group_of(&mut f.emergency, fresh);
                r.group(FORM, key, EMERGENCY, |r, o, k| {
                    match k {
                        "active" => e.active = r.boolean(o, k)?,
                        "risk" => e.risk = r.choice(o, k, &Risk::ALL, &Risk::NAMES)?,
                        "justification" => e.justification = r.text(o, k)?,
                        "harmExpectedBy" => e.harm_expected_by = r.date_time(o, k)?,
                        "ongoing" => e.ongoing = r.boolean(o, k)?,
                        "personAtRisk" => e.person_at_risk = r.text(o, k)?,
                        "oral" => e.oral = r.boolean(o, k)?,
                        "oralMadeOn" => e.oral_made_on = r.date(o, k)?,
                        _ => e.written_follow_up_on = r.date(o, k)?,
                    }
                    Ok(())
                })?;
            }
            "notification" => {
                let n = group_of(&mut f.notification, fresh);
                r.group(FORM, key, NOTIFICATION, |r, o, k| {
                    match k {
                        "providerNotifies" => {
                            n.provider_notifies =
                                r.choice(o, k, &Notifies::ALL, &Notifies::NAMES)?
                        }
                        "requestNonDisclosure" => n.request_non_disclosure = r.boolean(o, k)?,
                        "reason" => n.reason = r.text(o, k)?,
                        "durationDays" => n.duration_days = r.integer(o, k)?,
                        _ => {
                            n.basis = r.choice(
                                o,
                                k,
                                &NonDisclosureBasis::ALL,
                                &NonDisclosureBasis::NAMES,
                            )?
                        }
                    }
                    Ok(())
                })?;
            }
            _ => {
                let c = group_of(&mut f.csam, fresh);
                r.group(FORM, key, CSAM, |r, o, k| {
                    match k {
                        "likely" => c.likely = r.boolean(o, k)?,
                        "declared" => c.declared = r.boolean(o, k)?,
                        "handlingProtocol" => c.handling_protocol = r.text(o, k)?,
                        "importPermitRef" => c.import_permit_ref = r.text(o, k)?,
                        _ => {
                            // Only the ids matter (no rule marks a row of this list), so
                            // blanks are dropped.
                            c.ncmec_reports = r
                                .text_rows(o, k, "csam.ncmecReports")?
                                .into_iter()
                                .flatten()
                                .collect()
                        }
                    }
                    Ok(())
                })?;
            }
        }
        Ok(())
    }

    /// `FORM001` at `key` of `o`: the value as typed, and what was expected (a term that the
    /// messages translate).
    #[inline(never)]
    fn unreadable(&mut self, o: Obj, key: &'static str, v: &Leaf<'_>, expected: &'static str) {
        self.out.push(
            Hit::new("FORM001", o.path(key))
                .with("value", Param::Text(v.shown()))
                .with("expected", Param::Term(expected)),
        );
    }

    /// Forgets what was reported at `path` and under it: a key given again replaces it.
    #[inline(never)]
    fn forget(&mut self, path: &str) {
        self.out.retain(|h| {
            let f: &str = &h.field;
            !(f.strip_prefix(path)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '['])))
        });
    }

    /// The keys of the object the reader stands on: for each key of `keys`, `each` reads its
    /// value; other keys are passed over. A key given twice: what its first value said is
    /// forgotten.
    fn fields(
        &mut self,
        o: Obj,
        keys: &'static [&'static str],
        mut each: impl FnMut(&mut Self, &'static str) -> R<()>,
    ) -> R<()> {
        let mut seen = 0u32;
        let mut first = true;
        self.c.enter_object()?;
        while let Some(key) = self.c.next_key(&mut first)? {
            let Some(i) = keys.iter().position(|k| *k == key) else {
                self.c.skip()?;
                continue;
            };
            let k = keys.get(i).copied().unwrap_or("");
            if seen & (1 << i) != 0 {
                let path = o.path(k);
                self.forget(&path);
            }
            seen |= 1 << i;
            each(self, k)?;
        }
        Ok(())
    }

    /// A group of the form (`authority`): read by `each` when it is an object; nothing when it
    /// is absent (`null`, or an empty text); `FORM001` otherwise.
    fn group(
        &mut self,
        form: Obj,
        key: &'static str,
        keys: &'static [&'static str],
        mut each: impl FnMut(&mut Self, Obj, &'static str) -> R<()>,
    ) -> R<()> {
        match self.c.peek()? {
            Kind::Object => {
                let o = Obj::group(key);
                self.fields(o, keys, |r, k| each(r, o, k))
            }
            _ => {
                let v = self.c.leaf()?;
                match v {
                    Leaf::Null => {}
                    // An empty text where a group belongs is nothing said, as where a list belongs.
                    Leaf::Text(t) if crate::text::trim(t).is_empty() => {}
                    other => self.unreadable(form, key, &other, "group"),
                }
                Ok(())
            }
        }
    }

    /// The list at `key` of `o` (whose path is `path`): rows that are objects are read by
    /// `row`; a `null` row is blank; other rows are `FORM001`. Row `i` of the list is row `i` of
    /// the form, so the rules mark the right control.
    fn rows<T: Default>(
        &mut self,
        o: Obj,
        key: &'static str,
        path: &'static str,
        mut row: impl FnMut(&mut Self, Obj) -> R<T>,
    ) -> R<Vec<T>> {
        self.list_of(o, key, path, "group", |r, item, kind| {
            if kind == Kind::Object {
                row(r, item).map(Some)
            } else {
                Ok(None)
            }
        })
    }

    /// A list of texts (a number reads as the text it was written as).
    fn text_rows(
        &mut self,
        o: Obj,
        key: &'static str,
        path: &'static str,
    ) -> R<Vec<Option<&'a str>>> {
        self.list_of(o, key, path, "text", |r, item, kind| {
            if matches!(kind, Kind::Text | Kind::Number) {
                r.text(item, "").map(Some)
            } else {
                Ok(None)
            }
        })
    }

    /// The list at `key`: each of its first [`MAX_ROWS`] rows read by `row`, which answers
    /// `None` when the row is not of the kind `expected` names (then `FORM001` at the row).
    fn list_of<T: Default>(
        &mut self,
        o: Obj,
        key: &'static str,
        path: &'static str,
        expected: &'static str,
        mut row: impl FnMut(&mut Self, Obj, Kind) -> R<Option<T>>,
    ) -> R<Vec<T>> {
        let mut out = Vec::new();
        if self.c.peek()? != Kind::List {
            match self.c.leaf()? {
                Leaf::Null => {}
                // An empty text where a list belongs is a control left empty: absent.
                Leaf::Text(t) if crate::text::trim(t).is_empty() => {}
                other => self.unreadable(o, key, &other, "list"),
            }
            return Ok(out);
        }
        let mut count = 0usize;
        let mut first = true;
        self.c.enter_list()?;
        while self.c.next_item(&mut first)? {
            let i = count;
            count += 1;
            if i >= MAX_ROWS {
                self.c.skip()?;
                continue;
            }
            let item = Obj {
                base: path,
                row: Some(i),
            };
            let kind = self.c.peek()?;
            if kind == Kind::Null {
                self.c.skip()?;
                out.push(T::default());
                continue;
            }
            match row(self, item, kind)? {
                Some(x) => out.push(x),
                None => {
                    let v = self.c.leaf()?;
                    self.unreadable(item, "", &v, expected);
                    out.push(T::default());
                }
            }
        }
        if count > MAX_ROWS {
            self.out.push(
                Hit::new("FORM001", o.path(key))
                    .with("value", Param::Int(count as i64))
                    .with("expected", Param::Term("shortList")),
            );
        }
        Ok(out)
    }

    /// `data.categories`: a list of categories; a single text is a list of one.
    fn categories(&mut self) -> R<Vec<Category>> {
        const C: &str = "data.categories";
        let data = Obj::group("data");
        let mut out = Vec::new();
        match self.c.peek()? {
            Kind::Text => {
                let whole = Obj::group(C);
                if let Some(c) = self.choice(whole, "", &Category::ALL, &Category::NAMES)? {
                    out.push(c);
                }
            }
            Kind::List => {
                let rows = self.list_of(data, "categories", C, "choice", |r, item, _| {
                    r.choice(item, "", &Category::ALL, &Category::NAMES)
                        .map(Some)
                })?;
                for c in rows.into_iter().flatten() {
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
            }
            _ => {
                let v = self.c.leaf()?;
                if v != Leaf::Null {
                    self.unreadable(data, "categories", &v, "list");
                }
            }
        }
        Ok(out)
    }

    /// Reads the value at `key` of `o` with `read`; an unreadable value is `FORM001` and `None`.
    fn check<T>(
        &mut self,
        o: Obj,
        key: &'static str,
        expected: &'static str,
        read: impl FnOnce(&Leaf<'a>) -> Read<T>,
    ) -> R<Option<T>> {
        let v = self.c.leaf()?;
        if let Leaf::TooLong(_) = v {
            self.unreadable(o, key, &v, "tooLong");
            return Ok(None);
        }
        Ok(read(&v).unwrap_or_else(|_| {
            self.unreadable(o, key, &v, expected);
            None
        }))
    }

    fn text(&mut self, o: Obj, key: &'static str) -> R<Option<&'a str>> {
        self.check(o, key, "text", lenient::text)
    }
    fn boolean(&mut self, o: Obj, key: &'static str) -> R<Option<bool>> {
        self.check(o, key, "boolean", lenient::boolean)
    }
    fn integer(&mut self, o: Obj, key: &'static str) -> R<Option<i64>> {
        self.check(o, key, "integer", lenient::integer)
    }
    fn date(&mut self, o: Obj, key: &'static str) -> R<Option<crate::date::Date>> {
        let order = self.order;
        let expected = match order {
            DateOrder::Ymd => "date",
            DateOrder::Dmy => "dateDmy",
            DateOrder::Mdy => "dateMdy",
        };
        self.check(o, key, expected, |v| lenient::date(v, order))
    }
    fn date_time(&mut self, o: Obj, key: &'static str) -> R<Option<crate::date::DateTime>> {
        let order = self.order;
        self.check(o, key, "dateTime", |v| lenient::date_time(v, order))
    }
    fn country(&mut self, o: Obj, key: &'static str) -> R<Option<crate::country::Country>> {
        self.check(o, key, "country", lenient::country)
    }
    fn choice<T: Copy>(
        &mut self,
        o: Obj,
        key: &'static str,
        all: &[T],
        names: &[&str],
    ) -> R<Option<T>> {
        Ok(self
            .check(o, key, "choice", |v| lenient::choice(v, names))?
            .and_then(|i| all.get(i).copied()))
    }
    /// `provider.profile`: the key of a profile that exists, else `FORM001`.
    fn profile(&mut self, o: Obj, key: &'static str) -> R<Option<&'a str>> {
        let exists = self.profile_exists;
        self.check(o, key, "profile", |v| match lenient::text(v) {
            Ok(Some(k)) if exists(k) => Ok(Some(k)),
            Ok(None) => Ok(None),
            _ => Err(lenient::Unreadable),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn read_json(json: &str) -> (Vec<String>, bool) {
        let o = crate::Options::new(Date::from_ymd(2026, 11, 29).unwrap());
        let mut out = Vec::new();
        let arena = Arena::new();
        let f = read(
            json,
            &arena,
            o.date_order,
            &|k| o.profile(k).is_some(),
            &mut out,
        )
        .unwrap();
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
        let mut fields = fields;
        fields.sort();
        let mut want = [
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
        ];
        want.sort();
        assert_eq!(fields, want);
    }

    #[test]
    fn empty_values_are_absent_not_unreadable() {
        let (fields, ok) = read_json(
            r#"{"requestType": "", "authority": {"name": "  "}, "accounts": [null],
            "preservation": {"periodDays": "", "requestedOn": null}, "data": {"categories": []}}"#,
        );
        assert!(ok);
        assert!(fields.is_empty(), "{fields:?}");
        let (fields, _) = read_json(
            r#"{"accounts": "", "case": {"offences": " "}, "csam": {"ncmecReports": ""}}"#,
        );
        assert!(
            fields.is_empty(),
            "an empty text for a list is an empty list: {fields:?}"
        );
        assert_eq!(
            read_json(r#"{"accounts": "x"}"#).0,
            ["accounts"],
            "a text that is not empty is not a list"
        );
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

    #[test]
    fn a_key_given_twice_reads_as_its_last_value() {
        assert!(
            read_json(r#"{"submissionDate": "soon", "submissionDate": "2026-01-01"}"#)
                .0
                .is_empty()
        );
        assert_eq!(
            read_json(r#"{"authority": {"email": 5}, "authority": {"name": [1]}}"#).0,
            ["authority.name"]
        );
        assert_eq!(
            read_json(r#"{"accounts": [{"port": "x"}], "accounts": []}"#).0,
            Vec::<String>::new()
        );
    }

    #[test]
    fn texts_are_limited_in_bytes_of_utf8() {
        // 0.6 MiB of newlines is 1.2 MiB of JSON, and well within the limit.
        let facts = "\\n".repeat(600_000);
        assert!(
            read_json(&format!(r#"{{"case": {{"facts": "{facts}"}}}}"#))
                .0
                .is_empty()
        );
        let long = "é".repeat(MAX_TEXT_BYTES / 2 + 1);
        assert_eq!(
            read_json(&format!(r#"{{"case": {{"facts": "{long}"}}}}"#)).0,
            ["case.facts"]
        );
    }

    #[test]
    fn marker_texts_are_text_like_any_other() {
        let o = crate::Options::new(Date::from_ymd(2026, 11, 29).unwrap());
        let arena = Arena::new();
        let mut out = Vec::new();
        let f = read(
            r#"{"case": {"reference": "\u0000marcheck:too-long", "facts": "\u0000marcheck:undefined"}}"#,
            &arena,
            o.date_order,
            &|_| false,
            &mut out,
        )
        .unwrap();
        assert!(out.is_empty());
        assert_eq!(f.case.reference, Some("\u{0}marcheck:too-long"));
        assert_eq!(f.case.facts, Some("\u{0}marcheck:undefined"));
    }

    /// Each top-level key read on its own is what the whole form's read makes of it, and
    /// `null` (or text that is not JSON) leaves its field as its default.
    #[test]
    fn a_key_read_on_its_own_is_the_whole_reads_field() {
        let o = crate::Options::new(Date::from_ymd(2026, 11, 29).unwrap());
        let profile = |k: &str| o.profile(k).is_some();
        let form = r#"{"requestType": "letter", "requestingCountry": "FJ", "requestedCountry": "us",
            "submissionDate": "2026-11-01", "legalBasis": "Fiji-US MLAT",
            "authority": {"name": "FPF", "email": 5}, "case": {"reference": "R\"1", "offences": [{"name": "Fraud"}, 5]},
            "provider": {"profile": "meta", "name": "Meta"}, "accounts": [{"kind": "fax", "value": "a@b.org"}],
            "data": {"categories": ["content", "x"]}, "preservation": {"periodDays": 90, "extensions": [null, {}]},
            "recordsLocation": {"country": "IE"}, "emergency": {"active": "maybe"},
            "notification": {"reason": "r"}, "csam": {"ncmecReports": ["1", ""]}}"#;
        let arena = Arena::new();
        let mut whole_hits = Vec::new();
        let whole = read(form, &arena, o.date_order, &profile, &mut whole_hits).unwrap();
        let raw = crate::json::Raw::parse(form).unwrap();
        let mut f = Form {
            is_object: true,
            ..Form::default()
        };
        let mut hits = Vec::new();
        let texts: Vec<String> = FORM_KEYS
            .iter()
            .map(|k| raw.get(k).unwrap().to_json())
            .collect();
        for (k, text) in FORM_KEYS.iter().zip(&texts) {
            read_key(
                k,
                false,
                text,
                &arena,
                o.date_order,
                &profile,
                &mut f,
                &mut hits,
            )
            .unwrap();
        }
        assert_eq!(f, whole);
        assert_eq!(hits, whole_hits);
        for k in FORM_KEYS {
            let mut out = Vec::new();
            read_key(
                k,
                false,
                "null",
                &arena,
                o.date_order,
                &profile,
                &mut f,
                &mut out,
            )
            .unwrap();
            assert!(out.is_empty(), "{k}");
        }
        assert_eq!(
            f,
            Form {
                is_object: true,
                ..Form::default()
            }
        );
        // Not JSON: an error, and the field as its default.
        let mut g = whole.clone();
        fn one<'a>(
            key: &str,
            some: bool,
            text: &'a str,
            g: &mut Form<'a>,
        ) -> Result<Vec<String>, JsonError> {
            let arena: &'a Arena = alloc::boxed::Box::leak(alloc::boxed::Box::default());
            let o = crate::Options::new(Date::from_ymd(2026, 11, 29).unwrap());
            let mut out = Vec::new();
            let profile = |k: &str| o.profile(k).is_some();
            read_key(key, some, text, arena, o.date_order, &profile, g, &mut out)?;
            Ok(out.iter().map(|h| h.field.to_string()).collect())
        }
        assert!(one("case", false, r#"{"reference": "x"} 1"#, &mut g).is_err());
        assert_eq!(g.case, Case::default());
        assert!(one("extra", false, "[1,", &mut g).is_err());
        assert_eq!(one("extra", false, r#"{"case": 1}"#, &mut g), Ok(vec![]));
        assert_eq!(g.requested_country, whole.requested_country);
        // Some fields of a group: those, read into the group as it is.
        let mut g = whole.clone();
        assert_eq!(
            one("case", true, r#"{"reference": "R-2", "facts": 5}"#, &mut g),
            Ok(vec![])
        );
        assert_eq!(
            one(
                "authority",
                true,
                r#"{"email": "a@b.fj", "phone": [1]}"#,
                &mut g
            ),
            Ok(vec![String::from("authority.phone")])
        );
        let mut want = whole.clone();
        want.case.reference = Some("R-2");
        want.case.facts = Some("5");
        want.authority.email = Some("a@b.fj");
        assert_eq!(g, want);
        assert!(one("case", true, r#"{"nexus": "x"} 1"#, &mut g).is_err());
        assert_eq!(g.case, Case::default());
    }

    #[test]
    fn rows_keep_their_index_when_a_row_is_empty_or_unreadable() {
        let form = r#"{"accounts":[null,{"kind":"phone","value":"0412 345 678"},7,{"kind":"url","value":"x"}],
            "preservation":{"confirmedOn":"2026-09-01","extensions":[null,{"requestedOn":"2026-12-01"}]}}"#;
        use crate::rules::catalogue::*;
        let fields = |rule| crate::rules::testing::fields_of(rule, form, "");
        assert_eq!(fields(&ID002), ["accounts[1].value", "accounts[3].value"]);
        assert_eq!(fields(&PRES005), ["preservation.extensions[1].requestedOn"]);
        assert_eq!(fields(&FORM001), ["accounts[2]"]);
    }
}
