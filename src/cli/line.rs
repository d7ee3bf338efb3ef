//! One-shot and line mode: results to stdout, caret diagnostics to stderr.

use crate::eval::{Error, ErrorKind, Session, Settings, Span};
use std::io::{self, BufRead, BufReader, Read, Write};
use unicode_width::UnicodeWidthChar;

/// What a person who ran pebble with nothing to do should read.
pub const NO_INPUT_HINT: &str = "\
pebble: nothing to calculate.
  Give an expression:      pebble '2+2'
  or pipe lines in:        echo '2+2' | pebble
  or run it in a terminal for the interactive calculator
  (in a container: podman run -it ...).";

/// Most characters of input shown under an error: a longer input is cut to
/// a window around the fault, so a 4,000-character line is not echoed whole.
const DIAGNOSTIC_WIDTH: usize = 72;

/// Characters shown before the fault in a window.
const DIAGNOSTIC_CONTEXT: usize = 30;

/// Renders an evaluation error for stderr: a headline and the input with a caret under the fault.
pub fn diagnostic(headline: &str, input: &str, error: &Error) -> String {
    let mut out = format!("{headline}: {error}\n");
    let (shown, at) = window(input, error.span);
    let placed = Error::new(error.kind.clone(), at);
    for line in placed.caret_diagnostic(&shown).lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `input` cut to at most `DIAGNOSTIC_WIDTH` columns around `span`, with
/// `…` where text was left out, and the span within what is shown.
fn window(input: &str, span: Span) -> (String, Span) {
    // Where each character starts, in bytes and in terminal columns, and
    // where the input ends.
    let mut starts: Vec<(usize, usize)> = Vec::with_capacity(input.len() + 1);
    let mut column = 0;
    for (byte, c) in input.char_indices() {
        starts.push((byte, column));
        column += c.width().unwrap_or(1);
    }
    starts.push((input.len(), column));
    if column <= DIAGNOSTIC_WIDTH {
        return (input.to_string(), span);
    }
    let index_at = |byte: usize| starts.partition_point(|&(start, _)| start < byte);
    let index_from = |column: usize| starts.partition_point(|&(_, start)| start < column);
    let fault_column = starts[index_at(span.start.min(input.len()))].1;
    // Context before the fault, more of it when the fault is near the end.
    let left = fault_column
        .saturating_sub(DIAGNOSTIC_CONTEXT)
        .min(column.saturating_sub(DIAGNOSTIC_WIDTH));
    let first = index_from(left);
    let last = index_from(starts[first].1 + DIAGNOSTIC_WIDTH + 1) - 1;
    let (begin, end) = (starts[first].0, starts[last].0);
    let before = if begin > 0 { "…" } else { "" };
    let after = if end < input.len() { "…" } else { "" };
    let shown = format!("{before}{}{after}", &input[begin..end]);
    let moved = |at: usize| before.len() + at.clamp(begin, end) - begin;
    (shown, Span::new(moved(span.start), moved(span.end)))
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
    let limit = settings.limits.max_input_bytes;
    for number in 1.. {
        // Flush before a read could block, so interactive pipes see answers
        // at once; while whole lines are buffered, keep batching output.
        if !has_full_line(input.buffer()) {
            out.flush()?;
        }
        // A line past the limit is not kept whole: memory stays flat
        // however long a line is.
        let Some(length) = read_line_bounded(&mut input, &mut raw, limit + 1)? else {
            break;
        };
        if length > limit {
            report.evaluated += 1;
            report.failed += 1;
            out.flush()?;
            let error = Error::new(
                ErrorKind::InputTooLong { length, limit },
                Span::new(limit, length),
            );
            writeln!(err, "error on line {number}: {error}")?;
            continue;
        }
        let text = String::from_utf8_lossy(&raw);
        let line = text.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        report.evaluated += 1;
        match session.evaluate(line, settings) {
            Ok(answer) => {
                out.write_all(answer.text.as_bytes())?;
                out.write_all(b"\n")?;
            }
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

/// Reads one line into `line` (its newline left out), keeping at most
/// `keep` bytes of it and skipping the rest; returns the line's whole
/// length, or `None` at the end of input.
fn read_line_bounded(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    keep: usize,
) -> io::Result<Option<usize>> {
    line.clear();
    let mut length = 0;
    let mut started = false;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(started.then_some(length));
        }
        started = true;
        let newline = buffer.iter().position(|b| *b == b'\n');
        let chunk = &buffer[..newline.unwrap_or(buffer.len())];
        let room = keep.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        length += chunk.len();
        let used = newline.map_or(buffer.len(), |i| i + 1);
        input.consume(used);
        if newline.is_some() {
            return Ok(Some(length));
        }
    }
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
    fn an_overlong_line_is_an_error_without_being_kept() {
        let long = "1+".repeat(100_000) + "1";
        let (out, err, report) = lines(&format!("2\n{long}\n3"));
        assert_eq!(out, "2\n3\n");
        assert_eq!(
            err,
            "error on line 2: input too long (200001 bytes; the limit is 4096)\n"
        );
        assert_eq!((report.evaluated, report.failed), (3, 1));
        let mut kept = Vec::new();
        let mut input = BufReader::with_capacity(16, long.as_bytes());
        assert_eq!(
            read_line_bounded(&mut input, &mut kept, 10).unwrap(),
            Some(200_001)
        );
        assert_eq!(kept, b"1+1+1+1+1+");
        assert_eq!(read_line_bounded(&mut input, &mut kept, 10).unwrap(), None);
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
