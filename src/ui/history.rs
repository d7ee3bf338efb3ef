//! The history of evaluated lines and where it is kept between runs.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The newest entries kept, in memory and on disk.
pub const MAX_ENTRIES: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub expression: String,
    pub result: String,
    /// The result was rounded for display (shown with `≈`).
    pub approximate: bool,
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

/// One line per entry: `expression<TAB>=|≈<TAB>result`. Tabs never occur in
/// either field (expressions have theirs turned into spaces).
fn encode(entry: &HistoryEntry) -> String {
    let mark = if entry.approximate { "≈" } else { "=" };
    format!(
        "{}\t{mark}\t{}\n",
        entry.expression.replace('\t', " "),
        entry.result
    )
}

fn decode(line: &str) -> Option<HistoryEntry> {
    let mut fields = line.split('\t');
    let expression = fields.next()?.to_string();
    let approximate = match fields.next()? {
        "=" => false,
        "≈" => true,
        _ => return None,
    };
    let result = fields.next()?.to_string();
    if fields.next().is_some() || expression.chars().any(char::is_control) {
        return None;
    }
    Some(HistoryEntry {
        expression,
        result,
        approximate,
    })
}

/// Reads history; a missing file is an empty history, an unreadable or
/// malformed one an error message for the status line.
pub fn load(path: &Path) -> Result<Vec<HistoryEntry>, String> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("history not loaded ({}): {e}", path.display())),
    };
    let mut entries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        match decode(line) {
            Some(entry) => entries.push(entry),
            None => {
                return Err(format!(
                    "history not loaded: {} line {} is malformed",
                    path.display(),
                    number + 1
                ));
            }
        }
    }
    let excess = entries.len().saturating_sub(MAX_ENTRIES);
    entries.drain(..excess);
    Ok(entries)
}

/// Writes the newest entries to a temporary file beside `path`, then renames
/// it over `path`, so a crash mid-write never leaves a torn file.
pub fn save(path: &Path, entries: &[HistoryEntry]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp{}", std::process::id()));
    let temporary = path.with_file_name(name);
    let start = entries.len().saturating_sub(MAX_ENTRIES);
    let text: String = entries[start..].iter().map(encode).collect();
    let written = fs::File::create(&temporary).and_then(|mut file| {
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
        }
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
    fn saves_and_loads_round_trip() {
        let path = scratch("round-trip");
        let entries = vec![
            entry("1/3", "0.333333333333333", true),
            entry("2\t+2", "4", false),
        ];
        save(&path, &entries).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded[0], entries[0]);
        assert_eq!(loaded[1], entry("2 +2", "4", false));
        assert_eq!(load(&path.with_file_name("absent")).unwrap(), vec![]);
    }

    #[test]
    fn keeps_only_the_newest_entries() {
        let path = scratch("newest");
        let entries: Vec<_> = (0..MAX_ENTRIES + 5)
            .map(|i| entry(&i.to_string(), "0", false))
            .collect();
        save(&path, &entries).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.len(), MAX_ENTRIES);
        assert_eq!(loaded[0].expression, "5");
    }

    #[test]
    fn malformed_files_are_reported_not_loaded() {
        let path = scratch("malformed");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "1+1\t=\t2\ngarbage\n").unwrap();
        let message = load(&path).unwrap_err();
        assert!(message.contains("line 2"), "{message}");
    }

    #[test]
    fn unwritable_locations_are_errors_not_panics() {
        assert!(save(Path::new("/proc/pebble-cannot-write/history"), &[]).is_err());
    }
}
