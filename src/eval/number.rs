//! Exact rationals: the arithmetic the calculator does when the maths is
//! exact, metered by a work budget. A leaf: it uses no other evaluator module.
//!
//! Metered or not is told by name: an operation here that may run long
//! takes a `Budget` and gives `None` once it would overspend (`add`,
//! `multiply`, `gcd`); those in `unmetered` take none, for operands known
//! to be small or already charged for (`unmetered::product`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive};

/// `10^n`, from one word when it fits (the usual digit counts) rather
/// than by repeated big multiplications.
pub fn power_of_ten(n: usize) -> BigInt {
    match 10u64.checked_pow(n as u32) {
        Some(word) => BigInt::from(word),
        None => num_traits::pow(BigInt::from(10u8), n),
    }
}

/// `floor(r)` for an exact rational.
pub fn floor(r: &BigRational) -> BigInt {
    r.numer().div_floor(r.denom())
}

/// The part of the work budget (see `Limits::max_work`) an exact operation
/// may still spend. What a gcd costs shows only as it runs (`gcd(5000!,
/// 4999!)` ends after one division), so it takes from this step by step,
/// and gives up with `None` once the next step would overspend, rather than
/// being charged its worst case up front.
#[derive(Debug)]
pub struct Budget {
    left: u64,
}

impl Budget {
    pub fn new(left: u64) -> Self {
        Budget { left }
    }

    /// For operations on bounded operands (a literal's digits, degrees by 360).
    pub fn unlimited() -> Self {
        Budget { left: u64::MAX }
    }

    pub fn left(&self) -> u64 {
        self.left
    }

    pub fn spend(&mut self, units: u64) -> Option<()> {
        self.left = self.left.checked_sub(units)?;
        Some(())
    }
}

/// Greatest common divisor, quick when either side fits in a word. The
/// library's binary gcd takes time quadratic in the larger operand even
/// when the other is 1 or divides it, so Euclid's division steps come
/// first: one brings the larger down to the smaller's size, and more follow
/// while they cost under a quarter of the binary gcd's charge at that size.
/// Powers and factorials mostly end there (`gcd(3^79999, 4*3^39999)` in
/// two steps); random operands are left to the binary gcd.
pub fn gcd(a: &BigInt, b: &BigInt, budget: &mut Budget) -> Option<BigInt> {
    let (a, b) = (a.magnitude(), b.magnitude());
    let (mut a, mut b) = if a >= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    };
    let mut divisions_left: Option<u64> = None;
    // A few divisions settle the lopsided and the nearly dividing pairs; a
    // long run of them means a gcd with no shortcut, where each step's
    // allocations cost more than its charge (musl returns them to the system).
    let mut steps = 0;
    loop {
        steps += 1;
        if let Some(small) = b.to_u64() {
            if small == 0 {
                return Some(a.into());
            }
            budget.spend(division_cost(a.bits(), 64))?;
            let remainder = (&a % small).to_u64().unwrap_or(0);
            return Some(BigInt::from(gcd_u64(remainder, small)));
        }
        let cost = division_cost(a.bits(), b.bits());
        match &mut divisions_left {
            None => divisions_left = Some(binary_gcd_cost(b.bits()) / 4),
            Some(left) if *left >= cost && steps <= 16 => *left -= cost,
            Some(_) => break,
        }
        budget.spend(cost)?;
        let remainder = &a % &b;
        a = std::mem::replace(&mut b, remainder);
    }
    budget.spend(binary_gcd_cost(a.bits()))?;
    Some(a.gcd(&b).into())
}

/// `n / d` in lowest terms with a positive denominator; `d` is not zero.
pub fn reduced(n: BigInt, d: BigInt, budget: &mut Budget) -> Option<BigRational> {
    if let (Some(n), Some(d)) = (n.to_i64(), d.to_i64()) {
        return Some(from_small(n.into(), d.into()));
    }
    let g = gcd(&n, &d, budget)?;
    let (n, d) = if g.is_one() {
        (n, d)
    } else {
        budget.spend(division_cost(n.bits(), g.bits()) + division_cost(d.bits(), g.bits()))?;
        (n / &g, d / &g)
    };
    Some(if d.is_negative() {
        BigRational::new_raw(-n, -d)
    } else {
        BigRational::new_raw(n, d)
    })
}

