//! A form held in the core and edited field by field (contract §7): a portal sends only what
//! changed, and each call answers with the report. After every call the report equals
//! `validate(session.form(), options)` (a property test says so).

use crate::json::Raw;
use crate::options::Options;
use crate::path::is_model_path;
use crate::report::Report;
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
    for part in path.split('.') {
        let (key, mut rows) = match part.find('[') {
            Some(at) => (part.get(..at).unwrap_or(""), part.get(at..).unwrap_or("")),
            None => (part, ""),
        };
        out.push(Step::Key(key));
        while let Some(rest) = rows.strip_prefix('[') {
            let close = rest.find(']').unwrap_or(rest.len());
            let index: usize = (rest.get(..close).unwrap_or(""))
                .parse()
                .map_err(|_| SessionError::NotAModelPath(path.to_string()))?;
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
/// given ([`Raw`]: what was set, even a value the reader cannot use, comes back from `form()`);
/// each report reads it with the one-pass reader, as `validate` reads the same form.
#[derive(Debug, Clone)]
pub struct Session {
    form: Raw,
    options: Options,
}

impl Session {
    pub fn new(options: Options) -> Session {
        Session {
            form: Raw::Object(Vec::new()),
            options,
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The form as the core holds it.
    pub fn form(&self) -> &Raw {
        &self.form
    }

    /// Stores `value` at `path` (read leniently like any form value), creating missing parents;
    /// `None` removes it.
    pub fn set(&mut self, path: &str, value: Option<Raw>) -> Result<Report, SessionError> {
        let steps = steps(path)?;
        match value {
            Some(v) => put(&mut self.form, &steps, v),
            None => remove(&mut self.form, &steps),
        }
        Ok(self.report(None))
    }

    /// Merges a partial form: objects deeply; arrays and other values replace. Then each key
    /// of `removed` (a path of keys and row indexes: where the partial form said `undefined`)
    /// is removed.
    pub fn merge(&mut self, partial: Raw, removed: &[Vec<Raw>]) -> Report {
        merge(&mut self.form, partial);
        for path in removed {
            remove_at(&mut self.form, path);
        }
        self.report(None)
    }

    /// Replaces the whole form.
    pub fn replace(&mut self, form: Raw) -> Report {
        self.form = form;
        self.report(None)
    }

    /// The report, with `scope` instead of the options' scope when one is given.
    pub fn report(&self, scope: Option<&[String]>) -> Report {
        let scope = scope.or(self.options.scope.as_deref());
        crate::validate::validate_scoped(&self.form.to_json(), &self.options, scope)
    }
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
            (Raw::Number(n), Raw::List(rows)) => {
                n.parse::<usize>().ok().and_then(|i| rows.get_mut(i))
            }
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
