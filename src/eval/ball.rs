//! Enclosures: an approximate value is a midpoint float and a radius that
//! bounds its distance from the true value (midpoint-radius balls, as in
//! Arb). Every operation widens the radius by its own rounding error and by
//! how far the operands' errors can move the result, so a digit is printed
//! only when the whole ball rounds to it.
//!
//! Radii are [`Mag`]s: a double-sized mantissa with an unbounded exponent,
//! every operation rounded upwards by a safety factor, so a radius is never
//! smaller than the error it stands for.
//!
//! Ball arithmetic is unmetered: the interpreter charges the work budget
//! for it before it calls (`charge_float`, `charge_transcendental`).

use astro_float_num::BigFloat;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use std::cmp::Ordering;

use super::float::rational_to_float;

/// One plus a margin well above a double's rounding error (2^-53): a
/// product or quotient of doubles times this is an upper bound of the true one.
const UP: f64 = 1.0 + 1.0 / (1u64 << 50) as f64;
/// The same margin downwards, for lower bounds.
const DOWN: f64 = 1.0 - 1.0 / (1u64 << 50) as f64;

/// A non-negative bound `m·2^e`, with `m` zero or in [0.5, 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mag {
    m: f64,
    e: i64,
}

impl Mag {
    pub const ZERO: Mag = Mag { m: 0.0, e: 0 };

    /// `x·2^e` for a finite `x >= 0`, normalised.
    fn new(x: f64, e: i64) -> Mag {
        if x == 0.0 {
            return Mag::ZERO;
        }
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        // x is in [2^(k-1), 2^k); a normal double's mantissa bits with the
        // exponent of 0.5 give m in [0.5, 1).
        let k = biased - 1022;
        let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
        Mag { m, e: e + k }
    }

    /// `2^e` exactly.
    pub fn power_of_two(e: i64) -> Mag {
        Mag { m: 0.5, e: e + 1 }
    }

    pub fn one() -> Mag {
        Mag::power_of_two(0)
    }

    pub fn is_zero(self) -> bool {
        self.m == 0.0
    }

    /// An exponent `e` with `self < 2^e` (for zero, very small).
    pub fn exponent(self) -> i64 {
        if self.is_zero() { i64::MIN / 4 } else { self.e }
    }

    pub fn add(self, other: Mag) -> Mag {
        let (big, small) = if self.is_zero() || (!other.is_zero() && other.e > self.e) {
            (other, self)
        } else {
            (self, other)
        };
        if small.is_zero() {
            return big;
        }
        let gap = big.e - small.e;
        if gap > 60 {
            // small < 2^(big.e - gap) <= 2^(2-gap)·big: a relative nudge covers it.
            return Mag::new(big.m * (1.0 + 1.0 / (1u64 << 55) as f64) * UP, big.e);
        }
        Mag::new((big.m + small.m * 0.5f64.powi(gap as i32)) * UP, big.e)
    }

    pub fn mul(self, other: Mag) -> Mag {
        if self.is_zero() || other.is_zero() {
            return Mag::ZERO;
        }
        Mag::new(self.m * other.m * UP, self.e + other.e)
    }

    /// A lower bound of the product of two lower bounds.
    pub fn mul_down(self, other: Mag) -> Mag {
        if self.is_zero() || other.is_zero() {
            return Mag::ZERO;
        }
        Mag::new(self.m * other.m * DOWN, self.e + other.e)
    }

    /// An upper bound of `self / other`; `other` must not be zero.
    pub fn div(self, other: Mag) -> Mag {
        if self.is_zero() {
            return Mag::ZERO;
        }
        Mag::new(self.m / other.m * UP, self.e - other.e)
    }

    /// Multiplies by a small constant, rounding up.
    pub fn scale(self, factor: f64) -> Mag {
        Mag::new(self.m * factor * UP, self.e)
    }

    /// A lower bound of `self - other`, or `None` if it is not positive.
    /// (Both are taken as lower and upper bounds respectively.)
    pub fn minus(self, other: Mag) -> Option<Mag> {
        if other.is_zero() {
            return Some(self);
        }
        if self.is_zero() || other.e > self.e {
            return None;
        }
        let gap = self.e - other.e;
        if gap > 60 {
            return Some(Mag::new(self.m * DOWN * DOWN, self.e));
        }
        let difference = (self.m - other.m * 0.5f64.powi(gap as i32)) * DOWN;
        (difference > 0.0).then(|| Mag::new(difference, self.e))
    }

