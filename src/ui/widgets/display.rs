//! The calculator's display: the input line, and under it the answer,
//! right-aligned at the display's bottom, wrapped over the rows the layout
//! gave it. It is drawn from plain data, not from the app.

use super::theme::Theme;
use super::{cell_width, draw_box, draw_text};
use crate::eval::Span;
use crate::ui::layout::{DisplayText, Screen};
use crate::ui::line_editor::{char_width, ellipsize, text_width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The input line as the display shows it.
#[derive(Debug, Clone, Copy)]
pub struct InputLine<'a> {
    pub text: &'a str,
    /// The cursor's column in `text`.
    pub cursor_column: usize,
    /// The expression of the answer after Enter, shown dimmed.
    pub entered: bool,
    /// The part an error points at, underlined.
    pub fault: Option<Span>,
    /// The angle mode of a recalled line computed in the other mode: the
    /// line runs in it, and says so at its right end.
    pub angle_tag: Option<&'static str>,
}

/// Which answer the display shows, which decides how bright it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// The answer of the last Enter.
    Entered,
    /// The live preview of what is typed.
    Live,
    /// The last preview that worked, while the input is merely unfinished.
    Stale,
}

pub struct Display<'a> {
    pub screen: &'a Screen,
    pub input: InputLine<'a>,
    /// What goes under the input.
    pub below: Option<&'a DisplayText>,
    /// Which answer `below` is, when it is one.
    pub kind: Option<AnswerKind>,
    /// `below` needs more rows than it has: it ends with a note.
    pub answer_cut: bool,
    pub theme: Theme,
}

/// The first column of the input shown: the line scrolls sideways so the
/// cursor stays in view.
fn scroll_offset(input: &InputLine, width: usize) -> usize {
    input.cursor_column.saturating_sub(width.saturating_sub(1))
}

/// Where the terminal's cursor goes, if anywhere.
pub fn cursor(input: &InputLine, screen: &Screen) -> Option<Position> {
    let row = input_text_area(input, screen);
    if row.width == 0 || row.height == 0 {
        return None;
    }
    let column = input.cursor_column - scroll_offset(input, row.width.into());
    Some(Position::new(row.x + column as u16, row.y))
}

/// The input row less its prompt and its angle tag.
fn input_text_area(input: &InputLine, screen: &Screen) -> Rect {
    let prompt = if screen.bordered { 0 } else { 2 };
    let row = screen.input;
    let prompt = prompt.min(row.width);
    let tag = input
        .angle_tag
        .map_or(0, |t| tag_width(t, row.width - prompt));
    Rect {
        x: row.x + prompt,
        width: row.width - prompt - tag,
        ..row
    }
}

/// Columns the angle tag takes (` DEG`), none when the row is too narrow.
fn tag_width(tag: &str, width: u16) -> u16 {
    let tag = tag.len() as u16 + 1;
    if width >= tag + 8 { tag } else { 0 }
}

/// The column of the input text under a click, if it is on the input row.
pub fn input_column(input: &InputLine, screen: &Screen, at: Position) -> Option<usize> {
    let row = input_text_area(input, screen);
    (at.y == row.y && at.x >= row.x && at.x < row.right() + 1)
        .then(|| usize::from(at.x - row.x) + scroll_offset(input, row.width.into()))
}

impl Widget for Display<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        if self.screen.bordered {
            draw_box(
                buf,
                self.screen.display,
                (" pebble ", theme.title()),
                theme.dim(),
            );
        } else {
            draw_text(buf, self.screen.input, "> ", theme.title());
        }
        render_input(&self.input, self.screen, theme, buf);
        self.render_below(buf);
    }
}

