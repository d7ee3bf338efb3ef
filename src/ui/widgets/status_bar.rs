//! The bottom line: a message when there is one, else key hints, shortened
//! by dropping whole hints (least needed first), never cut mid-word; the
//! number mode (real or complex) and the angle mode on the right.

use super::draw_text;
use super::theme::Theme;
use crate::eval::AngleMode;
use crate::ui::layout::take_right;
use crate::ui::line_editor::{ellipsize, text_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct StatusBar<'a> {
    pub status: Option<&'a Status>,
    /// The end of an error the display had no rows for.
    pub error_rest: Option<&'a str>,
    pub angle: AngleMode,
    /// Complex mode is on.
    pub complex: bool,
    /// The answer is cut on the display: F2 shows it.
    pub answer_cut: bool,
    pub theme: Theme,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    Error,
}

/// A message on the status line, in place of the key hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
    /// Clears itself after a few seconds.
    pub timed: bool,
}

/// Hints in screen order, each with its priority (0 is kept longest).
const HINTS: [(&str, u8); 10] = [
    ("Enter evaluate", 1),
    ("F2 all", 0),
    ("↑↓ recall", 2),
    ("^Y copy", 4),
    ("Esc clear", 5),
    ("F3 angle", 4),
    ("F4 complex", 5),
    ("F5 vars", 5),
    ("F1 help", 0),
    ("^C quit", 3),
];

/// The hints that fit in `width` columns, joined.
pub fn hints(width: usize, answer_cut: bool) -> String {
    for most in (0..=5).rev() {
        let mut line = String::new();
        for (hint, priority) in HINTS {
            if priority <= most && (answer_cut || hint != "F2 all") {
                if !line.is_empty() {
                    line.push_str(" · ");
                }
                line.push_str(hint);
            }
        }
        if text_width(&line) < width {
            return line;
        }
    }
    String::new()
}

/// The angle mode, at the right end; a click on it switches it. (The
/// history's title counts the entries.)
pub fn right_text(angle: AngleMode) -> &'static str {
    match angle {
        AngleMode::Radians => " RAD ",
        AngleMode::Degrees => " DEG ",
    }
}

/// Where the angle mode sits on the status line.
pub fn angle_area(status: Rect, angle: AngleMode) -> Rect {
    take_right(status, text_width(right_text(angle)) as u16).1
}

/// The number mode, left of the angle mode; a click on it switches it. On
/// a narrow line only complex mode shows: messages need the room.
pub fn complex_text(status: Rect, complex: bool) -> &'static str {
    match complex {
        false if status.width < MODE_SHOWN_FROM => "",
        false => " REAL",
        true => " CPLX",
    }
}

/// The narrowest status line that shows real mode.
const MODE_SHOWN_FROM: u16 = 40;

/// Where the number mode sits on the status line.
pub fn complex_area(status: Rect, angle: AngleMode, complex: bool) -> Rect {
    let (rest, _) = take_right(status, text_width(right_text(angle)) as u16);
    take_right(rest, text_width(complex_text(status, complex)) as u16).1
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let right = right_text(self.angle);
        let (left_area, right_area) = take_right(area, text_width(right) as u16);
        draw_text(buf, right_area, right, theme.title());
        let mode = complex_text(area, self.complex);
        let (left_area, mode_area) = take_right(left_area, text_width(mode) as u16);
        draw_text(buf, mode_area, mode, theme.title());
        // A space between the two parts, always.
        let width = usize::from(left_area.width).saturating_sub(1);
        let (text, style) = match self.status {
            Some(status) => {
                let style = match status.kind {
                    StatusKind::Info => theme.title(),
                    StatusKind::Warning => theme.warning(),
                    StatusKind::Error => theme.error(),
                };
                (ellipsize(&format!(" {}", status.text), width), style)
            }
            None => match self.error_rest {
                Some(rest) => (ellipsize(&format!(" {rest}"), width), theme.error()),
                None => (
                    format!(" {}", hints(width.saturating_sub(1), self.answer_cut)),
                    theme.dim(),
                ),
            },
        };
        draw_text(buf, left_area, &text, style);
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
            "Enter evaluate · ↑↓ recall · ^Y copy · Esc clear · F3 angle · F4 complex · F5 vars · F1 help · ^C quit"
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
