//! The evaluator: text in, a value or an error with a span out.
//!
//! Pure: no I/O, no terminal, no globals. Exact rational arithmetic where
//! the maths is exact, exact forms where an irrational route leads to an
//! exact value; elsewhere the expression is evaluated on enclosures at
//! rising binary precision until the enclosure proves every shown digit.

mod ast;
mod ball;
pub mod builtins;
mod error;
mod estimate;
mod float;
mod form;
mod format;
mod interpreter;
mod lexer;
mod limits;
mod number;
mod parser;
mod plain;
mod radix;
mod suggest;
mod unit_line;
pub mod units;
mod user_functions;
mod value;

pub use error::{Category, Error, ErrorKind, Question, Span, UnitOperation};
pub use format::Exactness;
pub use interpreter::AngleMode;
pub use limits::Limits;
pub use radix::Radix;

use ast::{Expr, Statement, Target};
use astro_float_num::Consts;
use builtins::is_reserved;
use form::Form as ExactForm;
use format::Decimal;
use interpreter::complex;
use interpreter::{Binding, Deferred, Evaluator, StoredQuantity};
use num_rational::BigRational;
use std::collections::BTreeMap;
use std::rc::Rc;
use value::{Complex, Value};

/// Most significant digits `--digits` accepts.
pub const MAX_DIGITS: usize = 100_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Significant digits shown for rounded results.
    pub digits: usize,
    pub angle: AngleMode,
    pub limits: Limits,
    /// Give `Answer::fraction` for exact fractions whose decimals do not end
    /// (the calculator screen shows it; line mode has no use for the work).
    pub fractions: bool,
    /// Complex mode: real functions outside their real domain, and powers
    /// of negative numbers, give their principal complex values
    /// (`sqrt(-4)` is 2i) instead of a domain error.
    pub complex: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            digits: 15,
            angle: AngleMode::Radians,
            limits: Limits::default(),
            fractions: false,
            complex: false,
        }
    }
}

impl Settings {
    /// The digit count in force, within what `--digits` accepts.
    fn shown_digits(&self) -> usize {
        self.digits.clamp(1, MAX_DIGITS)
    }

    /// The first precision the loop tries: enough bits for the digits plus
    /// a guard word, rounded to whole words. Stored enclosures are kept at
    /// least this precise.
    fn working_precision(&self) -> usize {
        let bits = (self.shown_digits() as f64 * std::f64::consts::LOG2_10).ceil() as usize + 64;
        bits.div_ceil(64) * 64
    }

    /// The limits for the precision loop: past the default digits, the
    /// highest precision and the work budget grow with the digits asked
    /// for (roughly as a multiplication at that size costs), so many
    /// digits of a cheap value are reachable while a hostile input at any
    /// digit count stays bounded (at most `MAX_WORK_AT_MAX_DIGITS` units).
    pub fn loop_limits(&self) -> Limits {
        let mut limits = self.limits.clone();
        let extra = self.shown_digits() as f64 / MAX_DIGITS_OF_BASE_LIMITS as f64;
        if extra > 1.0 {
            limits.max_precision = limits.max_precision.max(4 * self.working_precision());
            let scaled = limits.max_work as f64 * extra.powf(1.5);
            limits.max_work = (scaled as u64).clamp(limits.max_work, MAX_WORK_AT_MAX_DIGITS);
        }
        limits
    }
}

/// The digit count the default limits are fitted to.
const MAX_DIGITS_OF_BASE_LIMITS: usize = 100;

/// The largest work budget any digit count gets: a few seconds (the costs
/// are fitted to timings from 10,000 to 100,000 digits too, where none runs
/// more than about 1.1 times its charge).
const MAX_WORK_AT_MAX_DIGITS: u64 = 3_000_000_000;

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
    /// The value depends on the angle mode: evaluating it read the mode.
    /// (`ans` and variables keep the mode they were made in.)
    pub reads_angle: bool,
    /// Complex mode gave the value: without it, the line would be real
    /// (`(-8)^(1/3)` is -2) or a domain error (`sqrt(-4)`).
    pub complex_mode: bool,
}

