//! Command-line options, parsed with lexopt.

use crate::eval::{AngleMode, MAX_DIGITS, Settings};

pub const USAGE: &str = "\
pebble — a terminal calculator, exact where maths is exact

Usage: pebble [OPTIONS] [EXPRESSION...]

With an expression, print its value and exit (status 1 on error).
Without one, read lines from standard input when it is not a terminal,
or start the interactive calculator when it is.

Options:
  -d, --digits N   significant digits for rounded results (1-100000, default 15)
      --degrees    trigonometric functions take and give degrees
      --complex    real functions outside their domain give complex values
                   (sqrt(-4) is 2i); a line that writes i is complex anyway
      --theme T    palette: light or dark (default: ask the terminal)
  -h, --help       print this help
  -V, --version    print the version
  --               end of options (pebble -- -2^2)

Examples:
  pebble '0.1+0.2'          0.3
  pebble 2^64-1             18446744073709551615
  pebble --digits 30 pi     3.14159265358979323846264338328
  printf '2+2\\nans*10\\n' | pebble
";

#[derive(Debug, PartialEq)]
pub enum Command {
    Help,
    Version,
    /// Evaluate `expression`, or read input when it is `None`.
    Run {
        settings: Settings,
        expression: Option<String>,
        /// `--theme light` (true) or `dark` (false); else the terminal is asked.
        light: Option<bool>,
    },
}

pub fn parse_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_iter(std::iter::once("pebble".into()).chain(args));
    let mut settings = Settings::default();
    let mut words: Vec<String> = Vec::new();
    let mut light = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Short('d') | Long("digits") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                let value = value.string().map_err(|e| e.to_string())?;
                settings.digits = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_DIGITS).contains(n))
                    .ok_or(format!(
                        "--digits takes a whole number from 1 to {MAX_DIGITS}, not '{value}'"
                    ))?;
            }
            Long("degrees") => settings.angle = AngleMode::Degrees,
            Long("theme") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                let value = value.string().map_err(|e| e.to_string())?;
                light = Some(match value.as_str() {
                    "light" => true,
                    "dark" => false,
                    _ => return Err(format!("--theme takes light or dark, not '{value}'")),
                });
            }
            Long("radians") => settings.angle = AngleMode::Radians,
            Long("complex") => settings.complex = true,
            // A leading negative number (`-2^2`) is an expression, not options.
            Short(c) if c.is_ascii_digit() || c == '.' || c == '(' => {
                let rest = match parser.optional_value() {
                    Some(rest) => rest.string().map_err(|e| e.to_string())?,
                    None => String::new(),
                };
                words.push(format!("-{c}{rest}"));
                words.extend(raw_rest(&mut parser)?);
                break;
            }
            Value(word) => {
                words.push(word.string().map_err(|e| e.to_string())?);
                words.extend(raw_rest(&mut parser)?);
                break;
            }
            _ => {
                return Err(format!(
                    "{} (to start an expression with '-', put '--' before it)",
                    arg.unexpected()
                ));
            }
        }
    }
    let expression = (!words.is_empty()).then(|| words.join(" "));
    Ok(Command::Run {
        settings,
        expression,
        light,
    })
}

/// Everything after the first expression word belongs to the expression.
fn raw_rest(parser: &mut lexopt::Parser) -> Result<Vec<String>, String> {
    match parser.raw_args() {
        Ok(rest) => rest
            .map(|a| {
                a.into_string()
                    .map_err(|a| format!("argument is not UTF-8: {a:?}"))
            })
            .collect(),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|a| a.into()))
    }

    fn expression(args: &[&str]) -> Option<String> {
        match run(args).unwrap() {
            Command::Run { expression, .. } => expression,
            other => panic!("expected Run, got {other:?}"),
        }
    }

    #[test]
    fn words_join_into_one_expression() {
        assert_eq!(expression(&["2", "+", "2"]), Some("2 + 2".into()));
        assert_eq!(expression(&[]), None);
    }

    #[test]
    fn double_dash_and_negative_numbers() {
        assert_eq!(expression(&["--", "-2^2"]), Some("-2^2".into()));
        assert_eq!(expression(&["-2^2"]), Some("-2^2".into()));
        assert_eq!(expression(&["-2", "+", "1"]), Some("-2 + 1".into()));
    }

    #[test]
    fn options_set_the_settings() {
        match run(&["--digits", "30", "--degrees", "--complex", "sin(30)"]).unwrap() {
            Command::Run {
                settings,
                expression,
                light,
            } => {
                assert_eq!(light, None);
                assert_eq!(settings.digits, 30);
                assert_eq!(settings.angle, AngleMode::Degrees);
                assert!(settings.complex);
                assert_eq!(expression, Some("sin(30)".into()));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(run(&["-h"]).unwrap(), Command::Help);
        assert_eq!(run(&["--version"]).unwrap(), Command::Version);
    }

    #[test]
    fn bad_options_are_errors() {
        assert!(run(&["--digits", "0"]).is_err());
        assert!(run(&["--digits", "x"]).is_err());
        assert!(run(&["--digits", "100001"]).is_err());
        assert!(run(&["--digits", "100000"]).is_ok());
        assert!(run(&["--frobnicate"]).is_err());
        assert!(run(&["--theme", "blue"]).is_err());
        assert!(matches!(
            run(&["--theme", "light"]),
            Ok(Command::Run {
                light: Some(true),
                ..
            })
        ));
    }
}
