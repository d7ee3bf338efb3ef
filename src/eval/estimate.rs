//! Ziv's cheap first step: evaluate in double-double arithmetic (about 106
//! bits) while carrying a proven bound on the error; when every value
//! within the bound rounds to the same shown digits, those digits are the
//! correctly rounded answer and the precision loop is not needed.
//!
//! It covers what most irrational lines are made of: small exact numbers
//! and variables holding them, `+ - * /`, whole powers and square roots. Anything else, a result that
//! is exact, or a bound that straddles a rounding boundary gives `None`.

use super::ast::{AddOp, Expr, ExprKind, MulOp};
use super::builtins::Builtin;
use super::format::{self, Decimal};
use super::plain::{self, Ratio};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::ToPrimitive;
use num_traits::float::FloatCore;

/// Most digits this step can decide (a double-double holds about 32).
pub const MAX_DIGITS: usize = 20;

/// A bound on the relative error of one double-double operation below.
/// Published bounds for double-word addition, multiplication and division
/// are below 2^-101 (Joldes, Muller and Popescu, "Tight and rigorous error
/// bounds for basic building blocks of double-word arithmetic", 2017), and
/// a Newton-refined root is within a few u^2 too; 2^-96 leaves a factor of
/// 16 or more. The near ties of the mpmath oracle test it.
const OPERATION_ERROR: f64 = 1.0 / (1u128 << 96) as f64;

/// Error bounds are sums of rounded doubles; inflating each by this
/// factor keeps them bounds.
const BOUND_SLACK: f64 = 1.0 + 1e-12;

/// The shown digits of `expr`, if this step decides them; `value_of` gives
/// the variables that hold small exact numbers.
pub fn correctly_rounded(
    expr: &Expr,
    digits: usize,
    value_of: &dyn Fn(&str) -> Option<Ratio>,
) -> Option<Decimal> {
    let Value::Approx(value, error) = (Estimate { value_of }).estimate(expr, 0)? else {
        return None;
    };
    // The interval's ends exactly, over a common power of two.
    let parts = [value.hi, value.lo, error].map(|x| {
        let (mantissa, exponent, sign) = x.integer_decode();
        (i64::from(sign) * mantissa as i64, i32::from(exponent))
    });
    let scale = parts.iter().map(|&(_, exponent)| exponent).min()?.min(0);
    let [hi, lo, radius] =
        parts.map(|(mantissa, exponent)| BigInt::from(mantissa) << (exponent - scale) as usize);
    let center = hi + lo;
    let end = |n: BigInt| BigRational::new_raw(n, BigInt::from(1u8) << (-scale) as usize);
    // Rounding is monotonic: if both ends round alike, everything between does.
    let low = format::round_significant(&end(&center - &radius), digits)?;
    let high = format::round_significant(&end(center + radius), digits)?;
    // Fewer digits than asked (trailing zeros) may be an exact value reached
    // by an irrational route (`sqrt(2)*sqrt(2)` is 2): left to the loop,
    // which knows exact forms and prints them as exact.
    (low == high && low.digits.len() == digits).then_some(low)
}

/// A double-double: `hi + lo` with `|lo|` at most half an ulp of `hi`.
#[derive(Debug, Clone, Copy)]
struct Double {
    hi: f64,
    lo: f64,
}

#[derive(Clone, Copy)]
enum Value {
    Exact(Ratio),
    /// A value and a bound on its distance from the true value.
    Approx(Double, f64),
}

/// Values kept well inside the double range, so no product overflows and
/// no low part is subnormal.
fn in_range(x: Double) -> bool {
    (1e-150..1e150).contains(&x.hi.abs())
}

/// The variables a line may read.
struct Estimate<'a> {
    value_of: &'a dyn Fn(&str) -> Option<Ratio>,
}