impl Answer {
    /// A decimal answer, with its fraction or exact form when the settings
    /// ask for it.
    fn new(
        text: String,
        exactness: Exactness,
        assigned: Option<String>,
        binding: &Binding,
        form: Option<&ExactForm>,
        settings: &Settings,
    ) -> Self {
        let fraction = if settings.fractions {
            exact_fraction(exactness, binding).or_else(|| form.and_then(ExactForm::text))
        } else {
            None
        };
        Answer {
            text,
            exactness,
            assigned,
            fraction,
            reads_angle: false,
            complex_mode: false,
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

/// What a line asks of its value.
#[derive(Debug, Clone, Copy)]
enum Goal {
    /// Its significant digits, each one proven.
    Digits(usize),
    /// The whole number it is, for `to hex`, `to oct` and `to bin`.
    Whole(Radix),
    /// The exact fraction it is, for `to frac`.
    Fraction,
}

/// A value settled for its goal.
enum Settled {
    Exact(BigRational),
    /// Proven digits (`None` is never zero here: zero is exact), with the
    /// value's exact form where it has one.
    Rounded(Option<Decimal>, Option<ExactForm>),
}

/// A complex value's parts settled: the imaginary part `None` when it is
/// exactly 0.
type SettledComplex = (Settled, Option<Settled>);

/// Variables and `ans`, carried from one line to the next.
pub struct Session {
    names: BTreeMap<String, Binding>,
    /// The functions the user defined, by name.
    functions: user_functions::Functions,
    /// The definition the line just run made, kept by `evaluate` and
    /// dropped by `preview`.
    defined: Option<(String, user_functions::UserFunction)>,
    /// Made on the first line that needs a float: plain lines never do.
    consts: Option<Consts>,
    /// Whether the last value computed read the angle mode.
    read_angle: bool,
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
            functions: BTreeMap::new(),
            defined: None,
            consts: None,
            read_angle: false,
        }
    }

    /// Evaluates one line and, on success, updates `ans` and any assigned variable.
    pub fn evaluate(&mut self, input: &str, settings: &Settings) -> Result<Answer, Error> {
        self.defined = None;
        let (answer, binding) = self.run(input, settings)?;
        if let Some((name, function)) = self.defined.take() {
            // A definition is no value: `ans` stays as it was.
            self.functions.insert(name, function);
            return Ok(answer);
        }
        if let Some(name) = &answer.assigned {
            match self.names.get_mut(name) {
                Some(old) => *old = binding.clone(),
                None => {
                    self.names.insert(name.clone(), binding.clone());
                }
            }
        }
        match self.names.get_mut("ans") {
            Some(ans) => *ans = binding,
            None => {
                self.names.insert("ans".into(), binding);
            }
        }
        Ok(answer)
    }

    /// The exact value of a variable (or `ans`) when its parts fit in
    /// words, for the first steps that work in them.
    fn word(&self, name: &str) -> Option<plain::Ratio> {
        match self.names.get(interpreter::binding_key(name))? {
            Binding::Exact(r) => plain::ratio(r),
            _ => None,
        }
    }

    /// Whether `name = …` may assign `name`: a variable already assigned
    /// may (and is found at once: a stream assigns the same few names on
    /// every line), `ans` and built-in names may not.
    fn assignable(&self, name: &str) -> bool {
        match self.names.contains_key(name) {
            true => name != "ans",
            false => !is_reserved(name) && !self.functions.contains_key(name),
        }
    }

    /// Evaluates one line without changing any state: for a live preview.
    pub fn preview(&mut self, input: &str, settings: &Settings) -> Result<Answer, Error> {
        let answer = self.run(input, settings).map(|(answer, _)| answer);
        self.defined = None;
        answer
    }

    /// The variables assigned so far (not `ans`), by name: for a list of
    /// them on the screen, which asks each one's value with `preview`.
    pub fn variable_names(&self) -> Vec<&str> {
        self.names
            .keys()
            .map(String::as_str)
            .filter(|name| *name != "ans")
            .collect()
    }

    /// The functions the user defined, as written: `f(x) = x^2 + 1`.
    pub fn function_definitions(&self) -> Vec<String> {
        self.functions
            .iter()
            .map(|(name, f)| {
                let mut definition = user_functions::signature(name, f);
                definition.push_str(" = ");
                definition.push_str(&f.text);
                definition
            })
            .collect()
    }

    /// Whether `name` is a function the user defined.
    pub fn is_function(&self, name: &str) -> bool {
        self.functions.contains_key(name)
    }

    /// Checks `name(params) = body` and keeps it for `evaluate`; its
    /// answer shows the definition: `f(x)` assigned, the body as its text.
    fn define(
        &mut self,
        input: &str,
        name: String,
        name_span: Span,
        params: Vec<String>,
        body: Expr,
    ) -> Result<(Answer, Binding), Error> {
        if self.names.contains_key(&name) {
            return Err(Error::new(
                ErrorKind::NameInUse {
                    name,
                    as_what: "a variable",
                },
                name_span,
            ));
        }
        // Every name the body reads must be known now: a parameter, a
        // variable or a constant (a typo is found here, not at each call).
        let mut unknown = None;
        user_functions::visit(&body, &mut |e| {
            if let ast::ExprKind::Name(n) = &e.kind
                && unknown.is_none()
                && !params.contains(n)
                && !self.names.contains_key(interpreter::binding_key(n))
                && builtins::Constant::from_name(n).is_none()
                && n != builtins::IMAGINARY_UNIT
            {
                unknown = Some((n.clone(), e.span));
            }
        });
        if let Some((n, span)) = unknown {
            let error = match builtins::ANSWER_NAMES.contains(&n.as_str()) {
                true => Error::new(ErrorKind::NoAnswerYet, span),
                false => interpreter::unknown_name(&n, &self.names, span),
            };
            return Err(error.quoting(input));
        }
        let written = &input[body.span.start..body.span.end];
        let text = written.split_whitespace().collect::<Vec<_>>().join(" ");
        let function = user_functions::UserFunction {
            params,
            body,
            text: text.clone(),
        };
        if let Some(cycle) = user_functions::cycle(&name, &function, &self.functions) {
            return Err(Error::new(ErrorKind::Recursion { cycle }, name_span));
        }
        // Without blanks: the history keeps it as a space-separated tag.
        let signature = format!("{name}({})", function.params.join(","));
        self.defined = Some((name, function));
        let answer = Answer {
            text,
            exactness: Exactness::Exact,
            assigned: Some(signature),
            fraction: None,
            reads_angle: false,
            complex_mode: false,
        };
        Ok((answer, Binding::Exact(BigRational::from_integer(0.into()))))
    }

    fn run(&mut self, input: &str, settings: &Settings) -> Result<(Answer, Binding), Error> {
        let limits = &settings.limits;
        // A call of a user's function is never plain (`f(3)` is no product).
        if input.len() <= limits.max_input_bytes
            && (self.functions.is_empty() || !input.contains('('))
            && let Some((assigned, value)) = plain::evaluate_line(input, &|name| self.word(name))
            && assigned.is_none_or(|name| self.assignable(name))
        {
            let (text, exactness, binding) = exact_answer(value, settings.shown_digits());
            let assigned = assigned.map(str::to_string);
            return Ok((
                Answer::new(text, exactness, assigned, &binding, None, settings),
                binding,
            ));
        }
        let tokens = lexer::tokenize(input, limits)?;
        let names = &self.names;
        let functions = &self.functions;
        let line = parser::parse_with_functions(
            tokens,
            limits,
            &|name| names.contains_key(name),
            &|name| functions.contains_key(name),
        )
        .map_err(|e| e.quoting(input))?;
        let (mut expr, assigned) = match line.statement {
            Statement::Expression(expr) => (expr, None),
            Statement::Assignment {
                name,
                name_span,
                value,
            } => {
                if self.functions.contains_key(&name) {
                    let as_what = "a function";
                    return Err(Error::new(
                        ErrorKind::NameInUse { name, as_what },
                        name_span,
                    ));
                }
                if !self.assignable(&name) {
                    return Err(Error::new(ErrorKind::BuiltInAssigned { name }, name_span));
                }
                (value, Some(name))
            }
            Statement::Definition {
                name,
                name_span,
                params,
                body,
            } => {
                if let Some(to) = line.to {
                    return Err(Error::new(ErrorKind::ConvertedDefinition, to));
                }
                return self.define(input, name, name_span, params, body);
            }
        };
        user_functions::expand(&mut expr, &self.functions, limits)?;
        let has_units = self.has_units(&expr, &line.target);
        let digits = settings.shown_digits();
        let goal = match line.target {
            None | Some(Target::Decimal | Target::Unit(..) | Target::Mixed(_)) => {
                Goal::Digits(digits)
            }
            Some(Target::Radix(radix)) => Goal::Whole(radix),
            Some(Target::Fraction) => Goal::Fraction,
        };
        // A line that reads `i` or a complex value is complex wherever it
        // is; in complex mode, so is one that may leave the reals.
        let may_leave_the_reals = !has_units && complex::may_leave_the_reals(&expr);
        if complex::reads_complex(&expr, &self.names) {
            if has_units {
                let operation = "a unit";
                return Err(Error::new(ErrorKind::IsComplex { operation }, expr.span));
            }
            return self.run_complex(expr, goal, assigned, settings, false);
        }
        if settings.complex && may_leave_the_reals {
            return self.run_complex(expr, goal, assigned, settings, true);
        }
        let (expr, shown) = if has_units {
            self.measure(expr, &line.target, line.to, settings, input)?
        } else {
            (expr, None)
        };
        // Only the precision loop reads the mode; the cheap steps never do.
        self.read_angle = false;
        let computed = self.compute(expr, settings, goal, may_leave_the_reals)?;
        let (text, exactness, binding, form) = match (computed, goal) {
            ((Settled::Exact(r), _), Goal::Whole(radix)) => (
                format::radix(r.numer(), radix),
                Exactness::Exact,
                Binding::Exact(r),
                None,
            ),
            ((Settled::Exact(r), _), Goal::Fraction) => (
                format::fraction(&r),
                Exactness::Exact,
                Binding::Exact(r),
                None,
            ),
            ((Settled::Exact(r), _), Goal::Digits(_)) => {
                let (text, exactness, binding) = exact_answer(r, digits);
                (text, exactness, binding, None)
            }
            ((Settled::Rounded(decimal, form), binding), _) => (
                format::format_rounded(&decimal, digits),
                Exactness::Rounded,
                binding.expect("a rounded value keeps its expression"),
                form,
            ),
        };
        if let Some(shown) = shown {
            // After a sum of units, ans is the whole, evaluated when used.
            let binding = match shown.total {
                Some(total) => self.deferred(total, settings, None),
                None => binding,
            };
            let binding = Binding::Quantity(Rc::new(StoredQuantity {
                number: binding,
                unit: shown.unit,
            }));
            let answer = Answer {
                text: format!("{}{text} {}", shown.prefix, shown.text),
                exactness,
                assigned,
                fraction: None,
                reads_angle: self.read_angle,
                complex_mode: false,
            };
            return Ok((answer, binding));
        }
        let answer = match goal {
            Goal::Digits(_) => {
                Answer::new(text, exactness, assigned, &binding, form.as_ref(), settings)
            }
            _ => Answer {
                text,
                exactness,
                assigned,
                fraction: None,
                reads_angle: false,
                complex_mode: false,
            },
        };
        let answer = Answer {
            reads_angle: self.read_angle,
            complex_mode: false,
            ..answer
        };
        Ok((answer, binding))
    }

    /// The value settled for its goal: by a cheap first step where it can
    /// be, otherwise by the precision loop. A rounded value comes with its
    /// binding, the expression kept to be evaluated again later.
    /// With `hint`, a domain error names the line's complex value.
    fn compute(
        &mut self,
        expr: Expr,
        settings: &Settings,
        goal: Goal,
        hint: bool,
    ) -> Result<(Settled, Option<Binding>), Error> {
        // Ziv's cheap first step decides most lines of sqrt and arithmetic.
        // The screen wants exact forms (`2√2`), which only the loop finds.
        if let Goal::Digits(digits) = goal
            && digits <= estimate::MAX_DIGITS
            && !settings.fractions
            && let Some(rounded) =
                estimate::correctly_rounded(&expr, digits, &|name| self.word(name))
        {
            let binding = self.deferred(expr, settings, None);
            return Ok((Settled::Rounded(Some(rounded), None), Some(binding)));
        }
        let (settled, value) = match self.refine(&expr, settings, goal) {
            Err(e) if hint && matches!(e.kind, ErrorKind::Domain { .. }) => {
                return Err(self.complex_hint(e, expr, settings));
            }
            refined => refined?,
        };
        let binding = match settled {
            Settled::Exact(_) => None,
            // The value just computed is the binding's at that precision:
            // the next line that uses it does not compute it again.
            Settled::Rounded(..) => Some(self.deferred(expr, settings, Some(value))),
        };
        Ok((settled, binding))
    }

    /// Evaluates on enclosures at rising precision until the value's
    /// enclosure settles the goal. A question an enclosure cannot settle
    /// (a value too near 0, a whole number or a rounding tie) is asked
    /// again at twice the precision, until precision or work runs out;
    /// then it is the error.
    /// Returns the value that settled it too, with its precision.
    fn refine(
        &mut self,
        expr: &Expr,
        settings: &Settings,
        goal: Goal,
    ) -> Result<(Settled, (usize, Value)), Error> {
        let limits = settings.loop_limits();
        let mut answer = None;
        self.precision_loop(settings, &mut |evaluator, precision| {
            let value = evaluator.eval(expr)?;
            let kept = (precision, value.clone());
            answer = Some((settle(value, goal, &limits, expr.span)?, kept));
            Ok(())
        })?;
        Ok(answer.expect("the loop settled it"))
    }

    /// `refine` for a complex line: each part settled for the goal (the
    /// imaginary part `None` when it is exactly 0).
    fn refine_complex(
        &mut self,
        expr: &Expr,
        settings: &Settings,
        goal: Goal,
    ) -> Result<(SettledComplex, (usize, Complex)), Error> {
        let limits = settings.loop_limits();
        let mut answer = None;
        self.precision_loop(settings, &mut |evaluator, precision| {
            let value = evaluator.eval_complex(expr)?;
            let kept = (precision, value.clone());
            answer = Some((settle_complex(value, goal, &limits, expr.span)?, kept));
            Ok(())
        })?;
        Ok(answer.expect("the loop settled it"))
    }

    /// Runs `attempt` at rising precision until it succeeds or fails with
    /// an error other than an undecided question (see `refine`). One copy
    /// of the loop serves real and complex lines.
    fn precision_loop(
        &mut self,
        settings: &Settings,
        attempt: &mut dyn FnMut(&mut Evaluator, usize) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let limits = &settings.loop_limits();
        let mut precision = settings.working_precision();
        let mut undecided: Option<Error> = None;
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
            let outcome = attempt(&mut evaluator, precision);
            work = evaluator.work();
            self.read_angle = evaluator.read_angle();
            match outcome {
                Ok(settled) => return Ok(settled),
                Err(e) if e.category() == Category::Undetermined => undecided = Some(e),
                // Out of work while a question stood open: that question is the answer.
                Err(e) if e.kind == ErrorKind::TooMuchWork => return Err(undecided.unwrap_or(e)),
                Err(e) => return Err(e),
            }
            precision *= 2;
            if precision > limits.max_precision {
                return Err(undecided.expect("an undecided question raised the precision"));
            }
        }
    }

