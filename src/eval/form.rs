//! Exact forms of irrational values: a rational plus a sum of atoms with
//! rational coefficients. The atoms are radicals (products of primes to
//! fractional powers, so √2·√3 is √6 and ∛16 is 2∛2), π, logarithms (ln 4
//! is 2·ln 2), and functions of rationals (e^q, sin(1), asin(0.3)).
//!
//! A value reached by an irrational route can still be exact
//! (`sqrt(2)*sqrt(2)` is 2, `sin(pi/6)` is 1/2): carrying its form beside its
//! enclosure lets those be answered exactly. A form is a rational only when
//! its terms cancel, which is always right; terms that do not cancel leave
//! signs and digits to the enclosure, as e + π is not even known to be
//! irrational.

use super::builtins::Builtin;
use super::number::{self, Budget};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

mod logarithms;
mod products;

/// Largest size, in bits, of a form's numbers together; beyond it values go
/// on as enclosures alone.
const MAX_FORM_BITS: u64 = 4096;
/// Most terms a form keeps: a product of two sums has as many as both
/// together times each other.
const MAX_TERMS: usize = 32;
/// Highest root kept in a form.
const MAX_ROOT: u32 = 12;
/// Largest rational a whole power of a radical may give (`sqrt(2)^8000`).
const MAX_POWER_BITS: u64 = 1 << 16;
/// Trial division by the primes below 1000 leaves no composite below this.
const PRIME_BOUND: u64 = 1_000_000;
/// Longest form worth showing beside the decimals.
const MAX_TEXT_CHARS: usize = 64;

/// `base^(numerator/denominator)`, 0 < numerator < denominator in lowest terms.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Power {
    base: BigInt,
    numerator: u32,
    denominator: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Atom {
    /// A product of powers, bases ascending: primes, but for a factor left
    /// with no prime below 1000 (such a product may not be in lowest terms,
    /// so it may miss a cancellation, never claim a false one).
    Radical(Vec<Power>),
    Pi,
    /// `ln(base)`, base > 1: a prime, or a factor left with no prime below 1000.
    Ln(BigInt),
    /// `function(argument)` for an argument in radians, rational or a
    /// form, odd and even functions of one whose leading part is positive;
    /// `degrees` when the angle that asin, acos or atan gave was turned
    /// into degrees.
    Applied {
        function: Builtin,
        argument: Box<Known>,
        degrees: bool,
    },
    /// sin, cos or tan of m·π off the table, 0 < m < 1/2 (whole and half
    /// turns and reflections taken out, so sin(π/7 + 2π) is sin(π/7) and
    /// cos(6π/7) is -cos(π/7)).
    OfPi(Builtin, BigRational),
    /// `ln(base)/D` for D a sum of `Ln` terms, its first coefficient 1:
    /// logarithms in other bases (see `logarithms`).
    LnOver(BigInt, Vec<(BigRational, Atom)>),
    /// A product of two or more atoms, ascending (see `products`).
    Product(Vec<Atom>),
}

/// `constant + Σ coefficient·atom`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Form {
    constant: BigRational,
    /// Coefficients (not zero) and their atoms, ascending and distinct;
    /// never empty.
    terms: Vec<(BigRational, Atom)>,
}

/// A value known exactly: a rational, or an irrational in a form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Known {
    Rational(BigRational),
    Form(Form),
}

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(n.into(), d.into())
}

fn bits(r: &BigRational) -> u64 {
    r.numer().bits() + r.denom().bits()
}

fn sum(a: &BigRational, b: &BigRational, budget: &mut Budget) -> Option<BigRational> {
    budget.spend(number::add_cost(a, b))?;
    number::add(a, b, budget)
}

fn product(a: &BigRational, b: &BigRational, budget: &mut Budget) -> Option<BigRational> {
    budget.spend(number::multiply_cost(a, b))?;
    number::multiply(a, b, budget)
}

/// The size of an atom's numbers, in bits.
fn atom_bits(atom: &Atom) -> u64 {
    match atom {
        Atom::Radical(powers) => powers.iter().map(|p| p.base.bits()).sum(),
        Atom::Pi => 0,
        Atom::Ln(base) => base.bits(),
        Atom::Applied { argument, .. } => known_bits(argument) + 1,
        Atom::OfPi(_, argument) => bits(argument),
        Atom::Product(factors) => factors.iter().map(atom_bits).sum(),
        Atom::LnOver(base, over) => logarithms::bits(base, over),
    }
}

fn known_bits(x: &Known) -> u64 {
    match x {
        Known::Rational(r) => bits(r),
        Known::Form(f) => f.bits(),
    }
}

impl Known {
    fn parts(&self) -> (&BigRational, &[(BigRational, Atom)]) {
        match self {
            Known::Rational(r) => (r, &[]),
            Known::Form(f) => (&f.constant, &f.terms),
        }
    }

    pub fn into_form(self) -> Option<Form> {
        match self {
            Known::Form(f) => Some(f),
            Known::Rational(_) => None,
        }
    }

    /// The single term `coefficient·atom`, when that is all this is.
    fn single(&self) -> Option<(&BigRational, &Atom)> {
        match self.parts() {
            (c, [(k, atom)]) if c.is_zero() => Some((k, atom)),
            _ => None,
        }
    }

    /// m when this is m·π.
    fn pi_multiple(&self) -> Option<&BigRational> {
        match self {
            Known::Form(f) => f.pi_multiple(),
            Known::Rational(_) => None,
        }
    }
}

/// Sorts the terms, adds those of one atom and drops zeros; `None` when the
/// sum is too large to keep.
fn build(
    constant: BigRational,
    terms: Vec<(BigRational, Atom)>,
    budget: &mut Budget,
) -> Option<Known> {
    // Kept in order as they come, by binary search: the library's sort
    // costs kilobytes of binary.
    let mut merged: Vec<(BigRational, Atom)> = Vec::with_capacity(terms.len());
    for (k, atom) in terms {
        let (i, k) = match merged.binary_search_by(|(_, a)| a.cmp(&atom)) {
            Ok(i) => (i, k),
            Err(i) => {
                // A radicand with a large square factor is not factored, but
                // meets its reduced form here: √(1013²·7919) is 1013√7919.
                let alike = merged
                    .iter()
                    .enumerate()
                    .find_map(|(j, (_, a))| match (a, &atom) {
                        (Atom::Radical(x), Atom::Radical(y)) => Some((j, scaled(y, x)?)),
                        _ => None,
                    });
                let Some((j, w)) = alike else {
                    merged.insert(i, (k, atom));
                    continue;
                };
                (j, product(&k, &w, budget)?)
            }
        };
        merged[i].0 = sum(&merged[i].0, &k, budget)?;
    }
    merged.retain(|(k, _)| !k.is_zero());
    if merged.is_empty() {
        return Some(Known::Rational(constant));
    }
    let form = Form {
        constant,
        terms: merged,
    };
    if let Some(rewritten) = products::multiple_angles(&form, budget) {
        return rewritten;
    }
    form.fits().then_some(Known::Form(form))
}

