//! Quantities on the screen: the live answer and the history show their
//! units, in the TestBackend and in the real binary in a pseudo-terminal.

use pebble::eval::Settings;
use pebble::ui::app::{Action, App};
use pebble::ui::render::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;
use common::pty::PtyPebble;

fn screen(app: &App) -> String {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

#[test]
fn a_quantity_renders_with_its_unit() {
    let mut app = App::new(Settings::default(), Vec::new(), false);
    app.update(Action::Resize {
        width: 60,
        height: 20,
    });
    app.update(Action::Insert("100 W * 3 h".into()));
    app.update(Action::Evaluate);
    app.update(Action::Insert("60 mph to km/h".into()));
    let text = screen(&app);
    assert!(text.contains("300 W·h"), "{text}");
    assert!(text.contains("96.56064 km/h"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn typing_a_conversion_in_the_terminal_shows_it() {
    let dir = std::env::temp_dir().join(format!("pebble-units-pty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let history = dir.join("history");
    let mut p = PtyPebble::start(100, 30, &[("PEBBLE_HISTORY", history.to_str().unwrap())]);
    p.type_text("60 mph to km/h");
    p.wait_for("96.56064 km/h");
    p.type_text("\r");
    p.type_text("1 m + 1 s");
    p.wait_for("cannot add a length and a time");
    assert!(p.quit());
}
