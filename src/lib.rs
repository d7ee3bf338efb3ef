//! pebble: a terminal calculator that is exact where maths is exact.
//!
//! `eval` is the pure evaluator; `cli` holds the one-shot and line faces;
//! `ui` the interactive terminal face; `history` keeps evaluated lines
//! between runs and restores a session from them.

pub mod cli;
pub mod eval;
pub mod history;
pub mod ui;

#[cfg(pebble_no_unwinder)]
mod no_unwinder;
