//! The history: one entry a row, newest at the bottom, the result
//! right-aligned; what does not fit ends in `…` (the selected entry is then
//! shown whole on the display). A scrollbar and the position in the title
//! while scrolled.

use super::theme::Theme;
use super::{draw_box, draw_line, draw_rule, draw_scrollbar, ellipsize};
use crate::ui::history::HistoryEntry;
use crate::ui::layout;
use crate::ui::line_editor::text_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct HistoryPanel<'a> {
    pub entries: &'a [HistoryEntry],
    pub scroll: usize,
    pub selected: Option<usize>,
    pub boxed: bool,
    pub theme: Theme,
}

/// One entry fitted to `width`: the expression, then `= result` at the
/// right. The result keeps at least half the row; each part is cut with
/// `…` only when it must be.
pub fn entry_line(entry: &HistoryEntry, width: usize) -> (String, String) {
    let mark = if entry.approximate { "≈" } else { "=" };
    let result = format!(" {mark} {}", entry.result);
    let (e, r) = (text_width(&entry.expression), text_width(&result));
    if e + r <= width {
        return (entry.expression.clone(), result);
    }
    let result_width = r.min(width.saturating_sub(e.min(width / 2)));
    let result = ellipsize(&result, result_width);
    let expression = ellipsize(&entry.expression, width - text_width(&result));
    (expression, result)
}

impl Widget for HistoryPanel<'_> {
    fn render(self, panel: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let rows = layout::history_rows(panel);
        let visible = usize::from(rows.height);
        let total = self.entries.len();
        let hidden = total.saturating_sub(visible);
        let title = if self.scroll > 0 {
            format!(" history · ↑{} of {total} ", self.scroll)
        } else {
            format!(" history ({total}) ")
        };
        let title = Span::styled(title, theme.dim());
        if self.boxed {
            draw_box(buf, panel, title, theme.dim());
        } else {
            draw_rule(buf, Rect { height: 1, ..panel }, title, theme.dim());
        }
        for (index, row) in layout::history_lines(panel, total, self.scroll) {
            let (expression, result) = entry_line(&self.entries[index], row.width.into());
            let selected = self.selected == Some(index);
            let base = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            if selected {
                buf.set_style(row, base);
            }
            draw_line(buf, row, &Line::styled(expression, base));
            let result_width = text_width(&result) as u16;
            let at = Rect {
                x: row.right() - result_width,
                width: result_width,
                ..row
            };
            draw_line(buf, at, &Line::styled(result, base.patch(theme.answer())));
        }
        if self.boxed {
            let track = Rect {
                x: panel.right() - 1,
                width: 1,
                ..rows
            };
            let first = hidden - self.scroll.min(hidden);
            draw_scrollbar(buf, track, total, first, theme.title());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_entries_are_cut_with_a_sign() {
        let entry = HistoryEntry {
            expression: "100!".into(),
            result: "9".repeat(158),
            approximate: false,
        };
        let (e, r) = entry_line(&entry, 30);
        assert_eq!(e, "100!");
        assert!(r.ends_with('…') && r.starts_with(" = 999"));
        assert_eq!(text_width(&e) + text_width(&r), 30);
        let entry = HistoryEntry {
            expression: "1+".repeat(40) + "1",
            result: "41".into(),
            approximate: false,
        };
        let (e, r) = entry_line(&entry, 30);
        assert_eq!(r, " = 41");
        assert!(e.ends_with('…'));
        assert_eq!(text_width(&e) + text_width(&r), 30);
    }
}
