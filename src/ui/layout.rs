//! Where everything sits for a given terminal size. Pure, so rendering and
//! mouse hit-testing always agree.

use super::keypad::{self, KeypadButton};
use ratatui::layout::{Position, Rect};

/// Below this the screen shows only the input and its result.
pub const MIN_FULL_WIDTH: u16 = 36;
pub const MIN_FULL_HEIGHT: u16 = 14;
/// At or above this width, history stands beside the keypad.
pub const WIDE_WIDTH: u16 = 76;
const KEYPAD_WIDTH: u16 = 52;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Bordered input box, or a single line on tiny screens.
    pub input: Rect,
    pub bordered_input: bool,
    pub preview: Rect,
    pub history: Option<Rect>,
    pub keypad: Option<Rect>,
    pub status: Option<Rect>,
}

pub fn screen(area: Rect) -> Screen {
    // Plain arithmetic rather than ratatui's constraint solver: these splits
    // are fixed sizes, and solving them took most of a frame's time.
    if area.width < MIN_FULL_WIDTH || area.height < MIN_FULL_HEIGHT {
        let (input, rest) = take_top(area, 1);
        let (preview, rest) = take_top(rest, 1);
        let (_, status) = take_bottom(rest, 1);
        return Screen {
            input,
            bordered_input: false,
            preview,
            history: None,
            keypad: None,
            status: (area.height >= 4).then_some(status),
        };
    }
    let (input, rest) = take_top(area, 3);
    let (preview, rest) = take_top(rest, 1);
    let (body, status) = take_bottom(rest, 1);
    let (history, keypad) = if area.width >= WIDE_WIDTH {
        take_right(body, KEYPAD_WIDTH)
    } else {
        take_bottom(body, if body.height >= 16 { 13 } else { 8 })
    };
    Screen {
        input,
        bordered_input: true,
        preview,
        history: Some(history),
        keypad: Some(keypad),
        status: Some(status),
    }
}

/// Splits `area` into its top `height` rows and the rest.
fn take_top(area: Rect, height: u16) -> (Rect, Rect) {
    let height = height.min(area.height);
    let top = Rect { height, ..area };
    let rest = Rect {
        y: area.y + height,
        height: area.height - height,
        ..area
    };
    (top, rest)
}

/// Splits `area` into the rest and its bottom `height` rows.
fn take_bottom(area: Rect, height: u16) -> (Rect, Rect) {
    let (rest, bottom) = take_top(area, area.height - height.min(area.height));
    (rest, bottom)
}

/// Splits `area` into the rest and its rightmost `width` columns.
pub fn take_right(area: Rect, width: u16) -> (Rect, Rect) {
    let width = width.min(area.width);
    let rest = Rect {
        width: area.width - width,
        ..area
    };
    let right = Rect {
        x: area.x + area.width - width,
        width,
        ..area
    };
    (rest, right)
}

/// A `width`×`height` rectangle centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// The inside of a bordered panel.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(1),
        area.y.saturating_add(1),
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

/// Each keypad button's cell inside the (bordered) keypad panel.
pub fn keypad_buttons(panel: Rect) -> Vec<(KeypadButton, Rect)> {
    let area = inner(panel);
    let rows: Vec<&[KeypadButton]> = keypad::rows().collect();
    let count = rows.len() as u16;
    if area.height < count || area.width < 12 {
        return Vec::new();
    }
    // A blank line between rows when there is room for one.
    let pitch = if area.height >= 2 * count - 1 { 2 } else { 1 };
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let y = area.y + r as u16 * pitch;
        let n = row.len() as u16;
        // A one-column gap between keys unless it would clip their labels.
        let gap = u16::from((area.width - (n - 1)) / n >= 9);
        let width = (area.width - gap * (n - 1)) / n;
        for (c, button) in row.iter().enumerate() {
            let x = area.x + c as u16 * (width + gap);
            cells.push((*button, Rect::new(x, y, width, 1)));
        }
    }
    cells
}

/// Which history entry each visible line of the (bordered) history panel
/// shows: newest at the bottom, `scroll` lines up from the newest.
pub fn history_lines(panel: Rect, entries: usize, scroll: usize) -> Vec<(usize, Rect)> {
    let area = inner(panel);
    let visible = area.height as usize;
    let newest_shown = entries.saturating_sub(scroll);
    let first = newest_shown.saturating_sub(visible);
    (first..newest_shown)
        .enumerate()
        .map(|(line, index)| {
            let y = area.y + (visible - (newest_shown - first) + line) as u16;
            (index, Rect::new(area.x, y, area.width, 1))
        })
        .collect()
}

pub fn button_at(panel: Rect, column: u16, row: u16) -> Option<KeypadButton> {
    keypad_buttons(panel)
        .into_iter()
        .find(|(_, cell)| cell.contains(Position::new(column, row)))
        .map(|(button, _)| button)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_put_history_beside_the_keypad() {
        let s = screen(Rect::new(0, 0, 100, 30));
        let (h, k) = (s.history.unwrap(), s.keypad.unwrap());
        assert_eq!(h.y, k.y);
        assert!(h.x < k.x);
    }

    #[test]
    fn narrow_screens_stack_them() {
        let s = screen(Rect::new(0, 0, 50, 30));
        let (h, k) = (s.history.unwrap(), s.keypad.unwrap());
        assert!(h.y < k.y);
    }

    #[test]
    fn tiny_screens_show_only_input_and_result() {
        for (w, h) in [(20, 6), (35, 20), (80, 13), (0, 0), (1, 1)] {
            let s = screen(Rect::new(0, 0, w, h));
            assert_eq!((s.history, s.keypad), (None, None), "{w}x{h}");
        }
    }

    #[test]
    fn every_button_has_a_cell_and_clicks_find_it() {
        let panel = screen(Rect::new(0, 0, 100, 30)).keypad.unwrap();
        let cells = keypad_buttons(panel);
        assert_eq!(cells.len(), 34);
        for (button, cell) in &cells {
            assert!(
                cell.width as usize >= button.label().chars().count() + 2,
                "{button:?} cell too narrow"
            );
            assert_eq!(button_at(panel, cell.x, cell.y), Some(*button));
        }
    }

    #[test]
    fn history_lines_are_bottom_aligned() {
        let panel = Rect::new(0, 0, 30, 7); // 5 inner lines
        let lines = history_lines(panel, 3, 0);
        assert_eq!(
            lines.iter().map(|(i, r)| (*i, r.y)).collect::<Vec<_>>(),
            vec![(0, 3), (1, 4), (2, 5)]
        );
        let lines = history_lines(panel, 10, 2);
        assert_eq!(lines.first().map(|(i, _)| *i), Some(3));
        assert_eq!(lines.last().map(|(i, r)| (*i, r.y)), Some((7, 5)));
    }
}
