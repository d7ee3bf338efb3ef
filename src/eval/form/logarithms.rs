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

/// `Σ k·ln(base)`: the terms of a form, every atom an `Ln`.
type Logs = Vec<(BigRational, Atom)>;

/// `c · ∏ numerators / ∏ denominators`, each a sum of logarithms with its
/// first coefficient 1 and known not to be 0.
type Quotient = (BigRational, Vec<Logs>, Vec<Logs>);

/// `k·logs` as a rational multiple and the logs scaled to their first
/// coefficient 1, when they are known not to be 0: logarithms of bases
/// that share no factor are linearly independent over the rationals.
fn scaled(logs: &[(BigRational, Atom)]) -> Option<(BigRational, Logs)> {
    let base = |atom: &Atom| match atom {
        Atom::Ln(b) => Some(b.clone()),
        _ => None,
    };
    let bases: Vec<BigInt> = logs.iter().map(|(_, a)| base(a)).collect::<Option<_>>()?;
    for (i, b) in bases.iter().enumerate() {
        if bases[i + 1..].iter().any(|c| !b.gcd(c).is_one()) {
            return None;
        }
    }
    let lead = logs.first()?.0.clone();
    let unit = logs
        .iter()
        .map(|(k, a)| (unmetered::product(k, &lead.recip()), a.clone()))
        .collect();
    Some((lead, unit))
}

/// x as a quotient: a rational, a sum of logarithms, or `r + Σ k·ln(p)/D`
/// (which is (r·D + Σ k·ln p)/D).
fn quotient(x: &Known) -> Option<Quotient> {
    let (c, terms) = x.parts();
    let Some((_, Atom::LnOver(_, over))) = terms.first() else {
        if terms.is_empty() {
            return Some((c.clone(), vec![], vec![]));
        }
        let (k, logs) = scaled(terms).filter(|_| c.is_zero())?;
        return Some((k, vec![logs], vec![]));
    };
    let mut numerator: Logs = over.iter().map(|(k, a)| (k * c, a.clone())).collect();
    for (k, atom) in terms {
        match atom {
            Atom::LnOver(base, d) if d == over => {
                numerator.push((k.clone(), Atom::Ln(base.clone())))
            }
            _ => return None,
        }
    }
    let Known::Form(n) = build(BigRational::zero(), numerator, &mut Budget::unlimited())? else {
        return None;
    };
    let (k, logs) = scaled(&n.terms)?;
    let (_, d) = scaled(over)?;
    Some((k, vec![logs], vec![d]))
}

/// `x·y`, or `x/y` when `dividing`, where both are quotients of sums of
/// logarithms and the result is one with at most one sum over at most
/// one: `ln(x)/ln(y)`, `log(2)*ln(10)` (ln 2), `log2(10)*log(2)` (1).
pub(super) fn combine(x: &Known, y: &Known, dividing: bool, budget: &mut Budget) -> Option<Known> {
    let (a, mut up, mut down) = quotient(x)?;
    let (mut b, mut y_up, mut y_down) = quotient(y)?;
    if dividing {
        if b.is_zero() {
            return None;
        }
        b = b.recip();
        std::mem::swap(&mut y_up, &mut y_down);
    }
    let c = super::product(&a, &b, budget)?;
    up.append(&mut y_up);
    down.append(&mut y_down);
    down.retain(|d| match up.iter().position(|u| u == d) {
        Some(i) => {
            up.remove(i);
            false
        }
        None => true,
    });
    let terms =
        |logs: &Logs, k: &BigRational| logs.iter().map(|(j, a)| (j * k, a.clone())).collect();
    match (up.as_slice(), down.as_slice()) {
        ([], []) => Some(Known::Rational(c)),
        ([n], []) => build(BigRational::zero(), terms(n, &c), budget),
        ([n], [d]) => {
            // N/D = r + (N - r·D)/D, r the coefficient of D's first base in N.
            let lead = &d[0].1;
            let r = n
                .iter()
                .find(|(_, a)| a == lead)
                .map_or_else(BigRational::zero, |(k, _)| k * &c);
            let mut rest: Logs = terms(n, &c);
            rest.extend(terms(d, &-&r));
            let rest = match build(BigRational::zero(), rest, budget)? {
                Known::Form(f) => f.terms,
                Known::Rational(_) => vec![],
            };
            let over = rest.into_iter().map(|(k, a)| match a {
                Atom::Ln(base) => (k, Atom::LnOver(base, d.clone())),
                other => (k, other),
            });
            build(r, over.collect(), budget)
        }
        _ => None,
    }
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
