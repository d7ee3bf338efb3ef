//! Where the user is in the history: ↑/↓ recall with the draft kept
//! aside, the panel's scroll, and the entry picked by a click.

/// Recall state; the history itself stays with the app.
#[derive(Debug, Default)]
pub struct Recall {
    /// The line being typed before ↑ began a recall; ↓ past the newest gives it back.
    draft: Option<String>,
    /// Entries scrolled up from the newest.
    scroll: usize,
    /// The history entry recalled or clicked, highlighted.
    selected: Option<usize>,
    /// The entry clicked last, to tell a second click.
    last_pick: Option<usize>,
}

/// Where a step of ↑/↓ lands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// This history entry.
    Entry(usize),
    /// Past the newest: the line typed before the recall began.
    Draft(String),
}

impl Recall {
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The input changed by hand: the recall ends and the draft goes.
    pub fn end(&mut self) {
        self.selected = None;
        self.draft = None;
    }

    /// Anything but another click: the next click is a first one again.
    pub fn forget_pick(&mut self) {
        self.last_pick = None;
    }

    /// Back to the newest entries (after Enter).
    pub fn scroll_to_newest(&mut self) {
        self.scroll = 0;
    }

    /// Scrolls by `entries` (positive: towards older ones) within `len`.
    pub fn scroll_by(&mut self, entries: i64, len: usize) {
        let max = len.saturating_sub(1) as i64;
        self.scroll = (self.scroll as i64 + entries).clamp(0, max) as usize;
    }

    /// Scrolls so that entry `index` of `len` is among the `rows` shown.
    pub fn reveal(&mut self, index: usize, len: usize, rows: usize) {
        let from_newest = len - 1 - index;
        if from_newest < self.scroll {
            self.scroll = from_newest;
        } else if from_newest >= self.scroll + rows {
            self.scroll = from_newest + 1 - rows;
        }
    }

    /// A click on entry `index`; returns whether it is the second one on it.
    pub fn pick(&mut self, index: usize) -> bool {
        let second = self.last_pick == Some(index);
        self.selected = Some(index);
        self.last_pick = Some(index);
        self.draft = None;
        second
    }

    /// ↑ (`direction` -1) or ↓ (+1) through `len` entries, `input` being
    /// the line typed now: where it lands, or nowhere (no history, or ↓
    /// with no recall going on).
    pub fn step(&mut self, direction: i64, len: usize, input: &str) -> Option<Step> {
        if len == 0 {
            return None;
        }
        let newest = len as i64 - 1;
        let next = match self.selected {
            None if direction < 0 => newest,
            None => return None,
            Some(i) => i as i64 + direction,
        };
        if self.selected.is_none() {
            self.draft = Some(input.to_string());
        }
        if next > newest {
            self.selected = None;
            Some(Step::Draft(self.draft.take().unwrap_or_default()))
        } else {
            let index = next.max(0) as usize;
            self.selected = Some(index);
            Some(Step::Entry(index))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_keeps_the_draft_and_down_past_the_newest_gives_it_back() {
        let mut recall = Recall::default();
        assert_eq!(recall.step(1, 3, "1+"), None);
        assert_eq!(recall.step(-1, 3, "1+"), Some(Step::Entry(2)));
        assert_eq!(recall.step(-1, 3, "ignored"), Some(Step::Entry(1)));
        assert_eq!(recall.step(-1, 3, ""), Some(Step::Entry(0)));
        // The oldest stays the oldest.
        assert_eq!(recall.step(-1, 3, ""), Some(Step::Entry(0)));
        assert_eq!(recall.selected(), Some(0));
        recall.step(1, 3, "");
        recall.step(1, 3, "");
        assert_eq!(recall.step(1, 3, ""), Some(Step::Draft("1+".into())));
        assert_eq!(recall.selected(), None);
        assert_eq!(recall.step(-1, 0, ""), None);
    }

    #[test]
    fn editing_ends_the_recall() {
        let mut recall = Recall::default();
        recall.step(-1, 2, "draft");
        recall.end();
        assert_eq!(recall.selected(), None);
        assert_eq!(recall.step(1, 2, ""), None);
        assert_eq!(recall.step(-1, 2, "new"), Some(Step::Entry(1)));
        assert_eq!(recall.step(1, 2, ""), Some(Step::Draft("new".into())));
    }

    #[test]
    fn a_second_click_on_the_same_entry_is_told_apart() {
        let mut recall = Recall::default();
        assert!(!recall.pick(4));
        assert!(recall.pick(4));
        assert!(!recall.pick(3));
        recall.forget_pick();
        assert!(!recall.pick(3));
        assert_eq!(recall.selected(), Some(3));
    }

    #[test]
    fn scrolling_stays_within_the_history_and_reveals_entries() {
        let mut recall = Recall::default();
        recall.scroll_by(-5, 10);
        assert_eq!(recall.scroll(), 0);
        recall.scroll_by(50, 10);
        assert_eq!(recall.scroll(), 9);
        // Entry 8 of 10 is one up from the newest: in view from scroll 0 with 3 rows.
        recall.reveal(8, 10, 3);
        assert_eq!(recall.scroll(), 1);
        recall.reveal(2, 10, 3);
        assert_eq!(recall.scroll(), 5);
        recall.scroll_to_newest();
        assert_eq!(recall.scroll(), 0);
    }
}
