//! Application state and the one place it changes: `App::update`.

use super::history::{HistoryEntry, MAX_ENTRIES};
use super::keypad::{ButtonEffect, KeypadButton};
use crate::eval::{AngleMode, Answer, Error, Exactness, Session, Settings};

/// Everything the user can ask for, from keys, mouse or signals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Insert(String),
    Backspace,
    Delete,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Esc: close the help if open, else clear the input.
    Escape,
    Evaluate,
    RecallPrevious,
    RecallNext,
    /// Scroll history by this many lines (positive: towards older entries).
    ScrollHistory(i32),
    /// Put a history entry's expression, or its result, into the input.
    PickHistory {
        index: usize,
        result: bool,
    },
    Press(KeypadButton),
    Release,
    ToggleHelp,
    CopyResult,
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
}

pub struct App {
    pub input: String,
    /// Cursor position in characters.
    pub cursor: usize,
    pub history: Vec<HistoryEntry>,
    /// History lines scrolled up from the newest.
    pub history_scroll: usize,
    /// Index into history while recalling with ↑/↓.
    recall: Option<usize>,
    pub preview: Option<Result<Answer, Error>>,
    pub status: Option<String>,
    pub show_help: bool,
    pub pressed: Option<KeypadButton>,
    pub settings: Settings,
    pub size: (u16, u16),
    pub colour: bool,
    pub should_quit: bool,
    /// Set when history changed and should be written out.
    pub history_dirty: bool,
    /// Text to send to the clipboard (OSC 52) by the terminal loop.
    pub clipboard: Option<String>,
    /// The last history entry clicked, to tell a second click.
    last_pick: Option<usize>,
    session: Session,
}

