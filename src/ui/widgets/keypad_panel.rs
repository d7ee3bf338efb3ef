//! The keypad: each key a block of its group's colour with a gap around it,
//! its label centred; hovered and pressed keys look it.

use super::theme::{KeyState, Theme};
use super::{draw_line, fill_style};
use crate::eval::AngleMode;
use crate::ui::keypad::KeypadButton;
use crate::ui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct KeypadPanel {
    pub angle: AngleMode,
    pub hovered: Option<KeypadButton>,
    pub pressed: Option<KeypadButton>,
    pub theme: Theme,
}

impl Widget for KeypadPanel {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (button, cell) in layout::keypad_buttons(area) {
            let state = match (self.pressed, self.hovered) {
                // Pressed shows only while the pointer is still on the key:
                // releasing elsewhere does nothing, and the key says so.
                (Some(p), Some(h)) if p == button && h == button => KeyState::Pressed,
                (None, Some(h)) if h == button => KeyState::Hovered,
                _ => KeyState::Resting,
            };
            let style = self.theme.key(button.group(), state);
            // The body without underline: an underline belongs under the
            // label, not on every row of the key.
            fill_style(buf, cell, style.remove_modifier(Modifier::UNDERLINED));
            let width = usize::from(cell.width);
            let line = match button {
                KeypadButton::AngleMode => {
                    let active = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                    let (deg, rad) = match self.angle {
                        AngleMode::Degrees => (active, style),
                        AngleMode::Radians => (style, active),
                    };
                    // Both halves with a space either side, else the one in force.
                    if width >= "DEG/RAD".len() + 2 {
                        Line::from(vec![
                            Span::styled("DEG", deg),
                            Span::styled("/", style),
                            Span::styled("RAD", rad),
                        ])
                    } else {
                        // Too narrow for both: the mode in force.
                        Line::styled(
                            match self.angle {
                                AngleMode::Degrees => "DEG",
                                AngleMode::Radians => "RAD",
                            },
                            style,
                        )
                    }
                }
                // Not every font has ⌫: the word goes with it, or alone
                // where the key is narrow.
                KeypadButton::Backspace if width >= 7 => Line::styled("⌫ del", style),
                KeypadButton::Backspace => Line::styled("del", style),
                _ => Line::styled(button.label(), style),
            };
            let x = cell.x + (cell.width.saturating_sub(line.width() as u16)) / 2;
            // Keys are an odd number of rows tall: the label on the middle one.
            let y = cell.y + cell.height / 2;
            draw_line(buf, Rect::new(x, y, cell.right() - x, 1), &line);
        }
    }
}
