//! The calculator's numbers: exact rationals where maths is exact, binary
//! floats of a chosen precision where it is not.

use astro_float_num::{BigFloat, RoundingMode, Sign, Word};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// Rounding used for every approximate operation.
pub const ROUNDING: RoundingMode = RoundingMode::ToEven;

#[derive(Debug, Clone)]
pub enum Value {
    Exact(BigRational),
    /// A value computed at the evaluator's current working precision.
    Approx(BigFloat),
}

impl Value {
    pub fn from_integer(n: i64) -> Self {
        Value::Exact(BigRational::from_integer(n.into()))
    }

    pub fn as_exact(&self) -> Option<&BigRational> {
        match self {
            Value::Exact(r) => Some(r),
            Value::Approx(_) => None,
        }
    }

    pub fn to_float(&self, precision: usize) -> BigFloat {
        match self {
            Value::Exact(r) => rational_to_float(r, precision),
            Value::Approx(f) => f.clone(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            Value::Exact(r) => r.is_zero(),
            Value::Approx(f) => f.is_zero(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Value::Exact(r) => r.is_negative(),
            Value::Approx(f) => f.is_negative() && !f.is_zero(),
        }
    }

    /// Size of an exact value in bits (numerator plus denominator); 0 for approximations.
    pub fn bits(&self) -> u64 {
        match self {
            Value::Exact(r) => r.numer().bits() + r.denom().bits(),
            Value::Approx(_) => 0,
        }
    }

    /// Compares two values; approximations compare at their working precision.
    pub fn compare(&self, other: &Value, precision: usize) -> Ordering {
        match (self, other) {
            (Value::Exact(a), Value::Exact(b)) => a.cmp(b),
            _ => {
                let a = self.to_float(precision);
                let b = other.to_float(precision);
                match a.cmp(&b) {
                    Some(c) if c < 0 => Ordering::Less,
                    Some(0) => Ordering::Equal,
                    _ => Ordering::Greater,
                }
            }
        }
    }
}

pub fn integer_to_float(i: &BigInt) -> BigFloat {
    let (sign, words) = i.to_u64_digits();
    if words.is_empty() {
        return BigFloat::from_word(0, 64);
    }
    let words: Vec<Word> = words.into_iter().map(|w| w as Word).collect();
    let sign = if sign == num_bigint::Sign::Minus {
        Sign::Neg
    } else {
        Sign::Pos
    };
    BigFloat::from_words(&words, sign, (words.len() * 64) as i32)
}

pub fn rational_to_float(r: &BigRational, precision: usize) -> BigFloat {
    let numer = integer_to_float(r.numer());
    if r.is_integer() && r.numer().bits() as usize <= precision {
        return numer;
    }
    numer.div(&integer_to_float(r.denom()), precision, ROUNDING)
}

/// The binary exponent of a finite non-zero float (value in [2^(e-1), 2^e)).
pub fn binary_exponent(f: &BigFloat) -> Option<i64> {
    if f.is_zero() {
        return None;
    }
    f.exponent().map(i64::from)
}

/// The exact rational value of a finite float, or `None` for NaN/infinity
/// or a binary exponent beyond `max_exponent`.
pub fn float_to_rational(f: &BigFloat, max_exponent: u64) -> Option<BigRational> {
    if f.is_nan() || f.is_inf() {
        return None;
    }
    if f.is_zero() {
        return Some(BigRational::zero());
    }
    let (words, _, sign, exponent, _) = f.as_raw_parts()?;
    if i64::from(exponent).unsigned_abs() > max_exponent {
        return None;
    }
    let mut digits = Vec::with_capacity(words.len() * 2);
    for &w in words {
        digits.push(w as u32);
        digits.push((w >> 32) as u32);
    }
    let mantissa = BigInt::from_biguint(
        if sign == Sign::Neg {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        },
        BigUint::new(digits),
    );
    let shift = i64::from(exponent) - (words.len() * 64) as i64;
    let one = BigInt::from(1u8);
    Some(if shift >= 0 {
        BigRational::from_integer(mantissa << shift as usize)
    } else {
        BigRational::new(mantissa, one << (-shift) as usize)
    })
}

/// `floor(r)` for an exact rational.
pub fn floor(r: &BigRational) -> BigInt {
    r.numer().div_floor(r.denom())
}

/// The exact `n`-th root of a rational, if it has one.
pub fn exact_root(r: &BigRational, n: u32) -> Option<BigRational> {
    if r.is_negative() && n.is_multiple_of(2) {
        return None;
    }
    let root = |i: &BigInt| {
        let candidate = i.nth_root(n);
        (num_traits::pow(candidate.clone(), n as usize) == *i).then_some(candidate)
    };
    Some(BigRational::new(root(r.numer())?, root(r.denom())?))
}

/// `r` as a small integer, when it is one.
pub fn to_i64(r: &BigRational) -> Option<i64> {
    if r.is_integer() {
        r.numer().to_i64()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn floats_convert_back_to_the_same_rational() {
        for r in [q(1, 1), q(-3, 4), q(1 << 40, 1), q(5, 1 << 20), q(0, 1)] {
            let f = rational_to_float(&r, 128);
            assert_eq!(float_to_rational(&f, 1 << 17), Some(r));
        }
        let big = BigRational::from_integer(BigInt::from(3u8).pow(200));
        let f = rational_to_float(&big, 1024);
        assert_eq!(float_to_rational(&f, 1 << 17), Some(big));
    }

    #[test]
    fn one_third_is_rounded_at_the_precision() {
        let f = rational_to_float(&q(1, 3), 128);
        let back = float_to_rational(&f, 1 << 17).unwrap();
        let error = (back - q(1, 3)).abs();
        assert!(error < BigRational::new(1.into(), BigInt::from(1u8) << 128usize));
        assert!(!error.is_zero());
    }

    #[test]
    fn exact_roots_only_when_exact() {
        assert_eq!(exact_root(&q(16, 9), 2), Some(q(4, 3)));
        assert_eq!(exact_root(&q(-8, 27), 3), Some(q(-2, 3)));
        assert_eq!(exact_root(&q(2, 1), 2), None);
        assert_eq!(exact_root(&q(-4, 1), 2), None);
    }

    #[test]
    fn floor_rounds_toward_negative_infinity() {
        assert_eq!(floor(&q(-7, 2)), BigInt::from(-4));
        assert_eq!(floor(&q(7, 2)), BigInt::from(3));
    }
}
