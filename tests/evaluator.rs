//! The language rules, checked through the public evaluator API.

use pebble::eval::{AngleMode, Category, ErrorKind, Exactness, Session, Settings};

fn settings() -> Settings {
    Settings::default()
}

fn eval(input: &str) -> String {
    eval_with(input, &settings())
}

/// Evaluates `input`, and checks that the printed result, read back, is
/// the same value (as fend's suite does): output is always valid input.
#[track_caller]
fn eval_with(input: &str, settings: &Settings) -> String {
    let text = match Session::new().evaluate(input, settings) {
        Ok(answer) => answer.text,
        Err(e) => panic!("{input}: unexpected error {e}"),
    };
    // (Outputs longer than an input line may be cannot be read back.)
    if text.len() > settings.limits.max_input_bytes / 2 {
        return text;
    }
    let difference = format!("({text}) - ({})", read_back(&text, settings));
    assert_eq!(
        read_back(&difference, settings),
        "0",
        "{input} printed {text}, which reads back as another value"
    );
    text
}

#[track_caller]
fn read_back(text: &str, settings: &Settings) -> String {
    match Session::new().evaluate(text, settings) {
        Ok(answer) => answer.text,
        Err(e) => panic!("the output {text} does not read back: {e}"),
    }
}

#[track_caller]
fn error(input: &str) -> (Category, String, (usize, usize)) {
    let e = error_kind(input);
    (e.category(), e.to_string(), (e.span.start, e.span.end))
}

#[track_caller]
fn error_kind(input: &str) -> pebble::eval::Error {
    match Session::new().evaluate(input, &settings()) {
        Ok(answer) => panic!("{input}: expected an error, got {}", answer.text),
        Err(e) => e,
    }
}

fn degrees() -> Settings {
    Settings {
        angle: AngleMode::Degrees,
        ..Settings::default()
    }
}

#[test]
fn decimal_arithmetic_is_exact() {
    assert_eq!(eval("0.1+0.2"), "0.3");
    assert_eq!(eval("1.1*1.1"), "1.21");
    assert_eq!(eval("(1+1e-15)-1"), "1e-15");
    assert_eq!(eval("1/3*3"), "1");
    assert_eq!(eval("0.1*3 - 0.3"), "0");
    assert_eq!(eval("1 - 0.9"), "0.1");
}

#[test]
fn big_integers_print_every_digit() {
    assert_eq!(eval("2^64-1"), "18446744073709551615");
    assert_eq!(eval("2^100"), "1267650600228229401496703205376");
    assert_eq!(eval("20!"), "2432902008176640000");
    assert_eq!(eval("25!"), "15511210043330985984000000");
    assert_eq!(eval("(2/3)^3"), "0.296296296296296");
    assert_eq!(eval("1.5^2"), "2.25");
    assert_eq!(eval("2^-10"), "0.0009765625");
    assert_eq!(eval("10^-7"), "1e-7");
}

#[test]
fn exactness_is_reported() {
    let mut session = Session::new();
    let exact = session.evaluate("0.1+0.2", &settings()).unwrap();
    assert_eq!(exact.exactness, Exactness::Exact);
    let repeating = session.evaluate("1/3", &settings()).unwrap();
    assert_eq!(repeating.exactness, Exactness::Rounded);
    let irrational = session.evaluate("sqrt(2)", &settings()).unwrap();
    assert_eq!(irrational.exactness, Exactness::Rounded);
    let root = session.evaluate("sqrt(16)", &settings()).unwrap();
    assert_eq!(root.exactness, Exactness::Exact);
}

#[test]
fn default_display_is_fifteen_significant_digits() {
    assert_eq!(eval("1/3"), "0.333333333333333");
    assert_eq!(eval("2/3"), "0.666666666666667");
    assert_eq!(eval("pi"), "3.14159265358979");
    assert_eq!(eval("sqrt(2)"), "1.4142135623731");
}

#[test]
fn irrational_functions_return_exact_values_where_they_exist() {
    assert_eq!(eval("sqrt(16)"), "4");
    assert_eq!(eval("sqrt(2.25)"), "1.5");
    assert_eq!(eval("cbrt(-27)"), "-3");
    assert_eq!(eval("log(1000)"), "3");
    assert_eq!(eval("log(0.001)"), "-3");
    assert_eq!(eval("log2(1024)"), "10");
    assert_eq!(eval("log(81, 3)"), "4");
    assert_eq!(eval("ln(1)"), "0");
    assert_eq!(eval("exp(0)"), "1");
    assert_eq!(eval("8^(2/3)"), "4");
    assert_eq!(eval("4^0.5"), "2");
    assert_eq!(eval("(-8)^(1/3)"), "-2");
    assert_eq!(eval("sin(0)"), "0");
    assert_eq!(eval("cos(0)"), "1");
}

#[test]
fn residues_of_exact_zeros_are_not_printed() {
    assert_eq!(eval("sin(pi)"), "0");
    assert_eq!(eval("cos(pi/2)"), "0");
    assert_eq!(eval("tan(pi)"), "0");
    assert_eq!(eval("sin(2pi)"), "0");
    assert_eq!(eval("ln(e)-1"), "0");
    assert_eq!(eval("sqrt(2)^2-2"), "0");
    assert_eq!(eval("sqrt(2)^2"), "2");
    assert_eq!(eval("sin(pi)+1e-30"), "1e-30");
}

#[test]
fn powers_go_right_to_left_and_bind_tighter_than_signs_and_products() {
    assert_eq!(eval("-2^2"), "-4");
    assert_eq!(eval("2^3^2"), "512");
    assert_eq!(eval("2^-1"), "0.5");
    assert_eq!(eval("3--2"), "5");
    assert_eq!(eval("-3!"), "-6");
    assert_eq!(eval("3!^2"), "36");
    assert_eq!(eval("2+3*4"), "14");
    assert_eq!(eval("(2+3)*4"), "20");
    assert_eq!(eval("10-4-3"), "3");
    assert_eq!(eval("2^3*2"), "16");
    assert_eq!(eval("-2^-2"), "-0.25");
}

#[test]
fn unicode_operators_and_pi_mean_what_their_ascii_spellings_mean() {
    assert_eq!(eval("6×7"), "42");
    assert_eq!(eval("1÷4"), "0.25");
    assert_eq!(eval("5−7"), "-2");
    assert_eq!(eval("√16"), "4");
    assert_eq!(eval("2π"), eval("2*pi"));
}

#[test]
fn percent_follows_the_keypad_rules() {
    assert_eq!(eval("50%"), "0.5");
    assert_eq!(eval("200+10%"), "220");
    assert_eq!(eval("200-10%"), "180");
    assert_eq!(eval("200*10%"), "20");
    assert_eq!(eval("200/10%"), "2000");
    assert_eq!(eval("100+10%+10%"), "121");
    // A signed percentage follows the same rule: a + (-b)% is a*(1 - b/100).
    assert_eq!(eval("5+-10%"), "4.5");
    assert_eq!(eval("100 - -10%"), "110");
    assert_eq!(eval("100 + --10%"), "110");
    assert_eq!(eval("100 - +10%"), "90");
    assert_eq!(eval("-10% + 5"), "4.9");
}

#[test]
fn modulo_is_floored() {
    assert_eq!(eval("7 mod 3"), "1");
    assert_eq!(eval("-7 mod 3"), "2");
    assert_eq!(eval("7 mod -3"), "-2");
    assert_eq!(eval("5.5 mod 2"), "1.5");
    let (kind, _, span) = error("7 mod 0");
    assert_eq!(kind, Category::DivisionByZero);
    assert_eq!(span, (6, 7));
}

#[test]
fn implicit_multiplication() {
    assert_eq!(eval("2(3)"), "6");
    assert_eq!(eval("6/2(1+2)"), "9");
    assert_eq!(eval("(1+2)(3+4)"), "21");
    assert_eq!(eval("2pi"), "6.28318530717959");
    assert_eq!(eval("1.5e3"), "1500");
    assert_eq!(eval("2e-3"), "0.002");
    assert_eq!(eval("2e"), "5.43656365691809");
}

#[test]
fn unclosed_parentheses_close_at_the_end() {
    assert_eq!(eval("(1+2"), "3");
    assert_eq!(eval("2*(3+(4"), "14");
    assert_eq!(eval("sqrt(16"), "4");
    let (kind, message, span) = error("1+2)");
    assert_eq!(kind, Category::Syntax);
    assert_eq!(message, "unmatched ')'");
    assert_eq!(span, (3, 4));
}

#[test]
fn abs_floor_ceil_round_min_max_gcd_and_lcm_give_their_textbook_values() {
    assert_eq!(eval("abs(-2.5)"), "2.5");
    assert_eq!(eval("floor(-2.5)"), "-3");
    assert_eq!(eval("ceil(-2.5)"), "-2");
    assert_eq!(eval("round(2.5)"), "3");
    assert_eq!(eval("round(-2.5)"), "-3");
    assert_eq!(eval("round(2.4999)"), "2");
    assert_eq!(eval("floor(pi)"), "3");
    assert_eq!(eval("ceil(e)"), "3");
    assert_eq!(eval("min(3, 1, 2)"), "1");
    assert_eq!(eval("max(3, 1/2, 2)"), "3");
    assert_eq!(eval("max(pi, 3)"), "3.14159265358979");
    assert_eq!(eval("gcd(12, 18, 27)"), "3");
    assert_eq!(eval("lcm(4, 6)"), "12");
    assert_eq!(eval("atan(1)*4"), "3.14159265358979");
    assert_eq!(eval("tau/2"), eval("pi"));
}

#[test]
fn degrees_mode_has_exact_special_angles() {
    let d = degrees();
    assert_eq!(eval_with("sin(30)", &d), "0.5");
    assert_eq!(eval_with("cos(60)", &d), "0.5");
    assert_eq!(eval_with("sin(90)", &d), "1");
    assert_eq!(eval_with("cos(90)", &d), "0");
    assert_eq!(eval_with("tan(45)", &d), "1");
    assert_eq!(eval_with("sin(-30)", &d), "-0.5");
    assert_eq!(eval_with("sin(750)", &d), "0.5");
    assert_eq!(eval_with("asin(1)", &d), "90");
    assert_eq!(eval_with("acos(0.5)", &d), "60");
    assert_eq!(eval_with("atan(1)", &d), "45");
    assert_eq!(eval_with("sin(45)", &d), "0.707106781186548");
    assert_eq!(eval_with("sin(180)", &d), "0");
    // Angles off the table lose whole and half turns exactly.
    for input in [
        "sin(985376/3 + 360) - sin(985376/3)",
        "tan(152248 + 360*100000) - tan(152248)",
        "cos(10 + 360*10^50) - cos(10)",
        "sin(190) + sin(10)",
        "cos(170) + cos(10)",
        "tan(-10) + tan(10)",
        "sin(18) - (sqrt(5)-1)/4",
        "cos(36) - (1+sqrt(5))/4",
        "cos(72) - sin(18)",
        "cos(216) + cos(36)",
    ] {
        assert_eq!(eval_with(input, &d), "0", "{input}");
    }
    let err = Session::new().evaluate("tan(90)", &d).unwrap_err();
    assert_eq!(err.category(), Category::Domain);
}

