//! Complex values, evaluated part by part on the real engine. A line that
//! reads `i` (or a complex value, or in complex mode a function or power
//! that may leave the reals) is walked here instead of by `eval`. Sums,
//! products and quotients are the textbook formulas on the parts, so exact
//! parts stay exact and forms stay forms; the functions go through the real
//! exp, ln, sqrt and trigonometric and hyperbolic functions of the parts, in
//! radians. Values are principal values, as mpmath gives them.

use super::{AngleMode, Binding, Deferred, Evaluator, binding_key, signed_percent};
use crate::eval::ast::{AddOp, Expr, ExprKind, MulOp};
use crate::eval::builtins::{AngleUse, Builtin, IMAGINARY_UNIT};
use crate::eval::error::{Error, ErrorKind, Span};
use crate::eval::value::{Complex, Value};
use num_rational::BigRational;
use num_traits::ToPrimitive;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Whether `expr` reads the imaginary unit (not shadowed by a variable) or
/// a complex value: such a line is evaluated as complex.
pub fn reads_complex(expr: &Expr, names: &BTreeMap<String, Binding>) -> bool {
    let mut complex = false;
    expr.for_each_name(&mut |name| {
        complex |= match names.get(binding_key(name)) {
            Some(Binding::Deferred(deferred)) => deferred.is_complex(),
            Some(_) => false,
            None => name == IMAGINARY_UNIT,
        }
    });
    complex
}

/// Whether `expr` calls a function or takes a power whose value may be
/// complex for real arguments (`sqrt(-4)`, `(-8)^(1/3)`): complex mode
/// evaluates such a line as complex.
pub fn may_leave_the_reals(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Number(_) | ExprKind::Name(_) | ExprKind::Unit(_) => false,
        ExprKind::Power { .. } => true,
        ExprKind::Call { function, args, .. } => {
            has_complex_values(*function) || args.iter().any(may_leave_the_reals)
        }
        ExprKind::Negate(e)
        | ExprKind::BitNot(e)
        | ExprKind::Factorial(e)
        | ExprKind::Percent(e)
        | ExprKind::Degrees(e)
        | ExprKind::Convert { expr: e, .. } => may_leave_the_reals(e),
        ExprKind::Sum { first, rest } => {
            may_leave_the_reals(first) || rest.iter().any(|(_, e)| may_leave_the_reals(e))
        }
        ExprKind::Product { first, rest } => {
            may_leave_the_reals(first) || rest.iter().any(|(_, e)| may_leave_the_reals(e))
        }
        ExprKind::Bitwise { first, rest } => {
            may_leave_the_reals(first) || rest.iter().any(|(_, e)| may_leave_the_reals(e))
        }
        ExprKind::UserCall { args, .. } => args.iter().any(may_leave_the_reals),
    }
}

/// The real functions with complex values outside their real domain.
fn has_complex_values(function: Builtin) -> bool {
    use Builtin::*;
    matches!(
        function,
        Sqrt | Ln | Log | Log2 | Asin | Acos | Acosh | Atanh
    )
}

/// What an expression the walker does not take apart does, for its error.
fn operation(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Factorial(_) => "factorial",
        ExprKind::Percent(_) | ExprKind::Sum { .. } => "percent",
        ExprKind::Degrees(_) => "°",
        ExprKind::Bitwise { .. } | ExprKind::BitNot(_) => "a bitwise operation",
        ExprKind::Product { .. } => "mod",
        ExprKind::Unit(_) | ExprKind::Convert { .. } => "a unit",
        _ => "this operation",
    }
}

fn zero() -> Value {
    Value::from_integer(0)
}

fn complex(re: Value, im: Value) -> Complex {
    Complex { re, im }
}

fn rational(n: i64, d: i64) -> Value {
    Value::Exact(BigRational::new(n.into(), d.into()))
}

/// `z·i`.
fn times_i(z: Complex) -> Complex {
    complex(z.im.negated(), z.re)
}

