//! Where everything sits for a given terminal size and answer. Pure, so
//! rendering and mouse hit-testing always agree.

use super::help;
use super::keypad::{self, KeypadButton};
use ratatui::layout::{Margin, Position, Rect};

/// At or above this width, history stands beside the keypad.
pub const WIDE_WIDTH: u16 = 70;
/// The keypad's smallest size: six keys of five columns with one-column
/// gaps, six rows of one line with one-line gaps.
pub const KEYPAD_MIN_WIDTH: u16 = 6 * 5 + 5;
pub const KEYPAD_MIN_HEIGHT: u16 = 6 + 5;
/// History rows kept on screen when the keypad is shown under it.
const HISTORY_MIN_HEIGHT: u16 = 6;
/// Width of the help view: wide enough that it fits at 120x36.
const OVERLAY_WIDTH: u16 = 96;
/// The tallest key: taller ones read as towers, not buttons.
const KEY_MAX_HEIGHT: u16 = 5;
/// Rows the answer may take under the input, at most.
const ANSWER_MAX_ROWS: u16 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The display's box (title, input, answer); the whole top on tiny screens.
    pub display: Rect,
    pub bordered: bool,
    /// The input's row.
    pub input: Rect,
    /// The answer's rows, under the input.
    pub answer: Rect,
    /// The history panel (with its title rule, and sides when `history_boxed`).
    pub history: Option<Rect>,
    pub history_boxed: bool,
    pub keypad: Option<Rect>,
    pub status: Option<Rect>,
}

/// What the display shows under the input, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisplayText {
    /// An answer, its digits in groups.
    Answer(String),
    /// An error: wrapped at words, since it is a sentence.
    Error(String),
}

impl DisplayText {
    /// The rows it takes at `width` columns.
    pub fn rows(&self, width: usize) -> Vec<String> {
        match self {
            // Both wrap at spaces: an answer's digits are in groups of three.
            DisplayText::Answer(text) => help::wrap_answer(text, width),
            DisplayText::Error(text) => help::wrap(text, width),
        }
    }
}

