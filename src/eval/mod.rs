//! The evaluator: text in, a value or an error with a span out.
//!
//! Pure: no I/O, no terminal, no globals. Exact rational arithmetic where
//! the maths is exact; elsewhere the expression is evaluated at rising
//! binary precision until two successive precisions agree on every shown
//! digit, so each digit printed is correct.

mod ast;
pub mod builtins;
mod error;
mod estimate;
mod format;
mod functions;
mod interpreter;
mod lexer;
mod limits;
mod number;
mod parser;
mod plain;
pub mod units;

pub use error::{Category, Error, ErrorKind, Radix, Span};
pub use format::Exactness;
pub use interpreter::AngleMode;
pub use limits::Limits;

use ast::{Expr, Form, Statement};
use astro_float_num::Consts;
use builtins::is_reserved;
use format::Decimal;
use interpreter::{Binding, Deferred, Evaluator};
use num_rational::BigRational;
use num_traits::Zero;
use number::Value;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Most significant digits `--digits` accepts.
pub const MAX_DIGITS: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Significant digits shown for rounded results.
    pub digits: usize,
    pub angle: AngleMode,
    pub limits: Limits,
    /// Give `Answer::fraction` for exact fractions whose decimals do not end
    /// (the calculator screen shows it; line mode has no use for the work).
    pub fractions: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            digits: 15,
            angle: AngleMode::Radians,
            limits: Limits::default(),
            fractions: false,
        }
    }
}

impl Settings {
    /// The digit count in force, within what `--digits` accepts.
    fn shown_digits(&self) -> usize {
        self.digits.clamp(1, MAX_DIGITS)
    }
}

/// An exact value's text, and its binding for `ans`.
fn exact_answer(r: BigRational, digits: usize) -> (String, Exactness, Binding) {
    let (text, exactness) = format::format_exact(&r, digits);
    (text, exactness, Binding::Exact(r))
}

/// A successful evaluation, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub text: String,
    pub exactness: Exactness,
    /// The variable this line assigned, if it was `name = …`.
    pub assigned: Option<String>,
    /// `p/q` in lowest terms when the value is an exact fraction whose
    /// decimals do not end (`1/7`), so `text` is only its rounding; only
    /// with `Settings::fractions`.
    pub fraction: Option<String>,
}

impl Answer {
    /// A decimal answer, with its fraction when the settings ask for it.
    fn new(
        text: String,
        exactness: Exactness,
        assigned: Option<String>,
        binding: &Binding,
        settings: &Settings,
    ) -> Self {
        let fraction = settings
            .fractions
            .then(|| exact_fraction(exactness, binding))
            .flatten();
        Answer {
            text,
            exactness,
            assigned,
            fraction,
        }
    }
}

/// Longest fraction worth showing beside its decimals.
const MAX_FRACTION_CHARS: usize = 64;

fn exact_fraction(exactness: Exactness, binding: &Binding) -> Option<String> {
    match binding {
        Binding::Exact(r) if exactness == Exactness::Rounded && !r.is_integer() => {
            Some(format!("{}/{}", r.numer(), r.denom())).filter(|f| f.len() <= MAX_FRACTION_CHARS)
        }
        _ => None,
    }
}

/// Variables and `ans`, carried from one line to the next.
pub struct Session {
    names: BTreeMap<String, Binding>,
    /// Made on the first line that needs a float: plain lines never do.
    consts: Option<Consts>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    pub fn new() -> Self {
        Session {
            names: BTreeMap::new(),
            consts: None,
        }
    }

    /// Evaluates one line and, on success, updates `ans` and any assigned variable.
    pub fn evaluate(&mut self, input: &str, settings: &Settings) -> Result<Answer, Error> {
        let (answer, binding) = self.run(input, settings)?;
        if let Some(name) = &answer.assigned {
            self.names.insert(name.clone(), binding.clone());
        }
        match self.names.get_mut("ans") {
            Some(ans) => *ans = binding,
            None => {
                self.names.insert("ans".into(), binding);
            }
        }
        Ok(answer)
    }