#[test]
fn ans_and_variables_carry_between_lines_and_an_error_leaves_ans_alone() {
    let mut session = Session::new();
    let s = settings();
    assert_eq!(session.evaluate("2+2", &s).unwrap().text, "4");
    assert_eq!(session.evaluate("ans*10", &s).unwrap().text, "40");
    assert_eq!(session.evaluate("_+2", &s).unwrap().text, "42");
    let assigned = session.evaluate("x = 3", &s).unwrap();
    assert_eq!(
        (assigned.text.as_str(), assigned.assigned.as_deref()),
        ("3", Some("x"))
    );
    assert_eq!(session.evaluate("2x^2", &s).unwrap().text, "18");
    assert_eq!(session.evaluate("ans", &s).unwrap().text, "18");
    // An error leaves ans as it was.
    assert!(session.evaluate("1/0", &s).is_err());
    assert_eq!(session.evaluate("ans", &s).unwrap().text, "18");
}

#[test]
fn approximate_variables_keep_full_precision() {
    let mut session = Session::new();
    let s = settings();
    session.evaluate("r = sqrt(2)", &s).unwrap();
    assert_eq!(session.evaluate("r^2 - 2", &s).unwrap().text, "0");
    session.evaluate("pi/3", &s).unwrap();
    assert_eq!(session.evaluate("sin(ans)^2 - 3/4", &s).unwrap().text, "0");
}

#[test]
fn variables_chained_many_times_stay_cheap() {
    // Each line doubles the size of the expression behind `a`; a memo per
    // precision keeps evaluation linear.
    let mut session = Session::new();
    let s = settings();
    session.evaluate("a = pi", &s).unwrap();
    for _ in 0..60 {
        session.evaluate("a = a + a - a", &s).unwrap();
    }
    assert_eq!(session.evaluate("a", &s).unwrap().text, "3.14159265358979");
}

#[test]
fn preview_changes_nothing() {
    let mut session = Session::new();
    let s = settings();
    session.evaluate("5", &s).unwrap();
    assert_eq!(session.preview("y = ans + 1", &s).unwrap().text, "6");
    assert_eq!(session.evaluate("ans", &s).unwrap().text, "5");
    assert_eq!(error_in(&mut session, "y").0, Category::UnknownName);
}

fn error_in(session: &mut Session, input: &str) -> (Category, String) {
    let e = session.evaluate(input, &settings()).unwrap_err();
    (e.category(), e.to_string())
}

#[test]
fn negative_approximations_to_integer_powers() {
    assert_eq!(eval("(-pi)^2"), eval("pi^2"));
    assert_eq!(eval("(-pi)^3"), format!("-{}", eval("pi^3")));
    assert_eq!(eval("sin(4)^2 + cos(4)^2"), "1");
    assert_eq!(eval("(-sqrt(2))^-2"), "0.5");
    assert_eq!(eval("(-e)^(1/3)"), format!("-{}", eval("e^(1/3)")));
    assert_eq!(error("(-pi)^0.5").0, Category::Domain);
    assert_eq!(error("(-pi)^pi").0, Category::Domain);
}

#[test]
fn zero_to_the_zero_is_one() {
    assert_eq!(eval("0^0"), "1");
    assert_eq!(eval("(e-e)^0"), "1");
    assert_eq!(eval("(e-e)^2"), "0");
    assert_eq!(eval("pi^0"), "1");
}

#[test]
fn domain_errors_are_errors() {
    for (input, kind, span) in [
        ("1/0", Category::DivisionByZero, (2, 3)),
        ("1/(2-2)", Category::DivisionByZero, (2, 7)),
        ("sqrt(-1)", Category::Domain, (5, 7)),
        ("ln(0)", Category::Domain, (3, 4)),
        ("log(-5)", Category::Domain, (4, 6)),
        ("(-1)!", Category::Domain, (0, 4)),
        ("0.5!", Category::Domain, (0, 3)),
        ("asin(2)", Category::Domain, (5, 6)),
        ("acosh(0.5)", Category::Domain, (6, 9)),
        ("atanh(1)", Category::Domain, (6, 7)),
        ("(-2)^0.5", Category::Domain, (0, 4)),
        ("0^-1", Category::DivisionByZero, (0, 4)),
        ("tan(pi/2)", Category::Domain, (4, 8)),
        ("gcd(2.5, 5)", Category::Domain, (4, 7)),
    ] {
        let (k, message, s) = error(input);
        assert_eq!((k, s), (kind, span), "{input}: {message}");
    }
}

#[test]
fn unknown_names_suggest_the_nearest() {
    let (kind, message, span) = error("2*sine(1)");
    assert_eq!(kind, Category::UnknownName);
    assert_eq!(message, "unknown name 'sine'; did you mean 'sin'?");
    assert_eq!(span, (2, 6));
    let mut session = Session::new();
    session.evaluate("total = 5", &settings()).unwrap();
    assert_eq!(
        error_in(&mut session, "totl + 1").1,
        "unknown name 'totl'; did you mean 'total'?"
    );
    assert_eq!(error("ans").1, "no previous result yet for 'ans'");
}

#[test]
fn messages_name_the_fault_in_the_words_typed() {
    let message = |input: &str| error(input).1;
    // A call of an unknown function, not a name times a group.
    assert_eq!(
        error("pow(2,3)"),
        (
            Category::UnknownName,
            "unknown function 'pow'".into(),
            (0, 3)
        )
    );
    assert_eq!(message("pow()"), "unknown function 'pow'");
    assert_eq!(
        message("Atan2(1, 2)"),
        "unknown function 'Atan2'; did you mean 'atan2'?"
    );
    let mut session = Session::new();
    session.evaluate("x = 3", &settings()).unwrap();
    assert_eq!(session.evaluate("x(2)", &settings()).unwrap().text, "6");
    assert_eq!(error_in(&mut session, "x(1, 2)").1, "unknown function 'x'");
    // Arity, in words.
    assert_eq!(
        error("sqrt()"),
        (
            Category::Syntax,
            "sqrt takes one argument, none given".into(),
            (0, 6)
        )
    );
    assert_eq!(message("atan2(1)"), "atan2 takes two arguments, not 1");
    // Suggestions ignore case, and prefer the nearer and longer-shared name.
    for (input, nearest) in [
        ("PI", "pi"),
        ("Sin(1)", "sin"),
        ("E", "e"),
        ("SQRT(4)", "sqrt"),
        ("sinn(1)", "sin"),
        ("sn(1)", "sin"),
        ("sqtr(2)", "sqrt"),
    ] {
        let name = input.split('(').next().unwrap();
        assert_eq!(
            message(input),
            format!("unknown name '{name}'; did you mean '{nearest}'?"),
            "{input}"
        );
    }
    assert_eq!(message("abcd"), "unknown name 'abcd'");
    assert_eq!(message("0o8"), "'8' is not an octal digit");
    assert_eq!(message("0b2"), "'2' is not a binary digit");
    assert_eq!(message("0xg"), "'g' is not a hex digit");
    // Operators quoted as typed, not as read.
    assert_eq!(
        error("2 ×× 3"),
        (Category::Syntax, "unexpected '×'".into(), (4, 6))
    );
    assert_eq!(message("2 ÷÷ 3"), "unexpected '÷'");
    assert_eq!(message("3 ·· 2"), "unexpected '·'");
    assert_eq!(message("2 ** 3"), "unexpected '*'");
    assert_eq!(message("2 +) 3"), "unmatched ')'");
    for input in ["255 to", "255 ->"] {
        assert_eq!(
            message(input),
            "a unit or a form must follow 'to', not the end of the line: write to km, to hex, to oct, to bin, to dec or to frac",
            "{input}"
        );
    }
    // Characters that show as nothing are named by code point.
    assert_eq!(
        message("1\u{200B}+2"),
        "unexpected invisible character U+200B"
    );
    assert_eq!(
        message("1\u{A0}+2"),
        "unexpected invisible character U+00A0"
    );
    assert_eq!(
        message("1\u{FEFF}"),
        "unexpected invisible character U+FEFF"
    );
    assert_eq!(message("2 ¤ 3"), "unexpected character '¤'");
}

#[test]
fn built_in_names_cannot_be_assigned() {
    assert_eq!(error("pi = 3").0, Category::Syntax);
    assert_eq!(error("sin = 3").0, Category::Syntax);
    assert_eq!(error("ans = 3").0, Category::Syntax);
}

#[test]
fn hostile_input_gets_a_clear_error() {
    for (input, kind) in [
        ("9^9^9", Category::TooLarge),
        ("2^(2^64)", Category::TooLarge),
        ("10^1000000", Category::TooLarge),
        ("2^140000", Category::TooLarge),
        ("0.5^1000000", Category::TooLarge),
        ("100000!", Category::TooLarge),
        ("1e99999999", Category::TooLarge),
        ("exp(1e10)", Category::TooLarge),
        ("exp(-1e10)", Category::TooLarge),
        ("2^0.5^-1e9", Category::TooLarge),
    ] {
        assert_eq!(error(input).0, kind, "{input}");
    }
    let deep = "(".repeat(100_000) + "1" + &")".repeat(100_000);
    assert_eq!(error(&deep).0, Category::TooComplex);
    let nested = "(".repeat(1000) + "1";
    assert_eq!(error(&nested).0, Category::TooComplex);
}

#[test]
fn cheap_exact_work_is_not_refused() {
    // Each is cheap however large its operands: the budget is charged what
    // the work costs, not the worst case of its operands' sizes.
    assert_eq!(eval("5000!/4999!"), "5000");
    assert_eq!(eval("gcd(2^100000-1, 2^99999-1)"), "1");
    assert_eq!(eval("gcd(3^79999, 4*3^39999) / 3^39999"), "1");
    assert_eq!(eval("lcm(2^300, 3^300, 2^300, 3^300) / 6^300"), "1");
    assert_eq!(eval("10^-19000*10^19000"), "1");
    assert_eq!(
        eval("(2^60000+1)/(2^59999-1) - 2"),
        "9.51505737766418e-18062"
    );
    let hex = eval("2^131071 to hex");
    assert_eq!(hex, format!("0x8{}", "0".repeat(32_767)));
    assert_eq!(eval("2^131071 & 1"), "0");
    assert_eq!(eval("(2^131071 - 1) & 255"), "255");
    assert_eq!(eval("-1 << 131071 >> 131000"), "-2361183241434822606848");
    // A 131,072-bit integer is the largest exact value; one bit more is not.
    assert_eq!(error("2^131072").0, Category::TooLarge);
    assert_eq!(error("1 << 131072").0, Category::TooLarge);
    // Operands with no shortcut still cost what they cost.
    assert_eq!(error("gcd(3^60000+2, 5^40000+1)").0, Category::TooComplex);
    assert_eq!(error("1/7^20000 + 1/3^20000").0, Category::TooComplex);
}