    /// An approximate value's binding: its expression, kept to be evaluated
    /// again at whatever precision a later line needs, with `value` as its
    /// value at one precision if known. What it captures is kept whole while
    /// the derivation is small; past `Limits::max_depth` nodes each captured
    /// derivation is replaced by its enclosures at the working precision
    /// (`enclosed`), so memory is bounded by the line, not by the stream.
    fn deferred(
        &mut self,
        expr: Expr,
        settings: &Settings,
        value: Option<(usize, Value)>,
    ) -> Binding {
        let mut captured = self.captured(&expr);
        let size = captured
            .values()
            .fold(1usize, |size, binding| size.saturating_add(binding.size()));
        if size > settings.limits.max_depth {
            for binding in captured.values_mut() {
                *binding = self.enclosed(binding, settings);
            }
        }
        let deferred = Deferred::new(expr, captured, settings.angle);
        if let Some((precision, value)) = value {
            deferred.remember(precision, value);
        }
        Binding::Deferred(Rc::new(deferred))
    }

    /// The bindings of the names `expr` reads.
    fn captured(&self, expr: &Expr) -> BTreeMap<String, Binding> {
        let mut captured = BTreeMap::new();
        expr.for_each_name(&mut |name| {
            let key = interpreter::binding_key(name);
            if let Some(binding) = self.names.get(key) {
                captured.insert(key.to_string(), binding.clone());
            }
        });
        captured
    }

