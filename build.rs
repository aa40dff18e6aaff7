//! The data files are built into the crate without their layout: `src/messages/*.json` and
//! `src/providers/profiles.json` stay as people read and edit them (the source of truth), and
//! `OUT_DIR` gets the same JSON without the white space between tokens, which the wasm would
//! otherwise carry.

use std::path::Path;
use std::{env, fs, io};

const DATA: &[&str] = &[
    "src/messages/en.json",
    "src/messages/fr.json",
    "src/providers/profiles.json",
];

fn main() -> io::Result<()> {
    let out = env::var_os("OUT_DIR").ok_or(io::ErrorKind::NotFound)?;
    for src in DATA {
        println!("cargo:rerun-if-changed={src}");
        let name = Path::new(src)
            .file_name()
            .ok_or(io::ErrorKind::InvalidInput)?;
        fs::write(
            Path::new(&out).join(name),
            minify(&fs::read_to_string(src)?),
        )?;
    }
    Ok(())
}

/// `json` without the white space outside its strings.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}
