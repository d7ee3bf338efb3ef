//! Built-in functions: their names, arities and exact special cases.
//! Where a result is exact (`sqrt(16)`, `log(1000)`, `sin(30°)`) it is
//! returned as a rational; otherwise the float library computes it,
//! correctly rounded at the working precision.

use super::builtins::{AngleUse, Builtin};
use super::error::{Error, ErrorKind, Span};
use super::interpreter::{AngleMode, Evaluator, too_large, too_small};
use super::number::{self, ROUNDING, Value};
use astro_float_num::{BigFloat, Consts};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(n.into(), d.into())
}

/// A whole number of degrees reduced into `[0, period)`; `None` for fractions.
fn whole_degrees(angle: &BigRational, offset: i64, period: i64) -> Option<i64> {
    if !angle.is_integer() {
        return None;
    }
    (angle.numer() + offset)
        .mod_floor(&BigInt::from(period))
        .to_i64()
}

/// sin of an exact angle in degrees (plus `offset`), where it is rational:
/// multiples of 30°.
fn exact_sin_degrees(angle: &BigRational, offset: i64) -> Option<BigRational> {
    Some(match whole_degrees(angle, offset, 360)? {
        0 | 180 => q(0, 1),
        30 | 150 => q(1, 2),
        90 => q(1, 1),
        210 | 330 => q(-1, 2),
        270 => q(-1, 1),
        _ => return None,
    })
}

/// tan of an exact angle in degrees: `Some(None)` at a pole.
fn exact_tan_degrees(angle: &BigRational) -> Option<Option<BigRational>> {
    match whole_degrees(angle, 0, 180)? {
        0 => Some(Some(q(0, 1))),
        45 => Some(Some(q(1, 1))),
        135 => Some(Some(q(-1, 1))),
        90 => Some(None),
        _ => None,
    }
}

/// Inverse sine/cosine/tangent in degrees for the arguments with rational answers.
fn exact_inverse_degrees(function: Builtin, x: &BigRational) -> Option<BigRational> {
    let table: Vec<(BigRational, i64)> = match function {
        Builtin::Asin => vec![
            (q(0, 1), 0),
            (q(1, 2), 30),
            (q(-1, 2), -30),
            (q(1, 1), 90),
            (q(-1, 1), -90),
        ],
        Builtin::Acos => vec![
            (q(1, 1), 0),
            (q(1, 2), 60),
            (q(0, 1), 90),
            (q(-1, 2), 120),
            (q(-1, 1), 180),
        ],
        Builtin::Atan => vec![(q(0, 1), 0), (q(1, 1), 45), (q(-1, 1), -45)],
        _ => return None,
    };
    table
        .iter()
        .find(|(arg, _)| arg == x)
        .map(|(_, deg)| q(*deg, 1))
}

