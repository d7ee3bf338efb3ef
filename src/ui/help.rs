//! The help's text, as a two-column table, and its wrapping: each column
//! wraps within itself so the table stays a table at any width.

use super::line_editor::{char_width, text_width};
use crate::eval::builtins::Builtin;
use crate::eval::units;

pub enum HelpRow {
    Heading(&'static str),
    /// What to press, and what it does.
    Item(&'static str, &'static str),
    /// The built-in functions, from the evaluator's table.
    Functions,
    /// The units by dimension, from the evaluator's table.
    Units,
}

use HelpRow::{Functions, Heading, Item, Units};

pub const HELP: &[HelpRow] = &[
    Heading("Keys"),
    Item(
        "Enter, =",
        "evaluate; the answer stays until you type again",
    ),
    Item(
        "+ − × ÷ ^ % !",
        "typed first after an answer: go on from it (ans)",
    ),
    Item("Esc, C", "clear the input; once more: clear the answer"),
    Item(
        "← → Home End",
        "move (Ctrl-A, Ctrl-E); by word: Ctrl-← Ctrl-→, Alt-B Alt-F",
    ),
    Item(
        "Backspace Del",
        "erase; Ctrl-W the word before; Ctrl-U Ctrl-K to the start, end",
    ),
    Item(
        "↑ ↓",
        "recall history, each in its angle mode; ↓ past the newest gives back your line",
    ),
    Item("PgUp PgDn", "scroll history a page (the wheel: a line)"),
    Item(
        "Ctrl-Y",
        "send the answer to the terminal's clipboard (OSC 52)",
    ),
    Item(
        "F2",
        "the whole answer; at its end ↓ End or the wheel ask for more digits",
    ),
    Item(
        "F3",
        "switch DEG/RAD (or click the mode on the status line)",
    ),
    Item("F4", "complex mode, REAL/CPLX: sqrt(-4) = 2i, not an error"),
    Item("F5", "your variables with their values, and your functions"),
    Item("F1, ?", "this help: ↑ ↓ PgUp PgDn scroll, Esc F1 q close"),
    Item(
        "Ctrl-C",
        "close F1 F2 F5, clear the line or answer, else quit",
    ),
    Heading("Mouse"),
    Item(
        "keys",
        "act on release over the same key; drag off to cancel",
    ),
    Item("history", "click: its expression; click again: its result"),
    Item(
        "input, answer",
        "click: move the cursor; see all of the answer",
    ),
    Item(
        "paste",
        "each line is evaluated in turn; a failing one stops it",
    ),
    Heading("Language"),
    Item("+ - * / ^", "also × ÷ −; ^ binds right: 2^3^2 = 512"),
    Item("-2^2", "is -4; 3! factorial; x mod y (floored)"),
    Item("%", "50% = 0.5; a+b% = a(1+b/100)"),
    Item("2pi", "juxtaposition multiplies: 2×pi"),
    Item("x°", "degrees in any angle mode: sin(30°) = 0.5"),
    Item(
        "i",
        "imaginary unit: (1+2i)(3-i) = 5 + 5i; re im arg conj abs",
    ),
    Functions,
    Item(
        "round(x, 2)",
        "to 2 places (-2: hundreds); floor ceil trunc too",
    ),
    Item("constants", "pi π e tau τ"),
    Item("0x 0o 0b", "hex, octal, binary: 0xff, 0b1011; 1_000_000"),
    Item(
        "to hex",
        "at the end: to hex, oct, bin, dec, frac (or ->); first: of ans",
    ),
    Item(
        "& | xor ~",
        "bitwise on integers, as in Python; << >> shift",
    ),
    Item("ans, _", "the last answer; x = 5 assigns"),
    Item(
        "f(x) = x^2 + 1",
        "defines a function: f(3) = 10; g(x, y) = … takes two",
    ),
    Item("= and ≈", "= exact; ≈ rounded, every digit shown is right"),
    Heading("Units"),
    Item(
        "60 mph to km/h",
        "convert (or ->): shown in the unit as written",
    ),
    Item(
        "178 cm to ft + in",
        "whole ft, then the rest: 5 ft + 10.08 in",
    ),
    Item("1 m + 20 cm", "keeps your units: 1.2 m; 1 km / 1 m is 1000"),
    Item("20 °C to °F", "°C °F K degC degF; 20 °C + 5 °C is 25 °C"),
    Item("5 cm in inch", "in after a unit converts: 5 in in cm"),
    Item("60 rpm to Hz", "a revolution is 2π rad: 1 turn/s is 1 Hz"),
    Item("ton cal yr", "also long_ton, cal_IT, tropical_year"),
    Item("6 ft 2 in", "side by side, quantities add"),
    Item("30 mpg to L/100km", "a target may hold numbers"),
    Item("*", "takes SI prefixes: km, mg, µs"),
    Units,
];

/// One line of the laid-out help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub key: String,
    pub text: String,
    pub heading: bool,
}

