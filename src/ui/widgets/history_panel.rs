//! The history: one entry a row, newest at the bottom, the result
//! right-aligned; what does not fit ends in `…` (the selected entry is then
//! shown whole on the display). A scrollbar and the position in the title
//! while scrolled.

use super::theme::Theme;
use super::{draw_box, draw_rule, draw_scrollbar, draw_text};
use crate::ui::history::HistoryEntry;
use crate::ui::layout;
use crate::ui::line_editor::{ellipsize, text_width};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

pub struct HistoryPanel<'a> {
    pub entries: &'a [HistoryEntry],
    /// Each entry's `ResultText`, in the same order.
    pub results: &'a [ResultText],
    pub scroll: usize,
    pub selected: Option<usize>,
    pub boxed: bool,
    pub theme: Theme,
}

/// A history entry's result as its row shows it, plain and with its digits
/// grouped, with their widths: made once, when the entry is added, so
/// that a frame only compares widths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultText {
    plain: String,
    plain_width: usize,
    grouped: String,
    grouped_width: usize,
}

impl ResultText {
    pub fn new(entry: &HistoryEntry) -> Self {
        let plain = result_text(entry);
        let grouped = super::group_digits(&plain);
        ResultText {
            plain_width: text_width(&plain),
            grouped_width: text_width(&grouped),
            plain,
            grouped,
        }
    }

    /// The grouped result and its width, when it fits a row `width` wide
    /// beside an expression `e` columns wide (see `grouped_fits`).
    fn grouped_for(&self, e: usize, width: usize) -> Option<(String, usize)> {
        let (g, plain) = (self.grouped_width, self.plain_width);
        (self.grouped.len() != self.plain.len() && grouped_fits(e, plain, g, width))
            .then(|| (self.grouped.clone(), g))
    }
}

/// The result as a history row shows it: the fraction too when there is
/// one, and the angle mode it was computed in when that mattered.
fn result_text(entry: &HistoryEntry) -> String {
    result_text_with(entry, entry.fraction.as_deref())
}

fn result_text_with(entry: &HistoryEntry, fraction: Option<&str>) -> String {
    let mut text = String::new();
    if let Some(fraction) = fraction {
        text.push_str(" = ");
        text.push_str(fraction);
    }
    text.push_str(if entry.approximate { " ≈ " } else { " = " });
    text.push_str(&entry.result);
    if let Some(angle) = entry.angle {
        text.push(' ');
        text.push_str(crate::ui::history::angle_label(angle));
    }
    text
}

/// One entry fitted to `width`: the expression, then `= result` at the
/// right. The result is grouped like the display's when that still fits;
/// else it is kept whole, plain, and the expression shortened with `…`;
/// only a result wider than the row is cut, in its middle, so an exponent
/// at its end stays.
pub fn entry_line(entry: &HistoryEntry, width: usize) -> (String, String) {
    let texts = ResultText::new(entry);
    let grouped = texts.grouped_for(text_width(&entry.expression), width);
    let (expression, result, _) = fit_entry(entry, texts.plain, texts.plain_width, grouped, width);
    (expression, result)
}

/// The result with its digits grouped as the display groups them
/// (`= 1 048 576`), with its width, when the row holds it whole beside the
/// expression whole, or beside an expression cut anyway and still at
/// least `SHORT_EXPRESSION` columns. Grouping never cuts an expression
/// the plain digits leave whole, nor one to its first few characters
/// (`e^(…` for `e^(pi*sqrt(163))` at 30 columns), nor any result: else the
/// plain digits are fitted as before.
fn grouped_result(
    entry: &HistoryEntry,
    plain: &str,
    plain_width: usize,
    width: usize,
) -> Option<(String, usize)> {
    let grouped = super::group_digits(plain);
    let g = text_width(&grouped);
    let e = text_width(&entry.expression);
    (grouped.len() != plain.len() && grouped_fits(e, plain_width, g, width)).then_some((grouped, g))
}

/// Whether a grouped result `g` columns wide (`plain` without its gaps)
/// goes on a row `width` wide beside an expression `e` columns wide.
fn grouped_fits(e: usize, plain: usize, g: usize, width: usize) -> bool {
    e + g <= width || (e + plain > width && g + SHORT_EXPRESSION <= width)
}