#[test]
fn nesting_within_the_limit_evaluates() {
    let depth = 90;
    let input = "sin(".repeat(depth) + "1" + &")".repeat(depth);
    assert!(eval(&input).starts_with("0.1"));
    let parens = "(".repeat(depth) + "2" + &")".repeat(depth);
    assert_eq!(eval(&parens), "2");
}

#[test]
fn big_exact_values_within_the_limit() {
    let digits = eval("2^60000");
    assert_eq!(digits.len(), 18062);
    assert!(digits.starts_with("6305794870017823"));
    assert_eq!(eval("1000!").len(), 2568);
}

#[test]
fn syntax_errors_point_at_the_fault() {
    for (input, span) in [
        ("", (0, 0)),
        ("1+", (2, 2)),
        ("*2", (0, 1)),
        ("2 3", (2, 3)),
        ("1,2", (1, 2)),
        ("max 3", (0, 3)),
        ("2 $ 3", (2, 3)),
        ("1 = 2", (2, 3)),
        ("1..2", (2, 4)),
    ] {
        let (kind, message, s) = error(input);
        assert_eq!((kind, s), (Category::Syntax, span), "{input:?}: {message}");
    }
}

#[test]
fn more_digits_on_request() {
    let s = Settings {
        digits: 50,
        ..Settings::default()
    };
    assert_eq!(eval_with("1/3", &s), format!("0.{}", "3".repeat(50)));
    assert_eq!(
        eval_with("pi", &s),
        "3.1415926535897932384626433832795028841971693993751"
    );
}

#[test]
fn long_chains_of_approximate_results_stay_bounded() {
    // Each line's result is recomputed from the one before when a higher
    // precision is needed; the chain is cut with an error, not a stack overflow.
    let mut session = Session::new();
    let s = settings();
    session.evaluate("pi", &s).unwrap();
    for _ in 0..300 {
        session.evaluate("ans*2", &s).unwrap();
    }
    // 2^300·π is a form, but its floor needs more bits than the lines had.
    let deep = session.evaluate("floor(ans)", &s);
    assert_eq!(
        deep.unwrap_err().kind,
        ErrorKind::RecomputationTooDeep { limit: 100 }
    );
}

/// Runs `lines` in a thread whose stack is far smaller than a main
/// thread's, and drops the session there: a walk or drop that recursed
/// once per line of a long chain would overflow it.
fn run_on_a_small_stack(lines: Vec<String>, settings: Settings) -> Vec<String> {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut session = Session::new();
            let texts = lines
                .iter()
                .map(|line| match session.evaluate(line, &settings) {
                    Ok(answer) => answer.text,
                    Err(e) => panic!("{line}: {e}"),
                })
                .collect();
            drop(session);
            texts
        })
        .unwrap()
        .join()
        .expect("the session ran and was dropped without overflowing its stack")
}

#[test]
fn a_long_running_sum_ends_without_overflowing_the_stack() {
    // Kept whole, 5,000 linked derivations dropped recursively overflow a
    // 256 KiB stack (the default main thread's 8 MiB took 100,000 lines).
    let mut lines = vec!["s = 0".to_string()];
    lines.extend((1..=5000).map(|k| format!("s = s + sqrt({k})")));
    let texts = run_on_a_small_stack(lines.clone(), settings());
    assert_eq!(texts.last().unwrap(), "235737.408437606");
    // The screen's settings take the precision loop on every line.
    let screen = Settings {
        fractions: true,
        ..settings()
    };
    assert_eq!(run_on_a_small_stack(lines, screen), texts);
}

#[test]
fn a_derivation_stays_bounded_however_long_the_stream() {
    let limit = settings().limits.max_depth;
    let screen = Settings {
        fractions: true,
        ..settings()
    };
    for s in [settings(), screen] {
        let mut session = Session::new();
        session.evaluate("s = 0", &s).unwrap();
        session.evaluate("x = 1", &s).unwrap();
        let mut most = 0;
        for k in 1..=1000 {
            session.evaluate(&format!("i = {k}"), &s).unwrap();
            session.evaluate("s = s + sqrt(i)", &s).unwrap();
            session
                .evaluate("x = x*1.0000001 + sin(x)/1e9", &s)
                .unwrap();
            most = most.max(session.derivation_nodes());
        }
        // Two chains (s and x), each cut back to one enclosure past the limit.
        assert!(most <= 2 * (limit + 1), "{most} nodes kept");
        assert!(most > limit, "{most}: the derivation was cut too early");
    }
}

#[test]
fn a_cut_derivation_keeps_every_digit_and_refuses_what_it_cannot_give() {
    let s = settings();
    let mut session = Session::new();
    session.evaluate("s = 0", &s).unwrap();
    for k in 1..=300 {
        session.evaluate(&format!("s = s + sqrt({k})"), &s).unwrap();
    }
    // The same sum in one line, evaluated from scratch.
    let whole = (1..=300)
        .map(|k| format!("sqrt({k})"))
        .collect::<Vec<_>>()
        .join("+");
    let expected = Session::new().evaluate(&whole, &s).unwrap().text;
    assert_eq!(session.evaluate("s", &s).unwrap().text, expected);
    assert_eq!(expected, "3472.55638857641");
    // Digits far below those the enclosure holds are refused, not guessed.
    let deep = session.evaluate("floor(s*10^60)", &s).unwrap_err();
    assert_eq!(deep.kind, ErrorKind::RecomputationTooDeep { limit: 100 });
}

#[test]
fn out_of_range_digit_settings_are_clamped_not_a_panic() {
    for digits in [0, 1, 1000, 200_000] {
        let s = Settings {
            digits,
            ..Settings::default()
        };
        // 0 shows one digit, 200,000 the most there are: 100,000.
        let shown = digits.clamp(1, 100_000);
        let text = |input| Session::new().evaluate(input, &s).unwrap().text;
        assert_eq!(text("floor(pi)"), "3");
        let third = text("1/3");
        assert_eq!(third.len(), 2 + shown, "1/3 at {digits}: {third}");
        if digits > 1000 {
            continue;
        }
        let pi = text("pi");
        let pi_digits = pi.chars().filter(char::is_ascii_digit).count();
        assert_eq!(pi_digits, shown, "pi at {digits}: {pi}");
    }
}

#[test]
fn degrees_kept_in_a_variable_are_radians() {
    let mut session = Session::new();
    let s = settings();
    assert_eq!(
        session.evaluate("x = 30°", &s).unwrap().text,
        "0.523598775598299"
    );
    assert_eq!(session.evaluate("sin(x)", &s).unwrap().text, "0.5");
    // x is π/6 exactly, so its sine is exactly 1/2.
    assert_eq!(
        session.evaluate("sin(x)", &s).unwrap().exactness,
        Exactness::Exact
    );
}

#[test]
fn powers_too_large_to_build_exactly_are_approximated() {
    for (input, expected) in [
        ("(1+1e-30)^(1e30)", "2.71828182845905"),
        ("(1-1e-20)^(1e20)", "0.367879441171442"),
        ("(1+1e-10)^(1e10)", "2.71828182832313"),
        ("1.0000001^(10^10)", "1.96997261293046e434"),
        ("1.0000001^(10^5)", "1.01005016657914"),
    ] {
        assert_eq!(eval(input), expected, "{input}");
    }
    assert_eq!(eval("(-1)^(10^20)"), "1");
    assert_eq!(eval("(-1)^(10^20+1)"), "-1");
    assert_eq!(eval("1^(10^30)"), "1");
    assert_eq!(eval("0^(10^30)"), "0");
    assert_eq!(
        error_kind("0^(-10^30)").kind,
        ErrorKind::ZeroToNegativePower
    );
    assert_eq!(error_kind("2^(10^20)").kind, ErrorKind::TooLarge);
}

#[test]
fn the_exact_ceiling_holds_two_to_the_65536() {
    let digits = eval("2^2^2^2^2");
    assert_eq!(digits.len(), 19_729);
    assert!(digits.starts_with("2003529930406846464979072351560255750447825475569751419265016973"));
    assert!(digits.ends_with("9156736"));
}

#[test]
fn integer_powers_modulo_use_modular_exponentiation() {
    assert_eq!(eval("10^10^5 mod 7"), "4");
    assert_eq!(eval("(3^1000000) mod 1000"), "1");
    assert_eq!(eval("2^100 mod -7"), "-5");
    assert_eq!(eval("(-2)^3 mod 5"), "2");
    assert_eq!(eval("2^-1 mod 3"), "0.5");
    assert_eq!(error_kind("7^7^7 mod 0").kind, ErrorKind::ModuloByZero);
}

#[test]
fn radix_literals_and_separators() {
    for (input, expected) in [
        ("0x1F", "31"),
        ("0b1011", "11"),
        ("0o17", "15"),
        ("0XFF_FF", "65535"),
        ("1_000_000", "1000000"),
        ("1_000.000_5", "1000.0005"),
        ("0x10 + 0b1", "17"),
    ] {
        assert_eq!(eval(input), expected, "{input}");
    }
    for (input, span) in [("1__0", (1, 2)), ("1_", (1, 2)), ("0x_1", (2, 3))] {
        let e = error_kind(input);
        assert_eq!(e.kind, ErrorKind::MisplacedUnderscore, "{input}");
        assert_eq!((e.span.start, e.span.end), span, "{input}");
    }
    let e = error_kind("0x");
    assert!(matches!(e.kind, ErrorKind::MissingDigits { .. }));
    let e = error_kind("0b102");
    assert!(matches!(e.kind, ErrorKind::InvalidDigit { digit: '2', .. }));
    assert_eq!((e.span.start, e.span.end), (4, 5));
    let e = error_kind("0o8");
    assert!(matches!(e.kind, ErrorKind::InvalidDigit { digit: '8', .. }));
}

