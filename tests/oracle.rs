//! Irrational results against values computed independently with mpmath
//! (tests/oracle/generate.py writes tests/fixtures/irrational.tsv), and
//! answers that need a proof, judged by mpmath at 5,000 and 10,000 digits
//! (tests/oracle/generate_proven.py writes tests/fixtures/proven.tsv).

use pebble::eval::{AngleMode, Category, Exactness, Session, Settings};

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

/// A fixture row's digit count and angle mode (`deg` or `rad`).
fn settings(digits: &str, angle: &str) -> Settings {
    Settings {
        digits: digits.parse().unwrap(),
        angle: if angle == "deg" {
            AngleMode::Degrees
        } else {
            AngleMode::Radians
        },
        ..Settings::default()
    }
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
        let settings = settings(digits, angle);
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

/// What one proven.tsv row asks of pebble's answer; `None` when it holds.
fn proven_mismatch(
    answer: &Result<pebble::eval::Answer, pebble::eval::Error>,
    expected: &str,
) -> Option<String> {
    let said = match answer {
        Ok(a) => format!("{} ({:?})", a.text, a.exactness),
        Err(e) => format!("error: {e} ({:?})", e.category()),
    };
    let exact = |a: &pebble::eval::Answer, value: &str| {
        a.exactness == Exactness::Exact
            && normalize(&a.text) == normalize(value)
            // An integer is printed in full, every digit.
            && (value.contains('.') || a.text == value)
    };
    // More digits than shown: marking it exact would be a lie.
    let rounded = |a: &pebble::eval::Answer, value: &str| {
        a.exactness == Exactness::Rounded && normalize(&a.text) == normalize(value)
    };
    let holds = match (expected.split_once(':'), answer) {
        (Some(("error", "undetermined")), Err(e)) => e.category() == Category::Undetermined,
        (Some(("exact", value)), Ok(a)) => exact(a, value),
        (Some(("rounded", value)), Ok(a)) => rounded(a, value),
        // An exact decimal longer than the digits shown: all of it, or its rounding.
        (Some(("exact-or-rounded", both)), Ok(a)) => {
            let (whole, shown) = both
                .split_once('|')
                .expect("exact-or-rounded:WHOLE|ROUNDED");
            exact(a, whole) || rounded(a, shown)
        }
        // Exactly this decimal, reached through approximations: either mark is honest.
        (Some(("decimal", value)), Ok(a)) => normalize(&a.text) == normalize(value),
        (Some(("error" | "exact" | "rounded" | "exact-or-rounded" | "decimal", _)), _) => false,
        _ => panic!("malformed expected value: {expected}"),
    };
    (!holds).then(|| {
        format!(
            "pebble says {}, mpmath {}",
            shorten(&said),
            shorten(expected)
        )
    })
}

/// Runs of more than 60 digits cut to their first 30 and last 10, so a
/// 2,500-digit integer fits a failure line and its tail still shows.
fn shorten(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() > 60 {
            let n = run.len();
            out.push_str(&format!("{}…({n} digits)…{}", &run[..30], &run[n - 10..]));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[test]
fn every_proven_answer_matches_the_oracle() {
    let fixture = include_str!("fixtures/proven.tsv");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [expression, digits, angle, class, expected] = fields[..] else {
            panic!("malformed fixture line: {line}");
        };
        let settings = settings(digits, angle);
        let answer = Session::new().evaluate(expression, &settings);
        if let Some(why) = proven_mismatch(&answer, expected) {
            wrong.push(format!(
                "[{class}] {expression} at {digits} digits ({angle}): {why}"
            ));
        }
        checked += 1;
    }
    assert!(checked >= 150, "only {checked} fixture rows");
    // Every wrong row at once: each is a separate fault to fix.
    assert!(
        wrong.is_empty(),
        "{} of {checked} rows wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn proven_rows_are_judged_by_kind() {
    let answer = |input: &str| Session::new().evaluate(input, &Settings::default());
    assert_eq!(proven_mismatch(&answer("1/2"), "exact:0.5"), None);
    assert_eq!(
        proven_mismatch(&answer("2^70"), "exact:1180591620717411303424"),
        None
    );
    assert_eq!(
        proven_mismatch(&answer("1/7"), "rounded:1.42857142857143e-1"),
        None
    );
    assert_eq!(
        proven_mismatch(&answer("1/7"), "decimal:1.42857142857143e-1"),
        None
    );
    assert_eq!(proven_mismatch(&answer("1/2"), "decimal:5.0e-1"), None);
    // The right digits with the wrong mark, or the wrong digits, fail.
    assert!(proven_mismatch(&answer("1/2"), "rounded:5.0e-1").is_some());
    assert!(proven_mismatch(&answer("1/7"), "exact:0.142857142857143").is_some());
    assert!(proven_mismatch(&answer("1/8"), "exact:0.12").is_some());
    // A long exact decimal: all of it marked exact, or its half-even rounding.
    let long = "exact-or-rounded:1.234567890123455|1.23456789012346e0";
    assert_eq!(proven_mismatch(&answer("2*0.6172839450617275"), long), None);
    assert_eq!(
        proven_mismatch(&answer("1.234567890123455+1/(3*10^30)"), long),
        None
    );
    assert!(proven_mismatch(&answer("1.234567890123455-1/(3*10^30)"), long).is_some());
    assert_eq!(
        shorten(&format!("{}e5", "1".repeat(70))),
        format!("{}…(70 digits)…{}e5", "1".repeat(30), "1".repeat(10))
    );
    // An error of another kind is not the undecidable one.
    assert!(proven_mismatch(&answer("1/0"), "error:undetermined").is_some());
    assert!(proven_mismatch(&answer("1/2"), "error:undetermined").is_some());
}

#[test]
fn normalize_reads_both_notations() {
    assert_eq!(normalize("0.0015"), (false, "15".into(), -3));
    assert_eq!(normalize("1.5e-3"), (false, "15".into(), -3));
    assert_eq!(normalize("-120"), (true, "12".into(), 2));
    assert_eq!(normalize("1.0e0"), (false, "1".into(), 0));
}

/// `a + bi`, `a - bi`, `bi` or `a` as its real and imaginary parts' text.
fn complex_parts(text: &str) -> (String, String) {
    let Some(body) = text.strip_suffix('i') else {
        return (text.to_string(), "0".to_string());
    };
    let imaginary = |s: &str| match s {
        "" => "1".to_string(),
        "-" => "-1".to_string(),
        s => s.to_string(),
    };
    if let Some((re, im)) = body.rsplit_once(" + ") {
        return (re.to_string(), imaginary(im));
    }
    if let Some((re, im)) = body.rsplit_once(" - ") {
        return (re.to_string(), format!("-{}", imaginary(im)));
    }
    ("0".to_string(), imaginary(body))
}

#[test]
fn every_shown_digit_of_both_parts_matches_the_oracle() {
    let fixture = include_str!("fixtures/complex.tsv");
    let mut checked = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [expression, digits, mode, re, im] = fields[..] else {
            panic!("malformed fixture line: {line}");
        };
        let settings = Settings {
            complex: mode == "complex",
            ..settings(digits, "rad")
        };
        let answer = Session::new()
            .evaluate(expression, &settings)
            .unwrap_or_else(|e| panic!("{expression}: {e}"));
        let (got_re, got_im) = complex_parts(&answer.text);
        for (part, got, expected) in [("real", got_re, re), ("imaginary", got_im, im)] {
            let normal = |s: &str| match s {
                "0" => (false, String::new(), 0),
                s => normalize(s),
            };
            assert_eq!(
                normal(&got),
                normal(expected),
                "{expression} at {digits} digits, {part} part: pebble says {}, mpmath {expected}",
                answer.text
            );
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} fixture rows");
}
