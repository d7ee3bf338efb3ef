//! Terminal events to `Action`s. Keys map by themselves; mouse positions
//! map through the same layout that rendering uses.

use super::app::{Action, App};
use super::layout;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

pub fn map_event(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => map_key(key, app),
        Event::Mouse(mouse) => map_mouse(mouse, app),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        Event::Paste(text) => Some(Action::Insert(
            text.chars().filter(|c| !c.is_control()).collect(),
        )),
        _ => None,
    }
}

fn map_key(key: &KeyEvent, app: &App) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let empty = app.input.is_empty();
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Action::Quit,
        KeyCode::Char('d') if ctrl && empty => Action::Quit,
        KeyCode::Char('y') if ctrl => Action::CopyResult,
        KeyCode::Char('l') if ctrl => Action::Escape,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Char('y') if empty => Action::CopyResult,
        KeyCode::Char('?') if empty => Action::ToggleHelp,
        KeyCode::Char('=') if !starts_assignment(&app.input) => Action::Evaluate,
        KeyCode::Char(c) => Action::Insert(c.to_string()),
        KeyCode::Enter => Action::Evaluate,
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Delete,
        KeyCode::Left => Action::CursorLeft,
        KeyCode::Right => Action::CursorRight,
        KeyCode::Home => Action::CursorHome,
        KeyCode::End => Action::CursorEnd,
        KeyCode::Up => Action::RecallPrevious,
        KeyCode::Down => Action::RecallNext,
        KeyCode::PageUp => Action::ScrollHistory(5),
        KeyCode::PageDown => Action::ScrollHistory(-5),
        KeyCode::Esc => Action::Escape,
        KeyCode::F(1) => Action::ToggleHelp,
        _ => return None,
    })
}

/// `=` after a bare name (`x`) starts an assignment rather than evaluating.
fn starts_assignment(input: &str) -> bool {
    let name = input.trim();
    name.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
}

fn map_mouse(mouse: &MouseEvent, app: &App) -> Option<Action> {
    let screen = layout::screen(Rect::new(0, 0, app.size.0, app.size.1));
    let at = Position::new(mouse.column, mouse.row);
    let in_panel = |panel: Option<Rect>| panel.filter(|p| p.contains(at));
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if !app.show_help => {
            if let Some(keypad) = in_panel(screen.keypad) {
                return layout::button_at(keypad, mouse.column, mouse.row).map(Action::Press);
            }
            let history = in_panel(screen.history)?;
            let (index, _) = layout::history_lines(history, app.history.len(), app.history_scroll)
                .into_iter()
                .find(|(_, row)| row.contains(at))?;
            let result = mouse
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
            Some(Action::PickHistory { index, result })
        }
        MouseEventKind::Up(MouseButton::Left) => Some(Action::Release),
        MouseEventKind::ScrollUp => Some(Action::ScrollHistory(1)),
        MouseEventKind::ScrollDown => Some(Action::ScrollHistory(-1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Settings;
    use crate::ui::keypad::KeypadButton;
    use ratatui::crossterm::event::KeyEventState;

    fn app() -> App {
        let mut app = App::new(Settings::default(), Vec::new(), true);
        app.update(Action::Resize {
            width: 100,
            height: 30,
        });
        app
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    fn click(column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn keys_map_to_actions() {
        let app = app();
        let none = KeyModifiers::NONE;
        assert_eq!(
            map_event(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), &app),
            Some(Action::Quit)
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('d'), KeyModifiers::CONTROL), &app),
            Some(Action::Quit)
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('7'), none), &app),
            Some(Action::Insert("7".into()))
        );
        assert_eq!(
            map_event(&key(KeyCode::Enter, none), &app),
            Some(Action::Evaluate)
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('='), none), &app),
            Some(Action::Evaluate)
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('?'), none), &app),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map_event(&key(KeyCode::F(1), none), &app),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('y'), none), &app),
            Some(Action::CopyResult)
        );
        assert_eq!(
            map_event(&key(KeyCode::Up, none), &app),
            Some(Action::RecallPrevious)
        );
    }

    #[test]
    fn equals_after_a_name_assigns() {
        let mut app = app();
        app.update(Action::Insert("x".into()));
        assert_eq!(
            map_event(&key(KeyCode::Char('='), KeyModifiers::NONE), &app),
            Some(Action::Insert("=".into()))
        );
        // With text typed, ? and y are plain characters, Ctrl-D does not quit.
        assert_eq!(
            map_event(&key(KeyCode::Char('y'), KeyModifiers::NONE), &app),
            Some(Action::Insert("y".into()))
        );
        assert_eq!(
            map_event(&key(KeyCode::Char('d'), KeyModifiers::CONTROL), &app),
            None
        );
    }

    #[test]
    fn clicks_on_keypad_cells_press_their_button() {
        let app = app();
        let keypad = layout::screen(Rect::new(0, 0, 100, 30)).keypad.unwrap();
        for (button, cell) in layout::keypad_buttons(keypad) {
            let middle = click(cell.x + cell.width / 2, cell.y);
            assert_eq!(map_event(&middle, &app), Some(Action::Press(button)));
        }
        assert_eq!(map_event(&click(keypad.x, keypad.y), &app), None);
    }

    #[test]
    fn clicks_on_history_pick_entries_and_the_wheel_scrolls() {
        let mut app = app();
        app.update(Action::Press(KeypadButton::Digit(5)));
        app.update(Action::Evaluate);
        let panel = layout::screen(Rect::new(0, 0, 100, 30)).history.unwrap();
        let (_, row) = layout::history_lines(panel, 1, 0)[0];
        assert_eq!(
            map_event(&click(row.x + 1, row.y), &app),
            Some(Action::PickHistory {
                index: 0,
                result: false
            })
        );
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollUp,
            column: 1,
            row: 1,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(map_event(&wheel, &app), Some(Action::ScrollHistory(1)));
    }
}