    /// Evaluates one line without changing any state: for a live preview.
    pub fn preview(&mut self, input: &str, settings: &Settings) -> Result<Answer, Error> {
        self.run(input, settings).map(|(answer, _)| answer)
    }

    fn run(&mut self, input: &str, settings: &Settings) -> Result<(Answer, Binding), Error> {
        let limits = &settings.limits;
        if input.len() <= limits.max_input_bytes
            && let Some(value) = plain::evaluate(input)
        {
            let (text, exactness, binding) = exact_answer(value, settings.shown_digits());
            return Ok((
                Answer::new(text, exactness, None, &binding, settings),
                binding,
            ));
        }
        let tokens = lexer::tokenize(input, limits)?;
        let names = &self.names;
        let line = parser::parse(tokens, limits, &|name| names.contains_key(name))?;
        let (expr, assigned) = match line.statement {
            Statement::Expression(expr) => (expr, None),
            Statement::Assignment {
                name,
                name_span,
                value,
            } => {
                if is_reserved(&name) {
                    return Err(Error::new(ErrorKind::BuiltInAssigned { name }, name_span));
                }
                (value, Some(name))
            }
        };
        let (expr, shown) = if self.has_units(&expr, &line.form) {
            self.measure(expr, &line.form, line.to, settings, input)?
        } else {
            (expr, None)
        };
        let span = expr.span;
        let (text, exactness, binding) = self.compute(expr, settings)?;
        if let Some(shown) = shown {
            let binding = Binding::Quantity(Rc::new((binding, shown.unit)));
            let answer = Answer {
                text: format!("{text} {}", shown.text),
                exactness,
                assigned,
                fraction: None,
            };
            return Ok((answer, binding));
        }
        // A rounded zero is a value that vanished at every precision (`sin(pi)`):
        // shown as 0, but not known exactly.
        let exact = match &binding {
            Binding::Exact(r) if !(exactness == Exactness::Rounded && r.is_zero()) => Some(r),
            _ => None,
        };
        let (text, exactness) = match line.form {
            None | Some(Form::Decimal | Form::Unit(..)) => {
                return Ok((
                    Answer::new(text, exactness, assigned, &binding, settings),
                    binding,
                ));
            }
            Some(Form::Radix(radix)) => match exact.filter(|r| r.is_integer()) {
                Some(r) => (format::radix(r.numer(), radix), Exactness::Exact),
                None => {
                    let operation = match radix {
                        Radix::Hexadecimal => "to hex",
                        Radix::Octal => "to oct",
                        Radix::Binary => "to bin",
                    };
                    return Err(Error::new(ErrorKind::NotWhole { operation }, span));
                }
            },
            Some(Form::Fraction) => match exact {
                Some(r) => (format::fraction(r), Exactness::Exact),
                None => return Err(Error::new(ErrorKind::NotExact, span)),
            },
        };
        let answer = Answer {
            text,
            exactness,
            assigned,
            fraction: None,
        };
        Ok((answer, binding))
    }

    /// The value's text: decided by a cheap first step where it can be,
    /// otherwise by the precision loop.
    fn compute(
        &mut self,
        expr: Expr,
        settings: &Settings,
    ) -> Result<(String, Exactness, Binding), Error> {
        let digits = settings.shown_digits();
        // Ziv's cheap first step decides most lines of sqrt and arithmetic.
        if digits <= estimate::MAX_DIGITS
            && let Some(rounded) = estimate::correctly_rounded(&expr, digits)
        {
            return Ok(self.rounded_answer(Some(rounded), expr, digits, settings.angle));
        }
        self.refine(expr, settings)
    }

