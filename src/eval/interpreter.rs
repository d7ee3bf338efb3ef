//! Walks the tree at one working precision, on exact values, exact forms
//! and enclosures. `Session::refine` in `mod.rs` runs it at rising
//! precisions until the enclosure settles what the line asks.

pub(in crate::eval) mod complex;
mod functions;
pub(in crate::eval) mod quantity;

use super::ast::{AddOp, BitOp, Expr, ExprKind, MulOp};
use super::ball;
use super::ball::{Ball, Mag};
use super::builtins::{self, AngleUse, Builtin, Constant};
use super::error::Question;
use super::error::{Error, ErrorKind, Span};
use super::float::{self, ROUNDING};
use super::form::{self, Form, Known};
use super::limits::Limits;
use super::number::{self, Budget};
use super::units::{self, Compound};
use super::value::{Complex, Value};
use astro_float_num::{BigFloat, Consts};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AngleMode {
    #[default]
    Radians,
    Degrees,
}

/// What a name is bound to. Approximate results are kept as the expression
/// that made them, so later uses recompute them at whatever precision they
/// need instead of inheriting a fixed rounding error; past a bound on that
/// derivation only enclosures are kept (see `Session::deferred`).
#[derive(Debug, Clone)]
pub enum Binding {
    Exact(BigRational),
    Deferred(Rc<Deferred>),
    /// A number in a unit.
    Quantity(Rc<StoredQuantity>),
}

/// What a variable holding a quantity keeps.
#[derive(Debug)]
pub struct StoredQuantity {
    /// Never itself a quantity.
    pub number: Binding,
    pub unit: Compound,
}

impl Binding {
    /// Nodes in the derivation behind this value (see `Deferred::size`).
    pub fn size(&self) -> usize {
        match self {
            Binding::Exact(_) => 0,
            Binding::Deferred(deferred) => deferred.size,
            Binding::Quantity(quantity) => quantity.number.size(),
        }
    }
}

#[derive(Debug)]
pub struct Deferred {
    /// The expression and the bindings it captured; `None` once the value
    /// is kept as its enclosures alone.
    derivation: Option<(Expr, BTreeMap<String, Binding>)>,
    angle: AngleMode,
    /// This node and, counted again for each capture, those it captured:
    /// a bound on the nodes it keeps alive, kept without walking them.
    size: usize,
    /// Values already computed, by precision; shared subexpressions are
    /// evaluated once per precision however often they are referenced.
    cache: RefCell<Vec<(usize, Value)>>,
    /// A complex value: its expression is evaluated as complex, and its
    /// values are kept in `complex_cache` instead.
    complex: bool,
    complex_cache: RefCell<Vec<(usize, Complex)>>,
}

impl Deferred {
    pub fn new(expr: Expr, names: BTreeMap<String, Binding>, angle: AngleMode) -> Self {
        let size = names
            .values()
            .fold(1usize, |size, binding| size.saturating_add(binding.size()));
        Deferred {
            derivation: Some((expr, names)),
            angle,
            size,
            cache: RefCell::new(Vec::new()),
            complex: false,
            complex_cache: RefCell::new(Vec::new()),
        }
    }

    /// A complex value, kept as its expression with its value at one
    /// precision, or (`expr` None) as that value alone: an exact one, or
    /// one whose derivation grew too long to keep (as `enclosures`).
    pub fn complex(
        derivation: Option<(Expr, BTreeMap<String, Binding>)>,
        angle: AngleMode,
        value: (usize, Complex),
    ) -> Self {
        let mut deferred = match derivation {
            Some((expr, names)) => Deferred::new(expr, names, angle),
            None => Deferred::enclosures(Vec::new(), angle),
        };
        deferred.complex = true;
        deferred.complex_cache.borrow_mut().push(value);
        deferred
    }

    pub fn is_complex(&self) -> bool {
        self.complex
    }

    /// A value kept as enclosures alone, by precision: it answers at those
    /// precisions and below, and refuses above.
    pub fn enclosures(values: Vec<(usize, Value)>, angle: AngleMode) -> Self {
        Deferred {
            derivation: None,
            angle,
            size: 1,
            cache: RefCell::new(values),
            complex: false,
            complex_cache: RefCell::new(Vec::new()),
        }
    }

    pub fn angle(&self) -> AngleMode {
        self.angle
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// The values computed so far, by precision.
    pub fn cached(&self) -> std::cell::Ref<'_, Vec<(usize, Value)>> {
        self.cache.borrow()
    }

    /// Records the value at `precision`, already computed elsewhere.
    pub fn remember(&self, precision: usize, value: Value) {
        let mut cache = self.cache.borrow_mut();
        if !cache.iter().any(|(p, _)| *p == precision) {
            cache.push((precision, value));
        }
    }

    /// The bindings this one captured (none once only enclosures are kept).
    pub fn captured(&self) -> impl Iterator<Item = &Binding> {
        self.derivation.iter().flat_map(|(_, names)| names.values())
    }
}

impl Drop for Deferred {
    /// Takes a chain of captures apart one link at a time: the default
    /// drop would recurse once per link and overflow the stack on a long
    /// one.
    fn drop(&mut self) {
        let Some((_, names)) = &mut self.derivation else {
            return;
        };
        let mut pending: Vec<Binding> = std::mem::take(names).into_values().collect();
        while let Some(binding) = pending.pop() {
            match binding {
                Binding::Exact(_) => {}
                Binding::Deferred(deferred) => {
                    // Only the last owner takes it apart; it then drops
                    // with nothing captured.
                    if let Ok(mut deferred) = Rc::try_unwrap(deferred)
                        && let Some((_, names)) = &mut deferred.derivation
                    {
                        pending.extend(std::mem::take(names).into_values());
                    }
                }
                Binding::Quantity(quantity) => {
                    if let Ok(quantity) = Rc::try_unwrap(quantity) {
                        pending.push(quantity.number);
                    }
                }
            }
        }
    }
}

/// The four operations of arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arithmetic {
    Add,
    Subtract,
    Multiply,
    Divide,
}

pub struct Evaluator<'a> {
    precision: usize,
    angle: AngleMode,
    limits: &'a Limits,
    names: &'a BTreeMap<String, Binding>,
    consts: &'a mut Consts,
    work: u64,
    /// Set once the angle mode was read: the value depends on it. (A
    /// variable or `ans` is evaluated in the mode it was made in, by an
    /// evaluator of its own, so using one does not count.)
    read_angle: Cell<bool>,
    /// How many stored approximate results are being recomputed, nested.
    deferred_depth: usize,
    /// Work spent on exact forms (part of `work`), which may take only a
    /// share of the budget.
    form_spent: u64,
}

