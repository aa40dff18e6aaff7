//! A serde `Serializer` that writes any serde value as a tape of 32-bit words and one text, for
//! `src/wasm.js` to turn into plain JavaScript objects with one `TextDecoder` call.
//!
//! Why not serde-wasm-bindgen for the report: it builds the objects from Rust, one boundary
//! crossing per property and one text decoding per string, and measured 3–10× slower than a
//! whole `validate` call of v0.1 for a report of ten findings (README, "What the libraries
//! cost"). The shape still lives in one place — the report's `#[derive(Serialize)]` — and this
//! serializer knows nothing of it: it writes serde's data model (null, booleans, integers,
//! texts, lists, maps), the same plain values `serde_json` writes.
//!
//! Words: `NULL`, `TRUE`, `FALSE`; `INT lo hi` (an i64); `TEXT end` (the text ends at UTF-16
//! unit `end` of the tape's text, where the previous one ended); `LIST n` then n values;
//! `MAP n` then n pairs of a `TEXT` key and a value; in the wasm, `STATIC ptr len` for a text of
//! the module's own data (a struct's field names, a rule's code, a message without
//! placeholders): `src/wasm.js` decodes each such text once from the module's memory and keeps
//! it, so a report's repeated words are neither copied nor decoded again, and JavaScript gets
//! the same string for the same key (issue 15: `fromTape` and its text decoding were 40 % of a
//! report of 19 findings).

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use serde::ser::{self, Serialize};

pub const NULL: u32 = 0;
pub const TRUE: u32 = 1;
pub const FALSE: u32 = 2;
pub const INT: u32 = 3;
pub const TEXT: u32 = 4;
pub const LIST: u32 = 5;
pub const MAP: u32 = 6;
pub const STATIC: u32 = 7;

/// The newtype name that marks a text as `&'static str` ([`static_str`]): other serializers
/// (serde_json) write the text as any other.
pub const STATIC_NAME: &str = "marcheck::tape::static";

/// `serialize_with` for a `&'static str`: the tape keeps a reference to it instead of a copy.
pub fn static_str<S: ser::Serializer>(text: &&'static str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_newtype_struct(STATIC_NAME, *text)
}

/// A `&'static str` written as [`static_str`] writes it (a map's key).
pub struct Static(pub &'static str);

impl Serialize for Static {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        static_str(&self.0, s)
    }
}

/// `serialize_with` for a `Cow<'static, str>`: borrowed, it is static ([`static_str`]).
#[allow(clippy::ptr_arg)] // serde's `serialize_with` passes the field's own type
pub fn static_cow<S: ser::Serializer>(
    text: &alloc::borrow::Cow<'static, str>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match text {
        alloc::borrow::Cow::Borrowed(t) => static_str(t, s),
        alloc::borrow::Cow::Owned(t) => s.serialize_str(t),
    }
}

/// A value written as words and text.
#[derive(Debug, Default)]
pub struct Tape {
    pub words: Vec<u32>,
    pub text: String,
    /// UTF-16 units in `text` so far.
    units: u32,
    /// The next text is a `&'static str` ([`STATIC_NAME`]).
    next_static: bool,
}

/// Serialization never fails for the values marcheck writes; serde still needs an error type.
#[derive(Debug)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value the tape does not write")
    }
}

impl core::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

/// Pairs written as a map (a JSON object), in their order: what a `BTreeMap` would write when
/// they are sorted, without a B-tree's code in the wasm.
#[derive(Debug)]
pub struct Map<'k, V>(pub Vec<(&'k str, V)>);

impl<V: Serialize> Serialize for Map<'_, V> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        as_map(&self.0, s)
    }
}

/// `serialize_with` for pairs written as a map.
pub fn as_map<K: AsRef<str>, V: Serialize, S: ser::Serializer>(
    pairs: &[(K, V)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use ser::SerializeMap;
    let mut m = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        m.serialize_entry(k.as_ref(), v)?;
    }
    m.end()
}

