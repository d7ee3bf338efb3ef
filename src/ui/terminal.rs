//! The terminal around the app: raw mode, alternate screen and mouse
//! capture on the way in, and restored on every way out (quit, signals,
//! panic, a closed terminal); the event loop and its side effects.

use super::app::{Action, App, Effect};
use super::background;
use super::input::map_event;
use super::render;
use crate::eval::Settings;
use crate::history;
use ratatui::backend::{Backend, ClearType, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event;
use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use ratatui::layout::Rect;
use std::io::{self, Stdout, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the loop looks for a stop signal while no input arrives.
const SIGNAL_POLL: Duration = Duration::from_millis(100);
/// How long a timed status message stays.
const STATUS_LIFETIME: Duration = Duration::from_secs(4);
/// How often the watchdog looks, and how long it waits for the loop.
const WATCHDOG_PERIOD: Duration = Duration::from_millis(300);

/// Runs the calculator screen; `light` forces the palette (`--theme`).
pub fn run(settings: Settings, light: Option<bool>) -> io::Result<()> {
    // NO_COLOR, when set to anything non-empty, turns colour off.
    let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let path = history::history_path(|name| std::env::var(name).ok());
    let loaded = path.as_deref().map(history::load).unwrap_or_default();
    let mut app = App::new(settings, loaded.entries, colour);
    let lost = app.restore_session();
    if let Some(warning) = loaded.warning {
        app.update(Action::Warn(warning));
    } else if !lost.is_empty() {
        app.update(Action::Warn(format!(
            "not restored from history: {}",
            lost.join(", ")
        )));
    }

    // As PID 1 in a container no default signal action applies, so every
    // stop signal is caught and ends the loop like a quit key.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    install_panic_hook();
    spawn_watchdog(Arc::clone(&stop));
    let mut terminal = enter()?;
    // Keys typed while the terminal was asked, to be taken first.
    let mut typed = Vec::new();
    if colour {
        // Forced, else asked of the terminal (now, in raw mode, before the
        // loop reads it), else COLORFGBG.
        let env = |name: &str| std::env::var(name).ok();
        let light = light
            .or_else(|| env("PEBBLE_THEME").and_then(|n| background::from_name(&n)))
            .or_else(|| {
                let (light, keys) = background::query_terminal();
                typed = keys;
                light
            })
            .or_else(|| env("COLORFGBG").and_then(|v| background::from_colorfgbg(&v)));
        app.update(Action::LightBackground(light.unwrap_or(false)));
    }
    let outcome = event_loop(&mut terminal, &mut app, &stop, path.as_deref(), typed);
    let restored = restore();
    outcome.and(restored)
}

/// Ends the process if the event loop cannot: crossterm's reader spins
/// without returning once the terminal is hung up, so neither a stop signal
/// nor the hang-up itself would otherwise get through.
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    // Opening /dev/tty fails once the controlling terminal is gone; only
    // trust that test where it worked to begin with.
    let has_tty = std::fs::File::open("/dev/tty").is_ok();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(WATCHDOG_PERIOD);
            let hung_up = has_tty && std::fs::File::open("/dev/tty").is_err();
            if hung_up || stop.load(Ordering::Relaxed) {
                // The loop notices a stop within one poll; give it that long.
                std::thread::sleep(WATCHDOG_PERIOD);
                let _ = restore();
                std::process::exit(0);
            }
        }
    });
}

/// Puts the terminal in raw mode and back, to learn whether it can be.
pub fn check_raw_mode() -> io::Result<()> {
    enable_raw_mode()?;
    disable_raw_mode()
}

/// What ratatui's `Terminal` does for a full-screen viewport, and no more
/// (its inline and fixed viewports' code is not linked): two buffers, the
/// frame drawn into one, only the cells that differ from the other sent.
struct Screen {
    backend: CrosstermBackend<Stdout>,
    buffers: [Buffer; 2],
    current: usize,
    area: Rect,
}

impl Screen {
    fn new(backend: CrosstermBackend<Stdout>) -> io::Result<Self> {
        let area = Rect::from(backend.size()?);
        Ok(Screen {
            backend,
            buffers: [Buffer::empty(area), Buffer::empty(area)],
            current: 0,
            area,
        })
    }

    fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.backend.size()
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        // A new size: both buffers take it, and the whole screen is drawn
        // afresh on a cleared terminal.
        let area = Rect::from(self.backend.size()?);
        if area != self.area {
            for buffer in &mut self.buffers {
                buffer.resize(area);
            }
            self.backend.clear_region(ClearType::All)?;
            self.buffers[1 - self.current].reset();
            self.area = area;
        }
        let cursor = render::draw(app, area, &mut self.buffers[self.current]);
        let (previous, current) = (&self.buffers[1 - self.current], &self.buffers[self.current]);
        self.backend.draw(previous.diff_iter(current))?;
        match cursor {
            None => self.backend.hide_cursor()?,
            Some(position) => {
                self.backend.show_cursor()?;
                self.backend.set_cursor_position(position)?;
            }
        }
        self.buffers[1 - self.current].reset();
        self.current = 1 - self.current;
        Backend::flush(&mut self.backend)
    }
}

