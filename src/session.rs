//! A form held in the core and edited field by field (contract §7): a portal sends only what
//! changed, and each call answers with the report. After every call the report equals
//! `validate(session.form(), options)` (a property test says so).

use crate::form::Form;
use crate::form::read::{self, FORM_KEYS};
use crate::json::{Arena, Raw};
use crate::options::Options;
use crate::path::is_model_path;
use crate::report::Report;
use crate::rule::Hit;
use crate::text;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The highest row index `set` creates: rows up to it are padded with `null`. The reader checks
/// 200 rows of a list; a path far beyond is a mistake, not a form.
pub const MAX_ROW_INDEX: usize = 10_000;

/// Why a call on a session was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("`{0}` is not a path of the MAR model (contract §2)")]
    NotAModelPath(String),
    #[error("`{0}`: a row index beyond {MAX_ROW_INDEX}")]
    RowBeyondLimit(String),
}

/// One step of a path: a key of an object, or a row of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'p> {
    Key(&'p str),
    Row(usize),
}

fn steps(path: &str) -> Result<Vec<Step<'_>>, SessionError> {
    if path.is_empty() || !is_model_path(path) {
        return Err(SessionError::NotAModelPath(path.to_string()));
    }
    let mut out = Vec::new();
    // Byte searches, not `split('.')`, `find('[')` and `str::parse` (text.rs says why).
    let mut more = Some(path);
    while let Some(parts) = more {
        let (part, next) = match text::split_once_byte(parts, b'.') {
            Some((part, next)) => (part, Some(next)),
            None => (parts, None),
        };
        more = next;
        let (key, mut rows) = match part.bytes().position(|b| b == b'[') {
            Some(at) => (part.get(..at).unwrap_or(""), part.get(at..).unwrap_or("")),
            None => (part, ""),
        };
        out.push(Step::Key(key));
        while let Some(rest) = rows.strip_prefix('[') {
            let close = rest.bytes().position(|b| b == b']').unwrap_or(rest.len());
            let index = text::parse_usize(rest.get(..close).unwrap_or(""))
                .ok_or_else(|| SessionError::NotAModelPath(path.to_string()))?;
            if index > MAX_ROW_INDEX {
                return Err(SessionError::RowBeyondLimit(path.to_string()));
            }
            out.push(Step::Row(index));
            rows = rest.get(close + 1..).unwrap_or("");
        }
    }
    Ok(out)
}

/// A form kept between calls, with the options it is checked with. The form is kept as it was
/// given ([`Raw`]: what was set, even a value the reader cannot use, comes back from `form()`),
/// and read key by key: a call re-reads only the top-level keys it changed (a `set` of a
/// group's field, only that field), with the reader `validate` uses ([`read::read_key`]), so
/// its report is `validate`'s of the same form.
pub struct Session {
    form: Raw,
    options: Options,
    /// The form as read: the field of each key of [`FORM_KEYS`] borrows from that key's
    /// [`Part`]. `'static` is never handed out: [`Session::typed`] lends it for `&self` (see
    /// [`Session::read_text`] for why the borrows stay valid).
    typed: Form<'static>,
    /// One for each key of [`FORM_KEYS`], in that order (none before a key is read).
    parts: Vec<Part>,
    /// Top-level keys whose value is not one JSON value (only a [`Raw`] built by hand can be
    /// that: a number that is not one). While there is one, a report reads the form's whole
    /// text, as `validate` does.
    broken: Vec<String>,
    /// Each rule's findings from the last report, and the keys read again since: a report
    /// runs again only the rules that read one of those (`rules::READS`).
    rules: core::cell::RefCell<crate::rules::Cache>,
}

/// What the session read of one top-level key.
#[derive(Default)]
struct Part {
    /// The key's value as JSON text and the texts decoded from it: what its field of the typed
    /// form borrows.
    #[expect(dead_code, reason = "kept for what the typed form borrows from it")]
    texts: Arena,
    /// Fields of its group read one by one since (`set` of `group.field`), each with the
    /// texts it borrows.
    fields: Vec<(String, Arena)>,
    /// Its `FORM001` findings.
    hits: Vec<Hit>,
    /// The length of its JSON text: room for the next one.
    len: usize,
}

impl Clone for Session {
    fn clone(&self) -> Session {
        let mut s = Session::new(self.options.clone());
        s.form = self.form.clone();
        s.refresh(None);
        s
    }
}