    /// A line evaluated as complex: its text `a + bi` (or, when the
    /// imaginary part is exactly 0, as a real line's), and its binding.
    fn run_complex(
        &mut self,
        expr: Expr,
        goal: Goal,
        assigned: Option<String>,
        settings: &Settings,
        complex_mode: bool,
    ) -> Result<(Answer, Binding), Error> {
        let digits = settings.shown_digits();
        self.read_angle = false;
        let ((re, im), value) = self.refine_complex(&expr, settings, goal)?;
        let (text, exactness) = match &im {
            Some(im) => complex_text(&re, im, digits),
            None => match (&re, goal) {
                (Settled::Exact(r), Goal::Whole(radix)) => {
                    (format::radix(r.numer(), radix), Exactness::Exact)
                }
                (Settled::Exact(r), Goal::Fraction) => (format::fraction(r), Exactness::Exact),
                (Settled::Exact(r), _) => format::format_exact(r, digits),
                (Settled::Rounded(decimal, _), _) => {
                    (format::format_rounded(decimal, digits), Exactness::Rounded)
                }
            },
        };
        let (binding, form) = match (im, re) {
            (None, Settled::Exact(r)) => (Binding::Exact(r), None),
            (im, re) => {
                // An exact value needs no derivation; past the bound on a
                // derivation's size, only the value at this precision is
                // kept (as `enclosed` does for real ones), so a stream's
                // memory stays bounded.
                let captured = self.captured(&expr);
                let size = captured
                    .values()
                    .fold(1usize, |size, binding| size.saturating_add(binding.size()));
                let exact = matches!((&re, &im), (Settled::Exact(_), Some(Settled::Exact(_))));
                let derivation =
                    (!exact && size <= settings.limits.max_depth).then_some((expr, captured));
                let deferred = Deferred::complex(derivation, settings.angle, value);
                let form = match (im, re) {
                    (None, Settled::Rounded(_, form)) => form,
                    _ => None,
                };
                (Binding::Deferred(Rc::new(deferred)), form)
            }
        };
        let answer = match goal {
            Goal::Digits(_) => {
                Answer::new(text, exactness, assigned, &binding, form.as_ref(), settings)
            }
            _ => Answer {
                text,
                exactness,
                assigned,
                fraction: None,
                reads_angle: false,
                complex_mode: false,
            },
        };
        let answer = Answer {
            reads_angle: self.read_angle,
            complex_mode,
            ..answer
        };
        Ok((answer, binding))
    }

