//! What the display reads out under the input: the live preview, the
//! last preview that worked (while the input is merely unfinished), the
//! answer kept after Enter, or the error Enter gave.

use crate::eval::{Answer, Error};
use crate::ui::widgets::display::AnswerKind;

/// What the display shows under the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DisplayContent<'a> {
    /// Nothing typed and no answer: a hint.
    Nothing,
    /// The live preview of the input, or the answer of the last Enter.
    Answer(&'a Answer, AnswerKind),
    Error(&'a Error),
}

/// An answer that stays on the display after Enter, with what made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    pub expression: String,
    pub answer: Answer,
}

#[derive(Debug, Default)]
pub struct Readout {
    preview: Option<Result<Answer, Error>>,
    /// The last preview that worked, shown dimmed while the input is unfinished.
    last_good: Option<Answer>,
    /// The answer of the last Enter, until a new expression starts.
    kept: Option<Kept>,
    /// The error shown came from Enter, not from the live preview.
    entered_error: bool,
}

impl Readout {
    /// What to show for the input `input`.
    pub fn content(&self, input: &str) -> DisplayContent<'_> {
        match (&self.preview, &self.kept) {
            (Some(Ok(answer)), _) => DisplayContent::Answer(answer, AnswerKind::Live),
            (Some(Err(error)), _) if self.is_unfinished(error, input) => match &self.last_good {
                Some(answer) => DisplayContent::Answer(answer, AnswerKind::Stale),
                None => DisplayContent::Nothing,
            },
            (Some(Err(error)), _) => DisplayContent::Error(error),
            (None, Some(kept)) => DisplayContent::Answer(&kept.answer, AnswerKind::Entered),
            (None, None) => DisplayContent::Nothing,
        }
    }

    /// An error of the live preview that only says the input stops early.
    /// After Enter it is an error like any other.
    fn is_unfinished(&self, error: &Error, input: &str) -> bool {
        !self.entered_error && error.is_unfinished(input)
    }

    /// The answer kept after Enter, if any.
    pub fn kept(&self) -> Option<&Kept> {
        self.kept.as_ref()
    }

    /// Takes the kept answer away (to edit its expression again).
    pub fn take_kept(&mut self) -> Option<Kept> {
        self.kept.take()
    }

    /// A new expression starts: the old answer goes.
    pub fn drop_kept(&mut self) {
        self.kept = None;
    }

    /// Enter gave `answer` for `expression`: it stays on the display.
    pub fn keep(&mut self, expression: String, answer: Answer) {
        self.kept = Some(Kept { expression, answer });
    }

    /// The input is empty: no preview.
    pub fn clear_preview(&mut self) {
        self.entered_error = false;
        self.preview = None;
        self.last_good = None;
    }

    /// The live preview of the input. The stale answer is the last one of
    /// this line's unfinished run: an error on the way (`s`, `sq`, …
    /// `sqrt(`) drops it.
    pub fn show_preview(&mut self, preview: Result<Answer, Error>) {
        self.entered_error = false;
        match &preview {
            Ok(answer) => self.last_good = Some(answer.clone()),
            Err(error) if !error.is_incomplete() => self.last_good = None,
            Err(_) => {}
        }
        self.preview = Some(preview);
    }

    /// Enter failed with `error`: it shows as an error, even where it
    /// only says the input stops early.
    pub fn show_entered_error(&mut self, error: Error) {
        self.preview = Some(Err(error));
        self.entered_error = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Session, Settings};

    fn preview(text: &str) -> Result<Answer, Error> {
        Session::new().preview(text, &Settings::default())
    }

    #[test]
    fn an_unfinished_input_shows_the_last_answer_dimmed_until_enter() {
        let mut readout = Readout::default();
        assert_eq!(readout.content(""), DisplayContent::Nothing);
        readout.show_preview(preview("2*3"));
        assert!(matches!(
            readout.content("2*3"),
            DisplayContent::Answer(a, AnswerKind::Live) if a.text == "6"
        ));
        readout.show_preview(preview("2*3+"));
        assert!(matches!(
            readout.content("2*3+"),
            DisplayContent::Answer(a, AnswerKind::Stale) if a.text == "6"
        ));
        readout.show_entered_error(preview("2*3+").unwrap_err());
        assert!(matches!(readout.content("2*3+"), DisplayContent::Error(_)));
        readout.clear_preview();
        assert_eq!(readout.content(""), DisplayContent::Nothing);
    }

    #[test]
    fn the_kept_answer_shows_when_nothing_is_typed() {
        let mut readout = Readout::default();
        readout.keep("6*7".into(), preview("6*7").unwrap());
        assert!(matches!(
            readout.content(""),
            DisplayContent::Answer(a, AnswerKind::Entered) if a.text == "42"
        ));
        assert_eq!(readout.take_kept().unwrap().expression, "6*7");
        assert!(readout.kept().is_none());
        readout.keep("1".into(), preview("1").unwrap());
        readout.drop_kept();
        assert_eq!(readout.content(""), DisplayContent::Nothing);
    }
}
