//! Built-in functions: their exact special cases, their exact forms, and
//! their enclosures. Where a result is exact (`sqrt(16)`, `log(1000)`,
//! `sin(30°)`, `exp(ln(7))`) it is a rational; where it has a form
//! (`sqrt(8)` is 2√2) it keeps it; otherwise the float library computes
//! the midpoint, correctly rounded, and a bound on the derivative over the
//! argument's ball gives the radius.

use super::{AngleMode, Evaluator, undecided};
use crate::eval::ball;
use crate::eval::ball::{Ball, Mag};
use crate::eval::builtins::{AngleUse, Builtin, Computation, LibraryFunction};
use crate::eval::error::{Error, ErrorKind, Question, Span};
use crate::eval::float::{self, ROUNDING};
use crate::eval::form::{self, Known};
use crate::eval::number;
use crate::eval::value::Value;
use astro_float_num::{BigFloat, Consts};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(n.into(), d.into())
}

/// Roughly log2 |v|: how many bits stand before the binary point.
fn magnitude_bits(v: &Value) -> i64 {
    match v {
        Value::Exact(r) if r.is_zero() => 0,
        Value::Exact(r) => r.numer().bits() as i64 - r.denom().bits() as i64,
        Value::Approx { ball, .. } => float::binary_exponent(&ball.mid).unwrap_or(0),
    }
}

/// Roughly how many bits `x` has in common with 1 after the binary point:
/// -log2 |x - 1|, or 0 when it is not near 1 (for exact values, |x| near 1).
pub(super) fn below_one_bits(x: &Value) -> u64 {
    let offset = match x {
        // (|n| - d)/d is in lowest terms already: no gcd of huge numbers.
        Value::Exact(r) => match r.numer().abs() - r.denom() {
            gap if gap.is_zero() => 0,
            gap => gap.bits() as i64 - r.denom().bits() as i64,
        },
        // The whole ball near 1, not just its midpoint.
        Value::Approx { ball, .. } => {
            let one = BigFloat::from_word(1, 64);
            let offset = ball.mid.sub(&one, 64, ROUNDING);
            let offset = float::binary_exponent(&offset).unwrap_or(i64::MIN / 4);
            offset.max(ball.rad.exponent())
        }
    };
    offset.min(0).unsigned_abs()
}

/// log2 |r| as an f64, for guessing integer logarithms of huge values.
fn approx_log2(r: &BigRational) -> f64 {
    let log2 = |i: &BigInt| {
        let bits = i.bits();
        let shift = bits.saturating_sub(53);
        let top = (i.abs() >> shift as usize).to_f64().unwrap_or(1.0);
        top.log2() + shift as f64
    };
    log2(r.numer()) - log2(r.denom())
}

