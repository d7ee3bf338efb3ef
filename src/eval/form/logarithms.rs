//! Logarithms in other bases as exact forms. `log(x)`, `log2(x)`,
//! `log(x, b)` and `ln(x)/ln(y)` are all quotients N/D of sums of
//! logarithms, kept as `r + Σ k·ln(p)/D`: D scaled to its first
//! coefficient 1 and N less r·D, so that N has no term in D's first base.
//! When D's bases are primes, 1 and the ln(p)/D for the other primes are
//! linearly independent over the rationals (a relation among them is one
//! among D and the ln(p)), so equal values meet term by term:
//! log(2000) - log(2) - 3 is 0 and log(2)·ln(10) is ln(2).

use super::{Atom, Known, build, q};
use crate::eval::builtins::Builtin;
use crate::eval::number::{Budget, unmetered};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Zero};
use std::ops::Not;

/// `Σ k·ln(base)`: the terms of a form, every atom an `Ln`.
type Logs = Vec<(BigRational, Atom)>;

/// Every coefficient times k.
fn times(logs: &[(BigRational, Atom)], k: &BigRational) -> Logs {
    logs.iter()
        .map(|(j, a)| (unmetered::product(j, k), a.clone()))
        .collect()
}

/// `k·logs` as k and the logs over k (a first coefficient of 1), when they
/// are known not to be 0: logarithms of bases that share no factor are
/// linearly independent over the rationals.
fn scaled(logs: &[(BigRational, Atom)]) -> Option<(BigRational, Logs)> {
    for (i, (_, a)) in logs.iter().enumerate() {
        let Atom::Ln(b) = a else { return None };
        for (_, other) in &logs[i + 1..] {
            if let Atom::Ln(c) = other
                && !b.gcd(c).is_one()
            {
                return None;
            }
        }
    }
    let lead = &logs.first()?.0;
    Some((lead.clone(), times(logs, &lead.recip())))
}

/// x as k·N/D, N and D scaled sums of logarithms or absent (1): a
/// rational, a sum of logarithms, or `r + Σ k·ln(p)/D`, which is
/// (r·D + Σ k·ln p)/D. k multiplies c, or divides it with N and D
/// swapped when `inverted`.
fn quotient(x: &Known, c: &mut BigRational, inverted: bool) -> Option<[Option<Logs>; 2]> {
    let (r, terms) = x.parts();
    let (k, sums) = match terms.first() {
        None => (r.clone(), [None, None]),
        Some((_, Atom::LnOver(_, over))) => {
            let mut numerator = times(over, r);
            for (k, atom) in terms {
                match atom {
                    Atom::LnOver(base, d) if d == over => {
                        numerator.push((k.clone(), Atom::Ln(base.clone())))
                    }
                    _ => return None,
                }
            }
            let Known::Form(n) = build(BigRational::zero(), numerator, &mut Budget::unlimited())?
            else {
                return None;
            };
            let (k, n) = scaled(&n.terms)?;
            // D was scaled and found not 0 when this form was made.
            (k, [Some(n), Some(over.clone())])
        }
        Some(_) => {
            let (k, logs) = scaled(terms).filter(|_| r.is_zero())?;
            (k, [Some(logs), None])
        }
    };
    if !inverted {
        *c = unmetered::product(c, &k);
        return Some(sums);
    }
    *c = unmetered::quotient(c, &k.is_zero().not().then_some(k)?);
    let [n, d] = sums;
    Some([d, n])
}

/// A sum over itself is 1 (they are not 0).
fn cancel(up: &mut Option<Logs>, down: &mut Option<Logs>) {
    if up.is_some() && up == down {
        (*up, *down) = (None, None);
    }
}

