//! Plain arithmetic in machine words: lines of decimal numbers, `+ - * /`
//! and parentheses, which is most of what is piped into a calculator. They
//! skip the lexer, the tree and big integers. Anything else, an overflow or
//! a division by zero gives `None`, and the line takes the general path,
//! which also reports the errors: both paths give the same value.

use super::number;
use num_rational::BigRational;

/// A rational as a numerator and a positive denominator, in lowest terms.
/// Parts are single words, so one product or a sum of two fits in i128
/// with no overflow checks; a result is narrowed back or given up.
pub(super) type Ratio = (i64, i64);

/// Parentheses and signs nested deeper than this take the general path,
/// which bounds its own depth and says so.
const MAX_NESTING: u32 = 64;

/// The exact value of `input` when it is plain arithmetic that fits in words.
pub fn evaluate(input: &str) -> Option<BigRational> {
    let mut line = Plain {
        bytes: input.as_bytes(),
        at: 0,
        nesting: 0,
    };
    let (n, d) = line.sum()?;
    (line.peek().is_none()).then(|| BigRational::new_raw(n.into(), d.into()))
}

struct Plain<'a> {
    bytes: &'a [u8],
    at: usize,
    nesting: u32,
}

impl Plain<'_> {
    /// The next byte that is not a blank.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
        self.bytes.get(self.at).copied()
    }

    fn sum(&mut self) -> Option<Ratio> {
        let mut total = self.product()?;
        while let Some(op @ (b'+' | b'-')) = self.peek() {
            self.at += 1;
            let term = self.product()?;
            let term = if op == b'+' { term } else { negate(term)? };
            total = add(total, term)?;
        }
        Some(total)
    }

    fn product(&mut self) -> Option<Ratio> {
        let mut total = self.unary()?;
        while let Some(op @ (b'*' | b'/')) = self.peek() {
            self.at += 1;
            let factor = self.unary()?;
            let factor = if op == b'*' {
                factor
            } else {
                reciprocal(factor)?
            };
            total = multiply(total, factor)?;
        }
        Some(total)
    }

    fn unary(&mut self) -> Option<Ratio> {
        self.nesting += 1;
        if self.nesting > MAX_NESTING {
            return None;
        }
        let value = match self.peek()? {
            b'-' => {
                self.at += 1;
                negate(self.unary()?)?
            }
            b'+' => {
                self.at += 1;
                self.unary()?
            }
            b'(' => {
                self.at += 1;
                let value = self.sum()?;
                if self.peek()? != b')' {
                    return None;
                }
                self.at += 1;
                value
            }
            _ => self.number()?,
        };
        self.nesting -= 1;
        Some(value)
    }

    /// `digits[.digits]`, `.digits` or `digits.`, exactly.
    fn number(&mut self) -> Option<Ratio> {
        let mut mantissa: i64 = 0;
        let mut digits = 0;
        let mut decimals = None;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b'0'..=b'9' => {
                    mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
                    digits += 1;
                    decimals = decimals.map(|places: u32| places + 1);
                }
                b'.' if decimals.is_none() => decimals = Some(0),
                _ => break,
            }
            self.at += 1;
        }
        if digits == 0 {
            return None;
        }
        narrow(mantissa.into(), 10i128.checked_pow(decimals.unwrap_or(0))?)
    }
}

// Exact arithmetic on word rationals, also the double-double step's.

pub(super) fn add(a: Ratio, b: Ratio) -> Option<Ratio> {
    let ((an, ad), (bn, bd)) = (wide(a), wide(b));
    narrow(an * bd + bn * ad, ad * bd)
}

pub(super) fn multiply(a: Ratio, b: Ratio) -> Option<Ratio> {
    let ((an, ad), (bn, bd)) = (wide(a), wide(b));
    narrow(an * bn, ad * bd)
}

/// `1/r`; `None` for zero. Swapped parts stay in lowest terms.
pub(super) fn reciprocal((n, d): Ratio) -> Option<Ratio> {
    match n {
        0 => None,
        n if n < 0 => Some((d.checked_neg()?, n.checked_neg()?)),
        n => Some((d, n)),
    }
}

pub(super) fn negate((n, d): Ratio) -> Option<Ratio> {
    Some((n.checked_neg()?, d))
}

fn wide((n, d): Ratio) -> (i128, i128) {
    (n.into(), d.into())
}