/// `entry_line` for a result already made, `r` columns wide, and its
/// grouped form if that fits `width` (a frame measures each once); also
/// gives the result's final width.
fn fit_entry(
    entry: &HistoryEntry,
    mut result: String,
    mut r: usize,
    grouped: Option<(String, usize)>,
    width: usize,
) -> (String, String, usize) {
    let e = text_width(&entry.expression);
    if let Some((grouped, g)) = grouped {
        return (ellipsize(&entry.expression, width - g), grouped, g);
    }
    // A short expression is never cut so that digits fit: `2^200` stays.
    // (A long one gives way to the result down to two columns, and keeps
    // up to a third of the row when the result is cut anyway.)
    let (kept, kept_when_cut) = if e <= SHORT_EXPRESSION {
        let kept = e.min(width.saturating_sub(MIN_RESULT));
        (kept, kept)
    } else {
        (e.min(2), e.min((width / 3).max(2)))
    };
    if let (Some(fraction), true) = (&entry.fraction, r + kept > width) {
        // Too long with the fraction: the decimal with its exponent wins,
        // else the fraction alone when it fits.
        result = result_text_with(entry, None);
        let fraction = format!(" = {fraction}");
        if text_width(&result) + kept > width && text_width(&fraction) + kept <= width {
            result = fraction;
        }
        r = text_width(&result);
        if let Some((grouped, g)) = grouped_result(entry, &result, r, width) {
            return (ellipsize(&entry.expression, width - g), grouped, g);
        }
    }
    if e + r <= width {
        return (entry.expression.clone(), result, r);
    }
    // A result too long beside the expression kept is cut, saying where
    // and how big it is.
    if r + kept > width {
        result = cut_result(&result, width.saturating_sub(kept_when_cut));
    }
    // (A row too narrow even for the digits and the exponent.)
    if text_width(&result) > width {
        result = ellipsize(&result, width);
    }
    let r = text_width(&result);
    let expression = ellipsize(&entry.expression, width - r);
    (expression, result, r)
}

/// Expressions up to this wide are kept whole when the row has room.
const SHORT_EXPRESSION: usize = 10;
/// Columns a result keeps beside a short expression.
const MIN_RESULT: usize = 12;

/// A result (` = 1606938044…`, maybe ` DEG` after it) cut to `width`
/// columns so that it cannot read as another number: a long decimal
/// becomes its leading digits and its size (` = 1.606938…e60`); other
/// text keeps its exponent (`cut_middle`).
fn cut_result(result: &str, width: usize) -> String {
    let start = result.bytes().position(|b| b.is_ascii_digit()).unwrap_or(0);
    let length = result[start..]
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let (number, after) = result[start..].split_at(length);
    let whole = number.find('.').unwrap_or(length);
    // Written with its exponent first, so that the cut keeps it.
    if whole > 1 && !number.starts_with('0') && !after.starts_with('e') {
        let digits: String = number.split('.').collect();
        let exponent = whole - 1;
        let text = format!(
            "{}{}.{}e{exponent}{after}",
            &result[..start],
            &digits[..1],
            &digits[1..]
        );
        return cut_middle(&text, width);
    }
    cut_middle(result, width)
}

/// `text` cut to `width` columns by taking out its middle: `… 1.23…e+45`
/// keeps its exponent.
fn cut_middle(text: &str, width: usize) -> String {
    let tail_at = text.rfind('e').filter(|at| text.len() - at <= 8);
    let tail = tail_at.map_or("", |at| &text[at..]);
    let head = &text[..text.len() - tail.len()];
    let mut out = ellipsize(head, width.saturating_sub(text_width(tail)));
    out.push_str(tail);
    out
}

