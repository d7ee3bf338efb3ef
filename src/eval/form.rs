//! Exact forms of irrational values: q·π, a + b·√n, and f(q) for the
//! functions whose inverses pebble knows. A value reached by an irrational
//! route can still be exact (`sqrt(2)*sqrt(2)` is 2, `sin(pi/6)` is 1/2);
//! carrying its form beside its enclosure lets those be answered exactly,
//! and lets floor, sign and rounding ties of them be decided.

use super::builtins::Builtin;
use super::number;
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[derive(Debug, Clone, PartialEq)]
pub enum Form {
    /// `q·π`, q not zero.
    Pi(BigRational),
    /// `a + b·√n`: n > 1 and not a square, b not zero.
    Surd {
        a: BigRational,
        b: BigRational,
        n: BigInt,
    },
    /// `function(argument)` for exp, ln, asin, acos, atan and cbrt, whose
    /// inverses undo them exactly; `degrees` when the angle that asin, acos
    /// or atan gave was turned into degrees.
    Inverse {
        function: Builtin,
        argument: BigRational,
        degrees: bool,
    },
}

/// A value known exactly: a rational, or an irrational in a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Known {
    Rational(BigRational),
    Form(Form),
}

/// Largest operand, in bits, worth keeping in a form; beyond it values go
/// on as enclosures alone.
const MAX_FORM_BITS: u64 = 4096;

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(n.into(), d.into())
}

// The calculator's own rational arithmetic, not the generic operators: the
// binary has it already.
use number::unmetered::{product as times, sum as plus};

fn small(r: &BigRational) -> bool {
    r.numer().bits() + r.denom().bits() <= MAX_FORM_BITS
}

impl Form {
    pub fn pi(multiple: BigRational) -> Known {
        if multiple.is_zero() {
            Known::Rational(multiple)
        } else {
            Known::Form(Form::Pi(multiple))
        }
    }

    fn surd(a: BigRational, b: BigRational, n: BigInt) -> Option<Known> {
        if !(small(&a) && small(&b)) {
            return None;
        }
        Some(if b.is_zero() {
            Known::Rational(a)
        } else {
            Known::Form(Form::Surd { a, b, n })
        })
    }

    /// `q` when this is `function(q)` (an angle in radians for asin, acos, atan).
    fn argument_of(&self, inverse: Builtin) -> Option<&BigRational> {
        match self {
            Form::Inverse {
                function,
                argument,
                degrees: false,
            } if *function == inverse => Some(argument),
            _ => None,
        }
    }

    /// The form as a person writes it (`2√2`, `3π/4`), for the forms worth
    /// showing beside their decimals.
    pub fn text(&self) -> Option<String> {
        match self {
            Form::Pi(m) => Some(multiple(m, "π")),
            Form::Surd { a, b, n } => {
                let root = multiple(b, &format!("√{n}"));
                if a.is_zero() {
                    Some(root)
                } else {
                    let (sign, root) = match root.strip_prefix('-') {
                        Some(rest) => ("-", rest.to_string()),
                        None => ("+", root),
                    };
                    Some(format!("{} {sign} {root}", super::format::fraction(a)))
                }
            }
            Form::Inverse { .. } => None,
        }
    }
}

/// `m·symbol` written as `symbol`, `-symbol`, `3symbol/4`.
fn multiple(m: &BigRational, symbol: &str) -> String {
    let sign = if m.is_negative() { "-" } else { "" };
    let numer = m.numer().abs();
    let coefficient = if numer.is_one() {
        String::new()
    } else {
        numer.to_string()
    };
    if m.denom().is_one() {
        format!("{sign}{coefficient}{symbol}")
    } else {
        format!("{sign}{coefficient}{symbol}/{}", m.denom())
    }
}

/// The parts of `x` as a + b√n (b = 0 for rationals), if it is either.
fn surd_parts(x: &Known) -> Option<(&BigRational, Option<(&BigRational, &BigInt)>)> {
    match x {
        Known::Rational(r) => Some((r, None)),
        Known::Form(Form::Surd { a, b, n }) => Some((a, Some((b, n)))),
        _ => None,
    }
}

