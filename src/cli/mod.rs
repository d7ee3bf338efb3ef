//! The non-interactive faces: one-shot (`pebble 2+2`) and line mode
//! (`echo 2+2 | pebble`), and the command-line options both share.

pub mod args;
pub mod line;
