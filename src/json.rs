//! A small JSON reader and writer.
//!
//! The form crosses from JavaScript as JSON text (one `JSON.stringify`, one string copy) and the
//! report goes back the same way; natively the command line reads files. One reader serves both,
//! so the wasm build carries no general-purpose serialisation framework.
//!
//! The reader never fails on a form: it reads what it can. Work is bounded: nesting deeper than
//! [`MAX_DEPTH`] is read as `null`, so a hostile document cannot exhaust the stack.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// Nesting beyond this depth is read as `null`. The form model is four levels deep.
pub const MAX_DEPTH: usize = 32;

/// A JSON value that borrows from the text it was read from where it can.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// The number as written (`90`, `-1.5e3`): integers are read from the text, never via `f64`.
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Keys in document order; a later duplicate key wins on lookup.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The value of `key` when this is an object (the last one when a key repeats).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match self {
            Value::Object(entries) => entries.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// A short name of the JSON type, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "text",
            Value::Array(_) => "list",
            Value::Object(_) => "object",
        }
    }
}

/// Why a text is not JSON, with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not valid JSON at byte {offset}: {what}")]
pub struct ParseError {
    pub offset: usize,
    pub what: &'static str,
}

impl ParseError {
    /// The same text as `Display`, written without the formatting machinery (for the wasm build).
    pub fn message(&self) -> String {
        let mut s = String::from("not valid JSON at byte ");
        write_int(&mut s, self.offset as i64);
        s.push_str(": ");
        s.push_str(self.what);
        s
    }
}

/// Reads one JSON document. Trailing white space is allowed, anything else after it is not.
#[inline(never)]
pub fn parse(text: &str) -> Result<Value<'_>, ParseError> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return Err(p.err("unexpected text after the value"));
    }
    Ok(v)
}

/// Reads consecutive JSON documents separated by white space (NDJSON or concatenated JSON).
pub fn parse_many(text: &str) -> Result<Vec<Value<'_>>, ParseError> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let mut out = Vec::new();
    loop {
        p.ws();
        if p.i >= p.b.len() {
            return Ok(out);
        }
        out.push(p.value(0)?);
    }
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

