//! Lenient reading of single values, as form controls deliver them.
//!
//! Each reader answers `Ok(Some(x))` for a value, `Ok(None)` for an absent one (missing, `null`,
//! or empty text) and `Err(Unreadable)` for a value that cannot be read as its type. The form
//! reader turns `Err` into a `FORM001` finding; the options reader into an `OptionsError`.

use crate::country::Country;
use crate::date::{Date, DateOrder, DateTime};
use crate::text::trim;
use serde_json::Value;

/// The value is present but cannot be read as the type asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

pub type Read<T> = Result<Option<T>, Unreadable>;

/// Text, trimmed; numbers are read as the text they were written as.
pub fn text(v: Option<&Value>) -> Read<&str> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            let t = trim(s);
            Ok((!t.is_empty()).then_some(t))
        }
        Some(Value::Number(n)) => Ok(Some(n.as_str())),
        Some(_) => Err(Unreadable),
    }
}

/// `true/false`, and `"true" "false" "on" "off" "yes" "no" "1" "0" ""` in any case; 1 and 0.
pub fn boolean(v: Option<&Value>) -> Read<bool> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::Number(n)) => match n.as_str() {
            "1" => Ok(Some(true)),
            "0" => Ok(Some(false)),
            _ => Err(Unreadable),
        },
        Some(Value::String(s)) => {
            let t = trim(s);
            if t.is_empty() {
                return Ok(None);
            }
            const TRUE: [&str; 4] = ["true", "on", "yes", "1"];
            const FALSE: [&str; 4] = ["false", "off", "no", "0"];
            if TRUE.iter().any(|w| w.eq_ignore_ascii_case(t)) {
                Ok(Some(true))
            } else if FALSE.iter().any(|w| w.eq_ignore_ascii_case(t)) {
                Ok(Some(false))
            } else {
                Err(Unreadable)
            }
        }
        Some(_) => Err(Unreadable),
    }
}

/// A whole number: a JSON integer (`90`, `90.0`) or numeric text (`" 90 "`). Beyond ±10^12 is
/// unreadable (no window needs more, and the arithmetic stays exact).
pub fn integer(v: Option<&Value>) -> Read<i64> {
    let t = match v {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_str(),
        Some(Value::String(s)) => {
            let t = trim(s);
            if t.is_empty() {
                return Ok(None);
            }
            t
        }
        Some(_) => return Err(Unreadable),
    };
    parse_integer(t).map(Some).ok_or(Unreadable)
}

fn parse_integer(t: &str) -> Option<i64> {
    let (neg, digits) = match t.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    // Allow a zero fraction: "90.0", "90.".
    let int_len = digits.iter().take_while(|c| c.is_ascii_digit()).count();
    let (int, frac) = digits.split_at(int_len);
    match frac {
        [] => {}
        [b'.', zeros @ ..] if zeros.iter().all(|&c| c == b'0') => {}
        _ => return None,
    }
    if int.is_empty() || int.len() > 12 {
        return None;
    }
    let n = int.iter().fold(0i64, |n, &c| n * 10 + i64::from(c - b'0'));
    Some(if neg { -n } else { n })
}

pub fn date(v: Option<&Value>, order: DateOrder) -> Read<Date> {
    match text(v)? {
        None => Ok(None),
        Some(t) => Date::parse(t, order).map(Some).ok_or(Unreadable),
    }
}

pub fn date_time(v: Option<&Value>, order: DateOrder) -> Read<DateTime> {
    match text(v)? {
        None => Ok(None),
        Some(t) => DateTime::parse(t, order).map(Some).ok_or(Unreadable),
    }
}

pub fn country(v: Option<&Value>) -> Read<Country> {
    match v {
        Some(Value::Number(_)) => Err(Unreadable),
        _ => match text(v)? {
            None => Ok(None),
            Some(t) => Country::parse(t).map(Some).ok_or(Unreadable),
        },
    }
}

/// One of `names` (any case, `-` read as `_`); the answer is its position.
pub fn choice(v: Option<&Value>, names: &[&str]) -> Read<usize> {
    match v {
        Some(Value::Number(_)) => Err(Unreadable),
        _ => match text(v)? {
            None => Ok(None),
            Some(t) => names
                .iter()
                .position(|n| {
                    n.len() == t.len()
                        && n.bytes().zip(t.bytes()).all(|(a, b)| {
                            a == b.to_ascii_lowercase() || (a == b'_' && (b == b'-' || b == b' '))
                        })
                })
                .map(Some)
                .ok_or(Unreadable),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn v(json: &str) -> Value {
        serde_json::from_str(json).unwrap_or(Value::Array(vec![]))
    }

    #[test]
    fn booleans_as_forms_send_them() {
        for (json, want) in [
            ("true", Ok(Some(true))),
            ("false", Ok(Some(false))),
            ("\"on\"", Ok(Some(true))),
            ("\"OFF\"", Ok(Some(false))),
            ("\"Yes\"", Ok(Some(true))),
            ("\"no\"", Ok(Some(false))),
            ("\"1\"", Ok(Some(true))),
            ("\"0\"", Ok(Some(false))),
            ("\"\"", Ok(None)),
            ("null", Ok(None)),
            ("1", Ok(Some(true))),
            ("0", Ok(Some(false))),
            ("\"maybe\"", Err(Unreadable)),
            ("2", Err(Unreadable)),
            ("[]", Err(Unreadable)),
            ("{}", Err(Unreadable)),
        ] {
            assert_eq!(boolean(Some(&v(json))), want, "{json}");
        }
        assert_eq!(boolean(None), Ok(None));
    }

    #[test]
    fn integers_from_numbers_and_text() {
        for (json, want) in [
            ("90", Ok(Some(90))),
            ("\" 90 \"", Ok(Some(90))),
            ("-5", Ok(Some(-5))),
            ("90.0", Ok(Some(90))),
            ("\"+7\"", Ok(Some(7))),
            ("\"\"", Ok(None)),
            ("90.5", Err(Unreadable)),
            ("1e3", Err(Unreadable)),
            ("\"ninety\"", Err(Unreadable)),
            ("true", Err(Unreadable)),
            ("\"9999999999999\"", Err(Unreadable)),
            ("\"-\"", Err(Unreadable)),
        ] {
            assert_eq!(integer(Some(&v(json))), want, "{json}");
        }
    }

    #[test]
    fn choices_ignore_case_and_dashes() {
        let names = ["formal_mar", "police_to_police"];
        assert_eq!(
            choice(Some(&v("\"Police-To-Police\"")), &names),
            Ok(Some(1))
        );
        assert_eq!(choice(Some(&v("\" FORMAL_MAR \"")), &names), Ok(Some(0)));
        assert_eq!(choice(Some(&v("\"formal\"")), &names), Err(Unreadable));
        assert_eq!(choice(Some(&v("0")), &names), Err(Unreadable));
        assert_eq!(choice(Some(&v("\"\"")), &names), Ok(None));
    }

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "x",
            " x",
            "x ",
            "\u{a0}x\u{2003}",
            "\tx\n",
            "é",
            "x\u{85}",
            "a b",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn text_reads_numbers_as_written_and_trims() {
        assert_eq!(text(Some(&v("\"  x \""))), Ok(Some("x")));
        assert_eq!(text(Some(&v("12345"))), Ok(Some("12345")));
        assert_eq!(text(Some(&v("\"   \""))), Ok(None));
        assert_eq!(text(Some(&v("false"))), Err(Unreadable));
    }
}