impl Tape {
    /// `value` written on a fresh tape, with room for a report of a few findings (growing
    /// the tape from empty was ~5 % of a `session.set` in Node's profile).
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Unsupported> {
        let mut tape = Tape {
            words: Vec::with_capacity(256),
            // Only texts made for this report (dates, filled messages): the module's own texts
            // are referred to (STATIC).
            text: String::with_capacity(512),
            units: 0,
            next_static: false,
        };
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// A text of the module's data (a `&'static str`: never a text on the heap, which could
    /// change before JavaScript reads it): a reference in the wasm; natively, where no
    /// JavaScript reads the tape, a text like any other.
    fn static_text(&mut self, s: &str) {
        #[cfg(target_arch = "wasm32")]
        self.words
            .extend_from_slice(&[STATIC, s.as_ptr() as u32, s.len() as u32]);
        #[cfg(not(target_arch = "wasm32"))]
        self.text(s);
    }

    fn text(&mut self, s: &str) {
        self.text.push_str(s);
        // UTF-16 units: one per character, two for one beyond the BMP (4 bytes in UTF-8). Most
        // texts are ASCII, checked eight bytes at a time: a unit per byte.
        let units: u32 = if s.is_ascii() {
            s.len() as u32
        } else {
            s.bytes()
                .map(|b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0))
                .sum()
        };
        self.units += units;
        self.words.extend_from_slice(&[TEXT, self.units]);
    }

    fn int(&mut self, n: i64) {
        self.words
            .extend_from_slice(&[INT, n as u32, (n >> 32) as u32]);
    }

    /// Opens a list or a map; its count is written when it closes ([`Open::close`]).
    fn open(&mut self, tag: u32) -> Open<'_> {
        self.words.extend_from_slice(&[tag, 0]);
        let at = self.words.len() - 1;
        Open {
            tape: self,
            at,
            count: 0,
        }
    }
}

/// A list or a map being written.
pub struct Open<'t> {
    tape: &'t mut Tape,
    /// Where its count goes.
    at: usize,
    count: u32,
}

impl Open<'_> {
    fn close(self) {
        if let Some(w) = self.tape.words.get_mut(self.at) {
            *w = self.count;
        }
    }
}

type R = Result<(), Unsupported>;

impl<'t> ser::Serializer for &'t mut Tape {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Open<'t>;
    type SerializeTuple = Open<'t>;
    type SerializeTupleStruct = Open<'t>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = Open<'t>;
    type SerializeStruct = Open<'t>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> R {
        self.words.push(if v { TRUE } else { FALSE });
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
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R {
        self.serialize_i64(i64::try_from(v).map_err(|_| Unsupported)?)
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
        if core::mem::take(&mut self.next_static) {
            self.static_text(v);
        } else {
            self.text(v);
        }
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
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.static_text(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, v: &T) -> R {
        // Only `static_str` names it, and only for a `&'static str`.
        self.next_static = name == STATIC_NAME;
        let r = v.serialize(&mut *self);
        self.next_static = false;
        r
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
    fn serialize_seq(self, _: Option<usize>) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple(self, _: usize) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(LIST))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(LIST))
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
    fn serialize_map(self, _: Option<usize>) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(MAP))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Open<'t>, Unsupported> {
        Ok(self.open(MAP))
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

impl ser::SerializeSeq for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.count += 1;
        v.serialize(&mut *self.tape)
    }
    fn end(self) -> R {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTuple for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> R {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        self.count += 1;
        key.serialize(&mut *self.tape)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(&mut *self.tape)
    }
    fn end(self) -> R {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Open<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R {
        self.count += 1;
        self.tape.static_text(key);
        v.serialize(&mut *self.tape)
    }
    fn end(self) -> R {
        self.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Shape {
        a: Vec<Option<i64>>,
        #[serde(rename = "é😀")]
        b: &'static str,
        c: bool,
    }

    #[test]
    fn writes_serdes_data_model() {
        let t = Tape::of(&Shape {
            a: alloc::vec![Some(1), Some(-2), None],
            b: "x",
            c: true,
        })
        .unwrap();
        assert_eq!(t.text, "aé😀xc");
        assert_eq!(
            t.words,
            [
                MAP,
                3,
                TEXT,
                1,
                LIST,
                3,
                INT,
                1,
                0,
                INT,
                u32::MAX - 1,
                u32::MAX,
                NULL,
                TEXT,
                4,
                TEXT,
                5,
                TEXT,
                6,
                TRUE
            ]
        );
    }
}