impl Evaluator<'_> {
    /// The complex value of `expr` at the working precision.
    pub(in crate::eval) fn eval_complex(&mut self, expr: &Expr) -> Result<Complex, Error> {
        let span = expr.span;
        match &expr.kind {
            ExprKind::Name(name) => self.lookup_complex(name, span),
            ExprKind::Negate(inner) => Ok(self.eval_complex(inner)?.negated()),
            ExprKind::Sum { first, rest }
                if rest.iter().all(|(_, term)| signed_percent(term).is_none()) =>
            {
                let mut total = self.eval_complex(first)?;
                for (op, term) in rest {
                    let value = self.eval_complex(term)?;
                    total = match op {
                        AddOp::Add => self.complex_add(&total, &value, span)?,
                        AddOp::Subtract => self.complex_subtract(&total, &value, span)?,
                    };
                }
                Ok(total)
            }
            ExprKind::Product { first, rest }
                if rest.iter().all(|(op, _)| *op != MulOp::Modulo) =>
            {
                let mut total = self.eval_complex(first)?;
                for (op, factor) in rest {
                    let value = self.eval_complex(factor)?;
                    let so_far = first.span.to(factor.span);
                    total = match op {
                        MulOp::Divide => {
                            self.complex_divide(&total, &value, factor.span, so_far)?
                        }
                        _ => self.complex_multiply(&total, &value, so_far)?,
                    };
                }
                Ok(total)
            }
            ExprKind::Power { base, exponent } => {
                let b = self.eval_complex(base)?;
                let e = self.eval_complex(exponent)?;
                self.complex_power(&b, &e, base.span, span)
            }
            ExprKind::Call { function, args, .. } => {
                let mut values = Vec::with_capacity(args.len());
                for arg in args {
                    values.push((self.eval_complex(arg)?, arg.span));
                }
                self.complex_call(*function, values, span)
            }
            // The rest take real numbers only.
            _ if reads_complex(expr, self.names) => Err(Error::new(
                ErrorKind::IsComplex {
                    operation: operation(expr),
                },
                span,
            )),
            _ => Ok(Complex::real(self.eval(expr)?)),
        }
    }

    fn lookup_complex(&mut self, name: &str, span: Span) -> Result<Complex, Error> {
        let names = self.names;
        match names.get(binding_key(name)) {
            Some(Binding::Deferred(deferred)) if deferred.is_complex() => {
                self.eval_deferred_complex(deferred, span)
            }
            None if name == IMAGINARY_UNIT => Ok(complex(zero(), Value::from_integer(1))),
            _ => Ok(Complex::real(self.lookup(name, span)?)),
        }
    }

    /// A stored complex value at the working precision: computed once per
    /// precision, and once for all when both parts are exact.
    pub(super) fn eval_deferred_complex(
        &mut self,
        deferred: &Rc<Deferred>,
        span: Span,
    ) -> Result<Complex, Error> {
        let p = self.precision;
        let exact = |z: &Complex| z.re.as_exact().is_some() && z.im.as_exact().is_some();
        let refused = Error::new(
            ErrorKind::RecomputationTooDeep {
                limit: self.limits.max_depth,
            },
            span,
        );
        let Some((expr, names)) = &deferred.derivation else {
            // Only the value is kept: exact, or the least precise one that
            // is still as precise as asked; beyond it, refused.
            let cache = deferred.complex_cache.borrow();
            return cache
                .iter()
                .filter(|(q, z)| *q >= p || exact(z))
                .min_by_key(|(q, _)| *q)
                .map(|(_, z)| z.clone())
                .ok_or(refused);
        };
        if let Some((_, z)) = deferred
            .complex_cache
            .borrow()
            .iter()
            .find(|(q, _)| *q == p)
        {
            return Ok(z.clone());
        }
        if self.deferred_depth >= self.limits.max_depth {
            return Err(refused);
        }
        let value = self.in_derivation(deferred.angle, names, span, |inner| {
            inner.eval_complex(expr)
        })?;
        deferred.complex_cache.borrow_mut().push((p, value.clone()));
        Ok(value)
    }

    // Arithmetic on parts, with exact zeros kept out of it: 0·x is 0 and
    // 0 + x is x whatever x is known as.

    fn part_add(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        match (a.is_zero(), b.is_zero()) {
            (true, _) => Ok(b.clone()),
            (_, true) => Ok(a.clone()),
            _ => self.add(a, b, span),
        }
    }

    fn part_subtract(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        match (a.is_zero(), b.is_zero()) {
            (_, true) => Ok(a.clone()),
            (true, _) => Ok(b.clone().negated()),
            _ => self.subtract(a, b, span),
        }
    }

    fn part_multiply(&mut self, a: &Value, b: &Value, span: Span) -> Result<Value, Error> {
        if a.is_zero() || b.is_zero() {
            return Ok(zero());
        }
        self.multiply(a, b, span)
    }

    fn complex_add(&mut self, a: &Complex, b: &Complex, span: Span) -> Result<Complex, Error> {
        Ok(complex(
            self.part_add(&a.re, &b.re, span)?,
            self.part_add(&a.im, &b.im, span)?,
        ))
    }

    fn complex_subtract(&mut self, a: &Complex, b: &Complex, span: Span) -> Result<Complex, Error> {
        Ok(complex(
            self.part_subtract(&a.re, &b.re, span)?,
            self.part_subtract(&a.im, &b.im, span)?,
        ))
    }

    fn complex_multiply(&mut self, a: &Complex, b: &Complex, span: Span) -> Result<Complex, Error> {
        let ac = self.part_multiply(&a.re, &b.re, span)?;
        let bd = self.part_multiply(&a.im, &b.im, span)?;
        let ad = self.part_multiply(&a.re, &b.im, span)?;
        let bc = self.part_multiply(&a.im, &b.re, span)?;
        Ok(complex(
            self.part_subtract(&ac, &bd, span)?,
            self.part_add(&ad, &bc, span)?,
        ))
    }

    /// |z|², exact where the parts are.
    fn norm(&mut self, z: &Complex, span: Span) -> Result<Value, Error> {
        let a = self.part_multiply(&z.re, &z.re, span)?;
        let b = self.part_multiply(&z.im, &z.im, span)?;
        self.part_add(&a, &b, span)
    }

    fn complex_divide(
        &mut self,
        a: &Complex,
        b: &Complex,
        divisor_span: Span,
        span: Span,
    ) -> Result<Complex, Error> {
        if b.is_real() {
            let part = |ev: &mut Self, x: &Value| match x.is_zero() && !b.re.is_zero() {
                true => Ok(zero()),
                false => ev.divide(x, &b.re, divisor_span, span),
            };
            return Ok(complex(part(self, &a.re)?, part(self, &a.im)?));
        }
        // a/b = a·conj(b)/|b|².
        let conjugate = complex(b.re.clone(), b.im.clone().negated());
        let top = self.complex_multiply(a, &conjugate, span)?;
        let norm = self.norm(b, span)?;
        self.complex_divide(&top, &Complex::real(norm), divisor_span, span)
    }

    pub(super) fn complex_power(
        &mut self,
        b: &Complex,
        e: &Complex,
        base_span: Span,
        span: Span,
    ) -> Result<Complex, Error> {
        let whole =
            e.re.as_exact()
                .filter(|r| e.is_real() && r.is_integer())
                .and_then(|r| r.numer().to_i64());
        if b.is_real() && e.is_real() {
            // The real power is the principal one for a base of 0 or more
            // and for whole exponents.
            let real =
                whole.is_some() || matches!(b.re.sign(), Some(Ordering::Greater | Ordering::Equal));
            if real {
                return Ok(Complex::real(self.power(&b.re, &e.re, base_span, span)?));
            }
        }
        if b.re.is_zero() && b.im.is_zero() {
            return match e.re.sign() {
                Some(Ordering::Greater) => Ok(Complex::real(zero())),
                _ => Err(Error::new(
                    ErrorKind::Domain {
                        reason: "0 to a power whose real part is not positive has no value",
                    },
                    span,
                )),
            };
        }
        let one = Complex::real(Value::from_integer(1));
        if let Some(n) = whole.filter(|n| n.unsigned_abs() <= 1 << 20) {
            // By squaring: exact parts stay exact, (1+i)^8 is 16.
            let mut result = one.clone();
            let mut square = b.clone();
            let mut k = n.unsigned_abs();
            while k > 0 {
                if k & 1 == 1 {
                    result = self.complex_multiply(&result, &square, span)?;
                }
                k >>= 1;
                if k > 0 {
                    square = self.complex_multiply(&square, &square, span)?;
                }
            }
            return match n < 0 {
                true => self.complex_divide(&one, &result, base_span, span),
                false => Ok(result),
            };
        }
        if e.is_real() {
            if let Some(r) = e.re.as_exact()
                && r.denom() == &2.into()
                && let Some(n) = r.numer().to_i64()
            {
                // z^(n/2) is √z^n: (3+4i)^(1/2) is exactly 2+i.
                let root = self.complex_sqrt(b, span)?;
                let n = Complex::real(Value::from_integer(n));
                return self.complex_power(&root, &n, base_span, span);
            }
            // |z|^e (cos eθ + i sin eθ): (-8)^(1/3) is 1 + √3 i.
            let norm = self.norm(b, span)?;
            let half = self.divide(&e.re, &Value::from_integer(2), span, span)?;
            let magnitude = self.power(&norm, &half, base_span, span)?;
            let theta = self.angle_of(&(b.im.clone(), span), &(b.re.clone(), span), span)?;
            let phi = self.part_multiply(&e.re, &theta, span)?;
            let unit = self.complex_exp(&complex(zero(), phi), span)?;
            return self.complex_multiply(&Complex::real(magnitude), &unit, span);
        }
        // ln e is exactly 1, so e^(iπ) is exp(iπ), exactly -1.
        let ln = self.complex_ln(b, span)?;
        let product = self.complex_multiply(e, &ln, span)?;
        self.complex_exp(&product, span)
    }

    /// The principal square root, by the half-angle formulas: the larger
    /// part from √((|z| ± re)/2), the other as im/(2·that), so exact roots
    /// stay exact (√(3+4i) is 2+i).
    fn complex_sqrt(&mut self, z: &Complex, span: Span) -> Result<Complex, Error> {
        if z.is_real() {
            return match self.sign(&z.re, span)? {
                Ordering::Less => {
                    let root = self.apply(Builtin::Sqrt, &z.re.clone().negated(), span, span)?;
                    Ok(complex(zero(), root))
                }
                _ => Ok(Complex::real(self.apply(
                    Builtin::Sqrt,
                    &z.re,
                    span,
                    span,
                )?)),
            };
        }
        let norm = self.norm(z, span)?;
        let modulus = self.apply(Builtin::Sqrt, &norm, span, span)?;
        let two = Value::from_integer(2);
        let (sum, negative) = match z.re.sign() {
            Some(Ordering::Less) => (self.part_subtract(&modulus, &z.re, span)?, true),
            _ => (self.part_add(&modulus, &z.re, span)?, false),
        };
        let half = self.divide(&sum, &two, span, span)?;
        let mut larger = self.apply(Builtin::Sqrt, &half, span, span)?;
        if negative && self.sign(&z.im, span)? == Ordering::Less {
            larger = larger.negated();
        }
        let twice = self.multiply(&larger, &two, span)?;
        let other = self.divide(&z.im, &twice, span, span)?;
        Ok(match negative {
            true => complex(other, larger),
            false => complex(larger, other),
        })
    }

    /// e^z = e^re (cos im + i sin im).
    fn complex_exp(&mut self, z: &Complex, span: Span) -> Result<Complex, Error> {
        let scale = match z.re.is_zero() {
            true => Value::from_integer(1),
            false => self.apply(Builtin::Exp, &z.re, span, span)?,
        };
        if z.is_real() {
            return Ok(Complex::real(scale));
        }
        let cos = self.apply(Builtin::Cos, &z.im, span, span)?;
        let sin = self.apply(Builtin::Sin, &z.im, span, span)?;
        Ok(complex(
            self.part_multiply(&scale, &cos, span)?,
            self.part_multiply(&scale, &sin, span)?,
        ))
    }

    /// ln z = ln|z| + i·arg z, arg in (-π, π].
    fn complex_ln(&mut self, z: &Complex, span: Span) -> Result<Complex, Error> {
        if z.is_real() && z.re.sign() != Some(Ordering::Less) {
            return Ok(Complex::real(self.apply(Builtin::Ln, &z.re, span, span)?));
        }
        let ln_modulus = if z.is_real() {
            self.apply(Builtin::Ln, &z.re.clone().negated(), span, span)?
        } else {
            let norm = self.norm(z, span)?;
            let ln = self.apply(Builtin::Ln, &norm, span, span)?;
            match ln.is_zero() {
                true => ln,
                false => self.divide(&ln, &Value::from_integer(2), span, span)?,
            }
        };
        let theta = self.angle_of(&(z.im.clone(), span), &(z.re.clone(), span), span)?;
        Ok(complex(ln_modulus, theta))
    }

    /// A built-in function of complex arguments: the real function where
    /// they are real and it has a real value; otherwise its complex one.
    fn complex_call(
        &mut self,
        function: Builtin,
        args: Vec<(Complex, Span)>,
        span: Span,
    ) -> Result<Complex, Error> {
        if args.iter().all(|(z, _)| z.is_real()) {
            let reals = args.iter().map(|(z, s)| (z.re.clone(), *s)).collect();
            match self.call_function(function, reals, span) {
                Ok(value) => return Ok(Complex::real(self.check(value, span)?)),
                // Outside the real domain: the complex value, where there
                // is one; at a pole (atanh(1)) the real error says more.
                Err(e)
                    if has_complex_values(function)
                        && matches!(e.kind, ErrorKind::Domain { .. }) =>
                {
                    return self
                        .complex_function(function, args, span)
                        .map_err(|complex| match complex.kind {
                            ErrorKind::Domain { .. } => e,
                            _ => complex,
                        });
                }
                Err(e) => return Err(e),
            }
        }
        self.complex_function(function, args, span)
    }

    /// A built-in function's complex value, angles in the angle mode.
    fn complex_function(
        &mut self,
        function: Builtin,
        args: Vec<(Complex, Span)>,
        span: Span,
    ) -> Result<Complex, Error> {
        let degrees = function.angles() != AngleUse::None && self.angle() == AngleMode::Degrees;
        let mut args = args.into_iter();
        let (mut z, z_span) = args.next().expect("one argument at least");
        let base = args.next();
        if degrees && function.angles() == AngleUse::Takes {
            z = complex(
                self.convert_angle(&z.re, false, z_span)?,
                self.convert_angle(&z.im, false, z_span)?,
            );
        }
        let result = self.complex_radians(function, z, base, z_span, span)?;
        if degrees && function.angles() == AngleUse::Gives {
            return Ok(complex(
                self.convert_angle(&result.re, true, span)?,
                self.convert_angle(&result.im, true, span)?,
            ));
        }
        Ok(result)
    }

    /// A built-in function's complex value, angles in radians; `base` is
    /// log's second argument.
    fn complex_radians(
        &mut self,
        function: Builtin,
        z: Complex,
        base: Option<(Complex, Span)>,
        z_span: Span,
        span: Span,
    ) -> Result<Complex, Error> {
        use Builtin::*;
        let one = Complex::real(Value::from_integer(1));
        let two = Complex::real(Value::from_integer(2));
        Ok(match function {
            Abs => {
                let norm = self.norm(&z, span)?;
                Complex::real(self.apply(Sqrt, &norm, span, span)?)
            }
            Arg => Complex::real(self.angle_of(&(z.im, z_span), &(z.re, z_span), span)?),
            Re => Complex::real(z.re),
            Im => Complex::real(z.im),
            Conj => complex(z.re, z.im.negated()),
            Sqrt => self.complex_sqrt(&z, span)?,
            Cbrt => self.complex_power(&z, &Complex::real(rational(1, 3)), z_span, span)?,
            Exp => self.complex_exp(&z, span)?,
            Ln => self.complex_ln(&z, span)?,
            Log | Log2 => {
                let ln = self.complex_ln(&z, span)?;
                let (base, divisor_span) = match (function, base) {
                    (Log, Some(base)) => base,
                    (Log, None) => (Complex::real(Value::from_integer(10)), span),
                    _ => (two, span),
                };
                let ln_base = self.complex_ln(&base, span)?;
                if ln_base.re.is_zero() && ln_base.im.is_zero() {
                    let reason = "log base 1 is undefined";
                    return Err(Error::new(ErrorKind::Domain { reason }, divisor_span));
                }
                self.complex_divide(&ln, &ln_base, divisor_span, span)?
            }
            Sin | Cos | Tan | Sinh | Cosh | Tanh => self.trigonometric(function, &z, span)?,
            // asin z = -i asinh(iz) and atan z = -i atanh(iz).
            Asin | Atan => {
                let inner = if function == Asin { Asinh } else { Atanh };
                let w = self
                    .complex_radians(inner, times_i(z), None, z_span, span)
                    .map_err(|e| match (function, e.kind) {
                        (Atan, ErrorKind::Domain { .. }) => {
                            let reason = "atan is undefined at i and -i";
                            Error::new(ErrorKind::Domain { reason }, z_span)
                        }
                        (_, kind) => Error { kind, ..e },
                    })?;
                times_i(w).negated()
            }
            // acos z = π/2 - asin z.
            Acos => {
                let asin = self.complex_radians(Asin, z, None, z_span, span)?;
                let pi = self.pi(1);
                let half_pi = self.divide(&pi, &two.re, span, span)?;
                self.complex_subtract(&Complex::real(half_pi), &asin, span)?
            }
            // asinh z = ln(z + √(z² + 1)).
            Asinh => {
                let square = self.complex_multiply(&z, &z, span)?;
                let inner = self.complex_add(&square, &one, span)?;
                let root = self.complex_sqrt(&inner, span)?;
                let sum = self.complex_add(&z, &root, span)?;
                self.complex_ln(&sum, span)?
            }
            // A real x below 1: acosh x is i·acos x on [-1, 1], and
            // acosh(-x) + iπ below -1, so its real part is exactly 0 or real.
            Acosh if z.is_real() => {
                let x = z.re;
                let below = self.part_add(&x, &one.re, span)?;
                match self.sign(&below, z_span)? {
                    Ordering::Less => {
                        let magnitude = self.apply(Acosh, &x.negated(), z_span, span)?;
                        complex(magnitude, self.pi(1))
                    }
                    _ => complex(zero(), self.apply(Acos, &x, z_span, span)?),
                }
            }
            // acosh z = ln(z + √(z + 1)·√(z - 1)).
            Acosh => {
                let above = self.complex_add(&z, &one, span)?;
                let below = self.complex_subtract(&z, &one, span)?;
                let a = self.complex_sqrt(&above, span)?;
                let b = self.complex_sqrt(&below, span)?;
                let product = self.complex_multiply(&a, &b, span)?;
                let sum = self.complex_add(&z, &product, span)?;
                self.complex_ln(&sum, span)?
            }
            // atanh z = (ln(1 + z) - ln(1 - z))/2.
            Atanh => {
                let a = self.complex_add(&one, &z, span)?;
                let b = self.complex_subtract(&one, &z, span)?;
                let ln_a = self.complex_ln(&a, span)?;
                let ln_b = self.complex_ln(&b, span)?;
                let difference = self.complex_subtract(&ln_a, &ln_b, span)?;
                self.complex_divide(&difference, &two, span, span)?
            }
            Sign | Floor | Ceil | Round | Trunc | Atan2 | Hypot | Min | Max | Gcd | Lcm | Comb
            | Perm => {
                let operation = function.name();
                return Err(Error::new(ErrorKind::IsComplex { operation }, span));
            }
        })
    }

    /// sin, cos, tan and their hyperbolic kin of a + bi, from the real
    /// functions of a and b (angles in radians).
    fn trigonometric(
        &mut self,
        function: Builtin,
        z: &Complex,
        span: Span,
    ) -> Result<Complex, Error> {
        use Builtin::*;
        let real = |ev: &mut Self, f: Builtin, x: &Value| ev.apply(f, x, span, span);
        let (a, b) = (&z.re, &z.im);
        let hyperbolic = matches!(function, Sinh | Cosh | Tanh);
        // Circular: sin a, cos a of the real part, cosh b, sinh b of the
        // imaginary; hyperbolic the other way round.
        let (sin_a, cos_a, sinh_b, cosh_b) = match hyperbolic {
            false => (
                real(self, Sin, a)?,
                real(self, Cos, a)?,
                real(self, Sinh, b)?,
                real(self, Cosh, b)?,
            ),
            true => (
                real(self, Sinh, a)?,
                real(self, Cosh, a)?,
                real(self, Sin, b)?,
                real(self, Cos, b)?,
            ),
        };
        // sin(a+bi) = sin a cosh b + i cos a sinh b,
        // cos(a+bi) = cos a cosh b - i sin a sinh b;
        // sinh(a+bi) = sinh a cos b + i cosh a sin b,
        // cosh(a+bi) = cosh a cos b + i sinh a sin b.
        let sine = complex(
            self.part_multiply(&sin_a, &cosh_b, span)?,
            self.part_multiply(&cos_a, &sinh_b, span)?,
        );
        let cosine_im = self.part_multiply(&sin_a, &sinh_b, span)?;
        let cosine = complex(
            self.part_multiply(&cos_a, &cosh_b, span)?,
            match hyperbolic {
                false => cosine_im.negated(),
                true => cosine_im,
            },
        );
        match function {
            Sin | Sinh => Ok(sine),
            Cos | Cosh => Ok(cosine),
            _ => self.complex_divide(&sine, &cosine, span, span),
        }
    }
}