impl Form {
    /// m when this is m·π.
    pub fn pi_multiple(&self) -> Option<&BigRational> {
        match (self.constant.is_zero(), self.terms.as_slice()) {
            (true, [(m, Atom::Pi)]) => Some(m),
            _ => None,
        }
    }

    pub fn pi(multiple: BigRational) -> Known {
        if multiple.is_zero() {
            return Known::Rational(multiple);
        }
        term(multiple, Atom::Pi)
    }

    /// A single multiple of π, e^q or f(q) is as large as the evaluator's
    /// rationals may be (`pi*10^1000`), but for an argument beyond 2^16
    /// bits; sums, products and radicals are bounded.
    fn fits(&self) -> bool {
        if let [(_, atom)] = self.terms.as_slice()
            && self.constant.is_zero()
            && !matches!(atom, Atom::Radical(_) | Atom::Product(_))
            && atom_bits(atom) <= MAX_POWER_BITS
        {
            return true;
        }
        self.terms.len() <= MAX_TERMS && self.bits() <= MAX_FORM_BITS
    }

    /// The size of the form's numbers together, in bits.
    fn bits(&self) -> u64 {
        bits(&self.constant)
            + self
                .terms
                .iter()
                .map(|(k, atom)| bits(k) + atom_bits(atom))
                .sum::<u64>()
    }

    pub fn negated(&self) -> Form {
        Form {
            constant: -&self.constant,
            terms: self.terms.iter().map(|(k, a)| (-k, a.clone())).collect(),
        }
    }

    /// `q` when this is `function(q)` (an angle in radians for asin, acos,
    /// atan); `-function(q)` is `function(-q)` for the odd ones.
    fn argument_of(&self, inverse: Builtin) -> Option<Known> {
        let [(k, atom)] = self.terms.as_slice() else {
            return None;
        };
        let Atom::Applied {
            function,
            argument,
            degrees: false,
        } = atom
        else {
            return None;
        };
        if !self.constant.is_zero() || *function != inverse {
            return None;
        }
        if k.is_one() {
            Some((**argument).clone())
        } else if (-k).is_one() && odd(inverse) {
            Some(negate(argument))
        } else {
            None
        }
    }

    /// `q` when this is e^q.
    pub fn exp_argument(&self) -> Option<BigRational> {
        match self.argument_of(Builtin::Exp)? {
            Known::Rational(q) => Some(q),
            Known::Form(_) => None,
        }
    }

    /// Whether the value is known to be irrational: a sum of radicals of
    /// primes (they are linearly independent over the rationals with 1),
    /// a sum of logarithms of primes (the log of an algebraic number other
    /// than 1, plus a rational), or one transcendental term plus a rational
    /// (q·π, e^q, asin(q), sin(q) and the like for rational q ≠ 0). An
    /// angle turned into degrees, asin(q)·180/π, is not known to be.
    pub fn known_irrational(&self) -> bool {
        let prime = |n: &BigInt| n.to_u64().is_some_and(|n| n < PRIME_BOUND);
        if self.terms.iter().all(|(_, a)| match a {
            Atom::Radical(powers) => powers.iter().all(|p| prime(&p.base)),
            _ => false,
        }) {
            return true;
        }
        if self
            .terms
            .iter()
            .all(|(_, a)| matches!(a, Atom::Ln(b) if prime(b)))
        {
            return true;
        }
        match self.terms.as_slice() {
            [(_, Atom::Pi)] => true,
            [
                (
                    _,
                    Atom::Applied {
                        degrees, argument, ..
                    },
                ),
            ] => !degrees && matches!(**argument, Known::Rational(_)),
            _ => false,
        }
    }

    /// The form as a person writes it (`2√2`, `√2 - 1`, `(√6 - √2)/4`,
    /// `3π/4`), for the forms worth showing beside their decimals: a
    /// positive rational first, then the positive terms, the negative ones
    /// and a negative rational; over their denominator when all share it.
    pub fn text(&self) -> Option<String> {
        type Item<'a> = ((u8, u32, BigInt), &'a BigRational, String);
        let mut items: Vec<Item> = Vec::new();
        let constant = (!self.constant.is_zero()).then_some((&self.constant, None));
        let terms = self.terms.iter().map(|(k, a)| (k, Some(a)));
        for (k, atom) in terms.chain(constant) {
            let (degree, n, symbol) = match atom {
                None => (0, BigInt::zero(), String::new()),
                Some(Atom::Radical(powers)) => {
                    let (n, degree) = radicand(powers)?;
                    let sign = ["√", "∛", "∜"].get(degree as usize - 2)?;
                    let symbol = format!("{sign}{n}");
                    (degree, n, symbol)
                }
                Some(Atom::Pi) => (u32::MAX, BigInt::zero(), "π".into()),
                _ => return None,
            };
            let group = match (atom, k.is_negative()) {
                (None, false) => 0,
                (Some(_), false) => 1,
                (Some(_), true) => 2,
                (None, true) => 3,
            };
            let key = (group, degree, n);
            let at = items.partition_point(|item| item.0 < key);
            items.insert(at, (key, k, symbol));
        }
        let denominator = items[0].1.denom();
        let common = items.len() > 1
            && !denominator.is_one()
            && items.iter().all(|(_, k, _)| k.denom() == denominator);
        let mut text = String::new();
        for (i, (_, k, symbol)) in items.iter().enumerate() {
            let k = if common {
                BigRational::from_integer(k.numer().clone())
            } else {
                (*k).clone()
            };
            let piece = if symbol.is_empty() {
                super::format::fraction(&k)
            } else {
                multiple(&k, symbol)
            };
            if i > 0 {
                text.push_str(if k.is_negative() { " - " } else { " + " });
                text.push_str(piece.trim_start_matches('-'));
            } else {
                text.push_str(&piece);
            }
        }
        if common {
            text = format!("({text})/{denominator}");
        }
        (text.chars().count() <= MAX_TEXT_CHARS).then_some(text)
    }
}