    /// A real domain error, naming the complex value where there is one
    /// (`sqrt(-4)`: its complex value is 2i).
    fn complex_hint(&mut self, error: Error, expr: Expr, settings: &Settings) -> Error {
        let digits = settings.shown_digits();
        match self.refine_complex(&expr, settings, Goal::Digits(digits)) {
            Ok(((re, im), _)) => {
                // A real value too: sqrt(-2)*sqrt(-2) is -2 in complex mode.
                let (text, exactness) = match im {
                    Some(im) => complex_text(&re, &im, digits),
                    None => settled_text(&re, digits),
                };
                let value = match exactness {
                    Exactness::Exact => text,
                    Exactness::Rounded => format!("≈ {text}"),
                };
                let real = error.kind.to_string();
                Error::new(ErrorKind::ComplexValue { real, value }, error.span)
            }
            Err(_) => error,
        }
    }

    /// `binding` with its derivation replaced by enclosures at the working
    /// precision or above: those it has already, else computed now (at
    /// rising precision while a question stays open, as in `refine`). A
    /// later question needing more precision than they hold is refused
    /// (`RecomputationTooDeep`), never answered from a wider ball as if
    /// it were narrower.
    fn enclosed(&mut self, binding: &Binding, settings: &Settings) -> Binding {
        let deferred = match binding {
            // A complex value is bounded when it is made (`run_complex`).
            Binding::Deferred(deferred) if deferred.size() > 1 && !deferred.is_complex() => {
                deferred
            }
            Binding::Quantity(quantity) if quantity.number.size() > 1 => {
                let number = self.enclosed(&quantity.number, settings);
                return Binding::Quantity(Rc::new(StoredQuantity {
                    number,
                    unit: quantity.unit.clone(),
                }));
            }
            _ => return binding.clone(),
        };
        let limits = &settings.loop_limits();
        let mut precision = settings.working_precision();
        let mut kept: Vec<(usize, Value)> = deferred
            .cached()
            .iter()
            .filter(|(p, _)| *p >= precision)
            .cloned()
            .collect();
        let no_names = BTreeMap::new();
        let mut work = 0;
        while kept.is_empty() && precision <= limits.max_precision {
            let mut evaluator = Evaluator::new(
                precision,
                deferred.angle(),
                limits,
                &no_names,
                self.consts
                    .get_or_insert_with(|| Consts::new().expect("allocating the constants cache")),
                work,
            );
            match evaluator.eval_deferred(deferred, Span::default()) {
                Ok(value) => kept.push((precision, value)),
                Err(e) if e.category() == Category::Undetermined => {}
                // Whatever else stopped it, nothing is kept: later uses are refused.
                Err(_) => break,
            }
            work = evaluator.work();
            precision *= 2;
        }
        Binding::Deferred(Rc::new(Deferred::enclosures(kept, deferred.angle())))
    }

