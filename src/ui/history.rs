//! The history as the screen shows it. Its storage and the session
//! restore live in `crate::history`, outside the interactive face.

use crate::eval::AngleMode;
pub use crate::history::HistoryEntry;

/// The angle mode's name on the screen.
pub fn angle_label(angle: AngleMode) -> &'static str {
    match angle {
        AngleMode::Degrees => "DEG",
        AngleMode::Radians => "RAD",
    }
}