impl<'a> Evaluator<'a> {
    /// An evaluator at `precision` bits that has already spent `work` of its budget.
    pub fn new(
        precision: usize,
        angle: AngleMode,
        limits: &'a Limits,
        names: &'a BTreeMap<String, Binding>,
        consts: &'a mut Consts,
        work: u64,
    ) -> Self {
        Evaluator {
            precision,
            angle,
            limits,
            names,
            consts,
            work,
            read_angle: Cell::new(false),
            deferred_depth: 0,
            form_spent: 0,
        }
    }

    /// Runs `f` at `precision` bits, restoring the working precision after.
    fn with_precision<T>(&mut self, precision: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        let before = std::mem::replace(&mut self.precision, precision);
        let result = f(self);
        self.precision = before;
        result
    }

    /// Charges `units` of work to the budget (see `Limits::max_work`).
    pub(super) fn charge(&mut self, units: u64, span: Span) -> Result<(), Error> {
        self.work = self.work.saturating_add(units);
        if self.work > self.limits.max_work {
            return Err(Error::new(ErrorKind::TooMuchWork, span));
        }
        Ok(())
    }

    pub fn work(&self) -> u64 {
        self.work
    }

    /// The angle mode, noted as read: the value depends on it.
    pub(super) fn angle(&self) -> AngleMode {
        self.read_angle.set(true);
        self.angle
    }

    /// Whether the value computed so far depends on the angle mode.
    pub fn read_angle(&self) -> bool {
        self.read_angle.get()
    }

    /// Calls `function`, in the mode `fixed` when the argument carries its
    /// own unit (`sin(30°)`, `sin(1 rad)`): such a call does not depend on
    /// the mode, so reading the fixed one does not count.
    pub(super) fn call_in_mode(
        &mut self,
        fixed: Option<AngleMode>,
        function: Builtin,
        args: Vec<(Value, Span)>,
        span: Span,
    ) -> Result<Value, Error> {
        let Some(mode) = fixed else {
            return self.call_function(function, args, span);
        };
        let before = std::mem::replace(&mut self.angle, mode);
        let read = self.read_angle.get();
        let result = self.call_function(function, args, span);
        self.angle = before;
        self.read_angle.set(read);
        result
    }

    /// Runs an exact operation on what is left of the budget and charges
    /// what it spent; an error if it would have overspent.
    pub(super) fn metered<T>(
        &mut self,
        span: Span,
        operation: impl FnOnce(&mut Budget) -> Option<T>,
    ) -> Result<T, Error> {
        let left = self.limits.max_work.saturating_sub(self.work);
        let mut budget = Budget::new(left);
        let result = operation(&mut budget);
        self.work += left - budget.left();
        result.ok_or_else(|| Error::new(ErrorKind::TooMuchWork, span))
    }

    /// Charges an arithmetic float operation, converting exact operands included.
    pub(super) fn charge_float(&mut self, span: Span) -> Result<(), Error> {
        let words = self.precision as u64 / 64 + 1;
        self.charge(8_000 + words * words * 10, span)
    }

    /// Charges a transcendental function at `extra_bits` above the working
    /// precision (trigonometric argument reduction needs them); `weight` is 1
    /// for most, more for slower ones. Fitted to astro-float timings from 128
    /// to 8192 bits on this project's 2-core machine.
    pub(super) fn charge_transcendental(
        &mut self,
        extra_bits: u64,
        weight: u64,
        span: Span,
    ) -> Result<(), Error> {
        let words = (self.precision as u64 + extra_bits) / 64 + 1;
        self.charge((25_000 + words * words * 400) * weight, span)
    }

    pub fn eval(&mut self, expr: &Expr) -> Result<Value, Error> {
        let span = expr.span;
        match &expr.kind {
            ExprKind::Number(literal) => {
                self.charge(literal.cost(), span)?;
                Ok(Value::Exact(literal.to_rational()))
            }
            ExprKind::Name(name) => self.lookup(name, span),
            ExprKind::Negate(inner) => Ok(self.eval(inner)?.negated()),
            ExprKind::Sum { first, rest } => self.eval_sum(first, rest, span),
            ExprKind::Product { first, rest } => self.eval_product(first, rest),
            ExprKind::Power { base, exponent } => {
                let b = self.eval(base)?;
                let e = self.eval(exponent)?;
                self.power(&b, &e, base.span, span)
            }
            ExprKind::Factorial(inner) => {
                let value = self.eval(inner)?;
                self.factorial(&value, inner.span, span)
            }
            ExprKind::Percent(inner) => {
                let value = self.eval(inner)?;
                self.divide(&value, &Value::from_integer(100), span, span)
            }
            // `x°` is x degrees: a plain number is an angle in the mode's
            // unit, so in degree mode it is x itself (sin(30°+0) is 0.5).
            ExprKind::Degrees(inner) => {
                let value = self.eval(inner)?;
                match self.angle() {
                    AngleMode::Degrees => Ok(value),
                    AngleMode::Radians => self.convert_angle(&value, false, span),
                }
            }
            ExprKind::Bitwise { first, rest } => self.eval_bitwise(first, rest),
            ExprKind::BitNot(inner) => {
                let value = self.eval(inner)?;
                let n = self.integer(&value, "'~'", inner.span)?;
                // ~n is -n-1 in two's complement.
                Ok(Value::Exact(BigRational::from_integer(-n - 1)))
            }
            ExprKind::Call { function, args, .. } => self.eval_call(*function, args, span),
            // The session expands every call of a user's function before
            // evaluating; one left here was never defined.
            ExprKind::UserCall {
                name, name_span, ..
            } => Err(Error::new(
                ErrorKind::UnknownFunction {
                    name: name.clone(),
                    suggestion: None,
                },
                *name_span,
            )),
            ExprKind::Unit(_) | ExprKind::Convert { .. } => quantity::number(self, expr),
        }
    }

    /// What a name is bound to, for the units layer.
    pub(super) fn binding(&self, name: &str) -> Option<&Binding> {
        self.names.get(binding_key(name))
    }

