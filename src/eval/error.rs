//! Errors carry a kind, a plain-words message and the byte span they point at.

use super::builtins::Arity;
use super::radix::{EveryNotation, Notation, Radix};
use super::units::Measure;
use std::borrow::Cow;
use std::fmt;
use unicode_width::UnicodeWidthChar;

/// What needs two quantities of one dimension, for a `DimensionMismatch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitOperation {
    Add,
    Subtract,
    Convert,
    /// `min`, `max` and the other functions of one dimension.
    Compare,
    Modulo,
}

/// The verb: "add", "take mod of".
impl fmt::Display for UnitOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnitOperation::Add => "add",
            UnitOperation::Subtract => "subtract",
            UnitOperation::Convert => "convert",
            UnitOperation::Compare => "compare",
            UnitOperation::Modulo => "take mod of",
        })
    }
}

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

/// What went wrong, with what the message needs. The words for every
/// error are in one place: `Display` below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    // The text is not a well-formed expression.
    EmptyExpression,
    UnexpectedCharacter(char),
    ControlCharacter(char),
    LonePoint,
    /// `_` not between two digits (`1__0`, `1_`, `0x_1`).
    MisplacedUnderscore,
    /// A radix prefix with no digit after it (`0x`).
    MissingDigits {
        radix: Radix,
    },
    /// A digit the radix does not have (`0b102`, `0o8`).
    InvalidDigit {
        digit: char,
        radix: Radix,
    },
    UnmatchedClose,
    UnclosedOpen,
    AssignmentNotAtStart,
    MissingOperator,
    PercentIsNotRemainder,
    EndsEarly,
    /// A token where none of its kind can stand: its kind in words, or a
    /// symbol quoted as typed.
    Unexpected(Cow<'static, str>),
    CommaOutsideCall,
    NeedsParentheses {
        function: &'static str,
    },
    WrongArgumentCount {
        function: &'static str,
        arity: Arity,
        given: usize,
    },
    BuiltInAssigned {
        name: String,
    },
    /// `sin(x) = …`: a definition of a built-in function's name.
    BuiltInRedefined {
        name: String,
    },
    /// A function's name taken by a variable, or the other way round.
    NameInUse {
        name: String,
        as_what: &'static str,
    },
    /// `f(x) = … to km`: a definition converts nothing.
    ConvertedDefinition,
    /// `f(x, x) = …`.
    DuplicateParameter {
        name: String,
    },
    /// A user's function called with the wrong number of arguments;
    /// `signature` is how it was defined (`f(x, y)`).
    UserArgumentCount {
        signature: String,
        params: usize,
        given: usize,
    },
    /// A function that would call itself, directly or through others:
    /// the cycle, `f → g → f`.
    Recursion {
        cycle: String,
    },
    UnknownForm {
        form: String,
        suggestion: Option<String>,
    },
    /// `to` with no unit or form after it, but what is described here.
    MissingForm(&'static str),
    // Names.
    UnknownName {
        name: String,
        suggestion: Option<String>,
    },
    /// A name used as a function (`pow(2, 3)`) that is none.
    UnknownFunction {
        name: String,
        suggestion: Option<String>,
    },
    NoAnswerYet,
    // Units.
    /// Two quantities of different dimensions, where one is needed.
    DimensionMismatch {
        operation: UnitOperation,
        left: Box<Measure>,
        right: Box<Measure>,
    },
    /// A quantity where only a plain number will do (`sin(1 m)`, `2^(1 m)`).
    NeedsPlainNumber {
        operation: &'static str,
        unit: Box<Measure>,
    },
    /// A root or power that would leave a dimension to a fractional power.
    FractionalDimension {
        operation: &'static str,
        unit: Box<Measure>,
    },
    // Outside a function's or operator's domain.
    Domain {
        reason: &'static str,
    },
    /// An operation on integers given something else.
    NotWhole {
        operation: &'static str,
    },
    /// `to frac` of a value known only approximately.
    NotExact,
    NoRealResult,
    /// A real-only operation given a complex value.
    IsComplex {
        operation: &'static str,
    },
    /// A real function outside its real domain (`real`: the real error's
    /// message), whose complex value (`value`, as shown) complex mode gives.
    ComplexValue {
        real: String,
        value: String,
    },
    DivisionByZero,
    ModuloByZero,
    ZeroToNegativePower,
    NegativeShift,
    // Too large to hold or to compute.
    TooLarge,
    TooSmall,
    LiteralTooLarge,
    FactorialTooLarge {
        limit: u64,
    },
    ArgumentTooLarge {
        function: &'static str,
        bits: usize,
    },
    InputTooLong {
        length: usize,
        limit: usize,
    },
    NestedTooDeeply {
        limit: usize,
    },
    TooMuchWork,
    RecomputationTooDeep {
        limit: usize,
    },
    /// Precision or the work budget ran out before an approximate value
    /// settled `question`; it lies within `10^within` of the boundary.
    Undetermined {
        question: Question,
        within: i64,
    },
}

/// What an enclosure of an approximate value could not settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Whether the value is 0: its sign, or whether a divisor is.
    Zero,
    /// Which whole numbers it lies between (floor, round, `to hex`, …).
    Whole,
    /// Which way its last shown significant digit rounds.
    Digit(usize),
    /// Whether it lies inside the function's domain, near the domain's edge.
    Domain(&'static str),
    /// Anything about it: its enclosure is too wide to carry on with.
    Value,
}

/// The broad kind of an error, for callers that only need to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Syntax,
    UnknownName,
    Domain,
    DivisionByZero,
    TooLarge,
    TooComplex,
    Undetermined,
}

