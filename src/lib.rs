//! pebble: a terminal calculator that is exact where maths is exact.
//!
//! `eval` is the pure evaluator; `cli` holds the one-shot and line faces;
//! `ui` the interactive terminal face.

pub mod cli;
pub mod eval;
pub mod ui;

#[cfg(pebble_no_unwinder)]
mod no_unwinder;
