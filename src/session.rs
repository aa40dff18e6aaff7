//! A form held in the core and edited field by field (contract §7): a portal sends only what
//! changed, and each call answers with the report. After every call the report equals
//! `validate(session.form(), options)` (a property test says so).

use crate::options::Options;
use crate::path::is_model_path;
use crate::report::Report;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::{Map, Value};

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
enum Step<'p> {
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

/// A form kept between calls, with the options it is checked with.
#[derive(Debug, Clone)]
pub struct Session {
    form: Value,
    options: Options,
}

impl Session {
    pub fn new(options: Options) -> Session {
        Session {
            form: Value::Object(Map::new()),
            options,
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The form as the core holds it.
    pub fn form(&self) -> &Value {
        &self.form
    }

    /// Stores `value` at `path` (read leniently like any form value), creating missing parents;
    /// `None` removes it.
    pub fn set(&mut self, path: &str, value: Option<Value>) -> Result<Report, SessionError> {
        let steps = steps(path)?;
        match value {
            Some(v) => put(&mut self.form, &steps, v),
            None => remove(&mut self.form, &steps),
        }
        Ok(self.report(None))
    }

    /// Merges a partial form: objects deeply; arrays and other values replace; a key whose
    /// value is [`Session::REMOVED`] is removed.
    pub fn merge(&mut self, partial: Value) -> Report {
        merge(&mut self.form, partial);
        self.report(None)
    }

    /// Replaces the whole form.
    pub fn replace(&mut self, form: Value) -> Report {
        self.form = form;
        self.report(None)
    }

    /// The report, with `scope` instead of the options' scope when one is given.
    pub fn report(&self, scope: Option<&[String]>) -> Report {
        let scope = scope.or(self.options.scope.as_deref());
        crate::validate::validate_scoped(&self.form, &self.options, scope)
    }

    /// What a binding sends for a key whose value is `undefined` in a merge.
    pub const REMOVED: &'static str = "\u{0}marcheck:undefined";
}

/// The value at `steps` under `v`, made an object or a list where it must be one.
fn put(v: &mut Value, steps: &[Step<'_>], value: Value) {
    let Some((first, rest)) = steps.split_first() else {
        *v = value;
        return;
    };
    let slot = match first {
        Step::Key(k) => {
            if !v.is_object() {
                *v = Value::Object(Map::new());
            }
            let Value::Object(map) = v else { return };
            map.entry(k.to_string()).or_insert(Value::Null)
        }
        Step::Row(i) => {
            if !v.is_array() {
                *v = Value::Array(Vec::new());
            }
            let Value::Array(rows) = v else { return };
            if rows.len() <= *i {
                rows.resize(*i + 1, Value::Null);
            }
            let Some(slot) = rows.get_mut(*i) else { return };
            slot
        }
    };
    put(slot, rest, value);
}

fn remove(v: &mut Value, steps: &[Step<'_>]) {
    match steps {
        [] => {}
        [Step::Key(k)] => {
            if let Value::Object(map) = v {
                map.remove(*k);
            }
        }
        [Step::Row(i)] => {
            if let Some(slot) = v.as_array_mut().and_then(|rows| rows.get_mut(*i)) {
                *slot = Value::Null;
            }
        }
        [first, rest @ ..] => {
            let next = match first {
                Step::Key(k) => v.get_mut(*k),
                Step::Row(i) => v.get_mut(*i),
            };
            if let Some(next) = next {
                remove(next, rest);
            }
        }
    }
}

fn merge(into: &mut Value, partial: Value) {
    match (into, partial) {
        (Value::Object(target), Value::Object(source)) => {
            for (k, v) in source {
                if v.as_str() == Some(Session::REMOVED) {
                    target.remove(&k);
                } else if let Some(slot) = target.get_mut(&k) {
                    merge(slot, v);
                } else {
                    target.insert(k, strip_removed(v));
                }
            }
        }
        (slot, v) => *slot = strip_removed(v),
    }
}

/// `v` without the keys marked removed (a new value has none to remove).
fn strip_removed(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| v.as_str() != Some(Session::REMOVED))
                .map(|(k, v)| (k, strip_removed(v)))
                .collect(),
        ),
        Value::Array(rows) => Value::Array(rows.into_iter().map(strip_removed).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::options;
    use serde_json::json;

    fn session() -> Session {
        Session::new(options(""))
    }

    #[test]
    fn set_creates_parents_and_rows() {
        let mut s = session();
        s.set(
            "preservation.extensions[1].requestedOn",
            Some(json!("2026-11-01")),
        )
        .unwrap();
        assert_eq!(
            s.form(),
            &json!({"preservation": {"extensions": [null, {"requestedOn": "2026-11-01"}]}})
        );
        s.set("preservation.extensions[1].requestedOn", None)
            .unwrap();
        assert_eq!(
            s.form(),
            &json!({"preservation": {"extensions": [null, {}]}})
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
            assert!(s.set(p, Some(json!(1))).is_err(), "{p}");
        }
        assert_eq!(s.form(), &json!({}));
    }

    #[test]
    fn merge_is_deep_for_objects_and_replaces_the_rest() {
        let mut s = session();
        s.replace(
            json!({"authority": {"name": "FPF", "email": "a@police.gov.fj"}, "accounts": [1, 2]}),
        );
        s.merge(json!({"authority": {"name": "Fiji Police", "email": Session::REMOVED}, "accounts": [3]}));
        assert_eq!(
            s.form(),
            &json!({"authority": {"name": "Fiji Police"}, "accounts": [3]})
        );
    }

    #[test]
    fn the_report_is_validate_of_the_form() {
        let mut s = session();
        let r = s
            .set("requestType", Some(json!("emergency_disclosure")))
            .unwrap();
        assert_eq!(r, crate::validate::validate(s.form(), s.options()));
        assert_eq!(r.facts.request_type, "emergency_disclosure");
    }
}