/// `n` and `k` with `∏ base^(numerator/denominator) = ᵏ√n`, when n is of a
/// size worth writing out.
fn radicand(powers: &[Power]) -> Option<(BigInt, u32)> {
    let degree = powers
        .iter()
        .fold(1u32, |l, p| l.lcm(&p.denominator))
        .min(MAX_ROOT + 1);
    let mut n = BigInt::one();
    for p in powers {
        let exponent = p.numerator * (degree / p.denominator);
        if p.base.bits() * u64::from(exponent) > MAX_FORM_BITS {
            return None;
        }
        n *= p.base.pow(exponent);
    }
    (n.bits() <= MAX_FORM_BITS && degree <= MAX_ROOT).then_some((n, degree))
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

/// `x + y` when the sum keeps a form.
pub fn add(x: &Known, y: &Known, budget: &mut Budget) -> Option<Known> {
    let ((c, xs), (d, ys)) = (x.parts(), y.parts());
    let terms = xs.iter().chain(ys).cloned().collect();
    build(sum(c, d, budget)?, terms, budget)
}

/// `-x`.
pub fn negate(x: &Known) -> Known {
    match x {
        Known::Rational(r) => Known::Rational(-r),
        Known::Form(f) => Known::Form(f.negated()),
    }
}

/// `x - y` when the difference keeps a form: 0 for equal values whatever
/// their form (`e - e`).
pub fn subtract(x: &Known, y: &Known, budget: &mut Budget) -> Option<Known> {
    if x == y {
        return Some(Known::Rational(BigRational::zero()));
    }
    add(x, &negate(y), budget)
}

/// w when the radical x is w·y: alike but for one base, the ratio of the
/// two a perfect power (found by `root`, so bounded by the forms' size).
fn scaled(x: &[Power], y: &[Power]) -> Option<BigRational> {
    let mut w = None;
    if x.len() != y.len() {
        return None;
    }
    for (a, b) in x.iter().zip(y) {
        if a == b {
            continue;
        }
        if w.is_some() || (a.numerator, a.denominator) != (b.numerator, b.denominator) {
            return None;
        }
        let ratio = BigRational::new(a.base.clone(), b.base.clone());
        let Known::Rational(r) = root(&ratio, a.denominator)? else {
            return None;
        };
        w = Some(number::unmetered::power(&r, a.numerator));
    }
    w
}

/// The product of two radicals: an integer taken out, and what stays under roots.
fn radical_product(x: &[Power], y: &[Power]) -> (BigInt, Vec<Power>) {
    let mut factor = BigInt::one();
    let mut powers = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        let order = match (x.get(i), y.get(j)) {
            (Some(a), Some(b)) => a.base.cmp(&b.base),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => {
                powers.push(x[i].clone());
                i += 1;
            }
            Ordering::Greater => {
                powers.push(y[j].clone());
                j += 1;
            }
            Ordering::Equal => {
                let (a, b) = (&x[i], &y[j]);
                let denominator = a.denominator.lcm(&b.denominator);
                let numerator = a.numerator * (denominator / a.denominator)
                    + b.numerator * (denominator / b.denominator);
                if numerator >= denominator {
                    factor *= &a.base;
                }
                let rest = numerator % denominator;
                if rest > 0 {
                    let g = rest.gcd(&denominator);
                    powers.push(Power {
                        base: a.base.clone(),
                        numerator: rest / g,
                        denominator: denominator / g,
                    });
                }
                i += 1;
                j += 1;
            }
        }
    }
    (factor, powers)
}

/// `x · y` when the product keeps a form: every pair of terms must
/// multiply into a term (radicals, powers of e) or one side be rational.
pub fn multiply(x: &Known, y: &Known, budget: &mut Budget) -> Option<Known> {
    if let Some(k) = logarithms::combine(x, y, false, budget) {
        return Some(k);
    }
    let ((c, xs), (d, ys)) = (x.parts(), y.parts());
    budget.spend(1000 * ((xs.len() + 1) * (ys.len() + 1)) as u64)?;
    let mut constant = product(c, d, budget)?;
    let mut terms = Vec::new();
    if !d.is_zero() {
        for (a, atom) in xs {
            terms.push((product(a, d, budget)?, atom.clone()));
        }
    }
    if !c.is_zero() {
        for (b, atom) in ys {
            terms.push((product(c, b, budget)?, atom.clone()));
        }
    }
    for (a, p) in xs {
        for (b, q) in ys {
            let ab = product(a, b, budget)?;
            for (factor, atom) in products::product(p, q, budget)? {
                let k = product(&ab, &factor, budget)?;
                match atom {
                    Some(atom) => terms.push((k, atom)),
                    None => constant = sum(&constant, &k, budget)?,
                }
            }
        }
    }
    build(constant, terms, budget)
}

/// `1 / x` when it keeps a form; `x` is not zero.
fn reciprocal(x: &Known, budget: &mut Budget) -> Option<Known> {
    let (c, xs) = x.parts();
    if xs.is_empty() {
        return Some(Known::Rational(c.recip()));
    }
    let Some((k, atom)) = x.single() else {
        return conjugate_reciprocal(x, budget);
    };
    let (factor, atom) = match atom {
        Atom::Radical(powers) => {
            // 1/∏ p^e = ∏ p^(1-e) / ∏ p
            let mut whole = BigInt::one();
            let inverse = powers
                .iter()
                .map(|p| {
                    whole *= &p.base;
                    Power {
                        base: p.base.clone(),
                        numerator: p.denominator - p.numerator,
                        denominator: p.denominator,
                    }
                })
                .collect();
            (
                BigRational::new(BigInt::one(), whole),
                Atom::Radical(inverse),
            )
        }
        Atom::Applied {
            function: Builtin::Exp,
            argument,
            ..
        } => (BigRational::one(), exp_atom(negate(argument))),
        _ => return None,
    };
    let k = product(&k.recip(), &factor, budget)?;
    build(BigRational::zero(), vec![(k, atom)], budget)
}