/// `x + y` when the sum keeps a form.
pub fn add(x: &Known, y: &Known) -> Option<Known> {
    match (x, y) {
        // Adding an exact 0 keeps any form: 30° + 0 is still π/6.
        (Known::Rational(r), other) | (other, Known::Rational(r)) if r.is_zero() => {
            Some(other.clone())
        }
        (Known::Form(Form::Pi(a)), Known::Form(Form::Pi(b))) => Some(Form::pi(plus(a, b))),
        _ => {
            let (a, x_root) = surd_parts(x)?;
            let (c, y_root) = surd_parts(y)?;
            match (x_root, y_root) {
                (Some((b, n)), Some((d, m))) if n == m => {
                    Form::surd(plus(a, c), plus(b, d), n.clone())
                }
                (Some((b, n)), None) | (None, Some((b, n))) => {
                    Form::surd(plus(a, c), b.clone(), n.clone())
                }
                (None, None) => Some(Known::Rational(plus(a, c))),
                _ => None,
            }
        }
    }
}

/// `-x`, when it keeps a form: odd functions take the sign inside.
pub fn negate(x: &Known) -> Option<Known> {
    Some(match x {
        Known::Rational(r) => Known::Rational(-r),
        Known::Form(Form::Pi(m)) => Known::Form(Form::Pi(-m)),
        Known::Form(Form::Surd { a, b, n }) => Known::Form(Form::Surd {
            a: -a,
            b: -b,
            n: n.clone(),
        }),
        Known::Form(Form::Inverse {
            function: function @ (Builtin::Asin | Builtin::Atan | Builtin::Cbrt),
            argument,
            degrees,
        }) => Known::Form(Form::Inverse {
            function: *function,
            argument: -argument,
            degrees: *degrees,
        }),
        Known::Form(Form::Inverse { .. }) => return None,
    })
}

/// `x · y` when the product keeps a form.
pub fn multiply(x: &Known, y: &Known) -> Option<Known> {
    match (x, y) {
        (Known::Rational(r), Known::Form(Form::Pi(m)))
        | (Known::Form(Form::Pi(m)), Known::Rational(r)) => Some(Form::pi(times(r, m))),
        (Known::Rational(r), Known::Form(Form::Inverse { .. }))
        | (Known::Form(Form::Inverse { .. }), Known::Rational(r))
            if r.is_zero() =>
        {
            Some(Known::Rational(r.clone()))
        }
        (
            Known::Form(Form::Inverse {
                function: Builtin::Exp,
                argument: a,
                ..
            }),
            Known::Form(Form::Inverse {
                function: Builtin::Exp,
                argument: b,
                ..
            }),
        ) => Some(exp(&plus(a, b))),
        _ => {
            let (a, x_root) = surd_parts(x)?;
            let (c, y_root) = surd_parts(y)?;
            match (x_root, y_root) {
                // (a + b√n)(c + d√n) = ac + bdn + (ad + bc)√n
                (Some((b, n)), Some((d, m))) if n == m => {
                    let bdn = times(&times(b, d), &BigRational::from_integer(n.clone()));
                    let root = plus(&times(a, d), &times(b, c));
                    Form::surd(plus(&times(a, c), &bdn), root, n.clone())
                }
                (Some((b, n)), None) => Form::surd(times(a, c), times(b, c), n.clone()),
                (None, Some((d, n))) => Form::surd(times(a, c), times(a, d), n.clone()),
                (None, None) => Some(Known::Rational(times(a, c))),
                _ => None,
            }
        }
    }
}

/// `1 / x` when it keeps a form; `x` is not zero.
pub fn reciprocal(x: &Known) -> Option<Known> {
    match x {
        Known::Rational(r) => Some(Known::Rational(r.recip())),
        Known::Form(Form::Pi(_)) => None,
        Known::Form(Form::Inverse {
            function: Builtin::Exp,
            argument,
            ..
        }) => Some(exp(&-argument)),
        Known::Form(Form::Surd { a, b, n }) => {
            // 1/(a + b√n) = (a - b√n)/(a² - b²n); the norm is not zero as √n is irrational.
            let b_squared_n = times(&times(b, b), &BigRational::from_integer(n.clone()));
            let norm_inverse = plus(&times(a, a), &-b_squared_n).recip();
            Form::surd(
                times(a, &norm_inverse),
                times(&-b, &norm_inverse),
                n.clone(),
            )
        }
        Known::Form(Form::Inverse { .. }) => None,
    }
}

/// `x - y` when the difference keeps a form: 0 for equal values whatever
/// their form (`e - e`).
pub fn subtract(x: &Known, y: &Known) -> Option<Known> {
    if x == y {
        return Some(Known::Rational(BigRational::zero()));
    }
    add(x, &negate(y)?)
}

