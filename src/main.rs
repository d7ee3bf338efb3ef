//! Picks pebble's face: one-shot, line mode or the interactive calculator.

use pebble::cli::args::{Command, USAGE, parse_args};
use pebble::cli::line::{NO_INPUT_HINT, run_lines, run_one_shot};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

#[cfg(target_env = "musl")]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

fn main() -> ExitCode {
    let command = match parse_args(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("pebble: {message}\nTry 'pebble --help'.");
            return ExitCode::from(2);
        }
    };
    let (settings, expression, light) = match command {
        Command::Help => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Command::Version => {
            println!("pebble {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Command::Run {
            settings,
            expression,
            light,
        } => (settings, expression, light),
    };
    let outcome = match expression {
        Some(expression) => {
            run_one_shot(&expression, &settings, &mut io::stdout(), &mut io::stderr()).map(|ok| {
                if ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            })
        }
        None if io::stdin().is_terminal() && io::stdout().is_terminal() && screen_can_start() => {
            pebble::ui::terminal::run(settings, light)
                .map(|()| ExitCode::SUCCESS)
                // Not eprintln!: on a terminal that is gone it would panic.
                .inspect_err(|e| {
                    let _ = writeln!(io::stderr(), "pebble: the terminal failed: {e}");
                })
        }
        // Block-buffered: stdout alone writes every line as it goes;
        // run_lines flushes whenever it is about to wait for input.
        None => run_lines(
            io::stdin().lock(),
            &settings,
            &mut BufWriter::new(io::stdout().lock()),
            &mut io::stderr(),
        )
        .map(|report| match report {
            r if r.evaluated == 0 => {
                eprintln!("{NO_INPUT_HINT}");
                ExitCode::from(2)
            }
            r if r.failed > 0 => ExitCode::FAILURE,
            _ => ExitCode::SUCCESS,
        }),
    };
    // A closed stdout (`pebble … | head -1`) ends the run quietly.
    outcome.unwrap_or(ExitCode::FAILURE)
}

/// Whether the interactive screen can take this terminal. Where raw mode is
/// refused (qemu-user 7.2 does not emulate the ioctl behind it), pebble says
/// so and reads lines instead of exiting without a word.
fn screen_can_start() -> bool {
    pebble::ui::terminal::check_raw_mode()
        .inspect_err(|e| {
            let _ = writeln!(
                io::stderr(),
                "pebble: the interactive screen cannot start here ({e}).\n\
                 Reading lines instead: type an expression and Enter; Ctrl-D ends."
            );
        })
        .is_ok()
}
