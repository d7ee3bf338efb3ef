//! Products of atoms, and the relations of sin and cos on one argument.
//!
//! A term's atom may be a product of atoms (`sin(1)·cos(1)`, `π²`), kept
//! ascending with at most one radical and one power of e (they multiply
//! out), and with sin x at most once for each x: sin²x is 1 - cos²x. Where
//! a form has sin or cos of both x and k·x for a whole k up to 12, those of
//! k·x are written in sin x and cos x, so sin(2x) - 2·sin(x)·cos(x) is 0.
//! Each step is an identity, so a form that comes out rational is right; a
//! form left in atoms may still be rational (a missed cancellation).

use super::{
    Atom, Budget, Form, Known, add, exp_atom, multiply, proportion, q, radical_product, subtract,
    term,
};
use crate::eval::builtins::Builtin;
use crate::eval::number::unmetered;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

/// Most factors one product keeps.
const MAX_FACTORS: usize = 32;
/// Largest k for which sin(kx) and cos(kx) are written in sin x and cos x.
const MAX_MULTIPLE: u32 = 12;
/// Most arguments of sin and cos in one form compared for multiples: each
/// pair is a division, on every sum built (a sum of 400 sines took 0.1 s).
const MAX_ARGUMENTS: usize = 12;

/// The factors of an atom taken as a product.
fn factors(atom: &Atom) -> &[Atom] {
    match atom {
        Atom::Product(factors) => factors,
        atom => std::slice::from_ref(atom),
    }
}

fn exp_argument(atom: &Atom) -> Option<&Known> {
    match atom {
        Atom::Applied {
            function: Builtin::Exp,
            argument,
            ..
        } => Some(argument),
        _ => None,
    }
}

/// The argument of sin or cos (m·π for those of multiples of π).
fn trigonometric(atom: &Atom) -> Option<Known> {
    match atom {
        Atom::Applied {
            function: Builtin::Sin | Builtin::Cos,
            argument,
            ..
        } => Some((**argument).clone()),
        Atom::OfPi(Builtin::Sin | Builtin::Cos, m) => Some(Form::pi(m.clone())),
        _ => None,
    }
}

/// sin x or cos x as an atom, for an argument that one came from.
fn trigonometric_atom(sine: bool, x: &Known) -> Atom {
    let function = if sine { Builtin::Sin } else { Builtin::Cos };
    match x.pi_multiple() {
        Some(m) => Atom::OfPi(function, m.clone()),
        None => Atom::Applied {
            function,
            argument: Box::new(x.clone()),
            degrees: false,
        },
    }
}

/// cos x for the atom sin x.
fn cosine_beside(atom: &Atom) -> Option<Atom> {
    match atom {
        Atom::Applied {
            function: Builtin::Sin,
            argument,
            ..
        } => Some(Atom::Applied {
            function: Builtin::Cos,
            argument: argument.clone(),
            degrees: false,
        }),
        Atom::OfPi(Builtin::Sin, m) => Some(Atom::OfPi(Builtin::Cos, m.clone())),
        _ => None,
    }
}

/// Whether the atom is known not to be 0: a function of a form may be
/// (sin of a sum of atoms that is π in disguise), other atoms are not.
pub(super) fn nonzero(atom: &Atom) -> bool {
    factors(atom).iter().all(|f| match f {
        Atom::Applied {
            function, argument, ..
        } => *function == Builtin::Exp || matches!(**argument, Known::Rational(_)),
        _ => true,
    })
}

/// `p·q` as terms (an atom, or none for a rational): radicals and powers
/// of e multiply into one, and sin²x is 1 - cos²x (for one x: a product
/// with two such squares is left without a form).
pub(super) fn product(
    p: &Atom,
    q: &Atom,
    budget: &mut Budget,
) -> Option<Vec<(BigRational, Option<Atom>)>> {
    let mut k = BigRational::one();
    let mut list = factors(p).to_vec();
    // cos x, where sin x is met twice.
    let mut square = None;
    for atom in factors(q) {
        let mut rest = Some(atom.clone());
        for i in 0..list.len() {
            let merged = match (&list[i], atom) {
                (Atom::Radical(x), Atom::Radical(y)) => {
                    let (w, powers) = radical_product(x, y);
                    k = unmetered::product(&k, &BigRational::from_integer(w));
                    (!powers.is_empty()).then_some(Atom::Radical(powers))
                }
                (f, g) if exp_argument(f).is_some() && exp_argument(g).is_some() => {
                    match add(exp_argument(f)?, exp_argument(g)?, budget)? {
                        Known::Rational(r) if r.is_zero() => None,
                        sum => Some(exp_atom(sum)),
                    }
                }
                (f, g) if f == g && cosine_beside(f).is_some() => {
                    if square.is_some() {
                        return None;
                    }
                    square = cosine_beside(f);
                    None
                }
                _ => continue,
            };
            list.remove(i);
            rest = merged;
            break;
        }
        if let Some(atom) = rest {
            insert(&mut list, atom);
        }
    }
    let mut terms = vec![(k.clone(), monomial(list.clone())?)];
    if let Some(cosine) = square {
        insert(&mut list, cosine.clone());
        insert(&mut list, cosine);
        terms.push((-k, monomial(list)?));
    }
    Some(terms)
}