    // The larger cases live in functions of their own: `eval` recurses once
    // per nesting level, so its stack frame is kept small.
    #[inline(never)]
    fn eval_sum(
        &mut self,
        first: &Expr,
        rest: &[(AddOp, Expr)],
        span: Span,
    ) -> Result<Value, Error> {
        // Exact terms that come after the total turned approximate are
        // summed apart, exactly, and joined once at the end: one conversion
        // to a float, not one per term.
        let mut total = self.eval(first)?;
        let mut exact_rest: Option<Value> = None;
        for (op, term) in rest {
            let value = match signed_percent(term) {
                // Keypad percent: a + b% is a*(1 + b/100).
                Some((inner, negated)) => {
                    if let Some(exact) = exact_rest.take() {
                        total = self.add(&total, &exact, span)?;
                    }
                    let percent = self.eval(inner)?;
                    let percent = if negated { percent.negated() } else { percent };
                    let share = self.multiply(&total, &percent, term.span)?;
                    self.divide(&share, &Value::from_integer(100), term.span, term.span)?
                }
                None => self.eval(term)?,
            };
            if matches!((&total, &value), (Value::Approx { .. }, Value::Exact(_))) {
                let value = match op {
                    AddOp::Add => value,
                    AddOp::Subtract => value.negated(),
                };
                exact_rest = Some(match exact_rest.take() {
                    Some(exact) => self.add(&exact, &value, span)?,
                    None => value,
                });
            } else {
                // A difference, not a sum with a negation: `e - e` is 0
                // by its form, and -e has none.
                total = match op {
                    AddOp::Add => self.add(&total, &value, span)?,
                    AddOp::Subtract => self.subtract(&total, &value, span)?,
                };
            }
        }
        match exact_rest {
            Some(exact) => self.add(&total, &exact, span),
            None => Ok(total),
        }
    }

    #[inline(never)]
    fn eval_bitwise(&mut self, first: &Expr, rest: &[(BitOp, Expr)]) -> Result<Value, Error> {
        let mut total = self.eval(first)?;
        for (op, operand) in rest {
            let value = self.eval(operand)?;
            total = self.bitwise(*op, &total, first.span, &value, operand.span)?;
        }
        Ok(total)
    }

    #[inline(never)]
    fn eval_product(&mut self, first: &Expr, rest: &[(MulOp, Expr)]) -> Result<Value, Error> {
        let (mut total, rest) = match (&first.kind, rest) {
            // `a^b mod m` on integers: modular exponentiation, never a^b itself.
            (ExprKind::Power { base, exponent }, [(MulOp::Modulo, m), more @ ..]) => {
                let b = self.eval(base)?;
                let e = self.eval(exponent)?;
                let modulus = self.eval(m)?;
                if modulus.is_zero() {
                    return Err(Error::new(ErrorKind::ModuloByZero, m.span));
                }
                let so_far = first.span.to(m.span);
                let value = match self.modular_power(&b, &e, &modulus, so_far)? {
                    Some(value) => value,
                    None => {
                        let power = self.power(&b, &e, base.span, first.span)?;
                        self.modulo(&power, &modulus, m.span, so_far)?
                    }
                };
                (value, more)
            }
            _ => (self.eval(first)?, rest),
        };
        for (op, factor) in rest {
            let value = self.eval(factor)?;
            let so_far = first.span.to(factor.span);
            total = match op {
                MulOp::Multiply => self.multiply(&total, &value, so_far)?,
                MulOp::Divide => self.divide(&total, &value, factor.span, so_far)?,
                MulOp::Modulo => self.modulo(&total, &value, factor.span, so_far)?,
            };
        }
        Ok(total)
    }

    #[inline(never)]
    fn eval_call(&mut self, function: Builtin, args: &[Expr], span: Span) -> Result<Value, Error> {
        let mut values = Vec::with_capacity(args.len());
        // A trigonometric function of `x°` reads x in degrees, so
        // sin(30°) is exactly 0.5 whatever the angle mode.
        let in_degrees =
            function.angles() == AngleUse::Takes && matches!(args[0].kind, ExprKind::Degrees(_));
        for arg in args {
            let value = match &arg.kind {
                ExprKind::Degrees(inner) if in_degrees => self.eval(inner)?,
                _ => self.eval(arg)?,
            };
            values.push((value, arg.span));
        }
        let fixed = in_degrees.then_some(AngleMode::Degrees);
        let result = self.call_in_mode(fixed, function, values, span);
        self.check(result?, span)
    }

    fn lookup(&mut self, name: &str, span: Span) -> Result<Value, Error> {
        match Constant::from_name(name) {
            Some(Constant::Pi) => return Ok(self.pi(1)),
            Some(Constant::Tau) => return Ok(self.pi(2)),
            Some(Constant::E) => {
                let p = self.precision;
                let e = self.consts.e(p, ROUNDING);
                return Ok(Value::Approx {
                    ball: Ball::widened(e, Mag::ZERO, p, 1),
                    form: form::exp(&BigRational::one()).into_form().map(Box::new),
                });
            }
            None => {}
        }
        let key = binding_key(name);
        let binding = match self.names.get(key) {
            // The number; the units layer takes the unit from the binding.
            Some(Binding::Quantity(quantity)) => Some(&quantity.number),
            other => other,
        };
        match binding {
            Some(Binding::Exact(r)) => Ok(Value::Exact(r.clone())),
            // Lines that read a complex value are evaluated as complex: one
            // reaching here is a real-only operation's operand.
            Some(Binding::Deferred(deferred)) if deferred.complex => Err(Error::new(
                ErrorKind::IsComplex {
                    operation: "this operation",
                },
                span,
            )),
            Some(Binding::Deferred(deferred)) => self.eval_deferred(deferred, span),
            Some(Binding::Quantity(_)) => unreachable!("a quantity's number is not a quantity"),
            None if key == binding_key("ans") => Err(Error::new(ErrorKind::NoAnswerYet, span)),
            None => Err(unknown_name(name, self.names, span)),
        }
    }