impl ErrorKind {
    pub fn category(&self) -> Category {
        use ErrorKind::*;
        match self {
            EmptyExpression
            | UnexpectedCharacter(_)
            | ControlCharacter(_)
            | LonePoint
            | MisplacedUnderscore
            | MissingDigits { .. }
            | InvalidDigit { .. }
            | UnmatchedClose
            | UnclosedOpen
            | AssignmentNotAtStart
            | MissingOperator
            | PercentIsNotRemainder
            | EndsEarly
            | Unexpected(_)
            | CommaOutsideCall
            | NeedsParentheses { .. }
            | WrongArgumentCount { .. }
            | BuiltInAssigned { .. }
            | BuiltInRedefined { .. }
            | DuplicateParameter { .. }
            | NameInUse { .. }
            | ConvertedDefinition
            | UserArgumentCount { .. }
            | Recursion { .. }
            | UnknownForm { .. }
            | MissingForm(_) => Category::Syntax,
            UnknownName { .. } | UnknownFunction { .. } | NoAnswerYet => Category::UnknownName,
            DimensionMismatch { .. } | NeedsPlainNumber { .. } | FractionalDimension { .. } => {
                Category::Domain
            }
            Domain { .. }
            | NotWhole { .. }
            | NotExact
            | NoRealResult
            | NegativeShift
            | IsComplex { .. }
            | ComplexValue { .. } => Category::Domain,
            DivisionByZero | ModuloByZero | ZeroToNegativePower => Category::DivisionByZero,
            TooLarge
            | TooSmall
            | LiteralTooLarge
            | FactorialTooLarge { .. }
            | ArgumentTooLarge { .. } => Category::TooLarge,
            InputTooLong { .. }
            | NestedTooDeeply { .. }
            | TooMuchWork
            | RecomputationTooDeep { .. } => Category::TooComplex,
            Undetermined { .. } => Category::Undetermined,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            EmptyExpression => f.write_str("empty expression"),
            // A character that shows as nothing would be quoted as '' or
            // blank: named by its code point instead.
            UnexpectedCharacter(c) if c.is_whitespace() || c.width() == Some(0) => {
                write!(f, "unexpected invisible character U+{:04X}", *c as u32)
            }
            UnexpectedCharacter(c) => write!(f, "unexpected character '{c}'"),
            ControlCharacter(c) => {
                write!(f, "control character U+{:04X} is not allowed", *c as u32)
            }
            LonePoint => f.write_str("a lone '.' is not a number"),
            MisplacedUnderscore => f.write_str("'_' may stand only between two digits"),
            MissingDigits { radix } => {
                write!(
                    f,
                    "'{}' needs {} digits after it",
                    radix.prefix(),
                    radix.name()
                )
            }
            InvalidDigit { digit, radix } => {
                let article = if *radix == Radix::Octal { "an" } else { "a" };
                write!(f, "'{digit}' is not {article} {} digit", radix.name())
            }
            UnmatchedClose => f.write_str("unmatched ')'"),
            UnclosedOpen => f.write_str("expected ')' to close this '('"),
            AssignmentNotAtStart => {
                f.write_str("'=' assigns only at the start: write name = expression")
            }
            MissingOperator => f.write_str("missing operator before this number"),
            PercentIsNotRemainder => f.write_str("'%' is percent; for the remainder write 'mod'"),
            EndsEarly => f.write_str("expression ends too early: a number is missing"),
            Unexpected(what) => write!(f, "unexpected {what}"),
            CommaOutsideCall => f.write_str("',' only separates function arguments"),
            NeedsParentheses { function } => {
                write!(f, "function {function} needs parentheses: {function}(…)")
            }
            WrongArgumentCount {
                function,
                arity,
                given,
            } => match given {
                0 => write!(f, "{function} takes {}, none given", arity.describe()),
                _ => write!(f, "{function} takes {}, not {given}", arity.describe()),
            },
            BuiltInAssigned { name } => write!(f, "'{name}' is built in and cannot be assigned"),
            BuiltInRedefined { name } => {
                write!(f, "'{name}' is built in and cannot be redefined")
            }
            NameInUse { name, as_what } => {
                write!(f, "'{name}' is already {as_what}: choose another name")
            }
            ConvertedDefinition => f.write_str(
                "a definition converts nothing: write the conversion where the function is called",
            ),
            DuplicateParameter { name } => write!(f, "parameter '{name}' is named twice"),
            UserArgumentCount {
                signature,
                params,
                given,
            } => {
                let plural = if *params == 1 { "" } else { "s" };
                match given {
                    0 => write!(f, "{signature} takes {params} argument{plural}, none given"),
                    _ => write!(
                        f,
                        "{signature} takes {params} argument{plural}, not {given}"
                    ),
                }
            }
            Recursion { cycle } => write!(
                f,
                "a function cannot call itself, directly or through others: {cycle}"
            ),
            UnknownForm { form, .. } => write!(
                f,
                "unknown unit or form '{form}': write a unit, or {EveryNotation}"
            ),
            MissingForm(found) => write!(
                f,
                "a unit or a form must follow 'to', not {found}: write to km, {EveryNotation}"
            ),
            UnknownName { name, .. } => write!(f, "unknown name '{name}'"),
            UnknownFunction { name, .. } => write!(f, "unknown function '{name}'"),
            NoAnswerYet => f.write_str("no previous result yet for 'ans'"),
            DimensionMismatch {
                operation,
                left,
                right,
            } => match operation {
                UnitOperation::Convert => write!(f, "cannot convert {left} to {right}"),
                UnitOperation::Subtract => write!(f, "cannot subtract {right} from {left}"),
                _ => write!(f, "cannot {operation} {left} and {right}"),
            },
            NeedsPlainNumber { operation, unit } => {
                write!(f, "{operation} needs a plain number, not {unit}")
            }
            FractionalDimension { operation, unit } => write!(
                f,
                "{operation} of {unit} would leave a fractional power of a unit"
            ),
            Domain { reason } => f.write_str(reason),
            NotWhole { operation } => write!(f, "{operation} takes whole numbers"),
            NotExact => write!(
                f,
                "{} needs an exact value; this one is known only approximately",
                Notation::Fraction.request()
            ),
            NoRealResult => f.write_str("no real result here"),
            IsComplex { operation } => {
                write!(f, "{operation} takes real numbers; this value is complex")
            }
            ComplexValue { real, value } => write!(
                f,
                "{real}; its complex value is {value} (--complex, or F4 on the screen)"
            ),
            DivisionByZero => f.write_str("division by zero"),
            ModuloByZero => f.write_str("mod by zero"),
            ZeroToNegativePower => f.write_str("division by zero (0 to a negative power)"),
            NegativeShift => f.write_str("a shift count cannot be negative"),
            TooLarge => f.write_str("result too large"),
            TooSmall => f.write_str("result too small to represent"),
            LiteralTooLarge => {
                f.write_str("number literal too large (its exponent is over the limit)")
            }
            FactorialTooLarge { limit } => {
                write!(f, "result too large (factorial limit is {limit}!)")
            }
            ArgumentTooLarge { function, bits } => {
                write!(f, "argument too large for {function} (over 2^{bits})")
            }
            InputTooLong { length, limit } => {
                write!(f, "input too long ({length} bytes; the limit is {limit})")
            }
            NestedTooDeeply { limit } => write!(f, "expression nested too deeply (limit {limit})"),
            TooMuchWork => f.write_str("calculation too expensive (work limit reached)"),
            RecomputationTooDeep { limit } => write!(
                f,
                "this needs more than {limit} earlier approximate results recomputed"
            ),
            Undetermined { question, within } => match question {
                Question::Zero => write!(f, "cannot tell this from 0: |x| < 1e{within}"),
                Question::Whole => write!(
                    f,
                    "cannot tell which whole numbers this lies between: it is within 1e{within} of one"
                ),
                Question::Domain(function) => write!(
                    f,
                    "cannot tell whether this lies in {function}'s domain: it is within 1e{within} of the edge"
                ),
                Question::Value => write!(
                    f,
                    "cannot pin this value down: it is known only to within 1e{within}"
                ),
                Question::Digit(n) => write!(
                    f,
                    "cannot decide significant digit {n}: the value is within 1e{within} of a rounding tie"
                ),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub span: Span,
}

impl Error {
    pub fn new(kind: ErrorKind, span: Span) -> Self {
        Error { kind, span }
    }

    /// A result beyond the limits on size.
    pub fn too_large(span: Span) -> Self {
        Error::new(ErrorKind::TooLarge, span)
    }

    /// A result too close to zero to represent.
    pub fn too_small(span: Span) -> Self {
        Error::new(ErrorKind::TooSmall, span)
    }

    pub fn category(&self) -> Category {
        self.kind.category()
    }

    /// The text stops where more is still to come (`2+`, `sqrt(`, `0x`): not
    /// wrong yet, so a live preview need not call it an error.
    pub fn is_incomplete(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::EndsEarly | ErrorKind::MissingDigits { .. }
        )
    }

    /// A hint of its own, apart from the message: the nearest known name.
    pub fn note(&self) -> Option<String> {
        match &self.kind {
            ErrorKind::UnknownName {
                suggestion: Some(s),
                ..
            }
            | ErrorKind::UnknownFunction {
                suggestion: Some(s),
                ..
            }
            | ErrorKind::UnknownForm {
                suggestion: Some(s),
                ..
            } => Some(format!("did you mean '{s}'?")),
            _ => None,
        }
    }

    /// The error with an unexpected symbol quoted as typed in `input`: the
    /// lexer reads `×` and `·` as `*`, `÷` as `/`, `−` as `-` and `->` as
    /// `to`, and the message should show what was written.
    pub fn quoting(mut self, input: &str) -> Error {
        if let ErrorKind::Unexpected(what) = &mut self.kind
            && what.starts_with('\'')
            && let Some(typed) = input.get(self.span.start..self.span.end)
        {
            // What follows the quoted symbol stays: `'->': a conversion comes last`.
            let rest = what[1..].find('\'').map_or("", |end| &what[end + 2..]);
            *what = format!("'{typed}'{rest}").into();
        }
        self
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

/// The message, then the note when there is one.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.note() {
            Some(note) => write!(f, "{}; {note}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_sits_under_the_span() {
        let e = Error::new(ErrorKind::LonePoint, Span::new(4, 5));
        assert_eq!(e.caret_diagnostic("1 + ) 2"), "1 + ) 2\n    ^");
    }

    #[test]
    fn caret_counts_characters_not_bytes() {
        let e = Error::new(ErrorKind::LonePoint, Span::new("2×".len(), "2×)".len()));
        assert_eq!(e.caret_diagnostic("2×)"), "2×)\n  ^");
    }

    #[test]
    fn caret_counts_display_columns() {
        let e = Error::new(ErrorKind::LonePoint, Span::new("日本".len(), "日本)".len()));
        assert_eq!(e.caret_diagnostic("日本)"), "日本)\n    ^");
    }

    #[test]
    fn control_characters_are_never_echoed() {
        let e = Error::new(ErrorKind::LonePoint, Span::new(1, 2));
        let shown = e.caret_diagnostic("1\u{1b}[2J");
        assert!(!shown.contains('\u{1b}'));
        assert_eq!(shown, "1\u{FFFD}[2J\n ^");
    }

    #[test]
    fn only_a_missing_end_is_incomplete() {
        let error = |kind| Error::new(kind, Span::new(0, 1));
        assert!(error(ErrorKind::EndsEarly).is_incomplete());
        assert!(!error(ErrorKind::UnexpectedCharacter('$')).is_incomplete());
        assert!(!error(ErrorKind::DivisionByZero).is_incomplete());
    }

    #[test]
    fn empty_span_still_gets_one_caret() {
        let e = Error::new(ErrorKind::LonePoint, Span::new(3, 3));
        assert_eq!(e.caret_diagnostic("1+("), "1+(\n   ^");
    }
}
