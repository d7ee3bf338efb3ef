//! Any bytes, as one or more lines, through a session: never a panic, and
//! libFuzzer's -timeout flags anything slow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pebble::eval::{AngleMode, Session, Settings};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut session = Session::new();
    let mut settings = Settings::default();
    if data.first().is_some_and(|b| b % 2 == 1) {
        settings.angle = AngleMode::Degrees;
    }
    for line in text.lines().take(4) {
        if let Err(error) = session.evaluate(line, &settings) {
            // The caret rendering must cope with any span the evaluator gives.
            let _ = error.caret_diagnostic(line);
        }
        let _ = session.preview(line, &settings);
    }
});