    pub(super) fn eval_deferred(
        &mut self,
        deferred: &Rc<Deferred>,
        span: Span,
    ) -> Result<Value, Error> {
        let p = self.precision;
        let refused = Error::new(
            ErrorKind::RecomputationTooDeep {
                limit: self.limits.max_depth,
            },
            span,
        );
        let Some((expr, names)) = &deferred.derivation else {
            // Only enclosures are kept: the least precise one that is still
            // as precise as asked; beyond them the value cannot be refined.
            let cache = deferred.cache.borrow();
            return cache
                .iter()
                .filter(|(q, _)| *q >= p)
                .min_by_key(|(q, _)| *q)
                .map(|(_, v)| v.clone())
                .ok_or(refused);
        };
        if let Some((_, v)) = deferred.cache.borrow().iter().find(|(q, _)| *q == p) {
            return Ok(v.clone());
        }
        // Recomputing a result at a new precision recomputes what it was made
        // from; a long chain of `ans` would otherwise recurse without bound.
        if self.deferred_depth >= self.limits.max_depth {
            return Err(refused);
        }
        let value = self.in_derivation(deferred.angle, names, span, |inner| inner.eval(expr))?;
        deferred.cache.borrow_mut().push((p, value.clone()));
        Ok(value)
    }

    /// Runs `evaluate` in an evaluator of a stored result's own, one level
    /// deeper, in the mode and names it was made with; the work it does is
    /// charged here, and its errors point at `span`.
    pub(super) fn in_derivation<T>(
        &mut self,
        angle: AngleMode,
        names: &BTreeMap<String, Binding>,
        span: Span,
        evaluate: impl FnOnce(&mut Evaluator) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mut inner = Evaluator {
            precision: self.precision,
            angle,
            limits: self.limits,
            names,
            consts: self.consts,
            work: self.work,
            read_angle: Cell::new(false),
            deferred_depth: self.deferred_depth + 1,
            form_spent: self.form_spent,
        };
        let result = evaluate(&mut inner).map_err(|e| Error { span, ..e });
        self.work = inner.work;
        self.form_spent = inner.form_spent;
        result
    }

    /// An operation on exact forms, drawing on the work budget, at most a
    /// quarter of it for forms in all; `None` when there is no form or
    /// that quarter is spent, so that forms too costly to build leave the
    /// rest to enclosures.
    pub(super) fn form_work<T>(
        &mut self,
        operation: impl FnOnce(&mut Budget) -> Option<T>,
    ) -> Option<T> {
        let share = (self.limits.max_work / 4).saturating_sub(self.form_spent);
        let left = share.min(self.limits.max_work.saturating_sub(self.work));
        let mut budget = Budget::new(left);
        let result = operation(&mut budget);
        let spent = left - budget.left();
        self.work += spent;
        self.form_spent += spent;
        result
    }

    /// π in a ball, with its form.
    pub(super) fn pi(&mut self, multiple: i64) -> Value {
        let p = self.precision;
        let pi = self.consts.pi(p, ROUNDING);
        let mid = pi.mul(&BigFloat::from_i64(multiple, 64), p, ROUNDING);
        Value::Approx {
            ball: Ball::widened(mid, Mag::ZERO, p, 1),
            form: Form::pi(BigRational::from_integer(multiple.into()))
                .into_form()
                .map(Box::new),
        }
    }

    /// The sign of `v`, or an undecided error.
    pub(super) fn sign(&self, v: &Value, span: Span) -> Result<Ordering, Error> {
        match (v.sign(), v) {
            (Some(sign), _) => Ok(sign),
            (None, Value::Approx { ball, .. }) => {
                Err(undecided(Question::Zero, ball.magnitude_above(), span))
            }
            (None, Value::Exact(_)) => unreachable!("exact values have a sign"),
        }
    }

    /// A ball result, checked for range, with its form.
    pub(super) fn approx(
        &mut self,
        ball: Ball,
        form: Option<Form>,
        span: Span,
    ) -> Result<Value, Error> {
        let f = &ball.mid;
        if f.is_nan() {
            return Err(Error::new(ErrorKind::NoRealResult, span));
        }
        if f.is_inf() {
            return Err(Error::too_large(span));
        }
        if let Some(e) = float::binary_exponent(f)
            && e.unsigned_abs() > self.limits.max_bits
        {
            return Err(if e > 0 {
                Error::too_large(span)
            } else {
                Error::too_small(span)
            });
        }
        Ok(Value::Approx {
            ball,
            form: form.map(Box::new),
        })
    }

    /// A value that is exact or in a form, or else a ball.
    pub(super) fn known_or_approx(
        &mut self,
        known: Option<Known>,
        ball: impl FnOnce(&mut Self) -> Result<Ball, Error>,
        span: Span,
    ) -> Result<Value, Error> {
        match known {
            Some(Known::Rational(r)) => self.check(Value::Exact(r), span),
            Some(Known::Form(form)) => {
                let ball = ball(self)?;
                self.approx(ball, Some(form), span)
            }
            None => {
                let ball = ball(self)?;
                self.approx(ball, None, span)
            }
        }
    }

    /// Rejects exact values over the size limit.
    fn check(&mut self, v: Value, span: Span) -> Result<Value, Error> {
        match v {
            Value::Exact(_) if v.bits() > self.limits.max_bits => Err(Error::too_large(span)),
            exact @ Value::Exact(_) => Ok(exact),
            Value::Approx { ball, form } => self.approx(ball, form.map(|f| *f), span),
        }
    }

    /// One arithmetic operation: exact on two rationals (its cost charged
    /// first), exact when the operands' forms give a rational or a form,
    /// otherwise on balls at the working precision.
    fn arithmetic(
        &mut self,
        a: &Value,
        b: &Value,
        operation: Arithmetic,
        divisor_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        if let (Value::Exact(x), Value::Exact(y)) = (a, b) {
            // A result is at most as large as its operands together.
            if a.bits() + b.bits() > 2 * self.limits.max_bits {
                return Err(Error::too_large(span));
            }
            type Exact = fn(&BigRational, &BigRational, &mut Budget) -> Option<BigRational>;
            let (exact, cost): (Exact, fn(&_, &_) -> _) = match operation {
                Arithmetic::Add => (number::add, number::add_cost),
                Arithmetic::Subtract => (number::subtract, number::add_cost),
                Arithmetic::Multiply => (number::multiply, number::multiply_cost),
                Arithmetic::Divide => (number::divide, number::divide_cost),
            };
            self.charge(cost(x, y), span)?;
            let result = self.metered(span, |budget| exact(x, y, budget))?;
            return self.check(Value::Exact(result), span);
        }
        self.charge_float(span)?;
        let has_form =
            |v: &Value| matches!(v, Value::Exact(_) | Value::Approx { form: Some(_), .. });
        let known = if has_form(a) && has_form(b) {
            let (x, y) = (a.known(), b.known());
            let (x, y) = (
                x.as_ref().expect("has a form"),
                y.as_ref().expect("has a form"),
            );
            self.form_work(|budget| match operation {
                Arithmetic::Add => form::add(x, y, budget),
                Arithmetic::Subtract => form::subtract(x, y, budget),
                Arithmetic::Multiply => form::multiply(x, y, budget),
                // A divisor whose enclosure excludes 0 is not 0 in disguise.
                Arithmetic::Divide => form::quotient(x, y, b.sign().is_some(), budget),
            })
        } else {
            None
        };
        let p = self.precision;
        self.known_or_approx(
            known,
            |_| {
                let (x, y) = (a.to_ball(p), b.to_ball(p));
                Ok(match operation {
                    Arithmetic::Add => x.add(&y, p),
                    Arithmetic::Subtract => x.sub(&y, p),
                    Arithmetic::Multiply => x.mul(&y, p),
                    Arithmetic::Divide => x.div(&y, p).ok_or_else(|| {
                        undecided(Question::Zero, y.magnitude_above(), divisor_span)
                    })?,
                })
            },
            span,
        )
    }