/// `1/x` for a sum of square roots: x and 1 are multiplied by x's
/// conjugate over one square root (A - B√p for x = A + B√p, A and B free
/// of √p), which leaves A² - pB², free of √p; until x is rational.
fn conjugate_reciprocal(x: &Known, budget: &mut Budget) -> Option<Known> {
    let mut numerator = Known::Rational(BigRational::one());
    let mut denominator = x.clone();
    loop {
        let (c, terms) = denominator.parts();
        let Some((_, first)) = terms.first() else {
            // A zero here means x or a conjugate was 0: no form.
            return (!c.is_zero())
                .then(|| multiply(&numerator, &Known::Rational(c.recip()), budget))
                .flatten();
        };
        let square_roots = |atom: &Atom| matches!(atom, Atom::Radical(powers) if powers.iter().all(|p| p.denominator == 2));
        if !terms.iter().all(|(_, atom)| square_roots(atom)) {
            return None;
        }
        let Atom::Radical(powers) = first else {
            return None;
        };
        let base = powers[0].base.clone();
        let conjugate = Known::Form(Form {
            constant: c.clone(),
            terms: terms
                .iter()
                .map(|(k, atom)| match atom {
                    Atom::Radical(powers) if powers.iter().any(|p| p.base == base) => {
                        (-k, atom.clone())
                    }
                    _ => (k.clone(), atom.clone()),
                })
                .collect(),
        });
        numerator = multiply(&numerator, &conjugate, budget)?;
        denominator = multiply(&denominator, &conjugate, budget)?;
    }
}

/// r when x = r·y term by term (`tau/pi`, `ln(4)/ln(8)`).
fn proportion(x: &Known, y: &Known, budget: &mut Budget) -> Option<BigRational> {
    let ((c, xs), (d, ys)) = (x.parts(), y.parts());
    if xs.is_empty() || xs.len() != ys.len() {
        return None;
    }
    let ratio = product(&xs[0].0, &ys[0].0.recip(), budget)?;
    if product(d, &ratio, budget)? != *c {
        return None;
    }
    for ((a, p), (b, q)) in xs.iter().zip(ys) {
        if p != q || product(b, &ratio, budget)? != *a {
            return None;
        }
    }
    Some(ratio)
}

/// `x / y` when the quotient keeps a form; `y` is not an exact 0. Equal
/// values give 1 whatever their form (`e / e`), and proportional ones their
/// ratio, where y is known not to be 0: a sum of atoms may be one in
/// disguise (atan(1/2) + atan(1/3) - π/4).
pub fn divide(x: &Known, y: &Known, budget: &mut Budget) -> Option<Known> {
    quotient(x, y, false, budget)
}

/// `x / y` as `divide`, where `nonzero` tells that y is known not to be 0
/// (by its enclosure).
pub fn quotient(x: &Known, y: &Known, nonzero: bool, budget: &mut Budget) -> Option<Known> {
    if let Some(k) = logarithms::combine(x, y, true, budget) {
        return Some(k);
    }
    let nonzero = nonzero
        || match y {
            Known::Rational(r) => !r.is_zero(),
            // One term is never 0 where its atom is not.
            Known::Form(f) => {
                y.single().is_some_and(|(_, a)| products::nonzero(a)) || f.known_irrational()
            }
        };
    if nonzero && x == y {
        return Some(Known::Rational(BigRational::one()));
    }
    if let Some(ratio) = proportion(x, y, budget).filter(|_| nonzero) {
        return Some(Known::Rational(ratio));
    }
    multiply(x, &reciprocal(y, budget)?, budget)
}

/// `x^k`: e^q to any rational power; a radical term to a whole power
/// while its rational part stays of modest size; other sums to whole
/// powers up to 64.
pub fn power(x: &Known, k: &BigRational, budget: &mut Budget) -> Option<Known> {
    if let Known::Form(f) = x
        && let Some(q) = f.argument_of(Builtin::Exp)
    {
        return multiply(&q, &Known::Rational(k.clone()), budget).map(|x| exp_of(&x));
    }
    if !k.is_integer() {
        return None;
    }
    let n = k.numer().to_i64()?;
    if let Some((a, Atom::Radical(powers))) = x.single() {
        return radical_power(a, powers, n, budget);
    }
    if n.unsigned_abs() > 64 {
        return None;
    }
    let mut square = if n < 0 {
        reciprocal(x, budget)?
    } else {
        x.clone()
    };
    let mut result = Known::Rational(BigRational::one());
    let mut e = n.unsigned_abs();
    while e > 0 {
        if e & 1 == 1 {
            result = multiply(&result, &square, budget)?;
        }
        e >>= 1;
        if e > 0 {
            square = multiply(&square, &square, budget)?;
        }
    }
    Some(result)
}

/// `x^y` for x > 0 and y in a form: e^(y·ln x).
pub fn positive_power(x: &Known, y: &Known, budget: &mut Budget) -> Option<Known> {
    let ln = function(Builtin::Ln, x).ok()??;
    Some(exp_of(&multiply(&ln, y, budget)?))
}

/// `(a·∏ p^e)^n`, its size bounded before it is built.
fn radical_power(a: &BigRational, powers: &[Power], n: i64, budget: &mut Budget) -> Option<Known> {
    let e = n.unsigned_abs();
    let mut size = e.checked_mul(bits(a))?;
    for p in powers {
        let whole = e.checked_mul(u64::from(p.numerator))? / u64::from(p.denominator);
        size = size.checked_add(whole.checked_mul(p.base.bits())?)?;
    }
    if size > MAX_POWER_BITS {
        return None;
    }
    budget.spend((size / 64 + 1).pow(2))?;
    let mut whole_part = BigInt::one();
    let mut rest = Vec::new();
    for p in powers {
        let total = e * u64::from(p.numerator);
        let denominator = u64::from(p.denominator);
        whole_part *= p.base.pow((total / denominator) as u32);
        let left = total % denominator;
        if left > 0 {
            let g = left.gcd(&denominator);
            rest.push(Power {
                base: p.base.clone(),
                numerator: (left / g) as u32,
                denominator: (denominator / g) as u32,
            });
        }
    }
    let k = number::unmetered::product(
        &number::unmetered::power(a, e as u32),
        &BigRational::from_integer(whole_part),
    );
    let result = if rest.is_empty() {
        Known::Rational(k)
    } else {
        build(BigRational::zero(), vec![(k, Atom::Radical(rest))], budget)?
    };
    if n < 0 {
        reciprocal(&result, budget)
    } else {
        Some(result)
    }
}

