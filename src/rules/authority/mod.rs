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

/// Second-level labels under which a country code sells names to the public (`yahoo.co.uk`,
/// `hotmail.com.au`).
const PUBLIC_SECOND_LEVELS: &[&str] = &["co", "com", "net", "org", "ne", "or"];

/// The webmail service of `domain`, if it is one. The service's name must be the registered
/// name itself — `gmail.com`, `yahoo.co.uk`, `hotmail.com.au` — not any label of a longer
/// domain, so an office such as `pm.gov.fj` (`pm` is also Proton's short domain) or
/// `live.police.uk` is never taken for webmail.
pub fn webmail(domain: &str) -> Option<&'static str> {
    let dots = domain.bytes().rev().take_while(|&b| b == b'.').count();
    let d = domain.get(..domain.len() - dots).unwrap_or(domain);
    if let Some(w) = WEBMAIL_DOMAINS.iter().find(|w| d.eq_ignore_ascii_case(w)) {
        return Some(w);
    }
    let (first, rest) = crate::rules::identifiers::split_at_byte(d, b'.', false)?;
    let registered = match crate::rules::identifiers::split_at_byte(rest, b'.', false) {
        None => true,
        Some((second, top)) => {
            top.len() == 2
                && PUBLIC_SECOND_LEVELS
                    .iter()
                    .any(|p| second.eq_ignore_ascii_case(p))
        }
    };
    if !registered {
        return None;
    }
    WEBMAIL
        .iter()
        .find(|w| first.eq_ignore_ascii_case(w))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::webmail;

    #[test]
    fn webmail_is_the_registered_name_not_any_label() {
        for (domain, service) in [
            ("gmail.com", Some("gmail")),
            ("Yahoo.co.uk", Some("yahoo")),
            ("hotmail.com.au", Some("hotmail")),
            ("pm.me", Some("pm")),
            ("mail.ru", Some("mail.ru")),
            ("gmx.de.", Some("gmx")),
            ("pm.gov.fj", None),
            ("live.police.uk", None),
            ("gmail.police.gov.fj", None),
            ("police.gov.fj", None),
            ("com", None),
        ] {
            assert_eq!(webmail(domain), service, "{domain}");
        }
    }
}