    pub(super) fn add(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        self.arithmetic(a, b, Arithmetic::Add, span, span)
    }

    pub(super) fn subtract(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        self.arithmetic(a, b, Arithmetic::Subtract, span, span)
    }

    pub(super) fn multiply(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        self.arithmetic(a, b, Arithmetic::Multiply, span, span)
    }

    pub(super) fn divide(
        &mut self,
        a: &Value,
        b: &Value,
        divisor_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        if b.is_zero() {
            return Err(Error::new(ErrorKind::DivisionByZero, divisor_span));
        }
        self.arithmetic(a, b, Arithmetic::Divide, divisor_span, span)
    }

    /// Floored modulo: the result has the sign of the divisor.
    pub(super) fn modulo(
        &mut self,
        a: &Value,
        b: &Value,
        divisor_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        if b.is_zero() {
            return Err(Error::new(ErrorKind::ModuloByZero, divisor_span));
        }
        let quotient = self.divide(a, b, divisor_span, span)?;
        let whole = self.whole_part(Builtin::Floor, &quotient, span)?;
        let product = self.multiply(b, &Value::Exact(BigRational::from_integer(whole)), span)?;
        self.subtract(a, &product, span)
    }

    /// floor, ceil, trunc or round (half away from zero) of a value, when
    /// its whole enclosure gives one integer.
    pub(super) fn whole_part(
        &mut self,
        function: Builtin,
        x: &Value,
        span: Span,
    ) -> Result<BigInt, Error> {
        let integer = |r: &BigRational| {
            let (n, d) = (r.numer(), r.denom());
            match function {
                Builtin::Floor => n.div_floor(d),
                Builtin::Ceil => -(-n).div_floor(d),
                // Toward zero.
                Builtin::Trunc => n.abs().div_floor(d) * n.signum(),
                _ => {
                    // Half away from zero: floor((2|n| + d) / 2d), signed.
                    let magnitude = (n.abs() * 2u8 + d).div_floor(&(d * 2u8));
                    if n.is_negative() {
                        -magnitude
                    } else {
                        magnitude
                    }
                }
            }
        };
        match x {
            Value::Exact(r) => Ok(integer(r)),
            Value::Approx { ball, .. } => {
                let (low, high) = ball
                    .ends(self.limits.max_bits)
                    .ok_or_else(|| undecided(Question::Value, ball.rad, span))?;
                let (low_whole, high_whole) = (integer(&low), integer(&high));
                if low_whole == high_whole {
                    Ok(low_whole)
                } else {
                    Err(undecided(Question::Whole, ball.rad.scale(2.0), span))
                }
            }
        }
    }

    pub(super) fn power(
        &mut self,
        base: &Value,
        exponent: &Value,
        base_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        if exponent.as_exact().is_none() {
            // 1 to any power is 1, and e^x is exp(x), so that forms meet:
            // e^ln(3) is exactly 3.
            if base.as_exact().is_some_and(|b| b.is_one()) {
                return Ok(Value::from_integer(1));
            }
            if let Value::Approx { form: Some(f), .. } = base
                && f.exp_argument().is_some_and(|q| q.is_one())
            {
                return self.apply(Builtin::Exp, exponent, span, span);
            }
        }
        if let (Value::Exact(b), Value::Exact(e)) = (base, exponent) {
            if e.is_integer() {
                // Bases 0, 1 and -1 are exact for any integer exponent.
                if b.is_zero() || b.abs().is_one() {
                    let sign = e.numer().sign();
                    return match (b.is_zero(), sign) {
                        (true, num_bigint::Sign::Minus) => {
                            Err(Error::new(ErrorKind::ZeroToNegativePower, span))
                        }
                        (true, num_bigint::Sign::NoSign) => Ok(Value::from_integer(1)),
                        (true, _) => Ok(Value::from_integer(0)),
                        _ if b.is_negative() && e.numer().is_odd() => Ok(Value::from_integer(-1)),
                        _ => Ok(Value::from_integer(1)),
                    };
                }
                let exact = match e.numer().to_i64() {
                    Some(n) => self.exact_power(b, n, span),
                    None => Err(Error::too_large(span)),
                };
                match exact {
                    Ok(r) => return Ok(Value::Exact(r)),
                    // Too big to build exactly: an approximation, every shown digit right.
                    Err(Error {
                        kind: ErrorKind::TooLarge,
                        ..
                    }) => return self.approximate_power(base, exponent, base_span, span),
                    Err(other) => return Err(other),
                }
            }
            // A rational exponent p/q is exact when the q-th root is.
            if let Some(q) = e.denom().to_u32().filter(|q| *q <= 64) {
                if b.is_negative() && q % 2 == 0 {
                    return Err(Error::new(
                        ErrorKind::Domain {
                            reason: "even root of a negative number has no real value",
                        },
                        base_span,
                    ));
                }
                if let Some(root) = number::exact_root(b, q) {
                    let n = e.numer().to_i64().ok_or_else(|| Error::too_large(span))?;
                    return self.exact_power(&root, n, span).map(Value::Exact);
                }
                // An odd root of a negative base with no exact root: the
                // approximation below takes the sign from the numerator.
            }
        }
        // A form to a rational power may stay exact: sqrt(2)^2, cbrt(5)^3,
        // e^2; and a rational to the power n/k is ᵏ√b^n, a form of its own.
        let known = match (base, exponent) {
            (Value::Approx { form: Some(f), .. }, Value::Exact(e)) => {
                let f = Known::Form(Form::clone(f));
                self.form_work(|budget| form::power(&f, e, budget))
            }
            (Value::Exact(b), Value::Exact(e)) if !e.is_integer() => {
                let whole = BigRational::from_integer(e.numer().clone());
                let root = e.denom().to_u32().and_then(|k| form::root(b, k));
                root.and_then(|root| self.form_work(|budget| form::power(&root, &whole, budget)))
            }
            (_, Value::Approx { form: Some(e), .. }) if base.sign() == Some(Ordering::Greater) => {
                let e = Known::Form(Form::clone(e));
                let b = base.known();
                b.and_then(|b| self.form_work(|budget| form::positive_power(&b, &e, budget)))
            }
            _ => None,
        };
        if let Some(known) = known {
            // e^q is exp(q): one function, not a logarithm and an exp.
            if let Known::Form(f) = &known
                && let Some(argument) = f.exp_argument()
            {
                return self.apply(Builtin::Exp, &Value::Exact(argument.clone()), span, span);
            }
            return self.known_or_approx(
                Some(known),
                |this| match this.approximate_power(base, exponent, base_span, span)? {
                    Value::Approx { ball, .. } => Ok(ball),
                    Value::Exact(r) => Ok(ball::rational_to_ball(&r, this.precision)),
                },
                span,
            );
        }
        self.approximate_power(base, exponent, base_span, span)
    }

