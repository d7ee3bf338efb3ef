//! Walks the tree at one working precision. `evaluate` in `mod.rs` runs it
//! at rising precisions until the shown digits stop changing.

use super::ast::{AddOp, BitOp, Expr, ExprKind, MulOp};
use super::builtins::{self, AngleUse, Builtin, Constant};
use super::error::{Error, ErrorKind, Span};
use super::limits::Limits;
use super::number::{self, ROUNDING, Value};
use super::units::{self, Compound};
use astro_float_num::{BigFloat, Consts};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::RefCell;
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
/// need instead of inheriting a fixed rounding error.
#[derive(Debug, Clone)]
pub enum Binding {
    Exact(BigRational),
    Deferred(Rc<Deferred>),
    /// A number (never itself a quantity) in a unit.
    Quantity(Rc<(Binding, Compound)>),
}

#[derive(Debug)]
pub struct Deferred {
    expr: Expr,
    names: BTreeMap<String, Binding>,
    angle: AngleMode,
    /// Values already computed, by precision; shared subexpressions are
    /// evaluated once per precision however often they are referenced.
    cache: RefCell<Vec<(usize, Value)>>,
}

impl Deferred {
    pub fn new(expr: Expr, names: BTreeMap<String, Binding>, angle: AngleMode) -> Self {
        Deferred {
            expr,
            names,
            angle,
            cache: RefCell::new(Vec::new()),
        }
    }
}

