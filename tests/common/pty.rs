//! pebble in a real pseudo-terminal, its output parsed by `vt100` into
//! cells with colours and attributes: what a terminal would show, plus a
//! count of every byte pebble wrote.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct PtyPebble {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
}

impl PtyPebble {
    /// Starts this build's pebble at `width`×`height` with `env` added,
    /// and waits for its first frame.
    pub fn start(width: u16, height: u16, env: &[(&str, &str)]) -> PtyPebble {
        let pebble = Self::spawn(width, height, env);
        pebble.wait_for("pebble");
        pebble
    }

    /// Starts pebble without waiting for anything.
    pub fn spawn(width: u16, height: u16, env: &[(&str, &str)]) -> PtyPebble {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: height,
                cols: width,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_pebble"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("pebble starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let size = |n| NonZeroU16::new(n).unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(height), size(width), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (screen_in, raw_in) = (Arc::clone(&screen), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                screen_in.lock().unwrap().process(&buffer[..n]);
                raw_in.lock().unwrap().extend_from_slice(&buffer[..n]);
            }
        });
        PtyPebble {
            screen,
            raw,
            writer,
            child,
            master: pair.master,
        }
    }

    pub fn send(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Types `text` one key at a time, as a person would.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.send(&c.to_string());
            sleep(Duration::from_millis(5));
        }
    }

    /// SGR mouse reports, 0-based cell coordinates.
    pub fn press(&mut self, x: u16, y: u16) {
        self.send(&format!("\x1b[<0;{};{}M", x + 1, y + 1));
    }
    pub fn release(&mut self, x: u16, y: u16) {
        self.send(&format!("\x1b[<0;{};{}m", x + 1, y + 1));
    }
    pub fn move_to(&mut self, x: u16, y: u16) {
        self.send(&format!("\x1b[<35;{};{}M", x + 1, y + 1));
    }
    pub fn click(&mut self, x: u16, y: u16) {
        self.press(x, y);
        self.release(x, y);
    }

    /// Resizes the terminal, as a window manager would (pebble gets SIGWINCH).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.master
            .resize(PtySize {
                rows: height,
                cols: width,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pseudo-terminal resizes");
        let size = |n| NonZeroU16::new(n).unwrap();
        self.screen
            .lock()
            .unwrap()
            .set_size(size(height), size(width));
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Every byte pebble has written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn cell(&self, x: u16, y: u16) -> vt100::Cell {
        self.screen
            .lock()
            .unwrap()
            .screen()
            .cell(y, x)
            .expect("a cell on screen")
            .clone()
    }

    /// The cursor as (column, row).
    pub fn cursor(&self) -> (u16, u16) {
        let (row, column) = self.screen.lock().unwrap().screen().cursor_position();
        (column, row)
    }

    /// Waits until `ready` holds for the screen; fails with the screen after 10 s.
    #[track_caller]
    pub fn wait_until(&self, what: &str, ready: impl Fn(&PtyPebble) -> bool) {
        let start = Instant::now();
        while !ready(self) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {what} on:\n{}",
                self.text()
            );
            sleep(Duration::from_millis(20));
        }
    }

    #[track_caller]
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |p| p.text().contains(text));
    }

    /// Whether pebble is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Ctrl-C (twice when the first only clears the line), then the exit status.
    pub fn quit(mut self) -> bool {
        self.send("\x03");
        let start = Instant::now();
        let mut sent = 1;
        loop {
            // The first ones close an overlay, clear a line or an answer.
            if sent < 4 && start.elapsed() > Duration::from_millis(300 * sent) {
                sent += 1;
                let _ = self.writer.write_all(b"\x03");
                let _ = self.writer.flush();
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "pebble did not quit"
            );
            sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for PtyPebble {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
