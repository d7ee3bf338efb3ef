//! The real binary in a real pseudo-terminal, read back cell by cell:
//! hover, press and release, double clicks, recall with the draft, wide
//! characters, paste, copy, errors, idle silence and shared history files.

use pebble::ui::keypad::KeypadButton;
use pebble::ui::layout;
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::thread::sleep;
use std::time::Duration;

mod common;
use common::pty::PtyPebble;

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

fn history_file(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pebble-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("history")
}

fn start(name: &str) -> PtyPebble {
    let history = history_file(name);
    PtyPebble::start(
        WIDTH,
        HEIGHT,
        &[("PEBBLE_HISTORY", history.to_str().unwrap())],
    )
}

/// A key's cell, and the cell where its label sits.
fn key(button: KeypadButton) -> (Rect, (u16, u16)) {
    let keypad = layout::screen(Rect::new(0, 0, WIDTH, HEIGHT), None)
        .keypad
        .unwrap();
    let cell = layout::keypad_buttons(keypad)
        .into_iter()
        .find(|(b, _)| *b == button)
        .unwrap()
        .1;
    (
        cell,
        (cell.x + cell.width / 2, cell.y + (cell.height - 1) / 2),
    )
}

/// The input row's text.
fn input_row(p: &PtyPebble) -> String {
    p.text()
        .lines()
        .nth(1)
        .unwrap_or("")
        .trim_matches(['│', ' '])
        .to_string()
}

#[test]
fn the_key_under_the_mouse_is_highlighted() {
    let mut p = start("hover");
    let (_, (x, y)) = key(KeypadButton::Digit(7));
    assert!(!p.cell(x, y).underline());
    p.move_to(x, y);
    p.wait_until("7 hovered", |p| {
        p.cell(x, y).underline() && p.cell(x, y).bold()
    });
    p.move_to(0, 0);
    p.wait_until("7 back to rest", |p| !p.cell(x, y).underline());
    assert!(p.quit());
}

#[test]
fn keys_act_on_release_over_the_same_key() {
    let mut p = start("release");
    let (_, (x7, y7)) = key(KeypadButton::Digit(7));
    let (_, (x8, y8)) = key(KeypadButton::Digit(8));
    let resting = p.cell(x7, y7).inverse();
    p.press(x7, y7);
    // Pressed: shown pushed in, but nothing typed yet.
    p.wait_until("7 pressed", |p| p.cell(x7, y7).inverse() != resting);
    assert_eq!(input_row(&p), "");
    // Dragged away and released elsewhere: nothing happens.
    p.send(&format!("\x1b[<32;{};{}M", x8 + 1, y8 + 1));
    p.release(x8, y8);
    p.wait_until("7 released", |p| p.cell(x7, y7).inverse() == resting);
    sleep(Duration::from_millis(200));
    assert_eq!(input_row(&p), "");
    p.click(x7, y7);
    p.wait_until("7 typed", |p| input_row(p) == "7");
    assert!(p.quit());
}

#[test]
fn a_second_real_click_on_history_gives_the_result() {
    let mut p = start("double-click");
    p.type_text("6*7\r");
    p.wait_for("= 42");
    let panel = layout::screen(Rect::new(0, 0, WIDTH, HEIGHT), None)
        .history
        .unwrap();
    let (_, row) = layout::history_lines(panel, 1, 0)[0];
    p.click(row.x + 1, row.y);
    p.wait_until("the expression", |p| input_row(p) == "6*7");
    p.click(row.x + 1, row.y);
    p.wait_until("the result", |p| input_row(p) == "42");
    assert!(p.quit());
}

#[test]
fn down_past_the_newest_gives_back_the_draft() {
    let mut p = start("draft");
    p.type_text("1+1\r");
    p.wait_for("1+1 =");
    p.type_text("2*3");
    p.send("\x1b[A");
    p.wait_until("recall", |p| input_row(p) == "1+1");
    p.send("\x1b[B");
    p.wait_until("the draft", |p| input_row(p) == "2*3");
    assert!(p.quit());
}

#[test]
fn the_cursor_moves_by_display_width() {
    let mut p = start("wide");
    p.type_text("日本+1");
    p.wait_for("日本+1");
    let (x0, _) = (2u16, 1u16);
    p.wait_until("cursor after 6 columns", |p| p.cursor() == (x0 + 6, 1));
    p.send("\x1b[D\x1b[D");
    p.wait_until("cursor after 日本", |p| p.cursor() == (x0 + 4, 1));
    p.send("\x1b[D");
    p.wait_until("cursor after 日", |p| p.cursor() == (x0 + 2, 1));
    assert!(p.quit());
}