pub struct Evaluator<'a> {
    pub(super) precision: usize,
    pub(super) angle: AngleMode,
    pub(super) limits: &'a Limits,
    names: &'a BTreeMap<String, Binding>,
    consts: &'a mut Consts,
    work: u64,
    /// Set once any approximation has entered the result.
    pub(super) used_approximation: bool,
    /// How many stored approximate results are being recomputed, nested.
    deferred_depth: usize,
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
            used_approximation: false,
            deferred_depth: 0,
        }
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

    /// Charges an arithmetic float operation, converting exact operands included.
    fn charge_float(&mut self, span: Span) -> Result<(), Error> {
        let words = self.precision as u64 / 64 + 1;
        self.charge(8_000 + words * words * 10, span)
    }

    /// Charges a transcendental function at `extra_bits` above the working
    /// precision (trigonometric argument reduction needs them); `weight` is 1
    /// for most, more for slower ones. Fitted to astro-float timings from 128
    /// to 8192 bits on this project's 2-core machine.
    fn charge_transcendental(
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
            ExprKind::Degrees(inner) => {
                let value = self.eval(inner)?;
                self.degrees_value(&value, span)
            }
            ExprKind::Bitwise { first, rest } => self.eval_bitwise(first, rest),
            ExprKind::BitNot(inner) => {
                let value = self.eval(inner)?;
                let n = self.integer(&value, "'~'", inner.span)?;
                // ~n is -n-1 in two's complement.
                Ok(Value::Exact(BigRational::from_integer(-n - 1)))
            }
            ExprKind::Call { function, args, .. } => self.eval_call(*function, args, span),
            ExprKind::Unit(_) | ExprKind::Convert { .. } => units::quantity::number(self, expr),
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
            let value = match &term.kind {
                // Keypad percent: a + b% is a*(1 + b/100).
                ExprKind::Percent(inner) => {
                    if let Some(exact) = exact_rest.take() {
                        total = self.add(&total, &exact, span)?;
                    }
                    let percent = self.eval(inner)?;
                    let share = self.multiply(&total, &percent, term.span)?;
                    self.divide(&share, &Value::from_integer(100), term.span, term.span)?
                }
                _ => self.eval(term)?,
            };
            let value = match op {
                AddOp::Add => value,
                AddOp::Subtract => value.negated(),
            };
            if matches!((&total, &value), (Value::Approx(_), Value::Exact(_))) {
                exact_rest = Some(match exact_rest.take() {
                    Some(exact) => self.add(&exact, &value, span)?,
                    None => value,
                });
            } else {
                total = self.add(&total, &value, span)?;
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
        let mode = self.angle;
        if in_degrees {
            self.angle = AngleMode::Degrees;
        }
        let result = self.call_function(function, values, span);
        self.angle = mode;
        self.check(result?, span)
    }

    fn lookup(&mut self, name: &str, span: Span) -> Result<Value, Error> {
        let p = self.precision;
        match Constant::from_name(name) {
            Some(Constant::Pi) => return Ok(Value::Approx(self.pi())),
            Some(Constant::Tau) => {
                let pi = self.pi();
                return Ok(Value::Approx(pi.mul(
                    &BigFloat::from_word(2, 64),
                    p,
                    ROUNDING,
                )));
            }
            Some(Constant::E) => {
                self.used_approximation = true;
                return Ok(Value::Approx(self.consts.e(p, ROUNDING)));
            }
            None => {}
        }
        let key = binding_key(name);
        let binding = match self.names.get(key) {
            // The number; the units layer takes the unit from the binding.
            Some(Binding::Quantity(quantity)) => Some(&quantity.0),
            other => other,
        };
        match binding {
            Some(Binding::Exact(r)) => Ok(Value::Exact(r.clone())),
            Some(Binding::Deferred(deferred)) => self.eval_deferred(deferred, span),
            Some(Binding::Quantity(_)) => unreachable!("a quantity's number is not a quantity"),
            None if key == binding_key("ans") => Err(Error::new(ErrorKind::NoAnswerYet, span)),
            None => Err(unknown_name(name, self.names, span)),
        }
    }

    fn eval_deferred(&mut self, deferred: &Rc<Deferred>, span: Span) -> Result<Value, Error> {
        self.used_approximation = true;
        let p = self.precision;
        if let Some((_, v)) = deferred.cache.borrow().iter().find(|(q, _)| *q == p) {
            return Ok(v.clone());
        }
        // Recomputing a result at a new precision recomputes what it was made
        // from; a long chain of `ans` would otherwise recurse without bound.
        if self.deferred_depth >= self.limits.max_depth {
            return Err(Error::new(
                ErrorKind::RecomputationTooDeep {
                    limit: self.limits.max_depth,
                },
                span,
            ));
        }
        let mut inner = Evaluator {
            precision: p,
            angle: deferred.angle,
            limits: self.limits,
            names: &deferred.names,
            consts: self.consts,
            work: self.work,
            used_approximation: true,
            deferred_depth: self.deferred_depth + 1,
        };
        let value = inner
            .eval(&deferred.expr)
            .map_err(|e| Error { span, ..e })?;
        self.work = inner.work;
        deferred.cache.borrow_mut().push((p, value.clone()));
        Ok(value)
    }

    pub(super) fn pi(&mut self) -> BigFloat {
        self.used_approximation = true;
        self.consts.pi(self.precision, ROUNDING)
    }

    /// Applies a float function to `x` at the working precision.
    pub(super) fn transcendental(
        &mut self,
        x: &Value,
        span: Span,
        extra_bits: u64,
        weight: u64,
        function: fn(&BigFloat, usize, &mut Consts) -> BigFloat,
    ) -> Result<Value, Error> {
        self.charge_transcendental(extra_bits, weight, span)?;
        self.used_approximation = true;
        let p = self.precision;
        let result = function(&x.to_float(p), p, self.consts);
        self.checked(result, span)
    }

    /// Turns float results that are not finite numbers, or out of range, into errors.
    pub(super) fn checked(&mut self, f: BigFloat, span: Span) -> Result<Value, Error> {
        self.used_approximation = true;
        if f.is_nan() {
            return Err(Error::new(ErrorKind::NoRealResult, span));
        }
        if f.is_inf() {
            return Err(too_large(span));
        }
        if let Some(e) = number::binary_exponent(&f)
            && e.unsigned_abs() > self.limits.max_bits
        {
            return Err(if e > 0 {
                too_large(span)
            } else {
                too_small(span)
            });
        }
        Ok(Value::Approx(f))
    }

    /// Rejects exact values over the size limit.
    fn check(&mut self, v: Value, span: Span) -> Result<Value, Error> {
        match v {
            Value::Exact(_) if v.bits() > self.limits.max_bits => Err(too_large(span)),
            Value::Approx(f) => self.checked(f, span),
            exact => Ok(exact),
        }
    }

    /// One arithmetic operation: exact on two rationals (its cost charged
    /// first), otherwise in floats at the working precision.
    fn arithmetic(
        &mut self,
        a: &Value,
        b: &Value,
        span: Span,
        exact: fn(&BigRational, &BigRational) -> BigRational,
        cost: fn(&BigRational, &BigRational) -> u64,
        float: fn(&BigFloat, &BigFloat, usize) -> BigFloat,
    ) -> Result<Value, Error> {
        if let (Value::Exact(x), Value::Exact(y)) = (a, b) {
            // A result is at most as large as its operands together.
            if a.bits() + b.bits() > 2 * self.limits.max_bits {
                return Err(too_large(span));
            }
            self.charge(cost(x, y), span)?;
            return self.check(Value::Exact(exact(x, y)), span);
        }
        self.charge_float(span)?;
        let p = self.precision;
        let result = float(&a.to_float(p), &b.to_float(p), p);
        self.checked(result, span)
    }

    pub(super) fn add(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        self.arithmetic(a, b, span, number::add, number::add_cost, |x, y, p| {
            x.add(y, p, ROUNDING)
        })
    }

    fn subtract(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        self.arithmetic(a, b, span, number::subtract, number::add_cost, |x, y, p| {
            x.sub(y, p, ROUNDING)
        })
    }

    pub(super) fn multiply(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        self.arithmetic(
            a,
            b,
            span,
            number::multiply,
            number::multiply_cost,
            |x, y, p| x.mul(y, p, ROUNDING),
        )
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
        self.arithmetic(
            a,
            b,
            span,
            number::divide,
            number::divide_cost,
            |x, y, p| x.div(y, p, ROUNDING),
        )
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
        let whole = match quotient {
            Value::Exact(q) => BigRational::from_integer(number::floor(&q)),
            Value::Approx(f) => number::float_to_rational(&f.floor(), self.limits.max_bits)
                .ok_or_else(|| too_large(span))?,
        };
        let product = self.multiply(b, &Value::Exact(whole), span)?;
        self.subtract(a, &product, span)
    }

    pub(super) fn power(
        &mut self,
        base: &Value,
        exponent: &Value,
        base_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
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
                    None => Err(too_large(span)),
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
                    let n = e.numer().to_i64().ok_or_else(|| too_large(span))?;
                    return self.exact_power(&root, n, span).map(Value::Exact);
                }
                // An odd root of a negative base with no exact root: the
                // approximation below takes the sign from the numerator.
            }
        }
        self.approximate_power(base, exponent, base_span, span)
    }

    /// `base^exponent` in floats at the working precision.
    fn approximate_power(
        &mut self,
        base: &Value,
        exponent: &Value,
        base_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        if base.is_negative() {
            // A negative base has a real power only for exact exponents p/q
            // with q odd: (-x)^(p/q) = ±x^(p/q) by p's parity.
            let odd_root = exponent.as_exact().filter(|e| e.denom().is_odd());
            let Some(e) = odd_root else {
                return Err(Error::new(
                    ErrorKind::Domain {
                        reason: "a negative number to a non-integer power has no real value",
                    },
                    base_span,
                ));
            };
            let odd = e.numer().is_odd();
            let magnitude =
                self.approximate_power(&base.clone().negated(), exponent, base_span, span)?;
            return Ok(if odd { magnitude.negated() } else { magnitude });
        }
        if exponent.is_zero() {
            return Ok(Value::from_integer(1)); // 0^0 is 1 too
        }
        if base.is_zero() {
            return if exponent.is_negative() {
                Err(Error::new(ErrorKind::ZeroToNegativePower, span))
            } else {
                Ok(Value::from_integer(0))
            };
        }
        // A power is an exp and a ln, each at extra precision: eight units of the model.
        self.charge_transcendental(0, 8, span)?;
        self.used_approximation = true;
        let p = self.precision;
        let result = base
            .to_float(p)
            .pow(&exponent.to_float(p), p, ROUNDING, self.consts);
        if result.is_zero() {
            // A positive base to any power is not zero: the float underflowed.
            return Err(too_small(span));
        }
        self.checked(result, span)
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

    /// The integer a bitwise operand must be.
    fn integer(&self, v: &Value, operation: &'static str, span: Span) -> Result<BigInt, Error> {
        match v.as_exact() {
            Some(r) if r.is_integer() => Ok(r.numer().clone()),
            _ => Err(Error::new(ErrorKind::NotWhole { operation }, span)),
        }
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
            y.to_u64().ok_or_else(|| too_large(span))
        };
        self.charge(x.bits().max(y.bits()) / 64 + 1, span)?;
        let result = match op {
            BitOp::And => twos_complement(&x, &y, |p, q| p & q),
            BitOp::Or => twos_complement(&x, &y, |p, q| p | q),
            BitOp::Xor => twos_complement(&x, &y, |p, q| p ^ q),
            BitOp::ShiftLeft => {
                let count = shift(&y)?;
                if x.bits().saturating_add(count) > self.limits.max_bits {
                    return Err(too_large(span));
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
            return Err(too_large(span));
        }
        let words = least_bits / 32 + 1;
        self.charge(words * words, span)?;
        let exponent = u32::try_from(n.unsigned_abs()).map_err(|_| too_large(span))?;
        let magnitude = number::power(b, exponent);
        let result = if n < 0 {
            number::divide(&BigRational::one(), &magnitude)
        } else {
            magnitude
        };
        if result.numer().bits() + result.denom().bits() > self.limits.max_bits {
            return Err(too_large(span));
        }
        Ok(result)
    }

    fn factorial(&mut self, value: &Value, operand_span: Span, span: Span) -> Result<Value, Error> {
        let n = match value {
            Value::Exact(r) if r.is_integer() && !r.is_negative() => r.numer().to_u64(),
            _ => {
                return Err(Error::new(
                    ErrorKind::NotWhole {
                        operation: "factorial (of 0 or more)",
                    },
                    operand_span,
                ));
            }
        };
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

pub(super) fn too_large(span: Span) -> Error {
    Error::new(ErrorKind::TooLarge, span)
}

pub(super) fn too_small(span: Span) -> Error {
    Error::new(ErrorKind::TooSmall, span)
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
                suggestion: Some(unit.to_string()),
            },
            span,
        );
    }
    let suggestion = builtins::all_names()
        .chain(units::all_names())
        .map(str::to_string)
        .chain(names.keys().cloned())
        .map(|candidate| (edit_distance(name, &candidate), candidate))
        .filter(|(distance, candidate)| *distance <= 2 && *distance < candidate.len())
        .min()
        .map(|(_, candidate)| candidate);
    Error::new(
        ErrorKind::UnknownName {
            name: name.to_string(),
            suggestion,
        },
        span,
    )
}

/// Levenshtein distance, over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("sine", "sin"), 1);
        assert_eq!(edit_distance("sqtr", "sqrt"), 2);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("abc", "abc"), 0);
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
