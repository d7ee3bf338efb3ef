//! The input line as a shell edits it: text, a cursor, word motions and
//! kills. Positions are byte offsets on character boundaries; what the
//! screen needs (columns) is measured by display width, so wide characters
//! (`日本`) take the two columns a terminal gives them.

use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEditor {
    text: String,
    /// Byte offset of the cursor, always on a character boundary.
    cursor: usize,
}

/// Letters, digits, `_` and `.` make up a word: a name or a number.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// Display width of one character as the terminal shows it (controls never
/// reach the screen, so they count as nothing).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Display width of a string. Printable ASCII, most of what is drawn,
/// is a column a byte without a look at the width tables.
pub fn text_width(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    text.chars()
        .map(|c| {
            if (' '..='~').contains(&c) {
                1
            } else {
                char_width(c)
            }
        })
        .sum()
}

/// `text` cut to `width` columns, ending in `…` when something was cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + char_width(c) + 1 > width {
            break;
        }
        used += char_width(c);
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

impl LineEditor {
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor as a byte offset into `text()`.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The cursor's column: the display width of the text before it.
    pub fn cursor_column(&self) -> usize {
        text_width(&self.text[..self.cursor])
    }

    /// Replaces the text; the cursor goes to its end.
    pub fn set(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.cursor = self.text.len();
    }

    /// Puts the cursor at `byte`, moved back to a character boundary.
    pub fn set_cursor(&mut self, byte: usize) {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        self.cursor = byte;
    }

    /// Puts the cursor at the character under `column` (a click): on its
    /// left edge, or the end when the column is past the text.
    pub fn set_cursor_column(&mut self, column: usize) {
        let mut seen = 0;
        for (byte, c) in self.text.char_indices() {
            let width = char_width(c);
            if column < seen + width.max(1) {
                self.cursor = byte;
                return;
            }
            seen += width;
        }
        self.cursor = self.text.len();
    }

    pub fn insert(&mut self, text: &str) {
        self.text.insert_str(self.cursor, text);
        self.cursor += text.len();
    }

    pub fn backspace(&mut self) {
        let start = self.previous_boundary();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    pub fn delete(&mut self) {
        let end = self.next_boundary();
        self.text.replace_range(self.cursor..end, "");
    }

    pub fn left(&mut self) {
        self.cursor = self.previous_boundary();
    }

    pub fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Back to the start of this or the previous word (Ctrl-Left, Alt-B).
    pub fn word_left(&mut self) {
        self.cursor = self.word_start();
    }

    /// On to the end of this or the next word (Ctrl-Right, Alt-F).
    pub fn word_right(&mut self) {
        let rest = &self.text[self.cursor..];
        let skipped = rest.find(is_word).unwrap_or(rest.len());
        let word = rest[skipped..]
            .find(|c| !is_word(c))
            .unwrap_or(rest.len() - skipped);
        self.cursor += skipped + word;
    }

    /// Ctrl-U: removes everything before the cursor.
    pub fn kill_to_start(&mut self) {
        self.text.replace_range(..self.cursor, "");
        self.cursor = 0;
    }

    /// Ctrl-K: removes everything from the cursor on.
    pub fn kill_to_end(&mut self) {
        self.text.truncate(self.cursor);
    }

    /// Ctrl-W, Alt-Backspace: removes the word before the cursor.
    pub fn kill_word_back(&mut self) {
        let start = self.word_start();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    fn word_start(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end_matches(|c| !is_word(c));
        trimmed.trim_end_matches(is_word).len()
    }

    fn previous_boundary(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_marks_what_it_cuts() {
        assert_eq!(ellipsize("12345", 5), "12345");
        assert_eq!(ellipsize("123456", 5), "1234…");
        assert_eq!(ellipsize("日本語", 4), "日…");
    }

    fn editor(text: &str, cursor: usize) -> LineEditor {
        let mut e = LineEditor::default();
        e.set(text);
        e.set_cursor(cursor);
        e
    }

    /// The text with `|` where the cursor is.
    fn shown(e: &LineEditor) -> String {
        format!("{}|{}", &e.text()[..e.cursor()], &e.text()[e.cursor()..])
    }

    #[test]
    fn insert_and_erase_around_the_cursor() {
        let mut e = LineEditor::default();
        e.insert("2×3");
        e.left();
        e.backspace();
        assert_eq!(shown(&e), "2|3");
        e.home();
        e.delete();
        assert_eq!(shown(&e), "|3");
        e.end();
        e.insert("!");
        assert_eq!(shown(&e), "3!|");
        e.right();
        e.delete();
        assert_eq!(shown(&e), "3!|");
        e.home();
        e.backspace();
        e.left();
        assert_eq!(shown(&e), "|3!");
    }

    #[test]
    fn words_are_names_and_numbers() {
        let mut e = editor("sqrt(12.5) + pi", 15);
        e.word_left();
        assert_eq!(shown(&e), "sqrt(12.5) + |pi");
        e.word_left();
        assert_eq!(shown(&e), "sqrt(|12.5) + pi");
        e.word_left();
        assert_eq!(shown(&e), "|sqrt(12.5) + pi");
        e.word_left();
        assert_eq!(shown(&e), "|sqrt(12.5) + pi");
        e.word_right();
        assert_eq!(shown(&e), "sqrt|(12.5) + pi");
        e.word_right();
        assert_eq!(shown(&e), "sqrt(12.5|) + pi");
        e.word_right();
        e.word_right();
        assert_eq!(shown(&e), "sqrt(12.5) + pi|");
    }

    #[test]
    fn kills_remove_to_start_end_and_word() {
        let mut e = editor("1+23*foo", 6);
        e.kill_word_back();
        assert_eq!(shown(&e), "1+23*|oo");
        e.kill_word_back();
        assert_eq!(shown(&e), "1+|oo");
        e.kill_to_end();
        assert_eq!(shown(&e), "1+|");
        let mut e = editor("12+34", 3);
        e.kill_to_start();
        assert_eq!(shown(&e), "|34");
    }

    #[test]
    fn columns_count_display_width() {
        let mut e = editor("日本+1", 0);
        e.right();
        e.right();
        assert_eq!(e.cursor_column(), 4);
        e.set_cursor_column(3);
        assert_eq!(shown(&e), "日|本+1");
        e.set_cursor_column(4);
        assert_eq!(shown(&e), "日本|+1");
        e.set_cursor_column(40);
        assert_eq!(shown(&e), "日本+1|");
        assert_eq!(text_width("日本+1"), 6);
    }

    #[test]
    fn cursor_never_splits_a_character() {
        let mut e = editor("π×2", 1);
        assert_eq!(e.cursor(), 0);
        e.set_cursor(3);
        assert_eq!(shown(&e), "π|×2");
    }
}
