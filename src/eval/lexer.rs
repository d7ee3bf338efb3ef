//! Text to tokens. Numbers become exact rationals here, so `0.1` is 1/10.

use super::builtins::Constant;
use super::error::{Error, ErrorKind, Span};
use super::limits::Limits;
use super::number;
use super::radix::Radix;
use super::units::superscript_value;
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
        if self.scale == 0 {
            return BigRational::from_integer(self.digits.clone());
        }
        let power = number::power_of_ten(self.scale.unsigned_abs() as usize);
        if self.scale > 0 {
            BigRational::from_integer(&self.digits * power)
        } else {
            number::reduced(self.digits.clone(), power, &mut number::Budget::unlimited())
                .expect("an unlimited budget is never spent")
        }
    }

    /// Rough cost, in the work budget's units, of `to_rational`.
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
    Degree,
    Root,
    LeftParen,
    RightParen,
    Comma,
    Equals,
    Mod,
    Ampersand,
    Pipe,
    Xor,
    Tilde,
    ShiftLeft,
    ShiftRight,
    /// `to` or `->`, before a conversion's form.
    To,
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
            ErrorKind::InputTooLong {
                length: input.len(),
                limit: limits.max_input_bytes,
            },
            Span::new(limits.max_input_bytes, input.len()),
        ));
    }
    // Room for a token every other byte, and `End`: one allocation for most lines.
    let mut tokens = Vec::with_capacity(input.len() / 2 + 2);
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let next = input[start + c.len_utf8()..].chars().next();
        // Two-character operators first.
        let pair = match (c, next) {
            ('<', Some('<')) => Some(TokenKind::ShiftLeft),
            ('>', Some('>')) => Some(TokenKind::ShiftRight),
            ('-', Some('>')) => Some(TokenKind::To),
            _ => None,
        };
        if let Some(kind) = pair {
            chars.next();
            chars.next();
            tokens.push(Token {
                kind,
                span: Span::new(start, start + 2),
            });
            continue;
        }
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
            // Superscript powers, `m²`, `s⁻¹`: `^` and the integer.
            c if !c.is_ascii() && superscript_value(c).is_some() => {
                let mut end = start;
                let mut negative = false;
                let mut digits = String::new();
                while let Some(&(i, c)) = chars.peek() {
                    match superscript_value(c) {
                        Some(-1) if end == start => negative = true,
                        Some(d) if d >= 0 => digits.push(char::from(b'0' + d as u8)),
                        _ => break,
                    }
                    end = i + c.len_utf8();
                    chars.next();
                }
                let span = Span::new(start, end);
                let mut push = |kind| tokens.push(Token { kind, span });
                push(TokenKind::Caret);
                if negative {
                    push(TokenKind::Minus);
                }
                let Ok(power) = digits.parse::<u64>() else {
                    return Err(Error::new(ErrorKind::EndsEarly, span));
                };
                push(TokenKind::Number(Literal {
                    digits: power.into(),
                    scale: 0,
                }));
                continue;
            }
            // `°C`, `°F` and `°K` are units; `°` alone turns degrees into radians.
            '°' if matches!(next, Some('C' | 'F' | 'K'))
                && !input[start + 3..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_') =>
            {
                chars.next();
                chars.next();
                tokens.push(Token {
                    kind: TokenKind::Name(input[start..start + 3].into()),
                    span: Span::new(start, start + 3),
                });
                continue;
            }
            // The one-character degree Celsius and Fahrenheit, and the primes
            // (feet and inches, or after degrees minutes and seconds of arc),
            // are names of units.
            '℃' | '℉' | '′' | '″' | '\'' | '"' => {
                chars.next();
                tokens.push(single(TokenKind::Name(c.into())));
                continue;
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut end = start;
                while let Some(&(i, c)) = chars.peek() {
                    let superscript = !c.is_ascii() && superscript_value(c).is_some();
                    if (c.is_alphanumeric() || c == '_') && !superscript {
                        end = i + c.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let text = &input[start..end];
                let kind = match text {
                    "mod" => TokenKind::Mod,
                    "xor" => TokenKind::Xor,
                    "to" => TokenKind::To,
                    _ => match Constant::from_name(text) {
                        // π and τ are other spellings of pi and tau.
                        Some(constant) => TokenKind::Name(constant.name().into()),
                        None => TokenKind::Name(text.into()),
                    },
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
            '°' => TokenKind::Degree,
            '√' => TokenKind::Root,
            '(' => TokenKind::LeftParen,
            ')' => TokenKind::RightParen,
            ',' => TokenKind::Comma,
            '=' => TokenKind::Equals,
            '&' => TokenKind::Ampersand,
            '|' => TokenKind::Pipe,
            '~' => TokenKind::Tilde,
            c if c.is_control() => {
                return Err(Error::new(
                    ErrorKind::ControlCharacter(c),
                    single(TokenKind::End).span,
                ));
            }
            c => {
                return Err(Error::new(
                    ErrorKind::UnexpectedCharacter(c),
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

/// Reads the run of digits (in `radix`) starting at `start`, with `_`
/// allowed only between two digits. Returns where the run ends and its digits.
fn digit_run(input: &str, start: usize, radix: u32) -> Result<(usize, String), Error> {
    let bytes = input.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(|b| (*b as char).is_digit(radix));
    let mut underscores = false;
    let mut i = start;
    while i < bytes.len() {
        if is_digit(i) {
            // A digit: the run goes on.
        } else if bytes[i] == b'_' {
            underscores = true;
            if i == start || !is_digit(i - 1) || !is_digit(i + 1) {
                return Err(Error::new(
                    ErrorKind::MisplacedUnderscore,
                    Span::new(i, i + 1),
                ));
            }
        } else {
            break;
        }
        i += 1;
    }
    let run = &input[start..i];
    Ok((
        i,
        if underscores {
            run.replace('_', "")
        } else {
            run.to_owned()
        },
    ))
}

/// Reads `0x…`, `0o…` or `0b…` starting at `start` (the `0`).
fn radix_number(input: &str, start: usize, radix: Radix) -> Result<Token, Error> {
    let from = start + 2;
    let (end, digits) = digit_run(input, from, radix.base())?;
    // A letter or digit right after the run is a digit this radix lacks.
    if let Some(c) = input[end..]
        .chars()
        .next()
        .filter(char::is_ascii_alphanumeric)
    {
        return Err(Error::new(
            ErrorKind::InvalidDigit { digit: c, radix },
            Span::new(end, end + 1),
        ));
    }
    let digits = BigInt::parse_bytes(digits.as_bytes(), radix.base()).ok_or(Error::new(
        ErrorKind::MissingDigits { radix },
        Span::new(start, from),
    ))?;
    Ok(Token {
        kind: TokenKind::Number(Literal { digits, scale: 0 }),
        span: Span::new(start, end),
    })
}

/// Reads `digits[.digits][e[+-]digits]` starting at `start`. The exponent
/// part is taken only when digits follow it, so `2e` is `2` times the constant e.
fn number(input: &str, start: usize, limits: &Limits) -> Result<Token, Error> {
    let bytes = input.as_bytes();
    if bytes[start] == b'0' {
        let radix = match bytes.get(start + 1) {
            Some(b'x' | b'X') => Some(Radix::Hexadecimal),
            Some(b'o' | b'O') => Some(Radix::Octal),
            Some(b'b' | b'B') => Some(Radix::Binary),
            _ => None,
        };
        if let Some(radix) = radix {
            return radix_number(input, start, radix);
        }
    }
    let (int_end, mut mantissa) = digit_run(input, start, 10)?;
    let mut i = int_end;
    let mut scale: i64 = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        let (frac_end, fraction) = if bytes.get(i + 1) == Some(&b'_') {
            return Err(Error::new(
                ErrorKind::MisplacedUnderscore,
                Span::new(i + 1, i + 2),
            ));
        } else {
            digit_run(input, i + 1, 10)?
        };
        mantissa.push_str(&fraction);
        scale = -(fraction.len() as i64);
        i = frac_end;
    }
    if mantissa.is_empty() {
        return Err(Error::new(ErrorKind::LonePoint, Span::new(start, i)));
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        let sign_at = i + 1;
        let (negative, digits_at) = match bytes.get(sign_at) {
            Some(b'-') => (true, sign_at + 1),
            Some(b'+') => (false, sign_at + 1),
            _ => (false, sign_at),
        };
        if bytes.get(digits_at).is_some_and(u8::is_ascii_digit) {
            let (exp_end, exponent) = digit_run(input, digits_at, 10)?;
            let span = Span::new(start, exp_end);
            let exponent: i64 = exponent
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
    // Most literals fit in a word: parse them as one, not through a big integer's string parser.
    let digits: BigInt = match mantissa.parse::<u64>() {
        Ok(word) => BigInt::from(word),
        Err(_) => mantissa.parse().expect("only ASCII digits were collected"),
    };
    Ok(Token {
        kind: TokenKind::Number(Literal { digits, scale }),
        span,
    })
}

fn too_large_literal(span: Span) -> Error {
    Error::new(ErrorKind::LiteralTooLarge, span)
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
        assert_eq!(err.kind, ErrorKind::ControlCharacter('\u{1b}'));
    }

    #[test]
    fn huge_exponents_are_refused() {
        let err = tokenize("1e999999999999999999999", &Limits::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::LiteralTooLarge);
        let err = tokenize("1e-100000", &Limits::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::LiteralTooLarge);
    }

    #[test]
    fn overlong_input_is_refused() {
        let limits = Limits::default();
        let input = "1+".repeat(limits.max_input_bytes);
        let err = tokenize(&input, &limits).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::InputTooLong { .. }));
    }

    #[test]
    fn radix_literals_and_digit_separators() {
        let int = |n: i64| vec![num(n, 0), TokenKind::End];
        assert_eq!(kinds("0x1F"), int(31));
        assert_eq!(kinds("0XfF_fF"), int(65535));
        assert_eq!(kinds("0b1011"), int(11));
        assert_eq!(kinds("0o17"), int(15));
        assert_eq!(kinds("1_000_000"), int(1_000_000));
        assert_eq!(
            kinds("1_000.000_5"),
            vec![num(10_000_005, -4), TokenKind::End]
        );
        let limits = Limits::default();
        let error = |input: &str| {
            let e = tokenize(input, &limits).unwrap_err();
            (e.kind, (e.span.start, e.span.end))
        };
        assert_eq!(error("1__0"), (ErrorKind::MisplacedUnderscore, (1, 2)));
        assert_eq!(error("1_"), (ErrorKind::MisplacedUnderscore, (1, 2)));
        assert_eq!(error("0x_1"), (ErrorKind::MisplacedUnderscore, (2, 3)));
        assert_eq!(error("1._5"), (ErrorKind::MisplacedUnderscore, (2, 3)));
        let radix = Radix::Hexadecimal;
        assert_eq!(error("0x"), (ErrorKind::MissingDigits { radix }, (0, 2)));
        let radix = Radix::Binary;
        assert_eq!(
            error("0b102"),
            (ErrorKind::InvalidDigit { digit: '2', radix }, (4, 5))
        );
        let radix = Radix::Octal;
        assert_eq!(
            error("0o8"),
            (ErrorKind::InvalidDigit { digit: '8', radix }, (2, 3))
        );
    }

    #[test]
    fn operators_of_two_characters_and_keywords() {
        assert_eq!(
            kinds("1<<2>>3 -> hex to xor & | ~ °"),
            vec![
                num(1, 0),
                TokenKind::ShiftLeft,
                num(2, 0),
                TokenKind::ShiftRight,
                num(3, 0),
                TokenKind::To,
                TokenKind::Name("hex".into()),
                TokenKind::To,
                TokenKind::Xor,
                TokenKind::Ampersand,
                TokenKind::Pipe,
                TokenKind::Tilde,
                TokenKind::Degree,
                TokenKind::End
            ]
        );
    }
}