    /// `self` as a lower bound, scaled down by a small constant.
    pub fn scale_down(self, factor: f64) -> Mag {
        Mag::new(self.m * factor * DOWN, self.e)
    }

    /// A lower bound of the n-th root (n = 2 or 3) of a lower bound.
    pub fn root_down(self, n: i64) -> Mag {
        if self.is_zero() {
            return self;
        }
        let whole = self.e.div_euclid(n);
        let rest = self.e - whole * n;
        let x = self.m * 2f64.powi(rest as i32);
        let root = if n == 2 { x.sqrt() } else { x.cbrt() };
        // cbrt is not correctly rounded, but within a few units of its last bit.
        Mag::new(root * DOWN * DOWN, whole)
    }

    /// An upper bound of `e^self`; `None` beyond any representable result.
    pub fn exp(self) -> Option<Mag> {
        let x = self.to_f64()?;
        // e^x = 2^(x·log2 e), the exponent rounded up with room to spare.
        let bits = x * std::f64::consts::LOG2_E * UP;
        (bits < 1e15).then(|| Mag::power_of_two(bits.ceil() as i64 + 1))
    }

    /// The value as a double when it is within a double's range.
    pub fn to_f64(self) -> Option<f64> {
        if self.is_zero() {
            return Some(0.0);
        }
        (self.e < 1000).then(|| self.m * 2f64.powi(self.e.max(-1000) as i32))
    }

    /// Its exact value (a dyadic rational).
    pub fn to_rational(self) -> BigRational {
        if self.is_zero() {
            return BigRational::zero();
        }
        // m has 53 significant bits at most: m·2^53 is an integer.
        let integer = BigInt::from((self.m * (1u64 << 53) as f64) as u64);
        let shift = self.e - 53;
        if shift >= 0 {
            BigRational::from_integer(integer << shift as usize)
        } else {
            dyadic(integer, (-shift) as u64)
        }
    }

    /// An upper bound of |f| (zero for zero).
    pub fn above(f: &BigFloat) -> Mag {
        match top_bits(f) {
            None => Mag::ZERO,
            // The top word rounds to a double, and the words below it add
            // less than one unit of that word.
            Some((top, e)) => Mag::new((top as f64 + 1.0) * UP / 2f64.powi(64), e),
        }
    }

    /// A lower bound of |f| (zero for zero).
    pub fn below(f: &BigFloat) -> Mag {
        match top_bits(f) {
            None => Mag::ZERO,
            Some((top, e)) => Mag::new(top as f64 * DOWN / 2f64.powi(64), e),
        }
    }
}

/// `n / 2^shift` in lowest terms: only shared factors of two can cancel,
/// so trailing zeros are dropped rather than a gcd computed (every line
/// that prints a rounded value takes this path twice).
fn dyadic(n: BigInt, shift: u64) -> BigRational {
    if n.is_zero() {
        return BigRational::zero();
    }
    let twos = n.trailing_zeros().unwrap_or(0).min(shift);
    BigRational::new_raw(n >> twos as usize, BigInt::one() << (shift - twos) as usize)
}

/// `a + b` for rationals whose denominators are powers of two, as a
/// ball's midpoint and radius are.
fn dyadic_sum(a: &BigRational, b: &BigRational) -> BigRational {
    let (ea, eb) = (a.denom().bits() - 1, b.denom().bits() - 1);
    let shift = ea.max(eb);
    dyadic(
        (a.numer() << (shift - ea) as usize) + (b.numer() << (shift - eb) as usize),
        shift,
    )
}

/// The most significant mantissa word of a finite non-zero float and its
/// binary exponent (|f| = 0.top… · 2^e).
fn top_bits(f: &BigFloat) -> Option<(u64, i64)> {
    if f.is_zero() {
        return None;
    }
    let (words, _, _, exponent, _) = f.as_raw_parts()?;
    Some((*words.last()?, i64::from(exponent)))
}

