//! Numbers to text. Output is plain decimal (`-`, digits, `.`) or, where that
//! would be unreasonably long, scientific `1.5e-20`; both parse as Python's
//! `decimal.Decimal`.

use super::number;
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// Whether the shown text is the value itself or a rounding of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exactness {
    Exact,
    Rounded,
}

/// The significant digits of a non-zero number and the decimal exponent of
/// the first one: `digits = "15", exponent = -3` is 0.0015.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    pub negative: bool,
    pub digits: String,
    pub exponent: i64,
}

/// An integer in a radix, lower case with its prefix: `0xff`, `-0b101`.
pub fn radix(n: &BigInt, radix: super::radix::Radix) -> String {
    let sign = if n.is_negative() { "-" } else { "" };
    format!(
        "{sign}{}{}",
        radix.prefix(),
        n.abs().to_str_radix(radix.base())
    )
}

/// An exact value as `p/q` in lowest terms, or the integer alone.
pub fn fraction(r: &BigRational) -> String {
    if r.is_integer() {
        r.numer().to_string()
    } else {
        format!("{}/{}", r.numer(), r.denom())
    }
}

/// Smallest exponent still written in plain notation (0.000001).
const PLAIN_MIN_EXPONENT: i64 = -6;

/// Text for an exact value: every digit when its decimal expansion ends,
/// otherwise rounded to `significant` digits.
pub fn format_exact(r: &BigRational, significant: usize) -> (String, Exactness) {
    if r.is_zero() {
        return ("0".into(), Exactness::Exact);
    }
    match terminating_decimal(r) {
        Some(decimal) => {
            // Every digit is exact, so plain notation may pad with zeros
            // (2^100 prints all 31 digits); only tiny values go scientific.
            let plain = decimal.exponent >= PLAIN_MIN_EXPONENT;
            (render(&decimal, plain), Exactness::Exact)
        }
        None => (
            format_rounded(&round_significant(r, significant), significant),
            Exactness::Rounded,
        ),
    }
}

/// Text for a value rounded to `significant` digits. Zeros that would stand
/// in for unknown digits (1.23e20 as 123000…) are avoided by going scientific.
pub fn format_rounded(decimal: &Option<Decimal>, significant: usize) -> String {
    match decimal {
        None => "0".into(),
        Some(d) => {
            let plain = d.exponent >= PLAIN_MIN_EXPONENT && d.exponent < significant as i64;
            render(d, plain)
        }
    }
}