fn exp_atom(argument: Known) -> Atom {
    Atom::Applied {
        function: Builtin::Exp,
        argument: Box::new(argument),
        degrees: false,
    }
}

/// `e^q`: 1 for q = 0, otherwise the form.
pub fn exp(argument: &BigRational) -> Known {
    exp_known(Known::Rational(argument.clone()))
}

/// `e^x`: 1 for x = 0, otherwise the form.
fn exp_known(argument: Known) -> Known {
    if argument == Known::Rational(BigRational::zero()) {
        return Known::Rational(BigRational::one());
    }
    term(BigRational::one(), exp_atom(argument))
}

/// The prime factors of n below 1000 with their exponents, and the factor
/// left with none (a prime when below 10^6).
fn small_factors(n: &BigInt) -> (Vec<(u32, u32)>, BigInt) {
    let mut factors = Vec::new();
    let mut rest = n.clone();
    let mut p = 2u32;
    while p < 1000 {
        let mut k = 0;
        // A word, as most are: the same steps without big numbers.
        if let Some(mut word) = rest.to_u64() {
            if u64::from(p) * u64::from(p) > word {
                break;
            }
            while word.is_multiple_of(u64::from(p)) {
                word /= u64::from(p);
                k += 1;
            }
            rest = word.into();
        } else {
            let prime = BigInt::from(p);
            while rest.is_multiple_of(&prime) {
                rest /= &prime;
                k += 1;
            }
        }
        if k > 0 {
            factors.push((p, k));
        }
        p += if p == 2 { 1 } else { 2 };
    }
    (factors, rest)
}

/// The n-th root of r (n from 2 to 12; r > 0 for even n) as a rational or
/// a radical term, roots of whole powers taken out: `root(8, 2)` is 2√2.
pub fn root(r: &BigRational, n: u32) -> Option<Known> {
    if r.is_zero() || !(2..=MAX_ROOT).contains(&n) || (r.is_negative() && n.is_multiple_of(2)) {
        return None;
    }
    // (u/v)^(1/n) = (u·v^(n-1))^(1/n) / v
    let (u, v) = (r.numer().abs(), r.denom());
    if u.bits() + u64::from(n - 1) * v.bits() > MAX_FORM_BITS {
        return None;
    }
    let (factors, rest) = small_factors(&(u * v.pow(n - 1)));
    let mut outside = BigInt::one();
    let mut powers = Vec::new();
    for (p, k) in factors {
        outside *= BigInt::from(p).pow(k / n);
        let left = k % n;
        if left > 0 {
            let g = left.gcd(&n);
            powers.push(Power {
                base: p.into(),
                numerator: left / g,
                denominator: n / g,
            });
        }
    }
    if !rest.is_one() {
        // √(2·1013²) is 1013√2: a power of a large factor comes out too.
        let whole = rest.nth_root(n);
        if whole.pow(n) == rest {
            outside *= whole;
        } else {
            powers.push(Power {
                base: rest,
                numerator: 1,
                denominator: n,
            });
        }
    }
    let sign = if r.is_negative() { -1 } else { 1 };
    let k = BigRational::new(outside * sign, v.clone());
    if powers.is_empty() {
        return Some(Known::Rational(k));
    }
    build(
        BigRational::zero(),
        vec![(k, Atom::Radical(powers))],
        &mut Budget::unlimited(),
    )
}

/// √(a + b√c) as √x ± √y where that holds: (√x ± √y)² is x + y ± 2√(xy),
/// so x + y = a and 4xy = b²c, and x, y = (a ± d)/2 for d² = a² − b²c a
/// rational square. a > 0 makes x and y positive.
fn denested_square_root(f: &Form) -> Option<Known> {
    let a = &f.constant;
    let [(b, Atom::Radical(powers))] = f.terms.as_slice() else {
        return None;
    };
    if !a.is_positive() || bits(a) + bits(b) > MAX_FORM_BITS / 4 {
        return None;
    }
    let mut c = BigInt::one();
    for p in powers {
        if p.denominator != 2 {
            return None;
        }
        c *= &p.base;
    }
    let square = a * a - b * b * BigRational::from_integer(c);
    let Known::Rational(d) = root(&square, 2)? else {
        return None;
    };
    let two = BigRational::from_integer(2.into());
    let x = root(&((a + &d) / &two), 2)?;
    let y = root(&((a - &d) / &two), 2)?;
    let y = if b.is_negative() { negate(&y) } else { y };
    add(&x, &y, &mut Budget::unlimited())
}

/// `ln r` for r > 0 as a sum of logarithms of its factors: ln 12 is
/// 2·ln 2 + ln 3.
fn ln(r: &BigRational) -> Option<Known> {
    if bits(r) > MAX_FORM_BITS {
        return None;
    }
    let mut terms = Vec::new();
    for (n, sign) in [(r.numer(), 1), (r.denom(), -1)] {
        let (factors, rest) = small_factors(n);
        for (p, k) in factors {
            terms.push((q(sign * i64::from(k), 1), Atom::Ln(p.into())));
        }
        if !rest.is_one() {
            let (root, k) = logarithms::perfect_power(rest);
            terms.push((q(sign * i64::from(k), 1), Atom::Ln(root)));
        }
    }
    build(BigRational::zero(), terms, &mut Budget::unlimited())
}

/// `ln x` for x a form: ln(e^q) = q, and the logarithm of a radical term
/// is a sum of logarithms.
fn ln_of_form(x: &Known) -> Option<Known> {
    if let Known::Form(f) = x
        && let Some(q) = f.argument_of(Builtin::Exp)
    {
        return Some(q);
    }
    let (k, Atom::Radical(powers)) = x.single()? else {
        return None;
    };
    if !k.is_positive() {
        return None;
    }
    let mut budget = Budget::unlimited();
    let mut total = ln(k)?;
    for p in powers {
        let part = ln(&BigRational::from_integer(p.base.clone()))?;
        let exponent = q(p.numerator.into(), p.denominator.into());
        let part = multiply(&part, &Known::Rational(exponent), &mut budget)?;
        total = add(&total, &part, &mut budget)?;
    }
    Some(total)
}

