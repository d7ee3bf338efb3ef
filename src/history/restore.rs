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

/// Evaluates `entry` again in `session`: whether it gave the same result.
fn replay_entry(session: &mut Session, settings: &Settings, entry: &HistoryEntry) -> bool {
    let settings = Settings {
        angle: entry.angle.unwrap_or(settings.angle),
        complex: entry.complex,
        ..settings.clone()
    };
    let exact = entry
        .fraction
        .clone()
        .or_else(|| (!entry.approximate).then(|| entry.result.clone()));
    let from_text = exact.is_some();
    // A definition's result is its body: `f(x) = body` defines it again.
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
    same && session.evaluate(&line, &settings).is_ok()
}

/// Whether `entry` defined a function (`f(x) = …`), which sets no `ans`.
fn is_definition(entry: &HistoryEntry) -> bool {
    entry
        .assigned
        .as_deref()
        .is_some_and(|name| name.contains('('))
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
    // A line that fails may need one replayed after it (a function that
    // calls one redefined later): such lines are tried again while any
    // line succeeds.
    let mut failed = Vec::new();
    loop {
        for &index in &replay {
            let entry = &history[index];
            if !replay_entry(session, settings, entry) {
                failed.push(index);
            } else if index == newest && !is_definition(entry) {
                restored.has_answer = true;
            }
        }
        if failed.is_empty() || failed.len() == replay.len() {
            break;
        }
        replay = std::mem::take(&mut failed);
    }
    for index in failed {
        let name = history[index].assigned.clone();
        restored.lost.push(name.unwrap_or_else(|| "ans".into()));
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
    fn functions_come_back_even_when_one_calls_another_defined_later() {
        let history = [
            entry("f(x) = x^2", "x^2", Some("f(x)")),
            entry("h(x) = f(x) + 1", "f(x) + 1", Some("h(x)")),
            entry("f(y) = y^3", "y^3", Some("f(y)")),
            entry("g(y) = y/2", "y/2", Some("g(y)")),
            entry("h(x) = g(x) + 1", "g(x) + 1", Some("h(x)")),
            entry("g(y) = y/4", "y/4", Some("g(y)")),
        ];
        let mut session = Session::new();
        let settings = Settings::default();
        let restored = restore(&mut session, &settings, &history);
        assert_eq!(restored.lost, Vec::<String>::new());
        assert_eq!(
            session.evaluate("f(2) + h(4)", &settings).unwrap().text,
            "10"
        );
    }

    #[test]
    fn a_saved_definition_reads_back_and_defines_again() {
        let mut session = Session::new();
        let settings = Settings::default();
        let answer = session.evaluate("g(x, y) =\tx*y  + 1", &settings).unwrap();
        let saved = HistoryEntry {
            expression: "g(x, y) = x*y  + 1".into(),
            result: answer.text,
            assigned: answer.assigned,
            ..HistoryEntry::default()
        };
        let read = crate::history::decode(crate::history::encode(&saved).trim_end()).unwrap();
        assert_eq!(read, saved);
        let mut restarted = Session::new();
        let restored = restore(&mut restarted, &settings, &[read]);
        assert_eq!(restored.lost, Vec::<String>::new());
        assert!(!restored.has_answer);
        assert_eq!(restarted.evaluate("g(2, 5)", &settings).unwrap().text, "11");
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