impl App {
    pub fn new(settings: Settings, history: Vec<HistoryEntry>, colour: bool) -> Self {
        App {
            input: String::new(),
            cursor: 0,
            history,
            history_scroll: 0,
            recall: None,
            preview: None,
            status: None,
            show_help: false,
            pressed: None,
            settings,
            size: (0, 0),
            colour,
            should_quit: false,
            history_dirty: false,
            clipboard: None,
            last_pick: None,
            session: Session::new(),
        }
    }

    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. } | Action::Release) {
            self.status = None;
        }
        if !matches!(action, Action::PickHistory { .. }) {
            self.last_pick = None;
        }
        match action {
            Action::Insert(text) => self.insert(&text),
            Action::Backspace => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    self.remove_at_cursor();
                }
            }
            Action::Delete => self.remove_at_cursor(),
            Action::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight => self.cursor = (self.cursor + 1).min(self.input_len()),
            Action::CursorHome => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.input_len(),
            Action::Escape if self.show_help => self.show_help = false,
            Action::Escape => self.set_input(String::new()),
            Action::Evaluate => self.evaluate(),
            Action::RecallPrevious => self.recall_step(-1),
            Action::RecallNext => self.recall_step(1),
            Action::ScrollHistory(lines) => {
                let max = self.history.len().saturating_sub(1);
                let scrolled = self.history_scroll as i64 + i64::from(lines);
                self.history_scroll = scrolled.clamp(0, max as i64) as usize;
            }
            Action::PickHistory { index, result } => {
                if let Some(entry) = self.history.get(index) {
                    let second_click = self.last_pick == Some(index);
                    let text = if result || second_click {
                        entry.result.clone()
                    } else {
                        entry.expression.clone()
                    };
                    self.set_input(text);
                    self.last_pick = Some(index);
                }
            }
            Action::Press(button) => {
                self.pressed = Some(button);
                self.press(button);
            }
            Action::Release => self.pressed = None,
            Action::ToggleHelp => self.show_help = !self.show_help,
            Action::CopyResult => match self.history.last() {
                Some(entry) => {
                    self.clipboard = Some(entry.result.clone());
                    self.status =
                        Some(format!("copied {} to the clipboard (OSC 52)", entry.result));
                }
                None => self.status = Some("nothing to copy yet".into()),
            },
            Action::Resize { width, height } => self.size = (width, height),
            Action::Quit => self.should_quit = true,
        }
    }

    fn press(&mut self, button: KeypadButton) {
        match button.effect() {
            ButtonEffect::Insert(text) => self.insert(text),
            ButtonEffect::Evaluate => self.evaluate(),
            ButtonEffect::Clear => self.set_input(String::new()),
            ButtonEffect::Backspace => self.update(Action::Backspace),
            ButtonEffect::Negate => {
                let negated = match self
                    .input
                    .strip_prefix("-(")
                    .and_then(|s| s.strip_suffix(')'))
                {
                    Some(inner) => inner.to_string(),
                    None if self.input.is_empty() => "-".into(),
                    None => format!("-({})", self.input),
                };
                self.set_input(negated);
            }
            ButtonEffect::ToggleAngle => {
                self.settings.angle = match self.settings.angle {
                    AngleMode::Radians => AngleMode::Degrees,
                    AngleMode::Degrees => AngleMode::Radians,
                };
                self.refresh_preview();
            }
        }
    }

    fn input_len(&self) -> usize {
        self.input.chars().count()
    }

    fn byte_index(&self, chars: usize) -> usize {
        self.input
            .char_indices()
            .nth(chars)
            .map_or(self.input.len(), |(i, _)| i)
    }

    fn insert(&mut self, text: &str) {
        let at = self.byte_index(self.cursor);
        self.input.insert_str(at, text);
        self.cursor += text.chars().count();
        self.recall = None;
        self.refresh_preview();
    }

    fn remove_at_cursor(&mut self) {
        if self.cursor < self.input_len() {
            let at = self.byte_index(self.cursor);
            self.input.remove(at);
            self.refresh_preview();
        }
    }

    fn set_input(&mut self, text: String) {
        self.cursor = text.chars().count();
        self.input = text;
        self.refresh_preview();
    }

    fn refresh_preview(&mut self) {
        self.preview = if self.input.trim().is_empty() {
            None
        } else {
            Some(self.session.preview(&self.input, &self.settings))
        };
    }

    fn evaluate(&mut self) {
        if self.input.trim().is_empty() {
            return;
        }
        match self.session.evaluate(&self.input, &self.settings) {
            Ok(answer) => {
                self.history.push(HistoryEntry {
                    expression: self.input.trim().to_string(),
                    result: answer.text,
                    approximate: answer.exactness == Exactness::Rounded,
                });
                let excess = self.history.len().saturating_sub(MAX_ENTRIES);
                self.history.drain(..excess);
                self.history_dirty = true;
                self.history_scroll = 0;
                self.recall = None;
                self.set_input(String::new());
            }
            Err(error) => {
                self.status = Some(format!("error: {error}"));
                self.preview = Some(Err(error));
            }
        }
    }

    fn recall_step(&mut self, direction: i64) {
        if self.history.is_empty() {
            return;
        }
        let newest = self.history.len() as i64 - 1;
        let next = match self.recall {
            None if direction < 0 => newest,
            None => return,
            Some(i) => i as i64 + direction,
        };
        if next > newest {
            self.recall = None;
            self.set_input(String::new());
        } else {
            let index = next.max(0) as usize;
            self.recall = Some(index);
            self.set_input(self.history[index].expression.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        App::new(Settings::default(), Vec::new(), true)
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Insert(c.to_string()));
        }
    }

    #[test]
    fn typing_updates_the_preview_and_enter_records_history() {
        let mut app = app();
        typed(&mut app, "0.1+0.2");
        assert_eq!(app.preview.as_ref().unwrap().as_ref().unwrap().text, "0.3");
        app.update(Action::Evaluate);
        assert_eq!(app.input, "");
        assert_eq!(
            app.history[0],
            HistoryEntry {
                expression: "0.1+0.2".into(),
                result: "0.3".into(),
                approximate: false
            }
        );
        assert!(app.history_dirty);
        typed(&mut app, "1/3");
        app.update(Action::Evaluate);
        assert!(app.history[1].approximate);
    }

    #[test]
    fn errors_keep_the_input_and_say_why() {
        let mut app = app();
        typed(&mut app, "1/0");
        app.update(Action::Evaluate);
        assert_eq!(app.input, "1/0");
        assert!(app.history.is_empty());
        assert_eq!(app.status.as_deref(), Some("error: division by zero"));
    }

    #[test]
    fn editing_keys_move_and_delete_by_character() {
        let mut app = app();
        typed(&mut app, "2×3");
        app.update(Action::CursorLeft);
        app.update(Action::Backspace);
        assert_eq!((app.input.as_str(), app.cursor), ("23", 1));
        app.update(Action::CursorHome);
        app.update(Action::Delete);
        assert_eq!(app.input, "3");
        app.update(Action::CursorEnd);
        typed(&mut app, "!");
        assert_eq!(app.input, "3!");
        app.update(Action::Escape);
        assert_eq!(app.input, "");
    }

    #[test]
    fn keypad_buttons_act_like_keys() {
        let mut app = app();
        for b in [
            KeypadButton::Digit(6),
            KeypadButton::Times,
            KeypadButton::Digit(7),
        ] {
            app.update(Action::Press(b));
            app.update(Action::Release);
        }
        assert_eq!(app.input, "6*7");
        app.update(Action::Press(KeypadButton::Equals));
        assert_eq!(app.history.last().unwrap().result, "42");
        app.update(Action::Press(KeypadButton::Sqrt));
        app.update(Action::Press(KeypadButton::Ans));
        assert_eq!(app.input, "sqrt(ans");
        assert_eq!(
            app.preview.as_ref().unwrap().as_ref().unwrap().text,
            "6.48074069840786"
        );
        app.update(Action::Press(KeypadButton::Negate));
        assert_eq!(app.input, "-(sqrt(ans)");
        app.update(Action::Press(KeypadButton::Negate));
        assert_eq!(app.input, "sqrt(ans");
        app.update(Action::Press(KeypadButton::Clear));
        assert_eq!(app.input, "");
        assert_eq!(app.pressed, Some(KeypadButton::Clear));
        app.update(Action::Release);
        assert_eq!(app.pressed, None);
    }

    #[test]
    fn angle_toggle_changes_trigonometry() {
        let mut app = app();
        typed(&mut app, "sin(30)");
        app.update(Action::Press(KeypadButton::AngleMode));
        assert_eq!(app.settings.angle, AngleMode::Degrees);
        assert_eq!(app.preview.as_ref().unwrap().as_ref().unwrap().text, "0.5");
    }

    #[test]
    fn arrows_recall_earlier_expressions() {
        let mut app = app();
        for e in ["1+1", "2+2"] {
            typed(&mut app, e);
            app.update(Action::Evaluate);
        }
        app.update(Action::RecallPrevious);
        assert_eq!(app.input, "2+2");
        app.update(Action::RecallPrevious);
        assert_eq!(app.input, "1+1");
        app.update(Action::RecallPrevious);
        assert_eq!(app.input, "1+1");
        app.update(Action::RecallNext);
        assert_eq!(app.input, "2+2");
        app.update(Action::RecallNext);
        assert_eq!(app.input, "");
    }

    #[test]
    fn picking_history_puts_expression_then_result_in_the_input() {
        let mut app = app();
        typed(&mut app, "6*7");
        app.update(Action::Evaluate);
        app.update(Action::PickHistory {
            index: 0,
            result: false,
        });
        assert_eq!(app.input, "6*7");
        app.update(Action::PickHistory {
            index: 0,
            result: false,
        });
        assert_eq!(app.input, "42");
        app.update(Action::Escape);
        app.update(Action::PickHistory {
            index: 0,
            result: true,
        });
        assert_eq!(app.input, "42");
        app.update(Action::PickHistory {
            index: 9,
            result: false,
        });
        assert_eq!(app.input, "42");
    }

    #[test]
    fn copy_sends_the_last_result() {
        let mut app = app();
        app.update(Action::CopyResult);
        assert_eq!(app.clipboard, None);
        typed(&mut app, "2^10");
        app.update(Action::Evaluate);
        app.update(Action::CopyResult);
        assert_eq!(app.clipboard.as_deref(), Some("1024"));
        assert!(app.status.as_deref().unwrap().contains("copied 1024"));
    }

    #[test]
    fn history_scroll_is_clamped() {
        let mut app = app();
        for i in 0..5 {
            typed(&mut app, &i.to_string());
            app.update(Action::Evaluate);
        }
        app.update(Action::ScrollHistory(100));
        assert_eq!(app.history_scroll, 4);
        app.update(Action::ScrollHistory(-100));
        assert_eq!(app.history_scroll, 0);
    }

    #[test]
    fn help_toggles_and_escape_closes_it() {
        let mut app = app();
        app.update(Action::ToggleHelp);
        assert!(app.show_help);
        app.update(Action::Escape);
        assert!(!app.show_help);
    }
}
