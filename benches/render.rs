//! A full frame of the calculator at 200×60 (goal ≤ 200 µs): the widgets
//! drawn into the frame's buffer alone, and a whole `Terminal::draw` into
//! ratatui's TestBackend (buffer reset, render, diff and flush).

use criterion::{Criterion, criterion_group, criterion_main};
use pebble::eval::Settings;
use pebble::ui::app::{Action, App};
use pebble::ui::history::HistoryEntry;
use pebble::ui::render::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn full_frame(c: &mut Criterion) {
    let history = (0..200)
        .map(|i| HistoryEntry {
            expression: format!("sqrt({i})*pi"),
            result: "12.3456789012345".into(),
            approximate: true,
            ..HistoryEntry::default()
        })
        .collect();
    let mut app = App::new(Settings::default(), history, true);
    app.update(Action::Resize {
        width: 200,
        height: 60,
    });
    app.update(Action::Insert("sin(1)+1/3".into()));
    // The mouse over a key, as it is while someone uses the keypad.
    app.update(Action::Hover(Some(
        pebble::ui::keypad::KeypadButton::Digit(5),
    )));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("render 200x60 (widgets into the buffer)", |b| {
        b.iter(|| {
            let mut frame = terminal.get_frame();
            render(&app, &mut frame);
            criterion::black_box(frame.area());
        })
    });
    c.bench_function("draw 200x60 (reset, render, diff, flush)", |b| {
        b.iter(|| {
            terminal.draw(|frame| render(&app, frame)).unwrap();
        })
    });
}

criterion_group!(benches, full_frame);
criterion_main!(benches);