#[test]
fn conversions_write_the_result_in_a_form() {
    let convert = |input: &str| Session::new().evaluate(input, &settings()).unwrap().text;
    for (input, expected) in [
        ("255 to hex", "0xff"),
        ("255 to bin", "0b11111111"),
        ("255 to oct", "0o377"),
        ("-255 to hex", "-0xff"),
        ("0 to bin", "0b0"),
        ("255 -> hex", "0xff"),
        ("-1.25 to frac", "-5/4"),
        ("6 to frac", "6"),
        ("1/3 + 1/6 to frac", "1/2"),
        ("floor(pi) to hex", "0x3"),
        ("0xff to dec", "255"),
        ("1/3 to dec", "0.333333333333333"),
        ("2^64 to hex", "0x10000000000000000"),
    ] {
        assert_eq!(convert(input), expected, "{input}");
    }
    for (input, kind) in [
        (
            "1.5 to hex",
            ErrorKind::NotWhole {
                operation: "to hex",
            },
        ),
        ("sqrt(2) to frac", ErrorKind::NotExact),
        ("pi to frac", ErrorKind::NotExact),
        ("sin(1) to frac", ErrorKind::NotExact),
        (
            "5 to roman",
            ErrorKind::UnknownForm {
                form: "roman".into(),
                suggestion: None,
            },
        ),
    ] {
        assert_eq!(error_kind(input).kind, kind, "{input}");
    }
    // ans holds the number, not its text.
    let mut session = Session::new();
    session.evaluate("255 to hex", &settings()).unwrap();
    assert_eq!(
        session.evaluate("ans + 1", &settings()).unwrap().text,
        "256"
    );
    assert_eq!(error_kind("1 to hex to bin").category(), Category::Syntax);
}

#[test]
fn bitwise_operators_follow_python() {
    for (input, expected) in [
        ("12 & 10", "8"),
        ("12 | 3", "15"),
        ("12 xor 10", "6"),
        ("~5", "-6"),
        ("~-1", "0"),
        ("-5 & 0xff", "251"),
        ("-5 >> 1", "-3"),
        ("1 << 100", "1267650600228229401496703205376"),
        ("1 | 2 xor 3 & 4", "3"),
        ("1 + 2 << 3", "24"),
        ("-12 | 5", "-11"),
        ("-12 xor -5", "15"),
        ("5 >> 100", "0"),
        ("-5 >> 100", "-1"),
    ] {
        assert_eq!(eval(input), expected, "{input}");
    }
    assert_eq!(
        error_kind("1.5 & 1").kind,
        ErrorKind::NotWhole { operation: "'&'" }
    );
    assert_eq!(error_kind("1 << -1").kind, ErrorKind::NegativeShift);
    assert_eq!(error_kind("1 << 10^9").kind, ErrorKind::TooLarge);
    assert_eq!(
        error_kind("~pi").kind,
        ErrorKind::NotWhole { operation: "'~'" }
    );
}

#[test]
fn atan2_hypot_comb_perm_sign_and_trunc_give_their_values_and_refuse_bad_arguments() {
    for (input, expected) in [
        ("atan2(1, 1)", "0.785398163397448"),
        ("atan2(1, -1)", "2.35619449019234"),
        ("atan2(-1, -1)", "-2.35619449019234"),
        ("atan2(-1, 0)", "-1.5707963267949"),
        ("atan2(0, 5)", "0"),
        ("atan2(0, -5)", "3.14159265358979"),
        ("hypot(3, 4)", "5"),
        ("hypot(1, 1)", "1.4142135623731"),
        ("hypot(0.3, 0.4)", "0.5"),
        ("comb(5, 2)", "10"),
        ("nCr(52, 5)", "2598960"),
        ("perm(5, 2)", "20"),
        ("nPr(10, 3)", "720"),
        ("comb(3, 5)", "0"),
        ("comb(1000, 500) mod 1000", "320"),
        ("sign(-2.5)", "-1"),
        ("sign(0)", "0"),
        ("sign(pi)", "1"),
        ("trunc(-2.7)", "-2"),
        ("trunc(2.7)", "2"),
        ("trunc(-pi)", "-3"),
    ] {
        assert_eq!(eval(input), expected, "{input}");
    }
    assert_eq!(eval_with("atan2(1, -1)", &degrees()), "135");
    assert_eq!(eval_with("atan2(1, 2)", &degrees()), "26.565051177078");
    assert_eq!(error_kind("atan2(0, 0)").category(), Category::Domain);
    assert_eq!(error_kind("comb(-1, 2)").category(), Category::Domain);
    assert_eq!(error_kind("perm(2.5, 1)").category(), Category::Domain);
    assert_eq!(error_kind("comb(10^30, 10^29)").kind, ErrorKind::TooLarge);
}

#[test]
fn degrees_postfix_works_in_any_mode() {
    for s in [settings(), degrees()] {
        for input in [
            "sin(30°)",
            "sin(30°+0)",
            "sin(2*15°)",
            "cos(60°)",
            "sin((pi/6) rad)",
        ] {
            assert_eq!(eval_with(input, &s), "0.5", "{input}");
            let exact = Session::new().evaluate(input, &s).unwrap().exactness;
            assert_eq!(exact, Exactness::Exact, "{input}");
        }
        assert_eq!(eval_with("sin(90°)^2 + cos(45°)^2", &s), "1.5");
    }
    // x° is x degrees, in the angle mode's unit: radians, or degrees.
    assert_eq!(eval("180°"), "3.14159265358979");
    assert_eq!(eval("360°"), "6.28318530717959");
    assert_eq!(eval_with("180°", &degrees()), "180");
    assert_eq!(eval_with("x = 30°", &degrees()), "30");
}

#[test]
fn fractions_come_with_rounded_exact_answers_on_every_path() {
    let with_fractions = Settings {
        fractions: true,
        ..settings()
    };
    let fraction = |input: &str, settings: &Settings| {
        let answer = Session::new().evaluate(input, settings).unwrap();
        (answer.text, answer.fraction)
    };
    // Plain arithmetic (evaluated in words), and the general path.
    for input in ["1.1*3+1/7", "(1.1*3+1/7) to dec", "x = 1.1*3+1/7"] {
        assert_eq!(
            fraction(input, &with_fractions),
            ("3.44285714285714".into(), Some("241/70".into())),
            "{input}"
        );
    }
    assert_eq!(fraction("1/4", &with_fractions), ("0.25".into(), None));
    assert_eq!(
        fraction("sqrt(2)+1/3", &with_fractions),
        ("1.74754689570643".into(), Some("1/3 + √2".into()))
    );
    assert_eq!(
        fraction("ln(2)", &with_fractions),
        ("0.693147180559945".into(), None)
    );
    assert_eq!(fraction("1/7", &settings()).1, None);
}

#[test]
fn irrational_routes_to_exact_values_are_exact() {
    let answer = |input: &str| {
        let settings = Settings {
            fractions: true,
            ..settings()
        };
        let a = Session::new().evaluate(input, &settings).unwrap();
        (a.text, a.exactness, a.fraction)
    };
    let exact = |text: &str| (text.to_string(), Exactness::Exact, None);
    for (input, value) in [
        ("sqrt(2)*sqrt(2)", "2"),
        ("2^0.5*2^0.5", "2"),
        ("(sqrt(5)+2)*(sqrt(5)-2)", "1"),
        ("sqrt(18)/sqrt(2)", "3"),
        ("sin(pi/6)", "0.5"),
        ("cos(2*pi/3)", "-0.5"),
        ("tan(pi/4)^2", "1"),
        ("sin(pi/4)^2", "0.5"),
        ("sign(sin(2*pi))", "0"),
        ("exp(ln(7))", "7"),
        ("ln(e^3)", "3"),
        ("sin(asin(0.3))", "0.3"),
        ("tan(atan(5))", "5"),
        ("cbrt(7)^3", "7"),
        ("e - e", "0"),
        ("tau/pi", "2"),
        ("4*atan(1) - pi", "0"),
        ("sqrt(2)*sqrt(2)*0.6172839450617275", "1.234567890123455"),
    ] {
        assert_eq!(answer(input), exact(value), "{input}");
    }
    // Forms the calculator shows beside the decimals.
    let form = |input: &str| answer(input).2;
    assert_eq!(form("sqrt(8)").as_deref(), Some("2√2"));
    assert_eq!(form("2^1.5").as_deref(), Some("2√2"));
    assert_eq!(form("(1+sqrt(5))/2").as_deref(), Some("(1 + √5)/2"));
    assert_eq!(form("pi/2").as_deref(), Some("π/2"));
    assert_eq!(form("-3*pi/4").as_deref(), Some("-3π/4"));
    assert_eq!(form("ln(2)"), None);
}

#[test]
fn nested_square_roots_denest() {
    let settings = Settings {
        fractions: true,
        ..settings()
    };
    let answer = |input: &str| {
        let a = Session::new().evaluate(input, &settings).unwrap();
        (a.text, a.exactness, a.fraction)
    };
    // √(a + b√c) is √x ± √y when a² − b²c is a rational square.
    for (input, value) in [
        ("sqrt(284+64*sqrt(7)) - 16 - 2*sqrt(7)", "0"),
        ("sqrt(5-2*sqrt(6)) - sqrt(3) + sqrt(2)", "0"),
        ("sqrt(4-2*sqrt(3)) - sqrt(3)", "-1"),
        ("sqrt(9/4+sqrt(2)) - sqrt(2)", "0.5"),
    ] {
        assert_eq!(
            answer(input),
            (value.to_string(), Exactness::Exact, None),
            "{input}"
        );
    }
    assert_eq!(answer("sqrt(3+2*sqrt(2))").2.as_deref(), Some("1 + √2"));
    assert_eq!(answer("sqrt(7-4*sqrt(3))").2.as_deref(), Some("2 - √3"));
    // 2² − 2 is not a square: √(2 + √2) stays a decimal, as does a
    // nesting with a negative rational part.
    assert_eq!(answer("sqrt(2+sqrt(2))").2, None);
    assert_eq!(answer("sqrt(-1+2*sqrt(2))").2, None);
}

