use crate::form::AccountKind;

// These run on every keystroke over every identifier, so they look at bytes: every character
// they split at or test is ASCII, and the bytes of any other character are all 0x80 or more.
// (A `char` or `&str` pattern would also carry panic paths that bring the formatting machinery
// into the wasm build.)

/// `s` before and after the first (`last`: the last) `sep`, an ASCII byte.
pub(crate) fn split_at_byte(s: &str, sep: u8, last: bool) -> Option<(&str, &str)> {
    let bytes = s.as_bytes();
    let at = if last {
        bytes.iter().rposition(|&b| b == sep)
    } else {
        bytes.iter().position(|&b| b == sep)
    }?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// `char::is_whitespace` of any character of `s`.
fn has_white_space(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes()
            .any(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
    } else {
        s.chars().any(char::is_whitespace)
    }
}

/// The domain of a well-formed email address (`local@domain.tld`), else `None`.
pub fn email_domain(s: &str) -> Option<&str> {
    let (local, domain) = split_at_byte(s, b'@', true)?;
    if local.is_empty() || local.len() > 64 || s.len() > 254 || local.bytes().any(|b| b == b'@') {
        return None;
    }
    let forbidden = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '\\' | '"'
            )
    };
    let bad = if local.is_ascii() {
        local.bytes().any(|b| forbidden(char::from(b)))
    } else {
        local.chars().any(forbidden)
    };
    if bad {
        return None;
    }
    is_domain(domain).then_some(domain)
}

/// A host name of two labels or more, each 1–63 letters, digits or hyphens (not at an end;
/// any non-ASCII character counts as a letter, for internationalised names),
/// and a top-level label that is not all digits.
pub fn is_domain(d: &str) -> bool {
    let d = d.as_bytes();
    let d = d.strip_suffix(b".").unwrap_or(d);
    let (mut labels, mut top): (_, &[u8]) = (0, &[]);
    for l in d.split(|&b| b == b'.') {
        let ok = !l.is_empty()
            && l.len() <= 63
            && l.first() != Some(&b'-')
            && l.last() != Some(&b'-')
            && l.iter()
                .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || !b.is_ascii());
        if !ok {
            return false;
        }
        labels += 1;
        top = l;
    }
    labels >= 2 && d.len() <= 253 && !top.iter().all(u8::is_ascii_digit)
}

/// E.164 after dropping spaces, hyphens, dots and parentheses: `+` and 8–15 digits, not `+0`.
pub fn is_e164(s: &str) -> bool {
    let mut digits = 0;
    let mut chars = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'));
    if chars.next() != Some('+') {
        return false;
    }
    for (i, c) in chars.enumerate() {
        if !c.is_ascii_digit() || (i == 0 && c == '0') {
            return false;
        }
        digits += 1;
    }
    (8..=15).contains(&digits)
}

/// An `http` or `https` URL with a host (a domain, `localhost`, or an IP address).
pub fn is_url(s: &str) -> bool {
    if has_white_space(s) {
        return false;
    }
    let lower_scheme = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let rest = if lower_scheme("https://") {
        s.get(8..)
    } else if lower_scheme("http://") {
        s.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else { return false };
    let end = (rest.bytes()).position(|b| matches!(b, b'/' | b'?' | b'#'));
    let authority = end.and_then(|e| rest.get(..e)).unwrap_or(rest);
    let host_port = split_at_byte(authority, b'@', true).map_or(authority, |(_, h)| h);
    if let Some(v6) = host_port.strip_prefix("[") {
        return split_at_byte(v6, b']', false).is_some_and(|(ip, _)| is_ipv6(ip));
    }
    let host = split_at_byte(host_port, b':', false).map_or(host_port, |(h, port)| {
        if port.is_empty() || !port.bytes().all(|c| c.is_ascii_digit()) {
            ""
        } else {
            h
        }
    });
    host.eq_ignore_ascii_case("localhost") || is_domain(host) || is_ipv4(host)
}

/// IPv4 in dotted decimal (no leading zeros), or IPv6 (with `::` and an IPv4 tail): exactly
/// what `core::net::IpAddr`'s `FromStr` reads (a test compares them on many strings). Written
/// out here because core's parser is ~3.5 KB of wasm and this ~0.9 KB (README).
pub fn is_ip(s: &str) -> bool {
    is_ipv4(s) || is_ipv6(s)
}

/// What `core::net::Ipv4Addr`'s `FromStr` reads: four decimal octets 0–255 joined by `.`, each
/// of 1–3 ASCII digits, with no leading `0` unless the octet is `0`.
pub fn is_ipv4(s: &str) -> bool {
    let mut p = Ip {
        s: s.as_bytes(),
        at: 0,
    };
    p.ipv4() && p.at == s.len()
}

/// What `core::net::Ipv6Addr`'s `FromStr` reads (RFC 4291 §2.2's text forms): eight groups of
/// 1–4 hex digits joined by `:`, one `::` standing for one or more zero groups, and the last two
/// groups optionally a dotted IPv4 address (after the `::` if there is one).
pub fn is_ipv6(s: &str) -> bool {
    let mut p = Ip {
        s: s.as_bytes(),
        at: 0,
    };
    let (head, v4) = p.groups(8);
    if head < 8 {
        if v4 || !(p.byte(b':') && p.byte(b':')) {
            return false;
        }
        p.groups(7 - head);
    }
    p.at == s.len()
}

/// core::net's parser, step for step, for the answer only: each reader either advances past
/// what it read and says `true`, or leaves `at` where it was.
struct Ip<'a> {
    s: &'a [u8],
    at: usize,
}