impl Estimate<'_> {
    fn estimate(&self, expr: &Expr, depth: u32) -> Option<Value> {
        // Deep trees are left to the general path and its own depth limit.
        if depth > 64 {
            return None;
        }
        let value = match &expr.kind {
            ExprKind::Number(literal) => {
                let power = 10i64.checked_pow(u32::try_from(literal.scale.unsigned_abs()).ok()?)?;
                let digits = i128::from(literal.digits.to_i64()?);
                Value::Exact(if literal.scale >= 0 {
                    plain::narrow(digits * i128::from(power), 1)?
                } else {
                    plain::narrow(digits, power.into())?
                })
            }
            ExprKind::Name(name) => Value::Exact((self.value_of)(name)?),
            ExprKind::Negate(inner) => opposite(self.estimate(inner, depth + 1)?)?,
            ExprKind::Sum { first, rest } => {
                let mut total = self.estimate(first, depth + 1)?;
                for (op, term) in rest {
                    let term = match op {
                        AddOp::Add => self.estimate(term, depth + 1)?,
                        AddOp::Subtract => opposite(self.estimate(term, depth + 1)?)?,
                    };
                    total = add(total, term)?;
                }
                total
            }
            ExprKind::Product { first, rest } => {
                let mut total = self.estimate(first, depth + 1)?;
                for (op, factor) in rest {
                    let factor = self.estimate(factor, depth + 1)?;
                    total = match op {
                        MulOp::Multiply => multiply(total, factor)?,
                        MulOp::Divide => multiply(total, reciprocal(factor)?)?,
                        MulOp::Modulo => return None,
                    };
                }
                total
            }
            ExprKind::Power { base, exponent } => {
                let Value::Exact((n, 1)) = self.estimate(exponent, depth + 1)? else {
                    return None;
                };
                if !(-64..=64).contains(&n) {
                    return None;
                }
                let base = self.estimate(base, depth + 1)?;
                let base = if n < 0 { reciprocal(base)? } else { base };
                let mut result = Value::Exact((1, 1));
                for _ in 0..n.unsigned_abs() {
                    result = multiply(result, base)?;
                }
                result
            }
            ExprKind::Call {
                function: Builtin::Sqrt,
                args,
                ..
            } => square_root(self.estimate(&args[0], depth + 1)?)?,
            _ => return None,
        };
        match value {
            Value::Approx(x, _) if !in_range(x) => None,
            value => Some(value),
        }
    }
}

/// An exact value as a double-double, with its error bound.
fn approximate(value: Value) -> (Double, f64) {
    match value {
        Value::Exact((n, d)) => {
            let x = divide(from_word(n), from_word(d));
            (x, x.hi.abs() * OPERATION_ERROR)
        }
        Value::Approx(x, e) => (x, e),
    }
}

fn opposite(value: Value) -> Option<Value> {
    Some(match value {
        Value::Exact(r) => Value::Exact(plain::negate(r)?),
        Value::Approx(x, e) => Value::Approx(negate(x), e),
    })
}

fn add(a: Value, b: Value) -> Option<Value> {
    if let (Value::Exact(a), Value::Exact(b)) = (a, b) {
        return Some(Value::Exact(plain::add(a, b)?));
    }
    let ((x, ex), (y, ey)) = (approximate(a), approximate(b));
    let sum = sum(x, y);
    let error = (ex + ey + sum.hi.abs() * OPERATION_ERROR) * BOUND_SLACK;
    Some(Value::Approx(sum, error))
}

fn multiply(a: Value, b: Value) -> Option<Value> {
    if let (Value::Exact(a), Value::Exact(b)) = (a, b) {
        return Some(Value::Exact(plain::multiply(a, b)?));
    }
    let ((x, ex), (y, ey)) = (approximate(a), approximate(b));
    let product = product(x, y);
    // |x'y' - xy| <= |x| ey + |y| ex + ex ey, with |x| <= |x.hi| (1 + 2^-52).
    let (mx, my) = (x.hi.abs() * BOUND_SLACK, y.hi.abs() * BOUND_SLACK);
    let error = (mx * ey + my * ex + ex * ey + product.hi.abs() * OPERATION_ERROR) * BOUND_SLACK;
    Some(Value::Approx(product, error))
}

fn reciprocal(value: Value) -> Option<Value> {
    match value {
        Value::Exact(r) => Some(Value::Exact(plain::reciprocal(r)?)),
        Value::Approx(x, e) => {
            // |1/x' - 1/x| <= e / (|x| (|x| - e)), for e < |x|.
            let m = x.hi.abs() / BOUND_SLACK;
            if m <= 2.0 * e {
                return None;
            }
            let inverse = divide(from_word(1), x);
            let error = (e / (m * (m - e)) + inverse.hi.abs() * OPERATION_ERROR) * BOUND_SLACK;
            Some(Value::Approx(inverse, error))
        }
    }
}