/// `x / y` when the quotient keeps a form; `y` is not zero. Equal values
/// give 1 whatever their form (`e / e`).
pub fn divide(x: &Known, y: &Known) -> Option<Known> {
    if x == y {
        return Some(Known::Rational(BigRational::one()));
    }
    if let (Known::Form(Form::Pi(a)), Known::Form(Form::Pi(b))) = (x, y) {
        return Some(Known::Rational(times(a, &b.recip())));
    }
    if let (Known::Form(Form::Pi(a)), Known::Rational(r)) = (x, y) {
        return Some(Form::pi(times(a, &r.recip())));
    }
    multiply(x, &reciprocal(y)?)
}

/// `x^k` for a whole k of modest size.
pub fn power(x: &Known, k: &BigRational) -> Option<Known> {
    match x {
        Known::Form(Form::Inverse {
            function: Builtin::Exp,
            argument,
            ..
        }) => return Some(exp(&times(argument, k))),
        Known::Form(Form::Inverse {
            function: Builtin::Cbrt,
            argument,
            ..
        }) if k.is_integer() && k.numer().is_multiple_of(&BigInt::from(3)) => {
            let n = (k.numer() / BigInt::from(3)).to_i32()?;
            if n.unsigned_abs() > 64 {
                return None;
            }
            let r = number::unmetered::power(argument, n.unsigned_abs());
            return Some(Known::Rational(if n < 0 { r.recip() } else { r }));
        }
        _ => {}
    }
    let n = k.is_integer().then(|| k.numer().to_i32()).flatten()?;
    if n.unsigned_abs() > 64 || !matches!(x, Known::Form(Form::Surd { .. })) {
        return None;
    }
    let base = if n < 0 { reciprocal(x)? } else { x.clone() };
    let mut result = Known::Rational(BigRational::one());
    for _ in 0..n.unsigned_abs() {
        result = multiply(&result, &base)?;
    }
    Some(result)
}

/// `e^q`: 1 for q = 0, otherwise the form.
pub fn exp(argument: &BigRational) -> Known {
    if argument.is_zero() {
        Known::Rational(BigRational::one())
    } else {
        Known::Form(Form::Inverse {
            function: Builtin::Exp,
            argument: argument.clone(),
            degrees: false,
        })
    }
}

/// `√r` for a rational r > 0 that is not a square: `s·√n` with the square
/// factors that small primes find taken out of n.
pub fn square_root(r: &BigRational) -> Option<Known> {
    // √(u/v) = √(u·v)/v
    let mut n = r.numer() * r.denom();
    if n.bits() > MAX_FORM_BITS {
        return None;
    }
    let mut outside = BigInt::one();
    // Small primes left to an odd power, set aside so that what remains has
    // only factors above 1000 and can be tested for a square whole.
    let mut odd_small = BigInt::one();
    let mut p = 2u32;
    // A word, as most arguments are: the same steps without big numbers.
    if let Some(mut word) = n.to_u64() {
        let (mut out, mut odd) = (1u64, 1u64);
        while p < 1000 && u64::from(p * p) <= word {
            while word.is_multiple_of(u64::from(p * p)) {
                word /= u64::from(p * p);
                out *= u64::from(p);
            }
            if word.is_multiple_of(u64::from(p)) {
                word /= u64::from(p);
                odd *= u64::from(p);
            }
            p += if p == 2 { 1 } else { 2 };
        }
        (n, outside, odd_small) = (word.into(), out.into(), odd.into());
    }
    while p < 1000 && BigInt::from(p * p) <= n {
        let square = BigInt::from(p * p);
        while n.is_multiple_of(&square) {
            n /= &square;
            outside *= p;
        }
        let prime = BigInt::from(p);
        if n.is_multiple_of(&prime) {
            n /= &prime;
            odd_small *= prime;
        }
        p += if p == 2 { 1 } else { 2 };
    }
    // √(2·1013²) is 1013√2: a square of large factors comes out too.
    let large_root = n.sqrt();
    if &large_root * &large_root == n {
        outside *= large_root;
        n = odd_small;
    } else {
        n *= odd_small;
    }
    if n.is_one() {
        // Every factor was a square: r was a square after all.
        return None;
    }
    let coefficient = BigRational::new(outside, r.denom().clone());
    Form::surd(BigRational::zero(), coefficient, n)
}

