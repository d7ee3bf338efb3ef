//! The binary's non-interactive faces: one-shot and line mode.

mod common;

use common::run::pebble;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn one_shot_prints_the_result() {
    let out = pebble(&["6*7"], "");
    assert_eq!(
        (stdout(&out).as_str(), out.status.code()),
        ("42\n", Some(0))
    );
    let out = pebble(&["2", "+", "2"], "");
    assert_eq!(stdout(&out), "4\n");
    let out = pebble(&["0.1+0.2"], "");
    assert_eq!(stdout(&out), "0.3\n");
}

#[test]
fn one_shot_error_has_a_caret_on_stderr_and_exit_1() {
    let out = pebble(&["1+2)*3"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "error: unmatched ')'\n  1+2)*3\n     ^\n");
}

#[test]
fn an_error_in_a_long_input_shows_a_window_around_the_fault() {
    let input = "1+".repeat(1000) + "2 ×× 3" + &"+1".repeat(1000);
    let out = pebble(&[&input], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(lines[0], "error: unexpected '×'");
    let shown = lines[1].strip_prefix("  ").unwrap();
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
    assert!(shown.chars().count() <= 74, "{shown}");
    // The caret stands under the second '×' (every character here is one column).
    let fault = shown.find("××").unwrap() + '×'.len_utf8();
    let column = shown[..fault].chars().count();
    assert_eq!(lines[2], format!("  {}^", " ".repeat(column)));

    // Over the length limit: a window, not 100,000 characters echoed back.
    let out = pebble(&[&"1+".repeat(50_000)], "");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: input too long (100000 bytes"),
        "{err}"
    );
    assert!(err.len() < 400, "{err}");
}

#[test]
fn leading_minus_is_an_expression() {
    assert_eq!(stdout(&pebble(&["--", "-2^2"], "")), "-4\n");
    assert_eq!(stdout(&pebble(&["-2^2"], "")), "-4\n");
    assert_eq!(stdout(&pebble(&["-3", "*", "2"], "")), "-6\n");
}

#[test]
fn options_set_digits_and_degrees_and_a_bad_one_exits_with_2() {
    let out = pebble(&["--digits", "30", "pi"], "");
    assert_eq!(stdout(&out), "3.14159265358979323846264338328\n");
    let out = pebble(&["--degrees", "sin(30)"], "");
    assert_eq!(stdout(&out), "0.5\n");
    let out = pebble(&["--help"], "");
    assert!(stdout(&out).contains("Usage: pebble"));
    assert_eq!(out.status.code(), Some(0));
    let out = pebble(&["--version"], "");
    assert_eq!(
        stdout(&out),
        format!("pebble {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = pebble(&["--digits", "0", "1"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--digits"));
    let out = pebble(&["--bogus"], "");
    assert_eq!(out.status.code(), Some(2));
}

/// A thousand digits of a few irrational values, each digit checked
/// against mpmath's (tests/fixtures/digits.tsv), and what exact values
/// and hostile inputs do with many digits asked for.
#[test]
fn many_digits_are_all_right() {
    let fixture = include_str!("fixtures/digits.tsv");
    let rows: Vec<(&str, &str)> = fixture
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split_once('\t').expect("expression and digits"))
        .collect();
    assert_eq!(rows.len(), 7);
    for (expression, digits) in rows {
        let out = pebble(&["--digits", "1000", expression], "");
        assert_eq!(stdout(&out).trim_end(), digits, "{expression}");
    }
    // Exact values print whole, however many digits are allowed.
    let out = pebble(&["--digits", "100000", "1/8"], "");
    assert_eq!(stdout(&out), "0.125\n");
    // A square root is a few multiplications: 100,000 digits of it are
    // answered, every one right (the integer square root of 2·10^200000,
    // rounded at its last digit).
    let out = pebble(&["--digits", "100000", "sqrt(2)"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown: String = stdout(&out).trim_end().replace('.', "");
    let root =
        (num_bigint::BigUint::from(2u8) * num_bigint::BigUint::from(10u8).pow(200_000)).sqrt();
    let rounded = (root + 5u8) / 10u8;
    assert_eq!(shown.len(), 100_000);
    assert!(
        shown == rounded.to_string(),
        "100,000 digits of sqrt(2) differ"
    );
    // A logarithm at that size would take half a minute: refused at once.
    let out = pebble(&["--digits", "100000", "ln(3)"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("too expensive"), "{}", stderr(&out));
    // A hostile input at the most digits is refused, not run for minutes.
    let out = pebble(&["--digits", "100000", "sin(exp(exp(5)))"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("too expensive"), "{}", stderr(&out));
}

#[test]
fn line_mode_evaluates_each_line() {
    let out = pebble(&[], "2+2\nans*10\n\nx=3\nx^2\n");
    assert_eq!(stdout(&out), "4\n40\n3\n9\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn line_mode_reports_errors_with_line_numbers_and_goes_on() {
    let out = pebble(&[], "1\n2/0\n3\n");
    assert_eq!(stdout(&out), "1\n3\n");
    assert_eq!(
        stderr(&out),
        "error on line 2: division by zero\n  2/0\n    ^\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn no_input_gives_a_hint_not_a_panic() {
    let out = pebble(&[], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nothing to calculate"));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn control_characters_are_never_echoed() {
    let out = pebble(&["1+\u{1b}[2J"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains('\u{1b}'));
    assert!(stderr(&out).contains("control character U+001B"));
}

#[test]
fn output_parses_as_a_plain_decimal() {
    // Digits, one optional '.', optional leading '-', optional 'e' exponent.
    let out = pebble(&[], "1/3\n2^100\n1e-30\nexp(1000)\n-sqrt(2)\n0.1+0.2\n");
    for line in stdout(&out).lines() {
        let (mantissa, exponent) = line.split_once('e').unwrap_or((line, "0"));
        let mantissa = mantissa.strip_prefix('-').unwrap_or(mantissa);
        assert!(
            mantissa.chars().all(|c| c.is_ascii_digit() || c == '.'),
            "{line}"
        );
        assert!(mantissa.matches('.').count() <= 1, "{line}");
        assert!(exponent.parse::<i64>().is_ok(), "{line}");
    }
}

#[test]
fn line_mode_streams_100k_lines() {
    let input: String = (0..100_000).map(|i| format!("{i}*2\n")).collect();
    let out = pebble(&[], &input);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 100_000);
    assert_eq!(text.lines().last(), Some("199998"));
}

#[test]
fn line_mode_answers_before_input_ends() {
    // An answer arrives while stdin is still open: input is not read whole first.
    let mut child = Command::new(env!("CARGO_BIN_EXE_pebble"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdin.write_all(b"6*7\n").unwrap();
    stdin.flush().unwrap();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "42\n");
    stdin.write_all(b"ans+1\n").unwrap();
    drop(stdin);
    line.clear();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "43\n");
    assert!(child.wait().unwrap().success());
}

/// How many decimals the oracle below carries: far more than the 15
/// significant digits printed, so its last-place error never shows.
const GUARD: usize = 40;

/// `value` (scaled by 10^GUARD) as line mode prints it: 15 significant
/// digits, rounded to nearest, trailing zeros dropped.
fn fifteen_digits(value: &num_bigint::BigInt) -> String {
    let magnitude = value.magnitude();
    let dropped = magnitude.to_string().len().saturating_sub(15);
    let unit = num_bigint::BigUint::from(10u8).pow(dropped as u32);
    let kept = (magnitude + &unit / 2u8) / unit;
    let mut kept = format!("{kept:0>width$}", width = GUARD - dropped + 1);
    kept.insert(kept.len() - (GUARD - dropped), '.');
    let text = kept.trim_end_matches('0').trim_end_matches('.');
    let sign = if value.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    format!("{sign}{text}")
}

/// The first lines where `got` is not `expected`, with their input.
fn differences(input: &str, expected: &[String], got: &str) -> Vec<String> {
    let got: Vec<&str> = got.lines().collect();
    let mut differences: Vec<String> = input
        .lines()
        .zip(expected)
        .enumerate()
        .filter(|(i, (_, want))| got.get(*i) != Some(&want.as_str()))
        .take(5)
        .map(|(i, (line, want))| {
            format!(
                "line {}: {line} should print {want}, printed {}",
                i + 1,
                got.get(i).unwrap_or(&"nothing")
            )
        })
        .collect();
    if got.len() != expected.len() {
        differences.push(format!("{} lines, not {}", got.len(), expected.len()));
    }
    differences
}

#[test]
fn the_benchmark_workloads_print_what_they_always_printed() {
    use num_bigint::BigInt;
    use num_integer::Integer;
    // Faster must not mean different. The output recorded before any speed
    // work (FNV-1a 0x4377_cac9_58e5_c753 and 0x8c99_2f91_1ead_7850) is what
    // these answers, worked out here in integers, say line by line; so a
    // change names the lines it changed.
    let scale = || BigInt::from(10u8).pow(GUARD as u32);
    // n*1.1 + n/7 is 87n/70.
    let products: Vec<(String, String)> = (1..=20_000u32)
        .map(|n| {
            let value = (BigInt::from(87 * n) * scale()).div_floor(&BigInt::from(70));
            (format!("{n}*1.1+{n}/7"), fifteen_digits(&value))
        })
        .collect();
    // sqrt(n) + (n+0.5)^2/3 - 2.25n is sqrt(n) + (4n^2 - 23n + 1)/12.
    let roots: Vec<(String, String)> = (1..=5_000i64)
        .map(|n| {
            let root = (BigInt::from(n) * scale() * scale()).sqrt();
            let rest =
                (BigInt::from(4 * n * n - 23 * n + 1) * scale()).div_floor(&BigInt::from(12));
            (
                format!("sqrt({n})+({n}+0.5)^2/3-{n}*2.25"),
                fifteen_digits(&(root + rest)),
            )
        })
        .collect();
    for workload in [products, roots] {
        let input: String = workload
            .iter()
            .map(|(line, _)| format!("{line}\n"))
            .collect();
        let expected: Vec<String> = workload.into_iter().map(|(_, answer)| answer).collect();
        let out = pebble(&[], &input);
        assert_eq!(out.status.code(), Some(0));
        let differences = differences(&input, &expected, &stdout(&out));
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }
}

#[test]
fn a_line_far_over_the_limit_is_refused_and_the_next_line_runs() {
    let huge = "1+".repeat(5_000_000);
    let out = pebble(&[], &format!("{huge}\n6*7\n"));
    assert_eq!(stdout(&out), "42\n");
    assert_eq!(
        stderr(&out),
        "error on line 1: input too long (10000000 bytes; the limit is 4096)\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn line_mode_carries_functions_like_variables() {
    let out = pebble(
        &[],
        "f(x)=x^2\nf(3)\ng(a, b) = f(a) + b\ng(2, 1)\nf(1, 2)\n",
    );
    assert_eq!(stdout(&out), "x^2\n9\nf(a) + b\n5\n");
    assert_eq!(
        stderr(&out),
        "error on line 5: f(x) takes 1 argument, not 2\n  f(1, 2)\n  ^^^^^^^\n"
    );
}

#[test]
fn complex_mode_and_the_error_that_points_to_it() {
    let out = pebble(&["sqrt(-4)"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).lines().next().unwrap(),
        "error: sqrt of a negative number has no real value; \
         its complex value is 2i (--complex, or F4 on the screen)"
    );
    let out = pebble(&["--complex", "sqrt(-4)"], "");
    assert_eq!(stdout(&out), "2i\n");
    assert_eq!(out.status.code(), Some(0));
    // The real odd root without the mode, the principal root with it.
    assert_eq!(stdout(&pebble(&["(-8)^(1/3)"], "")), "-2\n");
    assert_eq!(
        stdout(&pebble(&["--complex", "(-8)^(1/3)"], "")),
        "1 + 1.73205080756888i\n"
    );
    // A line that writes i is complex without the mode, in line mode too.
    let out = pebble(&["--digits", "5"], "z = (1+2i)*(3-i)\nz/5\nln(-1)\ni^i\n");
    assert_eq!(stdout(&out), "5 + 5i\n1 + i\n0.20788\n");
    assert!(stderr(&out).contains("its complex value is ≈ 3.1416i"));
    let out = pebble(&["--complex"], "ln(-1)\nsqrt(-1)*sqrt(-1)\n");
    assert_eq!(stdout(&out), "3.14159265358979i\n-1\n");
}
