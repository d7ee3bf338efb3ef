//! Properties of the evaluator over generated inputs.

use pebble::eval::{Exactness, Session, Settings};
use proptest::prelude::*;

fn eval(input: &str) -> Result<String, String> {
    Session::new()
        .evaluate(input, &Settings::default())
        .map(|a| a.text)
        .map_err(|e| e.to_string())
}

/// A decimal literal such as `-12.5`, `0.003` or `7e-3`.
fn decimal() -> impl Strategy<Value = String> {
    (any::<bool>(), 0u64..1_000_000_000, 0u32..12).prop_map(|(negative, digits, places)| {
        let text = format!("{digits}e-{places}");
        if negative { format!("(-{text})") } else { text }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn adding_then_subtracting_is_the_identity(a in decimal(), b in decimal()) {
        prop_assert_eq!(eval(&format!("{a}+{b}-{b}")), eval(&a));
    }

    #[test]
    fn multiplying_then_dividing_is_the_identity(a in decimal(), b in decimal()) {
        prop_assume!(eval(&b) != Ok("0".into()));
        prop_assert_eq!(eval(&format!("{a}*{b}/{b}")), eval(&a));
    }

    #[test]
    fn exact_sums_are_exact(a in decimal(), b in decimal()) {
        let answer = Session::new().evaluate(&format!("{a}+{b}"), &Settings::default()).unwrap();
        prop_assert_eq!(answer.exactness, Exactness::Exact);
    }

    #[test]
    fn printed_results_evaluate_to_themselves(
        function in prop::sample::select(vec!["sqrt", "ln", "exp", "sin", "atan", "cbrt", "log2"]),
        x in 1u32..2_000,
        scale in 0u32..6,
        digits in 1usize..40,
    ) {
        let settings = Settings { digits, ..Settings::default() };
        let input = format!("{function}({x}e-{scale})");
        let shown = Session::new().evaluate(&input, &settings).unwrap().text;
        let again = Session::new().evaluate(&shown, &settings).unwrap().text;
        // Same value, though the notation may differ (1e12 reads back exact).
        prop_assert_eq!(eval(&format!("({again}) - ({shown})")), Ok("0".to_string()));
    }

    #[test]
    fn any_text_gives_a_value_or_an_error(input in "[0-9a-z+*/^().,!%= -]{0,40}") {
        // Returns (the work limits keep it quick): a value that reads back
        // as itself, or an error that says something about a part of the
        // input.
        match Session::new().evaluate(&input, &Settings::default()) {
            Ok(answer) => {
                prop_assert!(!answer.text.is_empty(), "{input:?} gave an empty answer");
                let again = Session::new().evaluate(&answer.text, &Settings::default());
                prop_assert!(again.is_ok(), "{input:?} gave {:?}, which does not read back: {again:?}", answer.text);
            }
            Err(error) => {
                prop_assert!(!error.to_string().is_empty(), "{input:?}: an error without words");
                let span = error.span;
                prop_assert!(
                    span.start <= span.end && span.end <= input.len(),
                    "{input:?}: error span {span:?} outside the input ({error})"
                );
                prop_assert!(
                    input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
                    "{input:?}: error span {span:?} splits a character"
                );
            }
        }
    }
}

/// A random expression and its value computed independently in f64.
#[derive(Debug, Clone)]
struct Sample {
    text: String,
    value: f64,
}

fn leaf() -> impl Strategy<Value = Sample> {
    prop_oneof![
        (1u32..50).prop_map(|n| Sample {
            text: n.to_string(),
            value: n as f64
        }),
        (1u32..999).prop_map(|n| Sample {
            text: format!("0.{n:03}"),
            value: n as f64 / 1000.0
        }),
        Just(Sample {
            text: "pi".into(),
            value: std::f64::consts::PI
        }),
        Just(Sample {
            text: "e".into(),
            value: std::f64::consts::E
        }),
    ]
}

/// Non-finite intermediates poison the whole sample: pebble rejects them
/// (`1/0`, `sqrt(-1)`) where f64 might recover (`atan(inf)`, `NaN^0`). So do
/// tiny ones, where f64 has only rounding noise left (`ln(sin(pi))`).
fn poisoned(operands: &[f64], value: f64) -> f64 {
    let reliable = |v: &f64| v.is_finite() && (*v == 0.0 || v.abs() > 1e-9);
    if operands.iter().all(reliable) {
        value
    } else {
        f64::NAN
    }
}

fn expression() -> impl Strategy<Value = Sample> {
    leaf().prop_recursive(4, 24, 2, |inner| {
        let unary =
            prop::sample::select(vec!["-", "sin", "cos", "atan", "sqrt", "exp", "ln", "abs"]);
        prop_oneof![
            (
                inner.clone(),
                prop::sample::select(vec!["+", "-", "*", "/"]),
                inner.clone()
            )
                .prop_map(|(a, op, b)| {
                    let value = match op {
                        "+" => a.value + b.value,
                        "-" => a.value - b.value,
                        "*" => a.value * b.value,
                        _ => a.value / b.value,
                    };
                    Sample {
                        text: format!("({}){op}({})", a.text, b.text),
                        value: poisoned(&[a.value, b.value], value),
                    }
                }),
            (inner.clone(), -3i32..4).prop_map(|(a, n)| Sample {
                text: format!("({})^({n})", a.text),
                value: poisoned(&[a.value], a.value.powi(n)),
            }),
            (unary, inner).prop_map(|(f, a)| {
                let value = match f {
                    "-" => -a.value,
                    "sin" => a.value.sin(),
                    "cos" => a.value.cos(),
                    "atan" => a.value.atan(),
                    "sqrt" => a.value.sqrt(),
                    "exp" => a.value.exp(),
                    "ln" => a.value.ln(),
                    _ => a.value.abs(),
                };
                // f64 loses digits where these are badly conditioned.
                let ill_conditioned = match f {
                    "sin" | "cos" => a.value.abs() > 1e3,
                    "exp" => a.value.abs() > 50.0,
                    _ => false,
                };
                let value = if ill_conditioned { f64::NAN } else { value };
                Sample {
                    text: format!("{f}({})", a.text),
                    value: poisoned(&[a.value], value),
                }
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 1_000_000, ..ProptestConfig::default() })]

    /// Differential check against f64: where f64 gives a well-conditioned
    /// finite value, pebble must agree to about 9 digits (f64 itself loses
    /// some to rounding), and must not refuse a value f64 finds.
    #[test]
    fn agrees_with_f64_where_f64_is_reliable(sample in expression()) {
        let v = sample.value;
        prop_assume!(v.is_finite() && v.abs() > 1e-6 && v.abs() < 1e12);
        match Session::new().evaluate(&sample.text, &Settings::default()) {
            Ok(answer) => {
                let shown: f64 = answer.text.parse().unwrap();
                let relative = ((shown - v) / v).abs();
                prop_assert!(relative < 1e-9, "{} = {} but f64 says {v}", sample.text, answer.text);
            }
            Err(e) => {
                // Only limits may refuse; a domain error would contradict f64.
                prop_assert!(
                    matches!(e.category(), pebble::eval::Category::TooComplex | pebble::eval::Category::TooLarge),
                    "{} failed with {:?}: {}", sample.text, e.kind, e
                );
            }
        }
    }
}

/// A small sum `a√p + b√q + c` or `a∛p + b√q + c`, as text and in f64.
fn radical_sum() -> impl Strategy<Value = Sample> {
    let radicand = prop::sample::select(vec![2u32, 3, 5, 6, 7, 8, 10, 12, 18]);
    (
        -9i32..10,
        radicand.clone(),
        -9i32..10,
        radicand,
        -9i32..10,
        any::<bool>(),
    )
        .prop_map(|(a, p, b, q, c, cube)| {
            let (root, first) = if cube {
                ("cbrt", (p as f64).cbrt())
            } else {
                ("sqrt", (p as f64).sqrt())
            };
            Sample {
                text: format!("({a}*{root}({p}) + ({b})*sqrt({q}) + ({c}))"),
                value: a as f64 * first + b as f64 * (q as f64).sqrt() + c as f64,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Sums of radicals multiplied out exactly agree with f64, and an answer
    /// called exact is one f64 agrees is that number.
    #[test]
    fn radical_powers_agree_with_f64(s in radical_sum(), k in -4i32..9) {
        let v = s.value.powi(k);
        prop_assume!(s.value.abs() > 1e-3 && v.is_finite() && v.abs() > 1e-6 && v.abs() < 1e12);
        let input = format!("{}^({k})", s.text);
        match Session::new().evaluate(&input, &Settings::default()) {
            Ok(answer) => {
                let shown: f64 = answer.text.parse().unwrap();
                prop_assert!(((shown - v) / v).abs() < 1e-9, "{input} = {} but f64 says {v}", answer.text);
            }
            Err(e) => prop_assert!(false, "{input} failed: {e}"),
        }
    }

    /// Rearranged products and quotients of radical sums cancel to an exact
    /// 0, and a difference the forms cannot cancel has the sign f64 gives.
    #[test]
    fn radical_sums_cancel_exactly(s in radical_sum(), t in radical_sum()) {
        prop_assume!(s.value.abs() > 1e-3 && t.value.abs() > 1e-3);
        let (a, b) = (&s.text, &t.text);
        let mut cancelling = vec![
            format!("{a}*{b} - {b}*{a}"),
            format!("({a}+{b})^2 - {a}^2 - 2*{a}*{b} - {b}^2"),
        ];
        // Division is by a radical term or, through conjugates, by a sum of
        // square roots.
        if !b.contains("cbrt") {
            cancelling.push(format!("{a}/{b}*{b} - {a}"));
        }
        if !a.contains("cbrt") {
            cancelling.push(format!("{a}^3/{a} - {a}*{a}"));
        }
        for input in cancelling {
            prop_assert_eq!(eval(&input), Ok("0".to_string()), "{}", input);
        }
        let difference = s.value - t.value;
        if difference.abs() > 1e-6 {
            let sign = eval(&format!("sign({a} - {b})"));
            let expected = if difference > 0.0 { "1" } else { "-1" };
            prop_assert_eq!(sign, Ok(expected.to_string()), "{} - {}", a, b);
        }
    }
}