fn square_root(value: Value) -> Option<Value> {
    if let Value::Exact((n, d)) = value {
        if n < 0 {
            return None;
        }
        // Exact roots stay exact, as in the general path.
        // The double's root, rounded, is exact for any square of a word.
        let root = |i: i64| {
            let r = (i as f64).sqrt().round() as i64;
            (r.checked_mul(r) == Some(i)).then_some(r)
        };
        if let (Some(n), Some(d)) = (root(n), root(d)) {
            return Some(Value::Exact((n, d)));
        }
    }
    let (x, e) = approximate(value);
    // |sqrt(x') - sqrt(x)| <= e / sqrt(x - e), for e < x.
    let m = x.hi / BOUND_SLACK;
    if m <= 2.0 * e {
        return None;
    }
    let root = root(x);
    let error = (e / (m - e).sqrt() + root.hi * OPERATION_ERROR) * BOUND_SLACK;
    Some(Value::Approx(root, error))
}

// Double-double arithmetic (Dekker 1971; Knuth, TAOCP vol. 2, 4.2.2).

fn from_word(n: i64) -> Double {
    let hi = n as f64;
    Double {
        hi,
        lo: (i128::from(n) - hi as i128) as f64,
    }
}

fn negate(x: Double) -> Double {
    Double {
        hi: -x.hi,
        lo: -x.lo,
    }
}

/// `a + b` exactly, as a rounded sum and its error.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let v = s - a;
    (s, (a - (s - v)) + (b - v))
}

/// `a + b` exactly when `|a| >= |b|`.
fn quick_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    (s, b - (s - a))
}