/// A list of factors as an atom (none for an empty one), where it is not
/// too long.
fn monomial(mut list: Vec<Atom>) -> Option<Option<Atom>> {
    match list.len() {
        0 | 1 => Some(list.pop()),
        n if n <= MAX_FACTORS => Some(Some(Atom::Product(list))),
        _ => None,
    }
}

fn insert(list: &mut Vec<Atom>, atom: Atom) {
    let at = list.partition_point(|f| f.cmp(&atom).is_lt());
    list.insert(at, atom);
}

/// The form with sin and cos of k·x written in those of x, where it has
/// both (`None` where it has no such pair, `Some(None)` where the result
/// is too large to keep).
pub(super) fn multiple_angles(form: &Form, budget: &mut Budget) -> Option<Option<Known>> {
    let mut arguments = Vec::new();
    for (_, atom) in &form.terms {
        for f in factors(atom) {
            if let Some(x) = trigonometric(f)
                && !arguments.contains(&x)
            {
                arguments.push(x);
            }
        }
    }
    if arguments.len() > MAX_ARGUMENTS {
        return None;
    }
    for b in &arguments {
        for a in &arguments {
            let ratio = match (a, b) {
                (Known::Rational(x), Known::Rational(y)) if !x.is_zero() => {
                    Some(unmetered::product(y, &x.recip()))
                }
                (Known::Form(_), Known::Form(_)) => proportion(b, a, budget),
                _ => None,
            };
            let multiple = ratio
                .filter(BigRational::is_integer)
                .and_then(|r| r.to_integer().to_u32())
                .filter(|k| (2..=MAX_MULTIPLE).contains(k));
            if let Some(k) = multiple {
                return Some(substitute(form, a, b, k, budget));
            }
        }
    }
    None
}

/// The form with sin(b) and cos(b) for b = k·a written in sin(a) and
/// cos(a).
fn substitute(form: &Form, a: &Known, b: &Known, k: u32, budget: &mut Budget) -> Option<Known> {
    let atom = |sine| term(BigRational::one(), trigonometric_atom(sine, a));
    let twice_cosine = multiply(&atom(false), &Known::Rational(q(2, 1)), budget)?;
    let zero = Known::Rational(BigRational::zero());
    let sine = chebyshev(zero, atom(true), &twice_cosine, k, budget)?;
    let one = Known::Rational(BigRational::one());
    let cosine = chebyshev(one, atom(false), &twice_cosine, k, budget)?;
    let (sine_b, cosine_b) = (trigonometric_atom(true, b), trigonometric_atom(false, b));
    let mut total = Known::Rational(form.constant.clone());
    for (w, atom) in &form.terms {
        let mut value = Known::Rational(w.clone());
        for f in factors(atom) {
            let factor = if *f == sine_b {
                sine.clone()
            } else if *f == cosine_b {
                cosine.clone()
            } else {
                term(BigRational::one(), f.clone())
            };
            value = multiply(&value, &factor, budget)?;
        }
        total = add(&total, &value, budget)?;
    }
    Some(total)
}

/// f(k·a) from f(0) and f(a), f sin or cos: f((n+1)a) = 2cos(a)·f(na) -
/// f((n-1)a).
fn chebyshev(
    mut previous: Known,
    mut current: Known,
    twice_cosine: &Known,
    k: u32,
    budget: &mut Budget,
) -> Option<Known> {
    for _ in 1..k {
        let next = subtract(
            &multiply(twice_cosine, &current, budget)?,
            &previous,
            budget,
        )?;
        previous = std::mem::replace(&mut current, next);
    }
    Some(current)
}