// The reader's loops test bytes in place (`self.b.get(self.i)`), and the few helpers they call
// are `inline(always)`: the wasm is built for size, which would otherwise leave a function
// call on every byte of the form.
impl<'a> Parser<'a> {
    fn err(&self, what: &'static str) -> ParseError {
        ParseError {
            offset: self.i,
            what,
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    #[inline(always)]
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &'static str, v: Value<'a>) -> Result<Value<'a>, ParseError> {
        if self.b.get(self.i..self.i + word.len()) == Some(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.err("unknown word"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, ParseError> {
        self.ws();
        match self.peek() {
            None => Err(self.err("the text ends where a value was expected")),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'[' | b'{') if depth >= MAX_DEPTH => self.skip_container(),
            Some(b'{') => {
                self.i += 1;
                let mut entries = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                    return Ok(Value::Object(entries));
                }
                loop {
                    self.ws();
                    if self.peek() != Some(b'"') {
                        return Err(self.err("expected a quoted key"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.peek() != Some(b':') {
                        return Err(self.err("expected ':' after a key"));
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    entries.push((k, v));
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::Object(entries));
                        }
                        _ => return Err(self.err("expected ',' or '}' in an object")),
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                loop {
                    let v = self.value(depth + 1)?;
                    items.push(v);
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::Array(items));
                        }
                        _ => return Err(self.err("expected ',' or ']' in a list")),
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(_) => Err(self.err("unexpected character")),
        }
    }

    /// Skips a container nested deeper than [`MAX_DEPTH`] without recursion and reads it as
    /// null: brackets are counted and strings stepped over, so any depth costs no stack.
    fn skip_container(&mut self) -> Result<Value<'a>, ParseError> {
        let mut open = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'[' | b'{' => open += 1,
                b']' | b'}' => {
                    open = open.saturating_sub(1);
                    if open == 0 {
                        self.i += 1;
                        return Ok(Value::Null);
                    }
                }
                b'"' => {
                    self.string()?;
                    continue;
                }
                _ => {}
            }
            self.i += 1;
        }
        Err(self.err("a list or object is not closed"))
    }

    /// Steps over digits; whether there was one.
    #[inline(always)]
    fn digits(&mut self) -> bool {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
        self.i > start
    }

    fn number(&mut self) -> Result<Value<'a>, ParseError> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        if !self.digits() {
            return Err(self.err("a number needs digits"));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if !self.digits() {
                return Err(self.err("a number needs digits after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if !self.digits() {
                return Err(self.err("a number needs digits in its exponent"));
            }
        }
        Ok(Value::Number(self.s.get(start..self.i).unwrap_or("0")))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.err("expected four hex digits after \\u")),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    /// Steps over the bytes a string holds as they are: up to a quote, a backslash or a
    /// control character. Eight bytes at a time while none of them is one of those: most of a
    /// form's bytes are the text of its strings.
    #[inline(always)]
    fn plain_run(&mut self) {
        const ONES: u64 = u64::from_le_bytes([1; 8]);
        const HIGH: u64 = ONES << 7;
        // A high bit for each byte of `v` below `n` (exact when none is, which is what counts).
        let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
        while let Some(&chunk) = self.b.get(self.i..).and_then(|r| r.first_chunk::<8>()) {
            let v = u64::from_le_bytes(chunk);
            let special = below(v ^ (ONES * u64::from(b'"')), 1)
                | below(v ^ (ONES * u64::from(b'\\')), 1)
                | below(v, 0x20);
            if special != 0 {
                break;
            }
            self.i += 8;
        }
        while let Some(&c) = self.b.get(self.i) {
            if c == b'"' || c == b'\\' || c < 0x20 {
                break;
            }
            self.i += 1;
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        self.i += 1; // opening quote
        let start = self.i;
        // Fast path: no escapes, borrow the text as it is.
        self.plain_run();
        if self.peek() == Some(b'"') {
            let s = self.s.get(start..self.i).unwrap_or("");
            self.i += 1;
            return Ok(Cow::Borrowed(s));
        }
        let mut out = String::from(self.s.get(start..self.i).unwrap_or(""));
        loop {
            match self.peek() {
                None => return Err(self.err("a string is not closed")),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let e = self
                        .peek()
                        .ok_or_else(|| self.err("a string is not closed"))?;
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.b.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    self.i = save; // a lone high surrogate; read the next escape on its own
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // Lone surrogates (JSON.stringify writes them as escapes) become U+FFFD.
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.err("unknown escape in a string")),
                    }
                }
                Some(_) => return Err(self.err("a control character inside a string")),
            }
            let run = self.i;
            self.plain_run();
            out.push_str(self.s.get(run..self.i).unwrap_or(""));
        }
    }
}

/// Appends `s` to `out` as a JSON string literal.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let esc = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{0}'..='\u{1f}' | '\u{2028}' | '\u{2029}' => "",
            _ => continue,
        };
        out.push_str(s.get(run..i).unwrap_or(""));
        if esc.is_empty() {
            out.push_str("\\u");
            let n = c as u32;
            for shift in [12, 8, 4, 0] {
                let d = (n >> shift) & 0xF;
                out.push(char::from_digit(d, 16).unwrap_or('0'));
            }
        } else {
            out.push_str(esc);
        }
        run = i + c.len_utf8();
    }
    out.push_str(s.get(run..).unwrap_or(""));
    out.push('"');
}

/// Appends an integer in decimal, without the formatting machinery.
pub fn write_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut m = n.unsigned_abs();
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        if let Some(slot) = buf.get_mut(i) {
            *slot = b'0' + (m % 10) as u8;
        }
        m /= 10;
        if m == 0 || i == 0 {
            break;
        }
    }
    for &d in buf.get(i..).unwrap_or(&[]) {
        out.push(char::from(d));
    }
}

