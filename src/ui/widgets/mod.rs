//! The parts of the screen, each a ratatui `Widget` drawn into a `Buffer`.

pub mod display;
pub mod history_panel;
pub mod keypad_panel;
pub mod overlay;
pub mod status_bar;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// One line of text, clipped to `area`'s first row. Lighter than a
/// Paragraph, which matters at a hundred lines a frame.
pub fn draw_line(buf: &mut Buffer, area: Rect, line: &Line) {
    if area.width > 0 && area.height > 0 {
        buf.set_line(area.x, area.y, line, area.width);
    }
}

/// A titled box around `area`. Drawn edge by edge: a Block would also
/// restyle every cell inside, which was most of a frame's cost.
pub fn draw_box(buf: &mut Buffer, area: Rect, title: Span, border: Style) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    // Cell by cell: these symbols need no grapheme segmentation.
    for x in area.x + 1..right {
        buf[(x, area.y)].set_symbol("─").set_style(border);
        buf[(x, bottom)].set_symbol("─").set_style(border);
    }
    for y in area.y + 1..bottom {
        buf[(area.x, y)].set_symbol("│").set_style(border);
        buf[(right, y)].set_symbol("│").set_style(border);
    }
    for (x, y, corner) in [
        (area.x, area.y, "┌"),
        (right, area.y, "┐"),
        (area.x, bottom, "└"),
        (right, bottom, "┘"),
    ] {
        buf[(x, y)].set_symbol(corner).set_style(border);
    }
    draw_rule(
        buf,
        Rect::new(area.x + 1, area.y, area.width - 2, 1),
        title,
        border,
    );
}

/// A title on a row, the rest of the row a rule.
pub fn draw_rule(buf: &mut Buffer, area: Rect, title: Span, border: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    for x in area.x..area.right() {
        buf[(x, area.y)].set_symbol("─").set_style(border);
    }
    draw_line(buf, area, &Line::from(title));
}

/// `text` cut to `width` columns, ending in `…` when something was cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    use crate::ui::line_editor::{char_width, text_width};
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) + 1 > width {
            break;
        }
        used += char_width(c);
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` split into rows of at most `width` columns.
pub fn chunks(text: &str, width: usize) -> Vec<String> {
    use crate::ui::line_editor::char_width;
    let width = width.max(1);
    let mut rows = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) > width {
            rows.push(String::new());
            used = 0;
        }
        used += char_width(c);
        rows.last_mut().expect("never empty").push(c);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_marks_what_it_cuts() {
        assert_eq!(ellipsize("12345", 5), "12345");
        assert_eq!(ellipsize("123456", 5), "1234…");
        assert_eq!(ellipsize("日本語", 4), "日…");
    }

    #[test]
    fn chunks_fill_rows_by_width() {
        assert_eq!(chunks("1234567", 3), ["123", "456", "7"]);
        assert_eq!(chunks("", 3), [""]);
    }
}
