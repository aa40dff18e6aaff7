//! Field paths (`preservation.extensions[1].requestedOn`) and their place in form order.

use alloc::borrow::Cow;
use alloc::string::String;

/// Every field of contract §2 in form order; `[]` stands for any index.
pub const FORM_ORDER: &[&str] = &[
    "",
    "requestType",
    "requestingCountry",
    "requestedCountry",
    "submissionDate",
    "legalBasis",
    "legalBasis.instrument",
    "legalBasis.article",
    "authority",
    "authority.name",
    "authority.officer",
    "authority.email",
    "authority.phone",
    "case",
    "case.reference",
    "case.facts",
    "case.nexus",
    "case.offences",
    "case.offences[]",
    "case.offences[].name",
    "case.offences[].provision",
    "case.offences[].maxPenaltyYears",
    "provider",
    "provider.name",
    "provider.profile",
    "provider.legalEntity",
    "provider.country",
    "provider.userCountry",
    "accounts",
    "accounts[]",
    "accounts[].kind",
    "accounts[].value",
    "accounts[].timestamp",
    "accounts[].port",
    "data",
    "data.categories",
    "data.categories[]",
    "data.from",
    "data.to",
    "preservation",
    "preservation.status",
    "preservation.requestedOn",
    "preservation.confirmedOn",
    "preservation.reference",
    "preservation.periodDays",
    "preservation.proofAttached",
    "preservation.necessity",
    "preservation.marToFollow",
    "preservation.extensions",
    "preservation.extensions[]",
    "preservation.extensions[].requestedOn",
    "preservation.extensions[].reference",
    "preservation.extensions[].periodDays",
    "recordsLocation",
    "recordsLocation.country",
    "recordsLocation.confirmed",
    "recordsLocation.basis",
    "recordsLocation.note",
    "emergency",
    "emergency.active",
    "emergency.risk",
    "emergency.justification",
    "emergency.harmExpectedBy",
    "emergency.ongoing",
    "emergency.personAtRisk",
    "emergency.oral",
    "emergency.oralMadeOn",
    "emergency.writtenFollowUpOn",
    "notification",
    "notification.providerNotifies",
    "notification.requestNonDisclosure",
    "notification.reason",
    "notification.durationDays",
    "notification.basis",
    "csam",
    "csam.likely",
    "csam.declared",
    "csam.handlingProtocol",
    "csam.importPermitRef",
    "csam.ncmecReports",
    "csam.ncmecReports[]",
];

/// Whether `path` is a path of the model (contract §2): `""`, a field, or a row or a field of a
/// row of a list (`accounts[2].value`).
pub fn is_model_path(path: &str) -> bool {
    let (r, row, leaf) = order_key(path);
    let known = |rank: usize| rank < FORM_ORDER.len();
    known(r) && known(leaf) && row != usize::MAX
}

/// A field path as findings carry it.
pub type Field = Cow<'static, str>;

/// `base[i]` or `base[i].leaf` (`leaf` may be empty).
pub fn indexed(base: &str, i: usize, leaf: &str) -> Field {
    let mut s = String::with_capacity(base.len() + leaf.len() + 6);
    s.push_str(base);
    s.push('[');
    crate::messages::push_int(&mut s, i as i64);
    s.push(']');
    if !leaf.is_empty() {
        s.push('.');
        s.push_str(leaf);
    }
    Cow::Owned(s)
}

/// The place in [`FORM_ORDER`] of the path written as `parts` one after the other (no text is
/// built): paths of another length are passed over by one comparison of lengths.
fn rank(parts: [&str; 3]) -> usize {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let is = |p: &&str| {
        p.len() == len
            && parts
                .iter()
                .try_fold(*p, |rest, part| rest.strip_prefix(part))
                .is_some()
    };
    FORM_ORDER.iter().position(is).unwrap_or(FORM_ORDER.len())
}

/// A key that sorts paths in form order: rows of a list in their order, each row's fields in
/// form order, right after the list itself.
pub fn order_key(path: &str) -> (usize, usize, usize) {
    let Some(open) = path.bytes().position(|b| b == b'[') else {
        let r = rank([path, "", ""]);
        return (r, 0, r);
    };
    let close = path
        .get(open..)
        .and_then(|s| s.bytes().position(|b| b == b']'))
        .map_or(path.len(), |c| open + c);
    let index = path
        .get(open + 1..close)
        .unwrap_or("")
        .bytes()
        .try_fold(0usize, |n, c| {
            c.is_ascii_digit()
                .then(|| n.saturating_mul(10).saturating_add(usize::from(c - b'0')))
        });
    let index = index.unwrap_or(usize::MAX - 1);
    let base = path.get(..open).unwrap_or("");
    let leaf = path.get(close + 1..).unwrap_or("");
    (
        rank([base, "", ""]),
        index.saturating_add(1),
        rank([base, "[]", leaf]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_in_form_order() {
        let mut paths = vec![
            "csam.declared",
            "accounts[1].kind",
            "preservation.extensions",
            "accounts[0].value",
            "preservation.extensions[0].requestedOn",
            "accounts",
            "requestingCountry",
            "",
            "accounts[0].timestamp",
            "accounts[10].kind",
            "accounts[2].kind",
            "preservation.confirmedOn",
        ];
        paths.sort_by_key(|p| order_key(p));
        assert_eq!(
            paths,
            [
                "",
                "requestingCountry",
                "accounts",
                "accounts[0].value",
                "accounts[0].timestamp",
                "accounts[1].kind",
                "accounts[2].kind",
                "accounts[10].kind",
                "preservation.confirmedOn",
                "preservation.extensions",
                "preservation.extensions[0].requestedOn",
                "csam.declared",
            ]
        );
    }

    #[test]
    fn knows_the_model_paths() {
        for p in [
            "",
            "accounts",
            "accounts[3].value",
            "legalBasis.instrument",
            "csam.ncmecReports[0]",
        ] {
            assert!(is_model_path(p), "{p}");
        }
        for p in [
            "account",
            "accounts[x].value",
            "accounts.value",
            "accounts[1].nope",
            "a b",
            "legalBasis.",
        ] {
            assert!(!is_model_path(p), "{p}");
        }
    }

    #[test]
    fn builds_indexed_paths() {
        assert_eq!(
            indexed("preservation.extensions", 1, "requestedOn"),
            "preservation.extensions[1].requestedOn"
        );
        assert_eq!(indexed("csam.ncmecReports", 0, ""), "csam.ncmecReports[0]");
    }
}