fn render_input(input: &InputLine, screen: &Screen, theme: Theme, buf: &mut Buffer) {
    let area = input_text_area(input, screen);
    if let Some(tag) = input.angle_tag {
        // A column of space, then the tag.
        let right = Rect::new(area.right() + 1, area.y, tag.len() as u16, 1);
        if right.right() <= screen.input.right() {
            draw_text(buf, right, tag, theme.title());
        }
    }
    let width = usize::from(area.width);
    let offset = scroll_offset(input, width);
    let base = if input.entered {
        theme.dim()
    } else {
        Style::new()
    };
    let right = area.right();
    let from = |x: u16| Rect {
        x,
        width: right - x,
        ..area
    };
    let mut x = area.x;
    let mut column = 0;
    let mut first = true;
    // Each character shown drawn on its own, in its style.
    for (byte, c) in input.text.char_indices() {
        let w = char_width(c);
        if column >= offset && column + w <= offset + width {
            let faulty = input
                .fault
                .is_some_and(|s| byte >= s.start && byte < s.end.max(s.start + 1));
            let style = if faulty { theme.fault() } else { base };
            let shown = &input.text[byte..byte + c.len_utf8()];
            if offset > 0 && first {
                // Scrolled sideways: the first column says text is hidden on the left.
                let mut hidden = String::from("…");
                for _ in 1..cell_width(shown) {
                    hidden.push(' ');
                }
                x = draw_text(buf, from(x), &hidden, theme.dim());
            } else {
                x = draw_text(buf, from(x), shown, style);
            }
            first = false;
        }
        column += w;
    }
    // A fault at the very end (a missing operand) underlines a space there.
    if input.fault.is_some_and(|s| s.start >= input.text.len()) && column >= offset {
        draw_text(buf, from(x), " ", theme.fault());
    }
}

impl Display<'_> {
    fn render_below(&self, buf: &mut Buffer) {
        let area = self.screen.answer;
        let theme = self.theme;
        if area.width == 0 || area.height == 0 {
            return;
        }
        let width = usize::from(area.width);
        let row_at = |row: usize| Rect::new(area.x, area.y + row as u16, area.width, 1);
        let text = match self.below {
            // Nothing to show for an unfinished line that never had an answer.
            None if !self.input.text.is_empty() => return,
            None => {
                let hint = ellipsize("type an expression · F1 help", width);
                draw_text(buf, row_at(0), &hint, theme.dim());
                return;
            }
            Some(error @ DisplayText::Error(_)) => {
                // Errors read from the left, like the input they point into,
                // wrapped at words.
                let rows = error.rows(width);
                for (row, text) in rows.iter().take(area.height.into()).enumerate() {
                    draw_text(buf, row_at(row), text, theme.error());
                }
                return;
            }
            Some(DisplayText::Answer(text)) => text.as_str(),
        };
        let style = match self.kind {
            Some(AnswerKind::Entered) => theme.answer(),
            Some(AnswerKind::Stale) => theme.dim(),
            _ => theme.preview(),
        };
        let height = usize::from(area.height);
        // Wrapped between groups of digits, as the layout counted the rows.
        let mut rows = DisplayText::Answer(text.to_string()).rows(width);
        // A cut answer's last row starts with the digits that come next
        // and says where it is cut and how big the whole is: `= 14 124
        // 670 … 1,506 digits · F2`. No row of digits ends mid-number
        // without that mark.
        let mut note = None;
        if self.answer_cut {
            let digits = text.chars().filter(char::is_ascii_digit).count();
            let next = rows.get(height - 1).cloned().unwrap_or_default();
            rows.truncate(height - 1);
            let full = format!("… {} digits · F2", thousands(digits));
            let room = width.saturating_sub(text_width(&full) + 1);
            let lead = crate::ui::help::wrap(&next, room.max(1)).swap_remove(0);
            let (lead, tail) = if room > 0 && lead.bytes().any(|b| b.is_ascii_digit()) {
                (lead, full)
            } else {
                (String::new(), ellipsize(&full, width))
            };
            rows.push(lead);
            note = Some(tail);
        }
        // Each row right-aligned, the last at the display's bottom: the last
        // digit always sits at the bottom right.
        let top = height.saturating_sub(rows.len());
        let last = rows.len() - 1;
        for (row, text) in rows.iter().enumerate() {
            // The row's text, then the note after a space.
            let (text, spaced, note) = match &note {
                Some(note) if row == last && text.is_empty() => ("", "", note.as_str()),
                Some(note) if row == last => (text.as_str(), " ", note.as_str()),
                _ => (text.as_str(), "", ""),
            };
            let width = cell_width(text) + spaced.len() + cell_width(note);
            let rect = row_at(top + row);
            let right = rect.right();
            let from = |x: u16| Rect {
                x,
                width: right - x,
                ..rect
            };
            let x = right - (width as u16).min(rect.width);
            let x = draw_text(buf, from(x), text, style);
            let x = draw_text(buf, from(x), spaced, theme.dim());
            draw_text(buf, from(x), note, theme.dim());
        }
    }
}

/// A count with commas between thousands: `19,729`.
pub fn thousands(count: usize) -> String {
    let mut out = String::new();
    super::push_thousands(&count.to_string(), ',', &mut out);
    out
}
