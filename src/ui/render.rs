//! Drawing: reads `&App`, never changes it. Each part of the screen is a
//! widget; this puts them where the layout says.

use super::app::{App, DisplayContent, Overlay};
use super::layout;
use super::widgets::display::{self, Display};
use super::widgets::history_panel::HistoryPanel;
use super::widgets::keypad_panel::KeypadPanel;
use super::widgets::overlay::{OverlayContent, OverlayView};
use super::widgets::status_bar::StatusBar;
use super::widgets::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

/// Draws the app on a ratatui frame (the tests' way in).
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if let Some(cursor) = draw(app, area, frame.buffer_mut()) {
        frame.set_cursor_position(cursor);
    }
}

/// Draws the app into `buf`, which covers `area`; returns where the
/// cursor goes, if it shows.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = Theme {
        colour: app.colour(),
        light: app.light(),
    };
    let screen = layout::screen(area);
    let below = app.fitted_display_text(screen.answer.width.into(), screen.answer.height.into());
    let answer_cut = layout::answer_cut(&screen, below.as_ref());
    let input = app.input_line();
    let kind = match app.shown() {
        DisplayContent::Answer(_, kind) => Some(kind),
        _ => None,
    };
    Display {
        screen: &screen,
        input,
        below: below.as_ref(),
        kind,
        answer_cut,
        theme,
    }
    .render(screen.display, buf);
    if let Some(panel) = screen.history {
        HistoryPanel {
            entries: app.history(),
            results: app.history_results(),
            scroll: app.recall().scroll(),
            selected: app.recall().selected(),
            boxed: screen.history_boxed,
            theme,
        }
        .render(panel, buf);
    }
    if let Some(keypad) = screen.keypad {
        KeypadPanel {
            angle: app.angle(),
            hovered: app.mouse().hovered(),
            pressed: app.mouse().pressed(),
            theme,
        }
        .render(keypad, buf);
    }
    if let Some(status) = screen.status {
        // An error too long for a small display goes on on the status line:
        // it must be read whole.
        let error_rest = match &below {
            Some(error @ layout::DisplayText::Error(_)) if answer_cut => {
                let rows = error.rows(screen.answer.width.max(1).into());
                Some(rows[usize::from(screen.answer.height).min(rows.len())..].join(" "))
            }
            _ => None,
        };
        StatusBar {
            status: app.status().message(),
            error_rest: error_rest.as_deref(),
            angle: app.angle(),
            complex: app.complex(),
            // F2 shows answers whole.
            answer_cut: answer_cut && matches!(below, Some(layout::DisplayText::Answer(_))),
            theme,
        }
        .render(status, buf);
    }
    match app.overlays().open() {
        None => display::cursor(&input, &screen),
        Some(overlay) => {
            let answer = app.answer_view_text().unwrap_or_default();
            let content = match overlay {
                Overlay::Help => OverlayContent::Help,
                Overlay::Answer => OverlayContent::Answer {
                    expression: app.shown_expression(),
                    answer: &answer,
                },
                Overlay::Names => OverlayContent::Names {
                    variables: &app.overlays().names().variables,
                    functions: &app.overlays().names().functions,
                },
            };
            OverlayView {
                content,
                status: app
                    .status()
                    .message()
                    .filter(|s| s.timed)
                    .map(|s| s.text.as_str()),
                scroll: app.overlays().scroll(),
                theme,
            }
            .render(area, buf);
            None
        }
    }
}