/// A value known to lie within `rad` of `mid`.
#[derive(Debug, Clone)]
pub struct Ball {
    pub mid: BigFloat,
    pub rad: Mag,
}

/// The rounding error of a result `f` computed at `precision` bits, with
/// `slack` doublings on top of one unit in its last place (correct
/// rounding needs half of one).
pub fn rounding_error(f: &BigFloat, precision: usize, slack: i64) -> Mag {
    match f.exponent() {
        Some(e) if !f.is_zero() => Mag::power_of_two(i64::from(e) - precision as i64 + slack),
        _ => Mag::ZERO,
    }
}

impl Ball {
    pub fn exact(mid: BigFloat) -> Ball {
        Ball {
            mid,
            rad: Mag::ZERO,
        }
    }

    /// The sign of every value in the ball, if they share one.
    pub fn sign(&self) -> Option<Ordering> {
        if self.mid.is_zero() {
            return self.rad.is_zero().then_some(Ordering::Equal);
        }
        if !self.rad.is_zero() && Mag::below(&self.mid).minus(self.rad).is_none() {
            return None;
        }
        Some(if self.mid.is_negative() {
            Ordering::Less
        } else {
            Ordering::Greater
        })
    }

    /// An upper bound of |x| over the ball.
    pub fn magnitude_above(&self) -> Mag {
        Mag::above(&self.mid).add(self.rad)
    }

    /// A lower bound of |x| over the ball, or `None` if it may be 0.
    pub fn magnitude_below(&self) -> Option<Mag> {
        if self.mid.is_zero() {
            return None;
        }
        Mag::below(&self.mid).minus(self.rad)
    }

    pub fn neg(&self) -> Ball {
        Ball {
            mid: self.mid.neg(),
            rad: self.rad,
        }
    }

    pub fn abs(&self) -> Ball {
        Ball {
            mid: self.mid.abs(),
            rad: self.rad,
        }
    }

    /// The ball's two ends as exact rationals; `None` when the radius is
    /// beyond `2^max_exponent` (the midpoint never is), too wide to use.
    pub fn ends(&self, max_exponent: u64) -> Option<(BigRational, BigRational)> {
        if self.rad.exponent() > max_exponent as i64 {
            return None;
        }
        let mid = super::float::float_to_rational(&self.mid, max_exponent)?;
        let rad = self.rad.to_rational();
        Some((dyadic_sum(&mid, &-&rad), dyadic_sum(&mid, &rad)))
    }

    /// The rounding error of `f` at `precision` added to `rad`.
    pub fn widened(mid: BigFloat, rad: Mag, precision: usize, slack: i64) -> Ball {
        let rad = rad.add(rounding_error(&mid, precision, slack));
        Ball { mid, rad }
    }

    pub fn add(&self, other: &Ball, precision: usize) -> Ball {
        let mid = self.mid.add(&other.mid, precision, super::float::ROUNDING);
        Ball::widened(mid, self.rad.add(other.rad), precision, 0)
    }

    pub fn sub(&self, other: &Ball, precision: usize) -> Ball {
        self.add(&other.neg(), precision)
    }

    pub fn mul(&self, other: &Ball, precision: usize) -> Ball {
        let mid = self.mid.mul(&other.mid, precision, super::float::ROUNDING);
        let rad = Mag::above(&self.mid)
            .mul(other.rad)
            .add(Mag::above(&other.mid).mul(self.rad))
            .add(self.rad.mul(other.rad));
        Ball::widened(mid, rad, precision, 0)
    }

    /// `self / other`, or `None` when the divisor's ball reaches 0.
    pub fn div(&self, other: &Ball, precision: usize) -> Option<Ball> {
        let divisor_low = other.magnitude_below()?;
        let mid = self.mid.div(&other.mid, precision, super::float::ROUNDING);
        // |a/b - am/bm| <= (ra·|bm| + |am|·rb) / (|b|·|bm|) with |b| >= |bm| - rb.
        let rad = if self.rad.is_zero() && other.rad.is_zero() {
            Mag::ZERO
        } else {
            self.rad
                .mul(Mag::above(&other.mid))
                .add(Mag::above(&self.mid).mul(other.rad))
                .div(divisor_low.mul(Mag::below(&other.mid)))
        };
        Some(Ball::widened(mid, rad, precision, 0))
    }

