//! The calculator's display: the input line, and under it the answer,
//! bold and right-aligned, wrapped over as many rows as the layout gave it.

use super::theme::Theme;
use super::{chunks, draw_box, draw_line, ellipsize};
use crate::ui::app::{App, Shown};
use crate::ui::layout::{DisplayText, Screen};
use crate::ui::line_editor::char_width;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct Display<'a> {
    pub app: &'a App,
    pub screen: &'a Screen,
    /// What goes under the input, as the layout counted its rows.
    pub below: Option<&'a DisplayText>,
    pub theme: Theme,
}

/// The first column of the input shown: the line scrolls sideways so the
/// cursor stays in view.
fn scroll_offset(app: &App, width: usize) -> usize {
    app.input()
        .cursor_column()
        .saturating_sub(width.saturating_sub(1))
}

/// Where the terminal's cursor goes, if anywhere.
pub fn cursor(app: &App, screen: &Screen) -> Option<Position> {
    let row = input_text_area(screen);
    if row.width == 0 || row.height == 0 {
        return None;
    }
    let column = app.input().cursor_column() - scroll_offset(app, row.width.into());
    Some(Position::new(row.x + column as u16, row.y))
}

/// The input row less its prompt.
fn input_text_area(screen: &Screen) -> Rect {
    let prompt = if screen.bordered { 0 } else { 2 };
    let row = screen.input;
    let prompt = prompt.min(row.width);
    Rect {
        x: row.x + prompt,
        width: row.width - prompt,
        ..row
    }
}

/// The column of the input text under a click, if it is on the input row.
pub fn input_column(app: &App, screen: &Screen, at: Position) -> Option<usize> {
    let row = input_text_area(screen);
    (at.y == row.y && at.x >= row.x && at.x < row.right() + 1)
        .then(|| usize::from(at.x - row.x) + scroll_offset(app, row.width.into()))
}

impl Widget for Display<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let Display {
            app,
            screen,
            below,
            theme,
        } = self;
        if screen.bordered {
            draw_box(
                buf,
                screen.display,
                Span::styled(" pebble ", theme.title()),
                theme.dim(),
            );
        } else {
            draw_line(buf, screen.input, &Line::styled("> ", theme.title()));
        }
        render_input(app, screen, theme, buf);
        render_answer(below, screen, theme, buf);
    }
}

fn render_input(app: &App, screen: &Screen, theme: Theme, buf: &mut Buffer) {
    let area = input_text_area(screen);
    let width = usize::from(area.width);
    if let Some(expression) = app.kept_expression() {
        // The expression the answer belongs to, until something new is typed.
        let text = ellipsize(&format!("{expression} ="), width);
        draw_line(buf, area, &Line::styled(text, theme.dim()));
        return;
    }
    let fault = match app.shown() {
        Shown::Error(e) => Some(e.span),
        _ => None,
    };
    let offset = scroll_offset(app, width);
    let mut spans = Vec::new();
    let mut column = 0;
    for (byte, c) in app.input().text().char_indices() {
        let w = char_width(c);
        if column >= offset && column + w <= offset + width {
            let faulty = fault.is_some_and(|s| byte >= s.start && byte < s.end.max(s.start + 1));
            let style = if faulty { theme.fault() } else { Style::new() };
            spans.push(Span::styled(c.to_string(), style));
        }
        column += w;
    }
    // A fault at the very end (a missing operand) underlines a space there.
    if fault.is_some_and(|s| s.start >= app.input().text().len()) && column >= offset {
        spans.push(Span::styled(" ", theme.fault()));
    }
    draw_line(buf, area, &Line::from(spans));
}

fn render_answer(below: Option<&DisplayText>, screen: &Screen, theme: Theme, buf: &mut Buffer) {
    let area = screen.answer;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let (text, style) = match below {
        None => {
            let hint = ellipsize("type an expression · F1 help", width);
            draw_line(buf, area, &Line::styled(hint, theme.dim()));
            return;
        }
        Some(error @ DisplayText::Error(_)) => {
            // Errors read from the left, like the input they point into,
            // wrapped at words as the layout counted them.
            for (row, text) in error
                .rows(width)
                .iter()
                .take(area.height.into())
                .enumerate()
            {
                let line = Rect::new(area.x, area.y + row as u16, area.width, 1);
                draw_line(buf, line, &Line::styled(text.as_str(), theme.error()));
            }
            return;
        }
        Some(DisplayText::Answer(text)) => (text.as_str(), theme.answer()),
    };
    let mut rows = chunks(text, width);
    if screen.answer_cut {
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let shown = usize::from(area.height) - 1;
        rows.truncate(shown);
        let note = format!("… {digits} digits · F2 shows all");
        rows.push(ellipsize(&note, width));
        for (row, text) in rows.iter().enumerate() {
            let line = Rect::new(area.x, area.y + row as u16, area.width, 1);
            let style = if row == shown { theme.dim() } else { style };
            draw_line(buf, line, &Line::styled(text.as_str(), style));
        }
        return;
    }
    // Right-aligned as a block: the first row is the short one, so the last
    // digit always sits at the display's right edge.
    let first = crate::ui::line_editor::text_width(text) % width;
    let rows = if first == 0 {
        rows
    } else {
        let head: String = text.chars().take(char_count_for(text, first)).collect();
        let rest: String = text.chars().skip(head.chars().count()).collect();
        std::iter::once(head)
            .chain(chunks(&rest, width))
            .filter(|r| !r.is_empty())
            .collect()
    };
    for (row, text) in rows.iter().take(area.height.into()).enumerate() {
        let line = Line::styled(text.as_str(), style);
        let rect = Rect::new(area.x, area.y + row as u16, area.width, 1);
        buf.set_line(
            rect.x + rect.width - line.width() as u16,
            rect.y,
            &line,
            rect.width,
        );
    }
}

/// How many characters of `text` fill `columns` display columns.
fn char_count_for(text: &str, columns: usize) -> usize {
    let mut used = 0;
    text.chars()
        .take_while(|c| {
            used += char_width(*c);
            used <= columns
        })
        .count()
}