#[test]
fn enter_on_an_error_puts_the_cursor_at_the_fault() {
    let mut p = start("error");
    p.type_text("1+sine(2)\r");
    p.wait_for("unknown name 'sine'");
    p.wait_until("cursor on 's'", |p| p.cursor() == (2 + 2, 1));
    assert_eq!(p.text().matches("unknown name").count(), 1);
    assert!(p.quit());
}

#[test]
fn pasted_lines_are_evaluated_each_in_turn() {
    let mut p = start("paste");
    p.send("\x1b[200~1+1\n2+2\n3*\x1b[201~");
    p.wait_for("1+1");
    p.wait_for("2+2");
    p.wait_until("the unfinished line", |p| input_row(p) == "3*");
    assert!(!p.text().contains("1+12+2"));
    p.send("\x1b[200~4\x1b[2J\x1b[201~");
    p.wait_for("paste refused");
    assert!(p.quit());
}

#[test]
fn copy_says_it_was_sent_and_clears_itself() {
    let mut p = start("copy");
    p.type_text("6*7");
    p.wait_for("= 42");
    p.send("\x19");
    p.wait_for("sent 42 to the terminal's clipboard");
    let raw = String::from_utf8_lossy(&p.raw()).into_owned();
    assert!(raw.contains("\x1b]52;c;NDI=\x07"));
    p.wait_until("the message gone", |p| !p.text().contains("sent 42"));
    assert!(p.quit());
}

#[test]
fn an_idle_pebble_writes_nothing() {
    let p = start("idle");
    sleep(Duration::from_millis(500));
    let before = p.raw().len();
    sleep(Duration::from_secs(3));
    let written = p.raw().len() - before;
    assert!(written < 100, "{written} bytes in 3 s of idling");
    assert!(p.quit());
}

/// Two windows paste lines at the same moment into one history file that
/// is a few entries short of its compaction bound, so each appends while
/// the other compacts (reads the file, writes a copy, renames it over).
/// Without the lock an entry appended between the other's read and rename
/// is lost.
#[test]
fn two_windows_sharing_a_history_file_lose_nothing() {
    const LINES: usize = 300;
    let history = history_file("shared");
    let old: String = (0..1240).map(|i| format!("{i}\t=\t{i}\n")).collect();
    std::fs::write(&history, old).unwrap();
    let env = [("PEBBLE_HISTORY", history.to_str().unwrap())];
    let mut a = PtyPebble::start(WIDTH, HEIGHT, &env);
    let mut b = PtyPebble::start(WIDTH, HEIGHT, &env);
    let lines =
        |window: &str| -> Vec<String> { (1..=LINES).map(|i| format!("{i}+0.{window}")).collect() };
    let (a_lines, b_lines) = (lines("1"), lines("2"));
    let paste = |lines: &[String]| format!("\x1b[200~{}\n\x1b[201~", lines.join("\n"));
    let (a_paste, b_paste) = (paste(&a_lines), paste(&b_lines));
    a.send(&a_paste);
    b.send(&b_paste);
    let expressions = || -> Vec<String> {
        std::fs::read_to_string(&history)
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect()
    };
    let start = std::time::Instant::now();
    loop {
        let written = expressions();
        if written.contains(&a_lines[LINES - 1]) && written.contains(&b_lines[LINES - 1]) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the last pasted lines never reached the file"
        );
        sleep(Duration::from_millis(50));
    }
    // Each window shows only its own session.
    a.wait_for(&a_lines[LINES - 1]);
    assert!(!a.text().contains("+0.2"));
    assert!(a.quit() && b.quit());
    let text = std::fs::read_to_string(&history).unwrap();
    assert!(
        text.lines().all(|l| l.split('\t').count() == 3),
        "a torn line in the history file"
    );
    let written = expressions();
    for own in [&a_lines, &b_lines] {
        // Every pasted line is there, once, in its window's order.
        let order: Vec<&String> = written.iter().filter(|e| own.contains(e)).collect();
        assert_eq!(order, own.iter().collect::<Vec<_>>());
    }
}

#[test]
fn a_malformed_history_line_is_skipped_and_named_and_nothing_is_lost() {
    let history = history_file("malformed");
    std::fs::write(&history, "1+1\t=\t2\nnot an entry\n2+2\t=\t4\n").unwrap();
    let mut p = PtyPebble::start(
        WIDTH,
        HEIGHT,
        &[("PEBBLE_HISTORY", history.to_str().unwrap())],
    );
    p.wait_for("skipped malformed line 2");
    assert!(p.text().contains("history (2)"));
    p.type_text("5+5\r");
    p.wait_for("5+5 =");
    assert!(p.quit());
    let text = std::fs::read_to_string(&history).unwrap();
    assert_eq!(text, "1+1\t=\t2\nnot an entry\n2+2\t=\t4\n5+5\t=\t10\n");
}
