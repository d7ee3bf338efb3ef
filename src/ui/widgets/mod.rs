//! The parts of the screen, each a ratatui `Widget` drawn into a `Buffer`.

pub mod display;
pub mod history_panel;
pub mod keypad_panel;
pub mod overlay;
pub mod status_bar;
pub mod theme;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The columns `text` takes, as ratatui counts them (through its copy of
/// the width code: a second copy in this crate costs 2 KB).
pub fn cell_width(text: &str) -> usize {
    ratatui::text::Span::raw(text).width()
}

/// Text in one style, clipped to `area`'s first row. Lighter than a
/// Paragraph, which matters at a hundred lines a frame; runs of ASCII skip
/// grapheme segmentation, which was most of a frame's cost.
/// Returns the column after it.
pub fn draw_text(buf: &mut Buffer, area: Rect, text: &str, style: Style) -> u16 {
    let (mut x, right) = (area.x, area.right());
    if area.width == 0 || area.height == 0 {
        return x;
    }
    let mut rest = text;
    while !rest.is_empty() && x < right {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let (run, after) = if ascii > 0 {
            rest.split_at(ascii)
        } else {
            rest.split_at(rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len()))
        };
        if ascii > 0 {
            // Straight into the row's cells: no per-cell bounds lookup.
            let count = run.len().min(usize::from(right - x));
            let start = buf.index_of(x, area.y);
            for (cell, byte) in buf.content[start..start + count]
                .iter_mut()
                .zip(run.bytes())
            {
                put(cell, ascii_symbol(byte), style);
            }
            x += count as u16;
        } else {
            x = buf
                .set_stringn(x, area.y, run, usize::from(right - x), style)
                .0;
        }
        rest = after;
    }
    x
}

/// Printable ASCII as static strings: a cell made from one is not copied
/// (Cell::set_char builds a new string each time, a frame's largest cost).
const PRINTABLE: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

fn ascii_symbol(byte: u8) -> &'static str {
    match byte {
        b' '..=b'~' => {
            let i = usize::from(byte - b' ');
            &PRINTABLE[i..i + 1]
        }
        // Controls never reach the screen.
        _ => " ",
    }
}

/// Sets `style` on every cell of `area`, row by row through the buffer's
/// cells (Buffer::set_style looks each cell up on its own).
pub fn fill_style(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.set_style(style);
        }
    }
}

/// A titled box around `area`. Drawn edge by edge: a Block would also
/// restyle every cell inside, which was most of a frame's cost.
pub fn draw_box(buf: &mut Buffer, area: Rect, title: (&str, Style), border: Style) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    for x in area.x + 1..right {
        put(&mut buf[(x, bottom)], "─", border);
    }
    for y in area.y + 1..bottom {
        put(&mut buf[(area.x, y)], "│", border);
        put(&mut buf[(right, y)], "│", border);
    }
    for (x, y, corner) in [
        (area.x, area.y, "┌"),
        (right, area.y, "┐"),
        (area.x, bottom, "└"),
        (right, bottom, "┘"),
    ] {
        put(&mut buf[(x, y)], corner, border);
    }
    draw_rule(
        buf,
        Rect::new(area.x + 1, area.y, area.width - 2, 1),
        title,
        border,
    );
}

/// A scrollbar's thumb on a one-column `track` (a box's side): `first` of
/// `total` lines is at the top of the `visible` ones. Drawn here rather than
/// with ratatui's Scrollbar, which cost 2 KB of the binary for the same.
pub fn draw_scrollbar(buf: &mut Buffer, track: Rect, total: usize, first: usize, style: Style) {
    let visible = usize::from(track.height);
    if total <= visible || visible == 0 || track.width == 0 {
        return;
    }
    let thumb = (visible * visible / total).max(1);
    let start = first.min(total - visible) * (visible - thumb) / (total - visible);
    for row in start..start + thumb {
        put(&mut buf[(track.x, track.y + row as u16)], "┃", style);
    }
}

/// A title on a row, the rest of the row a rule.
pub fn draw_rule(buf: &mut Buffer, area: Rect, title: (&str, Style), border: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    for x in area.x..area.right() {
        put(&mut buf[(x, area.y)], "─", border);
    }
    draw_text(buf, area, title.0, title.1);
}

