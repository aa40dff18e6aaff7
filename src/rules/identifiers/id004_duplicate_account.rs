use crate::path::indexed;
use crate::rule::{Param, Hit};
use crate::rule::source;
use crate::rules::{Ctx};
use alloc::vec::Vec;

declare_rule! {
    /// ## What it does
    /// Warns when the same kind and value appear twice (ignoring ASCII case and surrounding spaces);
    /// the later row is marked.
    ///
    /// ## Why
    /// A repeated identifier is usually a copy-paste slip hiding the identifier that was meant.
    ///
    /// ## Example
    /// ```json
    /// { "accounts": [{ "kind": "email", "value": "a@b.org" }, { "kind": "email", "value": "A@B.org" }] }
    /// ```
    ID004 {
        area: "identifiers",
        severity: Warning,
        field: "accounts[].value",
        applies_to: [M, P, S, E],
        source: source::PROVIDER_GUIDELINES,
        params: ["row"],
    }
}

/// The value's bytes, ASCII lower case, hashed: rows whose hashes differ differ.
fn folded_hash(value: &str) -> u64 {
    use core::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut buf = [0u8; 256];
    for chunk in value.as_bytes().chunks(buf.len()) {
        let folded = buf.get_mut(..chunk.len()).unwrap_or_default();
        for (o, b) in folded.iter_mut().zip(chunk) {
            *o = b.to_ascii_lowercase();
        }
        h.write(folded);
    }
    h.finish()
}

// Linear in the bytes of the values (issue 15: 200 rows of 1 MiB took 113 s in the wasm when
// every row was compared with every earlier one): each value is hashed once, and compared
// only with the earlier rows of its kind and hash that differ from each other.
fn check(cx: &Ctx<'_>, out: &mut Vec<Hit>) {
    let accounts = &cx.form.accounts;
    // (kind, hash, row): the first row of each distinct value. At most MAX_ROWS rows are read,
    // so a list scanned for the key is bounded (and smaller in the wasm than a hash map).
    let mut firsts: Vec<(Option<u8>, u64, usize)> = Vec::new();
    for (i, a) in accounts.iter().enumerate() {
        let Some(value) = a.value else { continue };
        let key = (a.kind.map(|k| k as u8), folded_hash(value));
        let first = (firsts.iter())
            .filter(|(kind, hash, _)| (*kind, *hash) == key)
            .map(|&(_, _, j)| j)
            .find(|&j| {
                (accounts.get(j).and_then(|b| b.value))
                    .is_some_and(|v| v.eq_ignore_ascii_case(value))
            });
        if first.is_none() {
            firsts.push((key.0, key.1, i));
        }
        if let Some(j) = first {
            out.push(
                RULE.meta.hit_at(indexed("accounts", i, "value"))
                    .with("row", Param::Int(j as i64 + 1)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::rules::testing::*;

    #[test]
    fn pass() {
        quiet(&RULE,
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"username","value":"a@b.org"},{"kind":"email","value":"c@b.org"}]}"#,
        );
    }

    #[test]
    fn fail() {
        fires(&RULE,
            "accounts[2].value",
            r#"{"accounts":[{"kind":"email","value":"a@b.org"},{"kind":"url","value":"https://x.org"},{"kind":"email","value":" A@B.ORG "}]}"#,
        );
    }
}
