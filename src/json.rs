//! JSON text, read once (issue 15): a pull reader that the form reader drives key by key, so
//! the text goes straight into the typed form with no tree in between, and [`Raw`], the small
//! owned value a session keeps so that `form()` returns exactly what was set.
//!
//! Reading is strict JSON (RFC 8259), as `JSON.stringify` writes it and as serde_json reads it,
//! with two readings of our own, both of what browsers really send:
//! - a lone surrogate escape (`"\ud83d"`, what `str.slice` leaves of an emoji) reads as U+FFFD;
//! - a text is borrowed from the input; only a text with escapes is decoded, into an [`Arena`]
//!   that lives as long as the input.
//!
//! Work is bounded: a value nested deeper than [`MAX_DEPTH`] is passed over by counting
//! brackets (never recursing), and nothing is copied whole but a text with escapes.

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::fmt;

/// The deepest nesting of arrays and objects the core reads. The model is four levels deep
/// (`preservation.extensions[0].requestedOn`), so a value nested deeper is already of the wrong
/// type at its field (`FORM001` there); what lies below this depth is counted over, not read.
pub const MAX_DEPTH: usize = 64;

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

pub type Result<T> = core::result::Result<T, JsonError>;

/// Decoded texts (those with escapes), kept for as long as the input they were read from.
#[derive(Default)]
pub struct Arena(RefCell<Vec<String>>);

impl Arena {
    pub fn new() -> Arena {
        Arena::default()
    }

    /// `s`, kept in the arena.
    pub fn keep(&self, s: String) -> &str {
        let text: *const str = s.as_str();
        self.0.borrow_mut().push(s);
        // SAFETY: a String's bytes live on the heap; moving the String into the Vec (or the
        // Vec growing) moves its pointer, not its bytes. Strings are only ever pushed, never
        // removed, changed or dropped before the arena itself, which `&self` outlives the
        // returned borrow.
        unsafe { &*text }
    }
}

/// What starts at the reader's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    Text,
    List,
    Object,
}

