//! (v3) The deadlines as a calendar file (contract §9, RFC 5545): one VCALENDAR, one all-day
//! VEVENT per deadline with a display alarm the day before, CRLF line ends, lines folded at 75
//! octets (never inside a UTF-8 character), TEXT values escaped.
//!
//! Written by hand, not with a crate: what is written is five fixed components and a dozen
//! properties, and the one thing that needs care — that no value typed in a form can end a line,
//! start a property or open a component — is [`text`] and [`fold`] below. (README, "Keeping an
//! office's deadlines", measures what it adds to the wasm.)
//!
//! - `UID` is stable for the same request and kind: a hash (two FNV-1a 64-bit passes, written
//!   here) of the case reference, the preservation reference, the provider entity and the kind.
//!   When the form has neither reference the deadline's date joins the hash, so two unnamed
//!   requests to the same provider do not overwrite each other's events; a UID repeated in one
//!   file (the same request twice) gets a `-2`, `-3`… suffix.
//! - `DTSTAMP` is `asOf` at 00:00 UTC, so the same input gives the same bytes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::date::Date;
use crate::deadlines::Deadline;
use crate::facts::Facts;
use crate::messages::{self, Words};
use crate::options::Options;

/// The longest line, in octets, without its CRLF (RFC 5545 §3.1).
pub const LINE_OCTETS: usize = 75;

/// A calendar being written: [`Calendar::event`] for each deadline, then [`Calendar::finish`].
pub struct Calendar {
    out: String,
    stamp: String,
    words: &'static Words,
    /// The UID hashes written, to keep UIDs unique in the file.
    uids: Vec<[u64; 2]>,
}

impl Calendar {
    /// A calendar with the options' `asOf` as its stamp and their locale for its labels.
    pub fn new(options: &Options) -> Calendar {
        let mut c = Calendar {
            out: String::with_capacity(1024),
            stamp: String::new(),
            words: messages::catalogue(options.locale),
            uids: Vec::new(),
        };
        c.stamp.push_str(&basic(options.as_of));
        c.stamp.push_str("T000000Z");
        c.line("BEGIN:VCALENDAR");
        c.line("VERSION:2.0");
        let mut prodid = String::from("PRODID:-//marcheck//marcheck ");
        prodid.push_str(crate::VERSION);
        prodid.push_str("//EN");
        c.line(&prodid);
        c.line("CALSCALE:GREGORIAN");
        c.line("METHOD:PUBLISH");
        c
    }

    /// Writes `line` folded, with its CRLF.
    fn line(&mut self, line: &str) {
        fold(&mut self.out, line);
    }

    /// `NAME:value`, the value a TEXT escaped.
    fn text_property(&mut self, name: &str, value: &str) {
        let mut l = String::with_capacity(name.len() + value.len() + 8);
        l.push_str(name);
        l.push(':');
        text(&mut l, value);
        self.line(&l);
    }

    /// One all-day event for `d`, with a display alarm the day before.
    pub fn event(&mut self, d: &Deadline<'_>) {
        let case = d.case_reference.as_deref();
        let preservation = d.preservation_reference.as_deref();
        let entity = d.provider_entity.as_ref();
        let mut h = Hash::new();
        h.field(case.unwrap_or("").as_bytes());
        h.field(preservation.unwrap_or("").as_bytes());
        h.field(entity.map_or("", |e| &e.legal_entity).as_bytes());
        h.field(entity.map_or("", |e| e.country).as_bytes());
        h.field(d.kind.as_str().as_bytes());
        if case.is_none() && preservation.is_none() {
            h.field(basic(d.on).as_bytes());
        }
        let key = [h.0, h.1];
        // A linear search: a calendar holds tens or hundreds of events, and a map would cost
        // the wasm more than it saves.
        let seen = self.uids.iter().filter(|k| **k == key).count() + 1;
        self.uids.push(key);
        let mut uid = String::from("UID:");
        for b in key.iter().flat_map(|k| k.to_be_bytes()) {
            hex(&mut uid, b);
        }
        if seen > 1 {
            uid.push('-');
            push_number(&mut uid, seen as u64);
        }
        uid.push_str("@marcheck");

        self.line("BEGIN:VEVENT");
        self.line(&uid);
        let mut stamp = String::from("DTSTAMP:");
        stamp.push_str(&self.stamp);
        self.line(&stamp);
        let mut start = String::from("DTSTART;VALUE=DATE:");
        start.push_str(&basic(d.on));
        self.line(&start);
        let mut end = String::from("DTEND;VALUE=DATE:");
        end.push_str(&basic(d.on.add_days(1)));
        self.line(&end);
        let mut summary = String::from(&*d.title);
        if let Some(c) = case {
            summary.push_str(" — ");
            summary.push_str(c);
        }
        self.text_property("SUMMARY", &summary);
        let mut description = String::from(d.detail.as_str());
        let w = self.words;
        for (label, value) in [
            ("caseReference", case),
            ("preservationReference", preservation),
        ] {
            if let Some(v) = value {
                description.push('\n');
                description.push_str(w.term(label));
                description.push(' ');
                description.push_str(v);
            }
        }
        if let Some(e) = entity {
            description.push('\n');
            description.push_str(w.term("providerEntity"));
            description.push(' ');
            description.push_str(&e.legal_entity);
            description.push_str(" (");
            description.push_str(e.country);
            description.push(')');
        }
        self.text_property("DESCRIPTION", &description);
        self.line("TRANSP:TRANSPARENT");
        self.line("BEGIN:VALARM");
        self.line("ACTION:DISPLAY");
        self.text_property("DESCRIPTION", &summary);
        self.line("TRIGGER:-P1D");
        self.line("END:VALARM");
        self.line("END:VEVENT");
    }

