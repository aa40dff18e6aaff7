//! The command line's JSON writer: a serde `Serializer` that writes compact JSON text, byte for
//! byte what `serde_json::to_string` writes for the values marcheck writes (null, booleans,
//! integers, texts, lists, maps and structs; no floats), but faster where a report spends its
//! bytes: a text is copied eight bytes at a time up to the next byte that needs an escape
//! (`marcheck::json::plain_run`, the reader's), where serde_json looks each byte up in a table
//! (with serde_json, writing a report was ~30 % of `check`'s time, 18 % in escaping texts).
//!
//! The report's shape stays where it is defined, in its `#[derive(Serialize)]`: this writer
//! knows nothing of it, as the wasm's tape serializer (`src/tape.rs`) does not.

use std::fmt;

use serde::ser::{self, Serialize};

/// Writes `value` as compact JSON at the end of `out`.
pub fn write<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<(), Unsupported> {
    value.serialize(&mut Out(out))
}

/// A value this writer does not write (a float, bytes, an enum with data): none in a report.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value the JSON writer does not write")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

pub struct Out<'b>(&'b mut Vec<u8>);

/// A lowercase hex digit, as serde_json writes `\u001f`.
fn hex(n: u8) -> u8 {
    if n < 10 { b'0' + n } else { b'a' + n - 10 }
}

impl Out<'_> {
    /// A JSON string, escaped as serde_json escapes: `"` and `\`, the short escapes of
    /// backspace, form feed, line feed, carriage return and tab, `\u00XX` for the other
    /// control characters; everything else (non-ASCII too) as it is.
    fn text(&mut self, s: &str) {
        let b = s.as_bytes();
        self.0.reserve(b.len() + 2);
        self.0.push(b'"');
        let mut start = 0;
        loop {
            let end = marcheck::json::plain_run(b, start);
            self.0
                .extend_from_slice(b.get(start..end).unwrap_or_default());
            let Some(&c) = b.get(end) else { break };
            match c {
                b'"' => self.0.extend_from_slice(b"\\\""),
                b'\\' => self.0.extend_from_slice(b"\\\\"),
                0x08 => self.0.extend_from_slice(b"\\b"),
                0x0C => self.0.extend_from_slice(b"\\f"),
                b'\n' => self.0.extend_from_slice(b"\\n"),
                b'\r' => self.0.extend_from_slice(b"\\r"),
                b'\t' => self.0.extend_from_slice(b"\\t"),
                _ => {
                    self.0
                        .extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(c >> 4), hex(c & 0xF)])
                }
            }
            start = end + 1;
        }
        self.0.push(b'"');
    }

    fn int(&mut self, n: i64) {
        if n < 0 {
            self.0.push(b'-');
        }
        self.uint(n.unsigned_abs());
    }

    fn uint(&mut self, v: u64) {
        let mut buf = [0u8; 20];
        self.0
            .extend_from_slice(marcheck::messages::decimal(v, &mut buf));
    }

    fn open(&mut self, bracket: u8, close: u8) -> Compound<'_> {
        self.0.push(bracket);
        Compound {
            out: Out(&mut *self.0),
            first: true,
            close,
        }
    }
}

/// A list, map or struct being written.
pub struct Compound<'b> {
    out: Out<'b>,
    first: bool,
    close: u8,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.out.0.push(b',');
        }
        self.first = false;
    }

    fn close(self) -> R {
        self.out.0.push(self.close);
        Ok(())
    }
}

type R = Result<(), Unsupported>;

impl<'o, 'b> ser::Serializer for &'o mut Out<'b> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'o>;
    type SerializeTuple = Compound<'o>;
    type SerializeTupleStruct = Compound<'o>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Compound<'o>;
    type SerializeStruct = Compound<'o>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> R {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R {
        self.int(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.uint(v);
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> R {
        Err(Unsupported)
    }
    fn serialize_f64(self, _: f64) -> R {
        Err(Unsupported)
    }
    fn serialize_char(self, v: char) -> R {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(Unsupported)
    }
    fn serialize_none(self) -> R {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'o>, Unsupported> {
        Ok(self.open(b'[', b']'))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'o>, Unsupported> {
        Ok(self.open(b'[', b']'))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'o>, Unsupported> {
        Ok(self.open(b'[', b']'))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'o>, Unsupported> {
        Ok(self.open(b'{', b'}'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'o>, Unsupported> {
        Ok(self.open(b'{', b'}'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.comma();
        v.serialize(&mut self.out)
    }
    fn end(self) -> R {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        self.comma();
        // A key is a text (serde_json quotes integer keys too; marcheck has none).
        key.serialize(&mut self.out)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.out.0.push(b':');
        v.serialize(&mut self.out)
    }
    fn end(self) -> R {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
        self.comma();
        // A field's name is a Rust name (camelCased by serde): nothing in it to escape, which
        // the tests check for every report.
        self.out.0.push(b'"');
        self.out.0.extend_from_slice(key.as_bytes());
        self.out.0.extend_from_slice(b"\":");
        v.serialize(&mut self.out)
    }
    fn end(self) -> R {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::write;
    use proptest::prelude::*;
    use serde::Serialize;

    fn ours<T: Serialize + ?Sized>(v: &T) -> String {
        let mut out = Vec::new();
        write(v, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Any text, escaped as serde_json escapes it: every control character, quotes,
        /// backslashes, non-ASCII, at every offset from an eight-byte boundary.
        #[test]
        fn texts_are_written_as_serde_json_writes_them(
            s in prop::collection::vec(
                prop_oneof![
                    3 => any::<char>(),
                    3 => (0u8..0x20).prop_map(char::from),
                    2 => prop::sample::select(&['"', '\\', '/', '\u{7f}', 'é', '😀', 'a'][..]),
                ],
                0..40,
            ).prop_map(|cs| cs.into_iter().collect::<String>()),
            n in any::<i64>(),
            u in any::<u32>(),
        ) {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
            let v = (vec![Some(n), None], u, true, [&s, "x"], std::collections::BTreeMap::from([(s.clone(), -1i64)]));
            prop_assert_eq!(ours(&v), serde_json::to_string(&v).unwrap());
        }
    }

    /// Every fixture's and bench form's report, in both locales, reads as serde_json writes it.
    #[test]
    fn reports_are_written_as_serde_json_writes_them() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut forms = Vec::new();
        for dir in ["tests/fixtures", "bench/forms"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                    forms.push(v.get("form").cloned().unwrap_or(v).to_string());
                }
            }
        }
        assert!(forms.len() > 10, "{}", forms.len());
        forms.push("not JSON \u{1} \"".to_string());
        for locale in [marcheck::Locale::En, marcheck::Locale::Fr] {
            let mut options = marcheck::Options::new(marcheck::date::EPOCH);
            options.locale = locale;
            for form in &forms {
                let report = marcheck::validate_json(form, &options);
                assert_eq!(ours(&report), report.to_json(), "{form}");
            }
        }
    }
}