    /// `base^exponent` on balls at the working precision.
    fn approximate_power(
        &mut self,
        base: &Value,
        exponent: &Value,
        base_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        if exponent.is_zero() {
            return Ok(Value::from_integer(1)); // 0^0 is 1 too
        }
        if base.is_zero() {
            return if self.sign(exponent, span)? == Ordering::Less {
                Err(Error::new(ErrorKind::ZeroToNegativePower, span))
            } else {
                Ok(Value::from_integer(0))
            };
        }
        if self.sign(base, base_span)? == Ordering::Less {
            // A negative base has a real power only for exact exponents p/q
            // with q odd: (-x)^(p/q) = ±x^(p/q) by p's parity.
            let odd_root = exponent.as_exact().filter(|e| e.denom().is_odd());
            let Some(e) = odd_root else {
                // Only an exponent known to be irrational (by its form:
                // q·π, a sum of radicals of primes, e^q, sin(q) and the
                // like) is known to give no real value; one known only
                // approximately may still be whole (e.g. tan(1)*cos(1)/sin(1)).
                let irrational = match exponent {
                    Value::Approx { form: Some(f), .. } => f.known_irrational(),
                    _ => exponent.as_exact().is_some(),
                };
                let reason = if irrational {
                    "a negative number to a non-integer power has no real value"
                } else {
                    "a negative number has a real power only for a whole exponent or a \
                     fraction with an odd denominator, and this exponent is known only \
                     approximately"
                };
                return Err(Error::new(ErrorKind::Domain { reason }, base_span));
            };
            let odd = e.numer().is_odd();
            let magnitude =
                self.approximate_power(&base.clone().negated(), exponent, base_span, span)?;
            return Ok(if odd { magnitude.negated() } else { magnitude });
        }
        let p = self.precision;
        // An exact base near 1 keeps its distance from 1 whole, for ln to see.
        let x = match base {
            Value::Exact(r) => {
                ball::rational_to_ball(r, p + functions::below_one_bits(base) as usize)
            }
            approx => approx.to_ball(p),
        };
        let small_whole = exponent
            .as_exact()
            .filter(|e| e.is_integer())
            .and_then(|e| e.numer().to_i32())
            .filter(|n| n.unsigned_abs() <= 1 << 16);
        match small_whole {
            // Two multiplications a bit at most.
            Some(n) => {
                for _ in 0..2 * (32 - n.unsigned_abs().leading_zeros()) {
                    self.charge_float(span)?;
                }
            }
            // An exp and a ln, each at extra precision: eight units of the model.
            None => self.charge_transcendental(0, 8, span)?,
        }
        let ball = match small_whole {
            // Whole powers by squaring: a few roundings, no logarithm.
            Some(n) => {
                let mut result = Ball::exact(BigFloat::from_word(1, 64));
                let mut square = x;
                let mut k = n.unsigned_abs();
                while k > 0 {
                    if k & 1 == 1 {
                        result = result.mul(&square, p);
                    }
                    k >>= 1;
                    if k > 0 {
                        square = square.mul(&square, p);
                    }
                }
                if n < 0 {
                    let one = Ball::exact(BigFloat::from_word(1, 64));
                    one.div(&result, p)
                        .ok_or_else(|| undecided(Question::Zero, result.rad, span))?
                } else {
                    result
                }
            }
            // exp(y·ln x), a word of guard bits above the working precision.
            None => self.with_precision(p + 64, |ev| {
                ev.float_function(Builtin::Ln, &x, span).and_then(|ln| {
                    let product = exponent.to_ball(p + 64).mul(&ln, p + 64);
                    ev.float_function(Builtin::Exp, &product, span)
                })
            })?,
        };
        if ball.mid.is_zero() {
            // A positive base to any power is not zero: the float underflowed.
            return Err(Error::too_small(span));
        }
        self.approx(ball, None, span)
    }

    /// `b^e mod m` for integers by modular exponentiation; `None` when the
    /// operands are not all integers with `e >= 0`, for the general path.
    fn modular_power(
        &mut self,
        b: &Value,
        e: &Value,
        m: &Value,
        span: Span,
    ) -> Result<Option<Value>, Error> {
        let integer = |v: &Value| {
            v.as_exact()
                .filter(|r| r.is_integer())
                .map(|r| r.numer().clone())
        };
        let (Some(b), Some(e), Some(m)) = (integer(b), integer(e), integer(m)) else {
            return Ok(None);
        };
        if e.is_negative() || m.is_zero() {
            return Ok(None);
        }
        let words = m.bits() / 64 + 1;
        self.charge(e.bits().max(1) * words * words * 4, span)?;
        // Square and multiply, reducing as it goes (num-bigint's own modpow
        // would add its Montgomery code to the binary for no gain here).
        let modulus = m.abs();
        let base = b.mod_floor(&modulus);
        let mut r = BigInt::one() % &modulus;
        for bit in (0..e.bits()).rev() {
            r = &r * &r % &modulus;
            if e.bit(bit) {
                r = r * &base % &modulus;
            }
        }
        // Floored, like `mod`: the result takes the sign of the modulus.
        if m.is_negative() && !r.is_zero() {
            r += &m;
        }
        Ok(Some(Value::Exact(BigRational::from_integer(r))))
    }