/// What a function gives for an argument in a form, or for a rational
/// argument where the answer has a form; `None` leaves it to the float
/// library. `Err` carries a domain error's reason.
/// Angles are in radians.
pub fn function(function: Builtin, x: &Known) -> Result<Option<Known>, &'static str> {
    use Builtin::*;
    Ok(match (function, x) {
        (Sin, Known::Form(Form::Pi(m))) => sine_of_pi_multiple(m, 0),
        (Cos, Known::Form(Form::Pi(m))) => sine_of_pi_multiple(m, 6),
        (Tan, Known::Form(Form::Pi(m))) => {
            match (sine_of_pi_multiple(m, 0), sine_of_pi_multiple(m, 6)) {
                (_, Some(Known::Rational(c))) if c.is_zero() => {
                    return Err("tan is undefined at odd multiples of π/2 (90°)");
                }
                (Some(s), Some(c)) => divide(&s, &c),
                _ => None,
            }
        }
        (Sin, Known::Form(f)) => f.argument_of(Asin).cloned().map(Known::Rational),
        (Cos, Known::Form(f)) => f.argument_of(Acos).cloned().map(Known::Rational),
        (Tan, Known::Form(f)) => f.argument_of(Atan).cloned().map(Known::Rational),
        (Asin | Acos | Atan, Known::Rational(r)) => {
            inverse_of_rational(function, r).or_else(|| Some(inverse(function, r)))
        }
        (Exp, Known::Rational(r)) => Some(exp(r)),
        (Exp, Known::Form(f)) => f.argument_of(Ln).cloned().map(Known::Rational),
        (Ln, Known::Rational(r)) if r.is_one() => Some(Known::Rational(BigRational::zero())),
        (Ln, Known::Rational(r)) if r.is_positive() => Some(inverse(Ln, r)),
        (Ln, Known::Form(f)) => f.argument_of(Exp).cloned().map(Known::Rational),
        (Sqrt, Known::Rational(r)) if r.is_positive() => square_root(r),
        (Cbrt, Known::Rational(r)) if !r.is_zero() => Some(inverse(Cbrt, r)),
        _ => None,
    })
}

fn inverse(function: Builtin, argument: &BigRational) -> Known {
    Known::Form(Form::Inverse {
        function,
        argument: argument.clone(),
        degrees: false,
    })
}

/// sin((m + shift/12)·π) where that is rational or a surd: m a multiple of
/// 1/6 or 1/4 (30° or 45°).
fn sine_of_pi_multiple(m: &BigRational, shift: i64) -> Option<Known> {
    let twelfths = times(m, &BigRational::from_integer(12.into()));
    if !twelfths.is_integer() {
        return None;
    }
    let k = (twelfths.numer() + shift)
        .mod_floor(&BigInt::from(24))
        .to_i64()?;
    let (magnitude, negative) = if k < 12 { (k, false) } else { (k - 12, true) };
    let half = q(1, 2);
    let value = match magnitude {
        0 | 12 => Known::Rational(q(0, 1)),
        2 | 10 => Known::Rational(half),
        6 => Known::Rational(q(1, 1)),
        3 | 9 => Form::surd(q(0, 1), half, 2.into())?,
        4 | 8 => Form::surd(q(0, 1), half, 3.into())?,
        _ => return None,
    };
    if negative {
        negate(&value)
    } else {
        Some(value)
    }
}

/// An argument n/d and its angle, n/d of π.
type PiAngle = ((i64, i64), (i64, i64));

/// asin, acos and atan of the rationals whose angles are rational multiples of π.
fn inverse_of_rational(function: Builtin, x: &BigRational) -> Option<Known> {
    use Builtin::*;
    let table: &[PiAngle] = match function {
        Asin => &[
            ((0, 1), (0, 1)),
            ((1, 2), (1, 6)),
            ((-1, 2), (-1, 6)),
            ((1, 1), (1, 2)),
            ((-1, 1), (-1, 2)),
        ],
        Acos => &[
            ((1, 1), (0, 1)),
            ((1, 2), (1, 3)),
            ((0, 1), (1, 2)),
            ((-1, 2), (2, 3)),
            ((-1, 1), (1, 1)),
        ],
        Atan => &[((0, 1), (0, 1)), ((1, 1), (1, 4)), ((-1, 1), (-1, 4))],
        _ => return None,
    };
    table
        .iter()
        .find(|((n, d), _)| *x == q(*n, *d))
        .map(|(_, (n, d))| Form::pi(q(*n, *d)))
}

