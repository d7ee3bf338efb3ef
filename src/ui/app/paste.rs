//! A paste of several lines: checked and split here, then evaluated one
//! by one by the app; the lines after one that fails wait in the queue.

/// Most lines and bytes one paste may bring: more is refused whole, with a
/// message, rather than cut somewhere.
const MAX_PASTE_LINES: usize = 1000;
const MAX_PASTE_BYTES: usize = 64 * 1024;

/// A paste's lines, tabs and carriage returns made spaces; the last is
/// the text after the final newline (empty when the paste ended in one).
/// A paste too big or holding control characters is refused with a message.
pub fn split(text: &str) -> Result<Vec<String>, &'static str> {
    // A final newline ends the last line; it does not start another.
    let lines = text.split('\n').count() - usize::from(text.ends_with('\n'));
    if text.len() > MAX_PASTE_BYTES || lines > MAX_PASTE_LINES {
        return Err("paste refused: it is over 1,000 lines or 64 KiB");
    }
    // One pass (a replace by a string pattern links its searcher):
    // CR LF is a newline, another CR or a tab a space.
    let mut lines = vec![String::new()];
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line = lines.last_mut().expect("one line at least");
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\t' => line.push(' '),
            '\n' => lines.push(String::new()),
            c if c.is_control() => return Err("paste refused: it holds control characters"),
            c => line.push(c),
        }
    }
    Ok(lines)
}

/// Pasted lines not evaluated yet.
#[derive(Debug, Default)]
pub struct PasteQueue {
    lines: Vec<String>,
}

impl PasteQueue {
    /// Queues a paste's lines (as `split` gives them).
    pub fn fill(&mut self, lines: Vec<String>) {
        self.lines = lines;
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// Lines held (the tests count them).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The next line to evaluate; none once only the last (typed, not
    /// evaluated) is left.
    pub fn next_line(&mut self) -> Option<String> {
        (self.lines.len() > 1).then(|| self.lines.remove(0))
    }

    /// The last line, to be typed into the input.
    pub fn take_last(&mut self) -> String {
        self.lines.pop().unwrap_or_default()
    }

    pub fn clear(&mut self) {
        self.lines.clear();
    }

    /// Drops everything queued; returns how many lines went.
    pub fn drop_all(&mut self) -> usize {
        std::mem::take(&mut self.lines).len()
    }

    /// Pasted lines waiting behind the one that failed (an empty last one,
    /// from a final newline, is no line).
    pub fn waiting(&self) -> usize {
        self.lines.len() - usize::from(self.lines.last().is_some_and(String::is_empty))
    }

    /// What the status line says while lines wait.
    pub fn waiting_message(&self) -> Option<String> {
        let left = self.waiting();
        // What matters first, for narrow status lines.
        let waits = if left == 1 {
            "line waits"
        } else {
            "lines wait"
        };
        (left > 0).then(|| format!("{left} pasted {waits} · Enter goes on, Esc drops them"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_split_into_lines_with_tabs_and_returns_made_spaces() {
        assert_eq!(split("1+1\r\n2\t*3\n").unwrap(), ["1+1", "2 *3", ""]);
        assert_eq!(split("7").unwrap(), ["7"]);
        assert!(
            split("1\x1b[2J")
                .unwrap_err()
                .contains("control characters")
        );
        assert!(
            split(&"1\n".repeat(1001))
                .unwrap_err()
                .contains("1,000 lines")
        );
        assert!(split(&"1\n".repeat(1000)).is_ok());
        assert!(split(&"9".repeat(64 * 1024 + 1)).is_err());
    }

    #[test]
    fn the_queue_gives_lines_in_order_and_keeps_the_last_to_type() {
        let mut queue = PasteQueue::default();
        queue.fill(split("1\n2\n3").unwrap());
        assert_eq!(queue.waiting(), 3);
        assert_eq!(queue.next_line().as_deref(), Some("1"));
        assert_eq!(queue.next_line().as_deref(), Some("2"));
        assert_eq!(queue.next_line(), None);
        assert_eq!(queue.take_last(), "3");
        assert!(queue.is_empty());
    }

    #[test]
    fn a_final_newline_is_no_waiting_line() {
        let mut queue = PasteQueue::default();
        queue.fill(split("1\n2\n").unwrap());
        assert_eq!(queue.waiting(), 2);
        queue.next_line();
        assert_eq!(
            queue.waiting_message().as_deref(),
            Some("1 pasted line waits · Enter goes on, Esc drops them")
        );
        queue.next_line();
        assert_eq!(queue.waiting(), 0);
        assert_eq!(queue.waiting_message(), None);
        assert_eq!(queue.drop_all(), 1);
    }
}
