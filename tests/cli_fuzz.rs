//! A fuzz smoke of the command line on random bytes: as files (many per process), on standard
//! input and as the options file. Whatever arrives, the command must not die on a signal, must
//! exit 0, 1 or 2, and must print one JSON report a line when it exits 0 or 1 — at least one per
//! input, and exit 1 exactly when some report is not ok.
//!
//! Seeded, so a failure repeats: `MARCHECK_FUZZ_SEED=n` picks another seed and
//! `MARCHECK_FUZZ_INPUTS=n` another count (default 3000 files, a twentieth as many on stdin, a sixtieth as options).
// Tests may unwrap: a panic is a failed test. The library itself denies these (Cargo.toml).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::marcheck_os;

use proptest::prelude::Rng;
use proptest::test_runner::{RngAlgorithm, TestRng};

/// Inputs per process when they are files.
const PER_PROCESS: usize = 100;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn rng() -> (u64, TestRng) {
    let seed = env_usize("MARCHECK_FUZZ_SEED", 11) as u64;
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    (seed, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

fn below(rng: &mut TestRng, n: usize) -> usize {
    (rng.next_u32() as usize) % n.max(1)
}

/// A form the checker reads fully, to mutate.
fn valid_form() -> Vec<u8> {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/valid-mar.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let out = v.get("form").unwrap().to_string();
    out.into_bytes()
}

/// Pieces that steer random text toward what the splitter and the reader care about.
const PIECES: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b"\\",
    b",",
    b":",
    b" ",
    b"\n",
    b"\r\n",
    b"\t",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xEF\xBB\xBF",
    b"null",
    b"true",
    b"0",
    b"-1.5e3",
    b"1e999",
    b"\"\"",
    b"\"requestingCountry\"",
    b"\"FJ\"",
    b"\"accounts\"",
    b"\"preservation\"",
    b"\"2026-11-29\"",
    b"\\u00e9",
    b"\\ud800",
    b"\xc3\xa9",
    b"{}",
    b"[]",
    b"[{}]",
    b"{\"a\":",
    b"\"x\\\"",
];

/// One random input: raw bytes, a stream of pieces, a mutated form, or several lines of these.
fn input(rng: &mut TestRng, form: &[u8]) -> Vec<u8> {
    match below(rng, 5) {
        0 => {
            let mut b = vec![0u8; below(rng, 300)];
            rng.fill_bytes(&mut b);
            b
        }
        1 => {
            let mut b = Vec::new();
            for _ in 0..below(rng, 60) {
                b.extend_from_slice(PIECES[below(rng, PIECES.len())]);
            }
            b
        }
        2 | 3 => {
            let mut b = form.to_vec();
            for _ in 0..=below(rng, 8) {
                let at = below(rng, b.len() + 1);
                match below(rng, 3) {
                    0 if at < b.len() => {
                        b.remove(at);
                    }
                    1 if at < b.len() => b[at] = (rng.next_u32() & 0xff) as u8,
                    _ => {
                        let p = PIECES[below(rng, PIECES.len())];
                        b.splice(at..at, p.iter().copied());
                    }
                }
            }
            if below(rng, 4) == 0 {
                // As an element of a list, or a pretty-printed-looking document.
                let mut l = b"[".to_vec();
                l.extend_from_slice(&b);
                l.extend_from_slice(b",\n");
                l.extend_from_slice(form);
                l.push(b']');
                b = l;
            }
            b
        }
        _ => {
            // NDJSON: several lines, some good, some not.
            let mut b = Vec::new();
            for _ in 0..=below(rng, 5) {
                let line = match below(rng, 3) {
                    0 => form.to_vec(),
                    _ => {
                        let mut l = Vec::new();
                        for _ in 0..below(rng, 20) {
                            l.extend_from_slice(PIECES[below(rng, PIECES.len())]);
                        }
                        l
                    }
                };
                b.extend_from_slice(&line);
                b.push(b'\n');
            }
            b
        }
    }
}

/// The checks every run must pass; `inputs` is how many inputs the process was given, and
/// `readable` whether a usage or input problem (exit 2) is impossible for it.
fn assert_answered(out: &Output, inputs: usize, readable: bool, what: &dyn Fn() -> String) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.signal(), None, "signal: {err}\n{}", what());
    assert!(!err.contains("panicked"), "{err}\n{}", what());
    let code = out.status.code().unwrap();
    assert!((0..=2).contains(&code), "exit {code}: {err}\n{}", what());
    if code == 2 {
        assert!(!readable, "exit 2 on readable input: {err}\n{}", what());
        assert!(err.starts_with("marcheck: "), "{err}");
        return;
    }
    let text = std::str::from_utf8(&out.stdout).unwrap();
    let mut count = 0;
    let mut any_not_ok = false;
    for line in text.lines() {
        let v = serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {line}\n{}", what()));
        match v.get("ok") {
            Some(serde_json::Value::Bool(ok)) => any_not_ok |= !ok,
            _ => panic!("a report without ok: {line}"),
        }
        count += 1;
    }
    assert!(
        count >= inputs,
        "{count} reports for {inputs} inputs\n{}",
        what()
    );
    assert_eq!(code == 1, any_not_ok, "exit {code}\n{}", what());
}

