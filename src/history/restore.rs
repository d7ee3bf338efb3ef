//! A new session gets back `ans` and the variables the history left: each
//! name's newest assignment and the newest entry are evaluated again (from
//! an exact result's text, else from the expression when it still gives
//! the same digits).

use super::HistoryEntry;
use crate::eval::{Session, Settings};

/// What a restore brought back.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// `ans` has the newest entry's value.
    pub has_answer: bool,
    /// The names (`ans` for the answer) that could not be restored.
    pub lost: Vec<String>,
}

/// Replays what `history` needs into `session`, with `settings` (each
/// entry in the angle mode it was computed in).
pub fn restore(session: &mut Session, settings: &Settings, history: &[HistoryEntry]) -> Restored {
    let mut restored = Restored::default();
    let Some(newest) = history.len().checked_sub(1) else {
        return restored;
    };
    // Each name's newest assignment, found from the newest entry back.
    let mut names: Vec<&str> = Vec::new();
    let mut replay = vec![newest];
    for (index, entry) in history.iter().enumerate().rev() {
        if let Some(name) = entry.assigned.as_deref()
            && !names.contains(&name)
        {
            names.push(name);
            if index != newest {
                replay.push(index);
            }
        }
    }
    replay.reverse();
    for index in replay {
        let entry = &history[index];
        let settings = Settings {
            angle: entry.angle.unwrap_or(settings.angle),
            ..settings.clone()
        };
        let exact = entry
            .fraction
            .clone()
            .or_else(|| (!entry.approximate).then(|| entry.result.clone()));
        let from_text = exact.is_some();
        let line = match (exact, &entry.assigned) {
            (Some(value), Some(name)) => format!("{name} = {value}"),
            (Some(value), None) => value,
            (None, _) => entry.expression.clone(),
        };
        let same = match session.preview(&line, &settings) {
            // An exact value's text is the value (`0xff` reads back as 255).
            Ok(answer) => from_text || answer.text == entry.result,
            Err(_) => false,
        };
        if same && session.evaluate(&line, &settings).is_ok() {
            restored.has_answer |= index == newest;
        } else {
            let name = entry.assigned.clone();
            restored.lost.push(name.unwrap_or_else(|| "ans".into()));
        }
    }
    restored
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(expression: &str, result: &str, assigned: Option<&str>) -> HistoryEntry {
        HistoryEntry {
            expression: expression.into(),
            result: result.into(),
            assigned: assigned.map(Into::into),
            ..HistoryEntry::default()
        }
    }

    #[test]
    fn the_newest_answer_and_each_names_newest_value_come_back() {
        let history = [
            entry("x = 2", "2", Some("x")),
            entry("x = 3", "3", Some("x")),
            entry("y = x*2", "6", Some("y")),
            entry("x+y", "9", None),
        ];
        let mut session = Session::new();
        let settings = Settings::default();
        let restored = restore(&mut session, &settings, &history);
        assert_eq!(
            restored,
            Restored {
                has_answer: true,
                lost: vec![]
            }
        );
        let answer = session.evaluate("ans + x + y", &settings).unwrap();
        assert_eq!(answer.text, "18");
    }

    #[test]
    fn what_no_longer_gives_the_same_result_is_named() {
        let mut rounded = entry("foo(1)", "1.5", Some("z"));
        rounded.approximate = true;
        let mut session = Session::new();
        let restored = restore(&mut session, &Settings::default(), &[rounded]);
        assert_eq!(restored.lost, ["z"]);
        assert!(!restored.has_answer);
        assert_eq!(
            restore(&mut session, &Settings::default(), &[]),
            Restored::default()
        );
    }
}