/// Writes a [`Value`] back as compact JSON.
pub fn write_value(out: &mut String, v: &Value<'_>) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null, "x\u00e9\n"], "b": {}} "#);
        let v = v.unwrap_or(Value::Null);
        assert_eq!(v.get("a").map(Value::kind), Some("list"));
        let Some(Value::Array(items)) = v.get("a") else {
            panic!("not a list");
        };
        assert_eq!(items.get(1), Some(&Value::Number("-2.5e3")));
        assert_eq!(
            items.get(5),
            Some(&Value::String(Cow::Owned("xé\n".into())))
        );
    }

    #[test]
    fn strings_end_where_they_end_at_any_offset() {
        for pad in 0..20 {
            for end in ["\"", "\\n\"", "\u{1}\""] {
                let body = "é".repeat(pad % 3) + &"x".repeat(pad);
                let text = format!("[\"{body}{end}]");
                let v = parse(&text);
                if end == "\"" {
                    assert_eq!(
                        v,
                        Ok(Value::Array(vec![Value::String(Cow::Borrowed(&body))]))
                    );
                } else if end == "\\n\"" {
                    let want = body.clone() + "\n";
                    assert_eq!(v, Ok(Value::Array(vec![Value::String(Cow::Owned(want))])));
                } else {
                    assert!(v.is_err(), "a control byte at {pad}");
                }
            }
        }
    }

    #[test]
    fn later_duplicate_key_wins() {
        let v = parse(r#"{"a":1,"a":2}"#).unwrap_or(Value::Null);
        assert_eq!(v.get("a"), Some(&Value::Number("2")));
    }

    #[test]
    fn surrogates_pair_or_become_replacement() {
        let v = parse(r#"["\ud83d\ude00", "\ud800", "\udc00x", "\ud800\u0041"]"#)
            .unwrap_or(Value::Null);
        let Value::Array(items) = v else {
            panic!("not a list");
        };
        let texts: Vec<String> = items
            .iter()
            .map(|i| {
                if let Value::String(s) = i {
                    s.to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        assert_eq!(texts, ["😀", "\u{FFFD}", "\u{FFFD}x", "\u{FFFD}A"]);
    }

    #[test]
    fn rejects_broken_text_with_an_offset() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "tru",
            "\"abc",
            "01x",
            "1.",
            "-",
            "{\"a\":1}x",
            "\"\u{1}\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = "[".repeat(1_000_000) + &"]".repeat(1_000_000);
        assert!(
            parse(&deep).is_ok(),
            "a million levels read without exhausting the stack"
        );
        let v = parse(r#"{"a":{"b":{"c":1}}}"#).unwrap_or(Value::Null);
        assert!(v.get("a").and_then(|a| a.get("b")).is_some());
        let mut nested = String::from("1");
        for _ in 0..(MAX_DEPTH + 2) {
            nested = format!("[{nested}]");
        }
        let mut v = &parse(&nested).unwrap_or(Value::Null);
        let mut levels = 0;
        while let Value::Array(items) = v {
            levels += 1;
            v = items.first().unwrap_or(&Value::Null);
        }
        assert_eq!(levels, MAX_DEPTH, "levels past the limit read as null");
    }

    #[test]
    fn writes_escapes_and_integers() {
        let mut s = String::new();
        write_str(&mut s, "a\"b\\c\n\u{1}\u{2028}é");
        assert_eq!(s, r#""a\"b\\c\n\u0001\u2028é""#);
        let mut n = String::new();
        for i in [0, 7, -12, 1234567890, i64::MIN] {
            write_int(&mut n, i);
            n.push(' ');
        }
        assert_eq!(n, "0 7 -12 1234567890 -9223372036854775808 ");
    }

    #[test]
    fn round_trips() {
        let text = r#"{"a":[1,"x",{"b":null}],"c":true}"#;
        let v = parse(text).unwrap_or(Value::Null);
        let mut out = String::new();
        write_value(&mut out, &v);
        assert_eq!(out, text);
    }

    #[test]
    fn reads_many_documents() {
        let v = parse_many("{}\n{\"a\":1}\n  [ ]\n").unwrap_or_default();
        assert_eq!(v.len(), 3);
    }
}