    /// Nodes (stored approximate results) kept alive by the bindings of
    /// `ans` and every variable, each counted once: what the session's
    /// memory grows with besides the names themselves.
    pub fn derivation_nodes(&self) -> usize {
        let mut seen = std::collections::BTreeSet::new();
        // An explicit stack: a chain may be long, and is walked without recursion.
        let mut pending: Vec<&Binding> = self.names.values().collect();
        while let Some(binding) = pending.pop() {
            match binding {
                Binding::Exact(_) => {}
                Binding::Quantity(quantity) => pending.push(&quantity.number),
                Binding::Deferred(deferred) => {
                    if seen.insert(Rc::as_ptr(deferred)) {
                        pending.extend(deferred.captured());
                    }
                }
            }
        }
        seen.len()
    }
}

/// Words a line may go on with that are neither functions nor units,
/// besides the notations after `to` (`radix::Notation`).
const KEYWORDS: [&str; 2] = ["to", "mod"];

impl Error {
    /// Whether `input` is only half-typed rather than wrong: what is
    /// missing could still come at its end. A prefix of a known function,
    /// constant or keyword (`sq`), one or two letters (`10 mo`: units with
    /// prefixes begin so), a function still without its
    /// parentheses or arguments (`sqrt`, `atan2(1`), `to` without its
    /// target, an operator last (`km/`, `ft +`), a lone name or an
    /// assignment without its value (`rate =`), as well as `is_incomplete`. Enter still reports
    /// the error; a live preview need not.
    pub fn is_unfinished(&self, input: &str) -> bool {
        let typed = input.trim_end();
        // `f(x, y) =`: a function's definition still without its body.
        if is_definition_head(typed) {
            return true;
        }
        // `rate =`: an assignment still without its value.
        if typed.ends_with('=') && matches!(self.kind, ErrorKind::UnknownName { .. }) {
            return true;
        }
        if self.span.end < typed.len() {
            return false;
        }
        if self.is_incomplete() {
            return true;
        }
        let open_call = !typed.ends_with(')');
        match &self.kind {
            ErrorKind::UnknownName { name, .. }
            | ErrorKind::UnknownFunction { name, .. }
            | ErrorKind::UnknownForm { form: name, .. } => {
                let longer =
                    |known: &str| known.len() > name.len() && known.starts_with(name.as_str());
                // A lone name may be a variable about to be assigned; one
                // or two letters may begin a unit with a prefix (`k` of `km`).
                typed.trim_start() == name
                    || name.len() <= 2
                    || builtins::all_names()
                        .chain(KEYWORDS)
                        .chain(radix::Notation::names())
                        .any(longer)
            }
            ErrorKind::NeedsParentheses { .. } | ErrorKind::MissingForm(_) => true,
            ErrorKind::WrongArgumentCount { .. } => open_call,
            // The fault reaches the end, so it is the operator there.
            ErrorKind::Unexpected(_) => matches!(
                typed.chars().last(),
                Some('+' | '-' | '*' | '/' | '^' | '×' | '÷' | '−' | '·' | ',')
            ),
            _ => false,
        }
    }
}

