//! Units and dimensions through the public evaluator API. Expected values
//! are worked out by hand from the definitions in the table (the inch is
//! 0.0254 m, the pound 0.45359237 kg, the US gallon 231 in³ …); where the
//! decimal ends it is compared exactly, digit for digit.

use pebble::eval::{AngleMode, Category, Exactness, Session, Settings};

#[track_caller]
fn answer(session: &mut Session, input: &str, settings: &Settings) -> (String, Exactness) {
    match session.evaluate(input, settings) {
        Ok(answer) => (answer.text, answer.exactness),
        Err(e) => panic!("{input}: unexpected error {e}"),
    }
}

#[track_caller]
fn eval(input: &str) -> (String, Exactness) {
    answer(&mut Session::new(), input, &Settings::default())
}

#[track_caller]
fn error(input: &str) -> (Category, String, (usize, usize)) {
    match Session::new().evaluate(input, &Settings::default()) {
        Ok(answer) => panic!("{input}: expected an error, got {}", answer.text),
        Err(e) => (e.category(), e.to_string(), (e.span.start, e.span.end)),
    }
}

/// Exact conversions: each must print exactly this, marked exact, and the
/// printed text must read back as the same quantity.
const EXACT: &[(&str, &str)] = &[
    // The examples.
    ("60 mph to km/h", "96.56064 km/h"),
    ("3 cup to mL", "709.7647095 mL"),
    ("1 GiB to MB", "1073.741824 MB"),
    ("500 mAh * 3.7 V to Wh", "1.85 Wh"),
    ("9.81 m/s^2 * 70 kg to N", "686.7 N"),
    ("1 m + 20 cm", "1.2 m"),
    ("100 W * 3 h", "300 W·h"),
    ("1 km / 1 m", "1000"),
    ("1 h / 1 min", "60"),
    ("6 m^2 / 2 m", "3 m"),
    ("20 °C to °F", "68 °F"),
    ("98.6 °F to °C", "37 °C"),
    ("0 K to °C", "-273.15 °C"),
    // Length, area, volume, mass.
    ("2 in to cm", "5.08 cm"),
    ("1 mi to km", "1.609344 km"),
    ("1 mi to ft", "5280 ft"),
    ("1 yd to in", "36 in"),
    ("12 in to ft", "1 ft"),
    ("1 nmi to m", "1852 m"),
    ("1 Å to nm", "0.1 nm"),
    ("1 au to km", "149597870.7 km"),
    ("1 ly to m", "9460730472580800 m"),
    ("1 acre to m^2", "4046.8564224 m^2"),
    ("1 ha to m²", "10000 m²"),
    ("1 m^3 to L", "1000 L"),
    ("1 gal to L", "3.785411784 L"),
    ("1 gal to cup", "16 cup"),
    ("1 qt to pt", "2 pt"),
    ("1 tbsp to tsp", "3 tsp"),
    ("2 fl oz to mL", "59.147059125 mL"),
    ("1 lb to kg", "0.45359237 kg"),
    ("1 lb to oz", "16 oz"),
    ("1 oz to g", "28.349523125 g"),
    ("1 st to lb", "14 lb"),
    ("1 ton to t", "0.90718474 t"),
    // Prefixes, long names, plurals and the three spellings of micro.
    ("1 µs to ns", "1000 ns"),
    ("1 μs to ns", "1000 ns"),
    ("1 us to ns", "1000 ns"),
    ("3 kilometres to metres", "3000 metres"),
    ("2 kilometers to m", "2000 m"),
    ("5 mg to µg", "5000 µg"),
    ("1 hPa to Pa", "100 Pa"),
    ("1 MHz to kHz", "1000 kHz"),
    ("1 kΩ to Ω", "1000 Ω"),
    // Data sizes, SI and binary prefixes.
    ("1 MiB to KiB", "1024 KiB"),
    ("1 kB to bit", "8000 bit"),
    ("1 byte to bits", "8 bits"),
    ("1 kibibyte to bytes", "1024 bytes"),
    ("1 GB to GiB", "0.931322574615478515625 GiB"),
    ("1 Mbit/s * 1 min to MB", "7.5 MB"),
    // Time, speed, pressure, energy, power, force.
    ("1 day to h", "24 h"),
    ("1 week to day", "7 day"),
    ("1 yr to day", "365.25 day"),
    ("5 min to s", "300 s"),
    ("1 kn to km/h", "1.852 km/h"),
    ("1 mph to m/s", "0.44704 m/s"),
    ("10 m/s to km/h", "36 km/h"),
    ("60 rpm to Hz", "1 Hz"),
    ("1 atm to Pa", "101325 Pa"),
    ("1 bar to kPa", "100 kPa"),
    ("760 Torr to atm", "1 atm"),
    ("1 mmHg to Pa", "133.322387415 Pa"),
    ("1 eV to J", "1.602176634e-19 J"),
    ("1 kWh to MJ", "3.6 MJ"),
    ("1 kcal to J", "4184 J"),
    ("1 BTU to J", "1055.05585262 J"),
    ("1 hp to W", "745.69987158227022 W"),
    ("1 lbf to N", "4.4482216152605 N"),
    ("5 kg m/s^2 to N", "5 N"),
    ("1 N*m to J", "1 J"),
    // Constants with units.
    ("c to m/s", "299792458 m/s"),
    ("g0 * 70 kg to N", "686.4655 N"),
    ("N_A * k_B to J/K/mol", "8.31446261815324 J/K/mol"),
    // Temperature: conversions use the scales' offsets.
    ("-40 °C to °F", "-40 °F"),
    ("100 degC to K", "373.15 K"),
    ("212 degF to degC", "100 degC"),
    // Angles whose factors have the same power of π convert exactly.
    ("1 turn to deg", "360 deg"),
    ("90 deg to turn", "0.25 turn"),
    ("200 grad to deg", "180 deg"),
    ("1 deg to arcmin", "60 arcmin"),
    ("1 arcmin to arcsec", "60 arcsec"),
    ("sin(30 deg)", "0.5"),
    ("cos(0.25 turn)", "0"),
    ("tan(45 deg)", "1"),
    // Results keep the user's units; like units fold into the first.
    ("1 ft + 1 in", "1.08333333333333 ft"),
    ("1 m + 1 ft", "1.3048 m"),
    ("2 m²", "2 m²"),
    ("100 km/h", "100 km/h"),
    ("1/s", "1 s⁻¹"),
    ("5 s^-1", "5 s⁻¹"),
    ("2^10 m", "1024 m"),
    ("(2 m)^3", "8 m³"),
    ("sqrt(16 m^2)", "4 m"),
    ("(4 m^2)^(1/2)", "2 m"),
    ("10 m mod 3 m", "1 m"),
    ("abs(-3 m)", "3 m"),
    ("max(1 m, 50 cm)", "1 m"),
    ("round(2.5 m)", "3 m"),
    ("100 m + 10%", "110 m"),
    ("-(2 km)", "-2 km"),
    ("1 km / 3 m to frac", "1000/3"),
    ("5 min", "5 min"),
    ("min(1, 2)", "1"),
];