impl core::fmt::Debug for Session {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Session")
            .field("form", &self.form)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Session {
    pub fn new(options: Options) -> Session {
        Session {
            form: Raw::Object(Vec::new()),
            options,
            typed: empty(true),
            parts: Vec::new(),
            broken: Vec::new(),
            rules: core::cell::RefCell::default(),
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The form as the core holds it.
    pub fn form(&self) -> &Raw {
        &self.form
    }

    /// The form as read (what `validate` reads of [`Session::form`], while that is an object
    /// of JSON values).
    #[doc(hidden)]
    pub fn typed(&self) -> &Form<'_> {
        &self.typed
    }

    /// Stores `value` at `path` (read leniently like any form value), creating missing parents;
    /// `None` removes it.
    pub fn set(&mut self, path: &str, value: Option<Raw>) -> Result<Report, SessionError> {
        let steps = steps(path)?;
        let one = self.one_field(&steps);
        match value {
            Some(v) => put(&mut self.form, &steps, v),
            None => remove(&mut self.form, &steps),
        }
        match (one, steps.first()) {
            (Some((key, field)), _) => self.read_field(key, field),
            (None, Some(Step::Key(key))) => self.refresh(Some(&[key])),
            _ => {}
        }
        Ok(self.report(None))
    }

    /// Merges a partial form: objects deeply; arrays and other values replace. Then each key
    /// of `removed` (a path of keys and row indexes: where the partial form said `undefined`)
    /// is removed.
    pub fn merge(&mut self, partial: Raw, removed: &[Vec<Raw>]) -> Report {
        let mut keys: Vec<String> = match &partial {
            Raw::Object(entries) => entries.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        let whole = !matches!(partial, Raw::Object(_));
        merge(&mut self.form, partial);
        for path in removed {
            remove_at(&mut self.form, path);
            if let Some(Raw::Text(k)) = path.first() {
                keys.push(k.clone());
            }
        }
        if whole {
            self.refresh(None);
        } else {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            self.refresh(Some(&keys));
        }
        self.report(None)
    }

    /// Replaces the whole form.
    pub fn replace(&mut self, form: Raw) -> Report {
        self.form = form;
        self.refresh(None);
        self.report(None)
    }

    /// The report, with `scope` instead of the options' scope when one is given.
    pub fn report(&self, scope: Option<&[String]>) -> Report {
        let scope = scope.or(self.options.scope.as_deref());
        if !self.typed.is_object || !self.broken.is_empty() {
            return crate::validate::validate_scoped(&self.form.to_json(), &self.options, scope);
        }
        // The reader's findings in the order of the keys of the model, not of the text: the
        // report orders findings by field (then code, keeping the order of equals), and no two
        // findings of different keys share a field.
        // A loop of `extend_from_slice`, not `flat_map(..).collect()`: the same hits, without
        // core's flattening iterator (0.7 KB of wasm).
        let mut hits = Vec::new();
        for p in &self.parts {
            hits.extend_from_slice(&p.hits);
        }
        let mut rules = self.rules.borrow_mut();
        crate::validate::check_with(&self.typed, hits, &self.options, scope, Some(&mut rules))
    }

    /// Reads again the top-level `keys` that changed (all of them: `None`).
    fn refresh(&mut self, keys: Option<&[&str]>) {
        let form = core::mem::take(&mut self.form);
        match (&form, keys) {
            // Many keys: once over the form is less work than once over it for each.
            (Raw::Object(_), Some(keys))
                if self.typed.is_object && keys.len() <= FORM_KEYS.len() =>
            {
                for key in keys {
                    self.read_key(&form, key);
                }
            }
            (form, _) => {
                // The typed form lets go of the parts' texts before they go.
                self.typed = empty(matches!(form, Raw::Object(_)));
                self.rules.get_mut().touch_all();
                self.parts.clear();
                self.broken.clear();
                // Not an object: nothing of it is read (the report reads its text).
                if let Raw::Object(entries) = form {
                    for key in FORM_KEYS {
                        self.read_key(form, key);
                    }
                    for (key, v) in entries {
                        if !FORM_KEYS.contains(&key.as_str()) && !is_json(v) {
                            self.broken.push(key.clone());
                        }
                    }
                }
            }
        }
        self.form = form;
    }

    /// Reads the top-level `key` of `form` (the session's) again: its field of the typed form,
    /// its findings, and whether its value is JSON.
    fn read_key(&mut self, form: &Raw, key: &str) {
        self.broken.retain(|k| k != key);
        // The last of a repeated key is the one read, as in JSON.parse; the text of the ones
        // before is still read over, so each must be JSON.
        let mut value = None;
        if let Raw::Object(entries) = form {
            for (_, v) in entries.iter().filter(|(k, _)| k == key) {
                if value.is_some_and(|before| !is_json(before)) {
                    self.broken.push(String::from(key));
                }
                value = Some(v);
            }
        }
        let Some(part) = FORM_KEYS.iter().position(|k| *k == key) else {
            if value.is_some_and(|v| !is_json(v)) {
                self.broken.push(String::from(key));
            }
            return;
        };
        let room = self.parts.get(part).map_or(0, |p| p.len);
        let mut text = String::with_capacity(room + 16);
        match value {
            Some(v) => v.write(&mut text),
            None => text.push_str("null"),
        }
        let len = text.len();
        let (texts, hits, json) = self.read_text(key, false, text);
        if !json {
            self.broken.push(String::from(key));
        }
        if self.parts.is_empty() {
            self.parts.resize_with(FORM_KEYS.len(), Part::default);
        }
        if let Some(slot) = self.parts.get_mut(part) {
            *slot = Part {
                len,
                texts,
                hits,
                fields: Vec::new(),
            };
        }
    }

    /// Whether a `set` at `steps` may re-read only one field of a group: the form holds the
    /// group once, as an object read as one, with the field at most once.
    fn one_field<'p>(&self, steps: &[Step<'p>]) -> Option<(&'p str, &'p str)> {
        let [Step::Key(key), Step::Key(field), ..] = steps else {
            return None;
        };
        let Raw::Object(entries) = &self.form else {
            return None;
        };
        let mut given = entries.iter().filter(|(k, _)| k == key);
        let (Some((_, Raw::Object(group))), None) = (given.next(), given.next()) else {
            return None;
        };
        let fresh = self.typed.is_object && self.broken.is_empty() && !self.parts.is_empty();
        (fresh && group.iter().filter(|(k, _)| k == field).count() <= 1).then_some((*key, *field))
    }

    /// Reads `field` of the group at `key` again (see [`Session::one_field`]).
    fn read_field(&mut self, key: &str, field: &str) {
        let form = core::mem::take(&mut self.form);
        let value = form.get(key).and_then(|g| g.get(field));
        let mut text = String::from("{");
        crate::json::write_text(field, &mut text);
        text.push(':');
        match value {
            Some(v) => v.write(&mut text),
            None => text.push_str("null"),
        }
        text.push('}');
        let (texts, hits, json) = self.read_text(key, true, text);
        let part = FORM_KEYS
            .iter()
            .position(|k| *k == key)
            .and_then(|i| self.parts.get_mut(i));
        match part {
            Some(part) if json => {
                part.hits.retain(|h| !under(&h.field, key, field));
                part.hits.extend(hits);
                match part.fields.iter_mut().find(|(f, _)| f == field) {
                    Some((_, slot)) => *slot = texts,
                    None => part.fields.push((String::from(field), texts)),
                }
            }
            // Not JSON: the whole key, read again, says so.
            _ => self.read_key(&form, key),
        }
        self.form = form;
    }

    /// Reads `json` as the value of the form's `key` into the typed form (with `some`, as some
    /// of the fields of its group: see [`read::read_key`]). The answer: the arena the typed
    /// form now borrows from, the findings, and whether the text was JSON.
    #[inline(never)]
    fn read_text(&mut self, key: &str, some: bool, json: String) -> (Arena, Vec<Hit>, bool) {
        self.rules.get_mut().touch(key);
        let texts = Arena::new();
        // SAFETY: the read below leaves borrows of `texts` in the field of `key` of
        // `self.typed` (with `some`, in the fields of its group that the text gives), nowhere
        // else: `read::read_key` writes only there. The callers keep `texts` in that key's
        // part, and a part's arena is dropped only after what borrowed from it has been read
        // again from another: a whole read of the key overwrites the key's whole field, then
        // the part (with all its arenas) is replaced (`read_key`); a read of one field of a
        // group overwrites that field, then that field's arena is replaced (`read_field`; if
        // that read fails, the whole key is read before `texts` drops); `refresh` resets
        // `self.typed` before it drops the parts. Moving an arena moves no text it holds (see
        // `Arena::keep`). `self.typed` is only lent out for as long as `&self`
        // (`Session::typed`, `report`), so no borrow of it outlives its arena; `arena` is not
        // used after this function.
        let arena: &'static Arena = unsafe { &*core::ptr::from_ref(&texts) };
        let text = arena.keep(json);
        let mut hits = Vec::new();
        let options = &self.options;
        let read = read::read_key(
            key,
            some,
            text,
            arena,
            options.date_order,
            &|k| options.profile(k).is_some(),
            &mut self.typed,
            &mut hits,
        );
        (texts, hits, read.is_ok())
    }
}

/// A form with nothing read (in one place: it is a large value to write out).
#[inline(never)]
fn empty(is_object: bool) -> Form<'static> {
    Form {
        is_object,
        ..Form::default()
    }
}

