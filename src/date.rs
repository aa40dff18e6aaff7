//! Civil dates without time zones, and business days, on `chrono::NaiveDate`.
//!
//! "Today" is whatever date the caller says (`options.asOf`), which in the browser is the
//! officer's local date: there is no time zone to get wrong. chrono does the calendar
//! (days between dates, adding days, weekdays); the lenient reading of what a form control sends
//! (`YYYY-MM-DD`, `DD/MM/YYYY`, RFC 3339 with or without offset) stays here, because
//! `NaiveDate::parse_from_str` costs about 10 KB of wasm and reads less than a form sends.

use alloc::string::String;
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// A calendar date (proleptic Gregorian), years 1..=9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// As text, `YYYY-MM-DD` (as chrono writes it).
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.iso().as_str())
    }
}

/// The most days [`Date::add_business_days`] walks: 30 years, beyond any response time.
pub const MAX_BUSINESS_DAY_WALK: u32 = 10_958;

/// 1970-01-01: the date a caller falls back on when it has no better one.
pub const EPOCH: Date = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => Date(d),
    None => Date(NaiveDate::MIN),
};

/// How a date typed as `NN/NN/YYYY` is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Only ISO `YYYY-MM-DD`.
    #[default]
    Ymd,
    /// `DD/MM/YYYY` (and ISO).
    Dmy,
    /// `MM/DD/YYYY` (and ISO).
    Mdy,
}

/// A date-time as typed: its calendar day and whether it carried a UTC offset (`Z`, `+10:00`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    pub date: Date,
    pub has_offset: bool,
    pub has_time: bool,
}