/// A single value, read: a scalar, or a list or object passed over (with its text, for
/// messages that show what was typed).
#[derive(Debug, Clone, PartialEq)]
pub enum Leaf<'a> {
    Null,
    Bool(bool),
    /// A number as it was written (`90`, `6.79e8`): a phone number keeps its digits.
    Number(&'a str),
    Text(&'a str),
    /// A text longer than the reader takes ([`Cursor::max_text`]): its first characters.
    TooLong(String),
    /// A list or an object, passed over: its text as written.
    List(&'a str),
    Object(&'a str),
}

impl Leaf<'_> {
    /// The value as typed, for a message: at most 40 characters and `…`; a list or object
    /// without the white space between its tokens.
    pub fn shown(&self) -> String {
        let mut out = String::new();
        match self {
            Leaf::Null => out.push_str("null"),
            Leaf::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Leaf::Number(t) | Leaf::Text(t) => out.extend(t.chars().take(41)),
            Leaf::TooLong(head) => out.extend(head.chars().take(41)),
            Leaf::List(t) | Leaf::Object(t) => {
                let mut in_text = false;
                let mut escaped = false;
                for ch in t.chars() {
                    if out.len() > 41 * 4 {
                        break;
                    }
                    if in_text {
                        out.push(ch);
                        match (escaped, ch) {
                            (true, _) => escaped = false,
                            (false, '\\') => escaped = true,
                            (false, '"') => in_text = false,
                            _ => {}
                        }
                    } else if !matches!(ch, ' ' | '\t' | '\n' | '\r') {
                        in_text = ch == '"';
                        out.push(ch);
                    }
                }
            }
        }
        if let Some((cut, _)) = out.char_indices().nth(40) {
            out.truncate(cut);
            out.push('…');
        }
        out
    }
}

/// The end of the run of bytes from `i` that need no decoding in a JSON string: no quote, no
/// backslash, no control character. Eight bytes at a time (SWAR: a byte equal to `q` is a zero
/// byte of `x ^ q`), the last few padded with spaces (natively): texts are most of a form's bytes
/// (callgrind, typical form: the reader's share of instructions in `Cursor::string` went from
/// 51 to 35 million per 2 000 calls). Public for the command line's JSON writer, which escapes
/// the same bytes.
#[inline]
pub fn plain_run(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    // The high bit of each byte that is a quote, a backslash or below 0x20 (and below 0x80:
    // `& !x`). Borrows only run upward from such a byte, so the lowest bit set is the first.
    let special = |x: u64| {
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\'))) | control
    };
    let first = |m: u64| (m.trailing_zeros() / 8) as usize;
    while let Some(chunk) = b.get(i..i + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()) {
        let m = special(u64::from_le_bytes(chunk));
        if m != 0 {
            return i + first(m);
        }
        i += 8;
    }
    // Natively, the last few bytes padded with spaces to a word; in the wasm one at a time
    // (29 bytes smaller gzipped).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut last = [b' '; 8];
        for (to, &from) in last.iter_mut().zip(b.get(i..).unwrap_or_default()) {
            *to = from;
        }
        match special(u64::from_le_bytes(last)) {
            0 => b.len().max(i),
            m => i + first(m),
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        while let Some(&c) = b.get(i) {
            if c == b'"' || c == b'\\' || c < 0x20 {
                break;
            }
            i += 1;
        }
        i
    }
}

/// A pull reader over JSON text.
pub struct Cursor<'a> {
    text: &'a str,
    at: usize,
    arena: &'a Arena,
    depth: usize,
    /// The longest text read as a value, in bytes of UTF-8; a longer one is [`Leaf::TooLong`].
    pub max_text: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str, arena: &'a Arena) -> Cursor<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Cursor {
            text,
            at: 0,
            arena,
            depth: 0,
            max_text: usize::MAX,
        }
    }

    /// The reader for a value that stands inside an object (a form's key read on its own):
    /// what lies below counts one level deeper, as it does when the whole object is read.
    pub fn inside_object(mut self) -> Cursor<'a> {
        self.depth = 1;
        self
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The error `what` at the current position.
    pub fn error(&self, what: &'static str) -> JsonError {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        // Byte searches, not `rsplit('\n')` and `chars().count()` (text.rs says why).
        let start = before
            .bytes()
            .rposition(|b| b == b'\n')
            .map_or(0, |at| at + 1);
        let column = crate::text::char_count(before.get(start..).unwrap_or("")) + 1;
        JsonError { what, line, column }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte that is not white space (not consumed).
    fn next_byte(&mut self) -> Option<u8> {
        self.ws();
        self.bytes().get(self.at).copied()
    }

    /// Consumes `b` if it comes next.
    fn eat(&mut self, b: u8) -> bool {
        if self.next_byte() == Some(b) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// What value starts here.
    pub fn peek(&mut self) -> Result<Kind> {
        match self.next_byte() {
            Some(b'n') => Ok(Kind::Null),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'"') => Ok(Kind::Text),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b'[') => Ok(Kind::List),
            Some(b'{') => Ok(Kind::Object),
            Some(_) => Err(self.error("expected value")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    /// After the last value: only white space may follow.
    pub fn end(&mut self) -> Result<()> {
        match self.next_byte() {
            None => Ok(()),
            Some(_) => Err(self.error("trailing characters")),
        }
    }

    /// Whether the text is at its end (white space aside): for a stream of values.
    pub fn at_end(&mut self) -> bool {
        self.next_byte().is_none()
    }

    /// The byte offset of the reader in the text.
    pub fn offset(&self) -> usize {
        self.at
    }

    fn word(&mut self, w: &'static [u8]) -> Result<()> {
        let end = self.at + w.len();
        if self.bytes().get(self.at..end) == Some(w) {
            self.at = end;
            Ok(())
        } else {
            Err(self.error("expected ident"))
        }
    }

    fn number(&mut self) -> Result<&'a str> {
        let b = self.bytes();
        let start = self.at;
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > from
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => {
                self.at = i;
                return Err(self.error("invalid number"));
            }
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                self.at = i;
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = b.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            if !digits(&mut i) {
                self.at = i;
                return Err(self.error("invalid number"));
            }
        }
        self.at = i;
        Ok(self.text.get(start..i).unwrap_or(""))
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.bytes().get(self.at) {
                Some(&c @ b'0'..=b'9') => c - b'0',
                Some(&c @ b'a'..=b'f') => c - b'a' + 10,
                Some(&c @ b'A'..=b'F') => c - b'A' + 10,
                Some(_) => return Err(self.error("invalid escape")),
                None => return Err(self.error("EOF while parsing a string")),
            };
            n = n * 16 + u32::from(d);
            self.at += 1;
        }
        Ok(n)
    }

    /// A text: the reader stands on its opening quote. Borrowed unless it has escapes. With
    /// `limit`, a text of more bytes than that is `Err(Some(head))`: its first 41 characters.
    fn string(&mut self, limit: usize) -> Result<core::result::Result<&'a str, String>> {
        self.at += 1;
        let b = self.bytes();
        let start = self.at;
        // The plain part: no escape, no control character.
        let i = plain_run(b, start);
        match b.get(i) {
            Some(b'"') => {
                self.at = i + 1;
                let t = self.text.get(start..i).unwrap_or("");
                if t.len() > limit {
                    return Ok(Err(t.chars().take(41).collect()));
                }
                return Ok(Ok(t));
            }
            None => {
                self.at = i;
                return Err(self.error("EOF while parsing a string"));
            }
            Some(_) => {}
        }
        // Escapes: decode into an owned text (never longer than what it decodes).
        let mut out = String::with_capacity((i - start).min(1 << 16) + 16);
        out.push_str(self.text.get(start..i).unwrap_or(""));
        self.at = i;
        let mut long = false;
        loop {
            // Copy a plain run.
            let run = self.at;
            self.at = plain_run(b, self.at);
            if !long {
                out.push_str(self.text.get(run..self.at).unwrap_or(""));
            }
            match b.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    break;
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match b.get(self.at) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let hi = self.hex4()?;
                            self.at -= 1;
                            if (0xD800..0xDC00).contains(&hi) {
                                // A leading surrogate: with a trailing one it is one character;
                                // alone (what `str.slice` leaves of an emoji), U+FFFD.
                                let rest = b.get(self.at + 1..self.at + 3);
                                let lo = if rest == Some(b"\\u") {
                                    let save = self.at;
                                    self.at += 3;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        self.at -= 1;
                                        Some(lo)
                                    } else {
                                        self.at = save;
                                        None
                                    }
                                } else {
                                    None
                                };
                                match lo {
                                    Some(lo) => char::from_u32(
                                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                    )
                                    .unwrap_or('\u{fffd}'),
                                    None => '\u{fffd}',
                                }
                            } else {
                                char::from_u32(hi).unwrap_or('\u{fffd}')
                            }
                        }
                        Some(_) => return Err(self.error("invalid escape")),
                        None => return Err(self.error("EOF while parsing a string")),
                    };
                    self.at += 1;
                    if !long {
                        out.push(c);
                    }
                }
                Some(_) => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                None => return Err(self.error("EOF while parsing a string")),
            }
            if !long && out.len() > limit {
                long = true;
            }
        }
        if long {
            return Ok(Err(out.chars().take(41).collect()));
        }
        Ok(Ok(self.arena.keep(out)))
    }

    /// A text value or key, without a length limit.
    pub fn text(&mut self) -> Result<&'a str> {
        if self.next_byte() != Some(b'"') {
            return Err(self.error("expected a string"));
        }
        Ok(self.string(usize::MAX)?.unwrap_or(""))
    }

    /// One value: a scalar, or a list or object passed over.
    pub fn leaf(&mut self) -> Result<Leaf<'a>> {
        Ok(match self.peek()? {
            Kind::Null => {
                self.word(b"null")?;
                Leaf::Null
            }
            Kind::Bool => {
                if self.bytes().get(self.at) == Some(&b't') {
                    self.word(b"true")?;
                    Leaf::Bool(true)
                } else {
                    self.word(b"false")?;
                    Leaf::Bool(false)
                }
            }
            Kind::Number => Leaf::Number(self.number()?),
            Kind::Text => match self.string(self.max_text)? {
                Ok(t) => Leaf::Text(t),
                Err(head) => Leaf::TooLong(head),
            },
            kind @ (Kind::List | Kind::Object) => {
                let from = self.at;
                self.skip()?;
                let t = self.text.get(from..self.at).unwrap_or("");
                if kind == Kind::List {
                    Leaf::List(t)
                } else {
                    Leaf::Object(t)
                }
            }
        })
    }

    /// Passes over one value, checking that it is JSON.
    pub fn skip(&mut self) -> Result<()> {
        match self.peek()? {
            Kind::List | Kind::Object if self.depth >= MAX_DEPTH => self.deep(),
            Kind::List => {
                let mut first = true;
                self.open();
                while !self.close_or_comma(b']', &mut first)? {
                    self.skip()?;
                }
                Ok(())
            }
            Kind::Object => {
                let mut first = true;
                self.open();
                while !self.close_or_comma(b'}', &mut first)? {
                    self.key()?;
                    self.skip()?;
                }
                Ok(())
            }
            Kind::Text => self.string(usize::MAX).map(|_| ()),
            _ => self.leaf().map(|_| ()),
        }
    }

    /// Enters the list or object the reader stands on (callers keep within [`MAX_DEPTH`]).
    fn open(&mut self) {
        self.ws();
        self.at += 1;
        self.depth += 1;
    }

    /// Before an item of a list or object: `true` when the list or object closes here (and the
    /// reader leaves it), `false` when an item follows.
    fn close_or_comma(&mut self, close: u8, first: &mut bool) -> Result<bool> {
        if self.eat(close) {
            self.depth = self.depth.saturating_sub(1);
            return Ok(true);
        }
        if !*first {
            if !self.eat(b',') {
                return Err(match self.next_byte() {
                    None => self.error(if close == b']' {
                        "EOF while parsing a list"
                    } else {
                        "EOF while parsing an object"
                    }),
                    Some(_) => self.error(if close == b']' {
                        "expected `,` or `]`"
                    } else {
                        "expected `,` or `}`"
                    }),
                });
            }
            if self.next_byte() == Some(close) {
                return Err(self.error("trailing comma"));
            }
        } else if self.next_byte().is_none() {
            return Err(self.error(if close == b']' {
                "EOF while parsing a list"
            } else {
                "EOF while parsing an object"
            }));
        }
        *first = false;
        Ok(false)
    }

    /// A key and its colon.
    fn key(&mut self) -> Result<&'a str> {
        if self.next_byte() != Some(b'"') {
            return Err(match self.next_byte() {
                None => self.error("EOF while parsing an object"),
                Some(_) => self.error("key must be a string"),
            });
        }
        let k = self.string(usize::MAX)?.unwrap_or("");
        if !self.eat(b':') {
            return Err(match self.next_byte() {
                None => self.error("EOF while parsing an object"),
                Some(_) => self.error("expected `:`"),
            });
        }
        Ok(k)
    }

    /// Enters the object the reader stands on (see [`Cursor::next_key`]).
    pub fn enter_object(&mut self) -> Result<()> {
        if self.next_byte() != Some(b'{') {
            return Err(self.error("expected an object"));
        }
        self.open();
        Ok(())
    }

    /// The next key of the object entered (its value follows, to be read or skipped), or
    /// `None` when the object closes. `first` starts `true`.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<&'a str>> {
        if self.close_or_comma(b'}', first)? {
            return Ok(None);
        }
        self.key().map(Some)
    }

    /// Enters the list the reader stands on (see [`Cursor::next_item`]).
    pub fn enter_list(&mut self) -> Result<()> {
        if self.next_byte() != Some(b'[') {
            return Err(self.error("expected a list"));
        }
        self.open();
        Ok(())
    }

    /// Whether another item of the list entered follows (to be read or skipped); `false`
    /// when the list closes. `first` starts `true`.
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool> {
        Ok(!self.close_or_comma(b']', first)?)
    }

    /// Reads an object: `each` is called with every key and must read its value.
    pub fn object(&mut self, mut each: impl FnMut(&mut Self, &'a str) -> Result<()>) -> Result<()> {
        if self.depth >= MAX_DEPTH {
            return self.deep();
        }
        let mut first = true;
        self.open();
        while !self.close_or_comma(b'}', &mut first)? {
            let k = self.key()?;
            each(self, k)?;
        }
        Ok(())
    }

    /// Reads a list: `each` is called with every index and must read the item.
    pub fn list(&mut self, mut each: impl FnMut(&mut Self, usize) -> Result<()>) -> Result<()> {
        if self.depth >= MAX_DEPTH {
            return self.deep();
        }
        let mut first = true;
        let mut i = 0;
        self.open();
        while !self.close_or_comma(b']', &mut first)? {
            each(self, i)?;
            i += 1;
        }
        Ok(())
    }

    /// Passes over a value nested deeper than [`MAX_DEPTH`] by counting its brackets outside
    /// texts, without recursion; what lies inside is not read (it reads as `null`).
    fn deep(&mut self) -> Result<()> {
        let b = self.bytes();
        let mut depth = 0usize;
        while let Some(&c) = b.get(self.at) {
            match c {
                b'"' => {
                    let _text = self.string(usize::MAX)?;
                    continue;
                }
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.at += 1;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
        Err(self.error("EOF while parsing a value"))
    }

    /// Reads any value, whole, into a [`Raw`] (a session's store). Deeper than [`MAX_DEPTH`] a
    /// value reads as `null`.
    pub fn raw(&mut self) -> Result<Raw> {
        Ok(match self.peek()? {
            Kind::List => {
                if self.depth >= MAX_DEPTH {
                    self.deep()?;
                    return Ok(Raw::Null);
                }
                let mut items = Vec::new();
                self.list(|c, _| {
                    items.push(c.raw()?);
                    Ok(())
                })?;
                Raw::List(items)
            }
            Kind::Object => {
                if self.depth >= MAX_DEPTH {
                    self.deep()?;
                    return Ok(Raw::Null);
                }
                let mut entries: Vec<(String, Raw)> = Vec::new();
                self.object(|c, k| {
                    let v = c.raw()?;
                    // The last of a repeated key wins, as in JSON.parse.
                    entries.retain(|(key, _)| key != k);
                    entries.push((String::from(k), v));
                    Ok(())
                })?;
                Raw::Object(entries)
            }
            _ => match self.leaf()? {
                Leaf::Null => Raw::Null,
                Leaf::Bool(b) => Raw::Bool(b),
                Leaf::Number(n) => Raw::Number(String::from(n)),
                Leaf::Text(t) => Raw::Text(String::from(t)),
                _ => Raw::Null,
            },
        })
    }
}

/// A JSON value held by the core (a session's form): numbers keep the text they were written
/// as; objects keep their keys in the order they came.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Raw {
    #[default]
    Null,
    Bool(bool),
    Number(String),
    Text(String),
    List(Vec<Raw>),
    Object(Vec<(String, Raw)>),
}

impl Raw {
    /// Reads JSON text (a whole document).
    pub fn parse(text: &str) -> Result<Raw> {
        let arena = Arena::new();
        let mut c = Cursor::new(text, &arena);
        let v = c.raw()?;
        c.end()?;
        Ok(v)
    }

    pub fn get(&self, key: &str) -> Option<&Raw> {
        match self {
            Raw::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Raw> {
        match self {
            Raw::Object(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value as JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Raw::Null => out.push_str("null"),
            Raw::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Raw::Number(n) => out.push_str(n),
            Raw::Text(t) => write_text(t, out),
            Raw::List(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Raw::Object(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_text(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Raw {
    /// The value as a `serde_json::Value` (natively: tests, a server).
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::from_str(&self.to_json()).unwrap_or(serde_json::Value::Null)
    }

    /// A `serde_json::Value` as a `Raw`.
    pub fn from_value(v: &serde_json::Value) -> Raw {
        Raw::parse(&v.to_string()).unwrap_or_default()
    }
}

/// A text as a JSON string. The bytes to escape are those [`plain_run`] stops at, so the runs
/// between them are found eight bytes at a time (a session writes a key's value on each call).
pub fn write_text(t: &str, out: &mut String) {
    out.reserve(t.len() + 2);
    out.push('"');
    let b = t.as_bytes();
    let mut at = 0;
    loop {
        let end = plain_run(b, at);
        // `end` is the end of the text or an ASCII byte: a character boundary.
        out.push_str(t.get(at..end).unwrap_or(""));
        let Some(&c) = b.get(end) else { break };
        match c {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(
                    HEX.get(usize::from(c >> 4)).copied().unwrap_or(b'0'),
                ));
                out.push(char::from(
                    HEX.get(usize::from(c & 15)).copied().unwrap_or(b'0'),
                ));
            }
        }
        at = end + 1;
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(json: &str) -> Result<Leaf<'static>> {
        let arena: &'static Arena = alloc::boxed::Box::leak(alloc::boxed::Box::new(Arena::new()));
        let json: &'static str = alloc::boxed::Box::leak(String::from(json).into_boxed_str());
        let mut c = Cursor::new(json, arena);
        let l = c.leaf()?;
        c.end()?;
        Ok(l)
    }

    #[test]
    fn scalars_and_texts() {
        assert_eq!(leaf(" null "), Ok(Leaf::Null));
        assert_eq!(leaf("true"), Ok(Leaf::Bool(true)));
        assert_eq!(leaf("-0.5e+3"), Ok(Leaf::Number("-0.5e+3")));
        assert_eq!(leaf(r#""a\"b\u00e9\n""#), Ok(Leaf::Text("a\"bé\n")));
        assert_eq!(leaf(r#""\ud83d\ude00""#), Ok(Leaf::Text("😀")));
        assert_eq!(leaf(r#""x\ud83d""#), Ok(Leaf::Text("x\u{fffd}")));
        assert_eq!(
            leaf(r#""\ude00\ud83dx""#),
            Ok(Leaf::Text("\u{fffd}\u{fffd}x"))
        );
        assert_eq!(leaf(r#""\ud83d\u0041""#), Ok(Leaf::Text("\u{fffd}A")));
        assert_eq!(
            leaf(r#"[1, {"a": [ ]}]"#),
            Ok(Leaf::List(r#"[1, {"a": [ ]}]"#))
        );
    }

    #[test]
    fn what_is_not_json() {
        for bad in [
            "",
            "nul",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{1:2}",
            "\"a",
            "\"\\x\"",
            "\"\u{1}\"",
            "[",
            "{",
            "1 2",
            "\"\\u12\"",
        ] {
            assert!(leaf(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn deep_values_are_counted_over_not_recursed() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(leaf(&deep).is_ok());
        assert_eq!(
            Raw::parse(&deep).map(|r| matches!(r, Raw::List(_))),
            Ok(true)
        );
        assert!(leaf(&("[".repeat(100_000))).is_err());
    }

    #[test]
    fn raw_round_trips() {
        let t = r#"{"a":[1,-2.5e3,"x\"\n\u0001",true,null],"b":{}}"#;
        let r = Raw::parse(t).unwrap();
        assert_eq!(r.to_json(), t);
        assert_eq!(
            Raw::parse(r#"{"a":1,"a":2}"#).unwrap().to_json(),
            r#"{"a":2}"#
        );
    }

    #[test]
    fn plain_runs_agree_with_a_byte_loop_at_every_offset() {
        let naive = |b: &[u8], i: usize| {
            i + b[i..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(b.len() - i)
        };
        let text = "abc é€😀 Vanuatu \"x\" \\ y\u{1}z \u{7f}\u{1f}ééééééééé 0123456789abcdef\t!\
            \u{80}\u{9c}\u{a0}\u{a2}\u{bc}\u{dc}\u{c0}\u{0} !#[]{}\u{20}\u{21}\u{5b}\u{5d}\u{ff}\u{2028}\u{10ffff}\n";
        let b = text.as_bytes();
        for end in 0..=b.len() {
            for start in 0..=end {
                assert_eq!(
                    plain_run(&b[..end], start),
                    naive(&b[..end], start),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn texts_are_written_as_json() {
        let texts = [
            "",
            "plain",
            "a \"quoted\" \\ back",
            "line\nbreak\r\ttab",
            "\u{0}\u{1}\u{1f}\u{7f} é€😀",
            "0123456789abcdef\"0123456789abcdef\\0123456789abcdef\u{8}\u{c}",
        ];
        for t in texts {
            let mut ours = String::new();
            write_text(t, &mut ours);
            // serde_json writes U+0008 and U+000C as `\b` and `\f`; we, as `\u00xx`.
            let theirs = serde_json::to_string(t)
                .unwrap()
                .replace("\\b", "\\u0008")
                .replace("\\f", "\\u000c");
            assert_eq!(ours, theirs, "{t:?}");
            assert_eq!(Raw::parse(&ours), Ok(Raw::Text(String::from(t))));
        }
    }

    #[test]
    fn shown_values_are_cut() {
        assert_eq!(Leaf::List("[ 1, \"a b\" ]").shown(), "[1,\"a b\"]");
        assert_eq!(Leaf::Text(&"é".repeat(50)).shown(), "é".repeat(40) + "…");
    }
}
