//! The real binary in a real terminal (tmux): typing, SGR mouse clicks,
//! quitting with Ctrl-C and SIGTERM, and the terminal restored afterwards.
//! CI installs tmux; these tests fail, not skip, without it.

use pebble::ui::keypad::KeypadButton;
use pebble::ui::layout;
use ratatui::layout::Rect;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

mod common;
use common::Pane;

/// pebble from this build, with a history file of the test's own.
fn start(name: &str) -> Pane {
    let history =
        std::env::temp_dir().join(format!("pebble-e2e-{name}-{}.history", std::process::id()));
    let _ = std::fs::remove_file(&history);
    let command = format!(
        "env PEBBLE_HISTORY={} TERM=xterm-256color {}",
        history.display(),
        env!("CARGO_BIN_EXE_pebble")
    );
    Pane::start(name, &command, WIDTH, HEIGHT)
}

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

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
    let pane = start("typing");
    assert_eq!(pane.format("#{alternate_on} #{mouse_sgr_flag}"), "1 1");
    pane.keys(&["-l", "0.1+0.2"]);
    pane.wait_for("= 0.3");
    pane.keys(&["Enter"]);
    pane.wait_for("history (1)");
    pane.keys(&["-l", "1/0"]);
    pane.wait_for("error: division by zero");
    // Ctrl-C clears the line first, then quits.
    pane.keys(&["C-c"]);
    pane.wait_for("Ctrl-C again to quit");
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

#[test]
fn mouse_clicks_press_keypad_buttons() {
    let pane = start("mouse");
    for button in [
        KeypadButton::Digit(6),
        KeypadButton::Times,
        KeypadButton::Digit(7),
        KeypadButton::Equals,
    ] {
        let cell = button_cell(button);
        pane.click(cell.x + cell.width / 2, cell.y);
    }
    pane.wait_for("history (1)");
    pane.wait_for("= 42");
    let cell = button_cell(KeypadButton::AngleMode);
    pane.click(cell.x + 1, cell.y);
    pane.wait_for(" DEG");
    // The first Ctrl-C clears the answer; the second quits.
    pane.keys(&["C-c"]);
    pane.wait_for("again to quit");
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

#[test]
fn stop_signals_quit_cleanly() {
    // As PID 1 in a container no default action applies: each is caught.
    for signal in ["TERM", "HUP", "INT", "QUIT"] {
        let pane = start(&format!("sig{signal}"));
        let pid = pane.pebble_pid();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(pane.wait_exit(), "0", "SIG{signal}");
        pane.assert_terminal_restored();
    }
}

#[test]
fn resize_redraws_the_layout() {
    let pane = start("resize");
    // The keypad's "sin" is on the first frame, so its going away is the
    // redraw at the new size.
    pane.wait_for("sin");
    pane.tmux(&["resize-window", "-t", "e2e", "-x", "30", "-y", "8"]);
    let start = Instant::now();
    while pane.screen().contains("sin") {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no redraw after resize"
        );
        sleep(Duration::from_millis(50));
    }
    pane.keys(&["-l", "6*7"]);
    pane.wait_for("= 42");
    pane.keys(&["C-c"]);
    pane.wait_for("again to quit");
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
}

#[test]
fn a_closed_terminal_ends_pebble() {
    let pane = start("closed");
    let pid = pane.pebble_pid();
    pane.tmux(&["kill-pane", "-t", "e2e"]);
    let start = Instant::now();
    while std::path::Path::new(&format!("/proc/{pid}")).exists() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "pebble outlived its terminal"
        );
        sleep(Duration::from_millis(50));
    }
}
