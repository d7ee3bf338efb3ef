//! Whether the terminal's background is light, for the palette: forced by
//! `--theme` or `PEBBLE_THEME`, else asked of the terminal (OSC 11, with a
//! short timeout), else read from `COLORFGBG`; dark when nothing says.
//! Keys typed while the terminal is asked are kept for the app.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
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
/// else reads the terminal. Also gives what else was read meanwhile (keys
/// typed at once after start) as events, for the app to take in order.
pub fn query_terminal() -> (Option<bool>, Vec<Event>) {
    let Some(reply) = ask_terminal() else {
        return (None, Vec::new());
    };
    (from_osc11(&reply), typed_events(&reply))
}

fn ask_terminal() -> Option<Vec<u8>> {
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
    Some(reply)
}

/// Whether `reply` holds the whole answer to DA1, `ESC [ ? 62;22 c`
/// (keys typed meanwhile may come before or after it).
fn da1_answered(reply: &[u8]) -> bool {
    reply.windows(3).enumerate().any(|(at, w)| {
        w == b"\x1b[?"
            && reply[at + 3..]
                .iter()
                .find(|b| !(b.is_ascii_digit() || **b == b';'))
                == Some(&b'c')
    })
}

/// The keys in what the terminal sent during the query: ASCII characters,
/// Enter, Tab, Backspace and Ctrl letters, what is typed at once after
/// start. Escape sequences are left out: the answers (OSC 11, DA1), the
/// mouse, other keys (a rare key this early is dropped, never misread).
pub fn typed_events(reply: &[u8]) -> Vec<Event> {
    let mut bytes = reply.iter().copied();
    let mut events = Vec::new();
    while let Some(b) = bytes.next() {
        let (code, modifiers) = match b {
            0x1b => {
                // Skipped whole: OSC runs to BEL or ST, CSI and SS3 to
                // their final byte.
                let osc = bytes.next() == Some(b']');
                let _ = bytes.position(|c| match osc {
                    true => c == 0x07 || c == b'\\',
                    false => (b'@'..=b'~').contains(&c),
                });
                continue;
            }
            b'\r' | b'\n' => (KeyCode::Enter, KeyModifiers::NONE),
            b'\t' => (KeyCode::Tab, KeyModifiers::NONE),
            0x7f | 0x08 => (KeyCode::Backspace, KeyModifiers::NONE),
            0x01..=0x1a => (
                KeyCode::Char(char::from(b - 1 + b'a')),
                KeyModifiers::CONTROL,
            ),
            b' '..=b'~' => (KeyCode::Char(char::from(b)), KeyModifiers::NONE),
            // Anything else: a character beyond ASCII (typed this early,
            // and dropped), a stray control.
            _ => continue,
        };
        events.push(Event::Key(KeyEvent::new(code, modifiers)));
    }
    events
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
        assert!(da1_answered(b"12\x1b]11;rgb:0/0/0\x07\x1b[?62;22c+3"));
        assert!(!da1_answered(b"abc"));
    }

    #[test]
    fn keys_typed_during_the_query_are_kept_and_its_answers_are_not() {
        let reply = "1\x1b]11;rgb:ffff/ffff/ffff\x1b\\2\x1b[?62;22c+\x1b[A\x1bOH\x7f\r\x03\x1b[<35;5;5M\x1b[3~\x1b]11;rgb:0/0/0\x07\t";
        let key = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
        let none = KeyModifiers::NONE;
        assert_eq!(
            typed_events(reply.as_bytes()),
            [
                key(KeyCode::Char('1'), none),
                key(KeyCode::Char('2'), none),
                key(KeyCode::Char('+'), none),
                key(KeyCode::Backspace, none),
                key(KeyCode::Enter, none),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::Tab, none),
            ]
        );
        assert_eq!(typed_events(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;22c"), []);
        assert_eq!(typed_events(b"7\x1b["), [key(KeyCode::Char('7'), none)]);
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