#[test]
fn exact_conversions_print_every_digit() {
    for (input, expected) in EXACT {
        let (text, exactness) = eval(input);
        assert_eq!(text, *expected, "{input}");
        // 1 ft + 1 in is 13/12 ft: exact, but its decimals do not end.
        if !text.starts_with("1.0833") {
            assert_eq!(exactness, Exactness::Exact, "{input}");
        }
    }
}

#[test]
fn output_reads_back_as_the_same_quantity() {
    for (input, _) in EXACT {
        let (text, _) = eval(input);
        if text.contains('/') && !text.contains(' ') {
            continue; // a fraction, `to frac`
        }
        let (again, _) = eval(&text);
        // Read back, units print as their symbols (`metres` as `m`, `^2`
        // as `²`): converted to the unit as printed, it is the same text.
        let same = match text.split_once(' ') {
            Some((_, unit)) if again != text => eval(&format!("{again} to {unit}")).0,
            _ => again,
        };
        assert_eq!(same, text, "{input} printed {text}");
    }
}

#[test]
fn approximate_conversions_carry_proven_digits() {
    for (input, expected) in [
        ("180 deg to rad", "3.14159265358979 rad"),
        ("1 rad to deg", "57.2957795130823 deg"),
        ("1 psi to Pa", "6894.75729316836 Pa"),
        ("0 °F to K", "255.372222222222 K"),
        ("1 pc to ly", "3.26156377716743 ly"),
        ("sqrt(1 m * 4 ft)", "1.10417389934738 m"),
        ("sqrt(2) m", "1.4142135623731 m"),
        ("1 atm to mmHg", "759.999891725611 mmHg"),
    ] {
        let (text, exactness) = eval(input);
        assert_eq!(text, expected, "{input}");
        assert_eq!(exactness, Exactness::Rounded, "{input}");
    }
}

#[test]
fn digits_apply_to_quantities() {
    let settings = Settings {
        digits: 5,
        ..Settings::default()
    };
    let (text, _) = answer(&mut Session::new(), "1 ft + 1 m", &settings);
    assert_eq!(text, "4.2808 ft");
}

