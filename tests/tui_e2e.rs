//! The real binary in a real terminal (tmux): typing, SGR mouse clicks,
//! quitting with Ctrl-C and SIGTERM, and the terminal restored afterwards.
//! CI installs tmux; these tests fail, not skip, without it.

use pebble::ui::keypad::KeypadButton;
use pebble::ui::layout;
use ratatui::layout::Rect;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

/// A tmux server of its own running pebble in one pane.
struct Pane {
    socket: String,
}

impl Pane {
    fn start(name: &str) -> Pane {
        let socket = format!("pebble-e2e-{name}-{}", std::process::id());
        let history = std::env::temp_dir().join(format!("{socket}.history"));
        let _ = std::fs::remove_file(&history);
        let command = format!(
            // The shell stays to report pebble's exit status on the screen.
            "env PEBBLE_HISTORY={} TERM=xterm-256color {}; echo \"pebble exited $?\"; sleep 60",
            history.display(),
            env!("CARGO_BIN_EXE_pebble")
        );
        let pane = Pane { socket };
        pane.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &WIDTH.to_string(),
            "-y",
            &HEIGHT.to_string(),
            &command,
        ]);
        pane.wait_for("keypad");
        pane
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn wait_for(&self, text: &str) -> String {
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

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    /// A left click as the terminal reports it with SGR mouse mode (1-based).
    fn click(&self, column: u16, row: u16) {
        for end in ['M', 'm'] {
            let sequence = format!("\x1b[<0;{};{}{end}", column + 1, row + 1);
            let hex: Vec<String> = sequence.bytes().map(|b| format!("{b:02x}")).collect();
            let mut args = vec!["send-keys", "-t", "e2e", "-H"];
            args.extend(hex.iter().map(String::as_str));
            self.tmux(&args);
        }
    }

    fn format(&self, variables: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "e2e", variables])
            .trim()
            .to_string()
    }

    /// Waits for pebble to exit; returns its exit status.
    fn wait_exit(&self) -> String {
        let screen = self.wait_for("pebble exited ");
        let status = screen.split("pebble exited ").nth(1).unwrap_or("");
        status.split_whitespace().next().unwrap_or("").to_string()
    }

    /// pebble's process id: the child of the pane's shell.
    fn pebble_pid(&self) -> String {
        let shell = self.format("#{pane_pid}");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn assert_terminal_restored(&self) {
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

fn button_cell(button: KeypadButton) -> Rect {
    let keypad = layout::screen(Rect::new(0, 0, WIDTH, HEIGHT))
        .keypad
        .unwrap();
    layout::keypad_buttons(keypad)
        .into_iter()
        .find(|(b, _)| *b == button)
        .unwrap()
        .1
}

#[test]
fn typing_shows_a_live_result_and_enter_adds_history() {
    let pane = Pane::start("typing");
    assert_eq!(pane.format("#{alternate_on} #{mouse_sgr_flag}"), "1 1");
    pane.keys(&["-l", "0.1+0.2"]);
    pane.wait_for("= 0.3");
    pane.keys(&["Enter"]);
    pane.wait_for("0.1+0.2 = 0.3");
    pane.keys(&["-l", "1/0"]);
    pane.wait_for("error: division by zero");
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

#[test]
fn mouse_clicks_press_keypad_buttons() {
    let pane = Pane::start("mouse");
    for button in [
        KeypadButton::Digit(6),
        KeypadButton::Times,
        KeypadButton::Digit(7),
        KeypadButton::Equals,
    ] {
        let cell = button_cell(button);
        pane.click(cell.x + cell.width / 2, cell.y);
    }
    pane.wait_for("6*7 = 42");
    let cell = button_cell(KeypadButton::AngleMode);
    pane.click(cell.x + 1, cell.y);
    pane.wait_for("DEG · 1 entries");
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

#[test]
fn sigterm_quits_cleanly() {
    let pane = Pane::start("sigterm");
    let pid = pane.pebble_pid();
    let status = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(status.success());
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

#[test]
fn resize_redraws_the_layout() {
    let pane = Pane::start("resize");
    pane.tmux(&["resize-window", "-t", "e2e", "-x", "30", "-y", "8"]);
    let start = Instant::now();
    while pane.screen().contains("keypad") {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no redraw after resize"
        );
        sleep(Duration::from_millis(50));
    }
    pane.keys(&["-l", "6*7"]);
    pane.wait_for("= 42");
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
}