impl Evaluator<'_> {
    pub(in crate::eval) fn call_function(
        &mut self,
        function: Builtin,
        args: Vec<(Value, Span)>,
        span: Span,
    ) -> Result<Value, Error> {
        use Builtin::*;
        let (x, x_span) = args[0].clone();
        let degrees = function.angles() != AngleUse::None && self.angle() == AngleMode::Degrees;
        let exact = x.as_exact();
        // Exact answers first; `None` falls through to forms and enclosures.
        let exact_answer: Option<BigRational> = match (function, exact) {
            (Abs, _) => {
                // The form goes with the value where its sign is known.
                return Ok(match (x.sign(), x) {
                    (_, Value::Exact(r)) => Value::Exact(r.abs()),
                    (Some(Ordering::Less), x) => x.negated(),
                    (Some(_), x) => x,
                    (None, Value::Approx { ball, .. }) => Value::Approx {
                        ball: ball.abs(),
                        form: None,
                    },
                });
            }
            (Sign, _) => {
                let sign = match self.sign(&x, x_span)? {
                    Ordering::Less => -1,
                    Ordering::Equal => 0,
                    Ordering::Greater => 1,
                };
                return Ok(Value::from_integer(sign));
            }
            (Floor | Ceil | Round | Trunc, _) => {
                if let Some((places, places_span)) = args.get(1) {
                    return self.rounded_to_places(function, &x, places, *places_span, span);
                }
                let whole = self.whole_part(function, &x, span)?;
                return Ok(Value::Exact(BigRational::from_integer(whole)));
            }
            (Min | Max, _) => return self.min_max(function, args, span),
            (Gcd | Lcm, _) => return self.gcd_lcm(function, args),
            (Comb | Perm, _) => return self.combinations(function, &args, span),
            (Hypot, _) => return self.hypot(&args, span),
            // Of a real number: itself, 0, itself, and 0 or π by its sign.
            (Re | Conj, _) => return Ok(x),
            (Im, _) => return Ok(Value::from_integer(0)),
            (Arg, _) => {
                let angle = match self.sign(&x, x_span)? {
                    Ordering::Less => self.pi(1),
                    _ => Value::from_integer(0),
                };
                return match degrees {
                    true => self.convert_angle(&angle, true, span),
                    false => Ok(angle),
                };
            }
            (Atan2, _) => return self.atan2(&args, span),
            (Log, Some(r)) if args.len() == 1 && r.is_positive() => self.exact_log(r, &q(10, 1)),
            (Log2, Some(r)) if r.is_positive() => self.exact_log(r, &q(2, 1)),
            (Log, Some(r)) if r.is_positive() => match args[1].0.as_exact() {
                Some(base) if base.is_positive() && !base.is_one() => self.exact_log(r, base),
                _ => None,
            },
            _ => None,
        };
        if let Some(answer) = exact_answer {
            return Ok(Value::Exact(answer));
        }
        if function == Log && args.len() == 2 {
            let (base, base_span) = &args[1];
            if base.sign() == Some(Ordering::Greater) {
                let ln_base = self.apply(Ln, base, *base_span, *base_span)?;
                if ln_base.is_zero() {
                    return Err(Error::new(
                        ErrorKind::Domain {
                            reason: "log base 1 is undefined",
                        },
                        *base_span,
                    ));
                }
                let ln_x = self.apply(Ln, &x, x_span, x_span)?;
                return self.divide(&ln_x, &ln_base, *base_span, span);
            }
            self.sign(base, *base_span)?;
            return Err(Error::new(
                ErrorKind::Domain {
                    reason: "log base must be positive",
                },
                *base_span,
            ));
        }
        let argument = if function.angles() == AngleUse::Takes && degrees {
            self.degrees_to_radians(&x, x_span)?
        } else {
            x
        };
        let result = self.apply(function, &argument, x_span, span)?;
        if function.angles() == AngleUse::Gives && degrees {
            return self.convert_angle(&result, true, span);
        }
        Ok(result)
    }

    /// A one-argument function of `x` (angles in radians): exact where the
    /// answer is rational, in a form where it has one, otherwise a ball.
    pub(super) fn apply(
        &mut self,
        function: Builtin,
        x: &Value,
        x_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        use Builtin::*;
        // Here, not in call_function: an angle in degrees reaches 0 only
        // once whole turns are taken off (sin(360) in degrees is sin(0)).
        let zero_or_one = match (function, x.as_exact()) {
            (Sin | Tan | Asin | Atan | Sinh | Tanh | Asinh | Atanh, Some(r)) if r.is_zero() => {
                Some(0)
            }
            (Cos | Cosh | Exp, Some(r)) if r.is_zero() => Some(1),
            (Acosh, Some(r)) if r.is_one() => Some(0),
            _ => None,
        };
        if let Some(n) = zero_or_one {
            return Ok(Value::from_integer(n));
        }
        if let (Sqrt | Cbrt, Some(r)) = (function, x.as_exact()) {
            if function == Sqrt && r.is_negative() {
                return Err(domain(
                    "sqrt of a negative number has no real value",
                    x_span,
                ));
            }
            if let Some(root) = number::exact_root(r, if function == Sqrt { 2 } else { 3 }) {
                return Ok(Value::Exact(root));
            }
        }
        let known = match x.known() {
            Some(k) => form::function(function, &k).map_err(|reason| domain(reason, x_span))?,
            None => None,
        };
        if let Some(Known::Rational(r)) = known {
            return self.check_exact(r, span);
        }
        // A multiple of π loses its whole turns exactly, so the enclosure of
        // tan(pi/6 + 2*pi*10^1000) needs no reduction of a huge angle.
        let turns = match (function, x) {
            (Sin | Cos | Tan, Value::Approx { form: Some(f), .. }) => {
                f.pi_multiple().filter(|m| m.abs() > q(2, 1))
            }
            _ => None,
        };
        let reduced;
        let x = match turns {
            Some(m) => {
                let whole_turns = number::floor(&number::unmetered::product(m, &q(1, 2)));
                let turn_angle = BigRational::from_integer(BigInt::from(-2) * whole_turns);
                let pi = self.pi(1);
                let angle = Value::Exact(number::unmetered::sum(m, &turn_angle));
                reduced = self.multiply(&pi, &angle, span)?;
                &reduced
            }
            None => x,
        };
        self.check_domain(function, x, x_span)?;
        // How near ±1 the argument of a function with an edge or a zero there
        // is, found once: it picks the identities below, the extra bits an
        // exact argument goes in with, and the charge.
        let near_one = match function {
            Ln | Log | Log2 | Asin | Acos | Acosh | Atanh => below_one_bits(x),
            _ => 0,
        };
        // Exact arguments near the edge, by identities that keep their
        // distance to it exact, where the library would need as many bits
        // as the argument is close (acosh(1+1e-2000) took 0.12 s). The
        // rationals are built in lowest terms directly: a gcd of numbers
        // this long would cost more than the rest.
        if let (Atanh | Acosh, Value::Exact(r)) = (function, x)
            && near_one > 64
        {
            let (n, d) = (r.numer(), r.denom());
            return if function == Atanh {
                // atanh(x) = ln((1+x)/(1-x))/2; (d+n)/(d-n) shares at most
                // a 2, and d - n > 0 as |x| < 1.
                let (mut top, mut bottom) = (d + n, d - n);
                if top.is_even() && bottom.is_even() {
                    (top, bottom) = (top >> 1u8, bottom >> 1u8);
                }
                let ratio = Value::Exact(BigRational::new_raw(top, bottom));
                let ln = self.apply(Ln, &ratio, x_span, span)?;
                self.divide(&ln, &Value::from_integer(2), span, span)
            } else {
                // acosh(x) = ln(x + √(x²-1)), its ln near 1 by the series;
                // (n²-d²)/d² is in lowest terms as n/d is.
                let square_less_one = BigRational::new_raw(n * n - d * d, d * d);
                let root = self.apply(Sqrt, &Value::Exact(square_less_one), x_span, span)?;
                let sum = self.add(x, &root, span)?;
                self.apply(Ln, &sum, x_span, span)
            };
        }
        let extra_bits = if function.angles() == AngleUse::Takes {
            let magnitude = magnitude_bits(x);
            if magnitude > self.limits.max_precision as i64 {
                return Err(Error::new(
                    ErrorKind::ArgumentTooLarge {
                        function: function.name(),
                        bits: self.limits.max_precision,
                    },
                    x_span,
                ));
            }
            magnitude.max(0) as u64
        } else if let (Ln | Log | Log2 | Asin | Acos, Value::Exact(_)) = (function, x) {
            // An exact argument near ±1 goes in with as many more bits as it
            // is close, so that ln(1+u) sees all of u and asin(1-u) is not
            // taken for asin(1).
            near_one
        } else {
            0
        };
        // Measured: tan costs about five sines, and sin and cos cost twice the
        // model near multiples of pi, where argument reduction needs more bits;
        // the logarithms (and the inverse hyperbolics built on them) about
        // two and a half times it from 10,000 to 100,000 digits, where the
        // model, fitted below 8,192 bits, is stretched.
        let weight = match function {
            Tan => 5,
            Ln | Log | Log2 | Asinh | Acosh | Atanh if self.precision > 16_384 => 3,
            Sin | Cos => 2,
            _ => 1,
        };
        // A function of an argument below the square root of the precision's
        // unit is its first terms: the float library answers it at the cost
        // of arithmetic (`exp(1e-15000)` at 50,000 bits).
        // So is a logarithm of an argument as near 1 (`ln(1+1e-3000)`).
        let half = self.precision as i64 / 2;
        let tiny = match x {
            Value::Exact(_) => magnitude_bits(x) < -half,
            Value::Approx { ball, .. } => {
                float::binary_exponent(&ball.mid).is_some_and(|e| e < -half)
            }
        } || (matches!(function, Ln | Log | Log2) && near_one > half as u64);
        if tiny {
            self.charge_float(span)?;
        } else if function == Sqrt {
            // Newton's iteration: about two multiplications at the full
            // precision (100,000 digits of √2 take a third of a second).
            self.charge_float(span)?;
            self.charge_float(span)?;
        } else {
            self.charge_transcendental(extra_bits, weight, span)?;
        }
        // An exact angle goes in whole: the library reduces it with the
        // extra bits it is charged for, so sin(1e1200) is settled at once.
        let argument = match x {
            Value::Exact(r) => ball::rational_to_ball(r, self.precision + extra_bits as usize),
            approx => approx.to_ball(self.precision),
        };
        let ball = self.float_function(function, &argument, x_span)?;
        if function == Exp && ball.mid.is_zero() {
            return Err(Error::too_small(span));
        }
        let form = match known {
            Some(Known::Form(form)) => Some(form),
            _ => None,
        };
        self.approx(ball, form, span)
    }

    /// `function` of every value in `x`: the float library's value at the
    /// midpoint, widened by a bound on |f'| over the ball times its radius.
    pub(super) fn float_function(
        &mut self,
        function: Builtin,
        x: &Ball,
        span: Span,
    ) -> Result<Ball, Error> {
        use Builtin::*;
        let p = self.precision;
        match function {
            // sin/cos rather than the library's own tangent, whose series
            // code costs 7 KB of the binary; the ball division bounds it.
            Tan => {
                let sine = self.float_function(Sin, x, span)?;
                let cosine = self.float_function(Cos, x, span)?;
                return sine
                    .div(&cosine, p)
                    .ok_or_else(|| undecided(Question::Zero, cosine.magnitude_above(), span));
            }
            // ln(x)/ln(10) rather than the library's log10, whose ln 10
            // constant costs 4.9 KB of the binary.
            Log => {
                let ln_x = self.float_function(Ln, x, span)?;
                return self.divide_by_ln(&ln_x, 10, span);
            }
            Ln | Log2 => {
                // Within 2^(-p/2) of 1, ln(1+u) is u - u²/2 to within |u|³,
                // a relative 2^-p: no need of the bits 1+u takes to write.
                let u = x.sub(&Ball::exact(BigFloat::from_word(1, 64)), p);
                let bound = u.magnitude_above();
                if bound.exponent() < -(p as i64) / 2 {
                    let square = u.mul(&u, p);
                    let half_square = square.div(&Ball::exact(BigFloat::from_word(2, 64)), p);
                    let series = u.sub(&half_square.expect("2 is not 0"), p);
                    let ln = Ball {
                        rad: series.rad.add(bound.mul(bound).mul(bound)),
                        mid: series.mid,
                    };
                    return Ok(match function {
                        Ln => ln,
                        _ => self.divide_by_ln(&ln, 2, span)?,
                    });
                }
            }
            _ => {}
        }
        let Computation::Library(library) = function.computation() else {
            // Composed functions are taken apart above, and those of their
            // own code are answered in call_function before apply.
            return Err(domain(
                "this function has no value from the float library",
                span,
            ));
        };
        // A bound on |f'| over the ball; none needed for an exact argument.
        let slope = if x.rad.is_zero() {
            Mag::ZERO
        } else {
            slope(library, function.name(), x, p, span)?
        };
        let value = library_function(library)(&x.mid, p, self.consts);
        // e^(m+t) <= e^m·e^r for |t| <= r: the slope bound scales with the value.
        let slope = if function == Exp {
            Mag::above(&value).mul(slope)
        } else {
            slope
        };
        Ok(x.through(value, slope, p))
    }

    /// `x / ln(base)`, for logarithms in other bases; ln(base) is charged
    /// as the function it is (at 65,536 bits it is most of a log's cost).
    fn divide_by_ln(&mut self, x: &Ball, base: u32, span: Span) -> Result<Ball, Error> {
        self.charge_transcendental(0, 1, span)?;
        let p = self.precision;
        let ln = BigFloat::from_word(base.into(), 64).ln(p, ROUNDING, self.consts);
        let ln = Ball::widened(ln, Mag::ZERO, p, 2);
        Ok(x.div(&ln, p).expect("ln of a base over 1 is far from 0"))
    }

    /// Rejects an argument outside the function's domain; an enclosure that
    /// reaches over the domain's edge is undecided.
    fn check_domain(&self, function: Builtin, x: &Value, span: Span) -> Result<(), Error> {
        use Builtin::*;
        let bounds: (Option<i64>, Option<i64>, bool, &'static str) = match function {
            Sqrt => (
                Some(0),
                None,
                false,
                "sqrt of a negative number has no real value",
            ),
            Asin | Acos => (
                Some(-1),
                Some(1),
                false,
                "asin and acos take values from -1 to 1",
            ),
            Acosh => (Some(1), None, false, "acosh takes values of 1 or more"),
            Atanh => (
                Some(-1),
                Some(1),
                true,
                "atanh takes values strictly between -1 and 1",
            ),
            Ln | Log | Log2 => (Some(0), None, true, "logarithms take positive values only"),
            _ => return Ok(()),
        };
        let (low, high, strict, reason) = bounds;
        for (bound, below) in [(low, true), (high, false)] {
            let Some(bound) = bound else { continue };
            let outside = |order: Ordering| {
                let order = if below { order } else { order.reverse() };
                order == Ordering::Less || (strict && order == Ordering::Equal)
            };
            match self.compare_with(x, bound) {
                Some(order) if outside(order) => return Err(domain(reason, span)),
                Some(_) => {}
                None => {
                    let Value::Approx { ball, .. } = x else {
                        unreachable!("exact values compare")
                    };
                    return Err(if bound == 0 {
                        undecided(Question::Zero, ball.magnitude_above(), span)
                    } else {
                        let question = Question::Domain(function.name());
                        undecided(question, ball.rad.scale(2.0), span)
                    });
                }
            }
        }
        Ok(())
    }

    /// How `x` compares with a whole number, where its enclosure decides it.
    fn compare_with(&self, x: &Value, bound: i64) -> Option<Ordering> {
        let bound = BigRational::from_integer(bound.into());
        match x {
            Value::Exact(r) => Some(r.cmp(&bound)),
            Value::Approx { ball, .. } => {
                let (low, high) = ball.ends(self.limits.max_bits)?;
                if high < bound {
                    Some(Ordering::Less)
                } else if low > bound {
                    Some(Ordering::Greater)
                } else {
                    None
                }
            }
        }
    }

    /// `sqrt(x² + y²)`, exact when the root is.
    fn hypot(&mut self, args: &[(Value, Span)], span: Span) -> Result<Value, Error> {
        let (x, y) = (&args[0].0, &args[1].0);
        let xx = self.multiply(x, x, span)?;
        let yy = self.multiply(y, y, span)?;
        let sum = self.add(&xx, &yy, span)?;
        self.apply(Builtin::Sqrt, &sum, span, span)
    }

    /// The angle of the point (x, y), in the right quadrant: atan2(y, x).
    fn atan2(&mut self, args: &[(Value, Span)], span: Span) -> Result<Value, Error> {
        let angle = self.angle_of(&args[0], &args[1], span)?;
        if self.angle() == AngleMode::Degrees {
            return self.convert_angle(&angle, true, span);
        }
        Ok(angle)
    }

    /// The angle of the point (x, y) in radians, exact on the axes and
    /// diagonals.
    pub(super) fn angle_of(
        &mut self,
        (y, y_span): &(Value, Span),
        (x, x_span): &(Value, Span),
        span: Span,
    ) -> Result<Value, Error> {
        use std::cmp::Ordering::*;
        // Near the y axis x's sign may stay open while y's is known: the
        // angle is then ±π/2 - atan(x/y), which needs no sign of x.
        if let (None, Some(y_sign @ (Less | Greater))) = (x.sign(), y.sign()) {
            let ratio = self.divide(x, y, *y_span, span)?;
            let atan = self.apply(Builtin::Atan, &ratio, span, span)?;
            let quarter = self.pi(1);
            let quarter = self.multiply(&quarter, &Value::Exact(q(1, 2)), span)?;
            let quarter = match y_sign {
                Less => quarter.negated(),
                _ => quarter,
            };
            return self.subtract(&quarter, &atan, span);
        }
        let (x_sign, y_sign) = (self.sign(x, *x_span)?, self.sign(y, *y_span)?);
        if x_sign == Equal && y_sign == Equal {
            return Err(Error::new(
                ErrorKind::Domain {
                    reason: "atan2(0, 0) has no angle",
                },
                span,
            ));
        }
        // The axes and diagonals are rational multiples of π.
        let diagonal =
            matches!((y.as_exact(), x.as_exact()), (Some(a), Some(b)) if a.abs() == b.abs());
        let quarters = match (y_sign, x_sign) {
            (Equal, Greater) => Some(0),
            (Equal, Less) => Some(4),
            (Greater, Equal) => Some(2),
            (Less, Equal) => Some(-2),
            (Greater, Greater) if diagonal => Some(1),
            (Greater, Less) if diagonal => Some(3),
            (Less, Greater) if diagonal => Some(-1),
            (Less, Less) if diagonal => Some(-3),
            _ => None,
        };
        Ok(match quarters {
            Some(0) => Value::from_integer(0),
            Some(k) => {
                let pi = self.pi(1);
                self.multiply(&pi, &Value::Exact(q(k, 4)), span)?
            }
            None => {
                let ratio = self.divide(y, x, *x_span, span)?;
                let base = self.apply(Builtin::Atan, &ratio, span, span)?;
                match x_sign {
                    Less => {
                        let pi = self.pi(if y_sign == Less { -1 } else { 1 });
                        self.add(&base, &pi, span)?
                    }
                    _ => base,
                }
            }
        })
    }

    /// `comb(n, k)`, the ways to choose k of n, and `perm(n, k)`, the ordered ones.
    fn combinations(
        &mut self,
        function: Builtin,
        args: &[(Value, Span)],
        span: Span,
    ) -> Result<Value, Error> {
        let mut whole = [BigInt::zero(), BigInt::zero()];
        for (slot, (value, value_span)) in whole.iter_mut().zip(args) {
            let operation = if function == Builtin::Comb {
                "comb (of 0 or more)"
            } else {
                "perm (of 0 or more)"
            };
            *slot = self.integer(value, operation, *value_span)?;
            if slot.is_negative() {
                return Err(Error::new(ErrorKind::NotWhole { operation }, *value_span));
            }
        }
        let [n, k] = whole;
        if k > n {
            return Ok(Value::from_integer(0));
        }
        // comb(n, k) = comb(n, n-k): the shorter product.
        let steps = if function == Builtin::Comb {
            k.clone().min(&n - &k)
        } else {
            k
        };
        let steps = steps.to_u64().ok_or_else(|| Error::too_large(span))?;
        // A lower bound on the result's size refuses what must fail at once:
        // comb(n, k) >= (n/k)^k and perm(n, k) >= (n-k+1)^k.
        let n_float = n.to_f64().unwrap_or(f64::INFINITY);
        let least_bits = if steps == 0 {
            0.0
        } else if function == Builtin::Comb {
            steps as f64 * (n_float / steps as f64).log2()
        } else {
            steps as f64 * (n_float - steps as f64 + 1.0).log2()
        };
        if least_bits > self.limits.max_bits as f64 {
            return Err(Error::too_large(span));
        }
        let mut result = BigInt::one();
        for i in 0..steps {
            result *= &n - i;
            if function == Builtin::Comb {
                result /= i + 1;
            }
            // Each step multiplies (and for comb divides) at the result's size.
            self.charge((result.bits() / 64 + 1) * 10 + 50, span)?;
            if result.bits() > self.limits.max_bits {
                return Err(Error::too_large(span));
            }
        }
        Ok(Value::Exact(BigRational::from_integer(result)))
    }

    /// The exact logarithm of `x` to `base`, when `x` is an integer power of it.
    fn exact_log(&mut self, x: &BigRational, base: &BigRational) -> Option<BigRational> {
        let guess = (approx_log2(x) / approx_log2(base)).round();
        if !guess.is_finite() || guess.abs() > self.limits.max_bits as f64 {
            return None;
        }
        let k = guess as i64;
        let power = self.exact_power(base, k, Span::default()).ok()?;
        (power == *x).then(|| q(k, 1))
    }

    /// `x°` as an angle in radians (or, with `to_degrees`, an angle in
    /// radians as degrees), keeping the forms of angles: 30° is π/6 and π/6
    /// is exactly 30°.
    pub(super) fn convert_angle(
        &mut self,
        x: &Value,
        to_degrees: bool,
        span: Span,
    ) -> Result<Value, Error> {
        if x.is_zero() {
            return Ok(Value::from_integer(0));
        }
        let known = x
            .known()
            .and_then(|k| form::converted_angle(&k, to_degrees));
        let p = self.precision;
        let pi = self.pi(1).to_ball(p);
        self.known_or_approx(
            known,
            |_| {
                let x = x.to_ball(p);
                let half_turn = Ball::exact(BigFloat::from_word(180, 64));
                let (times, by) = if to_degrees {
                    (&half_turn, &pi)
                } else {
                    (&pi, &half_turn)
                };
                Ok(x.mul(times, p)
                    .div(by, p)
                    .expect("π and 180 are far from 0"))
            },
            span,
        )
    }

    /// An angle in degrees as radians for sin, cos and tan, whole turns
    /// taken off exactly first so sin(1e20) in degrees stays precise.
    fn degrees_to_radians(&mut self, x: &Value, span: Span) -> Result<Value, Error> {
        let x = match x {
            Value::Exact(r) => {
                // By 360, a word: time linear in the size of `r`.
                let turns = number::floor(&number::unmetered::product(r, &q(1, 360)));
                let turn_angle = BigRational::from_integer(BigInt::from(-360) * turns);
                Value::Exact(number::unmetered::sum(r, &turn_angle))
            }
            approx => approx.clone(),
        };
        self.convert_angle(&x, false, span)
    }

    /// `round(x, places)` and its kin: the whole part of x·10^places, over
    /// 10^places. Exact for an exact x; for an enclosure, decided only when
    /// both ends give the same digits, as the whole part is.
    fn rounded_to_places(
        &mut self,
        function: Builtin,
        x: &Value,
        places: &Value,
        places_span: Span,
        span: Span,
    ) -> Result<Value, Error> {
        let places = self
            .integer(places, function.name(), places_span)
            .map_err(|e| match e.kind {
                ErrorKind::NotWhole { .. } => {
                    domain("the number of places must be whole", places_span)
                }
                _ => e,
            })?;
        // 10^places must be a number the work limits allow (3.33 bits a digit).
        let places = places
            .to_i64()
            .filter(|p| p.unsigned_abs() * 10 / 3 <= self.limits.max_bits)
            .ok_or_else(|| Error::too_large(places_span))?;
        let ten_to =
            BigRational::from_integer(number::power_of_ten(places.unsigned_abs() as usize));
        let scale = if places < 0 { ten_to.recip() } else { ten_to };
        let scaled = self.multiply(x, &Value::Exact(scale.clone()), span)?;
        let whole = BigRational::from_integer(self.whole_part(function, &scaled, span)?);
        Ok(Value::Exact(number::unmetered::quotient(&whole, &scale)))
    }

    /// The larger or smaller of the arguments. Where enclosures overlap
    /// undecided, the answer is a ball around both: min and max move no
    /// further than their arguments do.
    fn min_max(
        &mut self,
        function: Builtin,
        args: Vec<(Value, Span)>,
        span: Span,
    ) -> Result<Value, Error> {
        let wanted = if function == Builtin::Min {
            Ordering::Less
        } else {
            Ordering::Greater
        };
        let mut best = args[0].0.clone();
        for (v, _) in args.into_iter().skip(1) {
            let difference = self.subtract(&v, &best, span)?;
            match difference.sign() {
                Some(order) if order == wanted => best = v,
                Some(_) => {}
                None => {
                    let p = self.precision;
                    let (a, b) = (best.to_ball(p), v.to_ball(p));
                    let first = match a.mid.cmp(&b.mid) {
                        Some(c) if c < 0 => wanted == Ordering::Less,
                        _ => wanted == Ordering::Greater,
                    };
                    let mid = if first { a.mid } else { b.mid };
                    let ball = Ball {
                        mid,
                        rad: a.rad.add(b.rad),
                    };
                    best = self.approx(ball, None, span)?;
                }
            }
        }
        Ok(best)
    }

    /// A rational result, within the size limit.
    fn check_exact(&mut self, r: BigRational, span: Span) -> Result<Value, Error> {
        if r.numer().bits() + r.denom().bits() > self.limits.max_bits {
            return Err(Error::too_large(span));
        }
        Ok(Value::Exact(r))
    }
}

