//! The binary run once, with arguments and standard input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs pebble with `args`, writes `stdin` to it from another thread (so
/// a large input cannot block against a full output pipe), and waits.
pub fn pebble(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pebble"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pebble");
    let mut input = child.stdin.take().unwrap();
    let text = stdin.to_string();
    let writer = std::thread::spawn(move || input.write_all(text.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}
