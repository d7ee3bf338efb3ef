//! The history of evaluated lines and where it is kept between runs (no
//! terminal here: the screen and the line faces may both use it); `restore`
//! gives a new session the values the history left.
//!
//! Several pebbles may share one file (two windows, containers on one
//! volume), so nothing is ever written from one process's memory over the
//! others' entries: each entry is appended under an advisory lock, and the
//! file is compacted (the newest entries kept) under the same lock by
//! writing a copy and renaming it into place. The lock is a file of its own
//! beside the history, so the rename never swaps the inode others wait on.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::eval::AngleMode;

pub mod restore;

/// The newest entries kept, in memory and on disk.
pub const MAX_ENTRIES: usize = 1000;
/// The file is compacted once it is this long, to the newest entries that
/// fit in half of it: decided from its length, without reading it.
const COMPACT_AT_BYTES: u64 = 128 * 1024;
/// At most this much of the file's end is read on start.
const MAX_READ_BYTES: u64 = 2 * COMPACT_AT_BYTES;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HistoryEntry {
    pub expression: String,
    pub result: String,
    /// The result was rounded for display (shown with `≈`).
    pub approximate: bool,
    /// The angle mode the result was computed in, when it depends on it.
    pub angle: Option<AngleMode>,
    /// The exact fraction of a rounded result (`7/12`), when there is one.
    pub fraction: Option<String>,
    /// The variable the line assigned (`x = 5`).
    pub assigned: Option<String>,
    /// Complex mode gave the result (`sqrt(-4)` is 2i): it is replayed in
    /// complex mode, and every other entry in real mode.
    pub complex: bool,
}

/// Where history lives: `$PEBBLE_HISTORY`, else `$XDG_STATE_HOME/pebble/history`,
/// else `~/.local/state/pebble/history`; `None` when none of them is set.
pub fn history_path(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(path) = set("PEBBLE_HISTORY") {
        return Some(PathBuf::from(path));
    }
    if let Some(state) = set("XDG_STATE_HOME") {
        return Some(Path::new(&state).join("pebble").join("history"));
    }
    set("HOME").map(|home| Path::new(&home).join(".local/state/pebble/history"))
}

/// One line per entry: `expression<TAB>=|≈<TAB>result`, then, when there
/// is any, a tab and what else restores the entry's meaning as
/// space-separated `key=value` pairs (`angle=deg name=x frac=7/12`). Tabs
/// never occur in a field (expressions have theirs turned into spaces).
pub(crate) fn encode(entry: &HistoryEntry) -> String {
    let mark = if entry.approximate { "≈" } else { "=" };
    let mut line = format!(
        "{}\t{mark}\t{}",
        entry.expression.replace(['\t', '\n', '\r'], " "),
        entry.result
    );
    let tags = [
        ("angle=", entry.angle.map(angle_name)),
        ("name=", entry.assigned.as_deref()),
        ("frac=", entry.fraction.as_deref()),
        ("mode=", entry.complex.then_some("complex")),
    ];
    let mut separator = '\t';
    for (key, value) in tags {
        if let Some(value) = value {
            line.push(separator);
            line.push_str(key);
            line.push_str(value);
            separator = ' ';
        }
    }
    line.push('\n');
    line
}

/// The angle mode's name in the file.
pub fn angle_name(angle: AngleMode) -> &'static str {
    match angle {
        AngleMode::Degrees => "deg",
        AngleMode::Radians => "rad",
    }
}

pub(crate) fn decode(line: &str) -> Option<HistoryEntry> {
    let mut fields = line.split('\t');
    let expression = fields.next()?.to_string();
    let approximate = match fields.next()? {
        "=" => false,
        "≈" => true,
        _ => return None,
    };
    let result = fields.next()?.to_string();
    let mut entry = HistoryEntry {
        approximate,
        ..HistoryEntry::default()
    };
    // Tags this pebble does not know are skipped: a newer one may add some.
    for tag in fields.next().unwrap_or("").split(' ') {
        match tag.split_once('=') {
            Some(("angle", "deg")) => entry.angle = Some(AngleMode::Degrees),
            Some(("angle", "rad")) => entry.angle = Some(AngleMode::Radians),
            Some(("name", name)) if !name.is_empty() => entry.assigned = Some(name.into()),
            Some(("frac", fraction)) if !fraction.is_empty() => {
                entry.fraction = Some(fraction.into())
            }
            Some(("mode", "complex")) => entry.complex = true,
            _ => {}
        }
    }
    if fields.next().is_some()
        || expression.trim().is_empty()
        || result.is_empty()
        || expression
            .chars()
            .chain(result.chars())
            .any(char::is_control)
    {
        return None;
    }
    Some(HistoryEntry {
        expression,
        result,
        ..entry
    })
}

