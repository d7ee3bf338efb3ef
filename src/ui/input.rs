//! Terminal events to `Action`s. Keys map by themselves; mouse positions
//! map through the same layout that rendering uses.

use super::app::{Action, App, Edit};
use super::layout;
use super::widgets::{display, status_bar};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

pub fn map_event(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if app.overlays().open().is_some() {
                map_overlay_key(key, app)
            } else {
                map_key(key, app)
            }
        }
        Event::Mouse(mouse) => map_mouse(mouse, app),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Paste(text) if app.overlays().open().is_none() => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// While the help or the answer view is open: scrolling and closing only.
fn map_overlay_key(key: &KeyEvent, app: &App) -> Option<Action> {
    // A page only matters when the text overflows, and then the view has
    // the whole height.
    let full = app.overlays().open() == Some(super::app::Overlay::Answer);
    let view = layout::overlay_text(layout::area(app.size()), usize::MAX, full);
    let page = i32::from(view.height.max(2) - 1);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Interrupt,
        KeyCode::Char('y') if ctrl => Action::CopyAnswer,
        KeyCode::F(3) => Action::ToggleAngle,
        KeyCode::F(4) => Action::ToggleComplex,
        KeyCode::Esc | KeyCode::F(1) | KeyCode::F(2) | KeyCode::F(5) | KeyCode::Char('q') => {
            Action::Escape
        }
        KeyCode::Up => Action::ScrollOverlay(-1),
        KeyCode::Down => Action::ScrollOverlay(1),
        KeyCode::PageUp => Action::ScrollOverlay(-page),
        KeyCode::PageDown | KeyCode::Char(' ') => Action::ScrollOverlay(page),
        KeyCode::Home => Action::ScrollOverlay(i32::MIN / 2),
        KeyCode::End => Action::ScrollOverlay(i32::MAX / 2),
        _ => return None,
    })
}

fn map_key(key: &KeyEvent, app: &App) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let empty = app.input().is_empty();
    let edit = Action::Edit;
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Interrupt,
        KeyCode::Char('d') if ctrl && empty => Action::Quit,
        KeyCode::Char('d') if ctrl => edit(Edit::Delete),
        KeyCode::Char('a') if ctrl => edit(Edit::Home),
        KeyCode::Char('e') if ctrl => edit(Edit::End),
        KeyCode::Char('b') if ctrl => edit(Edit::Left),
        KeyCode::Char('f') if ctrl => edit(Edit::Right),
        KeyCode::Char('h') if ctrl => edit(Edit::Backspace),
        KeyCode::Char('u') if ctrl => edit(Edit::KillToStart),
        KeyCode::Char('k') if ctrl => edit(Edit::KillToEnd),
        KeyCode::Char('w') if ctrl => edit(Edit::KillWordBack),
        KeyCode::Char('y') if ctrl => Action::CopyAnswer,
        KeyCode::Char('l') if ctrl => Action::Escape,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char('b') if alt => edit(Edit::WordLeft),
        KeyCode::Char('f') if alt => edit(Edit::WordRight),
        KeyCode::Char(_) if alt => return None,
        KeyCode::Char('?') if empty => Action::ToggleHelp,
        KeyCode::Char('=') if !starts_assignment(app.input().text()) => Action::Evaluate,
        KeyCode::Char(c) => Action::Insert(c.to_string()),
        KeyCode::Enter => Action::Evaluate,
        KeyCode::Backspace if ctrl || alt => edit(Edit::KillWordBack),
        KeyCode::Backspace => edit(Edit::Backspace),
        KeyCode::Delete => edit(Edit::Delete),
        KeyCode::Left if ctrl || alt => edit(Edit::WordLeft),
        KeyCode::Right if ctrl || alt => edit(Edit::WordRight),
        KeyCode::Left => edit(Edit::Left),
        KeyCode::Right => edit(Edit::Right),
        KeyCode::Home => edit(Edit::Home),
        KeyCode::End => edit(Edit::End),
        KeyCode::Up => Action::RecallPrevious,
        KeyCode::Down => Action::RecallNext,
        KeyCode::PageUp => Action::PageHistory(1),
        KeyCode::PageDown => Action::PageHistory(-1),
        KeyCode::Esc => Action::Escape,
        KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::F(2) => Action::ToggleAnswerView,
        KeyCode::F(3) => Action::ToggleAngle,
        KeyCode::F(4) => Action::ToggleComplex,
        KeyCode::F(5) => Action::ToggleNames,
        _ => return None,
    })
}

