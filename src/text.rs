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

#[cfg(test)]
mod tests {
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
