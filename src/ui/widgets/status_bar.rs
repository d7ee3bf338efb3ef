//! The bottom line: a message when there is one, else key hints, shortened
//! by dropping whole hints (least needed first), never cut mid-word; the
//! angle mode and history count on the right.

use super::theme::Theme;
use super::{draw_line, ellipsize};
use crate::eval::AngleMode;
use crate::ui::app::{Status, StatusKind};
use crate::ui::layout::take_right;
use crate::ui::line_editor::text_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

pub struct StatusBar<'a> {
    pub status: Option<&'a Status>,
    pub angle: AngleMode,
    pub entries: usize,
    /// The answer is cut on the display: F2 shows it.
    pub answer_cut: bool,
    pub theme: Theme,
}

/// Hints in screen order, each with its priority (0 is kept longest).
const HINTS: [(&str, u8); 7] = [
    ("Enter =", 1),
    ("F2 all", 0),
    ("↑↓ recall", 2),
    ("^Y copy", 4),
    ("Esc clear", 5),
    ("F1 help", 0),
    ("^C quit", 3),
];

/// The hints that fit in `width` columns, joined.
pub fn hints(width: usize, answer_cut: bool) -> String {
    let candidates: Vec<(&str, u8)> = HINTS
        .iter()
        .copied()
        .filter(|(hint, _)| answer_cut || *hint != "F2 all")
        .collect();
    for most in (0..=5).rev() {
        let kept: Vec<&str> = candidates
            .iter()
            .filter(|(_, priority)| *priority <= most)
            .map(|(hint, _)| *hint)
            .collect();
        let line = kept.join(" · ");
        if text_width(&line) < width {
            return line;
        }
    }
    String::new()
}

pub fn right_text(angle: AngleMode, entries: usize, width: usize) -> String {
    let mode = match angle {
        AngleMode::Radians => "RAD",
        AngleMode::Degrees => "DEG",
    };
    let plural = if entries == 1 { "entry" } else { "entries" };
    let long = format!("{mode} · {entries} {plural} ");
    // The count goes first when space is short; the mode stays.
    if text_width(&long) * 3 <= width {
        long
    } else {
        format!("{mode} ")
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let right = right_text(self.angle, self.entries, area.width.into());
        let (left_area, right_area) = take_right(area, text_width(&right) as u16);
        draw_line(buf, right_area, &Line::styled(right, theme.title()));
        // A space between the two parts, always.
        let width = usize::from(left_area.width).saturating_sub(1);
        let line = match self.status {
            Some(status) => {
                let style = match status.kind {
                    StatusKind::Info => theme.title(),
                    StatusKind::Warning => theme.warning(),
                    StatusKind::Error => theme.error(),
                };
                Line::styled(ellipsize(&format!(" {}", status.text), width), style)
            }
            None => Line::styled(
                format!(" {}", hints(width.saturating_sub(1), self.answer_cut)),
                theme.dim(),
            ),
        };
        draw_line(buf, left_area, &line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_drop_whole_hints_by_priority() {
        let all = hints(200, false);
        assert_eq!(
            all,
            "Enter = · ↑↓ recall · ^Y copy · Esc clear · F1 help · ^C quit"
        );
        for width in 0..80 {
            let shown = hints(width, true);
            assert!(text_width(&shown) < width.max(1), "{width}: {shown}");
            for part in shown.split(" · ").filter(|p| !p.is_empty()) {
                assert!(
                    HINTS.iter().any(|(h, _)| *h == part),
                    "{width}: cut hint {part:?}"
                );
            }
        }
        assert_eq!(hints(16, false), "F1 help");
        assert!(hints(40, true).contains("F2 all"));
    }
}