fn enter() -> io::Result<Screen> {
    enable_raw_mode()?;
    let stdout = io::stdout();
    if let Err(e) = send(ENTER) {
        let _ = restore();
        return Err(e);
    }
    Screen::new(CrosstermBackend::new(stdout))
}

/// Puts the terminal back as it was; safe to call more than once.
pub fn restore() -> io::Result<()> {
    let left = send(LEAVE);
    disable_raw_mode()?;
    left
}

/// What crossterm's EnterAlternateScreen, EnableMouseCapture (press and
/// release, drags, all motion; RXVT and SGR coordinates) and
/// EnableBracketedPaste send, in that order, as one text: a command each
/// linked one function each.
const ENTER: &str = concat!(
    "\x1b[?1049h",
    "\x1b[?1000h\x1b[?1002h\x1b[?1003h\x1b[?1015h\x1b[?1006h",
    "\x1b[?2004h",
);

/// DisableBracketedPaste, DisableMouseCapture (the same modes in reverse),
/// LeaveAlternateScreen and Show (the cursor).
const LEAVE: &str = concat!(
    "\x1b[?2004l",
    "\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l",
    "\x1b[?1049l",
    "\x1b[?25h",
);

fn send(sequence: &str) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(sequence.as_bytes())?;
    out.flush()
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

/// Draws only when something changed (an event that mapped to an action,
/// a resize, a timed message expiring), so an idle pebble writes nothing.
fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    stop: &AtomicBool,
    history_path: Option<&Path>,
    typed: Vec<event::Event>,
) -> io::Result<()> {
    let mut typed = typed.into_iter();
    // An action to take once the frame is drawn (`Effect::Then`).
    let mut then = None;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    let mut status_expires: Option<Instant> = None;
    let mut save_failed = false;
    loop {
        if dirty {
            terminal.draw(app)?;
            dirty = false;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let now = Instant::now();
        let wait = status_expires.map_or(SIGNAL_POLL, |at| {
            at.saturating_duration_since(now).min(SIGNAL_POLL)
        });
        let action = if let Some(action) = then.take() {
            Some(action)
        } else if let Some(event) = typed.next() {
            map_event(&event, app)
        } else if event::poll(wait)? {
            map_event(&event::read()?, app)
        } else if status_expires.is_some_and(|at| at <= Instant::now()) {
            status_expires = None;
            Some(Action::ExpireStatus)
        } else {
            None
        };
        let Some(action) = action else { continue };
        dirty = true;
        for effect in app.update(action) {
            match effect {
                Effect::Quit => return Ok(()),
                Effect::Copy(text) => {
                    let mut out = io::stdout();
                    out.write_all(osc52(&text).as_bytes())?;
                    out.flush()?;
                }
                Effect::SaveHistory(entry) => {
                    let saved = history_path.map(|path| history::append(path, &entry));
                    // A read-only place keeps history in memory; say so once.
                    if let Some(Err(e)) = saved
                        && !save_failed
                    {
                        save_failed = true;
                        app.update(Action::Warn(format!("history not saved: {e}")));
                    }
                }
                Effect::ExpireStatusLater => {
                    status_expires = Some(Instant::now() + STATUS_LIFETIME);
                }
                Effect::Then(action) => then = Some(action),
            }
        }
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard;
/// it travels with the output, so it works over SSH and in containers.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648). A few lines here instead of a
/// crate: this is its only use.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn the_sequences_are_those_of_crossterms_commands() {
        use ratatui::crossterm::Command;
        use ratatui::crossterm::cursor::Show;
        use ratatui::crossterm::event::{
            DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
        };
        use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
        let mut enter = String::new();
        EnterAlternateScreen.write_ansi(&mut enter).unwrap();
        EnableMouseCapture.write_ansi(&mut enter).unwrap();
        EnableBracketedPaste.write_ansi(&mut enter).unwrap();
        assert_eq!(ENTER, enter);
        let mut leave = String::new();
        DisableBracketedPaste.write_ansi(&mut leave).unwrap();
        DisableMouseCapture.write_ansi(&mut leave).unwrap();
        LeaveAlternateScreen.write_ansi(&mut leave).unwrap();
        Show.write_ansi(&mut leave).unwrap();
        assert_eq!(LEAVE, leave);
    }

    #[test]
    fn osc52_wraps_the_text() {
        assert_eq!(osc52("42"), "\x1b]52;c;NDI=\x07");
    }
}
