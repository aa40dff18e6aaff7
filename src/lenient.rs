//! Lenient reading of single values, as form controls deliver them.
//!
//! Each reader takes one value as the JSON reader found it ([`Leaf`]) and answers `Ok(Some(x))`
//! for a value, `Ok(None)` for an absent one (`null`, or empty text; a missing key is never
//! read) and `Err(Unreadable)` for a value that cannot be read as its type. The form reader
//! turns `Err` into a `FORM001` finding.

use crate::country::Country;
use crate::date::{Date, DateOrder, DateTime};
pub use crate::json::Leaf;
use crate::text::trim;

type Value<'a> = Leaf<'a>;

/// The value is present but cannot be read as the type asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

pub type Read<T> = Result<Option<T>, Unreadable>;

/// Text, trimmed; numbers are read as the text they were written as.
pub fn text<'a>(v: &Leaf<'a>) -> Read<&'a str> {
    match v {
        Value::Null => Ok(None),
        Value::Text(s) => {
            let t = trim(s);
            Ok((!t.is_empty()).then_some(t))
        }
        Value::Number(n) => Ok(Some(n)),
        _ => Err(Unreadable),
    }
}

/// `true/false`, and `"true" "false" "on" "off" "yes" "no" "1" "0" ""` in any case; 1 and 0.
pub fn boolean(v: &Leaf<'_>) -> Read<bool> {
    match v {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        Value::Number(n) => match *n {
            "1" => Ok(Some(true)),
            "0" => Ok(Some(false)),
            _ => Err(Unreadable),
        },
        Value::Text(s) => {
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
        _ => Err(Unreadable),
    }
}

/// A whole number: a JSON integer (`90`, `90.0`) or numeric text (`" 90 "`). Beyond ±10^12 is
/// unreadable (no window needs more, and the arithmetic stays exact).
pub fn integer(v: &Leaf<'_>) -> Read<i64> {
    let t = match v {
        Value::Null => return Ok(None),
        Value::Number(n) => n,
        Value::Text(s) => {
            let t = trim(s);
            if t.is_empty() {
                return Ok(None);
            }
            t
        }
        _ => return Err(Unreadable),
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

pub fn date(v: &Leaf<'_>, order: DateOrder) -> Read<Date> {
    match text(v)? {
        None => Ok(None),
        Some(t) => Date::parse(t, order).map(Some).ok_or(Unreadable),
    }
}

pub fn date_time(v: &Leaf<'_>, order: DateOrder) -> Read<DateTime> {
    match text(v)? {
        None => Ok(None),
        Some(t) => DateTime::parse(t, order).map(Some).ok_or(Unreadable),
    }
}

pub fn country(v: &Leaf<'_>) -> Read<Country> {
    match v {
        Value::Number(_) => Err(Unreadable),
        _ => match text(v)? {
            None => Ok(None),
            Some(t) => Country::parse(t).map(Some).ok_or(Unreadable),
        },
    }
}

/// One of `names` (any case, `-` read as `_`); the answer is its position.
pub fn choice(v: &Leaf<'_>, names: &[&str]) -> Read<usize> {
    match v {
        Value::Number(_) => Err(Unreadable),
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
    /// The value of `json` as the JSON reader gives it.
    fn v(json: &str) -> Leaf<'static> {
        let arena: &'static crate::json::Arena = Box::leak(Box::default());
        let json: &'static str = Box::leak(String::from(json).into_boxed_str());
        crate::json::Cursor::new(json, arena)
            .leaf()
            .unwrap_or(Leaf::List("[]"))
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
            assert_eq!(boolean(&v(json)), want, "{json}");
        }
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
            assert_eq!(integer(&v(json)), want, "{json}");
        }
    }

    #[test]
    fn choices_ignore_case_and_dashes() {
        let names = ["formal_mar", "police_to_police"];
        assert_eq!(choice(&v("\"Police-To-Police\""), &names), Ok(Some(1)));
        assert_eq!(choice(&v("\" FORMAL_MAR \""), &names), Ok(Some(0)));
        assert_eq!(choice(&v("\"formal\""), &names), Err(Unreadable));
        assert_eq!(choice(&v("0"), &names), Err(Unreadable));
        assert_eq!(choice(&v("\"\""), &names), Ok(None));
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
        assert_eq!(text(&v("\"  x \"")), Ok(Some("x")));
        assert_eq!(text(&v("12345")), Ok(Some("12345")));
        assert_eq!(text(&v("\"   \"")), Ok(None));
        assert_eq!(text(&v("false")), Err(Unreadable));
    }
}