#[test]
fn exact_forms_combine() {
    let with = |input: &str, settings: &Settings| {
        let settings = Settings {
            fractions: true,
            ..settings.clone()
        };
        let a = Session::new().evaluate(input, &settings).unwrap();
        (a.text, a.exactness, a.fraction)
    };
    let answer = |input: &str| with(input, &settings());
    let exact = |text: &str| (text.to_string(), Exactness::Exact, None);
    // Sums of radicals, π and logarithms cancel term by term.
    for (input, value) in [
        ("sqrt(6) - sqrt(2)*sqrt(3)", "0"),
        ("cbrt(16) - 2*cbrt(2)", "0"),
        ("(sqrt(2)+sqrt(3))^2 - 5 - 2*sqrt(6)", "0"),
        ("tan(pi/8) - (sqrt(2) - 1)", "0"),
        ("sin(pi/12) - (sqrt(6) - sqrt(2))/4", "0"),
        ("cos(5*pi/12) - sin(pi/12)", "0"),
        ("tan(pi/12) + sqrt(3)", "2"),
        ("1/(sqrt(2)+sqrt(3)) - (sqrt(3)-sqrt(2))", "0"),
        (
            "(sqrt(2)+sqrt(3)+sqrt(5))/(sqrt(2)+sqrt(3)+sqrt(5))^2*(sqrt(2)+sqrt(3)+sqrt(5))",
            "1",
        ),
        ("(1+sqrt(2))^10*(sqrt(2)-1)^10", "1"),
        ("sqrt(2)^100", "1125899906842624"),
        ("sqrt(2)^8000 - 2^4000", "0"),
        ("2^(1/3)*2^(2/3)", "2"),
        ("((-2)^(1/3))^3", "-2"),
        ("cbrt(-2) + cbrt(2)", "0"),
        // Large square and cube factors, not found by trial division.
        ("sqrt(8126232311) - 1013*sqrt(7919)", "0"),
        ("1013*sqrt(7919) - sqrt(8126232311)", "0"),
        ("cbrt(8231873331043) - 1013*cbrt(7919)", "0"),
        ("sqrt(79175746441439) - 99991*sqrt(7919)", "0"),
        ("sqrt(2*8126232311) - 1013*sqrt(2*7919)", "0"),
        (
            "sqrt(12345678901234567891^2*7919) - 12345678901234567891*sqrt(7919)",
            "0",
        ),
        ("sqrt(1009^2*1000003)/1009 - sqrt(1013^2*1000003)/1013", "0"),
        ("ln(4) - 2*ln(2)", "0"),
        ("ln(2) + ln(3) - ln(6)", "0"),
        ("ln(sqrt(8)) - 3*ln(2)/2", "0"),
        // Logarithms in other bases: quotients of sums of logarithms.
        ("log(2*1000) - log(2) - 3", "0"),
        ("log(7/3*1000) - log(7/3) - 3", "0"),
        ("log(2)*ln(10) - ln(2)", "0"),
        ("log(1.5)*ln(10) - ln(1.5)", "0"),
        ("ln(3)/ln(2) - log2(3)", "0"),
        ("ln(1/1000)/ln(2) - log2(1/1000)", "0"),
        ("log(3, 2) - log2(3)", "0"),
        ("log(6) - log(2) - log(3)", "0"),
        ("log(2) + log(5)", "1"),
        ("log(sqrt(10))", "0.5"),
        ("log(4)/log(2)", "2"),
        ("log2(10)*log(2)", "1"),
        ("1/log2(10) - log(2)", "0"),
        ("log2(3)*log(5, 3) - log2(5)", "0"),
        ("ln(7)/log(7) - ln(10)", "0"),
        ("log(2^4000*3) - 4000*log(2) - log(3)", "0"),
        // A power of a factor with no prime below 1000 is found by its root.
        ("ln(65537*65537) - 2*ln(65537)", "0"),
        ("ln((14416017/1759)^2) - 2*ln(14416017/1759)", "0"),
        (
            "ln(123456789012345678901234567891^40) - 40*ln(123456789012345678901234567891)",
            "0",
        ),
        ("exp(ln(2)/2) - sqrt(2)", "0"),
        ("sin(1) - sin(1)", "0"),
        ("sin(-1) + sin(1)", "0"),
        ("cos(-2) - cos(2)", "0"),
        ("sin(pi/7 + 2*pi*10^3) - sin(pi/7)", "0"),
        ("sin(1 + tau*10^20) - sin(1)", "0"),
        ("sin(2) - sin(pi - 2)", "0"),
        ("cos(2) + cos(pi - 2)", "0"),
        ("tan(2) - tan(2 - 3*pi)", "0"),
        ("cos(pi/5) - (1+sqrt(5))/4", "0"),
        ("cos(2*pi/5) - (sqrt(5)-1)/4", "0"),
        ("sin(pi/10) - (sqrt(5)-1)/4", "0"),
        ("sin(3*pi/10) - (1+sqrt(5))/4", "0"),
        ("sin(-pi/10) + (sqrt(5)-1)/4", "0"),
        ("sin(13*pi/10) + (1+sqrt(5))/4", "0"),
        ("cos(-7*pi/5) + (sqrt(5)-1)/4", "0"),
        ("cos(pi/5) - cos(2*pi/5)", "0.5"),
        ("tan(pi/7 + 2*pi*10^10000) - tan(pi/7)", "0"),
        ("cos(pi/7 - 2*pi) - cos(pi/7)", "0"),
        ("sin(8*pi/7) + sin(pi/7)", "0"),
        ("sin(6*pi/7) - sin(pi/7)", "0"),
        ("cos(6*pi/7) + cos(pi/7)", "0"),
        ("tan(6*pi/7) + tan(pi/7)", "0"),
        ("2*sinh(1) - sinh(1) - sinh(1)", "0"),
        ("(pi + sqrt(2)) - sqrt(2)*sqrt(2)/sqrt(2) - pi", "0"),
        ("1^pi", "1"),
        ("1^sin(1)", "1"),
    ] {
        assert_eq!(answer(input), exact(value), "{input}");
    }
    // The forms shown beside the decimals.
    let form = |input: &str| answer(input).2;
    assert_eq!(form("sqrt(2)*sqrt(3)").as_deref(), Some("√6"));
    assert_eq!(form("tan(pi/8)").as_deref(), Some("√2 - 1"));
    assert_eq!(form("tan(3*pi/8)").as_deref(), Some("1 + √2"));
    assert_eq!(form("sin(pi/12)").as_deref(), Some("(√6 - √2)/4"));
    assert_eq!(form("cos(pi/12)").as_deref(), Some("(√2 + √6)/4"));
    assert_eq!(form("tan(pi/12)").as_deref(), Some("2 - √3"));
    assert_eq!(form("cos(pi/5)").as_deref(), Some("(1 + √5)/4"));
    assert_eq!(form("sin(pi/5)"), None);
    assert_eq!(form("cbrt(16)").as_deref(), Some("2∛2"));
    assert_eq!(form("2^(1/4)").as_deref(), Some("∜2"));
    assert_eq!(form("1/(sqrt(2)+1)").as_deref(), Some("√2 - 1"));
    assert_eq!(form("pi + 1").as_deref(), Some("1 + π"));
    assert_eq!(form("sin(1)"), None);
    assert_eq!(form("ln(4)"), None);
    assert_eq!(form("2^(1/5)*3^(1/7)"), None);
    let degrees = with("sin(15)", &degrees());
    assert_eq!(degrees.2.as_deref(), Some("(√6 - √2)/4"));
    // The enclosure of a huge multiple of π comes from its radicals.
    assert_eq!(
        answer("tan(pi/6 + 2*pi*10^1000)"),
        (
            "0.577350269189626".into(),
            Exactness::Rounded,
            Some("√3/3".into())
        )
    );
    // Whole turns of a multiple of π come off exactly, form or not.
    assert_eq!(eval("sin(pi/5 + 2*pi*10^1000)"), "0.587785252292473");
    assert_eq!(eval("cos(-7*pi/5 - 10^900*pi)"), "-0.309016994374947");
    // Logarithms through a common base.
    let convert = |input: &str| Session::new().evaluate(input, &settings()).unwrap().text;
    assert_eq!(convert("log(4, 8) to frac"), "2/3");
    assert_eq!(convert("log(8, 4) to frac"), "3/2");
    assert_eq!(convert("log(1/27, 9) to frac"), "-3/2");
    assert_eq!(convert("log(sqrt(10)) to frac"), "1/2");
    assert_eq!(convert("log(8, 2)"), "3");
    // Logarithms that differ stay apart, decided by their enclosures.
    assert_eq!(eval("log(3) - log2(3)"), "-1.10784124600149");
    assert_eq!(eval("log(2)^2"), "0.0906190582894565");
    assert_eq!(form("log(2)"), None);
    // A value minus itself, through a variable.
    let mut session = Session::new();
    let mut line = |input: &str| session.evaluate(input, &settings()).unwrap().text;
    assert_eq!(line("x = sin(1)"), "0.841470984807897");
    assert_eq!(line("x - sin(1)"), "0");
    assert_eq!(line("x - x"), "0");
    assert_eq!(line("1^x"), "1");
    assert_eq!(line("y = ln(2)"), "0.693147180559945");
    assert_eq!(line("2*y - ln(4)"), "0");
    // Identities on one argument, whatever it is: sin² + cos² is 1, sin
    // and cos of k·x are written in those of x, sinh and cosh in powers
    // of e, and functions of forms are atoms of their own.
    for input in [
        "sin(1)^2 + cos(1)^2 - 1",
        "sin(sqrt(3)+1)^2 + cos(sqrt(3)+1)^2 - 1",
        "sin(2*e) - 2*sin(e)*cos(e)",
        "cos(2*sqrt(2)) - (1 - 2*sin(sqrt(2))^2)",
        "cos(3*7/3) - 4*cos(7/3)^3 + 3*cos(7/3)",
        "sin(12*ln(3)) - sin(12*ln(3))",
        "sin(2*pi/7) - 2*sin(pi/7)*cos(pi/7)",
        "sin(-sqrt(2)) + sin(sqrt(2))",
        "cos(-e) - cos(e)",
        "exp(sqrt(2)/1000)*exp(-sqrt(2)/1000) - 1",
        "cosh(sqrt(5))^2 - sinh(sqrt(5))^2 - 1",
        "exp(3/7) - cosh(3/7) - sinh(3/7)",
        "tanh(19)*tanh(19) - tanh(19)^2",
        "sin(hypot(23, 28))*2 - sin(hypot(23, 28)) - sin(hypot(23, 28))",
        "tanh(pi) + asinh(pi/6) - (tanh(pi) + asinh(pi/6))",
        "pi*e*sqrt(2) - sqrt(2)*e*pi",
        // The multiple-angle polynomials, checked against each other.
        "sin(12*e)^2 + cos(12*e)^2 + sin(e) - 1 - sin(e)",
        "cos(6*e) - (32*cos(e)^6 - 48*cos(e)^4 + 18*cos(e)^2 - 1)",
        "sin(5*e) - (16*sin(e)^5 - 20*sin(e)^3 + 5*sin(e))",
        "cos(6*e) - cos(3*(2*e)) + cos(2*e) - cos(2*e)",
        // Roots of forms are atoms, and a positive base to a power in a
        // form is e^(y·ln x).
        "hypot(pi, 3/4)*hypot(pi, 3/4) - hypot(pi, 3/4)^2",
        "cbrt(-pi) + cbrt(pi)",
        "2^sqrt(2)*3^sqrt(2) - 6^sqrt(2)",
        "2^pi*2^(-pi) - 1",
        "(2^sqrt(2))^sqrt(2) - 4",
    ] {
        assert_eq!(eval(input), "0", "{input}");
    }
    assert_eq!(eval("floor(sin(1)^2 + cos(1)^2 + 2)"), "3");
    assert_eq!(eval("(-2)^(sin(1)^2 + cos(1)^2)"), "-2");
    assert_eq!(eval("sinh(1)/sinh(1)"), "1");
    let degrees = |input: &str| {
        let settings = Settings {
            angle: AngleMode::Degrees,
            ..settings()
        };
        Session::new().evaluate(input, &settings).unwrap().text
    };
    assert_eq!(degrees("sin(sqrt(2))^2 + cos(sqrt(2))^2 - 1"), "0");
    assert_eq!(degrees("sin(2*e) - 2*sin(e)*cos(e)"), "0");
    // min and max give the operand itself, form and all, once decided.
    assert_eq!(form("min(sqrt(2), 3/2)").as_deref(), Some("√2"));
    assert_eq!(form("max(sqrt(2)*sqrt(3), 2)").as_deref(), Some("√6"));
    assert_eq!(form("max(sqrt(6), sqrt(2)*sqrt(3))").as_deref(), Some("√6"));
    assert_eq!(eval("max(sqrt(6), sqrt(2)*sqrt(3)) - sqrt(6)"), "0");
    // What does not cancel is still left to the enclosure: an honest refusal.
    let undecided = |input: &str| Session::new().evaluate(input, &settings()).unwrap_err();
    assert_eq!(
        undecided("tan(1) - sin(1)/cos(1)").category(),
        Category::Undetermined
    );
    // A sum of atoms may be 0 in disguise: never divided by as if it were not.
    for input in [
        "sqrt(1013*1019) - sqrt(1013)*sqrt(1019)",
        "(sqrt(1013*1019) - sqrt(1013)*sqrt(1019))/(sqrt(1013*1019) - sqrt(1013)*sqrt(1019))",
        "(atan(1/2)+atan(1/3)-pi/4)/(atan(1/2)+atan(1/3)-pi/4)",
        "(2*(atan(1/2)+atan(1/3)-pi/4))/(atan(1/2)+atan(1/3)-pi/4)",
        "(tan(1)-sin(1)/cos(1))/(tan(1)-sin(1)/cos(1))",
    ] {
        assert_eq!(
            undecided(input).category(),
            Category::Undetermined,
            "{input}"
        );
    }
    // Once the disguise is seen through, it is a division by 0.
    let zero = "(sqrt(1009^2*1013) - 1009*sqrt(1013))";
    assert!(
        undecided(&format!("1/{zero}"))
            .to_string()
            .contains("division by zero")
    );
    assert_eq!(answer("(pi+1)/(pi+1)"), exact("1"));
    assert_eq!(answer("(ln(2)+ln(3))/ln(6)"), exact("1"));
}

