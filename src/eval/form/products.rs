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
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

/// Most factors one product keeps.
const MAX_FACTORS: usize = 32;
/// Largest k for which sin(kx) and cos(kx) are written in sin x and cos x.
const MAX_MULTIPLE: u32 = 12;

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

/// Whether the atom is sin (or else cos) of an argument, and that argument
/// (m·π for those of multiples of π).
fn trigonometric(atom: &Atom) -> Option<(bool, Known)> {
    match atom {
        Atom::Applied {
            function: f @ (Builtin::Sin | Builtin::Cos),
            argument,
            ..
        } => Some((*f == Builtin::Sin, (**argument).clone())),
        Atom::OfPi(f @ (Builtin::Sin | Builtin::Cos), m) => {
            Some((*f == Builtin::Sin, super::Form::pi(m.clone())))
        }
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
/// of e multiply into one, and sin²x is 1 - cos²x.
pub(super) fn product(
    p: &Atom,
    q: &Atom,
    budget: &mut Budget,
) -> Option<Vec<(BigRational, Option<Atom>)>> {
    let mut k = BigRational::one();
    let mut list = factors(p).to_vec();
    // cos x for each sin x met twice.
    let mut squares = Vec::new();
    for atom in factors(q) {
        let mut rest = Some(atom.clone());
        for i in 0..list.len() {
            let merged = match (&list[i], atom) {
                (Atom::Radical(x), Atom::Radical(y)) => {
                    let (w, powers) = radical_product(x, y);
                    k *= BigRational::from_integer(w);
                    (!powers.is_empty()).then_some(Atom::Radical(powers))
                }
                (f, g) if exp_argument(f).is_some() && exp_argument(g).is_some() => {
                    match add(exp_argument(f)?, exp_argument(g)?, budget)? {
                        Known::Rational(r) if r.is_zero() => None,
                        sum => Some(exp_atom(sum)),
                    }
                }
                (f, g) if f == g && trigonometric(f).is_some_and(|(sine, _)| sine) => {
                    squares.push(trigonometric_atom(false, &trigonometric(f)?.1));
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
    let mut terms = vec![(k, list)];
    for cosine in squares {
        let more: Vec<_> = terms
            .iter()
            .map(|(w, list)| {
                let mut list = list.clone();
                insert(&mut list, cosine.clone());
                insert(&mut list, cosine.clone());
                (-w, list)
            })
            .collect();
        terms.extend(more);
    }
    terms
        .into_iter()
        .map(|(w, mut list)| match list.len() {
            0 | 1 => Some((w, list.pop())),
            n if n <= MAX_FACTORS => Some((w, Some(Atom::Product(list)))),
            _ => None,
        })
        .collect()
}

fn insert(list: &mut Vec<Atom>, atom: Atom) {
    let at = list.partition_point(|f| *f < atom);
    list.insert(at, atom);
}

/// The form with sin and cos of k·x written in those of x, where it has
/// both (`None` where it has no such pair, `Some(None)` where the result
/// is too large to keep).
pub(super) fn multiple_angles(form: &Form, budget: &mut Budget) -> Option<Option<Known>> {
    let mut arguments: Vec<Known> = Vec::new();
    for (_, atom) in &form.terms {
        for (_, x) in factors(atom).iter().filter_map(trigonometric) {
            if !arguments.contains(&x) {
                arguments.push(x);
            }
        }
    }
    for b in &arguments {
        for a in &arguments {
            let ratio = match (a, b) {
                (Known::Rational(x), Known::Rational(y)) if !x.is_zero() => Some(y / x),
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
/// cos(a): sin((n+1)a) = 2cos(a)·sin(na) - sin((n-1)a), and so cos.
fn substitute(form: &Form, a: &Known, b: &Known, k: u32, budget: &mut Budget) -> Option<Known> {
    let one = || Known::Rational(BigRational::one());
    let cosine = term(BigRational::one(), trigonometric_atom(false, a));
    let twice_cosine = multiply(&cosine, &Known::Rational(q(2, 1)), budget)?;
    let mut sines = (
        Known::Rational(BigRational::zero()),
        term(BigRational::one(), trigonometric_atom(true, a)),
    );
    let mut cosines = (one(), cosine);
    for _ in 1..k {
        let next = multiply(&twice_cosine, &sines.1, budget)?;
        sines = (sines.1.clone(), subtract(&next, &sines.0, budget)?);
        let next = multiply(&twice_cosine, &cosines.1, budget)?;
        cosines = (cosines.1.clone(), subtract(&next, &cosines.0, budget)?);
    }
    let mut total = Known::Rational(form.constant.clone());
    for (w, atom) in &form.terms {
        let mut value = Known::Rational(w.clone());
        for f in factors(atom) {
            let factor = match trigonometric(f) {
                Some((true, x)) if x == *b => sines.1.clone(),
                Some((false, x)) if x == *b => cosines.1.clone(),
                _ => term(BigRational::one(), f.clone()),
            };
            value = multiply(&value, &factor, budget)?;
        }
        total = add(&total, &value, budget)?;
    }
    Some(total)
}