/// `e^x` for x a sum of logarithms: a rational or a radical (e^(ln 2 / 2) is √2).
fn exp_of_logs(x: &Form) -> Option<Known> {
    if !x.constant.is_zero() {
        return None;
    }
    let mut budget = Budget::unlimited();
    let mut result = Known::Rational(BigRational::one());
    for (k, atom) in &x.terms {
        let Atom::Ln(base) = atom else { return None };
        let denominator = k.denom().to_u32().filter(|d| *d <= MAX_ROOT)?;
        let whole = k.numer().div_floor(k.denom()).to_i64()?;
        if whole.unsigned_abs().checked_mul(base.bits())? > MAX_POWER_BITS {
            return None;
        }
        let b = BigRational::from_integer(base.clone());
        let mut factor = Known::Rational(if whole < 0 {
            number::unmetered::power(&b, whole.unsigned_abs() as u32).recip()
        } else {
            number::unmetered::power(&b, whole as u32)
        });
        let left = (k.numer().mod_floor(k.denom())).to_u32()?;
        if left > 0 {
            let g = left.gcd(&denominator);
            let radical = term(
                BigRational::one(),
                Atom::Radical(vec![Power {
                    base: base.clone(),
                    numerator: left / g,
                    denominator: denominator / g,
                }]),
            );
            factor = multiply(&factor, &radical, &mut budget)?;
        }
        result = multiply(&result, &factor, &mut budget)?;
    }
    Some(result)
}

/// Whether f(-x) = -f(x).
fn odd(function: Builtin) -> bool {
    use Builtin::*;
    matches!(
        function,
        Sin | Tan | Asin | Atan | Sinh | Tanh | Asinh | Atanh | Cbrt
    )
}

/// `function(x)` for x ≠ 0 as an atom: odd functions take the sign out
/// and even ones drop it, so sin(-1) is -sin(1) and cos(-√2) is cos(√2);
/// a form's sign here is that of its rational, or else of its first term.
fn applied(function: Builtin, x: &Known) -> Option<Known> {
    let (c, terms) = x.parts();
    let leading = if c.is_zero() { &terms.first()?.0 } else { c };
    let flip = leading.is_negative() && (odd(function) || function == Builtin::Cos);
    let atom = Atom::Applied {
        function,
        argument: Box::new(if flip { negate(x) } else { x.clone() }),
        degrees: false,
    };
    Some(term(q(if flip && odd(function) { -1 } else { 1 }, 1), atom))
}

/// e^x: a rational or radical for a sum of logarithms, else an atom.
fn exp_of(x: &Known) -> Known {
    match x {
        Known::Rational(r) => exp(r),
        Known::Form(f) => exp_of_logs(f).unwrap_or_else(|| exp_known(x.clone())),
    }
}

/// sinh x and cosh x as (e^x ∓ e^-x)/2, so that cosh² - sinh² is 1.
fn hyperbolic(function: Builtin, x: &Known) -> Option<Known> {
    let budget = &mut Budget::unlimited();
    let mut inverse = exp_of(&negate(x));
    if function == Builtin::Sinh {
        inverse = negate(&inverse);
    }
    let sum = add(&exp_of(x), &inverse, budget)?;
    multiply(&sum, &Known::Rational(q(1, 2)), budget)
}

/// `k·atom`.
fn term(k: BigRational, atom: Atom) -> Known {
    Known::Form(Form {
        constant: BigRational::zero(),
        terms: vec![(k, atom)],
    })
}

/// What a function gives for an argument in a form, or for a rational
/// argument where the answer has a form; `None` leaves it to the float
/// library. `Err` carries a domain error's reason.
/// Angles are in radians.
pub fn function(function: Builtin, x: &Known) -> Result<Option<Known>, &'static str> {
    use Builtin::*;
    if let (Sin | Cos | Tan, Some(m)) = (function, x.pi_multiple()) {
        return trigonometric_of_pi_multiple(function, m);
    }
    // sin(q + kπ) for whole k is ±sin(q): sin(1 + 2π) is sin(1).
    if let (Sin | Cos | Tan, Known::Form(f)) = (function, x)
        && let [(k, Atom::Pi)] = f.terms.as_slice()
        && k.is_integer()
    {
        let flip = k.numer().is_odd() && function != Tan;
        let constant = Known::Rational(f.constant.clone());
        return Ok(applied(function, &constant).map(|s| if flip { negate(&s) } else { s }));
    }
    Ok(match (function, x) {
        (Sin, Known::Form(f)) => f.argument_of(Asin).or_else(|| applied(function, x)),
        (Cos, Known::Form(f)) => f.argument_of(Acos).or_else(|| applied(function, x)),
        (Tan, Known::Form(f)) => f.argument_of(Atan).or_else(|| applied(function, x)),
        (Asin | Acos | Atan, Known::Rational(r)) => {
            inverse_of_rational(function, r).or_else(|| applied(function, x))
        }
        (Sinh | Cosh, _) => hyperbolic(function, x),
        (Exp, _) => Some(exp_of(x)),
        (Ln, Known::Rational(r)) if r.is_one() => Some(Known::Rational(BigRational::zero())),
        (Ln, Known::Rational(r)) if r.is_positive() => ln(r),
        (Ln, Known::Form(_)) => ln_of_form(x).or_else(|| applied(function, x)),
        (Log | Log2, _) => logarithms::in_base(function, x),
        (Sqrt, Known::Rational(r)) if r.is_positive() => root(r, 2),
        (Sqrt, Known::Form(f)) => denested_square_root(f).or_else(|| applied(function, x)),
        (Cbrt, Known::Rational(r)) if !r.is_zero() => root(r, 3),
        (Sin | Cos | Tan | Tanh | Asinh | Acosh | Atanh | Asin | Acos | Atan | Sqrt | Cbrt, _) => {
            applied(function, x)
        }
        _ => None,
    })
}