/// `=` after a bare name (`x`) starts an assignment rather than evaluating,
/// and after a call of a name that is not built in on bare names (`f(x)`,
/// `area(w, h)`) a definition.
fn starts_assignment(input: &str) -> bool {
    let is_name = |name: &str| {
        let name = name.trim();
        name.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    let input = input.trim();
    match input.strip_suffix(')').and_then(|s| s.split_once('(')) {
        Some((name, params)) => {
            is_name(name)
                && !crate::eval::builtins::is_reserved(name.trim())
                && params.split(',').all(is_name)
        }
        None => is_name(input),
    }
}

fn map_mouse(mouse: &MouseEvent, app: &App) -> Option<Action> {
    let at = Position::new(mouse.column, mouse.row);
    if app.overlays().open().is_some() {
        return match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::ScrollOverlay(-3)),
            MouseEventKind::ScrollDown => Some(Action::ScrollOverlay(3)),
            _ => None,
        };
    }
    let screen = app.screen();
    let key_under = screen.keypad.and_then(|k| layout::button_at(k, at));
    match mouse.kind {
        MouseEventKind::Moved | MouseEventKind::Drag(MouseButton::Left) => {
            (key_under != app.mouse().hovered()).then_some(Action::Hover(key_under))
        }
        MouseEventKind::Down(MouseButton::Left) => {
            if let Some(button) = key_under {
                return Some(Action::Press(button));
            }
            if let Some(column) = display::input_column(&app.input_line(), &screen, at) {
                return Some(Action::ClickInput(column));
            }
            if screen.answer.contains(at) {
                return Some(Action::ToggleAnswerView);
            }
            if screen
                .status
                .is_some_and(|s| status_bar::angle_area(s, app.angle()).contains(at))
            {
                return Some(Action::ToggleAngle);
            }
            if screen.status.is_some_and(|s| {
                status_bar::complex_area(s, app.angle(), app.complex()).contains(at)
            }) {
                return Some(Action::ToggleComplex);
            }
            let history = screen.history.filter(|h| h.contains(at))?;
            let (index, _) =
                layout::history_lines(history, app.history().len(), app.recall().scroll())
                    .into_iter()
                    .find(|(_, row)| row.contains(at))?;
            let result = mouse
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
            Some(Action::PickHistory { index, result })
        }
        MouseEventKind::Up(MouseButton::Left) => app
            .mouse()
            .pressed()
            .is_some()
            .then_some(Action::Release(key_under)),
        MouseEventKind::ScrollUp => Some(Action::ScrollHistory(1)),
        MouseEventKind::ScrollDown => Some(Action::ScrollHistory(-1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keypad::KeypadButton;
    use ratatui::crossterm::event::KeyEventState;

    fn app() -> App {
        crate::ui::app::test_app()
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    fn down(column: u16, row: u16) -> Event {
        mouse(MouseEventKind::Down(MouseButton::Left), column, row)
    }

    #[test]
    fn keys_map_to_actions() {
        let app = app();
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let alt = KeyModifiers::ALT;
        for (event, action) in [
            (key(KeyCode::Char('c'), ctrl), Action::Interrupt),
            (key(KeyCode::F(3), none), Action::ToggleAngle),
            (key(KeyCode::F(4), none), Action::ToggleComplex),
            (key(KeyCode::Char('d'), ctrl), Action::Quit),
            (key(KeyCode::Char('7'), none), Action::Insert("7".into())),
            (key(KeyCode::Enter, none), Action::Evaluate),
            (key(KeyCode::Char('='), none), Action::Evaluate),
            (key(KeyCode::Char('?'), none), Action::ToggleHelp),
            (key(KeyCode::F(1), none), Action::ToggleHelp),
            (key(KeyCode::F(2), none), Action::ToggleAnswerView),
            (key(KeyCode::Char('y'), ctrl), Action::CopyAnswer),
            (key(KeyCode::Up, none), Action::RecallPrevious),
            (key(KeyCode::PageUp, none), Action::PageHistory(1)),
            (key(KeyCode::Char('a'), ctrl), Action::Edit(Edit::Home)),
            (key(KeyCode::Char('e'), ctrl), Action::Edit(Edit::End)),
            (
                key(KeyCode::Char('u'), ctrl),
                Action::Edit(Edit::KillToStart),
            ),
            (key(KeyCode::Char('k'), ctrl), Action::Edit(Edit::KillToEnd)),
            (
                key(KeyCode::Char('w'), ctrl),
                Action::Edit(Edit::KillWordBack),
            ),
            (
                key(KeyCode::Backspace, alt),
                Action::Edit(Edit::KillWordBack),
            ),
            (key(KeyCode::Left, ctrl), Action::Edit(Edit::WordLeft)),
            (key(KeyCode::Right, ctrl), Action::Edit(Edit::WordRight)),
            (key(KeyCode::Char('b'), alt), Action::Edit(Edit::WordLeft)),
            (key(KeyCode::Char('f'), alt), Action::Edit(Edit::WordRight)),
        ] {
            assert_eq!(map_event(&event, &app), Some(action), "{event:?}");
        }
    }

    #[test]
    fn equals_after_a_name_assigns_and_ctrl_d_deletes_in_text() {
        let mut app = app();
        app.update(Action::Insert("x".into()));
        assert_eq!(
            map_event(&key(KeyCode::Char('='), KeyModifiers::NONE), &app),
            Some(Action::Insert("=".into()))
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('?'), KeyModifiers::NONE), &app),
            Some(Action::Insert("?".into()))
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('d'), KeyModifiers::CONTROL), &app),
            Some(Action::Edit(Edit::Delete))
        );
        // A function's definition can be typed: `f(x) =`, `area(w, h) =`;
        // after a call of a built-in or on numbers `=` evaluates.
        for (line, defines) in [
            ("f(x)", true),
            ("area(w, h)", true),
            ("sqrt(x)", false),
            ("f(3)", false),
            ("f()", false),
            ("2", false),
        ] {
            app.update(Action::Edit(Edit::KillToStart));
            app.update(Action::Insert(line.into()));
            let equals = map_event(&key(KeyCode::Char('='), KeyModifiers::NONE), &app);
            assert_eq!(equals == Some(Action::Evaluate), !defines, "{line}");
            app.update(Action::Edit(Edit::KillToStart));
        }
    }

    #[test]
    fn the_help_takes_keys_for_itself() {
        let mut app = app();
        app.update(Action::ToggleHelp);
        let none = KeyModifiers::NONE;
        assert_eq!(map_event(&key(KeyCode::Char('7'), none), &app), None);
        assert_eq!(
            map_event(&key(KeyCode::Char('q'), none), &app),
            Some(Action::Escape)
        );
        assert_eq!(
            map_event(&key(KeyCode::Down, none), &app),
            Some(Action::ScrollOverlay(1))
        );
        assert_eq!(
            map_event(&mouse(MouseEventKind::ScrollDown, 1, 1), &app),
            Some(Action::ScrollOverlay(3))
        );
    }

    #[test]
    fn keys_press_on_down_and_act_on_release_over_them() {
        let mut app = app();
        let keypad = app.screen().keypad.unwrap();
        for (button, cell) in layout::keypad_buttons(keypad) {
            let (x, y) = (cell.x + cell.width / 2, cell.y);
            assert_eq!(map_event(&down(x, y), &app), Some(Action::Press(button)));
            assert_eq!(
                map_event(&mouse(MouseEventKind::Moved, x, y), &app),
                Some(Action::Hover(Some(button)))
            );
        }
        let seven = layout::keypad_buttons(keypad)[12].1;
        assert_eq!(layout::keypad_buttons(keypad)[12].0, KeypadButton::Digit(7));
        app.update(Action::Press(KeypadButton::Digit(7)));
        let up = |x, y| mouse(MouseEventKind::Up(MouseButton::Left), x, y);
        assert_eq!(
            map_event(&up(seven.x, seven.y), &app),
            Some(Action::Release(Some(KeypadButton::Digit(7))))
        );
        assert_eq!(map_event(&up(0, 0), &app), Some(Action::Release(None)));
        // Between keys: no key.
        assert_eq!(map_event(&down(seven.right(), seven.y), &app), None);
    }

    #[test]
    fn clicks_on_history_input_and_answer() {
        let mut app = app();
        for c in "12+34".chars() {
            app.update(Action::Insert(c.to_string()));
        }
        let screen = app.screen();
        assert_eq!(
            map_event(&down(screen.input.x + 2, screen.input.y), &app),
            Some(Action::ClickInput(2))
        );
        assert_eq!(
            map_event(&down(screen.answer.x + 3, screen.answer.y), &app),
            Some(Action::ToggleAnswerView)
        );
        app.update(Action::Evaluate);
        let panel = app.screen().history.unwrap();
        let (_, row) = layout::history_lines(panel, 1, 0)[0];
        assert_eq!(
            map_event(&down(row.x + 1, row.y), &app),
            Some(Action::PickHistory {
                index: 0,
                result: false
            })
        );
        assert_eq!(
            map_event(&mouse(MouseEventKind::ScrollUp, 1, 1), &app),
            Some(Action::ScrollHistory(1))
        );
    }

    #[test]
    fn clicks_on_the_status_line_modes_switch_them() {
        let mut app = app();
        let status = app.screen().status.unwrap();
        let angle = status_bar::angle_area(status, app.angle());
        let mode = status_bar::complex_area(status, app.angle(), app.complex());
        assert_eq!(
            map_event(&down(angle.x + 2, angle.y), &app),
            Some(Action::ToggleAngle)
        );
        assert_eq!(
            map_event(&down(mode.x + 2, mode.y), &app),
            Some(Action::ToggleComplex)
        );
        app.update(Action::ToggleComplex);
        assert!(app.complex());
        let mode = status_bar::complex_area(status, app.angle(), app.complex());
        assert_eq!(
            map_event(&down(mode.x + 2, mode.y), &app),
            Some(Action::ToggleComplex)
        );
    }
}
