use crate::rule::{Hit, Param, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when more extensions count than the provider grants (the profile's
    /// `maxExtensions`), or when the initial period plus the counted extensions go beyond a
    /// ceiling on the whole preservation that the profile (`maxTotalDays`) or the portal
    /// (`options.preservation.maxTotalDays`) sets. No ceiling is assumed when none is set.
    ///
    /// ## Why
    /// The handbook says to keep extending until the material arrives (§2.7), so there is no
    /// general maximum. But some providers publish one: TikTok "may not honour multiple extension
    /// requests beyond one additional 90-day period"; Snap speaks of one additional 90-day
    /// period. Past it the data is safe only if the MAR is executed first.
    ///
    /// ## Example
    /// TikTok, preserved on 2026-06-01, with two counted extensions:
    /// ```json
    /// { "provider": { "profile": "tiktok" }, "preservation": { "confirmedOn": "2026-06-01", "extensions": [{ "requestedOn": "2026-08-20" }, { "requestedOn": "2026-11-20" }] } }
    /// ```
    PRES009 {
        area: "preservation",
        severity: Warning,
        field: "preservation.extensions",
        applies_to: [M, P, S],
        source: source::PROVIDER_GUIDELINES,
        params: ["variant", "days", "max", "extensions", "provider"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(w) = &cx.facts.window else { return };
    let counted = w.counted().count() as i64;
    let field = if counted > 0 {
        "preservation.extensions"
    } else {
        "preservation.periodDays"
    };
    let provider = || {
        Param::Text(
            (cx.facts.selected_profile)
                .and_then(|p| p.name.clone())
                .unwrap_or_default(),
        )
    };
    let max_extensions = cx.facts.selected_profile.and_then(|p| p.max_extensions);
    if let Some(max) = max_extensions.filter(|&m| counted > i64::from(m)) {
        out.push(
            RULE.meta
                .hit_at(field)
                .with("variant", Param::Term("extensions"))
                .with("extensions", Param::Int(counted))
                .with("max", Param::Int(i64::from(max)))
                .with("provider", provider()),
        );
    } else if let Some(max) = cx.facts.max_total_days.filter(|&m| w.total_days > m) {
        out.push(
            RULE.meta
                .hit_at(field)
                .with("variant", Param::Term("days"))
                .with("days", Param::Int(w.total_days))
                .with("max", Param::Int(max)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    const TWO: &str = r#""preservation":{"confirmedOn":"2026-09-23","extensions":[{"requestedOn":"2026-11-01"},{"requestedOn":"2026-11-20"}]}"#;

    #[test]
    fn pass() {
        // No ceiling is assumed: the handbook says to keep extending.
        quiet(&RULE, &format!("{{{TWO}}}"));
        // Meta publishes no limit on extensions: two counted extensions (270 days) are fine.
        quiet(&RULE, &format!(r#"{{"provider":{{"profile":"meta"}},{TWO}}}"#));
        // TikTok's one extension.
        quiet(
            &RULE,
            r#"{"provider":{"profile":"tiktok"},"preservation":{"confirmedOn":"2026-09-23","extensions":[{"requestedOn":"2026-11-01"}]}}"#,
        );
        // An uncounted extension does not add.
        quiet_with(
            &RULE,
            r#"{"preservation":{"confirmedOn":"2026-06-01","periodDays":150,"extensions":[{"requestedOn":"2026-12-20"}]}}"#,
            r#"{"preservation":{"maxTotalDays":180}}"#,
        );
    }

    #[test]
    fn fail() {
        fires(
            &RULE,
            "preservation.extensions",
            &format!(r#"{{"provider":{{"profile":"tiktok"}},{TWO}}}"#),
        );
        fires(
            &RULE,
            "preservation.extensions",
            &format!(r#"{{"provider":{{"profile":"snap"}},{TWO}}}"#),
        );
        // A ceiling the portal sets.
        fires_with(
            &RULE,
            "preservation.periodDays",
            r#"{"preservation":{"confirmedOn":"2026-06-01","periodDays":181}}"#,
            r#"{"preservation":{"maxTotalDays":180}}"#,
        );
        fires_with(
            &RULE,
            "preservation.extensions",
            r#"{"preservation":{"confirmedOn":"2026-06-01","extensions":[{"requestedOn":"2026-08-20"}]}}"#,
            r#"{"preservation":{"maxTotalDays":179}}"#,
        );
    }
}