    /// Evaluates at rising precision until two precisions agree on the shown digits.
    fn refine(
        &mut self,
        expr: Expr,
        settings: &Settings,
    ) -> Result<(String, Exactness, Binding), Error> {
        let limits = &settings.limits;
        let digits = settings.shown_digits();
        // Enough bits for the digits plus a guard word, rounded to whole words.
        let first = (digits as f64 * std::f64::consts::LOG2_10).ceil() as usize + 64;
        let mut precision = first.div_ceil(64) * 64;
        let max_precision = limits.max_precision.max(precision * 8);
        let mut previous: Option<(Option<Decimal>, usize)> = None;
        let mut trend = Trend::Unclear;
        // The work budget covers all precisions together.
        let mut work = 0;
        loop {
            let mut evaluator = Evaluator::new(
                precision,
                settings.angle,
                limits,
                &self.names,
                self.consts
                    .get_or_insert_with(|| Consts::new().expect("allocating the constants cache")),
                work,
            );
            let value = evaluator.eval(&expr)?;
            work = evaluator.work();
            if !evaluator.used_approximation {
                let Value::Exact(r) = value else {
                    unreachable!("values without approximation are exact")
                };
                return Ok(exact_answer(r, digits));
            }
            let exact = to_rational(&value, limits, expr.span)?;
            let rounded = format::round_significant(&exact, digits);
            if let Some((before, before_precision)) = &previous {
                if *before == rounded {
                    return Ok(self.approximate_answer(
                        value,
                        rounded,
                        expr,
                        digits,
                        settings.angle,
                    ));
                }
                trend = Trend::between(before, &rounded, *before_precision);
            }
            previous = Some((rounded, precision));
            precision *= 2;
            if precision > max_precision {
                return match trend {
                    // The value shrinks with every precision step: it is zero,
                    // and what was computed is rounding noise (`sin(pi)`).
                    Trend::Vanishing => Ok((
                        "0".into(),
                        Exactness::Rounded,
                        Binding::Exact(BigRational::default()),
                    )),
                    Trend::Growing => Err(Error::new(ErrorKind::Unbounded, expr.span)),
                    Trend::Unclear => Err(Error::new(
                        ErrorKind::Undetermined {
                            digits,
                            bits: max_precision,
                        },
                        expr.span,
                    )),
                };
            }
        }
    }

    fn approximate_answer(
        &self,
        value: Value,
        rounded: Option<Decimal>,
        expr: Expr,
        digits: usize,
        angle: AngleMode,
    ) -> (String, Exactness, Binding) {
        if let Value::Exact(r) = value {
            // Exact results reached through approximations (`floor(pi)`).
            return exact_answer(r, digits);
        }
        self.rounded_answer(rounded, expr, digits, angle)
    }

    /// An approximate answer: its rounded digits, and the expression kept
    /// to be evaluated again at whatever precision a later line needs.
    fn rounded_answer(
        &self,
        rounded: Option<Decimal>,
        expr: Expr,
        digits: usize,
        angle: AngleMode,
    ) -> (String, Exactness, Binding) {
        // A float shown through rounding is an approximation even when the
        // rounding happens to print few digits (`sqrt(2)^2` shows `2`).
        let text = format::format_rounded(&rounded, digits);
        let mut captured = BTreeMap::new();
        expr.for_each_name(&mut |name| {
            let key = interpreter::binding_key(name);
            if let Some(binding) = self.names.get(key) {
                captured.insert(key.to_string(), binding.clone());
            }
        });
        let deferred = Deferred::new(expr, captured, angle);
        (
            text,
            Exactness::Rounded,
            Binding::Deferred(Rc::new(deferred)),
        )
    }
}

/// How the rounded value moved between two precisions that disagreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trend {
    Vanishing,
    Growing,
    Unclear,
}

impl Trend {
    fn between(before: &Option<Decimal>, after: &Option<Decimal>, precision: usize) -> Trend {
        // Half the bits of precision, in decimal orders of magnitude.
        let jump = (precision as f64 * 0.15) as i64;
        match (before, after) {
            (_, None) => Trend::Vanishing,
            (Some(b), Some(a)) if a.exponent < b.exponent - jump => Trend::Vanishing,
            (Some(b), Some(a)) if a.exponent > b.exponent + jump => Trend::Growing,
            _ => Trend::Unclear,
        }
    }
}

fn to_rational(value: &Value, limits: &Limits, span: Span) -> Result<BigRational, Error> {
    match value {
        Value::Exact(r) => Ok(r.clone()),
        Value::Approx(f) => number::float_to_rational(f, limits.max_bits)
            .ok_or_else(|| Error::new(ErrorKind::TooLarge, span)),
    }
}