pub fn area(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// Whether `below` needs more rows than the display's answer area has.
pub fn answer_cut(screen: &Screen, below: Option<&DisplayText>) -> bool {
    below.is_some_and(|b| {
        b.rows(screen.answer.width.max(1).into()).len() > screen.answer.height.into()
    })
}

/// Where everything sits: it depends on the terminal's size alone, so no
/// answer, however long, moves a key under the mouse.
pub fn screen(area: Rect) -> Screen {
    // Plain arithmetic rather than ratatui's constraint solver: these splits
    // are fixed sizes, and solving them took most of a frame's time.
    let (rest, status) = if area.height >= 3 {
        take_bottom(area, 1)
    } else {
        (area, Rect::default())
    };
    let status = (status.height > 0).then_some(status);
    // The display takes a quarter of the rows (rounded up, at least 3).
    let quarter = area.height.div_ceil(4).max(3);
    let bordered = quarter >= 4 && area.width >= 16;
    let frame = if bordered { 2 } else { 0 };
    let answer_rows = quarter.saturating_sub(frame + 1).clamp(1, ANSWER_MAX_ROWS);
    let (display, body) = take_top(rest, frame + 1 + answer_rows);
    let text = if bordered {
        display.inner(Margin::new(2, 1))
    } else {
        display
    };
    let (input, answer_area) = take_top(text, 1);
    let mut screen = Screen {
        display,
        bordered,
        input,
        answer: answer_area,
        history: None,
        history_boxed: false,
        keypad: None,
        status,
    };
    if body.height < 2 {
        return screen;
    }
    let (history, keypad) = if body.width >= WIDE_WIDTH && body.height >= KEYPAD_MIN_HEIGHT {
        let key = key_size(body.width / 2, body.height);
        let size = keypad_size(key);
        // A column of space between the history's border and the keys, and
        // one at the right edge; the keys centred in the rows they do not fill.
        let (history, keypad) = take_right(body, size.0 + 2);
        let keypad = Rect::new(
            keypad.x + 1,
            keypad.y + (keypad.height - size.1) / 2,
            size.0,
            size.1,
        );
        (history, Some(keypad))
    } else if body.width >= KEYPAD_MIN_WIDTH && body.height > KEYPAD_MIN_HEIGHT + HISTORY_MIN_HEIGHT
    {
        let key = key_size(
            body.width.saturating_sub(2).max(KEYPAD_MIN_WIDTH),
            body.height - HISTORY_MIN_HEIGHT - 1,
        );
        let size = keypad_size(key);
        let (history, keypad) = take_bottom(body, size.1 + 1);
        let keypad = Rect::new(
            keypad.x + (keypad.width - size.0) / 2,
            keypad.y + 1,
            size.0,
            size.1,
        );
        (history, Some(keypad))
    } else {
        (body, None)
    };
    screen.history = Some(history);
    screen.history_boxed = history_boxed(history);
    screen.keypad = keypad;
    screen
}

/// The size of one key for a keypad of at most `width` × `height`: an odd
/// number of rows (the label on the middle one), at most five, and about
/// twice as wide as tall in cells, so it looks square.
pub fn key_size(width: u16, height: u16) -> (u16, u16) {
    let rows = keypad::ROWS.len() as u16;
    let columns = keypad::COLUMNS as u16;
    let fits = (height.saturating_sub(rows - 1) / rows).clamp(1, KEY_MAX_HEIGHT);
    let tall = if fits.is_multiple_of(2) {
        fits - 1
    } else {
        fits
    };
    let widest = (2 * tall + 1).max(7);
    let wide = (width.saturating_sub(columns - 1) / columns).clamp(5, widest);
    (wide, tall)
}

/// The keypad's size for keys of `key` size, with one-cell gaps.
fn keypad_size(key: (u16, u16)) -> (u16, u16) {
    let rows = keypad::ROWS.len() as u16;
    let columns = keypad::COLUMNS as u16;
    (key.0 * columns + columns - 1, key.1 * rows + rows - 1)
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
    take_top(area, area.height - height.min(area.height))
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

/// Each key's cell in the keypad: all keys the same size, one-cell gaps
/// between rows and columns alike, the grid centred in the keypad's area.
pub fn keypad_buttons(keypad: Rect) -> Vec<(KeypadButton, Rect)> {
    if keypad.width < KEYPAD_MIN_WIDTH || keypad.height < KEYPAD_MIN_HEIGHT {
        return Vec::new();
    }
    let key = key_size(keypad.width, keypad.height);
    let size = keypad_size(key);
    let left = keypad.x + (keypad.width - size.0) / 2;
    let top = keypad.y + (keypad.height - size.1) / 2;
    let mut cells = Vec::with_capacity(keypad::ROWS.len() * keypad::COLUMNS);
    for (r, row) in keypad::ROWS.iter().enumerate() {
        for (c, button) in row.iter().enumerate() {
            let x = left + c as u16 * (key.0 + 1);
            let y = top + r as u16 * (key.1 + 1);
            cells.push((*button, Rect::new(x, y, key.0, key.1)));
        }
    }
    cells
}

pub fn button_at(keypad: Rect, at: Position) -> Option<KeypadButton> {
    keypad_buttons(keypad)
        .into_iter()
        .find(|(_, cell)| cell.contains(at))
        .map(|(button, _)| button)
}

/// A box costs the history two rows and two columns: only where it has them to spare.
fn history_boxed(panel: Rect) -> bool {
    panel.height >= 8 && panel.width >= 20
}

/// The rows inside the history panel where entries go.
pub fn history_rows(panel: Rect) -> Rect {
    // A column of padding inside the border, so rows never touch it.
    if history_boxed(panel) {
        panel.inner(Margin::new(2, 1))
    } else {
        take_top(panel, 1).1.inner(Margin::new(1, 0))
    }
}

/// Which history entry each visible row of the history panel shows:
/// newest at the bottom, `scroll` entries up from the newest.
pub fn history_lines(panel: Rect, entries: usize, scroll: usize) -> Vec<(usize, Rect)> {
    let area = history_rows(panel);
    let visible = area.height as usize;
    let newest_shown = entries.saturating_sub(scroll);
    let first = newest_shown.saturating_sub(visible);
    let blank = visible - (newest_shown - first);
    (first..newest_shown)
        .enumerate()
        .map(|(line, index)| {
            let y = area.y + (blank + line) as u16;
            (index, Rect::new(area.x, y, area.width, 1))
        })
        .collect()
}

/// The box of the help or answer view for a text of `lines` lines: centred,
/// as tall as the text and its border, at most the whole height. The
/// answer view (`full`) takes the whole width: it is mostly digits.
pub fn overlay(area: Rect, lines: usize, full: bool) -> Rect {
    // Narrow screens give the view all their width.
    let width = if full || area.width <= OVERLAY_WIDTH + 4 {
        area.width
    } else {
        OVERLAY_WIDTH
    };
    let wanted = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    let height = area.height.min(wanted);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Where the overlay's text goes inside its box: a blank column on either
/// side, so it does not touch the border.
pub fn overlay_text(area: Rect, lines: usize, full: bool) -> Rect {
    overlay(area, lines, full).inner(Margin::new(2, 1))
}

/// How wide the overlay's text is, which decides how many lines it takes.
pub fn overlay_text_width(area: Rect, full: bool) -> u16 {
    overlay_text(area, 0, full).width
}

/// The lines of the variables view for a text width, each with whether
/// it is a heading: each variable and function wrapped at words, its
/// further rows indented; a hint when there are none.
pub fn names_lines(
    variables: &[String],
    functions: &[String],
    width: usize,
) -> Vec<(String, bool)> {
    let hint = ["none yet: x = 5 assigns a variable, f(x) = x^2 + 1 defines a function".into()];
    let groups = match variables.is_empty() && functions.is_empty() {
        true => [("", &hint[..]), ("", &[][..])],
        false => [("variables", variables), ("functions", functions)],
    };
    let mut lines = Vec::new();
    for (heading, entries) in groups {
        if !heading.is_empty() && !entries.is_empty() {
            lines.push((heading.to_string(), true));
        }
        for entry in entries {
            for (i, row) in help::wrap(entry, width.saturating_sub(2))
                .into_iter()
                .enumerate()
            {
                // Further rows indented, so that each entry reads as one.
                let mut line = String::from(if i > 0 { "  " } else { "" });
                line.push_str(&row);
                lines.push((line, false));
            }
        }
    }
    lines
}

/// Lines above the answer in its view: the expression and a blank line.
pub const ANSWER_HEADER_LINES: usize = 2;

/// The lines of the answer view for a text width: the expression it
/// belongs to, a blank line, the answer wrapped.
pub fn answer_lines(expression: &str, answer: &str, width: usize) -> Vec<String> {
    // The mark goes up with the expression, so the digits' rows start with
    // whole groups of three, wrapped between groups.
    let (mark, digits) = match answer.split_once(' ') {
        Some((mark @ ("=" | "≈"), rest)) => (mark, rest),
        _ => ("", answer),
    };
    let header = format!("{expression} {mark}");
    let mut lines = vec![
        super::line_editor::ellipsize(header.trim_end(), width),
        String::new(),
    ];
    lines.extend(help::wrap(digits, width));
    lines
}

/// Lines the help takes at a text width.
pub fn help_height(width: u16) -> usize {
    help::lines(width.into()).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIZES: [(u16, u16); 5] = [(120, 36), (80, 24), (60, 30), (40, 14), (30, 10)];

    #[test]
    fn wide_screens_put_history_beside_the_keypad() {
        for (w, h) in [(120, 36), (80, 24)] {
            let s = screen(Rect::new(0, 0, w, h));
            let (h, k) = (s.history.unwrap(), s.keypad.unwrap());
            assert!(h.y <= k.y && k.bottom() <= h.bottom());
            // Centred in the rows it does not fill.
            assert!((k.y - h.y).abs_diff(h.bottom() - k.bottom()) <= 1);
            assert!(h.right() < k.x);
        }
    }

    #[test]
    fn narrow_screens_stack_them() {
        let s = screen(Rect::new(0, 0, 60, 30));
        let (h, k) = (s.history.unwrap(), s.keypad.unwrap());
        assert!(h.bottom() < k.y);
        assert!(history_rows(h).height >= 4);
    }

    #[test]
    fn small_screens_keep_input_answer_and_history() {
        for (w, h) in [(40, 14), (30, 10)] {
            let s = screen(Rect::new(0, 0, w, h));
            assert_eq!(s.keypad, None);
            let rows = history_rows(s.history.unwrap()).height;
            assert!(rows >= 4, "{w}x{h}: {rows} history rows");
        }
    }

    #[test]
    fn nothing_overlaps_and_everything_is_on_screen() {
        for (w, h) in SIZES {
            let area = Rect::new(0, 0, w, h);
            let s = screen(area);
            let parts: Vec<Rect> = [Some(s.display), s.history, s.keypad, s.status]
                .into_iter()
                .flatten()
                .collect();
            for (i, a) in parts.iter().enumerate() {
                assert_eq!(area.intersection(*a), *a, "{w}x{h}");
                for b in &parts[i + 1..] {
                    assert!(!a.intersects(*b), "{w}x{h}: {a:?} {b:?}");
                }
            }
            // At most a quarter of the rows (rounded up), at least 3.
            assert!(s.display.height <= h.div_ceil(4).max(3), "{w}x{h}");
            assert!(s.display.height >= 3, "{w}x{h}");
            let long = DisplayText::Answer("9".repeat(5000));
            assert!(answer_cut(&s, Some(&long)));
        }
    }

    #[test]
    fn keys_are_odd_rows_tall_at_most_five_and_about_twice_as_wide() {
        for (w, h) in [(200, 60), (120, 36), (100, 30), (80, 24), (60, 30)] {
            let keypad = screen(Rect::new(0, 0, w, h)).keypad.unwrap();
            let cells = keypad_buttons(keypad);
            let (width, height) = (cells[0].1.width, cells[0].1.height);
            assert!(height % 2 == 1 && height <= 5, "{w}x{h}: {height} rows");
            assert!(width <= (2 * height + 1).max(7), "{w}x{h}: {width} wide");
            // Equal gaps of one row between key rows.
            let tops: Vec<u16> = cells.iter().step_by(6).map(|(_, c)| c.y).collect();
            assert!(
                tops.windows(2).all(|p| p[1] - p[0] == height + 1),
                "{w}x{h}"
            );
        }
        let big = keypad_buttons(screen(Rect::new(0, 0, 200, 60)).keypad.unwrap());
        assert_eq!((big[0].1.width, big[0].1.height), (11, 5));
    }

    #[test]
    fn an_answer_never_moves_the_keys() {
        // The layout has no say from the answer at all: the same screen
        // with or without one, so only the size matters.
        let a = screen(Rect::new(0, 0, 120, 36));
        let long = DisplayText::Answer("9".repeat(1506));
        assert!(answer_cut(&a, Some(&long)));
        assert_eq!(a.keypad, screen(Rect::new(0, 0, 120, 36)).keypad);
    }

    #[test]
    fn keys_are_separate_equal_and_centred() {
        for (w, h) in [(120, 36), (80, 24), (60, 30)] {
            let keypad = screen(Rect::new(0, 0, w, h)).keypad.unwrap();
            let cells = keypad_buttons(keypad);
            assert_eq!(cells.len(), 36, "{w}x{h}");
            for (i, (button, cell)) in cells.iter().enumerate() {
                assert_eq!(cell.width, cells[0].1.width);
                assert!(cell.width as usize >= button.label().chars().count().min(5));
                for (_, other) in &cells[i + 1..] {
                    let grown = Rect::new(cell.x, cell.y, cell.width + 1, cell.height + 1);
                    assert!(!grown.intersects(*other), "{w}x{h}: keys touch");
                }
                assert_eq!(button_at(keypad, cell.as_position()), Some(*button));
            }
            let right = cells.iter().map(|(_, c)| c.right()).max().unwrap();
            let left = cells.iter().map(|(_, c)| c.x).min().unwrap();
            assert!((left - keypad.x).abs_diff(keypad.right() - right) <= 1);
        }
    }

    #[test]
    fn a_unit_never_wraps_alone() {
        let answer = DisplayText::Answer("≈ 5 ft + 10.078 740 157 480 3 in".into());
        assert_eq!(answer.rows(28), ["≈ 5 ft + 10.078 740 157 480", "3 in"]);
        for width in 4..40 {
            for row in answer.rows(width) {
                assert!(!["in", "ft"].contains(&row.as_str()), "{width}: {row}");
                assert!(crate::ui::line_editor::text_width(&row) <= width);
            }
        }
        let speed = DisplayText::Answer("= 96.56064 km/h".into());
        assert_eq!(speed.rows(13), ["=", "96.56064 km/h"]);
        assert_eq!(speed.rows(16), ["= 96.56064 km/h"]);
    }

    #[test]
    fn history_lines_are_bottom_aligned() {
        let panel = Rect::new(0, 0, 30, 7); // a title rule and 6 lines
        let lines = history_lines(panel, 3, 0);
        assert_eq!(
            lines.iter().map(|(i, r)| (*i, r.y)).collect::<Vec<_>>(),
            vec![(0, 4), (1, 5), (2, 6)]
        );
        let lines = history_lines(panel, 10, 2);
        assert_eq!(lines.first().map(|(i, _)| *i), Some(2));
        assert_eq!(lines.last().map(|(i, r)| (*i, r.y)), Some((7, 6)));
        let boxed = Rect::new(0, 0, 30, 9); // 7 lines inside a box
        let lines = history_lines(boxed, 3, 0);
        assert_eq!(lines.last().map(|(i, r)| (*i, r.y, r.x)), Some((2, 7, 2)));
    }
}