/// Numerator and denominator as machine words, when both fit: most of
/// what people type (`1.1`, `N/7`) does, and word arithmetic needs no
/// allocation and no big-integer division.
/// Both operands' parts widened to i128, where products of two fit.
fn small(a: &BigRational, b: &BigRational) -> Option<[i128; 4]> {
    let word = |i: &BigInt| i.to_i64().map(i128::from);
    Some([
        word(a.numer())?,
        word(a.denom())?,
        word(b.numer())?,
        word(b.denom())?,
    ])
}

/// `n/d` in lowest terms from word-sized parts (`d` is not zero).
pub(super) fn from_small(n: i128, d: i128) -> BigRational {
    let (n, d) = lowest_terms(n, d).expect("word-sized parts of a rational");
    BigRational::new_raw(BigInt::from(n), BigInt::from(d))
}

/// `n/d` in lowest terms with a positive denominator; `None` for `d = 0`
/// or a part that cannot be negated.
pub(super) fn lowest_terms(n: i128, d: i128) -> Option<(i128, i128)> {
    if d == 0 {
        return None;
    }
    let g = gcd_u128(n.unsigned_abs(), d.unsigned_abs()) as i128;
    let (n, d) = match (i64::try_from(n), i64::try_from(d)) {
        _ if g == 1 => (n, d),
        // Word division where it will do: 128-bit division is a slow call.
        (Ok(n), Ok(d)) => ((n / g as i64).into(), (d / g as i64).into()),
        _ => (n / g, d / g),
    };
    Some(if d < 0 {
        (n.checked_neg()?, d.checked_neg()?)
    } else {
        (n, d)
    })
}

/// Gcd of words: one division brings the larger down to the smaller's
/// size (numerators are often far larger than denominators), then binary
/// steps with the smaller and larger taken by `min`/`max`, which compile
/// to conditional moves rather than a branch mispredicted every other step.
fn gcd_u64(a: u64, b: u64) -> u64 {
    let (mut a, mut b) = (a.min(b), a.max(b));
    if a <= 1 {
        return if a == 0 { b } else { 1 };
    }
    b %= a;
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        let smaller = a.min(b);
        b = a.max(b) - smaller;
        a = smaller;
        if b == 0 {
            return a << shift;
        }
    }
}

/// Binary gcd on words.
pub(super) fn gcd_u128(mut a: u128, mut b: u128) -> u128 {
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        // The usual case, without 128-bit shifts.
        return gcd_u64(a, b).into();
    }
    if a == 0 || b == 0 {
        return a | b;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    while b != 0 {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
    }
    a << shift
}

/// The operations without a work budget, on operands known to be small
/// (unit factors, exact forms, literals) or whose cost the caller has
/// charged (`power` after `power_cost`).
pub mod unmetered {
    use super::{Budget, add, divide, multiply, reduced};
    use num_bigint::BigInt;
    use num_rational::BigRational;

    pub fn sum(a: &BigRational, b: &BigRational) -> BigRational {
        add(a, b, &mut Budget::unlimited()).expect("no budget limit")
    }

    pub fn product(a: &BigRational, b: &BigRational) -> BigRational {
        multiply(a, b, &mut Budget::unlimited()).expect("no budget limit")
    }

    pub fn quotient(a: &BigRational, b: &BigRational) -> BigRational {
        divide(a, b, &mut Budget::unlimited()).expect("no budget limit")
    }

    pub fn in_lowest_terms(n: BigInt, d: BigInt) -> BigRational {
        reduced(n, d, &mut Budget::unlimited()).expect("no budget limit")
    }

    /// `b^n` for `n >= 0`; numerator and denominator stay coprime, so no gcd.
    pub fn power(b: &BigRational, n: u32) -> BigRational {
        BigRational::new_raw(b.numer().pow(n), b.denom().pow(n))
    }
}

