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

/// IPv4 in dotted decimal (no leading zeros), or IPv6 (with `::` and an IPv4 tail): what
/// `core::net` reads.
pub fn is_ip(s: &str) -> bool {
    s.parse::<core::net::IpAddr>().is_ok()
}

pub fn is_ipv4(s: &str) -> bool {
    s.parse::<core::net::Ipv4Addr>().is_ok()
}

pub fn is_ipv6(s: &str) -> bool {
    s.parse::<core::net::Ipv6Addr>().is_ok()
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
