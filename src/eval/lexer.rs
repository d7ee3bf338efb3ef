//! Text to tokens. Numbers become exact rationals here, so `0.1` is 1/10.

use super::error::{Error, ErrorKind, Span};
use super::limits::Limits;
use super::number;
use num_bigint::BigInt;
use num_rational::BigRational;

/// A number as written: `digits × 10^scale`, made into a rational only when
/// evaluated, where its cost is charged (`1e19000` is a 63,000-bit number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub digits: BigInt,
    pub scale: i64,
}

impl Literal {
    pub fn to_rational(&self) -> BigRational {
        let power = BigInt::from(10u8).pow(self.scale.unsigned_abs() as u32);
        if self.scale >= 0 {
            BigRational::from_integer(&self.digits * power)
        } else {
            number::reduced(self.digits.clone(), power)
        }
    }

    /// Rough cost in nanoseconds of `to_rational`.
    pub fn cost(&self) -> u64 {
        let words = (self.scale.unsigned_abs() * 10 / 3 + self.digits.bits()) / 64 + 1;
        words * words
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    Number(Literal),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Bang,
    Percent,
    Root,
    LeftParen,
    RightParen,
    Comma,
    Equals,
    Mod,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

pub fn tokenize(input: &str, limits: &Limits) -> Result<Vec<Token>, Error> {
    if input.len() > limits.max_input_bytes {
        return Err(Error::new(
            ErrorKind::TooComplex,
            format!(
                "input too long ({} bytes; the limit is {})",
                input.len(),
                limits.max_input_bytes
            ),
            Span::new(limits.max_input_bytes, input.len()),
        ));
    }
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let single = |kind| Token {
            kind,
            span: Span::new(start, start + c.len_utf8()),
        };
        let kind = match c {
            ' ' | '\t' => {
                chars.next();
                continue;
            }
            '0'..='9' | '.' => {
                tokens.push(number(input, start, limits)?);
                // Skip what `number` consumed.
                let end = tokens.last().map_or(start, |t| t.span.end);
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                continue;
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    if c.is_alphanumeric() || c == '_' {
                        end = i + c.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let text = &input[start..end];
                let kind = match text {
                    "mod" => TokenKind::Mod,
                    "π" => TokenKind::Name("pi".into()),
                    "τ" => TokenKind::Name("tau".into()),
                    _ => TokenKind::Name(text.into()),
                };
                tokens.push(Token {
                    kind,
                    span: Span::new(start, end),
                });
                continue;
            }
            '+' => TokenKind::Plus,
            '-' | '−' => TokenKind::Minus,
            '*' | '×' | '·' => TokenKind::Star,
            '/' | '÷' => TokenKind::Slash,
            '^' => TokenKind::Caret,
            '!' => TokenKind::Bang,
            '%' => TokenKind::Percent,
            '√' => TokenKind::Root,
            '(' => TokenKind::LeftParen,
            ')' => TokenKind::RightParen,
            ',' => TokenKind::Comma,
            '=' => TokenKind::Equals,
            c if c.is_control() => {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    format!("control character U+{:04X} is not allowed", c as u32),
                    single(TokenKind::End).span,
                ));
            }
            c => {
                return Err(Error::new(
                    ErrorKind::Syntax,
                    format!("unexpected character '{c}'"),
                    single(TokenKind::End).span,
                ));
            }
        };
        tokens.push(single(kind));
        chars.next();
    }
    tokens.push(Token {
        kind: TokenKind::End,
        span: Span::new(input.len(), input.len()),
    });
    Ok(tokens)
}

