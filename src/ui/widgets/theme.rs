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
    /// The terminal's background is light (asked of it, or `--theme`).
    pub light: bool,
}

/// Text colours on the terminal's background, at least 4.5:1 (xterm's
/// 256-colour palette) on the dark backgrounds (black to #303030) or the
/// light ones (#e4e4e4 to white) that each palette is for.
struct Palette {
    accent: Color,
    alert: Color,
    notice: Color,
    quiet: Color,
}

const DARK: Palette = Palette {
    accent: Color::Indexed(36),
    alert: Color::Indexed(210),
    notice: Color::Indexed(141),
    quiet: Color::Indexed(247),
};

const LIGHT: Palette = Palette {
    accent: Color::Indexed(22),
    alert: Color::Indexed(124),
    notice: Color::Indexed(55),
    quiet: Color::Indexed(241),
};

/// A pressed digit's face, under black text.
const PRESSED: Color = Color::Indexed(243);

impl Theme {
    fn palette(self) -> &'static Palette {
        if self.light { &LIGHT } else { &DARK }
    }

    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    pub fn title(self) -> Style {
        self.fg(self.palette().accent).add_modifier(Modifier::BOLD)
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

    /// The answer of the last Enter: the brightest thing on the screen.
    /// The terminal's own text colour, bold: whatever the background, that
    /// is the colour made to read on it (the fixed accent green was 3.7:1
    /// on a dark grey, dimmer than the plain preview).
    pub fn answer(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The live preview while typing: plain, under the entered answer.
    pub fn preview(self) -> Style {
        Style::new()
    }

    /// A history row's result.
    pub fn result(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(self.palette().alert).add_modifier(Modifier::BOLD)
    }

    pub fn fault(self) -> Style {
        self.error().add_modifier(Modifier::UNDERLINED)
    }

    pub fn warning(self) -> Style {
        self.fg(self.palette().notice).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.colour {
            Style::new().fg(self.palette().quiet)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A key's face. Digits are the terminal's own colours reversed; the
    /// other groups carry black or white text on a colour, each at 4.5:1 or
    /// more with xterm's palette. Hover lights the face, a press darkens it;
    /// the key keeps its body either way. Without colour the groups differ
    /// by attributes: digits reversed, `=` bold reversed, operators bold.
    pub fn key(self, group: ButtonGroup, state: KeyState) -> Style {
        if !self.colour {
            // Every key has a body (reversed); the groups differ by
            // attributes. An underline is for the label only (the keypad
            // draws it on the label's row, not on the whole body).
            let base = Style::new().add_modifier(Modifier::REVERSED);
            let base = match group {
                ButtonGroup::Digit => base,
                ButtonGroup::Accent => base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                ButtonGroup::Operator => base.add_modifier(Modifier::BOLD),
                ButtonGroup::Warning => base.add_modifier(Modifier::UNDERLINED),
                ButtonGroup::Function => base.add_modifier(Modifier::ITALIC),
            };
            return match state {
                KeyState::Resting => base,
                KeyState::Hovered if group == ButtonGroup::Accent => {
                    base.add_modifier(Modifier::ITALIC)
                }
                KeyState::Hovered => base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                // Pushed in: the body goes, the label stays, bold.
                KeyState::Pressed => base
                    .remove_modifier(Modifier::REVERSED)
                    .add_modifier(Modifier::BOLD),
            };
        }
        // (text, face at rest, hovered, pressed). On a light background
        // the hovered faces are greys and cyans a step darker, so that a
        // key keeps a body (1.25:1 or more) against the background.
        let light = self.light;
        let (text, face, bright, dark) = match group {
            ButtonGroup::Digit => (
                Color::Black,
                Color::Reset,
                if light {
                    Color::Indexed(250)
                } else {
                    Color::White
                },
                PRESSED,
            ),
            ButtonGroup::Operator => (
                Color::Black,
                Color::Cyan,
                if light {
                    Color::Indexed(44)
                } else {
                    Color::LightCyan
                },
                Color::Indexed(30),
            ),
            ButtonGroup::Function => (
                Color::Black,
                Color::DarkGray,
                if light {
                    Color::Indexed(248)
                } else {
                    Color::Gray
                },
                Color::Indexed(240),
            ),
            ButtonGroup::Accent => (
                Color::Black,
                Color::Green,
                Color::LightGreen,
                Color::Indexed(28),
            ),
            ButtonGroup::Warning => (
                Color::White,
                Color::Red,
                Color::LightRed,
                Color::Indexed(88),
            ),
        };
        let style = match (group, state) {
            (ButtonGroup::Digit, KeyState::Resting) => {
                Style::new().add_modifier(Modifier::REVERSED)
            }
            (_, KeyState::Resting) => Style::new().fg(text).bg(face),
            // Light faces take black text, dark ones white.
            (_, KeyState::Hovered) => Style::new().fg(Color::Black).bg(bright),
            (ButtonGroup::Digit | ButtonGroup::Operator, KeyState::Pressed) => {
                Style::new().fg(Color::Black).bg(dark)
            }
            (_, KeyState::Pressed) => Style::new().fg(Color::White).bg(dark),
        };
        if group == ButtonGroup::Accent {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
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
            Color::Indexed(n @ 16..=231) => {
                let level = |i: u8| if i == 0 { 0 } else { 55 + 40 * i };
                let n = n - 16;
                (level(n / 36), level(n / 6 % 6), level(n % 6))
            }
            Color::Indexed(n @ 232..=255) => {
                let v = 8 + 10 * (n - 232);
                (v, v, v)
            }
            other => panic!("{other:?} is not in this table"),
        }
    }

    fn contrast(a: Color, b: Color) -> f64 {
        let (a, b) = (luminance(xterm(a)), luminance(xterm(b)));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn text_colours_read_on_dark_and_light_terminals() {
        for light in [false, true] {
            let theme = Theme {
                colour: true,
                light,
            };
            // The darkest and lightest backgrounds each palette is for.
            let backgrounds = if light {
                [Color::White, Color::Indexed(254)]
            } else {
                [Color::Black, Color::Indexed(236)]
            };
            for (name, style) in [
                ("title", theme.title()),
                ("error", theme.error()),
                ("warning", theme.warning()),
                ("dim", theme.dim()),
            ] {
                let fg = style.fg.unwrap();
                for background in backgrounds {
                    let ratio = contrast(fg, background);
                    assert!(ratio >= 4.5, "{name} on {background:?}: {ratio:.2}");
                }
            }
        }
    }

    /// Every key keeps a body against the background (1.25:1 or more) and
    /// readable text (4.5:1), idle, hovered and pressed, dark and light.
    #[test]
    fn keys_keep_a_body_and_readable_text_on_either_background() {
        for light in [false, true] {
            let theme = Theme {
                colour: true,
                light,
            };
            let background = if light { Color::White } else { Color::Black };
            let foreground = if light { Color::Black } else { Color::White };
            for group in [
                ButtonGroup::Digit,
                ButtonGroup::Operator,
                ButtonGroup::Function,
                ButtonGroup::Accent,
                ButtonGroup::Warning,
            ] {
                for state in [KeyState::Resting, KeyState::Hovered, KeyState::Pressed] {
                    let style = theme.key(group, state);
                    // A reversed digit's face is the terminal's text colour.
                    let (fg, face) = match (style.fg, style.bg) {
                        (Some(fg), Some(bg)) => (fg, bg),
                        _ => (background, foreground),
                    };
                    let body = contrast(face, background);
                    assert!(body >= 1.25, "{light} {group:?} {state:?}: body {body:.2}");
                    let text = contrast(fg, face);
                    assert!(text >= 4.5, "{light} {group:?} {state:?}: text {text:.2}");
                }
            }
        }
    }

    #[test]
    fn the_entered_answer_is_at_least_as_prominent_as_the_preview() {
        for colour in [true, false] {
            let theme = Theme {
                colour,
                light: false,
            };
            // The terminal's text colour, as the preview, and bold on top.
            assert_eq!(theme.answer().fg, theme.preview().fg);
            assert!(theme.answer().add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn hover_lights_and_press_darkens_a_key_without_losing_its_body() {
        let theme = Theme {
            colour: true,
            light: false,
        };
        for group in [
            ButtonGroup::Digit,
            ButtonGroup::Operator,
            ButtonGroup::Warning,
        ] {
            for state in [KeyState::Hovered, KeyState::Pressed] {
                let style = theme.key(group, state);
                assert!(style.bg.is_some(), "{group:?} {state:?}");
                assert!(!style.add_modifier.contains(Modifier::UNDERLINED));
                assert!(!style.add_modifier.contains(Modifier::REVERSED));
            }
        }
    }

    #[test]
    fn without_colour_the_key_groups_differ() {
        let theme = Theme {
            colour: false,
            light: false,
        };
        let looks: Vec<Style> = [
            ButtonGroup::Digit,
            ButtonGroup::Operator,
            ButtonGroup::Function,
            ButtonGroup::Accent,
            ButtonGroup::Warning,
        ]
        .into_iter()
        .map(|g| theme.key(g, KeyState::Resting))
        .collect();
        for (i, a) in looks.iter().enumerate() {
            assert!(looks[i + 1..].iter().all(|b| b != a), "{looks:?}");
        }
    }

    #[test]
    fn coloured_keys_have_readable_text() {
        let theme = Theme {
            colour: true,
            light: false,
        };
        for group in [
            ButtonGroup::Digit,
            ButtonGroup::Operator,
            ButtonGroup::Function,
            ButtonGroup::Accent,
            ButtonGroup::Warning,
        ] {
            for state in [KeyState::Resting, KeyState::Hovered, KeyState::Pressed] {
                let style = theme.key(group, state);
                if group == ButtonGroup::Digit && state == KeyState::Resting {
                    continue;
                }
                let (fg, bg) = (style.fg.unwrap(), style.bg.unwrap());
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "{group:?} {state:?}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn without_colour_every_key_has_a_body_and_each_state_looks_its_own() {
        let theme = Theme {
            colour: false,
            light: false,
        };
        for group in [
            ButtonGroup::Digit,
            ButtonGroup::Operator,
            ButtonGroup::Function,
            ButtonGroup::Accent,
            ButtonGroup::Warning,
        ] {
            let [resting, hovered, pressed] =
                [KeyState::Resting, KeyState::Hovered, KeyState::Pressed]
                    .map(|s| theme.key(group, s));
            assert!(
                resting.add_modifier.contains(Modifier::REVERSED),
                "{group:?}"
            );
            assert!(
                resting != hovered && hovered != pressed && resting != pressed,
                "{group:?}"
            );
        }
    }

    #[test]
    fn digits_use_the_terminal_colours() {
        for colour in [true, false] {
            let style = Theme {
                colour,
                light: false,
            }
            .key(ButtonGroup::Digit, KeyState::Resting);
            assert_eq!((style.fg, style.bg), (None, None));
            assert!(style.add_modifier.contains(Modifier::REVERSED));
        }
    }
}