fn render(d: &Decimal, plain: bool) -> String {
    let digits = d.digits.as_str();
    // Sized once: sign, point, exponent or padding zeros.
    let padding = if plain { d.exponent.unsigned_abs() } else { 20 };
    let mut out = String::with_capacity(digits.len() + padding as usize + 3);
    let zeros = |out: &mut String, n: usize| out.extend(std::iter::repeat_n('0', n));
    if d.negative {
        out.push('-');
    }
    if !plain {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push_str(&d.exponent.to_string());
    } else if d.exponent < 0 {
        out.push_str("0.");
        zeros(&mut out, (-d.exponent - 1) as usize);
        out.push_str(digits);
    } else {
        let int_len = d.exponent as usize + 1;
        if digits.len() <= int_len {
            out.push_str(digits);
            zeros(&mut out, int_len - digits.len());
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// All digits of `r` if its decimal expansion terminates (its reduced
/// denominator has no prime factors but 2 and 5).
pub fn terminating_decimal(r: &BigRational) -> Option<Decimal> {
    if r.is_zero() {
        return None;
    }
    let twos = r.denom().trailing_zeros().unwrap_or(0) as usize;
    let mut denom = r.denom() >> twos;
    let two = BigInt::from(2u8);
    let five = BigInt::from(5u8);
    let mut fives = 0usize;
    if let Some(mut word) = denom.to_u64() {
        // Most denominators fit a word: no big divisions.
        while word % 5 == 0 {
            word /= 5;
            fives += 1;
        }
        if word != 1 {
            return None;
        }
    } else {
        // Strip fives 27 at a time (5^27 fits a word), then singly: one big
        // division per factor would be quadratic for denominators like 5^40000.
        let five_27 = BigInt::from(5u64.pow(27));
        while denom.is_multiple_of(&five_27) {
            denom /= &five_27;
            fives += 27;
        }
        while denom.is_multiple_of(&five) {
            denom /= &five;
            fives += 1;
        }
        if !denom.is_one() {
            return None;
        }
    }
    let places = twos.max(fives);
    // numer / (2^twos 5^fives) = numer * 2^(places-twos) * 5^(places-fives) / 10^places
    let scale = |numer: u64| {
        let twos = 2u64.checked_pow((places - twos).try_into().ok()?)?;
        let fives = 5u64.checked_pow((places - fives).try_into().ok()?)?;
        numer.checked_mul(twos)?.checked_mul(fives)
    };
    let text = match r.numer().magnitude().to_u64().and_then(scale) {
        // A word, as a running total's usually is: no big-number digits.
        Some(word) => word.to_string(),
        None => (r.numer().abs()
            * num_traits::pow(two, places - twos)
            * num_traits::pow(five, places - fives))
        .to_string(),
    };
    let exponent = text.len() as i64 - 1 - places as i64;
    Some(Decimal {
        negative: r.is_negative(),
        digits: text.trim_end_matches('0').to_string(),
        exponent,
    })
}

/// `r` correctly rounded (half to even) to `significant` digits, trailing
/// zeros trimmed; `None` for zero.
pub fn round_significant(r: &BigRational, significant: usize) -> Option<Decimal> {
    if r.is_zero() {
        return None;
    }
    let numer = r.numer().abs();
    let denom = r.denom();
    let lower = number::power_of_ten(significant - 1);
    let upper = number::power_of_ten(significant);
    // log10 estimate from bit lengths, corrected below.
    let mut exponent =
        ((numer.bits() as f64 - denom.bits() as f64) * std::f64::consts::LOG10_2).floor() as i64;
    loop {
        let shift = significant as i64 - 1 - exponent;
        let (mut quotient, half) = scaled_division(&numer, denom, shift);
        if quotient >= upper {
            exponent += 1;
            continue;
        }
        if quotient < lower {
            exponent -= 1;
            continue;
        }
        if half == Ordering::Greater || (half == Ordering::Equal && quotient.is_odd()) {
            quotient += 1u8;
        }
        if quotient == upper {
            quotient = lower.clone();
            exponent += 1;
        }
        let mut digits = match quotient.to_u64() {
            Some(word) => word.to_string(),
            None => quotient.to_string(),
        };
        digits.truncate(digits.trim_end_matches('0').len());
        return Some(Decimal {
            negative: r.is_negative(),
            digits,
            exponent,
        });
    }
}

/// `n·10^shift / d` (for a negative shift, `n / (d·10^-shift)`), and how
/// twice the remainder compares with the divisor, for rounding.
fn scaled_division(n: &BigInt, d: &BigInt, shift: i64) -> (BigInt, Ordering) {
    let scale = 10u64.checked_pow(shift.unsigned_abs().try_into().unwrap_or(u32::MAX));
    if let (Some(n), Some(d), Some(scale)) = (n.to_u64(), d.to_u64(), scale) {
        // Word-sized parts, as most results have: no big division.
        let (n, d) = if shift >= 0 {
            (u128::from(n) * u128::from(scale), u128::from(d))
        } else {
            (u128::from(n), u128::from(d) * u128::from(scale))
        };
        let remainder = n % d;
        return (BigInt::from(n / d), remainder.cmp(&(d - remainder)));
    }
    // A ball's ends are over a power of two: a shift, not a division, and
    // the remainder read from the bits below it. (Division truncates; so
    // does a shift of a magnitude.)
    if let Some(twos) = d.trailing_zeros()
        && d.bits() == twos + 1
        && twos > 0
        && !n.is_negative()
        && shift >= 0
    {
        let scaled = match scale {
            Some(word) => n * word,
            None => n * number::power_of_ten(shift as usize),
        };
        let quotient = &scaled >> twos as usize;
        let half = if !scaled.bit(twos - 1) {
            Ordering::Less
        } else if scaled.trailing_zeros() == Some(twos - 1) {
            Ordering::Equal
        } else {
            Ordering::Greater
        };
        return (quotient, half);
    }
    let (n, d) = if shift >= 0 {
        (n * number::power_of_ten(shift as usize), d.clone())
    } else {
        (n.clone(), d * number::power_of_ten((-shift) as usize))
    };
    let (quotient, remainder) = n.div_rem(&d);
    (quotient, (remainder * 2u8).cmp(&d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_power_of_two_divisor_rounds_as_a_division_would() {
        let big = BigInt::from(u64::MAX) * BigInt::from(977u32) + 12345u32;
        for (n, twos, shift) in [
            (big.clone(), 70, 9),
            (big.clone(), 1, 3),
            (-big.clone(), 90, 20),
            (BigInt::from(5u8) << 200usize, 201, 1),
            (BigInt::from(3u8) << 200usize, 201, 0),
            (BigInt::one() << 199usize, 201, 0),
        ] {
            let d = BigInt::one() << twos as usize;
            let scaled = &n * number::power_of_ten(shift as usize);
            let (quotient, remainder) = scaled.div_rem(&d);
            let expected = (quotient, (remainder * 2u8).cmp(&d));
            assert_eq!(scaled_division(&n, &d, shift), expected, "{n}/2^{twos}");
        }
    }

    fn q(n: i64, d: i64) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    fn exact(r: BigRational) -> String {
        format_exact(&r, 15).0
    }

    #[test]
    fn terminating_values_print_every_digit() {
        assert_eq!(exact(q(3, 10)), "0.3");
        assert_eq!(exact(q(121, 100)), "1.21");
        assert_eq!(exact(q(-1, 2)), "-0.5");
        assert_eq!(exact(q(1000, 1)), "1000");
        assert_eq!(exact(q(0, 1)), "0");
        let big = BigRational::from_integer(BigInt::from(2u8).pow(100));
        assert_eq!(exact(big), "1267650600228229401496703205376");
        assert_eq!(exact(q(1, 1_000_000)), "0.000001");
        assert_eq!(exact(q(1, 10_000_000)), "1e-7");
        assert_eq!(exact(q(-15, 10_000_000_000)), "-1.5e-9");
    }

    #[test]
    fn repeating_values_round_to_the_digit_count() {
        assert_eq!(
            format_exact(&q(1, 3), 15),
            ("0.333333333333333".into(), Exactness::Rounded)
        );
        assert_eq!(exact(q(2, 3)), "0.666666666666667");
        assert_eq!(exact(q(-1, 7)), "-0.142857142857143");
        assert_eq!(format_exact(&q(1, 3), 5).0, "0.33333");
    }

    #[test]
    fn rounded_values_go_scientific_instead_of_inventing_zeros() {
        let big = q(10, 3) * BigRational::from_integer(BigInt::from(10u8).pow(20));
        assert_eq!(exact(big), "3.33333333333333e20");
        assert_eq!(exact(q(1, 3_000_000_000)), "3.33333333333333e-10");
    }

    #[test]
    fn rounding_is_half_to_even_and_carries() {
        let d = round_significant(&q(25, 10), 1).unwrap();
        assert_eq!((d.digits.as_str(), d.exponent), ("2", 0));
        let d = round_significant(&q(35, 10), 1).unwrap();
        assert_eq!((d.digits.as_str(), d.exponent), ("4", 0));
        let d = round_significant(&q(9999, 1000), 3).unwrap();
        assert_eq!((d.digits.as_str(), d.exponent), ("1", 1));
    }
}
