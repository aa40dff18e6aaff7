//! Plain text, as forms send it: trimming and counting characters. A leaf: it imports nothing
//! of the crate.

/// `s` without its surrounding white space, as `str::trim` (Unicode white space), but without
/// stepping through characters when both ends are visible ASCII, as they nearly always are.
#[inline]
pub fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = s.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        s
    } else {
        s.trim()
    }
}

/// The first `n` characters of `s` (all of it when shorter).
pub fn prefix_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(at, _)| at);
    s.get(..end).unwrap_or(s)
}

/// The characters in `s`: its bytes that start one, that is all but the continuation bytes
/// (`0b10xx_xxxx`), counted eight at a time. (Same as `s.chars().count()`, whose optimised
/// version costs a kilobyte of wasm.)
pub fn char_count(s: &str) -> usize {
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut continuation = 0;
    for chunk in chunks.by_ref() {
        let v = chunk
            .iter()
            .rev()
            .fold(0u64, |v, &b| (v << 8) | u64::from(b));
        continuation += (v & !(v << 1) & HIGH).count_ones() as usize;
    }
    let rest = chunks.remainder().iter().filter(|&&b| b & 0xC0 == 0x80);
    s.len() - continuation - rest.count()
}

/// `s` split at its first `sep`, an ASCII byte, as `s.split_once(sep as char)`: a byte search,
/// not core's `char` searcher (whose code, with `split`, `find` and `rsplit` on chars, is about
/// 1.3 KB of wasm).
pub fn split_once_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    let at = s.bytes().position(|b| b == sep)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `s` read as `usize::from_str` reads it (an optional `+`, then one or more ASCII digits,
/// `None` above `usize::MAX`), without core's integer parser.
pub fn parse_usize(s: &str) -> Option<usize> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0usize, |n, b| {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n.checked_mul(10)?.checked_add(usize::from(d))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn split_once_byte_splits_as_split_once() {
        for s in [
            "",
            "a",
            ".",
            "a.b",
            "a.b.c",
            "é.ü",
            "..",
            "accounts[0].value",
        ] {
            for sep in [b'.', b'[', b'|'] {
                assert_eq!(
                    super::split_once_byte(s, sep),
                    s.split_once(sep as char),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn parse_usize_reads_as_from_str() {
        let max = usize::MAX.to_string();
        let over = format!("{max}0");
        let cases = [
            "",
            "+",
            "-",
            "0",
            "7",
            "+7",
            "-7",
            "007",
            "12a",
            " 1",
            "1 ",
            "1.0",
            "1e2",
            "++1",
            "٣",
            "4294967295",
            "4294967296",
            "18446744073709551615",
            "18446744073709551616",
        ];
        for s in cases.iter().copied().chain([max.as_str(), over.as_str()]) {
            assert_eq!(super::parse_usize(s), s.parse::<usize>().ok(), "{s:?}");
        }
    }

    #[test]
    fn char_count_counts_chars() {
        for s in [
            "",
            "abc",
            "é",
            "naïve café",
            "😀 x",
            "\u{FFFD}\u{0}",
            "0123456789abcdefé",
            "éééééééééééé😀😀😀x",
        ] {
            assert_eq!(super::char_count(s), s.chars().count(), "{s}");
        }
    }
}