/// `n/d` in lowest terms, if its parts fit in words.
pub(super) fn narrow(n: i128, d: i128) -> Option<Ratio> {
    let (n, d) = number::lowest_terms(n, d)?;
    Some((n.try_into().ok()?, d.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::super::ast::Statement;
    use super::super::interpreter::{AngleMode, Evaluator};
    use super::super::number::Value;
    use super::super::{Limits, lexer, parser};
    use super::*;
    use astro_float_num::Consts;
    use num_bigint::BigInt;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// The value the general path (lexer, parser, evaluator) gives, if exact.
    fn general(input: &str) -> Option<BigRational> {
        let limits = Limits::default();
        let line =
            parser::parse(lexer::tokenize(input, &limits).ok()?, &limits, &|_| false).ok()?;
        let Statement::Expression(expr) = line.statement else {
            return None;
        };
        let names = BTreeMap::new();
        let mut consts = Consts::new().unwrap();
        let mut evaluator =
            Evaluator::new(128, AngleMode::Radians, &limits, &names, &mut consts, 0);
        match evaluator.eval(&expr).ok()? {
            Value::Exact(r) => Some(r),
            Value::Approx(_) => None,
        }
    }

    fn plain_line() -> impl Strategy<Value = String> {
        let number = prop_oneof![
            (0u64..1_000_000).prop_map(|n| n.to_string()),
            (0u32..1000, 0u32..100_000).prop_map(|(i, f)| format!("{i}.{f}")),
            (0u32..1000).prop_map(|f| format!(".{f}")),
            "[0-9]{15,40}",
        ];
        number.prop_recursive(4, 24, 2, |inner| {
            prop_oneof![
                (inner.clone(), "[-+*/]", " ?", inner.clone())
                    .prop_map(|(a, op, space, b)| format!("{a}{space}{op}{space}{b}")),
                inner.clone().prop_map(|e| format!("({e})")),
                inner.prop_map(|e| format!("-{e}")),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_plain_path_agrees_with_the_general_path(line in plain_line()) {
            if let Some(value) = evaluate(&line) {
                prop_assert_eq!(Some(value), general(&line));
            }
        }
    }

    fn q(n: i64, d: i64) -> Option<BigRational> {
        Some(BigRational::new(BigInt::from(n), BigInt::from(d)))
    }

    #[test]
    fn plain_arithmetic_is_exact() {
        assert_eq!(evaluate("7*1.1+7/7"), q(87, 10));
        assert_eq!(evaluate(" 0.1 + 0.2 "), q(3, 10));
        assert_eq!(evaluate("-(2 - 5) * -.5 / 3."), q(-1, 2));
        assert_eq!(evaluate("1-2-3"), q(-4, 1));
        assert_eq!(evaluate("12/4/3"), q(1, 1));
        assert_eq!(evaluate("--+-2"), q(-2, 1));
        assert_eq!(evaluate("2*-3"), q(-6, 1));
        assert_eq!(evaluate("(((1)))/(3)"), q(1, 3));
    }

    #[test]
    fn anything_else_takes_the_general_path() {
        for line in [
            "", " ", ".", "1/0", "2(3)", "(1+2", "1+", "2^3", "x", "ans", "2pi", "1e5", "1_000",
            "1.2.3", "0x10", "5%", "3!", "1 2", "2 = ", "x = 2", "(1)(2)", "1+2)", "\u{a0}1",
            "1 to hex",
        ] {
            assert_eq!(evaluate(line), None, "{line:?}");
        }
    }

    #[test]
    fn overflow_and_deep_nesting_take_the_general_path() {
        // Parts are single words (up to 2^63 - 1).
        assert_eq!(evaluate("9223372036854775808"), None);
        assert_eq!(
            evaluate("9223372036854775807").map(|r| r.to_integer()),
            Some(BigInt::from(i64::MAX))
        );
        assert_eq!(evaluate("4294967296*4294967296"), None);
        assert_eq!(evaluate("1/4294967296/4294967296"), None);
        assert_eq!(evaluate("99999999999999999999*99999999999999999999"), None);
        assert_eq!(
            evaluate(&format!("{}1{}", "(".repeat(60), ")".repeat(60))),
            q(1, 1)
        );
        assert_eq!(
            evaluate(&format!("{}1{}", "(".repeat(100), ")".repeat(100))),
            None
        );
        assert_eq!(evaluate(&format!("{}1", "-".repeat(100))), None);
    }
}
