//! Views over the calculator: the help and the whole answer. The screen
//! behind is dimmed; the text scrolls (↑↓ PgUp PgDn, wheel).

use super::display::thousands;
use super::theme::Theme;
use super::{draw_box, draw_scrollbar, draw_text};
use crate::ui::help;
use crate::ui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Clear, Widget};

pub enum OverlayContent<'a> {
    Help,
    /// The whole answer text, and the expression it belongs to.
    Answer {
        expression: &'a str,
        answer: &'a str,
    },
    /// The session's variables (`x = 5`) and functions (`f(x) = …`).
    Names {
        variables: &'a [String],
        functions: &'a [String],
    },
}

pub struct OverlayView<'a> {
    pub content: OverlayContent<'a>,
    /// A status message (`sent … to the clipboard`): the view covers the
    /// status line, so its title says it.
    pub status: Option<&'a str>,
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
        let full = matches!(self.content, OverlayContent::Answer { .. });
        let width = layout::overlay_text_width(area, full);
        let room = usize::from(layout::overlay(area, 0, full).width.saturating_sub(2));
        // Each line: a key in bold (the help's), then text in a style.
        let mut lines: Vec<(String, String, Style)> = Vec::new();
        let title: String = match self.content {
            OverlayContent::Help => {
                let keys = help::key_column(width.into());
                for l in help::lines(width.into()) {
                    if l.heading {
                        lines.push((l.key, l.text, theme.heading()));
                    } else {
                        let key_width = crate::ui::line_editor::text_width(&l.key);
                        let text_width = crate::ui::line_editor::text_width(&l.text);
                        // A name too long for the text column starts
                        // left of it, just enough to fit.
                        let pad = (keys - key_width)
                            .min(usize::from(width).saturating_sub(key_width + text_width + 1));
                        let mut text = " ".repeat(pad + 1);
                        text.push_str(&l.text);
                        lines.push((l.key, text, Style::new()));
                    }
                }
                " help · Esc closes ".into()
            }
            OverlayContent::Names {
                variables,
                functions,
            } => {
                for (text, heading) in layout::names_lines(variables, functions, width.into()) {
                    let style = if heading {
                        theme.heading()
                    } else {
                        Style::new()
                    };
                    lines.push((String::new(), text, style));
                }
                " variables · Esc closes ".into()
            }
            OverlayContent::Answer { expression, answer } => {
                let texts = layout::answer_lines(expression, answer, width.into());
                // Where the view is in the number: digits before the first
                // row shown, and in the rows shown.
                let visible = usize::from(layout::overlay_text(area, texts.len(), true).height);
                let scroll = self.scroll.min(texts.len().saturating_sub(visible));
                let digits = |rows: &[String]| -> usize {
                    rows.iter()
                        .map(|r| r.chars().filter(char::is_ascii_digit).count())
                        .sum()
                };
                let body = &texts[layout::ANSWER_HEADER_LINES.min(texts.len())..];
                let first = scroll.saturating_sub(layout::ANSWER_HEADER_LINES);
                let shown =
                    visible.saturating_sub(layout::ANSWER_HEADER_LINES.saturating_sub(scroll));
                let before = digits(&body[..first.min(body.len())]);
                let within = digits(&body[first.min(body.len())..(first + shown).min(body.len())]);
                let span = format!(
                    "{}–{} of {}",
                    thousands(before + 1),
                    thousands(before + within),
                    thousands(digits(body))
                );
                // The longest title that fits: parts go, least needed
                // first, rather than a cut mid-number.
                let full = format!(" answer · digits {span} · ^Y copy · Esc closes ");
                let title = if crate::ui::line_editor::text_width(&full) <= room {
                    full
                } else {
                    format!(" {span} ")
                };
                for (i, l) in texts.into_iter().enumerate() {
                    let style = if i < layout::ANSWER_HEADER_LINES {
                        theme.dim()
                    } else {
                        theme.preview()
                    };
                    lines.push((String::new(), l, style));
                }
                title
            }
        };
        let popup = layout::overlay(area, lines.len(), full);
        let text = layout::overlay_text(area, lines.len(), full);
        Clear.render(popup, buf);
        let title = match self.status {
            Some(status) => format!(" {status} "),
            None => title,
        };
        let title =
            crate::ui::line_editor::ellipsize(&title, usize::from(popup.width.saturating_sub(2)));
        draw_box(buf, popup, (&title, theme.title()), theme.dim());
        let visible = usize::from(text.height);
        let hidden = lines.len().saturating_sub(visible);
        let scroll = self.scroll.min(hidden);
        for (row, (key, line, style)) in lines.iter().skip(scroll).take(visible).enumerate() {
            let row = Rect {
                y: text.y + row as u16,
                height: 1,
                ..text
            };
            let x = draw_text(buf, row, key, Style::new().add_modifier(Modifier::BOLD));
            draw_text(
                buf,
                Rect {
                    x,
                    width: row.right() - x,
                    ..row
                },
                line,
                *style,
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