impl Date {
    /// The date, or `None` when it does not exist (2026-02-30) or is outside years 1..=9999.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) {
            return None;
        }
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }

    /// The chrono date.
    pub fn naive(self) -> NaiveDate {
        self.0
    }

    /// Year, month (1..=12), day (1..=31).
    pub fn ymd(self) -> (i32, u32, u32) {
        (self.0.year(), self.0.month(), self.0.day())
    }

    /// `n` days later (earlier when negative); saturates at the ends of chrono's range, far
    /// outside any real window.
    pub fn add_days(self, n: i64) -> Date {
        let step = Days::new(n.unsigned_abs());
        let moved = if n >= 0 {
            self.0.checked_add_days(step)
        } else {
            self.0.checked_sub_days(step)
        };
        Date(moved.unwrap_or(if n >= 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        }))
    }

    /// `self − other` in days.
    pub fn days_since(self, other: Date) -> i64 {
        self.0.signed_duration_since(other.0).num_days()
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        self.0.weekday().num_days_from_monday()
    }

    pub fn is_weekend(self) -> bool {
        matches!(self.0.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// The date `n` business days after `self`: Monday–Friday, skipping `holidays`.
    /// `self` itself never counts; `n = 0` is `self`.
    /// `holidays` is sorted (the options reader sorts it), so each day is one binary search;
    /// the walk stops after [`MAX_BUSINESS_DAY_WALK`] days whatever the holidays say, so the
    /// work is bounded.
    pub fn add_business_days(self, n: u32, holidays: &[Date]) -> Date {
        let mut d = self;
        let mut left = n.min(10_000);
        let mut walked = 0;
        while left > 0 && walked < MAX_BUSINESS_DAY_WALK {
            walked += 1;
            d = d.add_days(1);
            if !d.is_weekend() && holidays.binary_search(&d).is_err() {
                left -= 1;
            }
        }
        d
    }

    /// Reads `YYYY-MM-DD`, and `NN/NN/YYYY` (also with `-` or `.`) in the given order.
    /// Surrounding white space is allowed; anything else is not a date.
    pub fn parse(text: &str, order: DateOrder) -> Option<Date> {
        let t = crate::text::trim(text).as_bytes();
        if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *t {
            return Date::from_ymd(
                num(&[y1, y2, y3, y4])? as i32,
                num(&[m1, m2])?,
                num(&[d1, d2])?,
            );
        }
        if order == DateOrder::Ymd {
            return None;
        }
        // 1 or 2 digits, a separator, 1 or 2 digits, the same separator, 4 digits.
        let mut parts = [0u32; 3];
        let mut lens = [0usize; 3];
        let mut k = 0;
        let mut sep = None;
        for &c in t {
            if c.is_ascii_digit() {
                let (p, l) = (parts.get_mut(k)?, lens.get_mut(k)?);
                *p = *p * 10 + u32::from(c - b'0');
                *l += 1;
                if *l > 4 {
                    return None;
                }
            } else if matches!(c, b'/' | b'-' | b'.') && sep.is_none_or(|s| s == c) {
                sep = Some(c);
                k += 1;
                if k > 2 {
                    return None;
                }
            } else {
                return None;
            }
        }
        if k != 2 || !(1..=2).contains(&lens[0]) || !(1..=2).contains(&lens[1]) || lens[2] != 4 {
            return None;
        }
        let (a, b, y) = (parts[0], parts[1], parts[2] as i32);
        match order {
            DateOrder::Dmy => Date::from_ymd(y, b, a),
            DateOrder::Mdy => Date::from_ymd(y, a, b),
            DateOrder::Ymd => None,
        }
    }

    /// Appends `YYYY-MM-DD`.
    pub fn write(self, out: &mut String) {
        out.push_str(self.iso().as_str());
    }

    /// `YYYY-MM-DD` as chrono writes it (years beyond 0..=9999, only a date moved to chrono's
    /// ends, as `+262143-12-31`: a sign and at least four digits), without its formatting
    /// machinery (a report writes several dates; through chrono they were ~10 % of a
    /// `session.set` in Node's profile, and its formatting code ~1 KB of the wasm).
    fn iso(self) -> Iso {
        let (y, m, d) = self.ymd();
        let mut out = Iso {
            bytes: [0; 16],
            len: 0,
        };
        let mut push = |b: u8| {
            if let Some(slot) = out.bytes.get_mut(out.len) {
                *slot = b;
                out.len += 1;
            }
        };
        if !(0..=9999).contains(&y) {
            push(if y < 0 { b'-' } else { b'+' });
        }
        let year = y.unsigned_abs();
        let mut digits = 1;
        while digits < 10 && year >= 10u32.pow(digits) {
            digits += 1;
        }
        for k in (0..digits.max(4)).rev() {
            push(b'0' + (year / 10u32.pow(k) % 10) as u8);
        }
        for (sep, n) in [(b'-', m), (b'-', d)] {
            push(sep);
            push(b'0' + (n / 10 % 10) as u8);
            push(b'0' + (n % 10) as u8);
        }
        out
    }
}

/// A date's text ([`Date::iso`]).
struct Iso {
    bytes: [u8; 16],
    len: usize,
}

impl Iso {
    fn as_str(&self) -> &str {
        (self.bytes.get(..self.len))
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl core::fmt::Display for Date {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.iso().as_str())
    }
}

fn num(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

impl DateTime {
    /// Reads RFC 3339 (`2026-11-29T14:30:00+10:00`, `…Z`, a space for `T`, optional seconds and
    /// fraction), a date-time without offset (what `datetime-local` sends), or a plain date.
    /// The day is the date as written: no conversion between zones.
    pub fn parse(text: &str, order: DateOrder) -> Option<DateTime> {
        let t = crate::text::trim(text);
        let split = t.bytes().position(|b| matches!(b, b'T' | b't' | b' '));
        let Some(at) = split else {
            return Date::parse(t, order).map(|date| DateTime {
                date,
                has_offset: false,
                has_time: false,
            });
        };
        let date = Date::parse(t.get(..at)?, order)?;
        let rest = t.get(at + 1..)?.as_bytes();
        // hh:mm
        let [h1, h2, b':', m1, m2, tail @ ..] = rest else {
            return None;
        };
        if num(&[*h1, *h2])? > 23 || num(&[*m1, *m2])? > 59 {
            return None;
        }
        let mut tail = tail;
        if let [b':', s1, s2, more @ ..] = tail {
            if num(&[*s1, *s2])? > 60 {
                return None;
            }
            tail = more;
            if let [b'.', more @ ..] = tail {
                let n = more.iter().take_while(|c| c.is_ascii_digit()).count();
                if n == 0 {
                    return None;
                }
                tail = more.get(n..)?;
            }
        }
        let has_offset = match tail {
            [] => false,
            [b'Z' | b'z'] => true,
            [b'+' | b'-', a, b, b':', c, d] => num(&[*a, *b])? <= 23 && num(&[*c, *d])? <= 59,
            _ => return None,
        };
        Some(DateTime {
            date,
            has_offset,
            has_time: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s, DateOrder::Ymd).unwrap_or(EPOCH)
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let chrono_text = |x: Date| alloc::format!("{}", x.naive());
        let mut days = alloc::vec![
            Date(NaiveDate::MIN),
            Date(NaiveDate::MAX),
            EPOCH.add_days(-719_163)
        ];
        days.extend((0..146_097).map(|n| d("1900-01-01").add_days(n)));
        days.extend([
            d("0001-01-01"),
            d("9999-12-31"),
            d("9999-12-31").add_days(1),
            d("0001-01-01").add_days(-1),
            d("0001-01-01").add_days(-400),
        ]);
        for x in days {
            let mut written = String::new();
            x.write(&mut written);
            assert_eq!(written, chrono_text(x));
            assert_eq!(alloc::format!("{x}"), chrono_text(x));
            assert_eq!(
                serde_json::to_string(&x).unwrap(),
                serde_json::to_string(&x.naive()).unwrap()
            );
        }
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = d("1900-01-01");
        for n in 0..146_097 {
            let x = start.add_days(n);
            let (y, m, dd) = x.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(x));
        }
        assert_eq!(d("1970-01-01"), EPOCH);
        assert_eq!(d("2000-03-01").days_since(d("2000-02-28")), 2);
        assert_eq!(d("2100-03-01").days_since(d("2100-02-28")), 1);
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        for s in [
            "2026-02-29",
            "2026-02-30",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "0000-01-01",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01x",
        ] {
            assert_eq!(Date::parse(s, DateOrder::Ymd), None, "{s}");
        }
        assert!(Date::parse("2028-02-29", DateOrder::Ymd).is_some());
        assert!(Date::parse(" 2026-11-29 ", DateOrder::Ymd).is_some());
    }

    #[test]
    fn reads_day_first_and_month_first_only_when_asked() {
        assert_eq!(
            Date::parse("03/04/2026", DateOrder::Dmy),
            Some(d("2026-04-03"))
        );
        assert_eq!(
            Date::parse("03/04/2026", DateOrder::Mdy),
            Some(d("2026-03-04"))
        );
        assert_eq!(
            Date::parse("3.4.2026", DateOrder::Dmy),
            Some(d("2026-04-03"))
        );
        assert_eq!(Date::parse("03/04/2026", DateOrder::Ymd), None);
        assert_eq!(Date::parse("31/02/2026", DateOrder::Dmy), None);
        assert_eq!(Date::parse("03/04-2026", DateOrder::Dmy), None);
        assert_eq!(
            Date::parse("2026-04-03", DateOrder::Dmy),
            Some(d("2026-04-03"))
        );
        assert_eq!(Date::parse("03/04/26", DateOrder::Dmy), None);
    }

    #[test]
    fn weekdays_and_business_days() {
        assert_eq!(d("2026-11-29").weekday(), 6, "a Sunday");
        assert_eq!(d("2026-11-30").weekday(), 0, "a Monday");
        // Friday + 2 business days = Tuesday.
        assert_eq!(d("2026-11-27").add_business_days(2, &[]), d("2026-12-01"));
        // With the Monday a holiday: Wednesday.
        assert_eq!(
            d("2026-11-27").add_business_days(2, &[d("2026-11-30")]),
            d("2026-12-02")
        );
        // Saturday + 1 = Monday.
        assert_eq!(d("2026-11-28").add_business_days(1, &[]), d("2026-11-30"));
        assert_eq!(d("2026-11-28").add_business_days(0, &[]), d("2026-11-28"));
    }

    #[test]
    fn date_times() {
        let p = |s| DateTime::parse(s, DateOrder::Ymd);
        assert_eq!(
            p("2026-11-29T23:30:00+10:00"),
            Some(DateTime {
                date: d("2026-11-29"),
                has_offset: true,
                has_time: true
            })
        );
        assert_eq!(
            p("2026-11-29t01:02:03.456Z").map(|x| x.has_offset),
            Some(true)
        );
        assert_eq!(p("2026-11-29T14:30").map(|x| x.has_offset), Some(false));
        assert_eq!(
            p("2026-11-29 14:30:10-05:00").map(|x| x.has_offset),
            Some(true)
        );
        assert_eq!(p("2026-11-29").map(|x| x.has_time), Some(false));
        for bad in [
            "2026-11-29T",
            "2026-11-29T25:00",
            "2026-11-29T10:00+1000",
            "2026-11-29T10:00:00.Z",
            "2026-02-30T10:00Z",
            "yesterday",
        ] {
            assert_eq!(p(bad), None, "{bad}");
        }
    }

    #[test]
    fn writes_iso() {
        assert_eq!(d("0999-01-05").to_string(), "0999-01-05");
        assert_eq!(d("2026-11-30").to_string(), "2026-11-30");
    }
}