    /// The integer an operand must be: a whole number, or an error saying
    /// it is not one (or, for an enclosure around one, that it is undecided).
    pub(super) fn integer(
        &self,
        v: &Value,
        operation: &'static str,
        span: Span,
    ) -> Result<BigInt, Error> {
        whole_number(v, operation, span, self.limits.max_bits)
    }

    /// One bitwise operation, with Python's rules (integers of unbounded
    /// two's complement).
    fn bitwise(
        &mut self,
        op: BitOp,
        a: &Value,
        a_span: Span,
        b: &Value,
        b_span: Span,
    ) -> Result<Value, Error> {
        let name = match op {
            BitOp::And => "'&'",
            BitOp::Or => "'|'",
            BitOp::Xor => "'xor'",
            BitOp::ShiftLeft => "'<<'",
            BitOp::ShiftRight => "'>>'",
        };
        let x = self.integer(a, name, a_span)?;
        let y = self.integer(b, name, b_span)?;
        let span = a_span.to(b_span);
        let shift = |y: &BigInt| -> Result<u64, Error> {
            if y.is_negative() {
                return Err(Error::new(ErrorKind::NegativeShift, b_span));
            }
            y.to_u64().ok_or_else(|| Error::too_large(span))
        };
        // Operands go through bytes of two's complement and back: 31 ns per
        // word measured at 4,096 to 131,072 bits.
        self.charge(40 * (x.bits().max(y.bits()) / 64 + 1), span)?;
        let result = match op {
            BitOp::And => twos_complement(&x, &y, |p, q| p & q),
            BitOp::Or => twos_complement(&x, &y, |p, q| p | q),
            BitOp::Xor => twos_complement(&x, &y, |p, q| p ^ q),
            BitOp::ShiftLeft => {
                let count = shift(&y)?;
                if x.bits().saturating_add(count) > self.limits.max_bits {
                    return Err(Error::too_large(span));
                }
                x << count
            }
            // Floor division by 2^count, as Python's >> on negatives.
            BitOp::ShiftRight => {
                let count = shift(&y)?.min(x.bits() + 1);
                x >> count
            }
        };
        self.check(Value::Exact(BigRational::from_integer(result)), span)
    }

    pub(super) fn exact_power(
        &mut self,
        b: &BigRational,
        n: i64,
        span: Span,
    ) -> Result<BigRational, Error> {
        if n == 0 {
            return Ok(BigRational::one()); // including 0^0
        }
        if b.is_zero() {
            return if n < 0 {
                Err(Error::new(ErrorKind::ZeroToNegativePower, span))
            } else {
                Ok(b.clone())
            };
        }
        if b.abs().is_one() {
            return Ok(if n % 2 == 0 { b.abs() } else { b.clone() });
        }
        // |b| >= 2^(bits-1) for numerator and denominator alike, so this
        // lower bound on the result's size rejects only what must fail.
        let least_bits = (b.numer().bits() + b.denom().bits() - 2).saturating_mul(n.unsigned_abs());
        if least_bits > self.limits.max_bits {
            return Err(Error::too_large(span));
        }
        self.charge(number::power_cost(least_bits), span)?;
        let exponent = u32::try_from(n.unsigned_abs()).map_err(|_| Error::too_large(span))?;
        let magnitude = number::unmetered::power(b, exponent);
        let result = if n < 0 {
            self.metered(span, |budget| {
                number::divide(&BigRational::one(), &magnitude, budget)
            })?
        } else {
            magnitude
        };
        if result.numer().bits() + result.denom().bits() - 1 > self.limits.max_bits {
            return Err(Error::too_large(span));
        }
        Ok(result)
    }

    fn factorial(&mut self, value: &Value, operand_span: Span, span: Span) -> Result<Value, Error> {
        let operation = "factorial (of 0 or more)";
        let n = self.integer(value, operation, operand_span)?;
        if n.is_negative() {
            return Err(Error::new(ErrorKind::NotWhole { operation }, operand_span));
        }
        let n = n.to_u64();
        let n = n
            .filter(|n| *n <= self.limits.max_factorial)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::FactorialTooLarge {
                        limit: self.limits.max_factorial,
                    },
                    span,
                )
            })?;
        let mut product = BigInt::one();
        for k in 2..=n {
            product *= k;
            self.charge(product.bits() / 64 + 1, span)?;
        }
        self.check(Value::Exact(BigRational::from_integer(product)), span)
    }
}

/// A sum's term that is a percentage, with the signs before it taken as
/// the percentage's own: `a + -10%` is a*(1 - 10/100), as `a - 10%` is.
fn signed_percent(term: &Expr) -> Option<(&Expr, bool)> {
    match &term.kind {
        ExprKind::Percent(inner) => Some((inner, false)),
        ExprKind::Negate(inner) => signed_percent(inner).map(|(p, negated)| (p, !negated)),
        _ => None,
    }
}

/// A bytewise operation on two integers in infinite two's complement, as
/// Python's `&`, `|` and `^`: both are sign-extended to one length first.
fn twos_complement(x: &BigInt, y: &BigInt, op: fn(u8, u8) -> u8) -> BigInt {
    let (mut a, mut b) = (x.to_signed_bytes_le(), y.to_signed_bytes_le());
    let length = a.len().max(b.len());
    for bytes in [&mut a, &mut b] {
        let fill = if bytes.last().is_some_and(|byte| byte & 0x80 != 0) {
            0xff
        } else {
            0
        };
        bytes.resize(length, fill);
    }
    let bytes: Vec<u8> = a.iter().zip(&b).map(|(p, q)| op(*p, *q)).collect();
    BigInt::from_signed_bytes_le(&bytes)
}

/// An error saying the enclosure did not settle `question` at this
/// precision: the precision loop tries again higher, and reports it once
/// precision or work runs out. `distance` bounds how far the value is from
/// the boundary in question.
pub(super) fn undecided(question: Question, distance: Mag, span: Span) -> Error {
    // 2^e <= 10^ceil(e·log10 2): a decimal exponent that still bounds it.
    let within = ((distance.exponent() as f64) * std::f64::consts::LOG10_2).ceil() as i64;
    Error::new(ErrorKind::Undetermined { question, within }, span)
}