#[test]
fn temperatures_add_on_their_scale_and_convert_with_offsets() {
    // Sums and multiples work on the scale's numbers: a term after the first
    // is a difference of temperatures. `to` alone applies the offsets.
    for (input, expected) in [
        ("20 °C + 5 °C", "25 °C"),
        ("2 * 20 °C", "40 °C"),
        ("30 °C - 20 °C", "10 °C"),
        ("20 °C + 10 K", "30 °C"),
        ("20 °C + 9 °F", "25 °C"),
        ("(20 °C + 5 °C) to K", "298.15 K"),
        ("2 * 20 °C to °F", "104 °F"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
}

#[test]
fn angles_work_in_either_angle_mode() {
    let degrees = Settings {
        angle: AngleMode::Degrees,
        ..Settings::default()
    };
    for settings in [Settings::default(), degrees.clone()] {
        let mut session = Session::new();
        for (input, expected) in [
            ("sin(30 deg)", "0.5"),
            ("cos(60 deg)", "0.5"),
            ("sin(0.5 turn)", "0"),
            ("sin(30°)", "0.5"),
            ("180° to deg", "180 deg"),
            ("acos(0) to deg", "90 deg"),
            ("atan2(1, 1) to deg", "45 deg"),
            ("asin(1/2) to rad", "0.523598775598299 rad"),
            ("sin(30 deg + 0)", "0.5"),
            ("1 turn to deg", "360 deg"),
        ] {
            assert_eq!(
                answer(&mut session, input, &settings).0,
                expected,
                "{input}"
            );
        }
    }
    assert_eq!(eval("180°").0, "3.14159265358979");
    assert_eq!(eval("sin((pi/6) rad)").0, "0.5");
    // A number binds its unit: pi/6 rad is pi/(6 rad), a quantity in rad⁻¹,
    // which no mode may read as an angle.
    assert_eq!(
        error("sin(pi/6 rad)").1,
        "sin needs a plain number, not a quantity in rad⁻¹"
    );
    // A plain number that meets an angle unit is in the angle mode's unit:
    // radians, or degrees in degree mode.
    let mut session = Session::new();
    for (input, radians, in_degrees) in [
        ("30 to deg", "1718.87338539247 deg", "30 deg"),
        ("30 to rad", "30 rad", "0.523598775598299 rad"),
        ("1 deg + 1", "58.2957795130823 deg", "2 deg"),
        ("max(1 deg, 2)", "114.591559026165 deg", "2 deg"),
        ("30° + 1 deg", "0.541052068118242", "31"),
    ] {
        let radian_answer = answer(&mut session, input, &Settings::default()).0;
        assert_eq!(radian_answer, radians, "{input}");
        assert_eq!(
            answer(&mut session, input, &degrees).0,
            in_degrees,
            "{input}"
        );
    }
}

#[test]
fn dimension_errors_point_at_the_operator_or_the_to() {
    use Category::Domain;
    let cases: &[(&str, &str, (usize, usize))] = &[
        ("1 m + 1 s", "cannot add a length and a time", (4, 5)),
        ("1 m - 1 s", "cannot subtract a time from a length", (4, 5)),
        ("2 kg + 1 m + 1 s", "cannot add a mass and a length", (5, 6)),
        ("1 m to s", "cannot convert a length to a time", (4, 6)),
        ("1 kg to N", "cannot convert a mass to a force", (5, 7)),
        ("1 kg -> N", "cannot convert a mass to a force", (5, 7)),
        (
            "20 °C to m",
            "cannot convert a temperature to a length",
            (7, 9),
        ),
        ("2 m to cm^2", "cannot convert a length to an area", (4, 6)),
        ("sin(1 m)", "sin needs a plain number, not a length", (4, 7)),
        (
            "2^(1 m)",
            "an exponent needs a plain number, not a length",
            (2, 7),
        ),
        (
            "3 m to hex",
            "to hex needs a plain number, not a length",
            (4, 6),
        ),
        (
            "3 m to frac",
            "to frac needs a plain number, not a length",
            (4, 6),
        ),
        (
            "(3 m)!",
            "factorial needs a plain number, not a length",
            (0, 5),
        ),
        (
            "sqrt(2 m)",
            "sqrt of a length would leave a fractional power of a unit",
            (5, 8),
        ),
        (
            "max(1 m, 1 s)",
            "cannot compare a length and a time",
            (9, 12),
        ),
        (
            "5 m mod 1 s",
            "cannot take mod of a length and a time",
            (8, 11),
        ),
        (
            "1 G to J",
            "cannot convert a quantity in m³/kg/s² to an energy",
            (4, 6),
        ),
    ];
    for (input, message, span) in cases {
        assert_eq!(
            error(input),
            (Domain, message.to_string(), *span),
            "{input}"
        );
    }
}

#[test]
fn powers_of_units_stay_bounded() {
    assert_eq!(eval("(m^10)^10").0, "1 m¹⁰⁰");
    for input in ["(m^10)^101", "(((((m^64)^64)^64)^64)^64)^64", "m^(10^30)"] {
        assert_eq!(error(input).1, "result too large", "{input}");
    }
}

#[test]
fn unknown_units_get_a_suggestion() {
    let (category, message, span) = error("5 mps");
    assert_eq!(category, Category::UnknownName);
    assert_eq!(message, "unknown name 'mps'; did you mean 'm/s'?");
    assert_eq!(span, (2, 5));
    let (_, message, span) = error("1 m to furlongz");
    assert!(
        message.starts_with("unknown unit or form 'furlongz'"),
        "{message}"
    );
    assert_eq!(span, (7, 15));
    let (_, message, _) = error("3 metr");
    assert_eq!(message, "unknown name 'metr'; did you mean 'metre'?");
}

#[test]
fn variables_shadow_units() {
    let settings = Settings::default();
    let mut session = Session::new();
    let mut run = |input: &str| answer(&mut session, input, &settings).0;
    assert_eq!(run("2 m"), "2 m");
    assert_eq!(run("m = 3"), "3");
    assert_eq!(run("m*2"), "6");
    assert_eq!(run("5 m"), "15");
    // After `to` a name is always a unit.
    assert_eq!(run("2 km to m"), "2000 m");
    assert_eq!(run("h = 2"), "2");
    assert_eq!(run("3 h"), "6");
    assert_eq!(run("1 hour to min"), "60 min");
}

#[test]
fn variables_and_ans_keep_their_units() {
    let settings = Settings::default();
    let mut session = Session::new();
    let mut run = |input: &str| answer(&mut session, input, &settings).0;
    assert_eq!(run("d = 5 km"), "5 km");
    assert_eq!(run("d / 2 h"), "2.5 km/h");
    assert_eq!(run("ans to m/s"), "0.694444444444444 m/s");
    assert_eq!(run("y = sqrt(2) m"), "1.4142135623731 m");
    assert_eq!(run("y * 2"), "2.82842712474619 m");
    assert_eq!(run("y to cm"), "141.42135623731 cm");
    assert_eq!(run("_ + 1 mm"), "141.52135623731 cm");
    assert_eq!(run("d + y"), "5.00141421356237 km");
    assert_eq!(run("d / y"), "3535.53390593274");
}

#[test]
fn lines_without_units_are_unchanged() {
    for (input, expected) in [
        ("2+2", "4"),
        ("6/2(1+2)", "9"),
        ("255 to hex", "0xff"),
        ("2pi", "6.28318530717959"),
        ("sqrt(2)", "1.4142135623731"),
        ("1.5e3", "1500"),
        ("2²", "4"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
}

/// `to ft + in`: whole numbers of each unit but the last, which takes what
/// is left, exact or with proven digits; `ans` is the whole quantity.
#[test]
fn conversions_to_a_sum_of_units() {
    for (input, expected, exactness) in [
        (
            "178 cm to ft + in",
            "5 ft + 10.0787401574803 in",
            Exactness::Rounded,
        ),
        (
            "6 ft + 1.5 in to ft + in",
            "6 ft + 1.5 in",
            Exactness::Exact,
        ),
        ("72 in to ft + in", "6 ft + 0 in", Exactness::Exact),
        ("3.5 h to h + min", "3 h + 30 min", Exactness::Exact),
        (
            "10000 s to day + h + min + s",
            "2 h + 46 min + 40 s",
            Exactness::Exact,
        ),
        ("3601 s to h + min + s", "1 h + 1 s", Exactness::Exact),
        ("1 mi to km + m", "1 km + 609.344 m", Exactness::Exact),
        (
            "-178 cm to ft + in",
            "-5 ft - 10.0787401574803 in",
            Exactness::Rounded,
        ),
        ("-5 in to ft + in", "-5 in", Exactness::Exact),
        (
            "pi m to ft + in",
            "10 ft + 3.68475014133044 in",
            Exactness::Rounded,
        ),
        ("2.5 lb to lb + oz", "2 lb + 8 oz", Exactness::Exact),
        // 44 whole digits: more than the first 128 bits decide.
        (
            "exp(100) km to mi + ft",
            "16703185532839066404775023559785935060255059 mi + 3616.9485643543 ft",
            Exactness::Rounded,
        ),
    ] {
        assert_eq!(eval(input), (expected.to_string(), exactness), "{input}");
    }
    let settings = Settings::default();
    let mut session = Session::new();
    let mut run = |input: &str| answer(&mut session, input, &settings).0;
    assert_eq!(run("178 cm to ft + in"), "5 ft + 10.0787401574803 in");
    assert_eq!(run("ans to cm"), "178 cm");
    assert_eq!(
        run("x = 1 m * pi to ft + in"),
        "10 ft + 3.68475014133044 in"
    );
    assert_eq!(run("x to m"), "3.14159265358979 m");
    // Each unit must fit the value; the caret is under the one that does not.
    let (category, message, span) = error("178 cm to ft + kg");
    assert_eq!(category, Category::Domain);
    assert_eq!(message, "cannot convert a length to a mass");
    assert_eq!(span, (15, 17));
    let (_, message, span) = error("2 kg to ft + in");
    assert_eq!(message, "cannot convert a mass to a length");
    assert_eq!(span, (13, 15));
    let (_, message, span) = error("300 K to °C + K");
    assert_eq!(
        message,
        "a temperature scale cannot be one of a sum of units"
    );
    assert_eq!(span, (9, 12));
}

fn degree_mode() -> Settings {
    Settings {
        angle: AngleMode::Degrees,
        ..Settings::default()
    }
}

/// Runs `input` in both angle modes and checks it gives `expected` in each.
#[track_caller]
fn in_both_modes(input: &str, expected: &str) {
    for settings in [Settings::default(), degree_mode()] {
        let text = answer(&mut Session::new(), input, &settings).0;
        assert_eq!(text, expected, "{input} ({:?})", settings.angle);
    }
}

/// One rule: a revolution is 2π rad wherever an angle is involved; `rpm`
/// is revolutions per minute, and a count per second (Hz) beside an angle
/// counts revolutions.
#[test]
fn revolutions_are_two_pi_radians() {
    for (input, expected) in [
        ("7200 rpm to rad/s", "753.98223686155 rad/s"),
        ("1 rpm to deg/s", "6 deg/s"),
        ("360 deg/s to rpm", "60 rpm"),
        ("1 turn/s to Hz", "1 Hz"),
        ("1 rpm to rev/min", "1 rev/min"),
        ("10 rpm to rad/s", "1.0471975511966 rad/s"),
        ("60 rpm to Hz", "1 Hz"),
        ("1 Hz to rpm", "60 rpm"),
        ("1 Hz to rad/s", "6.28318530717959 rad/s"),
        ("2 pi rad/s to Hz", "1 Hz"),
        ("1 rad/s to Hz", "0.159154943091895 Hz"),
        ("(60 rpm * 1 s) to turn", "1 turn"),
        ("1 turn to rad", "6.28318530717959 rad"),
    ] {
        in_both_modes(input, expected);
    }
    // Nothing but a count of time converts across an angle: a degree of
    // a length is not a length.
    let (_, message, span) = error("1 deg m to m");
    assert_eq!(message, "cannot convert a quantity in m·rad to a length");
    assert_eq!(span, (8, 10));
    assert_eq!(
        error("1 rpm to m/s").1,
        "cannot convert an angular velocity to a speed"
    );
}

/// An angle that cancels leaves no number for the angle mode to read again.
#[test]
fn angles_that_cancel_stay_angles() {
    for (input, expected) in [
        ("30 deg^2/1 deg", "30 deg"),
        ("sin(30 deg^2/1 deg)", "0.5"),
        ("sqrt(900 deg^2) to deg", "30 deg"),
        ("(60 rpm * 1 s) to turn", "1 turn"),
        ("30 deg * 2", "60 deg"),
        ("2 rad * 3 Hz", "6 rad·Hz"),
    ] {
        in_both_modes(input, expected);
    }
    for settings in [Settings::default(), degree_mode()] {
        let mut session = Session::new();
        assert_eq!(answer(&mut session, "x = 30 deg", &settings).0, "30 deg");
        assert_eq!(answer(&mut session, "sin(x*x/x)", &settings).0, "0.5");
        assert_eq!(answer(&mut session, "x*x/x", &settings).0, "30 deg");
    }
}

/// `in` after a quantity converts; after a number it is the inch.
#[test]
fn in_converts_after_a_quantity() {
    for (input, expected) in [
        ("60 mph in km/h", "96.56064 km/h"),
        ("5.08 cm in inch", "2 inch"),
        ("2 in in meter", "0.0508 meter"),
        ("5 in", "5 in"),
        ("5 in in cm", "12.7 cm"),
        ("(2 m) in cm", "200 cm"),
        ("178 cm in ft + in", "5 ft + 10.0787401574803 in"),
        ("3 in * 2", "6 in"),
        ("1 in^2 in cm^2", "6.4516 cm^2"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
    let mut session = Session::new();
    let settings = Settings::default();
    assert_eq!(answer(&mut session, "d = 3 ft", &settings).0, "3 ft");
    assert_eq!(answer(&mut session, "d in in", &settings).0, "36 in");
}

/// A degree sign before a scale letter is the scale; prefixed kelvins keep
/// the kelvin's zero.
#[test]
fn temperature_scales_are_read_as_written() {
    for (input, expected) in [
        ("6°K", "6 K"),
        ("1 degree celsius to K", "274.15 K"),
        ("1 degrees celsius to K", "274.15 K"),
        ("32 degree fahrenheit to °C", "0 °C"),
        ("20 ℃ to ℉", "68 ℉"),
        ("1000 mK to °C", "-272.15 °C"),
        ("1 kK to °C", "726.85 °C"),
        ("0 °C to mK", "273150 mK"),
        ("1 mK to K", "0.001 K"),
        ("20 °C + 10 mK", "20.01 °C"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
}

/// `min` and `max` compare temperatures as temperatures.
#[test]
fn min_and_max_compare_temperatures() {
    for (input, expected) in [
        ("max(20 °C, 70 °F) to °F", "70 °F"),
        ("min(300 K, 20 °C) to °C", "20 °C"),
        ("max(20 °C, 70 °F)", "21.1111111111111 °C"),
        ("max(0 °C, 300 K)", "26.85 °C"),
        ("min(-40 °F, -40 °C)", "-40 °F"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
    assert_eq!(
        error("max(20 °C, 3 m)").1,
        "cannot convert a length to a temperature"
    );
}

/// Symbols people read otherwise, and the peers' choices offered by name.
#[test]
fn symbols_and_the_other_definitions_by_name() {
    for (input, expected) in [
        ("1 kt to km/h", "1.852 km/h"),
        ("1 PS to W", "735.49875 W"),
        ("1 metric_horsepower to W", "735.49875 W"),
        ("1 ton to kg", "907.18474 kg"),
        ("1 short_ton to lb", "2000 lb"),
        ("1 long_ton to lb", "2240 lb"),
        ("1 tonne to kg", "1000 kg"),
        ("1 metric_ton to kg", "1000 kg"),
        ("1 cal to J", "4.184 J"),
        ("1 cal_IT to J", "4.1868 J"),
        ("1 kcal_IT to J", "4186.8 J"),
        ("1 Cal to kcal", "1 kcal"),
        ("1 mmHg to Pa", "133.322387415 Pa"),
        ("1 Torr to Pa", "133.322368421053 Pa"),
        ("1 yr to day", "365.25 day"),
        ("1 tropical_year to day", "365.24219 day"),
        ("1/0.5 kg", "2 kg⁻¹"),
        ("(1/0.5) kg", "2 kg"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
}

/// Errors name what was wrong and point at it; suggestions go by sense.
#[test]
fn unit_errors_say_what_was_wrong_point_at_it_and_suggest_by_sense() {
    use Category::{Domain, Syntax, UnknownName};
    let follow = "a unit or a form must follow 'to', not";
    let forms = "write to km, to hex, to oct, to bin, to dec or to frac";
    let late = "unexpected 'to': a conversion comes last, after a value";
    let cases: &[(&str, Category, String, (usize, usize))] = &[
        (
            "5 ft to",
            Syntax,
            format!("{follow} the end of the line: {forms}"),
            (5, 7),
        ),
        (
            "5 ft to 3 m",
            Syntax,
            format!("{follow} a number: {forms}"),
            (8, 9),
        ),
        (
            "5 ft to )",
            Syntax,
            format!("{follow} ')': {forms}"),
            (8, 9),
        ),
        ("to °", Syntax, late.to_string(), (0, 2)),
        ("(123 K to °C) to K", Syntax, late.to_string(), (7, 9)),
        (
            "1 gal to L/100km",
            Domain,
            "cannot convert a volume to an area".into(),
            (6, 8),
        ),
        (
            "100 C to F",
            Domain,
            "C is the coulomb, F the farad: write °C, °F".into(),
            (6, 8),
        ),
        (
            "100 °C to F",
            Domain,
            "C is the coulomb, F the farad: write °C, °F".into(),
            (8, 10),
        ),
        (
            "5 KB",
            UnknownName,
            "unknown name 'KB'; did you mean 'kB' or 'KiB'?".into(),
            (2, 4),
        ),
    ];
    for (input, category, message, span) in cases {
        assert_eq!(error(input), (*category, message.clone(), *span), "{input}");
    }
    for (input, note) in [
        ("5 KB", "did you mean 'kB' or 'KiB'?"),
        ("5 LB", "did you mean 'lb'?"),
        ("5 sqft", "did you mean 'ft^2'?"),
        ("5 m per", "did you mean '/'?"),
        ("1 m to metr", "did you mean 'metre'?"),
        ("1 m to sqft", "did you mean 'ft^2'?"),
    ] {
        let e = Session::new()
            .evaluate(input, &Settings::default())
            .unwrap_err();
        assert_eq!(e.note().as_deref(), Some(note), "{input}");
    }
}

/// Quantities written one after another add: `6 ft 2 in`.
#[test]
fn juxtaposed_quantities_add() {
    for (input, expected) in [
        ("6 ft 2 in to in", "74 in"),
        ("3 m 15 cm", "3.15 m"),
        ("5 foot 2 inches to in", "62 in"),
        ("5 feet 2 inches to cm", "157.48 cm"),
        ("1 h 30 min to min", "90 min"),
        ("6 ft 2 in in cm", "187.96 cm"),
        ("2 * (3 m 4 m)", "14 m"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
    // A bare number after a quantity is still a missing operator.
    assert_eq!(error("5 m 3").1, "missing operator before this number");
    assert_eq!(error("5 m 3 s").1, "cannot add a length and a time");
}

/// Names as people type them: plurals and other letter case where only one
/// unit reads so, several words, and the units the table lacked.
#[test]
fn unit_names_read_in_any_case_in_the_plural_and_in_several_words() {
    for (input, expected) in [
        // Letter case and plurals.
        ("5 KM to m", "5000 m"),
        ("5 KG to g", "5000 g"),
        ("60 MPH to km/h", "96.56064 km/h"),
        ("60 RPM to Hz", "1 Hz"),
        ("1 PSI to psi", "1 psi"),
        ("1 AU to km", "149597870.7 km"),
        ("3 hrs to min", "180 min"),
        ("5 mins to s", "300 s"),
        ("30 secs to min", "0.5 min"),
        ("2 yrs to day", "730.5 day"),
        ("2 wks to day", "14 day"),
        ("5 kms to m", "5000 m"),
        ("2 gals to L", "7.570823568 L"),
        ("3 Bytes to bit", "24 bit"),
        ("5 henries to H", "5 H"),
        ("2 furlongs to m", "402.336 m"),
        ("3 mEtRes to cm", "300 cm"),
        ("1 kg to kgs", "1 kgs"),
        // An upper-case K is kilo where nothing else reads.
        ("5 Kg to lb", "11.0231131092439 lb"),
        ("2 KW to W", "2000 W"),
        ("3 KJ", "3 kJ"),
        ("1 KHz to Hz", "1000 Hz"),
        ("2 KWh to Wh", "2000 Wh"),
        ("5 Kgs to g", "5000 g"),
        ("1 KN to N", "1000 N"),
        ("300 K to kK", "0.3 kK"),
        ("1 kg to Kg", "1 Kg"),
        // Several words.
        ("2 fluid ounce to mL", "59.147059125 mL"),
        ("3 square feet to m^2", "0.27870912 m^2"),
        ("3 sq ft to m^2", "0.27870912 m^2"),
        ("2 cubic meter to L", "2000 L"),
        ("1 light year to km", "9460730472580.8 km"),
        ("1 metric ton to kg", "1000 kg"),
        ("1 short ton to lb", "2000 lb"),
        ("1 long ton to lb", "2240 lb"),
        ("1 imperial gallon to L", "4.54609 L"),
        ("10 miles per hour to km/h", "16.09344 km/h"),
        ("36 kilometer per hour to m/s", "10 m/s"),
        // Missing units: speeds, data, time, volume, ratios, force, pressure.
        ("36 kph to m/s", "10 m/s"),
        ("36 kmh to m/s", "10 m/s"),
        ("1 kcal to kJ", "4.184 kJ"),
        ("100 Mbps * 1 s to MB", "12.5 MB"),
        ("1 kbps to bps", "1000 bps"),
        ("1 Kib to b", "1024 b"),
        ("1 Gib to Mib", "1024 Mib"),
        ("20 ℃ to ℉", "68 ℉"),
        ("6' 2\" to in", "74 in"),
        ("6′ 2″ to cm", "187.96 cm"),
        ("1 fortnight to day", "14 day"),
        ("1 decade to yr", "10 yr"),
        ("2 centuries to yr", "200 yr"),
        ("1 imperial_pint to mL", "568.26125 mL"),
        ("1 gal_imp to imperial_quart", "4 imperial_quart"),
        ("1 floz_imp to mL", "28.4130625 mL"),
        ("0.001 to ppm", "1000 ppm"),
        ("2 ppm to ppb", "2000 ppb"),
        ("1 ppt to ppb", "0.001 ppb"),
        ("50 percent", "0.5"),
        ("1 kgf to N", "9.80665 N"),
        ("1 inHg to Pa", "3386.388640341 Pa"),
        ("1013 mb to bar", "1.013 bar"),
        ("1013 mbar to hPa", "1013 hPa"),
        ("1 therm to BTU", "100000 BTU"),
        ("7000 grain to lb", "1 lb"),
        ("1 ozt to g", "31.1034768 g"),
        ("1 carat to mg", "200 mg"),
        ("1 furlong to ft", "660 ft"),
        ("1 fathom to ft", "6 ft"),
        ("1000 mil to in", "1 in"),
        ("1 thou to mm", "0.0254 mm"),
        ("1 NM to m", "1852 m"),
        ("1 nmi to NM", "1 NM"),
        ("1 barrel to gal", "42 gal"),
        ("1 bbl to L", "158.987294928 L"),
        ("1 barn to fm^2", "100 fm^2"),
        ("1 rod to ft", "16.5 ft"),
        ("1 hogshead to gal", "63 gal"),
        ("1 Mx to Wb", "1e-8 Wb"),
        ("2 molal * 3 kg to mol", "6 mol"),
        ("1 octet to bit", "8 bit"),
        ("5 m3 to L", "5000 L"),
        ("2 cm2 to mm2", "200 mm2"),
        // Juxtaposed sums.
        ("48° 46′ 32″ to deg", "48.7755555555556 deg"),
        ("5 foot 2 inches to in", "62 in"),
        // Constants under the names numbat and CODATA use.
        ("hbar to J*s", "1.05457181764616e-34 J*s"),
        ("ℏ to eV*s", "6.58211956950907e-16 eV*s"),
        ("h_planck to J*s", "6.62607015e-34 J*s"),
        ("planck_constant to J/Hz", "6.62607015e-34 J/Hz"),
        ("electron_mass to kg", "9.1093837015e-31 kg"),
        ("m_e * c^2 to MeV", "0.510998949996164 MeV"),
        ("elementary_charge to C", "1.602176634e-19 C"),
        ("q_e to C", "1.602176634e-19 C"),
        ("gas_constant to J/K/mol", "8.31446261815324 J/K/mol"),
        ("R to J/mol/K", "8.31446261815324 J/mol/K"),
        ("ε0 to F/m", "8.8541878128e-12 F/m"),
        ("μ0 to N/A^2", "0.00000125663706212 N/A^2"),
        ("faraday_constant to C/mol", "96485.3321233100184 C/mol"),
        (
            "stefan_boltzmann_constant to W/m^2/K^4",
            "5.67037441918443e-8 W/m^2/K^4",
        ),
        ("1 h to s", "3600 s"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
    // Names of two symbols, or of several units in other case, are errors
    // that list the readings.
    for (input, note) in [
        ("5 Nm", "did you mean 'nmi' or 'nm' or 'N m'?"),
        ("5 MM", "did you mean 'Mm' or 'mm'?"),
        // K is kilo or kibi for data, and `kt` is the knot.
        ("5 KB", "did you mean 'kB' or 'KiB'?"),
        ("5 Kbit", "did you mean 'kbit' or 'K bit'?"),
        ("5 Kt", "did you mean 'kn' or 'kT' or 'kt' or 'K t'?"),
        ("5 kWs", "did you mean 'kW s'?"),
        ("5 Pas", "did you mean 'Pa s'?"),
    ] {
        let e = Session::new()
            .evaluate(input, &Settings::default())
            .unwrap_err();
        assert_eq!(e.note().as_deref(), Some(note), "{input}");
    }
}

/// A target may hold numbers and parentheses, and a conversion asked for
/// may turn a quantity over: mpg and L/100km.
#[test]
fn targets_with_numbers_and_reciprocals() {
    for (input, expected) in [
        ("30 mpg to L/100km", "7.84048611111111 L/100km"),
        ("30 mpg to L/(100 km)", "7.84048611111111 L/(100 km)"),
        ("1 L/100km to mpg", "235.214583333333 mpg"),
        ("R to J/(mol K)", "8.31446261815324 J/(mol K)"),
        ("1 km/h to s/m", "3.6 s/m"),
        ("1 m/s to s/km", "1000 s/km"),
        ("100 km/h to mi/(1 h)", "62.1371192237334 mi/(1 h)"),
        ("3 kWh to kJ*2", "5400 kJ*2"),
    ] {
        assert_eq!(eval(input).0, expected, "{input}");
    }
    // `ans` is the quantity itself, not the number shown per 100 km.
    let settings = Settings::default();
    let mut session = Session::new();
    let mut run = |input: &str| answer(&mut session, input, &settings).0;
    assert_eq!(run("x = 30 mpg to L/100km"), "7.84048611111111 L/100km");
    assert_eq!(run("x to mpg"), "30 mpg");
    assert_eq!(run("ans to L/km"), "0.0784048611111111 L/km");
    // Only a conversion asked for turns a quantity over.
    assert_eq!(
        error("1 mpg + 1 L/km").1,
        "cannot add a quantity in m⁻² and an area"
    );
}

/// Names of several bytes per character go through every reading (plural,
/// letter case, a power digit) without a panic.
#[test]
fn names_of_any_characters_are_read_safely() {
    for name in [
        "日本", "日本2", "日本s", "é2", "Ωs", "ΩS", "µ2", "μs", "℃s", "′s", "″3", "Åß", "ſ", "ǅ",
        "İ", "ﬃ", "ΣΣ", "ℏs", "ε0s",
    ] {
        for input in [
            name.to_string(),
            format!("5 {name}"),
            format!("1 m to {name}"),
        ] {
            let _ = Session::new().evaluate(&input, &Settings::default());
        }
    }
}
