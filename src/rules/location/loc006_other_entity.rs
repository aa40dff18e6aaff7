use crate::rule::{Hit, Param};
use crate::rules::Ctx;
use alloc::string::ToString;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the provider's profile names, for the account holder's country
    /// (`provider.userCountry`, else `requestingCountry`), an entity in another country than the
    /// one the MAR goes to: `recordsLocation.country`, or `requestedCountry` when that is empty.
    /// The message names the entity and its country.
    ///
    /// ## Why
    /// The records' "location" that decides where a MAR goes is the entity that holds them and
    /// answers legal process (Handbook §2.6; 18 U.S.C. §2713). TikTok: "requests must be
    /// addressed to the correct TikTok entity … based on the location of the relevant user" —
    /// TikTok Pte. Ltd., Singapore, for users outside the US, UK, EEA and Switzerland, which is
    /// most Pacific users. A MAR from Fiji to the US for a Fiji user's TikTok records goes to the
    /// wrong country.
    ///
    /// ## Example
    /// ```json
    /// { "requestingCountry": "FJ", "requestedCountry": "US", "provider": { "profile": "tiktok", "userCountry": "FJ" } }
    /// ```
    LOC006 {
        area: "location",
        severity: Warning,
        field: "recordsLocation.country",
        applies_to: [M, P],
        source: "Providers' law enforcement guidelines (TikTok: the entity for the user's location); Handbook §2.6",
        params: ["entity", "entityCountry", "country"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(entity) = cx.facts.provider_entity else { return };
    let f = cx.form;
    let (target, field) = match (f.records_location.country, f.requested_country) {
        (Some(c), _) => (c, "recordsLocation.country"),
        (None, Some(c)) => (c, "requestedCountry"),
        (None, None) => return,
    };
    if entity.country != target {
        out.push(
            RULE.meta
                .hit_at(field)
                .with("entity", Param::Text(entity.legal_entity.clone()))
                .with("entityCountry", Param::Text(entity.country.as_str().to_string()))
                .with("country", Param::Text(target.as_str().to_string())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    fn tiktok(user: &str, requested: &str, records: &str) -> String {
        format!(
            r#"{{"requestingCountry":"FJ","requestedCountry":"{requested}","provider":{{"profile":"tiktok","userCountry":"{user}"}},"recordsLocation":{{"country":"{records}"}}}}"#
        )
    }

    #[test]
    fn the_entity_table() {
        // (user's country, where the MAR goes, fires?)
        for (user, to, fires_at) in [
            ("FJ", "SG", None),
            ("FJ", "US", Some("recordsLocation.country")),
            ("US", "US", None),
            ("US", "SG", Some("recordsLocation.country")),
            ("GB", "GB", None),
            ("FR", "IE", None),
            ("CH", "IE", None),
            ("FR", "US", Some("recordsLocation.country")),
            ("AU", "SG", None),
        ] {
            let form = tiktok(user, to, to);
            match fires_at {
                Some(at) => fires(&RULE, at, &form),
                None => quiet(&RULE, &form),
            }
        }
    }

    #[test]
    fn pass() {
        // A profile that names no entities (Microsoft: not verified) says nothing.
        quiet(&RULE, r#"{"requestingCountry":"FJ","requestedCountry":"US","provider":{"profile":"microsoft"}}"#);
        // No profile selected: us_default names no entity.
        quiet(&RULE, r#"{"requestingCountry":"FJ","requestedCountry":"SG"}"#);
        // Nowhere to compare.
        quiet(&RULE, r#"{"requestingCountry":"FJ","provider":{"profile":"tiktok"}}"#);
        // A preservation goes to the provider, not a country.
        quiet(&RULE, r#"{"requestType":"preservation_only","requestingCountry":"FJ","requestedCountry":"US","provider":{"profile":"tiktok"}}"#);
    }

    #[test]
    fn fail() {
        // The user's country defaults to the requesting country; the field falls back to requestedCountry.
        fires(&RULE, "requestedCountry", r#"{"requestingCountry":"FJ","requestedCountry":"US","provider":{"profile":"tiktok"}}"#);
        let r = run(&tiktok("FJ", "US", "US"), "");
        let f = r.findings.iter().find(|f| f.code == "LOC006").unwrap();
        assert!(f.message.contains("TikTok Pte."), "{}", f.message);
        assert!(f.message.contains("SG"), "{}", f.message);
        let e = r.facts.provider_entity.unwrap();
        assert_eq!((e.legal_entity.as_str(), e.country), ("TikTok Pte. Limited", "SG"));
    }
}