/// `v` as a whole number, or an error: not whole, or (for an enclosure
/// around a whole number) undecided.
pub(super) fn whole_number(
    v: &Value,
    operation: &'static str,
    span: Span,
    max_bits: u64,
) -> Result<BigInt, Error> {
    let not_whole = Error::new(ErrorKind::NotWhole { operation }, span);
    match v {
        Value::Exact(r) if r.is_integer() => Ok(r.numer().clone()),
        Value::Exact(_) => Err(not_whole),
        Value::Approx { ball, .. } => {
            let (low, high) = ball
                .ends(max_bits)
                .ok_or_else(|| undecided(Question::Value, ball.rad, span))?;
            // No whole number in the ball: certainly not one.
            if -(-low.numer()).div_floor(low.denom()) > high.numer().div_floor(high.denom()) {
                Err(not_whole)
            } else {
                Err(undecided(Question::Whole, ball.rad.scale(2.0), span))
            }
        }
    }
}

/// The name a binding is stored under: `_` is another spelling of `ans`.
pub fn binding_key(name: &str) -> &str {
    if name == "_" { "ans" } else { name }
}

/// An error for an unknown name, suggesting the closest known one.
pub fn unknown_name(name: &str, names: &BTreeMap<String, Binding>, span: Span) -> Error {
    if let Some(unit) = units::suggestion(name) {
        return Error::new(
            ErrorKind::UnknownName {
                name: name.to_string(),
                suggestion: Some(unit),
            },
            span,
        );
    }
    let mut nearest = super::suggest::Nearest::new(name);
    for known in builtins::all_names() {
        nearest.offer(known);
    }
    for known in names.keys() {
        nearest.offer(known);
    }
    units::offer_names(&mut nearest);
    let suggestion = nearest.found();
    Error::new(
        ErrorKind::UnknownName {
            name: name.to_string(),
            suggestion,
        },
        span,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_chain_of_captures_drops_without_recursion() {
        use super::super::ast::Statement;
        use super::super::{lexer, parser};
        let limits = Limits::default();
        let line = parser::parse(lexer::tokenize("x", &limits).unwrap(), &limits, &|_| true);
        let Statement::Expression(expr) = line.unwrap().statement else {
            panic!("not an expression");
        };
        // Built by hand, past any bound a session keeps: only the drop is tested.
        std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || {
                let mut binding = Binding::Exact(BigRational::one());
                for _ in 0..100_000 {
                    let names = BTreeMap::from([("x".to_string(), binding)]);
                    let deferred = Deferred::new(expr.clone(), names, AngleMode::Radians);
                    binding = Binding::Deferred(Rc::new(deferred));
                }
                assert_eq!(binding.size(), 100_000);
                drop(binding);
            })
            .unwrap()
            .join()
            .expect("dropped without overflowing the stack");
    }

    #[test]
    fn suggestions_name_the_nearest_known_name() {
        let names = BTreeMap::new();
        let e = unknown_name("sqr", &names, Span::default());
        assert_eq!(e.note().as_deref(), Some("did you mean 'sqrt'?"));
        assert_eq!(e.to_string(), "unknown name 'sqr'; did you mean 'sqrt'?");
        let e = unknown_name("zzzzzz", &names, Span::default());
        assert_eq!(e.note(), None);
        assert_eq!(e.to_string(), "unknown name 'zzzzzz'");
    }
}

/// Test support: the value of `input` at `precision` bits in radians, with
/// no names bound, if it parses and evaluates.
#[cfg(test)]
pub(super) fn value_at(input: &str, precision: usize) -> Option<Value> {
    use super::ast::Statement;
    use super::{lexer, parser};
    let limits = Limits::default();
    let line = parser::parse(lexer::tokenize(input, &limits).ok()?, &limits, &|_| false).ok()?;
    let Statement::Expression(expr) = line.statement else {
        return None;
    };
    let names = BTreeMap::new();
    let mut consts = Consts::new().expect("allocating the constants cache");
    let mut evaluator = Evaluator::new(
        precision,
        AngleMode::Radians,
        &limits,
        &names,
        &mut consts,
        0,
    );
    evaluator.eval(&expr).ok()
}

#[cfg(test)]
mod enclosure_tests {
    use super::*;
    use proptest::prelude::*;

    fn ball_at(input: &str, precision: usize) -> Option<Ball> {
        match value_at(input, precision)? {
            Value::Approx { ball, .. } => Some(ball),
            Value::Exact(_) => None,
        }
    }

    fn expressions() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            (1u32..2000).prop_map(|n| n.to_string()),
            (1u32..999, 1u32..60).prop_map(|(n, e)| format!("{n}e-{e}")),
            Just("pi".to_string()),
            Just("e".to_string()),
        ];
        leaf.prop_recursive(4, 24, 2, |inner| {
            let function = prop_oneof![
                Just("sqrt"),
                Just("sin"),
                Just("cos"),
                Just("tan"),
                Just("exp"),
                Just("ln"),
                Just("atan"),
                Just("asinh"),
                Just("cbrt"),
                Just("tanh"),
            ];
            prop_oneof![
                (inner.clone(), "[-+*/]", inner.clone())
                    .prop_map(|(a, op, b)| format!("({a}){op}({b})")),
                (function, inner.clone()).prop_map(|(f, a)| format!("{f}({a})")),
                (inner, 2u32..5).prop_map(|(a, n)| format!("({a})^{n}")),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Both balls hold the true value, so they meet: the ball at 128
        /// bits reaches the midpoint of the one at four times as many,
        /// widened by that one's radius.
        #[test]
        fn an_enclosure_holds_the_value_at_four_times_the_precision(input in expressions()) {
            // Inputs that give no ball (an error, an exact value) are rejected,
            // not counted as passes.
            let (Some(low), Some(high)) = (ball_at(&input, 128), ball_at(&input, 512)) else {
                return Err(TestCaseError::reject("no ball at both precisions"));
            };
            let (Some((low_start, low_end)), Some((high_start, high_end))) =
                (low.ends(1 << 20), high.ends(1 << 20))
            else {
                return Err(TestCaseError::reject("a ball too wide to give its ends"));
            };
            prop_assert!(
                low_start <= high_end && high_start <= low_end,
                "{input}: [{low_start}, {low_end}] misses [{high_start}, {high_end}]"
            );
        }
    }
}