/// What loading found: the entries, and what the user should be told.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub entries: Vec<HistoryEntry>,
    pub warning: Option<String>,
}

/// The advisory lock shared by every pebble using `path`; released on drop.
fn lock(path: &Path) -> io::Result<File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_file_name(name))?;
    file.lock()?;
    Ok(file)
}

/// Reads history. A missing file is an empty history; malformed lines are
/// skipped and named; a file with no readable entry at all is set aside
/// (renamed with a timestamp) so that nothing later overwrites it.
pub fn load(path: &Path) -> Loaded {
    let failed = |e: io::Error| Loaded {
        entries: Vec::new(),
        warning: Some(format!("history not loaded ({}): {e}", path.display())),
    };
    if !path.exists() {
        return Loaded::default();
    }
    // A place that can be read but not written (a read-only volume) still
    // gives its history; only saving is off, and the status line says so.
    let (_lock, unwritable) = match lock(path) {
        Ok(lock) => (Some(lock), None),
        Err(e) => (None, Some(e)),
    };
    let bytes = match read_tail(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::default(),
        Err(e) => return failed(e),
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut entries = Vec::new();
    let mut malformed = Vec::new();
    for (number, line) in text.lines().enumerate() {
        match decode(line) {
            Some(entry) => entries.push(entry),
            None if line.trim().is_empty() => {}
            None => malformed.push(number + 1),
        }
    }
    if entries.is_empty() && !malformed.is_empty() {
        let aside = set_aside_name(path);
        return match fs::rename(path, &aside) {
            Ok(()) => Loaded {
                entries,
                warning: Some(format!("history unreadable; kept as {}", aside.display())),
            },
            Err(e) => failed(e),
        };
    }
    let excess = entries.len().saturating_sub(MAX_ENTRIES);
    entries.drain(..excess);
    let warning = match malformed.as_slice() {
        [] => None,
        [line] => Some(format!(
            "history: skipped malformed line {line} of {}",
            path.display()
        )),
        [first, ..] => Some(format!(
            "history: skipped {} malformed lines of {} (first: line {first})",
            malformed.len(),
            path.display()
        )),
    };
    let warning = warning.or_else(|| unwritable.map(|e| format!("history not saved: {e}")));
    Loaded { entries, warning }
}

/// The file's last `MAX_READ_BYTES`, from the first whole line in them.
fn read_tail(path: &Path) -> io::Result<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = File::open(path)?;
    let length = file.metadata()?.len();
    let start = length.saturating_sub(MAX_READ_BYTES);
    file.seek(SeekFrom::Start(start))?;
    // Callers hold the lock: nothing grows the file while it is read.
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    if start > 0 {
        let first_line = bytes.iter().position(|b| *b == b'\n').map_or(0, |i| i + 1);
        bytes.drain(..first_line);
    }
    Ok(bytes)
}

fn set_aside_name(path: &Path) -> PathBuf {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".unreadable-{seconds}"));
    path.with_file_name(name)
}

/// Adds one entry to the end of the file, under the lock, and compacts the
/// file when it has grown past its bound.
pub fn append(path: &Path, entry: &HistoryEntry) -> io::Result<()> {
    let _lock = lock(path)?;
    let mut file = OpenOptions::new().create(true).append(true).open(path)?;
    file.write_all(encode(entry).as_bytes())?;
    if file.metadata()?.len() < COMPACT_AT_BYTES {
        return Ok(());
    }
    drop(file);
    let bytes = read_tail(path)?;
    let text = String::from_utf8_lossy(&bytes);
    let mut kept = Vec::new();
    let mut length = 0;
    for line in text.lines().rev().take(MAX_ENTRIES) {
        length += line.len() + 1;
        if length as u64 > COMPACT_AT_BYTES / 2 {
            break;
        }
        kept.push(line);
    }
    kept.reverse();
    compact(path, &kept)
}