impl Widget for HistoryPanel<'_> {
    fn render(self, panel: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let rows = layout::history_rows(panel);
        let visible = usize::from(rows.height);
        let total = self.entries.len();
        let hidden = total.saturating_sub(visible);
        let title = if self.scroll > 0 {
            format!(" history · ↑{} of {total} ", self.scroll)
        } else {
            format!(" history ({total}) ")
        };
        let title = (title.as_str(), theme.dim());
        if self.boxed {
            draw_box(buf, panel, title, theme.dim());
        } else {
            draw_rule(buf, Rect { height: 1, ..panel }, title, theme.dim());
        }
        // Each visible entry with its result's text, plain and grouped if
        // that fits the row, and the width both need.
        type Row = (usize, Rect, String, usize, Option<(String, usize)>, usize);
        let mut lines: Vec<Row> = Vec::new();
        for (index, row) in layout::history_lines(panel, total, self.scroll) {
            let entry = &self.entries[index];
            let made;
            let texts = match self.results.get(index) {
                Some(texts) => texts,
                None => {
                    made = ResultText::new(entry);
                    &made
                }
            };
            let e = text_width(&entry.expression);
            let grouped = texts.grouped_for(e, row.width.into());
            let shown = grouped.as_ref().map_or(texts.plain_width, |g| g.1);
            let result = texts.plain.clone();
            lines.push((
                index,
                row,
                result,
                texts.plain_width,
                grouped,
                e + shown + 2,
            ));
        }
        // Results sit just right of the longest visible entry, not at the far
        // edge of a wide screen; an entry too long for the row (`100!`) takes
        // the whole row and leaves the others where they are.
        let used = lines
            .iter()
            .map(|line| line.5)
            .filter(|n| *n <= usize::from(rows.width))
            .max()
            .unwrap_or(0)
            .max(24);
        // Nearly the whole row anyway: one right edge for all.
        let used = if used + 4 >= usize::from(rows.width) {
            usize::from(rows.width)
        } else {
            used
        };
        for (index, row, result, result_width, grouped, need) in lines {
            let row = Rect {
                width: if need > used {
                    row.width
                } else {
                    row.width.min(used as u16)
                },
                ..row
            };
            let (expression, result, result_width) = fit_entry(
                &self.entries[index],
                result,
                result_width,
                grouped,
                row.width.into(),
            );
            let selected = self.selected == Some(index);
            let base = if selected {
                theme.selected()
            } else {
                Style::new()
            };
            if selected {
                super::fill_style(buf, row, base);
            }
            draw_text(buf, row, &expression, base);
            let result_width = result_width as u16;
            let at = Rect {
                x: row.right() - result_width,
                width: result_width,
                ..row
            };
            draw_text(buf, at, &result, base.patch(theme.result()));
        }
        if self.boxed {
            let track = Rect {
                x: panel.right() - 1,
                width: 1,
                ..rows
            };
            let first = hidden - self.scroll.min(hidden);
            draw_scrollbar(buf, track, total, first, theme.title());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_entries_are_cut_with_a_sign() {
        let entry = HistoryEntry {
            expression: "100!".into(),
            result: "9".repeat(158),
            approximate: false,
            ..HistoryEntry::default()
        };
        let (e, r) = entry_line(&entry, 30);
        assert_eq!(e, "100!");
        // Cut, it says where and how big: never 999… as if 158 digits were fewer.
        assert!(r.ends_with("…e157") && r.starts_with(" = 9.999"), "{r}");
        assert_eq!(text_width(&e) + text_width(&r), 30);
        let entry = HistoryEntry {
            expression: "1+".repeat(40) + "1",
            result: "41".into(),
            approximate: false,
            ..HistoryEntry::default()
        };
        let (e, r) = entry_line(&entry, 30);
        assert_eq!(r, " = 41");
        assert!(e.ends_with('…'));
        assert_eq!(text_width(&e) + text_width(&r), 30);
    }

    #[test]
    fn a_result_stays_whole_and_an_exponent_is_never_cut_off() {
        let entry = HistoryEntry {
            expression: "e^(pi*sqrt(163))".into(),
            result: "2.62537412640769e17".into(),
            approximate: true,
            ..HistoryEntry::default()
        };
        let (e, r) = entry_line(&entry, 30);
        assert_eq!(r, " ≈ 2.62537412640769e17");
        assert_eq!(e, "e^(pi*s…");
        let (_, r) = entry_line(&entry, 16);
        assert!(r.ends_with("…e17"), "{r}");
        let angled = HistoryEntry {
            expression: "sin(30)".into(),
            result: "0.5".into(),
            angle: Some(crate::eval::AngleMode::Degrees),
            ..HistoryEntry::default()
        };
        assert_eq!(entry_line(&angled, 40).1, " = 0.5 DEG");
        let fraction = HistoryEntry {
            expression: "1/3".into(),
            result: "0.333333333333333".into(),
            approximate: true,
            fraction: Some("1/3".into()),
            ..HistoryEntry::default()
        };
        assert_eq!(
            entry_line(&fraction, 40).1,
            " = 1/3 ≈ 0.333 333 333 333 333"
        );
        assert_eq!(entry_line(&fraction, 20).1, " = 1/3");
    }

    #[test]
    fn a_short_expression_stays_whole_and_a_cut_number_says_its_size() {
        let entry = HistoryEntry {
            expression: "2^200".into(),
            result: "1606938044258990275541962092341162602522202993782792835301376".into(),
            ..HistoryEntry::default()
        };
        for width in [24, 30, 36, 60] {
            let (e, r) = entry_line(&entry, width);
            assert_eq!(e, "2^200", "{width}");
            assert!(
                r.starts_with(" = 1.60") && r.ends_with("…e60"),
                "{width}: {r}"
            );
            assert!(text_width(&e) + text_width(&r) <= width);
        }
        // An exact form too long for the row gives way to the decimal.
        let form = HistoryEntry {
            expression: "1/3^40".into(),
            result: "8.22526333996996e-20".into(),
            approximate: true,
            fraction: Some("1/12157665459056928801".into()),
            ..HistoryEntry::default()
        };
        assert_eq!(entry_line(&form, 36).1, " ≈ 8.225 263 339 969 96e-20");
        assert_eq!(entry_line(&form, 29).1, " ≈ 8.22526333996996e-20");
    }

    /// Digits are grouped as on the display where the grouped row fits;
    /// else the plain digits, whole, then cut as before: grouping never
    /// shortens an expression the plain digits leave whole, nor cuts one
    /// to a stub, nor gets a number cut.
    #[test]
    fn results_are_grouped_when_the_grouped_row_fits() {
        let big = HistoryEntry {
            expression: "2^64-1".into(),
            result: "18446744073709551615".into(),
            ..HistoryEntry::default()
        };
        assert_eq!(entry_line(&big, 40).1, " = 18 446 744 073 709 551 615");
        // Grouped it would not fit: plain, and whole.
        assert_eq!(
            entry_line(&big, 30),
            ("2^64-1".into(), " = 18446744073709551615".into())
        );
        let e = HistoryEntry {
            expression: "e^(pi*sqrt(163))".into(),
            result: "2.62537412640769e17".into(),
            approximate: true,
            ..HistoryEntry::default()
        };
        assert_eq!(entry_line(&e, 60).1, " ≈ 2.625 374 126 407 69e17");
        // At 40 the plain row is whole and the grouped one is not.
        assert_eq!(entry_line(&e, 40).0, "e^(pi*sqrt(163))");
        assert_eq!(entry_line(&e, 40).1, " ≈ 2.62537412640769e17");
        // At 30 grouping would leave `e^(…`.
        assert_eq!(entry_line(&e, 30).0, "e^(pi*s…");
        // A long expression cut anyway keeps at least ten columns.
        let long = HistoryEntry {
            expression: "1000*1000+1000*1000+48576-1000000".into(),
            result: "1048576".into(),
            ..HistoryEntry::default()
        };
        let (expression, result) = entry_line(&long, 30);
        assert_eq!(result, " = 1 048 576");
        assert!(expression.ends_with('…') && text_width(&expression) >= SHORT_EXPRESSION);
        // Short numbers stay as the display has them.
        let short = HistoryEntry {
            expression: "60 mph to km/h".into(),
            result: "96.56064 km/h".into(),
            ..HistoryEntry::default()
        };
        assert_eq!(entry_line(&short, 40).1, " = 96.56064 km/h");
        // Never a grouped cut: a cut number is plain digits and exponent.
        for width in 10..70 {
            let (expression, result) = entry_line(&big, width);
            assert!(
                text_width(&expression) + text_width(&result) <= width,
                "{width}"
            );
            let digits: String = result.chars().filter(|c| c.is_ascii_digit()).collect();
            if result.contains('…') {
                let number = result.trim_start_matches([' ', '=']);
                assert!(
                    !number.contains(' ') && number.contains('e'),
                    "{width}: {result}"
                );
            } else {
                assert_eq!(digits, "18446744073709551615", "{width}: {result}");
            }
        }
    }
}
