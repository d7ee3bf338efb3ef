//! Views over the calculator: the help and the whole answer. The screen
//! behind is dimmed; the text scrolls (↑↓ PgUp PgDn, wheel).

use super::theme::Theme;
use super::{draw_box, draw_line, draw_scrollbar};
use crate::ui::help;
use crate::ui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

pub enum OverlayContent<'a> {
    Help,
    /// The whole answer text.
    Answer(&'a str),
}

pub struct OverlayView<'a> {
    pub content: OverlayContent<'a>,
    pub scroll: usize,
    pub theme: Theme,
}

impl Widget for OverlayView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        // The screen behind fades: its colours and reverse video go, so
        // coloured keys recede too, and what is left is dimmed.
        let behind = theme.dim();
        for cell in &mut buf.content {
            cell.fg = behind.fg.unwrap_or(Color::Reset);
            cell.bg = Color::Reset;
            cell.modifier = Modifier::DIM;
        }
        let width = layout::overlay_text_width(area);
        let (title, lines): (&str, Vec<Line>) = match self.content {
            OverlayContent::Help => {
                let keys = help::key_column(width.into());
                let lines = help::lines(width.into())
                    .into_iter()
                    .map(|l| {
                        if l.heading {
                            Line::styled(l.text, theme.heading())
                        } else {
                            let pad = keys - crate::ui::line_editor::text_width(&l.key);
                            Line::from(vec![
                                Span::styled(l.key, Style::new().add_modifier(Modifier::BOLD)),
                                Span::raw(" ".repeat(pad + 1)),
                                Span::raw(l.text),
                            ])
                        }
                    })
                    .collect();
                (" help · Esc closes ", lines)
            }
            OverlayContent::Answer(answer) => {
                let lines = layout::answer_lines(answer, width.into())
                    .into_iter()
                    .enumerate()
                    .map(|(i, l)| {
                        if i == 0 {
                            Line::styled(l, theme.dim())
                        } else {
                            Line::styled(l, theme.answer())
                        }
                    })
                    .collect();
                (" answer · Esc closes ", lines)
            }
        };
        let popup = layout::overlay(area, lines.len());
        let text = layout::overlay_text(area, lines.len());
        Clear.render(popup, buf);
        draw_box(buf, popup, Span::styled(title, theme.title()), theme.dim());
        let visible = usize::from(text.height);
        let hidden = lines.len().saturating_sub(visible);
        let scroll = self.scroll.min(hidden);
        for (row, line) in lines.iter().skip(scroll).take(visible).enumerate() {
            draw_line(
                buf,
                Rect {
                    y: text.y + row as u16,
                    height: 1,
                    ..text
                },
                line,
            );
        }
        let track = Rect {
            x: popup.right().saturating_sub(1),
            width: 1,
            ..text
        };
        draw_scrollbar(buf, track, lines.len(), scroll, theme.title());
    }
}