pub fn add(a: &BigRational, b: &BigRational, budget: &mut Budget) -> Option<BigRational> {
    // i64 products fit in i128, and so does their sum.
    if let Some([an, ad, bn, bd]) = small(a, b) {
        return Some(from_small(an * bd + bn * ad, ad * bd));
    }
    if a.denom() == b.denom() {
        return reduced(a.numer() + b.numer(), a.denom().clone(), budget);
    }
    reduced(
        a.numer() * b.denom() + b.numer() * a.denom(),
        a.denom() * b.denom(),
        budget,
    )
}

pub fn subtract(a: &BigRational, b: &BigRational, budget: &mut Budget) -> Option<BigRational> {
    add(a, &-b, budget)
}

pub fn multiply(a: &BigRational, b: &BigRational, budget: &mut Budget) -> Option<BigRational> {
    if let Some([an, ad, bn, bd]) = small(a, b) {
        return Some(from_small(an * bn, ad * bd));
    }
    if a.is_integer() && b.is_integer() {
        return Some(BigRational::from_integer(a.numer() * b.numer()));
    }
    // Cross-reduce first so the products stay small.
    let g1 = gcd(a.numer(), b.denom(), budget)?;
    let g2 = gcd(b.numer(), a.denom(), budget)?;
    let quotients = [
        (a.numer(), &g1),
        (b.numer(), &g2),
        (a.denom(), &g2),
        (b.denom(), &g1),
    ];
    let cost = quotients
        .iter()
        .map(|(n, g)| division_cost(n.bits(), g.bits()))
        .sum();
    budget.spend(cost)?;
    Some(BigRational::new_raw(
        (a.numer() / &g1) * (b.numer() / &g2),
        (a.denom() / &g2) * (b.denom() / &g1),
    ))
}

/// `a / b`; `b` is not zero.
pub fn divide(a: &BigRational, b: &BigRational, budget: &mut Budget) -> Option<BigRational> {
    let reciprocal = if b.numer().is_negative() {
        BigRational::new_raw(-b.denom(), -b.numer())
    } else {
        BigRational::new_raw(b.denom().clone(), b.numer().clone())
    };
    multiply(a, &reciprocal, budget)
}

// Costs, in work units (see `Limits::max_work`; a unit is about a
// nanosecond), of the exact operations above, fitted to num-bigint timings
// of this project's size-optimised release build on its 2-core machine
// (operands of 256 to 131,072 bits, the slowest of three runs kept under
// the fit). The products are charged up front by the functions below, as
// their operands' sizes decide them; a gcd and the divisions by it draw on
// a `Budget` as they go.

fn bits(i: &BigInt) -> u64 {
    i.bits()
}

/// A remainder or quotient of `x` by `y`: long division, a quotient word
/// per step, 1.1 ns per quotient word and divisor word measured (charged
/// 1.5); 20 to 27 ns per word of `x` when the quotient is short, as it
/// mostly is in a gcd (charged 30).
fn division_cost(x_bits: u64, y_bits: u64) -> u64 {
    let (x_words, y_words) = (x_bits / 64 + 1, y_bits / 64 + 1);
    let quotient_words = x_words.saturating_sub(y_words) + 1;
    3 * quotient_words * (y_words + 1) / 2 + 30 * x_words
}

/// The library's binary gcd of two operands of about `bits` bits: 0.8 ns
/// per bit and word measured from 16,384 bits up (0.7 steps per bit, each
/// over every word), 1.4 ns at 4,096 and relatively more below, where a
/// step's fixed cost shows: charged a nanosecond plus 25 per bit.
fn binary_gcd_cost(bits: u64) -> u64 {
    bits * (bits / 64 + 1 + 25)
}

/// A product: 0.95 ns per pair of words measured at 64 words, less above
/// (Karatsuba, Toom-3); charged a nanosecond.
fn product_cost(x_bits: u64, y_bits: u64) -> u64 {
    (x_bits / 64 + 1) * (y_bits / 64 + 1)
}