    /// `f(mid)` from a float library function that rounds correctly (up to
    /// a few units of slack), with `lipschitz` bounding |f'| over the ball.
    pub fn through(&self, value: BigFloat, lipschitz: Mag, precision: usize) -> Ball {
        Ball::widened(value, lipschitz.mul(self.rad), precision, 2)
    }
}

/// `r` in a ball at `precision` bits: exact when the float holds it.
pub fn rational_to_ball(r: &BigRational, precision: usize) -> Ball {
    let mid = rational_to_float(r, precision);
    let denominator = r.denom();
    let dyadic = denominator.trailing_zeros() == Some(denominator.bits() - 1);
    if dyadic && r.numer().bits() <= precision as u64 {
        Ball::exact(mid)
    } else {
        // The numerator's and denominator's truncation, then the division.
        Ball::widened(mid, Mag::ZERO, precision, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mag(x: f64) -> Mag {
        Mag::new(x, 0)
    }

    fn value(m: Mag) -> f64 {
        m.to_f64().unwrap()
    }

    #[test]
    fn mag_operations_bound_from_above() {
        assert!(value(mag(0.1).add(mag(0.2))) >= 0.1 + 0.2);
        assert!(value(mag(3.0).mul(mag(7.0))) >= 21.0);
        assert!(value(mag(1.0).div(mag(3.0))) >= 1.0 / 3.0);
        assert_eq!(value(Mag::power_of_two(-3)), 0.125);
        assert!(value(mag(1.0).add(Mag::power_of_two(-200))) > 1.0);
        assert_eq!(mag(1.0).minus(mag(2.0)), None);
        assert!(value(mag(2.0).minus(mag(1.0)).unwrap()) <= 1.0);
        assert!(value(mag(2.0).root_down(2)) <= 2f64.sqrt());
        assert!(value(mag(27.0).root_down(3)) <= 3.0);
        assert!(value(mag(1.0).exp().unwrap()) >= std::f64::consts::E);
    }

    #[test]
    fn mags_convert_to_their_exact_values() {
        assert_eq!(
            mag(0.75).to_rational(),
            BigRational::new(3.into(), 4.into())
        );
        assert_eq!(
            Mag::power_of_two(70).to_rational(),
            BigRational::from_integer(BigInt::one() << 70usize)
        );
    }

    #[test]
    fn float_bounds_enclose_the_float() {
        let third = BigFloat::from_word(1, 128).div(
            &BigFloat::from_word(3, 128),
            128,
            super::super::float::ROUNDING,
        );
        assert!(value(Mag::above(&third)) >= 1.0 / 3.0);
        assert!(value(Mag::below(&third)) <= 1.0 / 3.0);
    }

    #[test]
    fn a_balls_ends_are_in_lowest_terms() {
        let third = BigFloat::from_word(1, 128).div(
            &BigFloat::from_word(3, 128),
            128,
            super::super::float::ROUNDING,
        );
        for (mid, rad) in [
            (third, Mag::power_of_two(-100)),
            (BigFloat::from_word(5, 64), Mag::new(0.75, -3)),
            (BigFloat::from_word(5, 64), Mag::ZERO),
            (BigFloat::from_word(0, 64), Mag::power_of_two(-3)),
        ] {
            let ball = Ball { mid, rad };
            let (low, high) = ball.ends(1 << 20).unwrap();
            let mid = super::super::float::float_to_rational(&ball.mid, 1 << 20).unwrap();
            let rad = ball.rad.to_rational();
            // Ratio's own arithmetic reduces by gcd: the same values, the same parts.
            for (end, expected) in [(low, &mid - &rad), (high, &mid + &rad)] {
                assert_eq!(
                    (end.numer(), end.denom()),
                    (expected.numer(), expected.denom())
                );
            }
        }
    }

    #[test]
    fn a_ball_around_zero_has_no_sign() {
        let one = Ball::exact(BigFloat::from_word(1, 64));
        let tiny = Ball {
            mid: BigFloat::from_word(1, 64),
            rad: Mag::power_of_two(1),
        };
        assert_eq!(one.sign(), Some(Ordering::Greater));
        assert_eq!(tiny.sign(), None);
        assert!(one.div(&tiny, 128).is_none());
    }
}