/// sin, cos or tan of m·π: rational or a sum of square roots for every
/// multiple of π/12 (15°), and tan of every multiple of π/24 as
/// sin 2x / (1 + cos 2x); others are left to the float library.
fn trigonometric_of_pi_multiple(
    function: Builtin,
    m: &BigRational,
) -> Result<Option<Known>, &'static str> {
    let sine = |shift| sine_of_pi_multiple(m, shift);
    let budget = &mut Budget::unlimited();
    // m = k + r, 0 ≤ r < 1, and r > 1/2 turned to 1 - r: each a sign.
    let k = number::floor(m);
    let mut r = number::unmetered::sum(m, &BigRational::from_integer(-&k));
    let mut negative = k.is_odd() && function != Builtin::Tan;
    if r > q(1, 2) {
        r = number::unmetered::sum(&q(1, 1), &-r);
        negative ^= function != Builtin::Sin;
    }
    let sign = if negative { -1 } else { 1 };
    // Of π/10 and π/5, those in √5 alone: sin(π/10) is (√5 - 1)/4.
    let fifths = [
        (Builtin::Sin, 10, -1),
        (Builtin::Sin, 10, 3),
        (Builtin::Cos, 5, 1),
        (Builtin::Cos, 5, -2),
    ];
    let atom = fifths
        .iter()
        .find(|(f, d, n)| *f == function && r == q(n.abs(), *d))
        .and_then(|(_, _, n)| {
            let root5 = Atom::Radical(vec![Power {
                base: 5.into(),
                numerator: 1,
                denominator: 2,
            }]);
            build(q(sign * n.signum(), 4), vec![(q(sign, 4), root5)], budget)
        })
        .unwrap_or_else(|| term(q(sign, 1), Atom::OfPi(function, r)));
    Ok(Some(
        match function {
            Builtin::Sin => sine(0),
            Builtin::Cos => sine(6),
            _ => match (sine(0), sine(6)) {
                (_, Some(Known::Rational(c))) if c.is_zero() => {
                    return Err("tan is undefined at odd multiples of π/2 (90°)");
                }
                (Some(s), Some(c)) => divide(&s, &c, budget),
                // cos x is not 0 here, so neither is 1 + cos 2x = 2cos²x.
                _ => {
                    let double = number::unmetered::product(m, &q(2, 1));
                    let one = Known::Rational(BigRational::one());
                    sine_of_pi_multiple(&double, 0)
                        .zip(sine_of_pi_multiple(&double, 6))
                        .and_then(|(s, c)| divide(&s, &add(&one, &c, budget)?, budget))
                }
            },
        }
        .unwrap_or(atom),
    ))
}

/// m·k when k is whole, taken mod `modulus`.
fn whole_multiple(m: &BigRational, k: i64, shift: i64, modulus: i64) -> Option<i64> {
    let multiple = number::unmetered::product(m, &q(k, 1));
    if !multiple.is_integer() {
        return None;
    }
    (multiple.numer() + shift)
        .mod_floor(&BigInt::from(modulus))
        .to_i64()
}

/// `(c + a·√2 + b·√3 + d·√6) / 4` for the table's [c, a, b, d].
fn quarter_surds(table: [i8; 4]) -> Option<Known> {
    let root = |n: u32| Power {
        base: n.into(),
        numerator: 1,
        denominator: 2,
    };
    let atoms = [vec![root(2)], vec![root(3)], vec![root(2), root(3)]];
    let terms = atoms
        .into_iter()
        .zip(&table[1..])
        .map(|(powers, k)| (q((*k).into(), 4), Atom::Radical(powers)))
        .collect();
    build(q(table[0].into(), 4), terms, &mut Budget::unlimited())
}