/// `a * b` exactly, as a rounded product and its error (Dekker's split).
fn two_product(a: f64, b: f64) -> (f64, f64) {
    let split = |x: f64| {
        let c = 134_217_729.0 * x;
        let high = c - (c - x);
        (high, x - high)
    };
    let p = a * b;
    let ((ah, al), (bh, bl)) = (split(a), split(b));
    (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

fn double(hi: f64, lo: f64) -> Double {
    let (hi, lo) = quick_two_sum(hi, lo);
    Double { hi, lo }
}

fn sum(x: Double, y: Double) -> Double {
    let (s, e) = two_sum(x.hi, y.hi);
    let (t, f) = two_sum(x.lo, y.lo);
    let (s, e) = quick_two_sum(s, e + t);
    double(s, e + f)
}

fn product(x: Double, y: Double) -> Double {
    let (p, e) = two_product(x.hi, y.hi);
    double(p, e + (x.hi * y.lo + x.lo * y.hi))
}

fn divide(x: Double, y: Double) -> Double {
    // Three quotient digits, each from the remainder of the ones before.
    let q1 = x.hi / y.hi;
    let r = sum(x, negate(product(y, Double { hi: q1, lo: 0.0 })));
    let q2 = r.hi / y.hi;
    let r = sum(r, negate(product(y, Double { hi: q2, lo: 0.0 })));
    let q3 = r.hi / y.hi;
    sum(double(q1, q2), Double { hi: q3, lo: 0.0 })
}

fn root(x: Double) -> Double {
    // One Newton step from the double root doubles its good bits.
    let s = x.hi.sqrt();
    let (p, e) = two_product(s, s);
    double(s, ((x.hi - p) - e + x.lo) / (2.0 * s))
}

#[cfg(test)]
mod tests {
    use super::super::ast::Statement;
    use super::super::{Exactness, Limits, Session, Settings, lexer, parser};
    use super::*;
    use num_rational::BigRational;
    use proptest::prelude::*;

    fn expression(input: &str) -> Expr {
        let limits = Limits::default();
        let line = parser::parse(lexer::tokenize(input, &limits).unwrap(), &limits, &|_| {
            false
        })
        .unwrap();
        match line.statement {
            Statement::Expression(expr) => expr,
            Statement::Assignment { .. } | Statement::Definition { .. } => {
                panic!("{input} is an assignment")
            }
        }
    }

    fn decided(input: &str) -> Option<String> {
        correctly_rounded(&expression(input), 15, &|_| None)
            .map(|d| format::format_rounded(&Some(d), 15))
    }

    #[test]
    fn square_roots_and_arithmetic_are_decided() {
        assert_eq!(decided("sqrt(3)").as_deref(), Some("1.73205080756888"));
        assert_eq!(
            decided("sqrt(7)+(7+0.5)^2/3-7*2.25").as_deref(),
            Some("5.64575131106459")
        );
        assert_eq!(decided("1/sqrt(3)").as_deref(), Some("0.577350269189626"));
        assert_eq!(
            decided("-sqrt(2)^-3").as_deref(),
            Some("-0.353553390593274")
        );
        assert_eq!(
            decided("2(sqrt(5)+1)/4").as_deref(),
            Some("1.61803398874989")
        );
    }

    #[test]
    fn variables_holding_small_exact_values_are_read() {
        let value_of = |name: &str| match name {
            "foo" => Some((7, 1)),
            "qux" => Some((1, 2)),
            _ => None,
        };
        let decided = |input| {
            correctly_rounded(&expression(input), 15, &value_of)
                .map(|d| format::format_rounded(&Some(d), 15))
        };
        assert_eq!(
            decided("sqrt(foo)+(foo+qux)^2/3-foo*2.25").as_deref(),
            Some("5.64575131106459")
        );
        assert_eq!(decided("sqrt(foo) + other"), None);
        assert_eq!(decided("qux*4"), None);
    }

    #[test]
    fn exact_results_and_other_functions_are_left_to_the_loop() {
        for input in [
            "sqrt(16)",
            // 1.41421356237310: a trailing zero, so possibly exact.
            "sqrt(2)",
            "sqrt(2)*sqrt(2)",
            "sqrt(9/4)",
            "1/3",
            "sin(1)",
            "pi",
            "sqrt(-2)",
            "2^0.5",
            "x",
            "ans",
            "sqrt(2)-sqrt(2)",
            "1/(sqrt(2)-sqrt(2))",
            "sqrt(2)^65",
            "10^19*sqrt(2)",
            "5 mod 3",
        ] {
            assert_eq!(decided(input), None, "{input}");
        }
    }

    /// Rows of the mpmath oracle this step decides must match it; the
    /// near ties (`sqrt(n)±p/q`) must be met on both sides of its bound.
    #[test]
    fn decided_digits_match_the_mpmath_oracle() {
        let (mut decided_ties, mut left_ties) = (0, 0);
        let fixture = include_str!("../../tests/fixtures/irrational.tsv");
        for row in fixture.lines().filter(|row| !row.starts_with('#')) {
            let [input, "15", "rad", expected] = row.split('\t').collect::<Vec<_>>()[..] else {
                continue;
            };
            let near_tie = input.starts_with("sqrt(") && input.contains('/');
            let Some(decimal) = correctly_rounded(&expression(input), 15, &|_| None) else {
                left_ties += usize::from(near_tie);
                continue;
            };
            decided_ties += usize::from(near_tie);
            let (mantissa, exponent) = expected.split_once('e').unwrap();
            let negative = mantissa.starts_with('-');
            let digits = mantissa.trim_start_matches('-').replace('.', "");
            assert_eq!(decimal.negative, negative, "{input}");
            assert_eq!(decimal.digits, digits.trim_end_matches('0'), "{input}");
            assert_eq!(
                decimal.exponent,
                exponent.parse::<i64>().unwrap(),
                "{input}"
            );
        }
        assert!(
            decided_ties >= 10 && left_ties >= 10,
            "{decided_ties} decided, {left_ties} left"
        );
    }

    fn arithmetic() -> impl Strategy<Value = String> {
        let number = prop_oneof![
            (1u32..1000).prop_map(|n| n.to_string()),
            (0u32..100, 1u32..1000).prop_map(|(i, f)| format!("{i}.{f}")),
            (2u32..10_000).prop_map(|n| format!("sqrt({n})")),
        ];
        number.prop_recursive(4, 16, 2, |inner| {
            prop_oneof![
                (inner.clone(), "[-+*/]", inner.clone())
                    .prop_map(|(a, op, b)| format!("{a}{op}{b}")),
                inner.clone().prop_map(|e| format!("sqrt({e})")),
                (inner.clone(), 0u32..4).prop_map(|(e, n)| format!("({e})^{n}")),
                inner.prop_map(|e| format!("-({e})")),
            ]
        })
    }

    proptest! {
        #[test]
        fn decided_digits_are_the_precision_loops(input in arithmetic()) {
            if let Some(text) = decided(&input) {
                // Fractions wanted: the first step stands aside for the loop.
                let settings = Settings { fractions: true, ..Settings::default() };
                let refined = Session::new().evaluate(&input, &settings).unwrap();
                // The loop may find the value exact (`sqrt(7)^2`) and print
                // every digit: the first step's are then its rounding.
                let refined = match refined.exactness {
                    Exactness::Exact => {
                        let exact = Session::new().evaluate(&format!("({input}) to frac"), &settings).unwrap();
                        let (n, d) = exact.text.split_once('/').unwrap_or((&exact.text, "1"));
                        let r = BigRational::new(n.parse().unwrap(), d.parse().unwrap());
                        format::format_rounded(&format::round_significant(&r, 15), 15)
                    }
                    Exactness::Rounded => refined.text,
                };
                prop_assert_eq!(text, refined);
            }
        }
    }
}
