//! Built-in functions: their names, arities and exact special cases.
//! Where a result is exact (`sqrt(16)`, `log(1000)`, `sin(30°)`) it is
//! returned as a rational; otherwise the float library computes it,
//! correctly rounded at the working precision.

use super::error::{Error, ErrorKind, Span};
use super::interpreter::{AngleMode, Evaluator, too_small};
use super::number::{self, ROUNDING, Value};
use astro_float_num::{BigFloat, Consts};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    Exactly(usize),
    Between(usize, usize),
    AtLeast(usize),
}

impl Arity {
    pub fn accepts(self, count: usize) -> bool {
        match self {
            Arity::Exactly(n) => count == n,
            Arity::Between(low, high) => (low..=high).contains(&count),
            Arity::AtLeast(n) => count >= n,
        }
    }

    pub fn describe(self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match self {
            Arity::Exactly(n) => format!("{n} argument{}", plural(n)),
            Arity::Between(low, high) => format!("{low} or {high} arguments"),
            Arity::AtLeast(n) => format!("at least {n} arguments"),
        }
    }
}

/// Every function name with its arity.
pub const FUNCTIONS: &[(&str, Arity)] = &[
    ("sqrt", Arity::Exactly(1)),
    ("cbrt", Arity::Exactly(1)),
    ("abs", Arity::Exactly(1)),
    ("floor", Arity::Exactly(1)),
    ("ceil", Arity::Exactly(1)),
    ("round", Arity::Exactly(1)),
    ("sin", Arity::Exactly(1)),
    ("cos", Arity::Exactly(1)),
    ("tan", Arity::Exactly(1)),
    ("asin", Arity::Exactly(1)),
    ("acos", Arity::Exactly(1)),
    ("atan", Arity::Exactly(1)),
    ("sinh", Arity::Exactly(1)),
    ("cosh", Arity::Exactly(1)),
    ("tanh", Arity::Exactly(1)),
    ("asinh", Arity::Exactly(1)),
    ("acosh", Arity::Exactly(1)),
    ("atanh", Arity::Exactly(1)),
    ("ln", Arity::Exactly(1)),
    ("log", Arity::Between(1, 2)),
    ("log2", Arity::Exactly(1)),
    ("exp", Arity::Exactly(1)),
    ("min", Arity::AtLeast(2)),
    ("max", Arity::AtLeast(2)),
    ("gcd", Arity::AtLeast(2)),
    ("lcm", Arity::AtLeast(2)),
];

pub const CONSTANTS: &[&str] = &["pi", "e", "tau"];

