//! Binary floats of a chosen precision and their exact conversions to and
//! from rationals: what the ball's midpoints are made of.

use astro_float_num::{BigFloat, RoundingMode, Sign, Word};
use num_bigint::{BigInt, BigUint};
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};

/// Rounding used for every approximate operation.
pub const ROUNDING: RoundingMode = RoundingMode::ToEven;

/// `i` as a float, rounded to about `precision` bits: huge integers keep
/// their top words only, which is cheap and well within the precision loop's
/// error margin (exact whenever `i` fits).
pub fn integer_to_float(i: &BigInt, precision: usize) -> BigFloat {
    scaled_integer_to_float(i, 0, precision).unwrap_or_else(|| BigFloat::from_word(0, 64))
}

/// `i * 2^scale` as [`integer_to_float`] rounds it; `None` when the
/// exponent is out of the float's range.
fn scaled_integer_to_float(i: &BigInt, scale: i64, precision: usize) -> Option<BigFloat> {
    let (sign, mut words) = i.to_u64_digits();
    if words.is_empty() {
        return Some(BigFloat::from_word(0, 64));
    }
    let total_words = words.len();
    let keep = precision / 64 + 2;
    if total_words > keep {
        words.drain(..total_words - keep);
        // A sticky bit keeps the truncation from looking exact.
        words[0] |= 1;
    }
    let words: Vec<Word> = words.into_iter().map(|w| w as Word).collect();
    let sign = if sign == num_bigint::Sign::Minus {
        Sign::Neg
    } else {
        Sign::Pos
    };
    let exponent = i32::try_from((total_words * 64) as i64 + scale).ok()?;
    Some(BigFloat::from_words(&words, sign, exponent))
}

pub fn rational_to_float(r: &BigRational, precision: usize) -> BigFloat {
    let numer = integer_to_float(r.numer(), precision);
    if r.is_integer() {
        return numer;
    }
    numer.div(&integer_to_float(r.denom(), precision), precision, ROUNDING)
}

/// The binary exponent of a finite non-zero float (value in [2^(e-1), 2^e)).
pub fn binary_exponent(f: &BigFloat) -> Option<i64> {
    if f.is_zero() {
        return None;
    }
    f.exponent().map(i64::from)
}

/// A float's mantissa words as an integer.
fn mantissa(words: &[Word]) -> BigUint {
    BigUint::new(
        words
            .iter()
            .flat_map(|&w| [w as u32, (w >> 32) as u32])
            .collect(),
    )
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
    let mantissa = BigInt::from_biguint(
        if sign == Sign::Neg {
            num_bigint::Sign::Minus
        } else {
            num_bigint::Sign::Plus
        },
        mantissa(words),
    );
    let shift = i64::from(exponent) - (words.len() * 64) as i64;
    if shift >= 0 {
        return Some(BigRational::from_integer(mantissa << shift as usize));
    }
    // The denominator is a power of two, so lowest terms only need the
    // mantissa's trailing zeros, not a gcd.
    let twos = mantissa
        .trailing_zeros()
        .unwrap_or(0)
        .min(shift.unsigned_abs());
    Some(BigRational::new_raw(
        mantissa >> twos as usize,
        BigInt::from(1u8) << (shift.unsigned_abs() - twos) as usize,
    ))
}

/// The square root of a positive finite float with at least `precision`
/// bits, from one integer square root of its mantissa: much quicker at
/// these sizes than the float library's division-based root.
pub fn float_sqrt(f: &BigFloat, precision: usize) -> Option<BigFloat> {
    let (words, _, sign, exponent, _) = f.as_raw_parts()?;
    if sign == Sign::Neg || f.is_zero() {
        return None;
    }
    let mantissa = mantissa(words);
    // f = mantissa * 2^scale. Widen the mantissa to twice the precision,
    // with an even power of two left over to halve.
    let scale = i64::from(exponent) - (words.len() * 64) as i64;
    let mut widen = (2 * precision as u64).saturating_sub(mantissa.bits());
    if (scale - widen as i64) % 2 != 0 {
        widen += 1;
    }
    let widened = mantissa << widen as usize;
    let mut root = square_root(&widened);
    // A sticky bit keeps an inexact root from looking exact.
    if &root * &root != widened {
        root |= BigUint::from(1u8);
    }
    scaled_integer_to_float(&BigInt::from(root), (scale - widen as i64) / 2, precision)
}

/// The square root of `n` to within a few dozen units of its last bit,
/// far finer than the precision loop needs: a double's root of the top
/// 128 bits refined once in words (62 good bits), then Newton steps, each
/// doubling the good bits. (The library's exact root starts from 50 bits
/// and runs more divisions to prove it has stopped moving.)
fn square_root(n: &BigUint) -> BigUint {
    let shift = n.bits().saturating_sub(127) & !1;
    let top = (n >> shift).to_u128().expect("at most 128 bits are left");
    let guess = (top as f64).sqrt() as u128;
    let mut root = BigUint::from((guess + top / guess) >> 1) << (shift / 2);
    let mut good_bits = 62;
    while shift > 0 && good_bits + 8 < n.bits().div_ceil(2) {
        root = (&root + n / &root) >> 1usize;
        good_bits = 2 * good_bits + 1;
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Signed;

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
    fn floats_convert_to_lowest_terms() {
        let f = rational_to_float(&q(6, 8), 128);
        let r = float_to_rational(&f, 1 << 17).unwrap();
        assert_eq!((r.numer(), r.denom()), (&BigInt::from(3), &BigInt::from(4)));
    }

    #[test]
    fn integer_square_roots_match_the_float_library() {
        for (n, d) in [
            (2, 1),
            (8, 1),
            (1, 2),
            (3, 1 << 40),
            (1 << 41, 3),
            (4, 1),
            (9, 16),
        ] {
            for precision in [64, 128, 256, 1024] {
                let x = rational_to_float(&q(n, d), precision);
                let ours = float_sqrt(&x, precision).unwrap();
                let theirs = x.sqrt(precision, ROUNDING);
                let error = float_to_rational(&ours.sub(&theirs, 2 * precision, ROUNDING), 1 << 20)
                    .unwrap()
                    .abs();
                let bound = float_to_rational(&theirs, 1 << 20).unwrap()
                    / BigRational::from_integer(BigInt::from(1u8) << (precision - 1));
                assert!(error <= bound, "sqrt({n}/{d}) at {precision} bits");
            }
        }
        // Exact roots stay exact; zero, negatives and NaN are left to the library.
        let four = rational_to_float(&q(9, 4), 128);
        assert_eq!(
            float_to_rational(&float_sqrt(&four, 128).unwrap(), 64),
            Some(q(3, 2))
        );
        assert!(float_sqrt(&rational_to_float(&q(-2, 1), 128), 128).is_none());
        assert!(float_sqrt(&rational_to_float(&q(0, 1), 128), 128).is_none());
        assert!(float_sqrt(&BigFloat::nan(None), 128).is_none());
    }

    #[test]
    fn one_third_is_rounded_at_the_precision() {
        let f = rational_to_float(&q(1, 3), 128);
        let back = float_to_rational(&f, 1 << 17).unwrap();
        let error = (back - q(1, 3)).abs();
        assert!(error < BigRational::new(1.into(), BigInt::from(1u8) << 128usize));
        assert!(!error.is_zero());
    }
}