/// Roughly log2 |v|: how many bits stand before the binary point.
fn magnitude_bits(v: &Value) -> i64 {
    match v {
        Value::Exact(r) if r.is_zero() => 0,
        Value::Exact(r) => r.numer().bits() as i64 - r.denom().bits() as i64,
        Value::Approx(f) => number::binary_exponent(f).unwrap_or(0),
    }
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

type FloatFn = fn(&BigFloat, usize, &mut Consts) -> BigFloat;

/// Square roots of positive numbers by integer root; zero, negatives (NaN,
/// caught later) and non-finite values by the float library.
fn sqrt(x: &BigFloat, precision: usize, _: &mut Consts) -> BigFloat {
    number::float_sqrt(x, precision).unwrap_or_else(|| x.sqrt(precision, ROUNDING))
}

impl Evaluator<'_> {
    pub(super) fn call_function(
        &mut self,
        function: Builtin,
        args: Vec<(Value, Span)>,
        span: Span,
    ) -> Result<Value, Error> {
        use Builtin::*;
        let (x, x_span) = args[0].clone();
        let domain = |reason: &'static str| Error::new(ErrorKind::Domain { reason }, x_span);
        let degrees = self.angle == AngleMode::Degrees;
        let exact = x.as_exact().cloned();
        // Exact answers first; `None` falls through to the float computation.
        let exact_answer: Option<BigRational> = match (function, &exact) {
            (Sqrt | Cbrt, Some(r)) => {
                if function == Sqrt && r.is_negative() {
                    return Err(domain("sqrt of a negative number has no real value"));
                }
                number::exact_root(r, if function == Sqrt { 2 } else { 3 })
            }
            (Abs, _) => {
                return Ok(match x {
                    Value::Exact(r) => Value::Exact(r.abs()),
                    Value::Approx(f) => Value::Approx(f.abs()),
                });
            }
            (Sign, _) => {
                let sign = match x.compare(&Value::from_integer(0), self.precision) {
                    std::cmp::Ordering::Less => -1,
                    std::cmp::Ordering::Equal => 0,
                    std::cmp::Ordering::Greater => 1,
                };
                return Ok(Value::from_integer(sign));
            }
            (Floor | Ceil | Round | Trunc, _) => {
                return self.round_to_integer(function, &x, x_span);
            }
            (Min | Max, _) => return self.min_max(function, args),
            (Gcd | Lcm, _) => return self.gcd_lcm(function, args),
            (Comb | Perm, _) => return self.combinations(function, &args, span),
            (Hypot, _) => return self.hypot(&args, span),
            (Atan2, _) => return self.atan2(&args, span),
            (Sin, Some(r)) if degrees => exact_sin_degrees(r, 0),
            (Cos, Some(r)) if degrees => exact_sin_degrees(r, 90),
            (Tan, Some(r)) if degrees => match exact_tan_degrees(r) {
                Some(Some(t)) => Some(t),
                Some(None) => return Err(domain("tan is undefined at odd multiples of 90°")),
                None => None,
            },
            (Asin | Acos | Atan, Some(r)) if degrees => exact_inverse_degrees(function, r),
            (Sin | Tan | Asin | Atan | Sinh | Tanh | Asinh | Atanh, Some(r)) if r.is_zero() => {
                Some(q(0, 1))
            }
            (Cos | Cosh | Exp, Some(r)) if r.is_zero() => Some(q(1, 1)),
            (Acos | Acosh | Ln, Some(r)) if r.is_one() => Some(q(0, 1)),
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
        self.check_domain(function, &x, x_span)?;
        if function == Log && args.len() == 2 {
            let (base, base_span) = &args[1];
            if !base.is_negative() && !base.is_zero() {
                let ln_base =
                    self.transcendental(base, *base_span, 0, 1, |v, p, cc| v.ln(p, ROUNDING, cc))?;
                if ln_base.is_zero() {
                    return Err(Error::new(
                        ErrorKind::Domain {
                            reason: "log base 1 is undefined",
                        },
                        *base_span,
                    ));
                }
                let ln_x =
                    self.transcendental(&x, x_span, 0, 1, |v, p, cc| v.ln(p, ROUNDING, cc))?;
                return self.divide(&ln_x, &ln_base, *base_span, span);
            }
            return Err(Error::new(
                ErrorKind::Domain {
                    reason: "log base must be positive",
                },
                *base_span,
            ));
        }
        let float: FloatFn = match function {
            Sqrt => sqrt,
            Cbrt => |v, p, _| v.cbrt(p, ROUNDING),
            Sin => |v, p, cc| v.sin(p, ROUNDING, cc),
            Cos => |v, p, cc| v.cos(p, ROUNDING, cc),
            // sin/cos rather than the library's own tangent: the precision
            // loop makes the digits right either way, and its series code
            // costs 7 KB of the binary budget.
            Tan => |v, p, cc| {
                v.sin(p, ROUNDING, cc)
                    .div(&v.cos(p, ROUNDING, cc), p, ROUNDING)
            },
            Asin => |v, p, cc| v.asin(p, ROUNDING, cc),
            Acos => |v, p, cc| v.acos(p, ROUNDING, cc),
            Atan => |v, p, cc| v.atan(p, ROUNDING, cc),
            Sinh => |v, p, cc| v.sinh(p, ROUNDING, cc),
            Cosh => |v, p, cc| v.cosh(p, ROUNDING, cc),
            Tanh => |v, p, cc| v.tanh(p, ROUNDING, cc),
            Asinh => |v, p, cc| v.asinh(p, ROUNDING, cc),
            Acosh => |v, p, cc| v.acosh(p, ROUNDING, cc),
            Atanh => |v, p, cc| v.atanh(p, ROUNDING, cc),
            Ln => |v, p, cc| v.ln(p, ROUNDING, cc),
            // ln(x)/ln(10) rather than the library's log10: the precision
            // loop makes the digits right either way, and its ln 10 constant
            // costs 4.9 KB of the binary budget.
            Log => |v, p, cc| {
                let ln_10 = BigFloat::from_word(10, 64).ln(p, ROUNDING, cc);
                v.ln(p, ROUNDING, cc).div(&ln_10, p, ROUNDING)
            },
            Log2 => |v, p, cc| v.log2(p, ROUNDING, cc),
            Exp => |v, p, cc| v.exp(p, ROUNDING, cc),
            // Answered above, whatever their arguments.
            Abs | Sign | Floor | Ceil | Round | Trunc | Min | Max | Gcd | Lcm | Comb | Perm
            | Hypot | Atan2 => |v, _, _| v.clone(),
        };
        let argument = if function.angles() == AngleUse::Takes && degrees {
            self.degrees_to_radians(&x, x_span)?
        } else {
            x
        };
        let extra_bits = if function.angles() == AngleUse::Takes {
            let magnitude = magnitude_bits(&argument);
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
        } else {
            0
        };
        // Measured: tan costs about five sines, and sin and cos cost twice the
        // model near multiples of pi, where argument reduction needs more bits.
        let weight = match function {
            Tan => 5,
            Sin | Cos => 2,
            _ => 1,
        };
        let result = self.transcendental(&argument, span, extra_bits, weight, float)?;
        if function == Exp && result.is_zero() {
            return Err(too_small(span));
        }
        if function.angles() == AngleUse::Gives && degrees {
            return self.radians_to_degrees(&result, span);
        }
        Ok(result)
    }

    fn check_domain(&self, function: Builtin, x: &Value, span: Span) -> Result<(), Error> {
        use Builtin::*;
        let p = self.precision;
        let one = Value::from_integer(1);
        let minus_one = Value::from_integer(-1);
        let below = |v: &Value, bound: &Value| v.compare(bound, p).is_lt();
        let above = |v: &Value, bound: &Value| v.compare(bound, p).is_gt();
        let reason = match function {
            Sqrt if x.is_negative() => "sqrt of a negative number has no real value",
            Asin | Acos if below(x, &minus_one) || above(x, &one) => {
                "asin and acos take values from -1 to 1"
            }
            Acosh if below(x, &one) => "acosh takes values of 1 or more",
            Atanh if !below(x, &one) || !above(x, &minus_one) => {
                "atanh takes values strictly between -1 and 1"
            }
            Ln | Log | Log2 if x.is_negative() || x.is_zero() => {
                "logarithms take positive values only"
            }
            _ => return Ok(()),
        };
        Err(Error::new(ErrorKind::Domain { reason }, span))
    }

    /// `sqrt(x² + y²)`, exact when the root is.
    fn hypot(&mut self, args: &[(Value, Span)], span: Span) -> Result<Value, Error> {
        let (x, y) = (&args[0].0, &args[1].0);
        let xx = self.multiply(x, x, span)?;
        let yy = self.multiply(y, y, span)?;
        let sum = self.add(&xx, &yy, span)?;
        if let Some(root) = sum.as_exact().and_then(|r| number::exact_root(r, 2)) {
            return Ok(Value::Exact(root));
        }
        self.transcendental(&sum, span, 0, 1, sqrt)
    }

    /// The angle of the point (x, y), in the right quadrant: atan2(y, x).
    fn atan2(&mut self, args: &[(Value, Span)], span: Span) -> Result<Value, Error> {
        let (y, x) = (&args[0].0, &args[1].0);
        let p = self.precision;
        let zero = Value::from_integer(0);
        let (x_sign, y_sign) = (x.compare(&zero, p), y.compare(&zero, p));
        use std::cmp::Ordering::*;
        if x_sign == Equal && y_sign == Equal {
            return Err(Error::new(
                ErrorKind::Domain {
                    reason: "atan2(0, 0) has no angle",
                },
                span,
            ));
        }
        let degrees = self.angle == AngleMode::Degrees;
        // The axes and diagonals have exact angles in degrees; 0 in both modes.
        let exact_degrees = match (y.as_exact(), x.as_exact()) {
            (Some(ye), Some(xe)) => match (y_sign, x_sign) {
                (Equal, Greater) => Some(0),
                (Equal, Less) => Some(180),
                (Greater, Equal) => Some(90),
                (Less, Equal) => Some(-90),
                _ if ye.abs() == xe.abs() => Some(match (y_sign, x_sign) {
                    (Greater, Greater) => 45,
                    (Greater, _) => 135,
                    (_, Greater) => -45,
                    _ => -135,
                }),
                _ => None,
            },
            _ => None,
        };
        match exact_degrees {
            Some(0) => return Ok(zero),
            Some(d) if degrees => return Ok(Value::from_integer(d)),
            _ => {}
        }
        let half_pi = |this: &mut Self| {
            let pi = this.pi();
            pi.div(&BigFloat::from_word(2, 64), this.precision, ROUNDING)
        };
        let angle = if x_sign == Equal {
            let quarter = half_pi(self);
            if y_sign == Less {
                quarter.neg()
            } else {
                quarter
            }
        } else {
            let ratio = self.divide(y, x, args[1].1, span)?;
            let base =
                self.transcendental(&ratio, span, 0, 1, |v, p, cc| v.atan(p, ROUNDING, cc))?;
            let base = base.to_float(p);
            let pi = self.pi();
            match (x_sign, y_sign) {
                (Less, Less) => base.sub(&pi, p, ROUNDING),
                (Less, _) => base.add(&pi, p, ROUNDING),
                _ => base,
            }
        };
        self.used_approximation = true;
        let angle = self.checked(angle, span)?;
        if degrees {
            return self.radians_to_degrees(&angle, span);
        }
        Ok(angle)
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
            *slot = match value.as_exact() {
                Some(r) if r.is_integer() && !r.is_negative() => r.numer().clone(),
                _ => {
                    return Err(Error::new(
                        ErrorKind::NotWhole {
                            operation: if function == Builtin::Comb {
                                "comb (of 0 or more)"
                            } else {
                                "perm (of 0 or more)"
                            },
                        },
                        *value_span,
                    ));
                }
            };
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
        let steps = steps.to_u64().ok_or_else(|| too_large(span))?;
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
            return Err(too_large(span));
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
                return Err(too_large(span));
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

    fn degrees_to_radians(&mut self, x: &Value, span: Span) -> Result<Value, Error> {
        let p = self.precision;
        // Whole turns come off exactly, so sin(1e20) in degrees stays precise.
        let x = &match x {
            Value::Exact(r) => {
                // By 360, a word: time linear in the size of `r`.
                let unlimited = &mut number::Budget::unlimited();
                let turns = number::divide(r, &q(360, 1), unlimited).expect("unlimited");
                let whole = BigRational::from_integer(number::floor(&turns));
                let turn_angle =
                    number::multiply(&whole, &q(360, 1), unlimited).expect("unlimited");
                let turn_angle = Value::Exact(turn_angle);
                self.add(x, &turn_angle.negated(), span)?
            }
            approx => approx.clone(),
        };
        let pi = self.pi();
        let radians =
            x.to_float(p)
                .mul(&pi, p, ROUNDING)
                .div(&BigFloat::from_word(180, 64), p, ROUNDING);
        Ok(Value::Approx(radians))
    }

    /// `x°` as a value: x·π/180, with no turns taken off (360° is 2π).
    pub(super) fn degrees_value(&mut self, x: &Value, span: Span) -> Result<Value, Error> {
        if x.is_zero() {
            return Ok(Value::from_integer(0));
        }
        let p = self.precision;
        let pi = self.pi();
        let radians =
            x.to_float(p)
                .mul(&pi, p, ROUNDING)
                .div(&BigFloat::from_word(180, 64), p, ROUNDING);
        self.checked(radians, span)
    }

    fn radians_to_degrees(&mut self, x: &Value, span: Span) -> Result<Value, Error> {
        let p = self.precision;
        let pi = self.pi();
        let degrees = x
            .to_float(p)
            .mul(&BigFloat::from_word(180, 64), p, ROUNDING)
            .div(&pi, p, ROUNDING);
        self.checked(degrees, span)
    }

    fn round_to_integer(
        &mut self,
        function: Builtin,
        x: &Value,
        span: Span,
    ) -> Result<Value, Error> {
        let exact = match x {
            Value::Exact(r) => r.clone(),
            Value::Approx(f) => {
                // The float is exact in binary; round that value, and let the
                // precision loop confirm the integer is stable.
                number::float_to_rational(f, self.limits.max_bits).ok_or_else(|| too_large(span))?
            }
        };
        let (n, d) = (exact.numer(), exact.denom());
        let integer = match function {
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
        };
        Ok(Value::Exact(BigRational::from_integer(integer)))
    }

    fn min_max(&mut self, function: Builtin, args: Vec<(Value, Span)>) -> Result<Value, Error> {
        let p = self.precision;
        let mut best = args[0].0.clone();
        for (v, _) in args.into_iter().skip(1) {
            let order = v.compare(&best, p);
            let wanted = if function == Builtin::Min {
                order.is_lt()
            } else {
                order.is_gt()
            };
            if wanted {
                best = v;
            }
        }
        Ok(best)
    }
}

impl Evaluator<'_> {
    fn gcd_lcm(&mut self, function: Builtin, args: Vec<(Value, Span)>) -> Result<Value, Error> {
        let mut accumulator: Option<BigInt> = None;
        for (value, span) in args {
            let n = match value.as_exact() {
                Some(r) if r.is_integer() => r.numer().clone(),
                _ => {
                    return Err(Error::new(
                        ErrorKind::NotWhole {
                            operation: function.name(),
                        },
                        span,
                    ));
                }
            };
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
