//! Whether the terminal's background is light, for the palette: forced by
//! `--theme` or `PEBBLE_THEME`, else asked of the terminal (OSC 11, with a
//! short timeout), else read from `COLORFGBG`; dark when nothing says.

use std::io::{Read, Write as _};
use std::time::{Duration, Instant};

/// Longest wait for the terminal's answer: a local terminal answers in a
/// millisecond or two, one over ssh in a round trip.
const QUERY_TIMEOUT: Duration = Duration::from_millis(150);

/// `light` or `dark`, as `--theme` and `PEBBLE_THEME` take it.
pub fn from_name(name: &str) -> Option<bool> {
    match name.trim() {
        "light" => Some(true),
        "dark" => Some(false),
        _ => None,
    }
}

/// `COLORFGBG` (`15;0`, `0;default;15`): its last field is the background's
/// colour number; 7 and 9 to 15 are the light ones.
pub fn from_colorfgbg(value: &str) -> Option<bool> {
    let last = value.rfind(';').map_or(0, |at| at + 1);
    let background: u8 = value[last..].trim().parse().ok()?;
    match background {
        7 | 9..=15 => Some(true),
        0..=6 | 8 => Some(false),
        _ => None,
    }
}

/// The answer to OSC 11 (`ESC ] 11 ; rgb:RRRR/GGGG/BBBB` then BEL or ST),
/// found anywhere in `reply`: light when its luminance is over a half.
pub fn from_osc11(reply: &[u8]) -> Option<bool> {
    const PREFIX: &[u8] = b"]11;rgb:";
    let at = reply.windows(PREFIX.len()).position(|w| w == PREFIX)? + PREFIX.len();
    // Each channel's first hex digit says enough: bright or not, in 16ths.
    let mut channels = reply[at..]
        .split(|b| *b == b'/')
        .map(|hex| char::from(*hex.first()?).to_digit(16));
    let (r, g, b) = (channels.next()??, channels.next()??, channels.next()??);
    // Luminance weights (×10,000) against half of 15.
    Some(2126 * r + 7152 * g + 722 * b > 10_000 * 15 / 2)
}

/// Asks the terminal for its background (OSC 11), then for its attributes
/// (DA1), which every terminal answers: the second answer ends the wait
/// at once where the first never comes. Call in raw mode, before anything
/// else reads the terminal.
pub fn query_terminal() -> Option<bool> {
    #[cfg(target_os = "linux")]
    const O_NONBLOCK: i32 = 0o4000;
    #[cfg(not(target_os = "linux"))]
    const O_NONBLOCK: i32 = 0x0004;
    use std::os::unix::fs::OpenOptionsExt;
    let mut tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(O_NONBLOCK)
        .open("/dev/tty")
        .ok()?;
    // (A file is not buffered: written at once.)
    tty.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    let start = Instant::now();
    let mut reply = Vec::new();
    let mut buffer = [0u8; 256];
    while start.elapsed() < QUERY_TIMEOUT {
        match tty.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                reply.extend_from_slice(&buffer[..n]);
                if da1_answered(&reply) {
                    break;
                }
            }
            // Nothing yet (or a read error: then the wait runs out).
            Err(_) => std::thread::sleep(Duration::from_millis(2)),
        }
    }
    from_osc11(&reply)
}

/// Whether `reply` ends with the answer to DA1: `ESC [ ? … c`.
fn da1_answered(reply: &[u8]) -> bool {
    reply.ends_with(b"c") && reply.windows(3).any(|w| w == b"\x1b[?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminals_answer_tells_light_from_dark() {
        assert_eq!(from_osc11(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), Some(true));
        assert_eq!(from_osc11(b"\x1b]11;rgb:1e1e/1e1e/1e1e\x07"), Some(false));
        assert_eq!(
            from_osc11(b"\x1b]11;rgb:fa/fa/fa\x07\x1b[?62;c"),
            Some(true)
        );
        assert_eq!(from_osc11(b"\x1b[?62;22c"), None);
        assert_eq!(from_osc11(b"\x1b]11;rgb:zz/00/00\x07"), None);
        assert!(da1_answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"));
        assert!(!da1_answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;2"));
    }

    #[test]
    fn colorfgbg_and_names_say_it_too() {
        assert_eq!(from_colorfgbg("15;0"), Some(false));
        assert_eq!(from_colorfgbg("0;15"), Some(true));
        assert_eq!(from_colorfgbg("0;default;7"), Some(true));
        assert_eq!(from_colorfgbg("default"), None);
        assert_eq!(from_name("light"), Some(true));
        assert_eq!(from_name("dark"), Some(false));
        assert_eq!(from_name("blue"), None);
    }
}