/// `x·y`, or `x/y` when `dividing`, where both are quotients of sums of
/// logarithms and the result is one with at most one sum over at most
/// one: `ln(x)/ln(y)`, `log(2)*ln(10)` (ln 2), `log2(10)*log(2)` (1).
pub(super) fn combine(x: &Known, y: &Known, dividing: bool, budget: &mut Budget) -> Option<Known> {
    let mut c = BigRational::one();
    let [mut x_up, mut x_down] = quotient(x, &mut c, false)?;
    let [mut y_up, mut y_down] = quotient(y, &mut c, dividing)?;
    // Each side's own sums are not proportional: it would be rational.
    cancel(&mut x_up, &mut y_down);
    cancel(&mut y_up, &mut x_down);
    let ((up @ Some(_), None) | (None, up)) = (x_up, y_up) else {
        return None;
    };
    let ((down @ Some(_), None) | (None, down)) = (x_down, y_down) else {
        return None;
    };
    let Some(up) = up else {
        return down.is_none().then_some(Known::Rational(c));
    };
    let mut terms = times(&up, &c);
    let Some(down) = down else {
        return build(BigRational::zero(), terms, budget);
    };
    // N/D = r + (N - r·D)/D, r the coefficient of D's first base in N.
    let r = terms
        .iter()
        .find(|(_, a)| *a == down[0].1)
        .map_or_else(BigRational::zero, |(k, _)| k.clone());
    terms.extend(times(&down, &-&r));
    let mut over = Vec::new();
    for (k, atom) in build(BigRational::zero(), terms, budget)?.parts().1 {
        let Atom::Ln(base) = atom else { return None };
        over.push((k.clone(), Atom::LnOver(base.clone(), down.clone())));
    }
    build(r, over, budget)
}

/// `log(x)` (base 10) or `log2(x)`: ln(x) / ln(base), as `ln(x)/ln(y)` is.
pub(super) fn in_base(function: Builtin, x: &Known) -> Option<Known> {
    let ln_x = super::function(Builtin::Ln, x).ok()??;
    let ln_base = super::ln(&q(if function == Builtin::Log2 { 2 } else { 10 }, 1))?;
    combine(&ln_x, &ln_base, true, &mut Budget::unlimited())
}

/// The size in bits of `ln(base)/D`.
pub(super) fn bits(base: &BigInt, over: &Logs) -> u64 {
    let ln_bits = |a: &Atom| match a {
        Atom::Ln(b) => b.bits(),
        _ => 0,
    };
    base.bits()
        + over
            .iter()
            .map(|(k, a)| super::bits(k) + ln_bits(a))
            .sum::<u64>()
}

/// n as `root^k` for the largest such k: `ln(65537²)` is 2·ln(65537). n has
/// no prime factor below 1000, so a root above 1 has 10 bits or more.
pub(super) fn perfect_power(n: BigInt) -> (BigInt, u32) {
    let (mut root, mut power) = (n, 1);
    let mut k = 2;
    while u64::from(k) * 10 <= root.bits() {
        // Prime k only: a root that is no square is no fourth power.
        let r = (2..k).all(|d| k % d != 0).then(|| root.nth_root(k));
        match r {
            Some(r) if r.pow(k) == root => (root, power) = (r, power * k),
            _ => k += 1,
        }
    }
    (root, power)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rational(n: i64) -> Known {
        Known::Rational(q(n, 1))
    }

    #[test]
    fn quotients_take_out_the_first_base() {
        let log2000 = in_base(Builtin::Log, &rational(2000)).unwrap();
        let ten = vec![(q(1, 1), Atom::Ln(2.into())), (q(1, 1), Atom::Ln(5.into()))];
        let (c, terms) = log2000.parts();
        assert_eq!(*c, q(4, 1));
        assert_eq!(terms, [(q(-1, 1), Atom::LnOver(5.into(), ten))]);
        let log2 = in_base(Builtin::Log2, &rational(8)).unwrap();
        assert_eq!(log2, rational(3));
    }

    #[test]
    fn sums_that_may_be_zero_divide_nothing() {
        // ln(1009·1013) + ln 1019 - ln(1009·1019) - ln 1013 is 0, its bases
        // sharing factors: nothing is divided by it.
        let ln = |n: i64| Atom::Ln(n.into());
        let terms = vec![
            (q(-1, 1), ln(1013)),
            (q(1, 1), ln(1019)),
            (q(1, 1), ln(1009 * 1013)),
            (q(-1, 1), ln(1009 * 1019)),
        ];
        let zero = Known::Form(super::super::Form {
            constant: BigRational::zero(),
            terms,
        });
        let budget = &mut Budget::unlimited();
        assert_eq!(combine(&zero, &zero, true, budget), None);
        let ln2 = super::super::ln(&q(2, 1)).unwrap();
        assert_eq!(combine(&ln2, &zero, true, budget), None);
    }

    #[test]
    fn powers_of_large_factors_are_found() {
        let p = BigInt::from(1_000_003);
        assert_eq!(perfect_power(p.pow(6)), (p.clone(), 6));
        assert_eq!(
            perfect_power(p.pow(5) * 1_000_033),
            (p.pow(5) * 1_000_033, 1)
        );
    }
}