#[test]
fn hostile_exact_forms_stay_bounded() {
    // Too many terms or bits: the enclosure alone, still every digit right.
    assert_eq!(
        eval("(sqrt(2)+sqrt(3)+sqrt(5)+sqrt(7))^200"),
        "8.36330434097824e180"
    );
    assert_eq!(
        eval("(sqrt(2)+sqrt(3)+sqrt(5)+sqrt(7)+sqrt(11))^64"),
        "3.21198652785842e67"
    );
    assert_eq!(error("sqrt(2)^(10^9)").0, Category::TooLarge);
    // Forms drawn from a share of the work budget leave the rest to the
    // enclosures: ninety costly forms still give the sum.
    let term = "(sqrt(2)+sqrt(3)+sqrt(5)+sqrt(7)+sqrt(11))^-31+";
    let long = term.repeat(4000 / term.len()) + "1";
    assert_eq!(eval(&long), "1");
    // The share is of work on forms: enclosures that cost more than a
    // quarter of the budget before them leave forms their own share.
    let costly = Settings {
        digits: 3000,
        ..settings()
    };
    let line = "exp(3)+sin(2)+cos(3)+atan(5)+sqrt(2)*sqrt(2)-exp(3)-sin(2)-cos(3)-atan(5)";
    assert_eq!(eval_with(line, &costly), "2");
    let term = "(cbrt(2)+cbrt(3)+cbrt(5)+cbrt(7))^9*";
    let long = term.repeat(4000 / term.len()) + "1";
    assert_eq!(eval(&long), "1.83993501087746e800");
}

#[test]
fn what_precision_cannot_settle_is_an_error_naming_it() {
    let error = |input: &str| Session::new().evaluate(input, &settings()).unwrap_err();
    let zero = error("tan(1)-sin(1)/cos(1)");
    assert_eq!(zero.category(), Category::Undetermined);
    assert!(
        zero.to_string()
            .starts_with("cannot tell this from 0: |x| < 1e-"),
        "{zero}"
    );
    let whole = error("floor(tan(1)*cos(1)/sin(1))");
    assert!(
        whole
            .to_string()
            .starts_with("cannot tell which whole numbers"),
        "{whole}"
    );
    let tie = error("(tan(1)*cos(1)/sin(1))*1.234567890123455");
    assert!(
        tie.to_string()
            .starts_with("cannot decide significant digit 15: the value is within 1e-"),
        "{tie}"
    );
    // Cancellation is not mistaken for zero, nor for a wrong digit.
    assert_eq!(eval("(pi+1e-700)-pi"), "1e-700");
    assert_eq!(eval("exp(1e-100)-1"), "1e-100");
    assert_eq!(eval("1/(cosh(100)-sinh(100))"), "2.68811714181614e43");
    assert_eq!(eval("atanh(1-1e-39)"), "45.2469829036639");
    assert_eq!(eval("(1+1e-80)^(10^80)"), "2.71828182845905");
}

#[test]
fn huge_arguments_are_answered_through_the_slope_where_it_falls() {
    // Values from mpmath at 30,000 digits.
    for (input, value) in [
        ("asinh(1e2470)", "5688.07832687585"),
        ("asinh(1e19000)", "43749.8099140674"),
        ("acosh(1e5000)", "11513.6186121508"),
        ("atan(1e2470)", "1.5707963267949"),
        ("atan2(1e19000, 1e-19000)", "1.5707963267949"),
        ("tanh(-1e19000)", "-1"),
        ("tan(1e620)", "-0.404054962690338"),
        ("sin(1e1200)", "-0.975515564418925"),
        ("cos(2^8000)", "-0.999184516176534"),
    ] {
        assert_eq!(eval(input), value, "{input}");
    }
}

#[track_caller]
fn exactness(input: &str, settings: &Settings) -> Exactness {
    Session::new()
        .evaluate(input, settings)
        .unwrap_or_else(|e| panic!("{input}: unexpected error {e}"))
        .exactness
}

#[test]
fn a_negative_base_is_refused_as_impossible_only_for_an_irrational_exponent() {
    // e^ln(3) is exactly 3, so this is (-2)^3.
    assert_eq!(eval("(-2)^(e^ln(3))"), "-8");
    assert_eq!(eval("(-2)^(e^ln(1/3))"), eval("(-2)^(1/3)"));
    // Exponents known only approximately may still be whole: no claim that
    // no value exists, only that it cannot be told.
    for input in [
        "(-1)^(tan(1)*cos(1)/sin(1))",
        "(-8)^(1/3+tan(1)*cos(1)/sin(1)-1)",
    ] {
        let (category, message, _) = error(input);
        assert_eq!(category, Category::Domain, "{input}");
        assert!(
            message.contains("known only approximately"),
            "{input}: {message}"
        );
        assert!(!message.contains("has no real value"), "{input}: {message}");
    }
    // Irrational exponents in a form: truly no real value.
    for input in ["(-2)^pi", "(-2)^sqrt(2)", "(-2)^e", "(-2)^ln(3)"] {
        let (_, message, _) = error(input);
        assert!(
            message.starts_with("a negative number to a non-integer power has no real value; its complex value is ≈ "),
            "{input}: {message}"
        );
    }
}

#[test]
fn e_to_a_power_is_exp_and_one_to_any_power_is_one() {
    assert_eq!(eval("e^ln(3) - 3"), "0");
    assert_eq!(exactness("e^ln(7)", &settings()), Exactness::Exact);
    assert_eq!(eval("e^pi"), eval("exp(pi)"));
    assert_eq!(eval("1^pi"), "1");
    assert_eq!(exactness("1^sin(1)", &settings()), Exactness::Exact);
}

#[test]
fn whole_turns_in_degrees_are_exact_zeros() {
    for input in ["1/sin(360)", "1/sin(-720)", "1/tan(360)", "1/sin(3600000)"] {
        let e = Session::new().evaluate(input, &degrees()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::DivisionByZero, "{input}: {e}");
    }
    assert_eq!(eval_with("cos(720)", &degrees()), "1");
    assert_eq!(exactness("sin(360)", &degrees()), Exactness::Exact);
}

#[test]
fn square_factors_above_a_thousand_leave_the_root() {
    assert_eq!(eval("sqrt(2*1013^2) - 1013*sqrt(2)"), "0");
    assert_eq!(eval("sqrt(6*1013^2*1019^2) - 1013*1019*sqrt(6)"), "0");
    assert_eq!(eval("sqrt(7/1013^2)*1013 - sqrt(7)"), "0");
    assert_eq!(eval("sqrt(1013*1019)"), "1015.99557085649");
}

#[test]
fn rounding_functions_take_decimal_places() {
    assert_eq!(eval("round(3.14159, 3)"), "3.142");
    assert_eq!(eval("round(1234.5678, -2)"), "1200");
    assert_eq!(eval("round(1/3, 5)"), "0.33333");
    assert_eq!(exactness("round(1/3, 5)", &settings()), Exactness::Exact);
    // Ties away from zero, as round with no places.
    assert_eq!(eval("round(2.345, 2)"), "2.35");
    assert_eq!(eval("round(-2.345, 2)"), "-2.35");
    assert_eq!(eval("floor(pi, 4)"), "3.1415");
    assert_eq!(eval("ceil(pi, 4)"), "3.1416");
    assert_eq!(eval("trunc(-2.71828, 2)"), "-2.71");
    assert_eq!(eval("round(sqrt(2), 20)"), "1.4142135623730950488");
    let quantity = Session::new().evaluate("round(5.55 m, 1)", &settings());
    assert_eq!(quantity.unwrap().text, "5.6 m");
    // Decided on proven digits: a value that is 0 within any precision
    // cannot be rounded to a place it might straddle.
    assert_eq!(
        error("round(tan(1)*cos(1)/sin(1)-1.0005, 3)").0,
        Category::Undetermined
    );
    let (category, message, span) = error("round(1.5, 0.5)");
    assert_eq!(category, Category::Domain);
    assert_eq!(message, "the number of places must be whole");
    assert_eq!(span, (11, 14));
    assert_eq!(error("round(1, 10^9)").0, Category::TooLarge);
    assert_eq!(error("round(5.55 m, 1 m)").0, Category::Domain);
}

