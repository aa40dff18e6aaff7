//! `docs/rules.md`, generated from the rules' declarations (code, severity, field, the request
//! types each applies to, source, What / Why / Example) and the English titles. `make docs`
//! writes it; a test fails when the committed file is stale.

use crate::messages;
use crate::options::Locale;
use crate::rule::REQUEST_TYPES;
use crate::rules::RULES;
use alloc::string::String;
use core::fmt::Write;

/// The short names of §6.1's columns.
const COLUMNS: [&str; 4] = ["M", "P", "S", "E"];

/// The whole of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let words = messages::catalogue(Locale::En);
    let mut s = String::from(
        "# marcheck rules\n\n<!-- Generated from the rule declarations (src/rules/) by `marcheck rules --markdown`. Do not edit: run `make docs`. -->\n\n",
    );
    s.push_str("Severities are defaults; `options.rules` overrides any of them (`\"off\"`, `\"info\"`, `\"warning\"`, `\"error\"`). ");
    s.push_str("A rule that does not apply to the form's `requestType` stays silent whatever `options.rules` says (contract §6.1). ");
    let _ = write!(s, "Applies to: ");
    for (i, (c, t)) in COLUMNS.iter().zip(REQUEST_TYPES).enumerate() {
        let _ = write!(s, "{}**{c}** `{t}`", if i > 0 { " · " } else { "" });
    }
    s.push_str(".\n\n| code | severity | applies to | field | what it checks | source |\n|---|---|---|---|---|---|\n");
    let esc = |t: &str| t.replace('|', "\\|");
    for r in RULES {
        let m = &r.meta;
        let text = words.rule(m.code).cloned().unwrap_or_default();
        let applies: String = COLUMNS
            .iter()
            .enumerate()
            .filter(|(i, _)| m.applies_to.has(*i))
            .map(|(_, c)| *c)
            .collect::<alloc::vec::Vec<_>>()
            .join(" ");
        let _ = writeln!(
            s,
            "| [{code}](#{lower}) | {} | {applies} | `{}` | **{}.** {} | {} |",
            m.severity.as_str(),
            esc(m.field),
            esc(text.title),
            esc(text.description),
            esc(m.source),
            code = m.code,
            lower = m.code.to_ascii_lowercase(),
        );
    }
    s.push_str("\n## The rules\n");
    for r in RULES {
        let m = &r.meta;
        let text = words.rule(m.code).cloned().unwrap_or_default();
        let _ = write!(
            s,
            "\n### {}\n\n**{}** · {} · field `{}` · applies to {} · source: {}\n\n",
            m.code,
            text.title,
            m.severity.as_str(),
            m.field,
            m.applies_to
                .names()
                .map(|n| alloc::format!("`{n}`"))
                .collect::<alloc::vec::Vec<_>>()
                .join(", "),
            m.source,
        );
        for heading in ["What it does", "Why", "Example"] {
            let body = unindent(m.doc_section(heading));
            let _ = write!(s, "#### {heading}\n\n{body}\n\n");
        }
    }
    s
}

/// The doc text without the one space each `/// ` line leaves.
fn unindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    out.trim_end().into()
}
