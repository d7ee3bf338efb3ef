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

/// The view open over the calculator, and its scroll.
#[derive(Debug, Default)]
pub struct Overlays {
    open: Option<Overlay>,
    scroll: usize,
    names: NameList,
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
    }

    pub fn close(&mut self) {
        self.open = None;
        self.scroll = 0;
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
