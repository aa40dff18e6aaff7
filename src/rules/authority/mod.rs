pub mod auth001_authority_missing;
pub mod auth002_unofficial_email;

/// Free webmail services: an address there is no proof of office (data, not branches).
pub const WEBMAIL: &[&str] = &[
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "outlook",
    "hotmail",
    "live",
    "msn",
    "icloud",
    "proton",
    "protonmail",
    "pm",
    "gmx",
    "yandex",
    "aol",
    "qq",
    "163",
];

/// Whole domains that are webmail although their first label is generic.
pub const WEBMAIL_DOMAINS: &[&str] = &["mail.ru", "me.com", "mac.com"];

/// The webmail service of `domain`, if it is one: its first label, or the whole domain.
pub fn webmail(domain: &str) -> Option<&'static str> {
    let dots = domain.bytes().rev().take_while(|&b| b == b'.').count();
    let d = domain.get(..domain.len() - dots).unwrap_or(domain);
    if let Some(w) = WEBMAIL_DOMAINS.iter().find(|w| d.eq_ignore_ascii_case(w)) {
        return Some(w);
    }
    let first = crate::rules::identifiers::split_at_byte(d, b'.', false).map_or(d, |(f, _)| f);
    WEBMAIL
        .iter()
        .find(|w| first.eq_ignore_ascii_case(w))
        .copied()
}