impl Ip<'_> {
    fn byte(&mut self, b: u8) -> bool {
        let ok = self.s.get(self.at) == Some(&b);
        self.at += usize::from(ok);
        ok
    }

    /// A decimal octet (0–255, no leading zero) or a hex group (1–4 digits, zeros allowed).
    fn number(&mut self, hex: bool) -> bool {
        let start = self.at;
        let mut value = 0u32;
        while let Some(&c) = self.s.get(self.at) {
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' | b'A'..=b'F' if hex => 10,
                _ => break,
            };
            value = value.saturating_mul(10).saturating_add(u32::from(d));
            self.at += 1;
        }
        let digits = self.at - start;
        let ok = if hex {
            (1..=4).contains(&digits)
        } else {
            (1..=3).contains(&digits)
                && value <= 255
                && (digits == 1 || self.s.get(start) != Some(&b'0'))
        };
        if !ok {
            self.at = start;
        }
        ok
    }

    fn ipv4(&mut self) -> bool {
        let start = self.at;
        let ok = (0..4).all(|i| (i == 0 || self.byte(b'.')) && self.number(false));
        if !ok {
            self.at = start;
        }
        ok
    }

    /// Up to `limit` groups, the first without a `:` before it; an IPv4 address counts as two
    /// groups and ends the run (where two are left). The groups read, and whether IPv4 ended it.
    fn groups(&mut self, limit: usize) -> (usize, bool) {
        for i in 0..limit {
            let start = self.at;
            if i + 1 < limit && (i == 0 || self.byte(b':')) && self.ipv4() {
                return (i + 2, true);
            }
            self.at = start;
            if !((i == 0 || self.byte(b':')) && self.number(true)) {
                self.at = start;
                return (i, false);
            }
        }
        (limit, false)
    }
}