/// Reads `digits[.digits][e[+-]digits]` starting at `start`. The exponent
/// part is taken only when digits follow it, so `2e` is `2` times the constant e.
fn number(input: &str, start: usize, limits: &Limits) -> Result<Token, Error> {
    let bytes = input.as_bytes();
    let mut i = start;
    let digits_from = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let int_end = digits_from(i);
    let mut mantissa = input[i..int_end].to_string();
    i = int_end;
    let mut scale: i64 = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        let frac_end = digits_from(i + 1);
        mantissa.push_str(&input[i + 1..frac_end]);
        scale = -((frac_end - i - 1) as i64);
        i = frac_end;
    }
    if mantissa.is_empty() {
        return Err(Error::new(
            ErrorKind::Syntax,
            "a lone '.' is not a number",
            Span::new(start, i),
        ));
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        let sign_at = i + 1;
        let (negative, digits_at) = match bytes.get(sign_at) {
            Some(b'-') => (true, sign_at + 1),
            Some(b'+') => (false, sign_at + 1),
            _ => (false, sign_at),
        };
        let exp_end = digits_from(digits_at);
        if exp_end > digits_at {
            let span = Span::new(start, exp_end);
            let exponent: i64 = input[digits_at..exp_end]
                .parse()
                .ok()
                .filter(|e: &i64| *e <= limits.max_decimal_exponent)
                .ok_or_else(|| too_large_literal(span))?;
            scale += if negative { -exponent } else { exponent };
            i = exp_end;
        }
    }
    let span = Span::new(start, i);
    if scale.unsigned_abs() > limits.max_decimal_exponent as u64 {
        return Err(too_large_literal(span));
    }
    let digits: BigInt = mantissa.parse().expect("only ASCII digits were collected");
    Ok(Token {
        kind: TokenKind::Number(Literal { digits, scale }),
        span,
    })
}

fn too_large_literal(span: Span) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        "number literal too large (its exponent is over the limit)",
        span,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(input: &str) -> Vec<TokenKind> {
        tokenize(input, &Limits::default())
            .unwrap()
            .into_iter()
            .map(|t| t.kind)
            .collect()
    }

    fn num(digits: i64, scale: i64) -> TokenKind {
        TokenKind::Number(Literal {
            digits: digits.into(),
            scale,
        })
    }

    #[test]
    fn decimals_are_exact_rationals() {
        assert_eq!(kinds("0.1"), vec![num(1, -1), TokenKind::End]);
        assert_eq!(kinds(".5"), vec![num(5, -1), TokenKind::End]);
        assert_eq!(kinds("5."), vec![num(5, 0), TokenKind::End]);
        let half = Literal {
            digits: 50.into(),
            scale: -2,
        };
        assert_eq!(half.to_rational(), BigRational::new(1.into(), 2.into()));
    }

    #[test]
    fn scientific_literals_win_over_e_only_when_digits_follow() {
        assert_eq!(kinds("1.5e3"), vec![num(15, 2), TokenKind::End]);
        assert_eq!(kinds("2e-3"), vec![num(2, -3), TokenKind::End]);
        assert_eq!(kinds("2E+2"), vec![num(2, 2), TokenKind::End]);
        assert_eq!(
            kinds("2e"),
            vec![num(2, 0), TokenKind::Name("e".into()), TokenKind::End]
        );
        assert_eq!(
            kinds("2e-x"),
            vec![
                num(2, 0),
                TokenKind::Name("e".into()),
                TokenKind::Minus,
                TokenKind::Name("x".into()),
                TokenKind::End
            ]
        );
    }

    #[test]
    fn unicode_operator_aliases() {
        assert_eq!(
            kinds("2×3÷4−1"),
            vec![
                num(2, 0),
                TokenKind::Star,
                num(3, 0),
                TokenKind::Slash,
                num(4, 0),
                TokenKind::Minus,
                num(1, 0),
                TokenKind::End
            ]
        );
        assert_eq!(
            kinds("π"),
            vec![TokenKind::Name("pi".into()), TokenKind::End]
        );
    }

    #[test]
    fn spans_are_byte_ranges() {
        let tokens = tokenize("12 + ab", &Limits::default()).unwrap();
        let spans: Vec<_> = tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
        assert_eq!(spans, vec![(0, 2), (3, 4), (5, 7), (7, 7)]);
    }

    #[test]
    fn control_characters_are_errors() {
        let err = tokenize("1+\u{1b}[31m", &Limits::default()).unwrap_err();
        assert_eq!(err.span, Span::new(2, 3));
        assert!(err.message.contains("U+001B"));
    }

    #[test]
    fn huge_exponents_are_refused() {
        let err = tokenize("1e999999999999999999999", &Limits::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
        let err = tokenize("1e-100000", &Limits::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn overlong_input_is_refused() {
        let limits = Limits::default();
        let input = "1+".repeat(limits.max_input_bytes);
        let err = tokenize(&input, &limits).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooComplex);
    }
}
