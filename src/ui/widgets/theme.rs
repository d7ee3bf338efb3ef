//! Colours and attributes. Text sits in the terminal's own colours (bold,
//! dim, reverse) wherever it must read on dark and light themes alike; a
//! fixed colour appears only on a fixed background, chosen for a contrast of
//! at least 4.5:1 with the standard xterm palette. Without colour, every
//! style falls back to attributes.

use crate::ui::keypad::ButtonGroup;
use ratatui::style::{Color, Modifier, Style};

/// How a key looks at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    Resting,
    /// The mouse is over it.
    Hovered,
    /// The mouse button is down on it, and the pointer still over it.
    Pressed,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub colour: bool,
}

impl Theme {
    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A section heading: the title's colour, and underlined without
    /// colour, where bold alone would read like the bold key names.
    pub fn heading(self) -> Style {
        if self.colour {
            self.title()
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn answer(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn fault(self) -> Style {
        self.error().add_modifier(Modifier::UNDERLINED)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.colour {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A key's face. Digits are the terminal's own colours reversed; the
    /// other groups carry black or white text on a colour (contrast with
    /// xterm's palette: black on cyan 10.6, on bright black 5.3, on green
    /// 9.7; bright white on red 5.9). Hovered keys take the bright colour
    /// and an underline; a pressed key is shown inverted, as if pushed in.
    pub fn key(self, group: ButtonGroup, state: KeyState) -> Style {
        let base = if !self.colour || group == ButtonGroup::Digit {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            let (text, face, bright) = match group {
                ButtonGroup::Digit | ButtonGroup::Operator => {
                    (Color::Black, Color::Cyan, Color::LightCyan)
                }
                ButtonGroup::Function => (Color::Black, Color::DarkGray, Color::Gray),
                ButtonGroup::Accent => (Color::Black, Color::Green, Color::LightGreen),
                ButtonGroup::Warning => (Color::White, Color::Red, Color::LightRed),
            };
            match state {
                KeyState::Hovered if group == ButtonGroup::Warning => {
                    Style::new().fg(Color::Black).bg(bright)
                }
                KeyState::Hovered => Style::new().fg(text).bg(bright),
                _ => Style::new().fg(text).bg(face),
            }
        };
        let base = if group == ButtonGroup::Accent {
            base.add_modifier(Modifier::BOLD)
        } else {
            base
        };
        match state {
            KeyState::Resting => base,
            KeyState::Hovered => base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            KeyState::Pressed if base.add_modifier.contains(Modifier::REVERSED) => base
                .remove_modifier(Modifier::REVERSED)
                .add_modifier(Modifier::BOLD),
            KeyState::Pressed => base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance of an sRGB colour (WCAG 2).
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// The standard xterm palette.
    fn xterm(colour: Color) -> (u8, u8, u8) {
        match colour {
            Color::Black => (0, 0, 0),
            Color::Red => (0xcd, 0, 0),
            Color::Green => (0, 0xcd, 0),
            Color::Cyan => (0, 0xcd, 0xcd),
            Color::DarkGray => (0x7f, 0x7f, 0x7f),
            Color::Gray => (0xe5, 0xe5, 0xe5),
            Color::LightRed => (0xff, 0, 0),
            Color::LightGreen => (0, 0xff, 0),
            Color::LightCyan => (0, 0xff, 0xff),
            Color::White => (0xff, 0xff, 0xff),
            other => panic!("{other:?} is not in this table"),
        }
    }

    #[test]
    fn coloured_keys_have_readable_text() {
        let theme = Theme { colour: true };
        for group in [
            ButtonGroup::Operator,
            ButtonGroup::Function,
            ButtonGroup::Accent,
            ButtonGroup::Warning,
        ] {
            for state in [KeyState::Resting, KeyState::Hovered, KeyState::Pressed] {
                let style = theme.key(group, state);
                let (fg, bg) = (style.fg.unwrap(), style.bg.unwrap());
                let (a, b) = (luminance(xterm(fg)), luminance(xterm(bg)));
                let contrast = (a.max(b) + 0.05) / (a.min(b) + 0.05);
                assert!(contrast >= 4.5, "{group:?} {state:?}: {contrast:.2}");
            }
        }
    }

    #[test]
    fn digits_use_the_terminal_colours() {
        for colour in [true, false] {
            let style = Theme { colour }.key(ButtonGroup::Digit, KeyState::Resting);
            assert_eq!((style.fg, style.bg), (None, None));
            assert!(style.add_modifier.contains(Modifier::REVERSED));
        }
    }
}
