//! One-shot and line mode: results to stdout, caret diagnostics to stderr.

use crate::eval::{Error, Session, Settings};
use std::io::{self, BufRead, BufReader, Read, Write};

/// What a person who ran pebble with nothing to do should read.
pub const NO_INPUT_HINT: &str = "\
pebble: nothing to calculate.
  Give an expression:      pebble '2+2'
  or pipe lines in:        echo '2+2' | pebble
  or run it in a terminal for the interactive calculator
  (in a container: podman run -it ...).";

/// Renders an evaluation error for stderr: a headline and the input with a caret under the fault.
pub fn diagnostic(headline: &str, input: &str, error: &Error) -> String {
    let mut out = format!("{headline}: {error}\n");
    for line in error.caret_diagnostic(input).lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Evaluates one expression; returns whether it succeeded.
pub fn run_one_shot(
    expression: &str,
    settings: &Settings,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<bool> {
    let mut session = Session::new();
    match session.evaluate(expression, settings) {
        Ok(answer) => {
            writeln!(out, "{}", answer.text)?;
            Ok(true)
        }
        Err(error) => {
            err.write_all(diagnostic("error", expression, &error).as_bytes())?;
            Ok(false)
        }
    }
}

/// Summary of a line-mode run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineReport {
    pub evaluated: usize,
    pub failed: usize,
}

/// Evaluates each non-empty line of `input` in order, streaming: one result
/// line per input line on `out`, errors with their line number on `err`.
pub fn run_lines(
    input: impl Read,
    settings: &Settings,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<LineReport> {
    let mut session = Session::new();
    let mut report = LineReport {
        evaluated: 0,
        failed: 0,
    };
    let mut input = BufReader::with_capacity(64 * 1024, input);
    let mut raw = Vec::new();
    for number in 1.. {
        // Flush before a read could block, so interactive pipes see answers
        // at once; while whole lines are buffered, keep batching output.
        if !has_full_line(input.buffer()) {
            out.flush()?;
        }
        raw.clear();
        if input.read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&raw);
        let line = text.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        report.evaluated += 1;
        match session.evaluate(line, settings) {
            Ok(answer) => writeln!(out, "{}", answer.text)?,
            Err(error) => {
                report.failed += 1;
                out.flush()?;
                err.write_all(
                    diagnostic(&format!("error on line {number}"), line, &error).as_bytes(),
                )?;
            }
        }
    }
    out.flush()?;
    Ok(report)
}

fn has_full_line(buffer: &[u8]) -> bool {
    buffer.contains(&b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> (String, String, LineReport) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let report = run_lines(input.as_bytes(), &Settings::default(), &mut out, &mut err).unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
            report,
        )
    }

    #[test]
    fn each_line_gives_one_result_and_ans_carries_over() {
        let (out, err, report) = lines("2+2\nans*10\n\n  \nx = 3\nx^2\n");
        assert_eq!(out, "4\n40\n3\n9\n");
        assert_eq!(err, "");
        assert_eq!(
            report,
            LineReport {
                evaluated: 4,
                failed: 0
            }
        );
    }

    #[test]
    fn errors_name_their_line_and_evaluation_goes_on() {
        let (out, err, report) = lines("1/0\r\n2*3");
        assert_eq!(out, "6\n");
        assert_eq!(err, "error on line 1: division by zero\n  1/0\n    ^\n");
        assert_eq!(report.failed, 1);
    }

    #[test]
    fn one_shot_reports_success() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert!(run_one_shot("6*7", &Settings::default(), &mut out, &mut err).unwrap());
        assert_eq!(out, b"42\n");
        assert!(!run_one_shot("6*", &Settings::default(), &mut out, &mut err).unwrap());
        assert_eq!(
            String::from_utf8(err).unwrap(),
            "error: expression ends too early: a number is missing\n  6*\n    ^\n"
        );
    }
}