type FloatFunction = fn(&BigFloat, usize, &mut Consts) -> BigFloat;

/// The float library's function, each through a small function of its own.
fn library_function(function: LibraryFunction) -> FloatFunction {
    use LibraryFunction::*;
    match function {
        Sin => |v, p, cc| v.sin(p, ROUNDING, cc),
        Cos => |v, p, cc| v.cos(p, ROUNDING, cc),
        Atan => |v, p, cc| v.atan(p, ROUNDING, cc),
        Tanh => |v, p, cc| v.tanh(p, ROUNDING, cc),
        Asinh => |v, p, cc| v.asinh(p, ROUNDING, cc),
        Exp => |v, p, cc| v.exp(p, ROUNDING, cc),
        // ln 2 is a constant of the library, its series some thirty times
        // faster at 10,000 digits than the general logarithm.
        Ln => |v, p, cc| {
            if *v == BigFloat::from_word(2, 64) {
                cc.ln_2(p, ROUNDING)
            } else {
                v.ln(p, ROUNDING, cc)
            }
        },
        Log2 => |v, p, cc| v.log2(p, ROUNDING, cc),
        Sqrt => |v, p, _| float::float_sqrt(v, p).unwrap_or_else(|| v.sqrt(p, ROUNDING)),
        Cbrt => |v, p, _| v.cbrt(p, ROUNDING),
        Asin => |v, p, cc| v.asin(p, ROUNDING, cc),
        Acos => |v, p, cc| v.acos(p, ROUNDING, cc),
        Atanh => |v, p, cc| v.atanh(p, ROUNDING, cc),
        Acosh => |v, p, cc| v.acosh(p, ROUNDING, cc),
        Sinh => |v, p, cc| v.sinh(p, ROUNDING, cc),
        Cosh => |v, p, cc| v.cosh(p, ROUNDING, cc),
    }
}

