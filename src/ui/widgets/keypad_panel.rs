//! The keypad: each key a block of its group's colour with a gap around it,
//! its label centred; hovered and pressed keys look it.

use super::theme::{KeyState, Theme};
use super::{cell_width, draw_text, fill_style};
use crate::eval::AngleMode;
use crate::ui::keypad::KeypadButton;
use crate::ui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
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
            let label: &[(&str, Style)] = &match button {
                KeypadButton::AngleMode => {
                    let active = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                    let (deg, rad) = match self.angle {
                        AngleMode::Degrees => (active, style),
                        AngleMode::Radians => (style, active),
                    };
                    // Both halves with a space either side, else the one in force.
                    if width >= "DEG/RAD".len() + 2 {
                        [("DEG", deg), ("/", style), ("RAD", rad)]
                    } else {
                        // Too narrow for both: the mode in force.
                        let mode = match self.angle {
                            AngleMode::Degrees => "DEG",
                            AngleMode::Radians => "RAD",
                        };
                        [(mode, style), ("", style), ("", style)]
                    }
                }
                // Not every font has ⌫: the word goes with it, or alone
                // where the key is narrow.
                KeypadButton::Backspace if width >= 7 => {
                    [("⌫ del", style), ("", style), ("", style)]
                }
                KeypadButton::Backspace => [("del", style), ("", style), ("", style)],
                _ => [(button.label(), style), ("", style), ("", style)],
            };
            let label_width: usize = label.iter().map(|(text, _)| cell_width(text)).sum();
            let mut x = cell.x + (cell.width.saturating_sub(label_width as u16)) / 2;
            // Keys are an odd number of rows tall: the label on the middle one.
            let y = cell.y + cell.height / 2;
            for (text, style) in label {
                x = draw_text(buf, Rect::new(x, y, cell.right() - x, 1), text, *style);
            }
        }
    }
}