/// Writes `lines` to a temporary file beside `path`, then renames it over
/// `path`, so a crash mid-write never leaves a torn file. Callers hold the lock.
fn compact(path: &Path, lines: &[&str]) -> io::Result<()> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp{}", std::process::id()));
    let temporary = path.with_file_name(name);
    let mut text = lines.join("\n");
    text.push('\n');
    let written = File::create(&temporary).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    match written.and_then(|()| fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temporary);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(expression: &str, result: &str, approximate: bool) -> HistoryEntry {
        HistoryEntry {
            expression: expression.into(),
            result: result.into(),
            approximate,
            ..HistoryEntry::default()
        }
    }

    #[test]
    fn the_angle_the_name_and_the_fraction_survive_a_round_trip() {
        let path = scratch("tags");
        let tagged = HistoryEntry {
            angle: Some(AngleMode::Degrees),
            assigned: Some("x".into()),
            fraction: Some("7/12".into()),
            ..entry("x = 1/3+1/4", "0.583333333333333", true)
        };
        append(&path, &tagged).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("\tangle=deg name=x frac=7/12\n"), "{text}");
        assert_eq!(load(&path).entries, vec![tagged]);
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("pebble-history-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir.join("nested").join("history")
    }

    #[test]
    fn path_prefers_pebble_history_then_xdg_then_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            history_path(env(&[
                ("PEBBLE_HISTORY", "/h"),
                ("XDG_STATE_HOME", "/x"),
                ("HOME", "/home/u")
            ])),
            Some(PathBuf::from("/h"))
        );
        assert_eq!(
            history_path(env(&[("XDG_STATE_HOME", "/x"), ("HOME", "/home/u")])),
            Some(PathBuf::from("/x/pebble/history"))
        );
        assert_eq!(
            history_path(env(&[("HOME", "/home/u")])),
            Some(PathBuf::from("/home/u/.local/state/pebble/history"))
        );
        assert_eq!(history_path(env(&[])), None);
    }

    #[test]
    fn appends_and_loads_round_trip() {
        let path = scratch("round-trip");
        append(&path, &entry("1/3", "0.333333333333333", true)).unwrap();
        append(&path, &entry("2\t+2", "4", false)).unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.warning, None);
        assert_eq!(
            loaded.entries,
            vec![
                entry("1/3", "0.333333333333333", true),
                entry("2 +2", "4", false)
            ]
        );
        assert_eq!(load(&path.with_file_name("absent")), Loaded::default());
    }

    #[test]
    fn compaction_keeps_the_newest_entries() {
        let path = scratch("newest");
        // Lines of 100 bytes: the file passes its bound after 1,311 of them.
        let line = |i: usize| format!("{i:0>92}");
        let count = 1400;
        for i in 0..count {
            append(&path, &entry(&line(i), "0", false)).unwrap();
        }
        let length = fs::metadata(&path).unwrap().len();
        assert!(length < COMPACT_AT_BYTES, "{length} bytes");
        let loaded = load(&path).entries;
        assert!(loaded.len() >= 600, "{} entries", loaded.len());
        assert_eq!(loaded.last().unwrap().expression, line(count - 1));
        assert!(loaded.windows(2).all(|w| w[0].expression < w[1].expression));
    }

    #[test]
    fn malformed_lines_are_skipped_and_named() {
        let path = scratch("malformed");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "1+1\t=\t2\ngarbage\n2+2\t=\t4\n").unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.entries.len(), 2);
        let warning = loaded.warning.unwrap();
        assert!(warning.contains("line 2"), "{warning}");
        append(&path, &entry("3+3", "6", false)).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("1+1\t=\t2\ngarbage\n2+2"), "{text}");
    }

    #[test]
    fn unreadable_files_are_set_aside_not_overwritten() {
        let path = scratch("unreadable");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, b"\x00\x01 not history\n").unwrap();
        let loaded = load(&path);
        assert!(loaded.entries.is_empty());
        assert!(loaded.warning.unwrap().contains("unreadable"));
        assert!(!path.exists());
        let aside: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("unreadable-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            fs::read(aside[0].path()).unwrap(),
            b"\x00\x01 not history\n"
        );
    }

    #[test]
    fn unwritable_locations_are_errors_not_panics() {
        let path = Path::new("/proc/pebble-cannot-write/history");
        assert!(append(path, &entry("1", "1", false)).is_err());
        assert_eq!(load(path), Loaded::default());
    }
}
