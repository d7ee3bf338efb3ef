//! The interactive face: app state, rendering and input mapping on top of
//! the evaluator (no parsing here), and the terminal loop around them.

pub mod app;
pub mod background;
pub mod help;
pub mod history;
pub mod input;
pub mod keypad;
pub mod layout;
pub mod line_editor;
pub mod render;
pub mod terminal;
pub mod widgets;