/// Width of the key column for a text width.
pub fn key_column(width: usize) -> usize {
    (width * 2 / 5).clamp(1, 16)
}

/// The help laid out for `width` columns.
pub fn lines(width: usize) -> Vec<HelpLine> {
    let keys = key_column(width);
    let texts = width.saturating_sub(keys + 1).max(1);
    let mut out = Vec::new();
    for row in HELP {
        match row {
            Heading(title) => {
                for text in wrap(title, width) {
                    out.push(HelpLine {
                        key: String::new(),
                        text,
                        heading: true,
                    });
                }
            }
            Item(key, text) => item(&mut out, key, text, keys, texts, width),
            Functions => item(&mut out, "functions", &function_list(), keys, texts, width),
            Units => {
                for (dimension, units) in units::help_table() {
                    item(&mut out, dimension, &units, keys, texts, width);
                }
            }
        }
    }
    out
}

/// One entry of the help, its key wrapped in `keys` columns and its text
/// in `texts`.
fn item(out: &mut Vec<HelpLine>, key: &str, text: &str, keys: usize, texts: usize, width: usize) {
    // A name too long for the text column (`faraday_constant` at
    // 30 columns) is kept whole on a line of its own, which
    // reaches left into the empty key column.
    let (mut key, mut text) = (wrap(key, keys), wrap_with(text, texts, width, false));
    // A key's second line is indented, so that it does not read
    // as an entry of its own (`magnetic flux` / ` density`).
    let indent = if key.len() > 1 && keys > 1 {
        key = wrap(&key.join(" "), keys - 1);
        " "
    } else {
        ""
    };
    let mut i = 0;
    while i < text.len().min(key.len()) {
        if text_width(&text[i]) > texts {
            text.insert(i, String::new());
        }
        i += 1;
    }
    for i in 0..key.len().max(text.len()) {
        let mut shown = String::new();
        if let Some(k) = key.get(i) {
            if i > 0 {
                shown.push_str(indent);
            }
            shown.push_str(k);
        }
        out.push(HelpLine {
            key: shown,
            text: text.get(i).cloned().unwrap_or_default(),
            heading: false,
        });
    }
}

/// Every function name, aliases after a slash: `comb/nCr`.
fn function_list() -> String {
    Builtin::ALL
        .iter()
        .map(|f| {
            std::iter::once(f.name())
                .chain(f.aliases().iter().copied())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Word wrap by display width; a word longer than a line is split.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, width, false)
}

/// An answer wrapped as `wrap` does, a unit kept on the row of the digits
/// before it (`480 3 in`): never alone on a row.
pub fn wrap_answer(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, width, width, true)
}

/// A unit's name in an answer (`in`, `km/h`, `°C`): not a number, a sign
/// or an operator.
fn is_unit(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && c != 'π' || c == '°' || c == 'µ')
}

/// `wrap`, but a word up to `longest` columns wide is never split (one
/// wider than `width` gets a line of its own); with `units`, a word goes
/// on a row only where the unit after it fits too.
fn wrap_with(text: &str, width: usize, longest: usize, units: bool) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
    while let Some(word) = words.next() {
        let w = text_width(word);
        let unit = match words.peek() {
            Some(next) if units && is_unit(next) => 1 + text_width(next),
            _ => 0,
        };
        if !line.is_empty() && text_width(&line) + 1 + w + unit > width {
            lines.push(std::mem::take(&mut line));
        }
        if w > width && w <= longest {
            lines.push(word.to_string());
            continue;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if text_width(&line) + char_width(c) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_widths() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        for width in 1..40 {
            for line in lines(width) {
                assert!(text_width(&line.key) <= key_column(width));
                let used = if line.heading || line.key.is_empty() {
                    text_width(&line.text)
                } else {
                    text_width(&line.key) + 1 + text_width(&line.text)
                };
                assert!(used <= width.max(3), "{width}: {line:?}");
            }
        }
    }

    /// Names are never split, however narrow the text column: every word
    /// of the help comes out whole where the width holds it.
    #[test]
    fn no_name_is_split() {
        let words = |lines: Vec<HelpLine>| -> Vec<String> {
            lines
                .iter()
                .flat_map(|l| l.text.split(' ').map(str::to_string).collect::<Vec<_>>())
                .filter(|w| !w.is_empty())
                .collect()
        };
        let wide = words(lines(400));
        assert!(wide.iter().any(|w| w == "faraday_constant"));
        for width in 17..80 {
            let mut narrow = words(lines(width));
            for word in wide.iter().filter(|w| text_width(w) <= width) {
                let at = narrow.iter().position(|w| w == word);
                assert!(at.is_some(), "{width}: {word} split");
                narrow.swap_remove(at.unwrap());
            }
        }
    }

    #[test]
    fn narrow_help_keeps_its_two_columns() {
        let narrow = lines(28);
        let wrapped = narrow
            .iter()
            .find(|l| l.key.is_empty() && !l.heading)
            .expect("a continued description");
        assert!(!wrapped.text.is_empty());
        assert!(narrow.len() > lines(76).len());
    }
}