#[test]
fn one_argument_functions_go_without_parentheses() {
    assert_eq!(eval("sqrt 16"), "4");
    assert_eq!(eval("2 sqrt 9"), "6");
    assert_eq!(eval("ln 1"), "0");
    assert_eq!(eval("-sqrt 4"), "-2");
    assert_eq!(eval("sqrt sqrt 16"), "2");
    assert_eq!(eval_with("sin 30", &degrees()), "0.5");
    // The argument is the power that follows: sin x^2 is sin(x^2)...
    assert_eq!(eval("sin 30^2"), eval("sin(900)"));
    assert_eq!(eval("sqrt 2^2"), "2");
    // ...and no more: a product or quotient after it is outside.
    assert_eq!(eval("sin 30 * 2"), eval("sin(30)*2"));
    assert_eq!(eval("sqrt 16 + 9"), "13");
    assert_eq!(eval("sin pi/2"), "0");
    assert_eq!(eval("log 100"), "2");
    // Several arguments, or none, still need parentheses.
    let (category, message, span) = error("max 3");
    assert_eq!(category, Category::Syntax);
    assert_eq!(message, "function max needs parentheses: max(…)");
    assert_eq!(span, (0, 3));
    assert_eq!(error("sqrt").1, "function sqrt needs parentheses: sqrt(…)");
}

/// The evaluator says whether a value depends on the angle mode: it read
/// the mode. A unit on the angle, a variable or `ans` (which keep the mode
/// they were made in) and lines without angles do not.
#[test]
fn the_answer_says_whether_it_read_the_angle_mode() {
    for angle in [AngleMode::Radians, AngleMode::Degrees] {
        let settings = Settings {
            angle,
            fractions: true,
            ..Settings::default()
        };
        let reads = |input: &str| {
            let mut session = Session::new();
            session.evaluate("x = sin(1)", &settings).unwrap();
            session.evaluate(input, &settings).unwrap().reads_angle
        };
        for input in [
            "sin(30)",
            "180°",
            "30 to rad",
            "acos(0) to deg",
            "atan2(1, 1)",
            "asin(1)",
            "2*cos(pi)+1",
            "pi to deg",
        ] {
            assert!(reads(input), "{input} in {angle:?}");
        }
        for input in [
            "sin(30°)",
            "sin(1 rad)",
            "cos(90 deg)",
            "sqrt(8)*1e300",
            "1/3",
            "x*2",
            "ans",
            "2^200",
            "30 deg to rad",
        ] {
            assert!(!reads(input), "{input} in {angle:?}");
        }
    }
}

/// The evaluator tells a half-typed line from a wrong one.
#[test]
fn half_typed_lines_are_unfinished_and_wrong_ones_are_not() {
    let error = |input: &str| Session::new().evaluate(input, &settings()).unwrap_err();
    for input in [
        "sq",
        "sqrt",
        "rate = ",
        "atan2(1",
        "255 to",
        "60 mph to km/",
        "178 cm to ft +",
        "10 mo",
        "2+",
        "sqrt(",
    ] {
        assert!(error(input).is_unfinished(input), "{input}");
    }
    for input in ["2+*3", "1/0", "2*qqq", "sqrt(2,3)", "atan2(1)", "qqq(2)+1"] {
        assert!(!error(input).is_unfinished(input), "{input}");
    }
}

/// Runs `lines` in one session; the answers' texts, or `error: …`.
fn session_lines(lines: &[&str]) -> Vec<String> {
    let mut session = Session::new();
    lines
        .iter()
        .map(|line| match session.evaluate(line, &settings()) {
            Ok(answer) => answer.text,
            Err(e) => format!("error: {e}"),
        })
        .collect()
}

#[test]
fn user_functions_are_defined_and_called() {
    let mut session = Session::new();
    let s = settings();
    let defined = session.evaluate("f(x) = x^2 + 1", &s).unwrap();
    assert_eq!(
        (defined.text.as_str(), defined.assigned.as_deref()),
        ("x^2 + 1", Some("f(x)"))
    );
    session.evaluate("g(x, y) = x*y + 1", &s).unwrap();
    assert_eq!(session.evaluate("f(3)", &s).unwrap().text, "10");
    assert_eq!(session.evaluate("g(2, 5)", &s).unwrap().text, "11");
    session.evaluate("h(x) = f(x) + g(x, 2)", &s).unwrap();
    assert_eq!(session.evaluate("h(2)", &s).unwrap().text, "10");
    assert_eq!(session.evaluate("2 f(1) + f(f(1))", &s).unwrap().text, "9");
    // A definition is not a value: `ans` stays the last answer.
    assert_eq!(session.evaluate("ans", &s).unwrap().text, "9");
    // Redefining replaces, and functions calling it see the new body.
    session.evaluate("f(x) = x + 1", &s).unwrap();
    assert_eq!(session.evaluate("f(3)", &s).unwrap().text, "4");
    assert_eq!(session.evaluate("h(2)", &s).unwrap().text, "8");
}

#[test]
fn parameters_shadow_variables_without_touching_them() {
    let lines = [
        "x = 7",
        "k = 5",
        "f(x) = x^2",
        "f(3)",
        "x",
        "f(x)",
        "g(y) = y + k",
        // `k` in g is the variable, even when called from a function
        // whose parameter is named `k`.
        "h(k) = g(1) * k",
        "h(2)",
        "k = 6",
        "g(0)",
        // A parameter named like a unit is the parameter.
        "m(d, t) = d/t",
        "m(6, 3)",
    ];
    assert_eq!(
        session_lines(&lines),
        [
            "7", "5", "x^2", "9", "7", "49", "y + k", "g(1) * k", "12", "6", "6", "d/t", "2"
        ]
    );
}

#[test]
fn user_functions_carry_units_and_stay_exact() {
    let lines = [
        "speed(d, t) = d/t",
        "speed(100 km, 2 h) to km/h",
        "sq(x) = x^2",
        "sq(sqrt(2))",
        "sq(sin(1)) + sq(cos(1))",
        "sq(3 m) to ft^2",
        "area(r) = pi r^2",
        "area(1)",
    ];
    assert_eq!(
        session_lines(&lines),
        [
            "d/t",
            "50 km/h",
            "x^2",
            "2",
            "1",
            "96.8751937503875 ft^2",
            "pi r^2",
            "3.14159265358979"
        ]
    );
    let mut session = Session::new();
    session.evaluate("sq(x) = x^2", &settings()).unwrap();
    let answer = session.evaluate("sq(sqrt(2))", &settings()).unwrap();
    assert_eq!(answer.exactness, Exactness::Exact);
}

#[test]
fn recursion_is_an_error_that_names_the_cycle() {
    let lines = [
        "f(x) = f(x - 1)",
        "g(x) = x + 1",
        "h(x) = g(x) * 2",
        "g(x) = h(x)",
        "g(2)",
        "h(2)",
    ];
    assert_eq!(
        session_lines(&lines),
        [
            "error: a function cannot call itself, directly or through others: f → f",
            "x + 1",
            "g(x) * 2",
            "error: a function cannot call itself, directly or through others: g → h → g",
            "3",
            "6",
        ]
    );
}

#[test]
fn user_function_errors_are_clear_and_point_at_the_fault() {
    let mut session = Session::new();
    let s = settings();
    session.evaluate("g(x, y) = x*y", &s).unwrap();
    let e = session.evaluate("1 + g(2)", &s).unwrap_err();
    assert_eq!(e.to_string(), "g(x, y) takes 2 arguments, not 1");
    assert_eq!((e.span.start, e.span.end), (4, 8));
    let e = session.evaluate("g()", &s).unwrap_err();
    assert_eq!(e.to_string(), "g(x, y) takes 2 arguments, none given");
    let e = session.evaluate("sin(x) = x", &s).unwrap_err();
    assert_eq!(e.to_string(), "'sin' is built in and cannot be redefined");
    assert_eq!((e.span.start, e.span.end), (0, 3));
    let e = session.evaluate("pi(x) = x", &s).unwrap_err();
    assert_eq!(e.to_string(), "'pi' is built in and cannot be redefined");
    let e = session.evaluate("k(x, x) = x", &s).unwrap_err();
    assert_eq!(e.to_string(), "parameter 'x' is named twice");
    let e = session.evaluate("k(pi) = 2", &s).unwrap_err();
    assert_eq!(e.to_string(), "'pi' is built in and cannot be assigned");
    let e = session.evaluate("k(x) = x + zz", &s).unwrap_err();
    assert_eq!(e.category(), Category::UnknownName);
    assert_eq!((e.span.start, e.span.end), (11, 13));
    // A function and a variable do not share a name.
    let e = session.evaluate("g = 2", &s).unwrap_err();
    assert_eq!(
        e.to_string(),
        "'g' is already a function: choose another name"
    );
    session.evaluate("v = 2", &s).unwrap();
    let e = session.evaluate("v(x) = x", &s).unwrap_err();
    assert_eq!(
        e.to_string(),
        "'v' is already a variable: choose another name"
    );
    // An error inside the body points at the call.
    session.evaluate("r(x) = 1/(x - 1)", &s).unwrap();
    let e = session.evaluate("2 + r(1)", &s).unwrap_err();
    assert_eq!(e.to_string(), "division by zero");
    assert_eq!((e.span.start, e.span.end), (4, 8));
    // A failed definition leaves the old one.
    assert_eq!(session.evaluate("g(2, 3)", &s).unwrap().text, "6");
}

#[test]
fn user_functions_that_expand_too_far_are_refused_in_bounded_time() {
    let mut session = Session::new();
    let s = settings();
    session.evaluate("f1(x) = x + x", &s).unwrap();
    for n in 2..=40 {
        let line = format!("f{n}(x) = f{m}(f{m}(x))", m = n - 1);
        session.evaluate(&line, &s).unwrap();
    }
    assert_eq!(session.evaluate("f3(1)", &s).unwrap().text, "16");
    let e = session.evaluate("f40(1)", &s).unwrap_err();
    assert_eq!(e.category(), Category::TooComplex);
    // Deep chains of calls are bounded like deep nesting.
    session.evaluate("g0(x) = x", &s).unwrap();
    for n in 1..=200 {
        let line = format!("g{n}(x) = sqrt(g{m}(x) + 1)", m = n - 1);
        session.evaluate(&line, &s).unwrap();
    }
    assert_eq!(
        session.evaluate("g60(1)", &s).unwrap().text,
        "1.61803398874989"
    );
    let e = session.evaluate("g200(1)", &s).unwrap_err();
    assert_eq!(e.category(), Category::TooComplex);
}

