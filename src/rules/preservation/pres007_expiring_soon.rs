use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns while the preservation is still in force but expires within
    /// `max(preservation.expiryWarningDays, profile.extensionLeadDays)` days (default 30): ask for an
    /// extension now.
    ///
    /// ## Why
    /// The agency is responsible for keeping preservation alive until the material arrives
    /// (Handbook §2.7), and some providers want extensions asked well before expiry (X: at least 7
    /// days, separately).
    ///
    /// ## Example
    /// ```json
    /// { "preservation": { "confirmedOn": "2026-09-01", "periodDays": 90 } }
    /// ```
    /// On 2026-10-31 (30 days left) it warns; on 2026-10-30 (31 days left) it does not.
    PRES007 {
        area: "preservation",
        severity: Warning,
        field: "preservation.extensions",
        applies_to: [M, P, S],
        source: source::HANDBOOK_2_7,
        params: ["days", "expiresOn"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    if let Some(w) = cx
        .facts
        .window
        .as_ref()
        .filter(|w| !w.lapsed && w.days_left <= w.warning_days)
    {
        out.push(
            RULE.meta.hit()
                .with("days", Param::Int(w.days_left))
                .with("expiresOn", Param::Date(w.expires_on)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    const SEPT_1: &str =
        r#"{"preservation":{"status":"preserved","confirmedOn":"2026-09-01","periodDays":90}}"#;

    #[test]
    fn pass() {
        quiet_with(&RULE, SEPT_1, r#"{"asOf":"2026-10-30"}"#); // 31 days left
        quiet_with(&RULE, SEPT_1, r#"{"asOf":"2026-11-30"}"#); // lapsed: PRES006 instead
    }

    #[test]
    fn fail() {
        fires_with(&RULE,
            "preservation.extensions",
            SEPT_1,
            r#"{"asOf":"2026-10-31"}"#,
        ); // 30 days left
        fires_with(&RULE,
            "preservation.extensions",
            SEPT_1,
            r#"{"asOf":"2026-11-29"}"#,
        ); // 1 day left
        fires_with(&RULE,
            "preservation.extensions",
            SEPT_1,
            r#"{"asOf":"2026-10-21","preservation":{"expiryWarningDays":40}}"#,
        );
    }

    #[test]
    fn the_profile_lead_time_widens_the_window() {
        let form = r#"{"provider":{"profile":"lead45"},"preservation":{"confirmedOn":"2026-09-01","periodDays":90}}"#;
        let opts = |as_of| {
            format!(r#"{{"asOf":"{as_of}","providers":{{"lead45":{{"extensionLeadDays":45}}}}}}"#)
        };
        fires_with(&RULE,
            "preservation.extensions",
            form,
            &opts("2026-10-16"),
        ); // 45 left
        quiet_with(&RULE, form, &opts("2026-10-15")); // 46 left
    }
}