/// An upper bound of |f'| over the ball `x` (for exp, of f'/f).
fn slope(
    function: LibraryFunction,
    name: &'static str,
    x: &Ball,
    p: usize,
    span: Span,
) -> Result<Mag, Error> {
    use LibraryFunction::*;
    let m = &x.mid;
    let near_edge = || undecided(Question::Domain(name), x.rad.scale(2.0), span);
    let lowest = || {
        x.magnitude_below()
            .ok_or_else(|| undecided(Question::Zero, x.magnitude_above(), span))
    };
    // The gap from |x| to 1, found exactly in floats rather than in the
    // radii's 53 bits, less the radius: 1 - |x| for asin, acos and atanh,
    // x - 1 for acosh.
    let gap_to_one = |inside: bool| {
        let one = BigFloat::from_word(1, 64);
        let gap = if inside {
            one.sub(&m.abs(), p + 64, ROUNDING)
        } else {
            m.sub(&one, p + 64, ROUNDING)
        };
        (!gap.is_negative())
            .then(|| Mag::below(&gap).minus(x.rad))
            .flatten()
            .ok_or_else(near_edge)
    };
    // Past |t| = 1 the slopes of atan, asinh and tanh fall off: for huge
    // arguments that is what lets a wide ball still give digits.
    let beyond_one = x.magnitude_below().filter(|low| low.exponent() > 1);
    Ok(match function {
        Sin | Cos => Mag::one(),
        // 1/(1 + t²) and 1/√(1 + t²).
        Atan => beyond_one.map_or(Mag::one(), |low| Mag::one().div(low.mul_down(low))),
        Asinh => beyond_one.map_or(Mag::one(), |low| Mag::one().div(low)),
        // 1 - tanh² t = sech² t <= 4e^(-2|t|).
        Tanh => beyond_one.map_or(Mag::one(), |low| {
            let halvings = low.to_f64().map_or(i64::MAX / 4, |t| {
                (2.0 * t * std::f64::consts::LOG2_E).floor().min(1e15) as i64
            });
            // One more doubling for the rounding of the exponent above.
            Mag::power_of_two(3 - halvings)
        }),
        // e^r, doubled for the value's own rounding.
        Exp => x
            .rad
            .exp()
            .ok_or_else(|| undecided(Question::Value, x.rad, span))?
            .scale(2.0),
        // 1/t, and 1/(t ln 2).
        Ln => Mag::one().div(lowest()?),
        Log2 => Mag::one().div(lowest()?).scale(1.5),
        // 1/(2√t) and 1/(3∛t²) for t at least the ball's lowest point.
        Sqrt => Mag::one().div(lowest()?.root_down(2).scale_down(2.0)),
        Cbrt => {
            let root = lowest()?.root_down(3);
            Mag::one().div(root.mul_down(root).scale_down(3.0))
        }
        // 1/√(1 - t²) <= 1/√(1 - |t|) and 1/(1 - t²) <= 1/(1 - |t|) for |t| < 1.
        Asin | Acos => Mag::one().div(gap_to_one(true)?.root_down(2)),
        Atanh => Mag::one().div(gap_to_one(true)?),
        // 1/√(t² - 1) = 1/√((t - 1)(t + 1)): at most 1/√(2(t - 1)) for t > 1,
        // and 1/(t - 1) once t + 1 > t - 1 >= 2.
        Acosh => {
            let gap = gap_to_one(false)?;
            if gap.exponent() > 1 {
                Mag::one().div(gap)
            } else {
                Mag::one().div(gap.scale_down(2.0).root_down(2))
            }
        }
        // |sinh'| and |cosh'| are at most e^|t|.
        Sinh | Cosh => x
            .magnitude_above()
            .exp()
            .ok_or_else(|| undecided(Question::Value, x.rad, span))?,
    })
}

fn domain(reason: &'static str, span: Span) -> Error {
    Error::new(ErrorKind::Domain { reason }, span)
}

impl Evaluator<'_> {
    fn gcd_lcm(&mut self, function: Builtin, args: Vec<(Value, Span)>) -> Result<Value, Error> {
        let mut accumulator: Option<BigInt> = None;
        for (value, span) in args {
            let n = self.integer(&value, function.name(), span)?;
            accumulator = Some(match accumulator {
                None => n.abs(),
                Some(a) => {
                    let g = self.metered(span, |budget| number::gcd(&a, &n, budget))?;
                    if function == Builtin::Gcd || g.is_zero() {
                        g
                    } else {
                        self.charge(number::lcm_cost(&a, &n, &g), span)?;
                        (a / g * n).abs()
                    }
                }
            });
        }
        Ok(Value::Exact(BigRational::from_integer(
            accumulator.unwrap_or_else(BigInt::zero),
        )))
    }
}