/// The form of an angle turned from radians into degrees (or back).
pub fn converted_angle(x: &Known, to_degrees: bool) -> Option<Known> {
    match x {
        Known::Form(Form::Pi(m)) if to_degrees => Some(Known::Rational(times(
            m,
            &BigRational::from_integer(180.into()),
        ))),
        Known::Rational(r) if !to_degrees => Some(Form::pi(times(r, &q(1, 180)))),
        Known::Form(Form::Inverse {
            function: function @ (Builtin::Asin | Builtin::Acos | Builtin::Atan),
            argument,
            degrees,
        }) if *degrees != to_degrees => Some(Known::Form(Form::Inverse {
            function: *function,
            argument: argument.clone(),
            degrees: to_degrees,
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rational(n: i64, d: i64) -> Known {
        Known::Rational(q(n, d))
    }

    #[test]
    fn square_roots_take_out_square_factors() {
        let root8 = square_root(&q(8, 1)).unwrap();
        assert_eq!(
            root8,
            Known::Form(Form::Surd {
                a: q(0, 1),
                b: q(2, 1),
                n: 2.into()
            })
        );
        let Known::Form(form) = &root8 else { panic!() };
        assert_eq!(form.text().unwrap(), "2√2");
        assert_eq!(multiply(&root8, &root8), Some(rational(8, 1)));
        let root18 = square_root(&q(18, 1)).unwrap();
        let root2 = square_root(&q(2, 1)).unwrap();
        assert_eq!(divide(&root18, &root2), Some(rational(3, 1)));
        assert_eq!(square_root(&q(9, 4)), None);
    }

    #[test]
    fn conjugates_multiply_to_rationals() {
        let root5 = square_root(&q(5, 1)).unwrap();
        let plus = add(&root5, &rational(2, 1)).unwrap();
        let minus = add(&root5, &rational(-2, 1)).unwrap();
        assert_eq!(multiply(&plus, &minus), Some(rational(1, 1)));
        let Known::Form(form) = &minus else { panic!() };
        assert_eq!(form.text().unwrap(), "-2 + √5");
    }

    #[test]
    fn sines_of_pi_multiples() {
        let sin = |n, d| function(Builtin::Sin, &Form::pi(q(n, d))).unwrap();
        assert_eq!(sin(1, 6), Some(rational(1, 2)));
        assert_eq!(sin(2, 1), None.or(Some(rational(0, 1))));
        assert_eq!(sin(-1, 2), Some(rational(-1, 1)));
        assert_eq!(sin(1, 5), None);
        let cos_pi_3 = function(Builtin::Cos, &Form::pi(q(1, 3))).unwrap();
        assert_eq!(cos_pi_3, Some(rational(1, 2)));
        let tan = function(Builtin::Tan, &Form::pi(q(1, 4))).unwrap();
        assert_eq!(tan, Some(rational(1, 1)));
        assert!(function(Builtin::Tan, &Form::pi(q(1, 2))).is_err());
    }

    #[test]
    fn inverse_pairs_cancel() {
        let ln7 = function(Builtin::Ln, &rational(7, 1)).unwrap().unwrap();
        assert_eq!(function(Builtin::Exp, &ln7).unwrap(), Some(rational(7, 1)));
        let e3 = exp(&q(3, 1));
        assert_eq!(function(Builtin::Ln, &e3).unwrap(), Some(rational(3, 1)));
        let cbrt7 = function(Builtin::Cbrt, &rational(7, 1)).unwrap().unwrap();
        assert_eq!(power(&cbrt7, &q(3, 1)), Some(rational(7, 1)));
        let asin = function(Builtin::Asin, &rational(3, 10)).unwrap().unwrap();
        assert_eq!(
            function(Builtin::Sin, &asin).unwrap(),
            Some(rational(3, 10))
        );
        let in_degrees = converted_angle(&asin, true).unwrap();
        assert_eq!(function(Builtin::Sin, &in_degrees).unwrap(), None);
        let back = converted_angle(&in_degrees, false).unwrap();
        assert_eq!(
            function(Builtin::Sin, &back).unwrap(),
            Some(rational(3, 10))
        );
    }
}