pub fn add_cost(a: &BigRational, b: &BigRational) -> u64 {
    let (an, ad, bn, bd) = (
        bits(a.numer()),
        bits(a.denom()),
        bits(b.numer()),
        bits(b.denom()),
    );
    if a.denom() == b.denom() {
        return an.max(bn) / 64 + 1;
    }
    product_cost(an, bd) + product_cost(bn, ad) + product_cost(ad, bd)
}

pub fn multiply_cost(a: &BigRational, b: &BigRational) -> u64 {
    let (an, ad, bn, bd) = (
        bits(a.numer()),
        bits(a.denom()),
        bits(b.numer()),
        bits(b.denom()),
    );
    product_cost(an, bn) + product_cost(ad, bd)
}

pub fn divide_cost(a: &BigRational, b: &BigRational) -> u64 {
    let (an, ad, bn, bd) = (
        bits(a.numer()),
        bits(a.denom()),
        bits(b.numer()),
        bits(b.denom()),
    );
    product_cost(an, bd) + product_cost(ad, bn)
}

/// Cost of the lcm of `a` and `b` once their gcd `g` is known: `a / g * b`.
pub fn lcm_cost(a: &BigInt, b: &BigInt, g: &BigInt) -> u64 {
    division_cost(bits(a), bits(g)) + product_cost(bits(a), bits(b))
}

/// Cost of `b^n` whose result has at least `bits` bits: squarings, the
/// last of half the result's words costing most; 0.21 to 0.28 ns per
/// squared result word measured from 60,000 bits, 0.46 at 12,000. Charged
/// 0.75 per squared word of the least size, which for base 3 is 63% of
/// the real one.
pub fn power_cost(bits: u64) -> u64 {
    let words = bits / 64 + 1;
    words * words * 3 / 4 + 50 * words
}

/// The exact `n`-th root of a rational, if it has one.
pub fn exact_root(r: &BigRational, n: u32) -> Option<BigRational> {
    if r.is_negative() && n.is_multiple_of(2) {
        return None;
    }
    let root = |i: &BigInt| {
        let candidate = i.nth_root(n);
        (candidate.pow(n) == *i).then_some(candidate)
    };
    Some(BigRational::new_raw(root(r.numer())?, root(r.denom())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    #[test]
    fn word_gcds() {
        for (a, b, g) in [
            (0, 0, 0),
            (0, 5, 5),
            (7, 0, 7),
            (1, 1 << 40, 1),
            (12, 18, 6),
            (1 << 63, 1 << 62, 1 << 62),
            (u64::MAX, u64::MAX - 1, 1),
            (
                3 * 5 * 7 * 11 * 13 * (1 << 20),
                5 * 13 * 17 * (1 << 7),
                5 * 13 * (1 << 7),
            ),
        ] {
            assert_eq!(gcd_u64(a, b), g, "gcd({a}, {b})");
            assert_eq!(gcd_u128(b.into(), a.into()), g.into(), "gcd({b}, {a})");
        }
    }

    #[test]
    fn gcds_spend_what_their_steps_cost() {
        let factorial = |n: u64| (1..=n).map(BigInt::from).product::<BigInt>();
        let mut budget = Budget::new(100_000);
        let g = gcd(&factorial(3000), &factorial(2999), &mut budget);
        assert_eq!(g, Some(factorial(2999)));
        assert!(budget.left() > 50_000, "one division, not a binary gcd");
        let word = |n: i64| BigInt::from(n);
        let g = gcd(&word(-12), &word(18), &mut Budget::new(1_000));
        assert_eq!(g, Some(word(6)));
        // Operands with no shortcut get the binary gcd, charged up front.
        let a = BigInt::from(3u8).pow(2000) + 2u8;
        let b = BigInt::from(5u8).pow(1300) + 1u8;
        assert_eq!(gcd(&a, &b, &mut Budget::new(100_000)), None);
        let g = gcd(&a, &b, &mut Budget::unlimited());
        assert_eq!(g, Some(a.gcd(&b)));
        assert_eq!(gcd(&a, &word(0), &mut Budget::new(0)), Some(a));
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
