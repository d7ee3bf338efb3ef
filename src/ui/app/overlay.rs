//! The view open over the calculator, if any, and how far it is scrolled.

/// A view drawn over the calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The whole answer, for one too long for the display.
    Answer,
    /// The session's variables and functions.
    Names,
}

/// The session's variables with their values (`x = 5`) and the user's
/// functions (`f(x) = x^2 + 1`), as made when the list was opened.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct NameList {
    pub variables: Vec<String>,
    pub functions: Vec<String>,
}

/// The answer again with more digits than the display's, as the answer
/// view scrolled to its end asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoreDigits {
    pub digits: usize,
    /// As the view shows it: `≈ 3.141 592 …`.
    pub shown: String,
    /// The value alone, plain, for copy.
    pub plain: String,
}

/// The view open over the calculator, and its scroll.
#[derive(Debug, Default)]
pub struct Overlays {
    open: Option<Overlay>,
    scroll: usize,
    names: NameList,
    /// The answer view's longer answer, once asked for.
    more: Option<MoreDigits>,
    /// No more digits can be had (the limit, or an error said so).
    no_more: bool,
}

impl Overlays {
    /// Opens the list of variables and functions, made from the session.
    pub fn show_names(&mut self, names: NameList) {
        self.names = names;
        self.show(Overlay::Names);
    }

    /// The list the names view shows.
    pub fn names(&self) -> &NameList {
        &self.names
    }

    /// The overlay open, if any.
    pub fn open(&self) -> Option<Overlay> {
        self.open
    }

    /// Lines scrolled from the top.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Opens `overlay` at its top.
    pub fn show(&mut self, overlay: Overlay) {
        self.open = Some(overlay);
        self.scroll = 0;
        self.more = None;
        self.no_more = false;
    }

    pub fn close(&mut self) {
        self.show(Overlay::Help);
        self.open = None;
    }

    /// The answer view's answer with more digits, if it has been extended.
    pub fn more(&self) -> Option<&MoreDigits> {
        self.more.as_ref()
    }

    /// Whether more digits may still be asked for.
    pub fn may_extend(&self) -> bool {
        !self.no_more
    }

    /// The answer view goes on with `more`; `last` says no more can come.
    pub fn extend(&mut self, more: Option<MoreDigits>, last: bool) {
        if more.is_some() {
            self.more = more;
        }
        self.no_more |= last;
    }

    /// Scrolls by `lines` (positive: down), no further than `max`.
    pub fn scroll_by(&mut self, lines: i32, max: usize) {
        let scrolled = self.scroll as i64 + i64::from(lines);
        self.scroll = (scrolled.max(0) as usize).min(max);
    }

    /// Keeps the scroll within `max` (after a resize).
    pub fn limit_scroll(&mut self, max: usize) {
        self.scroll = self.scroll.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlay_opens_at_its_top_and_scrolls_within_its_text() {
        let mut overlays = Overlays::default();
        assert_eq!(overlays.open(), None);
        overlays.show(Overlay::Help);
        assert_eq!(overlays.open(), Some(Overlay::Help));
        overlays.scroll_by(-3, 10);
        assert_eq!(overlays.scroll(), 0);
        overlays.scroll_by(25, 10);
        assert_eq!(overlays.scroll(), 10);
        overlays.limit_scroll(4);
        assert_eq!(overlays.scroll(), 4);
        overlays.show(Overlay::Answer);
        assert_eq!(overlays.scroll(), 0);
        overlays.scroll_by(2, 10);
        overlays.close();
        assert_eq!((overlays.open(), overlays.scroll()), (None, 0));
    }
}