    /// The whole file.
    pub fn finish(mut self) -> String {
        self.line("END:VCALENDAR");
        self.out
    }
}

/// The calendar of these deadlines, in their order.
pub fn calendar<'d>(
    deadlines: impl IntoIterator<Item = &'d Deadline<'d>>,
    options: &Options,
) -> String {
    let mut c = Calendar::new(options);
    for d in deadlines {
        c.event(d);
    }
    c.finish()
}

/// The calendar of one form or of a list of forms, given as JSON text: each form's deadlines
/// in date order, form after form (calendar programs order events by their dates). Text that is
/// not JSON, and items that are not forms, give no events.
pub fn calendar_json(forms: &str, options: &Options) -> String {
    let mut c = Calendar::new(options);
    // The glue to the reader: a list is read item by item, in the same pass.
    let arena = crate::json::Arena::new();
    let mut cur = crate::json::Cursor::new(forms, &arena);
    let is_profile = |key: &str| options.profile(key).is_some();
    let one = |cur: &mut crate::json::Cursor<'_>, c: &mut Calendar| {
        let mut hits = Vec::new();
        let typed = crate::form::read::read_next(cur, options.date_order, &is_profile, &mut hits)?;
        for d in crate::deadlines::deadlines(&typed, &Facts::new(&typed, options), options) {
            c.event(&d);
        }
        Ok::<(), crate::json::JsonError>(())
    };
    let _ = match cur.peek() {
        Ok(crate::json::Kind::List) => cur.list(|cur, _| one(cur, &mut c)),
        _ => one(&mut cur, &mut c),
    };
    c.finish()
}

/// `YYYYMMDD`, the basic format of RFC 5545's DATE.
fn basic(d: Date) -> String {
    let (y, m, day) = d.ymd();
    let mut s = String::with_capacity(8);
    for (n, width) in [(y as u64, 4), (u64::from(m), 2), (u64::from(day), 2)] {
        let mut digits = [b'0'; 4];
        let mut v = n;
        for slot in digits.iter_mut().take(width).rev() {
            *slot = b'0' + (v % 10) as u8;
            v /= 10;
        }
        for &b in digits.iter().take(width) {
            s.push(char::from(b));
        }
    }
    s
}

fn push_number(out: &mut String, mut n: u64) {
    let mut digits = Vec::new();
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in digits.iter().rev() {
        out.push(char::from(b));
    }
}

fn hex(out: &mut String, b: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for nibble in [b >> 4, b & 0xf] {
        if let Some(&c) = DIGITS.get(usize::from(nibble)) {
            out.push(char::from(c));
        }
    }
}

/// Appends `value` as an RFC 5545 TEXT (§3.3.11): `\` `;` `,` escaped, every line break (CRLF,
/// LF or CR) written `\n`, and the other control characters, which TEXT cannot hold, as a
/// space. The result never holds a CR or an LF, so it cannot end the line it is on.
pub fn text(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Appends `line` folded at [`LINE_OCTETS`] octets (a continuation line starts with a space,
/// which counts), never inside a UTF-8 character, and ends it with CRLF.
pub fn fold(out: &mut String, line: &str) {
    let mut room = LINE_OCTETS;
    for c in line.chars() {
        let n = c.len_utf8();
        if n > room {
            out.push_str("\r\n ");
            room = LINE_OCTETS - 1;
        }
        out.push(c);
        room -= n;
    }
    out.push_str("\r\n");
}

/// Two FNV-1a 64-bit hashes (different offset bases) over length-prefixed fields, so that
/// `("ab", "c")` and `("a", "bc")` differ.
struct Hash(u64, u64);

impl Hash {
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> Hash {
        Hash(0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME);
            self.1 = (self.1 ^ u64::from(b))
                .wrapping_mul(Self::PRIME)
                .rotate_left(5);
        }
    }

    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

#[cfg(test)]
mod tests;
