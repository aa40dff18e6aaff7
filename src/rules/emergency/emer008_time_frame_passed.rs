use crate::rule::{Hit, Param, source};
use crate::rules::Ctx;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the time by which harm was expected is before today and the danger is not
    /// said to be `ongoing`.
    ///
    /// ## Why
    /// An emergency is justified by its imminence (Handbook §2.8). If the time has passed, either
    /// the danger continues — an abduction, a missing child: say it is ongoing — or it is over,
    /// and the standard process applies.
    ///
    /// ## Example
    /// ```json
    /// { "requestType": "emergency_disclosure", "emergency": { "risk": "death", "harmExpectedBy": "2026-11-28T18:00:00+12:00" } }
    /// ```
    EMER008 {
        area: "emergency",
        severity: Warning,
        field: "emergency.harmExpectedBy",
        applies_to: [M, P, S, E],
        source: source::HANDBOOK_2_8,
        params: ["date", "today"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let e = &cx.form.emergency;
    let today = cx.facts.today;
    let Some(t) = e.harm_expected_by else { return };
    if cx.facts.emergency_applies(cx.form) && t.date < today && e.ongoing != Some(true) {
        out.push(
            RULE.meta
                .hit()
                .with("date", Param::Date(t.date))
                .with("today", Param::Date(today)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    fn by(when: &str, ongoing: &str) -> String {
        format!(r#"{{"requestType":"emergency_disclosure","emergency":{{"harmExpectedBy":"{when}","ongoing":{ongoing}}}}}"#)
    }

    #[test]
    fn pass() {
        quiet(&RULE, &by("2026-11-29T23:00:00+12:00", "null")); // today
        quiet(&RULE, &by("2026-11-30", "null")); // tomorrow
        quiet(&RULE, &by("2026-11-28", "true")); // yesterday, but ongoing
    }

    #[test]
    fn fail() {
        fires(&RULE, "emergency.harmExpectedBy", &by("2026-11-28", "false")); // yesterday
        fires(&RULE, "emergency.harmExpectedBy", &by("2026-11-28T23:59:00-11:00", "null"));
    }
}
