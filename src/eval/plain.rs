//! Plain arithmetic in machine words: lines of decimal numbers, `+ - * /`
//! and parentheses, with variables holding such numbers and `name = …`,
//! which is most of what is piped into a calculator (running totals
//! included). They skip the lexer, the tree and big integers. Anything
//! else, an overflow or a division by zero gives `None`, and the line
//! takes the general path, which also reports the errors: both paths give
//! the same value.

use super::number;
use num_rational::BigRational;
use num_traits::ToPrimitive;

/// A rational as a numerator and a positive denominator, in lowest terms.
/// Parts are single words, so one product or a sum of two fits in i128
/// with no overflow checks; a result is narrowed back or given up.
pub(super) type Ratio = (i64, i64);

/// Parentheses and signs nested deeper than this take the general path,
/// which bounds its own depth and says so.
const MAX_NESTING: u32 = 64;

/// The exact value of `input` when it is plain arithmetic that fits in words.
#[cfg(test)]
pub fn evaluate(input: &str) -> Option<BigRational> {
    match evaluate_line(input, &|_| None)? {
        (None, value) => Some(value),
        (Some(_), _) => None,
    }
}

/// The value of `input` when it is plain arithmetic that fits in words, with
/// `value_of` giving the variables that hold such a number; and the name it
/// assigns, if it is `name = …` (whether the name may be assigned is the
/// caller's to check).
pub fn evaluate_line<'a>(
    input: &'a str,
    value_of: &dyn Fn(&str) -> Option<Ratio>,
) -> Option<(Option<&'a str>, BigRational)> {
    let mut line = Plain {
        bytes: input.as_bytes(),
        at: 0,
        nesting: 0,
        value_of,
    };
    let assigned = line.assignment();
    let (n, d) = line.sum()?;
    (line.peek().is_none()).then(|| (assigned, BigRational::new_raw(n.into(), d.into())))
}

/// A rational's parts as words, if they fit.
pub fn ratio(r: &BigRational) -> Option<Ratio> {
    Some((r.numer().to_i64()?, r.denom().to_i64()?))
}

struct Plain<'a, 'f> {
    bytes: &'a [u8],
    at: usize,
    nesting: u32,
    value_of: &'f dyn Fn(&str) -> Option<Ratio>,
}

impl<'a> Plain<'a, '_> {
    /// The next byte that is not a blank.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
        self.bytes.get(self.at).copied()
    }

    /// `name =` at the start of the line: consumed, and the name returned.
    fn assignment(&mut self) -> Option<&'a str> {
        self.peek();
        let start = self.at;
        let name = self.name()?;
        if self.peek() == Some(b'=') {
            self.at += 1;
            Some(name)
        } else {
            self.at = start;
            None
        }
    }

    /// An ASCII name, as the lexer reads it, if it is no keyword. A name
    /// that goes on in other letters is left to the general path.
    fn name(&mut self) -> Option<&'a str> {
        let bytes = self.bytes;
        let start = self.at;
        if !bytes
            .get(start)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
        {
            return None;
        }
        let length = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if bytes.get(start + length).is_some_and(|b| !b.is_ascii()) {
            return None;
        }
        // The name is ASCII, so its bytes are whole characters.
        let name = std::str::from_utf8(&bytes[start..start + length]).ok()?;
        if matches!(name, "mod" | "xor" | "to") {
            return None;
        }
        self.at += length;
        Some(name)
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
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let name = self.name()?;
                (self.value_of)(name)?
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
    use super::super::interpreter::value_at;
    use super::super::value::Value;
    use super::super::{Session, Settings};
    use super::*;
    use num_bigint::BigInt;
    use proptest::prelude::*;

    /// The value the general path (lexer, parser, evaluator) gives, if exact.
    fn general(input: &str) -> Option<BigRational> {
        match value_at(input, 128)? {
            Value::Exact(r) => Some(r),
            Value::Approx { .. } => None,
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

    /// A session with variables of every kind, and its first step's view of them.
    fn session_with_variables() -> (Session, Settings) {
        let settings = Settings::default();
        let mut session = Session::new();
        for line in [
            "x = 3/4",
            "y = -2",
            "n_1 = 1234567",
            "big = 2^70",
            "r = sqrt(2)",
            "7.5",
        ] {
            session.evaluate(line, &settings).unwrap();
        }
        (session, settings)
    }

    fn line_with_names() -> impl Strategy<Value = String> {
        let operand = prop_oneof![
            (0u32..1000).prop_map(|n| n.to_string()),
            (0u32..100, 0u32..1000).prop_map(|(i, f)| format!("{i}.{f}")),
            prop::sample::select(vec!["x", "y", "n_1", "big", "r", "ans", "_", "z"])
                .prop_map(str::to_string),
        ];
        let expression = operand.prop_recursive(3, 12, 2, |inner| {
            prop_oneof![
                (inner.clone(), "[-+*/]", " ?", inner.clone())
                    .prop_map(|(a, op, space, b)| format!("{a}{space}{op}{space}{b}")),
                inner.clone().prop_map(|e| format!("({e})")),
                inner.prop_map(|e| format!("-{e}")),
            ]
        });
        (prop::option::of("(x|total|_t) ?= ?"), expression)
            .prop_map(|(target, e)| format!("{}{e}", target.unwrap_or_default()))
    }

    proptest! {
        #[test]
        fn lines_with_variables_agree_with_the_general_path(line in line_with_names()) {
            let (mut session, settings) = session_with_variables();
            // Lines the plain path declines are the general path's alone:
            // rejected, not counted as passes.
            let Some((assigned, value)) = evaluate_line(&line, &|name| session.word(name)) else {
                return Err(TestCaseError::reject("the plain path declines this line"));
            };
            let expression = match assigned {
                Some(name) => {
                    let (target, expression) = line.split_once('=').unwrap();
                    prop_assert_eq!(target.trim(), name);
                    expression
                }
                None => &line,
            };
            // `to frac` is not plain: the general path gives the fraction.
            let general = session
                .evaluate(&format!("({expression}) to frac"), &settings)
                .unwrap()
                .text;
            let (n, d) = general.split_once('/').unwrap_or((&general, "1"));
            let general = BigRational::new(n.parse().unwrap(), d.parse().unwrap());
            prop_assert_eq!(value, general);
        }
    }

    #[test]
    fn only_variables_holding_words_take_the_plain_path() {
        let (session, _) = session_with_variables();
        let value_of = |name: &str| session.word(name);
        let plain = |line| evaluate_line(line, &value_of).map(|(a, v)| (a, v.to_string()));
        assert_eq!(plain("x*y + ans"), Some((None, "6".into())));
        assert_eq!(plain(" s = x + _"), Some((Some("s"), "33/4".into())));
        assert_eq!(plain("n_1/1000"), Some((None, "1234567/1000".into())));
        for line in [
            "big + 1",
            "r*2",
            "z",
            "2x",
            "x2",
            "x(2)",
            "x y",
            "xµ",
            "µ",
            "x = ",
            "x = 2 =",
            "x == 2",
            "mod",
            "x mod 2",
            "to = 2",
            "1 = 2",
            "x = y = 2",
            "pi",
            "e",
        ] {
            assert_eq!(plain(line), None, "{line:?}");
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
