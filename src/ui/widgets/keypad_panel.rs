//! The keypad: each key a block of its group's colour with a gap around it,
//! its label centred; hovered and pressed keys look it.

use super::theme::{KeyState, Theme};
use super::{cell_width, draw_text, fill_style};
use crate::eval::AngleMode;
use crate::ui::keypad::KeypadButton;
use crate::ui::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
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
            // Both angle modes with a space either side, else the one in force.
            let both = button == KeypadButton::AngleMode && width >= "DEG/RAD".len() + 2;
            let label = match button {
                KeypadButton::AngleMode if both => "DEG/RAD",
                KeypadButton::AngleMode => match self.angle {
                    AngleMode::Degrees => "DEG",
                    AngleMode::Radians => "RAD",
                },
                // Not every font has ⌫: the word goes with it, or alone
                // where the key is narrow.
                KeypadButton::Backspace if width >= 7 => "⌫ del",
                KeypadButton::Backspace => "del",
                _ => button.label(),
            };
            let x = cell.x + (cell.width.saturating_sub(cell_width(label) as u16)) / 2;
            // Keys are an odd number of rows tall: the label on the middle one.
            let y = cell.y + cell.height / 2;
            let at = |x: u16| Rect::new(x, y, cell.right() - x, 1);
            if both {
                // The mode in force stands out.
                let active = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                let (deg, rad) = match self.angle {
                    AngleMode::Degrees => (active, style),
                    AngleMode::Radians => (style, active),
                };
                let x = draw_text(buf, at(x), "DEG", deg);
                let x = draw_text(buf, at(x), "/", style);
                draw_text(buf, at(x), "RAD", rad);
            } else {
                draw_text(buf, at(x), label, style);
            }
        }
    }
}