struct TempDir(PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn random_bytes_as_files_on_stdin_and_as_options_are_always_answered() {
    let (seed, mut rng) = rng();
    let form = valid_form();
    let files = env_usize("MARCHECK_FUZZ_INPUTS", 3000);
    let dir = TempDir(std::env::temp_dir().join(format!("marcheck-fuzz-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let as_of = ["--as-of", "2026-11-29"];

    // Files, PER_PROCESS to a process; every fourth process prints text instead of JSON.
    for batch in 0..files.div_ceil(PER_PROCESS) {
        let mut paths = Vec::new();
        for i in 0..PER_PROCESS.min(files - batch * PER_PROCESS) {
            let p = dir.0.join(format!("{i}.json"));
            std::fs::write(&p, input(&mut rng, &form)).unwrap();
            paths.push(p);
        }
        let text = batch % 4 == 3;
        let mut args = vec![std::ffi::OsStr::new("check")];
        args.extend(as_of.iter().map(std::ffi::OsStr::new));
        if text {
            args.extend(["--format", "text"].map(std::ffi::OsStr::new));
        }
        args.extend(paths.iter().map(|p| p.as_os_str()));
        let out = marcheck_os(&args, b"");
        let what = || {
            let keep = std::env::temp_dir().join(format!("marcheck-fuzz-failed-{seed}-{batch}"));
            let _ = std::fs::create_dir_all(&keep);
            for p in &paths {
                let _ = std::fs::copy(p, keep.join(p.file_name().unwrap()));
            }
            format!(
                "seed {seed}, batch {batch}: inputs kept in {}",
                keep.display()
            )
        };
        if text {
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.signal(), None, "{err}\n{}", what());
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{err}\n{}",
                what()
            );
            let t = std::str::from_utf8(&out.stdout).unwrap();
            let labels = t.lines().filter(|l| !l.starts_with(' ')).count();
            assert!(labels >= paths.len(), "{labels} reports\n{}", what());
        } else {
            assert_answered(&out, paths.len(), true, &what);
        }
    }

    // Standard input: one process each.
    for n in 0..files / 20 {
        let bytes = input(&mut rng, &form);
        let mut args = vec![std::ffi::OsStr::new("check")];
        args.extend(as_of.iter().map(std::ffi::OsStr::new));
        args.push(std::ffi::OsStr::new("-"));
        let out = marcheck_os(&args, &bytes);
        assert_answered(&out, 1, true, &|| {
            format!("seed {seed}, stdin {n}: {bytes:?}")
        });
    }

    // The options file: exit 2 is allowed (bad options), never a signal.
    let opts = dir.0.join("options.json");
    for n in 0..files / 60 {
        let bytes = if n % 2 == 0 {
            input(&mut rng, &form)
        } else {
            // Options-shaped: an object with the options' keys and random values.
            let keys = [
                "locale",
                "rules",
                "preservation",
                "providers",
                "asOf",
                "dateOrder",
            ];
            let mut b = b"{\"".to_vec();
            b.extend_from_slice(keys[below(&mut rng, keys.len())].as_bytes());
            b.extend_from_slice(b"\":");
            b.extend_from_slice(&input(&mut rng, &form));
            b.push(b'}');
            b
        };
        std::fs::write(&opts, &bytes).unwrap();
        let args = [
            std::ffi::OsStr::new("check"),
            std::ffi::OsStr::new("--options"),
            opts.as_os_str(),
            std::ffi::OsStr::new("-"),
        ];
        let out = marcheck_os(&args, &form);
        assert_answered(&out, 1, false, &|| {
            format!("seed {seed}, options {n}: {bytes:?}")
        });
    }
}
