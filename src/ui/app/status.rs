//! The message on the status line, in place of the key hints: one that
//! stays until the next key, or one that clears itself after a while.

use crate::ui::widgets::status_bar::{Status, StatusKind};

#[derive(Debug, Default)]
pub struct StatusLine {
    message: Option<Status>,
}

impl StatusLine {
    pub fn message(&self) -> Option<&Status> {
        self.message.as_ref()
    }

    pub fn is_empty(&self) -> bool {
        self.message.is_none()
    }

    pub fn clear(&mut self) {
        self.message = None;
    }

    /// A message until the next key.
    pub fn say(&mut self, kind: StatusKind, text: String) {
        self.message = Some(Status {
            kind,
            text,
            timed: false,
        });
    }

    /// A message that clears itself a few seconds later (on `expire`).
    pub fn flash(&mut self, kind: StatusKind, text: String) {
        self.message = Some(Status {
            kind,
            text,
            timed: true,
        });
    }

    /// The few seconds are up: a timed message goes, any other stays.
    pub fn expire(&mut self) {
        if self.message.as_ref().is_some_and(|s| s.timed) {
            self.message = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_timed_message_expires() {
        let mut status = StatusLine::default();
        status.say(StatusKind::Warning, "history not saved".into());
        status.expire();
        assert_eq!(status.message().unwrap().text, "history not saved");
        status.flash(StatusKind::Info, "copied".into());
        assert!(status.message().unwrap().timed);
        status.expire();
        assert!(status.is_empty());
        status.say(StatusKind::Info, "x".into());
        status.clear();
        assert_eq!(status.message(), None);
    }
}