/// sin((m + shift/12)·π) where m is a multiple of π/12 (15°): rational or
/// a sum of √2, √3 and √6, as [c, a, b, d] for (c + a√2 + b√3 + d√6)/4.
fn sine_of_pi_multiple(m: &BigRational, shift: i64) -> Option<Known> {
    const SINES: [[i8; 4]; 7] = [
        [0, 0, 0, 0],
        [0, -1, 0, 1],
        [2, 0, 0, 0],
        [0, 2, 0, 0],
        [0, 0, 2, 0],
        [0, 1, 0, 1],
        [4, 0, 0, 0],
    ];
    let k = whole_multiple(m, 12, shift, 24)?;
    let (magnitude, sign) = if k < 12 { (k, 1) } else { (k - 12, -1) };
    let row = SINES[magnitude.min(12 - magnitude) as usize];
    quarter_surds(row.map(|c| c * sign))
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

/// The form of an angle turned from radians into degrees (or back): each
/// term times 180/π (or π/180), where that is a term.
pub fn converted_angle(x: &Known, to_degrees: bool) -> Option<Known> {
    angle_terms(x, to_degrees).or_else(|| {
        // Any other angle in degrees is itself times π/180: sin(√2°).
        let degree = Form::pi(q(1, 180));
        (!to_degrees).then(|| multiply(x, &degree, &mut Budget::unlimited()))?
    })
}

fn angle_terms(x: &Known, to_degrees: bool) -> Option<Known> {
    let (c, xs) = x.parts();
    let mut constant = BigRational::zero();
    let mut terms = Vec::new();
    if !c.is_zero() {
        if to_degrees {
            return None;
        }
        terms.push((number::unmetered::product(c, &q(1, 180)), Atom::Pi));
    }
    for (k, atom) in xs {
        match atom {
            Atom::Pi if to_degrees => constant = number::unmetered::product(k, &q(180, 1)),
            Atom::Applied {
                function: function @ (Builtin::Asin | Builtin::Acos | Builtin::Atan),
                argument,
                degrees,
            } if *degrees != to_degrees => terms.push((
                k.clone(),
                Atom::Applied {
                    function: *function,
                    argument: argument.clone(),
                    degrees: to_degrees,
                },
            )),
            _ => return None,
        }
    }
    build(constant, terms, &mut Budget::unlimited())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rational(n: i64, d: i64) -> Known {
        Known::Rational(q(n, d))
    }

    fn budget() -> Budget {
        Budget::unlimited()
    }

    fn text(k: &Known) -> String {
        let Known::Form(form) = k else {
            panic!("{k:?}")
        };
        form.text().unwrap()
    }

    fn sqrt(n: i64) -> Known {
        root(&q(n, 1), 2).unwrap()
    }

    #[test]
    fn square_roots_take_out_square_factors() {
        let root8 = sqrt(8);
        assert_eq!(text(&root8), "2√2");
        let b = &mut budget();
        assert_eq!(multiply(&root8, &root8, b), Some(rational(8, 1)));
        assert_eq!(divide(&sqrt(18), &sqrt(2), b), Some(rational(3, 1)));
        assert_eq!(root(&q(9, 4), 2), Some(rational(3, 2)));
        assert_eq!(multiply(&sqrt(2), &sqrt(3), b), Some(sqrt(6)));
        assert_eq!(text(&root(&q(16, 1), 3).unwrap()), "2∛2");
        assert_eq!(text(&root(&q(-2, 1), 3).unwrap()), "-∛2");
        assert_eq!(text(&root(&q(2 * 1013 * 1013, 1), 2).unwrap()), "1013√2");
    }

    #[test]
    fn conjugates_multiply_to_rationals() {
        let b = &mut budget();
        let plus = add(&sqrt(5), &rational(2, 1), b).unwrap();
        let minus = add(&sqrt(5), &rational(-2, 1), b).unwrap();
        assert_eq!(multiply(&plus, &minus, b), Some(rational(1, 1)));
        assert_eq!(text(&minus), "√5 - 2");
        assert_eq!(text(&plus), "2 + √5");
        // 1/(√2 + √3 + √5) is rationalised, and times the sum gives 1.
        let three = add(&add(&sqrt(2), &sqrt(3), b).unwrap(), &sqrt(5), b).unwrap();
        let inverse = reciprocal(&three, b).unwrap();
        assert_eq!(multiply(&inverse, &three, b), Some(rational(1, 1)));
    }

    #[test]
    fn sines_of_pi_multiples() {
        let of = |f, n, d| function(f, &Form::pi(q(n, d))).unwrap();
        use Builtin::*;
        assert_eq!(of(Sin, 1, 6), Some(rational(1, 2)));
        assert_eq!(of(Sin, 2, 1), Some(rational(0, 1)));
        assert_eq!(of(Sin, -1, 2), Some(rational(-1, 1)));
        // Off the table, an atom with the turns taken out.
        let sin_fifth = of(Sin, 1, 5);
        assert!(matches!(sin_fifth, Some(Known::Form(_))));
        assert_eq!(of(Sin, 4, 5), sin_fifth);
        assert_eq!(of(Sin, -1, 5), sin_fifth.as_ref().map(negate));
        assert_eq!(of(Cos, 9, 5), of(Cos, -9, 5));
        assert_eq!(of(Cos, 1, 3), Some(rational(1, 2)));
        assert_eq!(of(Tan, 1, 4), Some(rational(1, 1)));
        assert!(function(Tan, &Form::pi(q(1, 2))).is_err());
        assert_eq!(text(&of(Sin, 1, 12).unwrap()), "(√6 - √2)/4");
        assert_eq!(text(&of(Cos, 1, 12).unwrap()), "(√2 + √6)/4");
        assert_eq!(text(&of(Tan, 1, 12).unwrap()), "2 - √3");
        assert_eq!(text(&of(Tan, 1, 8).unwrap()), "√2 - 1");
        assert_eq!(text(&of(Tan, 3, 8).unwrap()), "1 + √2");
        assert_eq!(text(&of(Tan, -1, 8).unwrap()), "1 - √2");
        assert_eq!(text(&of(Tan, 1, 6).unwrap()), "√3/3");
        let tan_24th = "√2 + √6 - √3 - 2";
        assert_eq!(text(&of(Tan, 1, 24).unwrap()), tan_24th);
    }

    #[test]
    fn logarithms_split_over_primes() {
        let ln_of = |n, d| function(Builtin::Ln, &rational(n, d)).unwrap().unwrap();
        let b = &mut budget();
        let twice = multiply(&ln_of(2, 1), &rational(2, 1), b).unwrap();
        assert_eq!(subtract(&ln_of(4, 1), &twice, b), Some(rational(0, 1)));
        assert_eq!(divide(&ln_of(4, 1), &ln_of(8, 1), b), Some(rational(2, 3)));
        let sum = add(&ln_of(2, 1), &ln_of(3, 1), b).unwrap();
        assert_eq!(sum, ln_of(6, 1));
        assert_eq!(
            function(Builtin::Exp, &ln_of(7, 1)).unwrap(),
            Some(rational(7, 1))
        );
        let half = multiply(&ln_of(2, 1), &rational(1, 2), b).unwrap();
        assert_eq!(function(Builtin::Exp, &half).unwrap(), Some(sqrt(2)));
        assert_eq!(function(Builtin::Ln, &sqrt(2)).unwrap(), Some(half));
    }

    #[test]
    fn inverse_pairs_cancel() {
        let ln7 = function(Builtin::Ln, &rational(7, 1)).unwrap().unwrap();
        assert_eq!(function(Builtin::Exp, &ln7).unwrap(), Some(rational(7, 1)));
        let e3 = exp(&q(3, 1));
        assert_eq!(function(Builtin::Ln, &e3).unwrap(), Some(rational(3, 1)));
        let cbrt7 = function(Builtin::Cbrt, &rational(7, 1)).unwrap().unwrap();
        assert_eq!(power(&cbrt7, &q(3, 1), &mut budget()), Some(rational(7, 1)));
        let asin = function(Builtin::Asin, &rational(3, 10)).unwrap().unwrap();
        assert_eq!(
            function(Builtin::Sin, &asin).unwrap(),
            Some(rational(3, 10))
        );
        let in_degrees = converted_angle(&asin, true).unwrap();
        // sin of asin(0.3)·180/π is only an atom.
        let sine = function(Builtin::Sin, &in_degrees).unwrap();
        assert!(matches!(sine, Some(Known::Form(_))));
        let back = converted_angle(&in_degrees, false).unwrap();
        assert_eq!(
            function(Builtin::Sin, &back).unwrap(),
            Some(rational(3, 10))
        );
        let sin = |r| function(Builtin::Sin, &rational(r, 1)).unwrap().unwrap();
        assert_eq!(negate(&sin(1)), sin(-1));
    }

    #[test]
    fn powers_stay_bounded() {
        let b = &mut budget();
        let sum = add(&sqrt(2), &sqrt(3), b).unwrap();
        let square = power(&sum, &q(2, 1), b).unwrap();
        let rest = add(&square, &rational(-5, 1), b).unwrap();
        let two_root6 = multiply(&sqrt(6), &rational(2, 1), b).unwrap();
        assert_eq!(subtract(&rest, &two_root6, b), Some(rational(0, 1)));
        assert_eq!(
            power(&sqrt(2), &q(100, 1), b),
            Some(Known::Rational(BigRational::from_integer(
                BigInt::one() << 50
            )))
        );
        assert_eq!(power(&sqrt(2), &q(1_000_000_000, 1), b), None);
        let four = add(&sum, &add(&sqrt(5), &sqrt(7), b).unwrap(), b).unwrap();
        assert_eq!(power(&four, &q(200, 1), b), None);
        // A budget too small leaves the product without a form.
        assert_eq!(power(&four, &q(6, 1), &mut Budget::new(1000)), None);
    }
}