/// Whether `typed` is the start of a definition up to its `=`: a name,
/// `(`, names and commas, then perhaps `)` and `=` (`f(x`, `g(x, y) =`).
fn is_definition_head(typed: &str) -> bool {
    let is_name = |s: &str| {
        let s = s.trim();
        s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    let Some((name, rest)) = typed.split_once('(') else {
        return false;
    };
    let (params, after) = match rest.split_once(')') {
        Some((params, after)) => (params, Some(after.trim())),
        None => (rest, None),
    };
    let mut params: Vec<&str> = params.split(',').collect();
    // The last parameter may still be missing: `f(x, `.
    if after.is_none() && params.last().is_some_and(|p| p.trim().is_empty()) {
        params.pop();
    }
    is_name(name)
        && !params.is_empty()
        && params.iter().all(|p| is_name(p))
        && matches!(after, None | Some("" | "="))
}

/// Whether `value`'s enclosure settles `goal`: an undecided error if not.
fn settle(value: Value, goal: Goal, limits: &Limits, span: Span) -> Result<Settled, Error> {
    let (ball, form) = match value {
        Value::Exact(r) => {
            return match goal {
                Goal::Whole(radix) if !r.is_integer() => Err(not_whole(radix, span)),
                _ => Ok(Settled::Exact(r)),
            };
        }
        Value::Approx { ball, form } => (ball, form),
    };
    match goal {
        Goal::Fraction => Err(Error::new(ErrorKind::NotExact, span)),
        Goal::Whole(radix) => {
            let operation = radix.request();
            let value = Value::Approx { ball, form: None };
            interpreter::whole_number(&value, operation, span, limits.max_bits)
                .map(|n| Settled::Exact(BigRational::from_integer(n)))
        }
        Goal::Digits(digits) => {
            let (low, high) = ball
                .ends(limits.max_bits)
                .ok_or_else(|| interpreter::undecided(Question::Value, ball.rad, span))?;
            let rounded = format::round_significant(&low, digits);
            if rounded == format::round_significant(&high, digits) {
                return Ok(Settled::Rounded(rounded, form.map(|f| *f)));
            }
            Err(match ball.sign() {
                None => interpreter::undecided(Question::Zero, ball.magnitude_above(), span),
                Some(_) => {
                    interpreter::undecided(Question::Digit(digits), ball.rad.scale(2.0), span)
                }
            })
        }
    }
}

/// Whether a complex value's parts settle `goal`: each part's digits, or
/// for a real value (imaginary part exactly 0) the real goal.
fn settle_complex(
    value: Complex,
    goal: Goal,
    limits: &Limits,
    span: Span,
) -> Result<SettledComplex, Error> {
    if value.is_real() {
        return Ok((settle(value.re, goal, limits, span)?, None));
    }
    let operation = match goal {
        Goal::Digits(_) => None,
        Goal::Whole(radix) => Some(radix.request()),
        Goal::Fraction => Some(radix::Notation::Fraction.request()),
    };
    if let Some(operation) = operation {
        // Only a part known to be nonzero makes it complex.
        if let (None, Value::Approx { ball, .. }) = (value.im.sign(), &value.im) {
            return Err(interpreter::undecided(
                Question::Zero,
                ball.magnitude_above(),
                span,
            ));
        }
        return Err(Error::new(ErrorKind::IsComplex { operation }, span));
    }
    let re = match value.re.is_zero() {
        true => Settled::Exact(BigRational::from_integer(0.into())),
        false => settle(value.re, goal, limits, span)?,
    };
    Ok((re, Some(settle(value.im, goal, limits, span)?)))
}

/// A settled real value's digits (no fraction or radix).
fn settled_text(settled: &Settled, digits: usize) -> (String, Exactness) {
    match settled {
        Settled::Exact(r) => format::format_exact(r, digits),
        Settled::Rounded(decimal, _) => {
            (format::format_rounded(decimal, digits), Exactness::Rounded)
        }
    }
}

/// `a + bi`, `a - bi`, `bi`, `i`, `-i`; exact when both parts are.
fn complex_text(re: &Settled, im: &Settled, digits: usize) -> (String, Exactness) {
    let (re_text, re_exactness) = settled_text(re, digits);
    let (im_text, im_exactness) = settled_text(im, digits);
    let im_text = match im_text.as_str() {
        "1" => "i".to_string(),
        "-1" => "-i".to_string(),
        text => format!("{text}i"),
    };
    let text = match (re, im_text.strip_prefix('-')) {
        (Settled::Exact(r), _) if num_traits::Zero::is_zero(r) => im_text,
        (_, Some(magnitude)) => format!("{re_text} - {magnitude}"),
        _ => format!("{re_text} + {im_text}"),
    };
    let exactness = match (re_exactness, im_exactness) {
        (Exactness::Exact, Exactness::Exact) => Exactness::Exact,
        _ => Exactness::Rounded,
    };
    (text, exactness)
}

fn not_whole(radix: Radix, span: Span) -> Error {
    Error::new(
        ErrorKind::NotWhole {
            operation: radix.request(),
        },
        span,
    )
}