/// Whether `v`'s text is JSON (only a [`Raw`] built by hand with a number that is not one is
/// not).
fn is_json(v: &Raw) -> bool {
    let text = v.to_json();
    let arena = Arena::new();
    let mut c = crate::json::Cursor::new(&text, &arena).inside_object();
    c.skip().and_then(|()| c.end()).is_ok()
}

/// Whether `path` is `key.field` or lies under it.
fn under(path: &str, key: &str, field: &str) -> bool {
    path.strip_prefix(key)
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_prefix(field))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// The value at `steps` under `v`, made an object or a list where it must be one.
fn put(v: &mut Raw, steps: &[Step<'_>], value: Raw) {
    let Some((first, rest)) = steps.split_first() else {
        *v = value;
        return;
    };
    let slot = match first {
        Step::Key(k) => {
            if !matches!(v, Raw::Object(_)) {
                *v = Raw::Object(Vec::new());
            }
            let Raw::Object(entries) = v else { return };
            let at = match entries.iter().position(|(key, _)| key == k) {
                Some(at) => at,
                None => {
                    entries.push((k.to_string(), Raw::Null));
                    entries.len() - 1
                }
            };
            let Some((_, slot)) = entries.get_mut(at) else {
                return;
            };
            slot
        }
        Step::Row(i) => {
            if !matches!(v, Raw::List(_)) {
                *v = Raw::List(Vec::new());
            }
            let Raw::List(rows) = v else { return };
            if rows.len() <= *i {
                rows.resize(*i + 1, Raw::Null);
            }
            let Some(slot) = rows.get_mut(*i) else { return };
            slot
        }
    };
    put(slot, rest, value);
}

fn remove(v: &mut Raw, steps: &[Step<'_>]) {
    match steps {
        [] => {}
        [Step::Key(k)] => {
            if let Raw::Object(entries) = v {
                entries.retain(|(key, _)| key != k);
            }
        }
        [Step::Row(i)] => {
            if let Raw::List(rows) = v
                && let Some(slot) = rows.get_mut(*i)
            {
                *slot = Raw::Null;
            }
        }
        [first, rest @ ..] => {
            let next = match (first, v) {
                (Step::Key(k), v) => v.get_mut(k),
                (Step::Row(i), Raw::List(rows)) => rows.get_mut(*i),
                _ => None,
            };
            if let Some(next) = next {
                remove(next, rest);
            }
        }
    }
}

/// Removes the key at the end of `path` (texts are keys, numbers rows), if it is there.
fn remove_at(v: &mut Raw, path: &[Raw]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = v;
    for step in parents {
        let next = match (step, at) {
            (Raw::Text(k), at) => at.get_mut(k),
            (Raw::Number(n), Raw::List(rows)) => text::parse_usize(n).and_then(|i| rows.get_mut(i)),
            _ => None,
        };
        match next {
            Some(n) => at = n,
            None => return,
        }
    }
    if let (Raw::Text(k), Raw::Object(entries)) = (last, at) {
        entries.retain(|(key, _)| key != k);
    }
}

fn merge(into: &mut Raw, partial: Raw) {
    match (into, partial) {
        (Raw::Object(target), Raw::Object(source)) => {
            for (k, v) in source {
                match target.iter_mut().find(|(key, _)| *key == k) {
                    Some((_, slot)) => merge(slot, v),
                    None => target.push((k, v)),
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::options;

    fn json(text: &str) -> Raw {
        Raw::parse(text).unwrap()
    }

    fn session() -> Session {
        Session::new(options(""))
    }

    #[test]
    fn set_creates_parents_and_rows() {
        let mut s = session();
        s.set(
            "preservation.extensions[1].requestedOn",
            Some(json(r#""2026-11-01""#)),
        )
        .unwrap();
        assert_eq!(
            s.form(),
            &json(r#"{"preservation": {"extensions": [null, {"requestedOn": "2026-11-01"}]}}"#)
        );
        s.set("preservation.extensions[1].requestedOn", None)
            .unwrap();
        assert_eq!(
            s.form(),
            &json(r#"{"preservation": {"extensions": [null, {}]}}"#)
        );
    }

    #[test]
    fn set_refuses_paths_outside_the_model() {
        let mut s = session();
        for p in [
            "",
            "nope",
            "accounts.value",
            "accounts[x]",
            "__proto__.x",
            "accounts[99999].value",
        ] {
            assert!(s.set(p, Some(json("1"))).is_err(), "{p}");
        }
        assert_eq!(s.form(), &json("{}"));
    }

    #[test]
    fn merge_is_deep_for_objects_and_replaces_the_rest() {
        let mut s = session();
        s.replace(json(
            r#"{"authority": {"name": "FPF", "email": "a@police.gov.fj"}, "accounts": [1, 2]}"#,
        ));
        s.merge(
            json(r#"{"authority": {"name": "Fiji Police"}, "accounts": [3]}"#),
            &[alloc::vec![json(r#""authority""#), json(r#""email""#)]],
        );
        assert_eq!(
            s.form(),
            &json(r#"{"authority": {"name": "Fiji Police"}, "accounts": [3]}"#)
        );
    }

    /// The typed form borrows the texts of each key's part: after many calls that replace
    /// parts (texts with escapes live in a part's arena), what it holds is what was set.
    #[test]
    fn the_typed_form_keeps_what_each_key_says_as_parts_are_replaced() {
        let mut s = session();
        s.replace(json(
            r#"{"case": {"reference": "R-\"0\"", "facts": "a\nb"}, "authority": {"name": "FPF"}}"#,
        ));
        for i in 0..50 {
            let reference = alloc::format!("R-\"{i}\"");
            s.set("case.reference", Some(Raw::Text(reference.clone())))
                .unwrap();
            s.set(
                "authority.email",
                Some(Raw::Text(alloc::format!("{i}@x.fj"))),
            )
            .unwrap();
            if i % 7 == 0 {
                s.merge(json(r#"{"provider": {"name": "Meta\tPlatforms"}}"#), &[]);
            }
            assert_eq!(s.typed().case.reference, Some(reference.as_str()));
            assert_eq!(s.typed().case.facts, Some("a\nb"));
            assert_eq!(s.typed().authority.name, Some("FPF"));
            assert_eq!(
                s.typed().authority.email.map(String::from),
                Some(alloc::format!("{i}@x.fj"))
            );
            assert_eq!(s.typed().provider.name, Some("Meta\tPlatforms"));
        }
        let copy = s.clone();
        drop(s);
        assert_eq!(copy.typed().case.facts, Some("a\nb"));
        assert_eq!(copy.typed().provider.name, Some("Meta\tPlatforms"));
    }

    /// A `Raw` built by hand can hold a number that is not one (its text is written as it
    /// is): the report is still `validate`'s of the text `form()` writes, key by key or not.
    #[test]
    fn a_value_that_is_not_json_reports_as_validate_does() {
        let want = |s: &Session| crate::validate::validate_json(&s.form().to_json(), s.options());
        for (key, bad) in [
            ("requestType", "x"),
            ("case", "1,\"requestType\":\"letter\""),
            ("extra", "1}"),
            ("notAKey", "-"),
        ] {
            let mut s = session();
            s.set("authority.name", Some(json(r#""FPF""#))).unwrap();
            let mut form = s.form().clone();
            if let Raw::Object(entries) = &mut form {
                entries.push((String::from(key), Raw::Number(String::from(bad))));
            }
            let r = s.replace(form);
            assert_eq!(r, want(&s), "{key}: {bad}");
            assert_eq!(r.findings.first().map(|f| f.code), Some("FORM001"));
            // Set again to a value: read key by key again.
            let r = match key {
                "requestType" | "case" => s.set(key, Some(json("null"))).unwrap(),
                _ => s.merge(json("{}"), &[alloc::vec![Raw::Text(String::from(key))]]),
            };
            assert_eq!(r, want(&s), "{key} again");
            assert!(s.broken.is_empty(), "{key}");
        }
    }

    /// `set` of one field of a group re-reads that field: its findings are replaced, the
    /// others kept, and each field keeps one arena however often it is set.
    #[test]
    fn a_field_of_a_group_is_read_again_alone() {
        let mut s = session();
        s.replace(json(
            r#"{"authority": {"name": [1], "email": "a@police.gov.fj"}, "case": {"facts": "x"}}"#,
        ));
        let want = |s: &Session| crate::validate::validate_json(&s.form().to_json(), s.options());
        let fields = |r: &Report| -> Vec<String> {
            r.findings
                .iter()
                .filter(|f| f.code == "FORM001")
                .map(|f| f.field.to_string())
                .collect()
        };
        for v in ["5", "[2]", r#""ok@police.gov.fj""#, "{}"] {
            let r = s.set("authority.email", Some(json(v))).unwrap();
            assert_eq!(r, want(&s), "{v}");
            let mut expect = alloc::vec![String::from("authority.name")];
            if v.starts_with(['[', '{']) {
                expect.push(String::from("authority.email"));
            }
            assert_eq!(fields(&r), expect, "{v}");
        }
        let r = s.set("authority.email", None).unwrap();
        assert_eq!(r, want(&s));
        assert_eq!(s.typed().authority.email, None);
        let authority = FORM_KEYS.iter().position(|k| *k == "authority").unwrap();
        assert_eq!(s.parts[authority].fields.len(), 1);
        // A group whose field is given twice (a `Raw` built by hand): read whole.
        let mut form = s.form().clone();
        if let Some(Raw::Object(case)) = form.get_mut("case") {
            case.push((String::from("facts"), json("[1]")));
        }
        s.replace(form);
        let r = s.set("case.facts", Some(json(r#""y""#))).unwrap();
        assert_eq!(r, want(&s));
        assert!(fields(&r).contains(&String::from("case.facts")));
    }

    /// A key given twice whose first value is not JSON: the text is not JSON either.
    #[test]
    fn a_key_given_twice_is_json_only_if_each_value_is() {
        for key in ["requestType", "extra"] {
            let mut s = session();
            let form = Raw::Object(alloc::vec![
                (String::from(key), Raw::Number(String::from("1 2"))),
                (String::from(key), json(r#""formal_mar""#)),
            ]);
            let r = s.replace(form);
            assert_eq!(
                r,
                crate::validate::validate_json(&s.form().to_json(), s.options())
            );
            assert!(r.findings.iter().any(|f| f.field.is_empty()), "{key}");
        }
    }

    /// A form of 100 000 keys outside the model is read over once, not once for each key.
    #[test]
    fn many_keys_are_read_over_once() {
        let mut s = session();
        let keys = (0..100_000).map(|i| (alloc::format!("k{i}"), Raw::Null));
        let form = Raw::Object(keys.collect());
        let start = std::time::Instant::now();
        s.replace(form);
        s.set("case.reference", Some(json(r#""R""#))).unwrap();
        s.merge(json(r#"{"authority": {"name": "FPF"}}"#), &[]);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }

    /// A key given twice in a `Raw` built by hand reads as its last value, as in the text.
    #[test]
    fn a_key_given_twice_by_hand_reads_as_its_last() {
        let mut s = session();
        let form = Raw::Object(alloc::vec![
            (String::from("submissionDate"), json(r#""soon""#)),
            (String::from("authority"), json(r#"{"email": 5}"#)),
            (String::from("submissionDate"), json(r#""2026-01-01""#)),
            (String::from("authority"), json(r#"{"name": [1]}"#)),
        ]);
        let r = s.replace(form);
        assert_eq!(
            r,
            crate::validate::validate_json(&s.form().to_json(), s.options())
        );
        assert!(r.findings.iter().any(|f| f.field == "authority.name"));
        assert!(!r.findings.iter().any(|f| f.field == "submissionDate"));
    }

    #[test]
    fn the_report_is_validate_of_the_form() {
        let mut s = session();
        let r = s
            .set("requestType", Some(json(r#""emergency_disclosure""#)))
            .unwrap();
        assert_eq!(
            r,
            crate::validate::validate_json(&s.form().to_json(), s.options())
        );
        assert_eq!(r.facts.request_type, "emergency_disclosure");
    }
}
