//! Irrational results against values computed independently with mpmath
//! (tests/oracle/generate.py writes tests/fixtures/irrational.tsv).

use pebble::eval::{AngleMode, Session, Settings};

/// `1.2345e3`-style text as (negative, significant digits, exponent of the first digit).
fn normalize(text: &str) -> (bool, String, i64) {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap()),
        None => (text, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all
        .trim_start_matches('0')
        .trim_end_matches('0')
        .to_string();
    let first_exponent = exponent + int.len() as i64 - 1 - leading as i64;
    (negative, digits, first_exponent)
}

#[test]
fn every_shown_digit_matches_the_oracle() {
    let fixture = include_str!("fixtures/irrational.tsv");
    let mut checked = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [expression, digits, angle, expected] = fields[..] else {
            panic!("malformed fixture line: {line}");
        };
        let settings = Settings {
            digits: digits.parse().unwrap(),
            angle: if angle == "deg" {
                AngleMode::Degrees
            } else {
                AngleMode::Radians
            },
            ..Settings::default()
        };
        let answer = Session::new()
            .evaluate(expression, &settings)
            .unwrap_or_else(|e| panic!("{expression}: {e}"));
        assert_eq!(
            normalize(&answer.text),
            normalize(expected),
            "{expression} at {digits} digits: pebble says {}, mpmath {expected}",
            answer.text
        );
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} fixture rows");
}

#[test]
fn normalize_reads_both_notations() {
    assert_eq!(normalize("0.0015"), (false, "15".into(), -3));
    assert_eq!(normalize("1.5e-3"), (false, "15".into(), -3));
    assert_eq!(normalize("-120"), (true, "12".into(), 2));
    assert_eq!(normalize("1.0e0"), (false, "1".into(), 0));
}
