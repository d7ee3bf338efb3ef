//! Properties of the evaluator over generated inputs.

use pebble::eval::{Exactness, Session, Settings};
use proptest::prelude::*;

fn eval(input: &str) -> Result<String, String> {
    Session::new()
        .evaluate(input, &Settings::default())
        .map(|a| a.text)
        .map_err(|e| e.message)
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
        // Must return, not panic; the work limits keep it quick.
        let _ = Session::new().evaluate(&input, &Settings::default());
    }
}
