//! A real terminal for end-to-end tests: tmux, driven with send-keys and
//! read with capture-pane and its format variables.

// Each test binary uses its own part of these helpers.
#![allow(dead_code)]

pub mod pty;
pub mod run;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// These tests need tmux, and fail without it: first here, saying so and
/// how to get it, rather than somewhere inside a helper.
fn require_tmux() {
    match Command::new("tmux").arg("-V").output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "tmux -V failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => panic!(
            "tmux is missing ({e}). The end-to-end tests run pebble in a real \
             terminal through tmux: install it (Debian: apt-get install tmux; \
             .ci/run does), or run the other tests alone, e.g. \
             `cargo test --lib --test evaluator --test cli --test render`."
        ),
    }
}

/// A tmux server of its own running pebble in one pane.
pub struct Pane {
    socket: String,
}

impl Pane {
    /// Runs `command` (a shell command line starting pebble) in a fresh
    /// `width`×`height` pane; the shell stays to report pebble's exit status.
    pub fn start(name: &str, command: &str, width: u16, height: u16) -> Pane {
        require_tmux();
        let socket = format!("pebble-e2e-{name}-{}", std::process::id());
        let line = format!("{command}; echo \"pebble exited $?\"; sleep 60");
        let pane = Pane { socket };
        let (width, height) = (width.to_string(), height.to_string());
        pane.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width,
            "-y",
            &height,
            &line,
        ]);
        pane.wait_for("pebble");
        pane
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("tmux {args:?}: {e}"));
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {text:?} on:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// A left click as the terminal reports it with SGR mouse mode (1-based).
    pub fn click(&self, column: u16, row: u16) {
        for end in ['M', 'm'] {
            let sequence = format!("\x1b[<0;{};{}{end}", column + 1, row + 1);
            let hex: Vec<String> = sequence.bytes().map(|b| format!("{b:02x}")).collect();
            let mut args = vec!["send-keys", "-t", "e2e", "-H"];
            args.extend(hex.iter().map(String::as_str));
            self.tmux(&args);
        }
    }

    pub fn format(&self, variables: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "e2e", variables])
            .trim()
            .to_string()
    }

    /// Waits for pebble to exit; returns its exit status.
    pub fn wait_exit(&self) -> String {
        let screen = self.wait_for("pebble exited ");
        let status = screen.split("pebble exited ").nth(1).unwrap_or("");
        status.split_whitespace().next().unwrap_or("").to_string()
    }

    /// pebble's process id: the child of the pane's shell.
    pub fn pebble_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    pub fn assert_terminal_restored(&self) {
        assert_eq!(
            self.format("#{alternate_on} #{mouse_any_flag} #{mouse_sgr_flag}"),
            "0 0 0"
        );
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}