/// Puts a static symbol in a cell with `style` (the cell's earlier style is
/// replaced, so callers give the whole style). A static symbol is not
/// copied, unlike Cell::set_symbol's.
fn put(cell: &mut Cell, symbol: &'static str, style: Style) {
    *cell = Cell::new(symbol);
    cell.set_style(style);
}

/// A number's digits in groups of three with a gap between (`1 048 576`,
/// `0.142 857 142`), for reading; words that are not decimal numbers
/// (`0xff`, `=`, `7/12`) stay as they are. Copy and one-shot output keep
/// plain digits.
pub fn group_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        group_number(word, &mut out);
    }
    out
}

fn group_number(word: &str, out: &mut String) {
    // A complex value's imaginary part (`0.707106781186548i`) is grouped
    // as its real part is.
    if let Some(number) = word.strip_suffix('i').filter(|n| {
        n.trim_start_matches('-')
            .starts_with(|c: char| c.is_ascii_digit())
    }) {
        group_number(number, out);
        out.push('i');
        return;
    }
    let (sign, rest) = match word.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", word),
    };
    let (mantissa, exponent) = match rest.find('e') {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_empty()
        || exponent[1..]
            .trim_start_matches(['+', '-'])
            .bytes()
            .all(|b| b.is_ascii_digit());
    if !digits(whole) || !fraction.is_none_or(digits) || !exponent_ok {
        // An exact form's coefficient (`2000…√2`) and both sides of a
        // fraction are grouped like any number.
        let at = rest.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &rest[at..];
        out.push_str(sign);
        if at > 4 && (tail.starts_with('√') || tail.starts_with('π') || tail.starts_with('/')) {
            push_thousands(&rest[..at], ' ', out);
        } else {
            out.push_str(&rest[..at]);
        }
        match tail.strip_prefix('/') {
            Some(denominator) if at > 0 => {
                out.push('/');
                group_number(denominator, out);
            }
            _ => out.push_str(tail),
        }
        return;
    }
    out.push_str(sign);
    // Four digits before the point or six after it read at a glance
    // (`96.56064 km/h`); past that both sides are grouped alike
    // (`866 025 403.784 439`), never one side only.
    let grouped = whole.len() > 4 || fraction.is_some_and(|f| f.len() > 6);
    if grouped && whole.len() > 3 {
        push_thousands(whole, ' ', out);
    } else {
        out.push_str(whole);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        let group_fraction = grouped && fraction.len() > 3;
        for (i, c) in fraction.chars().enumerate() {
            if group_fraction && i > 0 && i % 3 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
    }
    out.push_str(exponent);
}

/// ASCII `digits` with `separator` between thousands.
pub fn push_thousands(digits: &str, separator: char, out: &mut String) {
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_in_threes_and_nothing_else_is() {
        assert_eq!(group_digits("= 1048576"), "= 1 048 576");
        assert_eq!(group_digits("= 1024"), "= 1024");
        // Both sides of the point alike.
        assert_eq!(group_digits("≈ -12345.678901"), "≈ -12 345.678 901");
        assert_eq!(group_digits("≈ 866025403.784439"), "≈ 866 025 403.784 439");
        assert_eq!(
            group_digits("≈ 0.707106781186548 + 0.707106781186548i"),
            "≈ 0.707 106 781 186 548 + 0.707 106 781 186 548i"
        );
        assert_eq!(group_digits("= 5 - 12345i"), "= 5 - 12 345i");
        assert_eq!(group_digits("= -i"), "= -i");
        assert_eq!(group_digits("≈ 3.14159265358979"), "≈ 3.141 592 653 589 79");
        assert_eq!(group_digits("= 96.56064 km/h"), "= 96.56064 km/h");
        // Exact forms' coefficients and both sides of a fraction.
        assert_eq!(group_digits("= 2000000√2"), "= 2 000 000√2");
        assert_eq!(group_digits("= 1/12157665459"), "= 1/12 157 665 459");
        assert_eq!(group_digits("≈ 0.1428571"), "≈ 0.142 857 1");
        assert_eq!(group_digits("≈ 1.2345678e300"), "≈ 1.234 567 8e300");
        assert_eq!(group_digits("= 7/12 ≈ 0.58333"), "= 7/12 ≈ 0.58333");
        assert_eq!(group_digits("= 0xffffff"), "= 0xffffff");
        assert_eq!(group_digits("x = 123456"), "x = 123 456");
    }
}