/// Whether `value` is well formed for `kind`. The contract checks emails, phones, URLs and IP
/// addresses; a username or user id is whatever the service says it is.
pub fn well_formed(kind: AccountKind, value: &str) -> bool {
    match kind {
        AccountKind::Email => email_domain(value).is_some(),
        AccountKind::Phone => is_e164(value),
        AccountKind::Url => is_url(value),
        AccountKind::Ip => is_ip(value),
        AccountKind::Username | AccountKind::UserId => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first, char-based versions: the byte-based ones must agree with them everywhere.
    mod reference {
        pub fn email_domain(s: &str) -> Option<&str> {
            let (local, domain) = s.rsplit_once(['@'])?;
            if local.is_empty() || local.len() > 64 || s.len() > 254 || local.contains(['@']) {
                return None;
            }
            if local.chars().any(|c| {
                c.is_whitespace()
                    || c.is_control()
                    || matches!(
                        c,
                        '<' | '>' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '\\' | '"'
                    )
            }) {
                return None;
            }
            is_domain(domain).then_some(domain)
        }

        pub fn is_domain(d: &str) -> bool {
            let d = d.strip_suffix('.').unwrap_or(d);
            let (mut labels, mut top) = (0, "");
            for l in d.split(['.']) {
                let ok = !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || !c.is_ascii());
                if !ok {
                    return false;
                }
                labels += 1;
                top = l;
            }
            labels >= 2 && d.len() <= 253 && !top.chars().all(|c| c.is_ascii_digit())
        }

        pub fn is_url(s: &str) -> bool {
            if s.chars().any(char::is_whitespace) {
                return false;
            }
            let lower_scheme =
                |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
            let rest = if lower_scheme("https://") {
                s.get(8..)
            } else if lower_scheme("http://") {
                s.get(7..)
            } else {
                None
            };
            let Some(rest) = rest else { return false };
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host_port = authority.rsplit_once(['@']).map_or(authority, |(_, h)| h);
            if let Some(v6) = host_port.strip_prefix('[') {
                return v6
                    .split_once([']'])
                    .is_some_and(|(ip, _)| super::is_ipv6(ip));
            }
            let host = host_port.split_once([':']).map_or(host_port, |(h, port)| {
                if port.is_empty() || !port.chars().all(|c| c.is_ascii_digit()) {
                    ""
                } else {
                    h
                }
            });
            host.eq_ignore_ascii_case("localhost") || is_domain(host) || super::is_ipv4(host)
        }
    }

    #[test]
    fn byte_checks_agree_with_char_checks() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "0",
            "9",
            "-",
            ".",
            "@",
            ":",
            "/",
            "?",
            "#",
            "[",
            "]",
            " ",
            "\t",
            "\u{b}",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "\u{2003}",
            "ü",
            "é",
            "<",
            "\\",
            "\"",
            "http://",
            "https://",
            "HTTP://",
            "gmail",
            "mail.ru",
            "localhost",
            "::1",
            "1.2.3.4",
            "x.org",
            "😀",
            "\u{1}",
            "_",
            ",",
        ];
        let mut seed = 12345u32;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 8) as usize % n
        };
        for _ in 0..200_000 {
            let s: String = (0..1 + next(9))
                .map(|_| PIECES[next(PIECES.len())])
                .collect();
            assert_eq!(email_domain(&s), reference::email_domain(&s), "{s:?}");
            assert_eq!(is_domain(&s), reference::is_domain(&s), "{s:?}");
            assert_eq!(is_url(&s), reference::is_url(&s), "{s:?}");
        }
    }

    /// The IP readers against `core::net`'s, which they replace.
    fn same_as_core(s: &str) {
        use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
        assert_eq!(is_ipv4(s), s.parse::<Ipv4Addr>().is_ok(), "IPv4 {s:?}");
        assert_eq!(is_ipv6(s), s.parse::<Ipv6Addr>().is_ok(), "IPv6 {s:?}");
        assert_eq!(is_ip(s), s.parse::<IpAddr>().is_ok(), "IP {s:?}");
    }

    /// Every string of up to 7 characters over digits, hex letters, a non-hex letter, `:`, `.`.
    #[test]
    fn ip_readers_agree_with_core_on_every_short_string() {
        const ALPHABET: &[u8] = b"019aF:.g";
        fn walk(s: &mut Vec<u8>, left: usize) {
            same_as_core(core::str::from_utf8(s).unwrap());
            if left > 0 {
                for &c in ALPHABET {
                    s.push(c);
                    walk(s, left - 1);
                    s.pop();
                }
            }
        }
        walk(&mut Vec::new(), 7);
        for s in [
            "1.2.3.4",
            "255.255.255.255",
            "256.1.1.1",
            "1.2.3.04",
            "0.0.0.0",
            "00.0.0.0",
            "1.2.3.",
            ".1.2.3",
            "1.2.3.4 ",
            "1.2.3.4\0",
            "1.2.3.1234",
            "1.2.3.999",
            "::",
            ":::",
            "::1",
            "1::",
            "::ffff:1.2.3.4",
            "::1.2.3.4",
            "1::1.2.3.4",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1:2:3:4:5:1.2.3.4",
            "1:2:3:4:5::1.2.3.4",
            "1:2:3:4:5:6::1.2.3.4",
            "1.2.3.4::",
            "1.2.3.4::1",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7",
            "::1:2:3:4:5:6:7:8",
            "1::2:3:4:5:6:7",
            "1::2:3:4:5:6:7:8",
            "ffff::FFFF",
            "0000::00000",
            "fffff::",
            "1:::2",
            "1::2::3",
            ":1::",
            "::1:",
            "1:2",
            "[::1]",
            "::ffff:01.2.3.4",
            "::1.2.3.4.5",
            "::1.2.3",
            "1:2:3:4:5:6:7:8.1.2.3",
            "\u{663}.1.1.1",
            "１.1.1.1",
            "99999999999999999999.1.1.1",
            "::ffffffffffffffffffffffffffff",
        ] {
            same_as_core(s);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]
        /// Near-valid strings: runs of decimal and hex digits (leading zeros, too many digits),
        /// `.`, `:`, `::` and IPv4 tails in any order.
        #[test]
        fn ip_readers_agree_with_core_on_near_valid_strings(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    "[0-9]{1,4}",
                    "(0|[1-9][0-9]?|1[0-9][0-9]|2[0-5][0-9])",
                    "[0-9a-fA-F]{1,5}",
                    proptest::prelude::Just(".".to_string()),
                    proptest::prelude::Just(":".to_string()),
                    proptest::prelude::Just("::".to_string()),
                    r"(0|[1-9][0-9]?|1[0-9][0-9]|2[0-5][0-9])(\.(0|[1-9][0-9]?|1[0-9][0-9]|2[0-5][0-9])){3}",
                    r"[g-zG-Z \[\]%/]",
                ],
                0..18,
            ),
        ) {
            same_as_core(&pieces.concat());
        }

        /// Valid addresses as core writes them (with `::` and IPv4-mapped tails), and each with
        /// one character inserted, deleted or replaced.
        #[test]
        fn ip_readers_agree_with_core_on_valid_addresses_and_one_edit_away(
            groups in proptest::prelude::any::<[u16; 8]>(),
            zeros in 0usize..8,
            run in 0usize..8,
            v4 in proptest::prelude::any::<[u8; 4]>(),
            at in proptest::prelude::any::<usize>(),
            edit in 0u8..3,
            c in proptest::sample::select(&b":.09fg"[..]),
        ) {
            let mut g = groups;
            for x in g.iter_mut().skip(zeros).take(run) {
                *x = 0;
            }
            let v4 = core::net::Ipv4Addr::from(v4);
            for text in [
                core::net::Ipv6Addr::from(g).to_string(),
                v4.to_string(),
                v4.to_ipv6_mapped().to_string(),
                alloc::format!("{:x}:{:x}::{v4}", g[0], g[1]),
                alloc::format!("{:04x}:{:x}:{:x}:{:x}:{:x}:{:x}:{v4}", g[0], g[1], g[2], g[3], g[4], g[5]),
            ] {
                same_as_core(&text);
                let mut b = text.into_bytes();
                let i = at % (b.len() + 1);
                match edit {
                    0 => b.insert(i, c),
                    1 if i < b.len() => {
                        b.remove(i);
                    }
                    _ if i < b.len() => b[i] = c,
                    _ => b.push(c),
                }
                same_as_core(core::str::from_utf8(&b).unwrap());
            }
        }
    }

    #[test]
    fn vectors() {
        for (kind, good, bad) in [
            (
                AccountKind::Email,
                &["a@b.co", "first.last+tag@police.gov.fj", "ü@bücher.de"][..],
                &[
                    "a@b", "a b@c.de", "@c.de", "a@", "a@-b.com", "a@b..com", "a@1.2",
                ][..],
            ),
            (
                AccountKind::Phone,
                &[
                    "+679 334-3777",
                    "+1 (202) 555-0100",
                    "+4915112345678",
                    "+61.412.345.678",
                ],
                &[
                    "0412 345 678",
                    "+0 123 456 789",
                    "+1234567",
                    "+1234567890123456",
                    "+61 4x2 345 678",
                    "61412345678",
                ],
            ),
            (
                AccountKind::Url,
                &[
                    "https://www.facebook.com/some.user",
                    "http://example.org",
                    "HTTPS://x.com:8443/a?b#c",
                    "http://[2001:db8::1]/x",
                    "http://127.0.0.1/",
                ],
                &[
                    "www.facebook.com/user",
                    "ftp://x.org",
                    "https://",
                    "https:///path",
                    "https://a b.com",
                    "http://x.com:port/",
                ],
            ),
            (
                AccountKind::Ip,
                &[
                    "203.0.113.7",
                    "0.0.0.0",
                    "2001:db8::1",
                    "::1",
                    "::",
                    "1::",
                    "::ffff:192.0.2.1",
                    "2001:0db8:0000:0000:0000:ff00:0042:8329",
                    "64:ff9b::192.0.2.33",
                    "1:2:3:4:5:6:7::",
                ],
                &[
                    "203.0.113.256",
                    "1.2.3",
                    "1.2.3.4.5",
                    "01.2.3.4",
                    "1..2.3",
                    "2001:db8:::1",
                    "host",
                    "1:2:3:4:5:6:7:8:9",
                    "1:2:3:4:5:6:7",
                    "12345::",
                    "::1::",
                    "1::2::3",
                    "::ffff:999.0.2.1",
                    "g::1",
                    "",
                ],
            ),
            (
                AccountKind::Username,
                &["@some_user", "some.user", "Some User"],
                &[],
            ),
            (AccountKind::UserId, &["100004567890", "1000 4567"], &[]),
        ] {
            for g in good {
                assert!(well_formed(kind, g), "{kind:?} {g} should be well formed");
            }
            for b in bad {
                assert!(!well_formed(kind, b), "{kind:?} {b} should be malformed");
            }
        }
    }
}
