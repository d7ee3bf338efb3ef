//! Snapshots of the main layouts, rendered into ratatui's TestBackend.

use pebble::eval::Settings;
use pebble::ui::app::{Action, App};
use pebble::ui::history::HistoryEntry;
use pebble::ui::render::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_with(width: u16, height: u16, typed: &str) -> App {
    let history = vec![
        HistoryEntry {
            expression: "0.1+0.2".into(),
            result: "0.3".into(),
            approximate: false,
        },
        HistoryEntry {
            expression: "sqrt(2)".into(),
            result: "1.4142135623731".into(),
            approximate: true,
        },
    ];
    let mut app = App::new(Settings::default(), history, false);
    app.update(Action::Resize { width, height });
    app.update(Action::Insert(typed.into()));
    app
}

fn draw_into(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal
}

fn draw(app: &App) -> String {
    draw_into(app).backend().to_string()
}

#[test]
fn wide_layout() {
    insta::assert_snapshot!(draw(&app_with(100, 30, "2^64-1")));
}

#[test]
fn narrow_layout() {
    insta::assert_snapshot!(draw(&app_with(50, 32, "1/3")));
}

#[test]
fn tiny_layout() {
    insta::assert_snapshot!(draw(&app_with(20, 6, "6*7")));
}

#[test]
fn error_is_shown_under_the_input() {
    insta::assert_snapshot!(draw(&app_with(80, 24, "1+sine(2)")));
}

#[test]
fn help_overlay() {
    let mut app = app_with(100, 30, "");
    app.update(Action::ToggleHelp);
    insta::assert_snapshot!(draw(&app));
}

#[test]
fn every_size_renders_without_panic() {
    for width in [0, 1, 2, 5, 19, 20, 35, 36, 47, 48, 75, 76, 120, 250] {
        for height in [0, 1, 2, 3, 5, 6, 13, 14, 15, 24, 60] {
            // (TestBackend cannot print a zero-width buffer, so only draw.)
            let mut app = app_with(width, height, "sin(1)+");
            draw_into(&app);
            app.update(Action::ToggleHelp);
            draw_into(&app);
        }
    }
}

#[test]
fn keypad_labels_appear_with_spaces_around_them() {
    let screen = draw(&app_with(100, 30, ""));
    for label in [
        "√", "sin", "cos", "tan", "ln", "log", "π", "e", "!", "DEG/RAD", "ans", "±", "⌫", "÷", "×",
        "−", "=", "C",
    ] {
        assert!(screen.contains(&format!(" {label} ")), "{label} missing");
    }
}
