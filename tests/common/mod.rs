//! What the command-line tests share: running the built binary with arguments that need not
//! be UTF-8 and standard input as bytes.

use std::ffi::OsStr;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `marcheck` with `args`, writing `stdin` from a thread (the command may answer before it
/// has read everything).
pub fn marcheck_os(args: &[&OsStr], stdin: &[u8]) -> Output {
    marcheck_in(None, args, stdin)
}

/// [`marcheck_os`] with another working directory (so a command's labels read as relative
/// paths).
#[allow(dead_code)] // not every test file runs it elsewhere
pub fn marcheck_in(dir: Option<&std::path::Path>, args: &[&OsStr], stdin: &[u8]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_marcheck"));
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}
