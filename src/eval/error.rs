//! Errors carry a kind, a plain-words message and the byte span they point at.

use std::fmt;
use unicode_width::UnicodeWidthChar;

/// A byte range `[start, end)` into the input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not a well-formed expression.
    Syntax,
    /// A name that is neither a variable, a constant nor a function.
    UnknownName,
    /// A function or operator applied outside its domain (`sqrt(-1)`, `ln(0)`).
    Domain,
    DivisionByZero,
    /// A number would exceed the size limit.
    TooLarge,
    /// The input is too long, too deeply nested or too costly to evaluate.
    TooComplex,
    /// The shown digits could not be established within the precision limit.
    Undetermined,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Span) -> Self {
        Error {
            kind,
            message: message.into(),
            span,
        }
    }

    /// The input on one line and a caret line under the faulty span, as a
    /// terminal shows them. Control characters never reach the output raw:
    /// each is shown as `�` so the caret columns still line up.
    pub fn caret_diagnostic(&self, input: &str) -> String {
        let shown: String = input
            .chars()
            .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
            .collect();
        // Columns by display width, as the terminal places them (`日` takes two).
        let column = |byte: usize| {
            input[..floor_char_boundary(input, byte)]
                .chars()
                .map(|c| c.width().unwrap_or(1))
                .sum::<usize>()
        };
        let start = column(self.span.start);
        let width = column(self.span.end).saturating_sub(start).max(1);
        format!("{shown}\n{}{}", " ".repeat(start), "^".repeat(width))
    }
}

fn floor_char_boundary(s: &str, mut index: usize) -> usize {
    index = index.min(s.len());
    while !s.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_span() {
        let e = Error::new(ErrorKind::Syntax, "x", Span::new(4, 5));
        assert_eq!(e.caret_diagnostic("1 + ) 2"), "1 + ) 2\n    ^");
    }

    #[test]
    fn caret_counts_characters_not_bytes() {
        let e = Error::new(ErrorKind::Syntax, "x", Span::new("2×".len(), "2×)".len()));
        assert_eq!(e.caret_diagnostic("2×)"), "2×)\n  ^");
    }

    #[test]
    fn caret_counts_display_columns() {
        let e = Error::new(
            ErrorKind::Syntax,
            "x",
            Span::new("日本".len(), "日本)".len()),
        );
        assert_eq!(e.caret_diagnostic("日本)"), "日本)\n    ^");
    }

    #[test]
    fn control_characters_are_never_echoed() {
        let e = Error::new(ErrorKind::Syntax, "x", Span::new(1, 2));
        let shown = e.caret_diagnostic("1\u{1b}[2J");
        assert!(!shown.contains('\u{1b}'));
        assert_eq!(shown, "1\u{FFFD}[2J\n ^");
    }

    #[test]
    fn empty_span_still_gets_one_caret() {
        let e = Error::new(ErrorKind::Syntax, "x", Span::new(3, 3));
        assert_eq!(e.caret_diagnostic("1+("), "1+(\n   ^");
    }
}