#[test]
fn a_preview_of_a_definition_defines_nothing() {
    let mut session = Session::new();
    let s = settings();
    assert_eq!(session.preview("f(x) = x + 1", &s).unwrap().text, "x + 1");
    let e = session.evaluate("f(2)", &s).unwrap_err();
    assert_eq!(e.category(), Category::UnknownName);
}

#[test]
fn a_definition_being_typed_is_unfinished_not_wrong() {
    let mut session = Session::new();
    for typed in ["f(x", "f(x)", "f(x) =", "f(x, ", "speed(d, t) ="] {
        let e = session.preview(typed, &settings()).unwrap_err();
        assert!(e.is_unfinished(typed), "{typed}: {e}");
    }
    let e = session.preview("f(1) + 2", &settings()).unwrap_err();
    assert!(!e.is_unfinished("f(1) + 2"));
}

fn complex_mode() -> Settings {
    Settings {
        complex: true,
        ..Settings::default()
    }
}

/// Each line of `lines` evaluated in one session; the last one's text.
#[track_caller]
fn last_of_lines(lines: &[&str], settings: &Settings) -> String {
    let mut session = Session::new();
    let mut last = String::new();
    for line in lines {
        last = match session.evaluate(line, settings) {
            Ok(answer) => answer.text,
            Err(e) => panic!("{line}: unexpected error {e}"),
        };
    }
    last
}

#[test]
fn a_line_that_writes_i_is_complex_and_exact_parts_stay_exact() {
    for (input, expected) in [
        ("i", "i"),
        ("-i", "-i"),
        ("2i", "2i"),
        ("(1+2i)*(3-i)", "5 + 5i"),
        ("i^2", "-1"),
        ("e^(i*pi)", "-1"),
        ("abs(3+4i)", "5"),
        ("re(3+4i)", "3"),
        ("im(3+4i)", "4"),
        ("conj(3+4i)", "3 - 4i"),
        ("(3+4i)^(1/2)", "2 + i"),
        ("sqrt(3+4i)", "2 + i"),
        ("(1+i)^8", "16"),
        ("1/(1+i)", "0.5 - 0.5i"),
        ("1/i", "-i"),
        ("i^(-1)", "-i"),
        ("(1+i)*(1-i)", "2"),
        ("sqrt(i)^2", "i"),
        ("e^(i*pi/3)", "0.5 + 0.866025403784439i"),
    ] {
        assert_eq!(eval(input), expected, "{input}");
    }
    for input in [
        "(1+2i)*(3-i)",
        "e^(i*pi)",
        "(3+4i)^(1/2)",
        "1/(1+i)",
        "(1+i)^8",
    ] {
        assert_eq!(exactness(input, &settings()), Exactness::Exact, "{input}");
    }
    assert_eq!(exactness("e^(i*pi/3)", &settings()), Exactness::Rounded);
}

#[test]
fn complex_functions_give_principal_values() {
    for (input, expected) in [
        ("i^i", "0.207879576350762"),
        ("sqrt(i)", "0.707106781186548 + 0.707106781186548i"),
        ("cos(i)", "1.54308063481524"),
        ("sin(i)", "1.1752011936438i"),
        ("sin(1+i)", "1.29845758141598 + 0.634963914784736i"),
        ("tan(i)", "0.761594155955765i"),
        ("tanh(1+i)", "1.08392332733869 + 0.271752585319512i"),
        ("arg(-1)", "3.14159265358979"),
        ("arg(i)", "1.5707963267949"),
        ("arg(1+i)", "0.785398163397448"),
        ("ln(i)", "1.5707963267949i"),
        ("ln(-1+0i)", "3.14159265358979i"),
        ("exp(1+i)", "1.46869393991589 + 2.28735528717884i"),
        ("atan(2i)", "1.5707963267949 + 0.549306144334055i"),
        ("asinh(i)", "1.5707963267949i"),
        ("2^i", "0.769238901363972 + 0.638961276313635i"),
        ("(1+i)^(1+i)", "0.273957253830121 + 0.583700758758615i"),
        ("re(e^i)", "0.54030230586814"),
        ("im(e^i)", "0.841470984807897"),
        ("log(100i)", "2 + 0.682188176920921i"),
    ] {
        assert_eq!(eval(input), expected, "{input}");
    }
    // Real arguments of the new functions.
    assert_eq!(eval("re(-3)"), "-3");
    assert_eq!(eval("im(-3)"), "0");
    assert_eq!(eval("conj(2)"), "2");
    assert_eq!(eval_with("arg(-1)", &degrees()), "180");
    assert_eq!(eval_with("arg(1+i)", &degrees()), "45");
    let five_digits = Settings {
        digits: 5,
        ..Settings::default()
    };
    assert_eq!(eval_with("sqrt(i)", &five_digits), "0.70711 + 0.70711i");
}

#[test]
fn complex_mode_answers_real_functions_outside_their_domain() {
    let mode = complex_mode();
    for (input, expected) in [
        ("sqrt(-4)", "2i"),
        ("ln(-1)", "3.14159265358979i"),
        ("asin(2)", "1.5707963267949 - 1.31695789692482i"),
        ("acos(2)", "1.31695789692482i"),
        ("acosh(-2)", "1.31695789692482 + 3.14159265358979i"),
        ("atanh(2)", "0.549306144334055 - 1.5707963267949i"),
        ("log(-100)", "2 + 1.36437635384184i"),
        // The principal value, not the real odd root.
        ("(-8)^(1/3)", "1 + 1.73205080756888i"),
        ("(-4)^(1/2)", "2i"),
        // cbrt is the real cube root.
        ("cbrt(-8)", "-2"),
        ("sqrt(4)", "2"),
        ("2^10", "1024"),
    ] {
        assert_eq!(eval_with(input, &mode), expected, "{input}");
    }
    // Without complex mode: the real rules, and errors naming the value.
    assert_eq!(eval("(-8)^(1/3)"), "-2");
    for (input, value) in [
        ("sqrt(-4)", "2i"),
        ("ln(-1)", "≈ 3.14159265358979i"),
        ("asin(2)", "≈ 1.5707963267949 - 1.31695789692482i"),
    ] {
        let (category, message, _) = error(input);
        assert_eq!(category, Category::Domain);
        assert!(
            message.contains(&format!("; its complex value is {value} (--complex")),
            "{input}: {message}"
        );
    }
    // A domain error with no complex value stays as it was; one whose
    // complex value is real names it.
    assert_eq!(error("ln(0)").1, "logarithms take positive values only");
    assert!(
        error("sqrt(-2)*sqrt(-2)")
            .1
            .contains("; its complex value is -2 (--complex")
    );
    // Poles keep their own errors.
    assert_eq!(error("atan(i)").1, "atan is undefined at i and -i");
    assert_eq!(
        error("atanh(1+0i)").1,
        "atanh takes values strictly between -1 and 1"
    );
    assert_eq!(eval("acosh(i)"), "0.881373587019543 + 1.5707963267949i");
    assert_eq!(eval_with("acosh(0.5)", &mode), "1.0471975511966i");
    assert_eq!(eval_with("acosh(-1)", &mode), "3.14159265358979i");
}

#[test]
fn complex_values_are_kept_in_variables_and_functions() {
    let s = &settings();
    assert_eq!(last_of_lines(&["z = 1+2i", "z*z"], s), "-3 + 4i");
    assert_eq!(last_of_lines(&["1+2i", "ans*i"], s), "-2 + i");
    assert_eq!(
        last_of_lines(&["w = sqrt(2)+i", "w^2"], s),
        "1 + 2.82842712474619i"
    );
    assert_eq!(last_of_lines(&["f(z) = z^2", "f(1+i)"], s), "2i");
    assert_eq!(last_of_lines(&["g(x) = x + i", "g(1)"], s), "1 + i");
    // A variable or a parameter named i shadows the imaginary unit.
    assert_eq!(last_of_lines(&["i = 3", "2i"], s), "6");
    assert_eq!(last_of_lines(&["i = 3", "i^2"], s), "9");
    assert_eq!(last_of_lines(&["h(i) = i + 1", "h(2)"], s), "3");
    // A complex value made in complex mode is used as such outside it.
    assert_eq!(
        last_of_lines(&["r = sqrt(-4)", "r^2"], &complex_mode()),
        "-4"
    );
}

#[test]
fn real_only_operations_refuse_complex_values() {
    for (input, operation) in [
        ("floor(i)", "floor"),
        ("min(i, 2)", "min"),
        ("(1+i)!", "factorial"),
        ("i mod 2", "mod"),
        ("(1+2i) to hex", "to hex"),
        ("(1+2i) to frac", "to frac"),
        ("3 m * i", "a unit"),
    ] {
        let (category, message, _) = error(input);
        assert_eq!(category, Category::Domain, "{input}");
        assert_eq!(
            message,
            format!("{operation} takes real numbers; this value is complex"),
            "{input}"
        );
    }
    // A real value reached through i converts as any other.
    assert_eq!(eval("(1+i)*(1-i) to hex"), "0x2");
    assert_eq!(error("i/0").1, "division by zero");
    assert_eq!(
        error("0^i").1,
        "0 to a power whose real part is not positive has no value"
    );
}

#[test]
fn an_imaginary_part_that_cannot_be_told_from_zero_is_an_error() {
    // This is 1, but its imaginary part, sin(tan(1) - sin(1)/cos(1)), is
    // known only as a ball around 0: no digit of it is printed, and it is
    // not dropped.
    let (category, message, _) = error("exp(tan(1)*i)*exp(-i*sin(1)/cos(1))");
    assert_eq!(category, Category::Undetermined);
    assert!(message.starts_with("cannot tell this from 0"), "{message}");
}

#[test]
fn a_stream_of_complex_values_keeps_memory_bounded() {
    let settings = settings();
    let mut session = Session::new();
    session.evaluate("z = 1+i", &settings).unwrap();
    session.evaluate("w = sqrt(i)", &settings).unwrap();
    for _ in 0..2000 {
        session.evaluate("z = z*i + 1", &settings).unwrap();
        session.evaluate("w = w*1.001", &settings).unwrap();
    }
    assert_eq!(session.evaluate("z", &settings).unwrap().text, "1 + i");
    // Exact values keep no derivation; approximate ones keep it only up
    // to the bound on its size.
    let nodes = session.derivation_nodes();
    assert!(nodes <= settings.limits.max_depth + 2, "{nodes} nodes kept");
    assert_eq!(
        session.evaluate("w", &settings).unwrap().text,
        "5.21963291114919 + 5.21963291114919i"
    );
}
