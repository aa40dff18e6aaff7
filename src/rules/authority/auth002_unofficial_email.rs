use crate::rules::authority::webmail;
use crate::rule::{Param, Hit};
use crate::rules::identifiers::email_domain;
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::string::ToString;
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the authority's email address is malformed or at a free webmail service (gmail,
    /// yahoo, outlook, hotmail, live, icloud, proton, gmx, yandex, mail.ru, aol, qq, 163).
    ///
    /// ## Why
    /// Providers accept requests only from an official government domain or on letterhead
    /// (Handbook ch. 7): a webmail address cannot be verified and the request is set aside.
    ///
    /// ## Example
    /// ```json
    /// { "authority": { "email": "detective.tui@gmail.com" } }
    /// ```
    AUTH002 {
        area: "authority",
        severity: Warning,
        field: "authority.email",
        applies_to: [M, P, S, E],
        source: source::HANDBOOK_CH_7,
        params: ["domain", "service", "variant"],
    }
}

fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let Some(email) = cx.form.authority.email else {
        return;
    };
    let finding = RULE.meta.hit();
    match email_domain(email) {
        None => out.push(finding.with("variant", Param::Term("malformed"))),
        Some(domain) => {
            if let Some(service) = webmail(domain) {
                out.push(
                    finding
                        .with("variant", Param::Term("webmail"))
                        .with("domain", Param::Text(domain.to_ascii_lowercase()))
                        .with("service", Param::Text(service.to_string())),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        for ok in [
            "a.tui@police.gov.fj",
            "duty@afp.gov.au",
            "x@mail.police.uk",
            "chief@pm.gov.fj",
            "desk@live.police.uk",
            "o@liveworks.org",
        ] {
            quiet(&RULE, &format!(r#"{{"authority":{{"email":"{ok}"}}}}"#));
        }
        quiet(&RULE, "{}");
    }

    #[test]
    fn fail() {
        for bad in [
            "tui@gmail.com",
            "TUI@Yahoo.co.uk",
            "a@hotmail.fr",
            "a@proton.me",
            "a@mail.ru",
            "a@163.com",
            "a@gmx.de",
            "nope",
            "a@b",
            "a b@c.org",
            "@police.gov.fj",
        ] {
            fires(&RULE,
                "authority.email",
                &format!(r#"{{"authority":{{"email":"{bad}"}}}}"#),
            );
        }
    }
}