pub fn function_arity(name: &str) -> Option<Arity> {
    FUNCTIONS.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

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
fn exact_inverse_degrees(name: &str, x: &BigRational) -> Option<BigRational> {
    let table: Vec<(BigRational, i64)> = match name {
        "asin" => vec![
            (q(0, 1), 0),
            (q(1, 2), 30),
            (q(-1, 2), -30),
            (q(1, 1), 90),
            (q(-1, 1), -90),
        ],
        "acos" => vec![
            (q(1, 1), 0),
            (q(1, 2), 60),
            (q(0, 1), 90),
            (q(-1, 2), 120),
            (q(-1, 1), 180),
        ],
        "atan" => vec![(q(0, 1), 0), (q(1, 1), 45), (q(-1, 1), -45)],
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

impl Evaluator<'_> {
    pub(super) fn call_function(
        &mut self,
        name: &str,
        args: Vec<(Value, Span)>,
        span: Span,
    ) -> Result<Value, Error> {
        let (x, x_span) = args[0].clone();
        let domain = |message: &str| Error::new(ErrorKind::Domain, message, x_span);
        let degrees = self.angle == AngleMode::Degrees;
        let exact = x.as_exact().cloned();
        // Exact answers first; `None` falls through to the float computation.
        let exact_answer: Option<BigRational> = match (name, &exact) {
            ("sqrt", Some(r)) | ("cbrt", Some(r)) => {
                if name == "sqrt" && r.is_negative() {
                    return Err(domain("sqrt of a negative number has no real value"));
                }
                number::exact_root(r, if name == "sqrt" { 2 } else { 3 })
            }
            ("abs", _) => {
                return Ok(match x {
                    Value::Exact(r) => Value::Exact(r.abs()),
                    Value::Approx(f) => Value::Approx(f.abs()),
                });
            }
            ("floor" | "ceil" | "round", _) => return self.round_to_integer(name, &x, x_span),
            ("min" | "max", _) => return self.min_max(name, args),
            ("gcd" | "lcm", _) => return self.gcd_lcm(name, args),
            ("sin", Some(r)) if degrees => exact_sin_degrees(r, 0),
            ("cos", Some(r)) if degrees => exact_sin_degrees(r, 90),
            ("tan", Some(r)) if degrees => match exact_tan_degrees(r) {
                Some(Some(t)) => Some(t),
                Some(None) => return Err(domain("tan is undefined at odd multiples of 90°")),
                None => None,
            },
            ("asin" | "acos" | "atan", Some(r)) if degrees => exact_inverse_degrees(name, r),
            ("sin" | "tan" | "asin" | "atan" | "sinh" | "tanh" | "asinh" | "atanh", Some(r))
                if r.is_zero() =>
            {
                Some(q(0, 1))
            }
            ("cos" | "cosh" | "exp", Some(r)) if r.is_zero() => Some(q(1, 1)),
            ("acos", Some(r)) if r.is_one() => Some(q(0, 1)),
            ("acosh", Some(r)) if r.is_one() => Some(q(0, 1)),
            ("ln", Some(r)) if r.is_one() => Some(q(0, 1)),
            ("log", Some(r)) if args.len() == 1 && r.is_positive() => self.exact_log(r, &q(10, 1)),
            ("log2", Some(r)) if r.is_positive() => self.exact_log(r, &q(2, 1)),
            ("log", Some(r)) if r.is_positive() => match args[1].0.as_exact() {
                Some(base) if base.is_positive() && !base.is_one() => self.exact_log(r, base),
                _ => None,
            },
            _ => None,
        };
        if let Some(answer) = exact_answer {
            return Ok(Value::Exact(answer));
        }
        self.check_domain(name, &x, x_span)?;
        if name == "log" && args.len() == 2 {
            let (base, base_span) = &args[1];
            if !base.is_negative() && !base.is_zero() {
                let ln_base =
                    self.transcendental(base, *base_span, 0, 1, |v, p, cc| v.ln(p, ROUNDING, cc))?;
                if ln_base.is_zero() {
                    return Err(Error::new(
                        ErrorKind::Domain,
                        "log base 1 is undefined",
                        *base_span,
                    ));
                }
                let ln_x =
                    self.transcendental(&x, x_span, 0, 1, |v, p, cc| v.ln(p, ROUNDING, cc))?;
                return self.divide(&ln_x, &ln_base, *base_span, span);
            }
            return Err(Error::new(
                ErrorKind::Domain,
                "log base must be positive",
                *base_span,
            ));
        }
        let function: FloatFn = match name {
            "sqrt" => |v, p, _| v.sqrt(p, ROUNDING),
            "cbrt" => |v, p, _| v.cbrt(p, ROUNDING),
            "sin" => |v, p, cc| v.sin(p, ROUNDING, cc),
            "cos" => |v, p, cc| v.cos(p, ROUNDING, cc),
            "tan" => |v, p, cc| v.tan(p, ROUNDING, cc),
            "asin" => |v, p, cc| v.asin(p, ROUNDING, cc),
            "acos" => |v, p, cc| v.acos(p, ROUNDING, cc),
            "atan" => |v, p, cc| v.atan(p, ROUNDING, cc),
            "sinh" => |v, p, cc| v.sinh(p, ROUNDING, cc),
            "cosh" => |v, p, cc| v.cosh(p, ROUNDING, cc),
            "tanh" => |v, p, cc| v.tanh(p, ROUNDING, cc),
            "asinh" => |v, p, cc| v.asinh(p, ROUNDING, cc),
            "acosh" => |v, p, cc| v.acosh(p, ROUNDING, cc),
            "atanh" => |v, p, cc| v.atanh(p, ROUNDING, cc),
            "ln" => |v, p, cc| v.ln(p, ROUNDING, cc),
            "log" => |v, p, cc| v.log10(p, ROUNDING, cc),
            "log2" => |v, p, cc| v.log2(p, ROUNDING, cc),
            "exp" => |v, p, cc| v.exp(p, ROUNDING, cc),
            _ => unreachable!("the parser only builds calls to known functions"),
        };
        let takes_angle = matches!(name, "sin" | "cos" | "tan");
        let gives_angle = matches!(name, "asin" | "acos" | "atan");
        let argument = if takes_angle && degrees {
            self.degrees_to_radians(&x, x_span)?
        } else {
            x
        };
        // Reducing a trigonometric argument modulo pi needs as many extra bits
        // as the argument has before its point.
        let extra_bits = if takes_angle {
            let magnitude = magnitude_bits(&argument);
            if magnitude > self.limits.max_precision as i64 {
                return Err(Error::new(
                    ErrorKind::TooLarge,
                    format!(
                        "argument too large for {name} (over 2^{})",
                        self.limits.max_precision
                    ),
                    x_span,
                ));
            }
            magnitude.max(0) as u64
        } else {
            0
        };
        // tan is several times slower than the others near its poles.
        let weight = if name == "tan" { 5 } else { 1 };
        let result = self.transcendental(&argument, span, extra_bits, weight, function)?;
        if name == "exp" && result.is_zero() {
            return Err(too_small(span));
        }
        if gives_angle && degrees {
            return self.radians_to_degrees(&result, span);
        }
        Ok(result)
    }

    fn check_domain(&self, name: &str, x: &Value, span: Span) -> Result<(), Error> {
        let p = self.precision;
        let one = Value::from_integer(1);
        let minus_one = Value::from_integer(-1);
        let below = |v: &Value, bound: &Value| v.compare(bound, p).is_lt();
        let above = |v: &Value, bound: &Value| v.compare(bound, p).is_gt();
        let message = match name {
            "sqrt" if x.is_negative() => "sqrt of a negative number has no real value",
            "asin" | "acos" if below(x, &minus_one) || above(x, &one) => {
                "asin and acos take values from -1 to 1"
            }
            "acosh" if below(x, &one) => "acosh takes values of 1 or more",
            "atanh" if !below(x, &one) || !above(x, &minus_one) => {
                "atanh takes values strictly between -1 and 1"
            }
            "ln" | "log" | "log2" if x.is_negative() || x.is_zero() => {
                "logarithms take positive values only"
            }
            _ => return Ok(()),
        };
        Err(Error::new(ErrorKind::Domain, message, span))
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
                let turns = number::divide(r, &q(360, 1));
                let whole = BigRational::from_integer(number::floor(&turns));
                let turn_angle = Value::Exact(number::multiply(&whole, &q(360, 1)));
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

    fn radians_to_degrees(&mut self, x: &Value, span: Span) -> Result<Value, Error> {
        let p = self.precision;
        let pi = self.pi();
        let degrees = x
            .to_float(p)
            .mul(&BigFloat::from_word(180, 64), p, ROUNDING)
            .div(&pi, p, ROUNDING);
        self.checked(degrees, span)
    }

    fn round_to_integer(&mut self, name: &str, x: &Value, span: Span) -> Result<Value, Error> {
        let exact = match x {
            Value::Exact(r) => r.clone(),
            Value::Approx(f) => {
                // The float is exact in binary; round that value, and let the
                // precision loop confirm the integer is stable.
                number::float_to_rational(f, self.limits.max_bits)
                    .ok_or_else(|| Error::new(ErrorKind::TooLarge, "result too large", span))?
            }
        };
        let (n, d) = (exact.numer(), exact.denom());
        let integer = match name {
            "floor" => n.div_floor(d),
            "ceil" => -(-n).div_floor(d),
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

    fn min_max(&mut self, name: &str, args: Vec<(Value, Span)>) -> Result<Value, Error> {
        let p = self.precision;
        let mut best = args[0].0.clone();
        for (v, _) in args.into_iter().skip(1) {
            let order = v.compare(&best, p);
            if (name == "min" && order.is_lt()) || (name == "max" && order.is_gt()) {
                best = v;
            }
        }
        Ok(best)
    }
}

impl Evaluator<'_> {
    fn gcd_lcm(&mut self, name: &str, args: Vec<(Value, Span)>) -> Result<Value, Error> {
        let mut accumulator: Option<BigInt> = None;
        for (value, span) in args {
            let n = match value.as_exact() {
                Some(r) if r.is_integer() => r.numer().clone(),
                _ => {
                    return Err(Error::new(
                        ErrorKind::Domain,
                        format!("{name} takes whole numbers"),
                        span,
                    ));
                }
            };
            if let Some(a) = &accumulator {
                self.charge(number::gcd_step_cost(a, &n), span)?;
            }
            accumulator = Some(match accumulator {
                None => n.abs(),
                Some(a) if name == "gcd" => a.gcd(&n),
                Some(a) => a.lcm(&n),
            });
        }
        Ok(Value::Exact(BigRational::from_integer(
            accumulator.unwrap_or_else(BigInt::zero),
        )))
    }
}
