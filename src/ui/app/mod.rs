//! Application state and the one place it changes: `App::update`, which
//! returns what the terminal loop must do (`Effect`) rather than leaving
//! flags for it to poll.

mod keypad_mouse;
mod overlay;
mod paste;
mod readout;
mod recall;
mod status;

pub use keypad_mouse::KeypadMouse;
pub use overlay::{MoreDigits, NameList, Overlay, Overlays};
pub use readout::DisplayContent;
pub use recall::Recall;
pub use status::StatusLine;

use super::keypad::{ButtonEffect, KeypadButton};
use super::layout;
use super::line_editor::LineEditor;
use super::widgets::display::{AnswerKind, InputLine, thousands};
use super::widgets::history_panel::ResultText;
use super::widgets::status_bar::StatusKind;
use crate::eval::{AngleMode, Answer, Exactness, MAX_DIGITS, Session, Settings};
use crate::history::{HistoryEntry, MAX_ENTRIES, restore};
use paste::PasteQueue;
use readout::Readout;
use recall::Step;

/// Everything the user can ask for, from keys, mouse, paste or the clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Text typed at the cursor.
    Insert(String),
    /// Text from a bracketed paste: may hold several lines.
    Paste(String),
    Edit(Edit),
    /// A click in the input at this column of its text.
    ClickInput(usize),
    /// Esc: close an overlay, else clear the input, else the answer.
    Escape,
    Evaluate,
    RecallPrevious,
    RecallNext,
    /// Scroll history by this many entries (positive: towards older ones).
    ScrollHistory(i32),
    /// PgUp (+1) and PgDn (-1): a page of history at a time.
    PageHistory(i32),
    /// Put a history entry's expression, or its result, into the input.
    PickHistory {
        index: usize,
        result: bool,
    },
    /// The mouse is over this key (or none).
    Hover(Option<KeypadButton>),
    /// A mouse button went down on a key.
    Press(KeypadButton),
    /// The mouse button came up over this key (or none). The pressed key
    /// acts only when it is the same, as GUI buttons do.
    Release(Option<KeypadButton>),
    /// Ctrl-C: clears a line with something on it, else quits.
    Interrupt,
    /// F3, or a click on the mode in the status line: DEG ⇄ RAD.
    ToggleAngle,
    /// F4, or a click on REAL/CPLX in the status line: complex mode.
    ToggleComplex,
    ToggleHelp,
    /// Open (or close) the whole answer in a scrollable view.
    ToggleAnswerView,
    /// Open (or close) the list of variables and functions.
    ToggleNames,
    /// Scroll the open overlay by this many lines.
    ScrollOverlay(i32),
    /// Work out more digits of the answer in the answer view.
    MoreDigits,
    CopyAnswer,
    /// A timed status message has been shown long enough.
    ExpireStatus,
    /// A warning from outside the keys (history trouble) for the status line.
    Warn(String),
    /// The terminal's background is light (or not): the palette for it.
    LightBackground(bool),
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
}

/// Line-editing commands, as a shell has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    WordLeft,
    WordRight,
    KillToStart,
    KillToEnd,
    KillWordBack,
}

/// What the terminal loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Send this text to the terminal's clipboard (OSC 52).
    Copy(String),
    /// Append this entry to the history file.
    SaveHistory(HistoryEntry),
    /// Send `ExpireStatus` after a few seconds.
    ExpireStatusLater,
    /// Draw the screen, then send this.
    Then(Action),
    Quit,
}

pub struct App {
    editor: LineEditor,
    history: Vec<HistoryEntry>,
    /// Each history entry's result as its row shows it, made once.
    history_results: Vec<ResultText>,
    recall: Recall,
    readout: Readout,
    /// Pasted lines waiting for the one that failed to be fixed.
    paste: PasteQueue,
    /// Whether `ans` has a value: `to hex` typed first then applies to it.
    has_answer: bool,
    status: StatusLine,
    overlay: Overlays,
    mouse: KeypadMouse,
    settings: Settings,
    /// The angle mode of a recalled line computed in the other mode: that
    /// line, while it is in the input, runs in it; the mode stays.
    line_angle: Option<AngleMode>,
    size: (u16, u16),
    colour: bool,
    /// The terminal's background is light: the palette for it.
    light: bool,
    session: Session,
}

/// The text of an answer as the display and copy show it: `= 42`,
/// `= 1/7 ≈ 0.142857142857143`, `x = 5`.
pub fn answer_text(answer: &Answer) -> String {
    answer_text_with(answer, answer.fraction.as_deref())
}

/// `answer_text` with this exact form, or none (the decimal alone).
fn answer_text_with(answer: &Answer, fraction: Option<&str>) -> String {
    let mut text = String::new();
    if let Some(name) = &answer.assigned {
        text.push_str(name);
        text.push(' ');
    }
    if let Some(fraction) = fraction {
        text.push_str("= ");
        text.push_str(fraction);
        text.push(' ');
    }
    text.push_str(match answer.exactness {
        Exactness::Exact => "= ",
        Exactness::Rounded => "≈ ",
    });
    text.push_str(&answer.text);
    text
}

/// Most digits the answer view asks for in one step, past a doubling:
/// each step computes the value afresh, so a step near the limit stays
/// about a second.
const DIGITS_STEP: usize = 10_000;

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// An operator typed first after an answer continues from it (`+1`).
fn continues_answer(text: &str) -> bool {
    let text = text.trim_start();
    // `->` is `to`: a conversion, which `source` applies to the answer.
    if text.starts_with("->") {
        return false;
    }
    text.starts_with(['+', '-', '*', '/', '×', '÷', '−', '^', '%', '!']) || text.starts_with("mod ")
}

impl App {
    pub fn new(settings: Settings, history: Vec<HistoryEntry>, colour: bool) -> Self {
        // The display shows exact fractions beside their decimals.
        let settings = Settings {
            fractions: true,
            ..settings
        };
        App {
            editor: LineEditor::default(),
            history_results: history.iter().map(ResultText::new).collect(),
            history,
            recall: Recall::default(),
            readout: Readout::default(),
            paste: PasteQueue::default(),
            has_answer: false,
            status: StatusLine::default(),
            overlay: Overlays::default(),
            mouse: KeypadMouse::default(),
            settings,
            line_angle: None,
            size: (0, 0),
            colour,
            light: false,
            session: Session::new(),
        }
    }

    /// Gives `ans` and the variables the values the history left them
    /// (see `history::restore`). Returns what could not be restored.
    pub fn restore_session(&mut self) -> Vec<String> {
        let restored = restore::restore(&mut self.session, &self.settings, &self.history);
        self.has_answer |= restored.has_answer;
        restored.lost
    }

    pub fn input(&self) -> &LineEditor {
        &self.editor
    }
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }
    /// Each history entry's result as its row shows it.
    pub fn history_results(&self) -> &[ResultText] {
        &self.history_results
    }
    /// The history's scroll and the entry recalled or picked.
    pub fn recall(&self) -> &Recall {
        &self.recall
    }
    /// The status line's message.
    pub fn status(&self) -> &StatusLine {
        &self.status
    }
    /// The view open over the calculator, its scroll and what it lists.
    pub fn overlays(&self) -> &Overlays {
        &self.overlay
    }
    /// The keypad key under the mouse, and the one held down.
    pub fn mouse(&self) -> &KeypadMouse {
        &self.mouse
    }
    /// The angle mode (a recalled line may run in the other one: see
    /// `line_angle`).
    pub fn angle(&self) -> AngleMode {
        self.settings.angle
    }

    /// Whether complex mode is on.
    pub fn complex(&self) -> bool {
        self.settings.complex
    }

    /// The settings the input line runs with: its own angle mode, if a
    /// recalled line brought one.
    fn line_settings(&self) -> Settings {
        Settings {
            angle: self.line_angle.unwrap_or(self.settings.angle),
            ..self.settings.clone()
        }
    }
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    pub fn colour(&self) -> bool {
        self.colour
    }
    pub fn light(&self) -> bool {
        self.light
    }

    /// The expression the shown answer belongs to when it stayed after
    /// Enter and nothing new is typed yet.
    pub fn kept_expression(&self) -> Option<&str> {
        match self.readout.kept() {
            Some(kept) if self.editor.is_empty() => Some(&kept.expression),
            _ => None,
        }
    }

    /// The input line as the display shows it: after Enter, the
    /// expression the answer belongs to, dimmed, the cursor at its end.
    pub fn input_line(&self) -> InputLine<'_> {
        if let Some(expression) = self.kept_expression() {
            return InputLine {
                text: expression,
                cursor_column: super::line_editor::text_width(expression),
                entered: true,
                fault: None,
                angle_tag: None,
            };
        }
        InputLine {
            text: self.editor.text(),
            cursor_column: self.editor.cursor_column(),
            entered: false,
            fault: match self.shown() {
                DisplayContent::Error(e) => Some(e.span),
                _ => None,
            },
            angle_tag: self.line_angle.map(super::history::angle_label),
        }
    }

    pub fn shown(&self) -> DisplayContent<'_> {
        self.readout.content(self.editor.text())
    }

    /// The expression the shown answer belongs to.
    pub fn shown_expression(&self) -> &str {
        self.kept_expression().unwrap_or(self.editor.text())
    }

    /// The shown answer's text, if any: what the answer view shows.
    pub fn shown_answer_text(&self) -> Option<String> {
        match self.display_text() {
            Some(layout::DisplayText::Answer(text)) => Some(text),
            _ => None,
        }
    }

    /// A message on the status line until the next key.
    fn say(&mut self, kind: StatusKind, text: String) {
        self.status.say(kind, text);
    }

    /// What the display shows under the input, as text: it decides how
    /// many rows the display takes.
    pub fn display_text(&self) -> Option<layout::DisplayText> {
        match self.shown() {
            DisplayContent::Answer(answer, _) => Some(layout::DisplayText::Answer(
                super::widgets::group_digits(&answer_text(answer)),
            )),
            DisplayContent::Error(error) => {
                Some(layout::DisplayText::Error(format!("error: {error}")))
            }
            DisplayContent::Nothing => None,
        }
    }

    /// What the display shows in its answer area: the whole answer when
    /// it fits; else, when space is short, the decimal alone with its
    /// exponent (`≈ 2.828 427 124 746 19e300`) when that fits, rather than
    /// an exact form cut so that what is left reads as another number.
    /// Otherwise the whole, which the display cuts, saying where and how big.
    pub fn fitted_display_text(&self, width: usize, height: usize) -> Option<layout::DisplayText> {
        let whole = self.display_text()?;
        let fits = |text: &layout::DisplayText| text.rows(width.max(1)).len() <= height;
        if fits(&whole) {
            return Some(whole);
        }
        if let DisplayContent::Answer(answer, _) = self.shown()
            && answer.fraction.is_some()
        {
            let decimal = answer_text_with(answer, None);
            let decimal = layout::DisplayText::Answer(super::widgets::group_digits(&decimal));
            if fits(&decimal) {
                return Some(decimal);
            }
        }
        Some(whole)
    }

    /// Where everything is on the screen now.
    pub fn screen(&self) -> layout::Screen {
        layout::screen(layout::area(self.size))
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.overlay.open().is_some() {
            self.update_overlay(action, &mut effects);
            return effects;
        }
        self.before(&action);
        match action {
            Action::Insert(text) => self.type_text(&text),
            Action::Paste(text) => self.paste(&text, &mut effects),
            Action::Edit(edit) => self.edit(edit),
            Action::ClickInput(column) => self.click_input(column),
            Action::Escape => self.escape(),
            Action::Interrupt => self.interrupt(&mut effects),
            Action::ToggleAngle => self.toggle_angle(),
            Action::ToggleComplex => self.toggle_complex(),
            Action::Evaluate => self.enter(&mut effects),
            Action::RecallPrevious => self.recall_step(-1),
            Action::RecallNext => self.recall_step(1),
            Action::ScrollHistory(entries) => self.scroll_history(i64::from(entries)),
            Action::PageHistory(pages) => self.page_history(pages),
            Action::PickHistory { index, result } => self.pick_history(index, result),
            Action::Hover(button) => self.mouse.hover(button),
            Action::Press(button) => self.mouse.press(button),
            Action::Release(over) => {
                if let Some(button) = self.mouse.release(over) {
                    self.press(button, &mut effects);
                }
            }
            Action::ToggleHelp => self.overlay.show(Overlay::Help),
            Action::ToggleNames => self.show_names(),
            Action::ToggleAnswerView => {
                if self.shown_answer_text().is_some() {
                    self.overlay.show(Overlay::Answer);
                }
            }
            Action::ScrollOverlay(_) | Action::MoreDigits => {}
            Action::CopyAnswer => self.copy(&mut effects),
            Action::ExpireStatus => self.status.expire(),
            Action::Warn(text) => self.say(StatusKind::Warning, text),
            Action::LightBackground(light) => self.light = light,
            Action::Resize { width, height } => self.size = (width, height),
            Action::Quit => effects.push(Effect::Quit),
        }
        self.say_waiting();
        effects
    }

    /// What every action does first: a key clears the status message (the
    /// mouse moving, the clock and scrolling do not), and anything but a
    /// click makes the next click a first one.
    fn before(&mut self, action: &Action) {
        let keeps_status = matches!(
            action,
            Action::Resize { .. }
                | Action::LightBackground(_)
                | Action::ExpireStatus
                | Action::Hover(_)
                | Action::Press(_)
                | Action::Release(None)
                | Action::ScrollHistory(_)
                | Action::PageHistory(_)
        );
        if !keeps_status {
            self.status.clear();
        }
        if !matches!(
            action,
            Action::PickHistory { .. } | Action::Release(_) | Action::Warn(_)
        ) {
            self.recall.forget_pick();
        }
    }

    /// A click in the input; after Enter it opens the expression again.
    fn click_input(&mut self, column: usize) {
        if self.editor.is_empty()
            && let Some(kept) = self.readout.take_kept()
        {
            self.editor.set(kept.expression);
            self.refresh_preview();
        }
        self.editor.set_cursor_column(column);
    }

    /// Esc: drops waiting pasted lines with the failed one, else clears
    /// the input, else the answer.
    fn escape(&mut self) {
        if !self.paste.is_empty() {
            self.set_input(String::new());
            let dropped = self.paste.drop_all();
            self.say(
                StatusKind::Info,
                format!("{dropped} pasted line{} dropped", plural(dropped)),
            );
        } else if !self.editor.is_empty() {
            self.set_input(String::new());
        } else {
            self.readout.drop_kept();
        }
    }

    /// Ctrl-C clears what is on screen first, an answer as typed text;
    /// only on an empty screen does it quit.
    fn interrupt(&mut self, effects: &mut Vec<Effect>) {
        if self.editor.is_empty() && self.readout.kept().is_none() {
            effects.push(Effect::Quit);
        } else {
            self.set_input(String::new());
            self.readout.drop_kept();
            self.say(StatusKind::Info, "Ctrl-C again to quit".into());
        }
    }

    /// Enter: evaluates the line, then any pasted lines waiting after it.
    fn enter(&mut self, effects: &mut Vec<Effect>) {
        if self.evaluate(effects) && !self.paste.is_empty() {
            self.run_queue(false, effects);
        }
    }

    /// PgUp/PgDn: a panel's height of entries at a time.
    fn page_history(&mut self, pages: i32) {
        let page = self
            .screen()
            .history
            .map_or(1, |h| layout::history_rows(h).height.max(1));
        self.scroll_history(i64::from(pages) * i64::from(page));
    }

    /// While an overlay is open, keys go to it, never to the hidden input.
    fn update_overlay(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::ToggleAngle => self.toggle_angle(),
            Action::ToggleComplex => self.toggle_complex(),
            // Esc and Ctrl-C close the overlay before anything else.
            Action::Escape
            | Action::Interrupt
            | Action::ToggleHelp
            | Action::ToggleAnswerView
            | Action::ToggleNames => {
                self.overlay.close();
            }
            Action::ScrollOverlay(lines) => {
                let max = self.max_overlay_scroll();
                self.overlay.scroll_by(lines, max);
                // Scrolled on at the end of the answer: more digits.
                if lines > 0
                    && self.overlay.open() == Some(Overlay::Answer)
                    && self.overlay.scroll() == max
                {
                    self.more_digits(false, effects);
                }
            }
            Action::MoreDigits => self.more_digits(true, effects),
            Action::Resize { width, height } => {
                self.size = (width, height);
                let max = self.max_overlay_scroll();
                self.overlay.limit_scroll(max);
            }
            Action::CopyAnswer => self.copy(effects),
            Action::ExpireStatus => self.status.expire(),
            Action::Warn(text) => self.say(StatusKind::Warning, text),
            Action::LightBackground(light) => self.light = light,
            Action::Quit => effects.push(Effect::Quit),
            _ => {}
        }
    }

    fn max_overlay_scroll(&self) -> usize {
        let area = layout::area(self.size);
        let full = self.overlay.open() == Some(Overlay::Answer);
        let width = layout::overlay_text_width(area, full);
        let lines = match self.overlay.open() {
            None => 0,
            Some(Overlay::Help) => layout::help_height(width),
            Some(Overlay::Answer) => layout::answer_lines(
                self.shown_expression(),
                &self.answer_view_text().unwrap_or_default(),
                width.into(),
            )
            .len(),
            Some(Overlay::Names) => {
                let names = self.overlay.names();
                layout::names_lines(&names.variables, &names.functions, width.into()).len()
            }
        };
        lines.saturating_sub(layout::overlay_text(area, lines, full).height.into())
    }

    /// Opens the list of the session's variables, each with its value as
    /// the display would show it, and the user's functions. Made now, not
    /// while drawing: a value is computed once.
    fn show_names(&mut self) {
        let names: Vec<String> = self
            .session
            .variable_names()
            .into_iter()
            .map(String::from)
            .collect();
        let variables = names
            .into_iter()
            .map(|mut name| {
                // (A variable has a value: a failure leaves the name alone.)
                if let Ok(answer) = self.session.preview(&name, &self.settings) {
                    name.push(' ');
                    name.push_str(&super::widgets::group_digits(&answer_text(&answer)));
                }
                name
            })
            .collect();
        let functions = self.session.function_definitions();
        self.overlay.show_names(NameList {
            variables,
            functions,
        });
    }

    /// The answer the answer view shows: with the digits scrolling to its
    /// end asked for, else as the display has it.
    pub fn answer_view_text(&self) -> Option<String> {
        match self.overlay.more() {
            Some(more) => Some(more.shown.clone()),
            None => self.shown_answer_text(),
        }
    }

    /// The answer view scrolled to its end: the answer again with twice
    /// the digits (at most `DIGITS_STEP` more, up to `--digits`' limit),
    /// each proven as the first ones are, from the same value: the live
    /// line, or `ans` for the answer kept after Enter (which holds its
    /// derivation, so it is not the line run again after `ans` moved on).
    ///
    /// First (`now` false) the view's title says what is being worked
    /// out, and the loop draws that before it sends `MoreDigits`, which
    /// computes: a step of many digits takes a while.
    fn more_digits(&mut self, now: bool, effects: &mut Vec<Effect>) {
        if !self.overlay.may_extend() {
            return;
        }
        let (expression, assigned) = match self.shown() {
            DisplayContent::Answer(answer, kind) if answer.exactness == Exactness::Rounded => {
                let expression = match kind {
                    AnswerKind::Entered => "ans".to_string(),
                    AnswerKind::Live => self.editor.text().to_string(),
                    AnswerKind::Stale => return,
                };
                (expression, answer.assigned.clone())
            }
            _ => return,
        };
        let digits = self
            .overlay
            .more()
            .map_or(self.settings.digits, |m| m.digits);
        let next = (digits * 2).min(digits + DIGITS_STEP).min(MAX_DIGITS);
        if next <= digits {
            self.overlay.extend(None, true);
            return;
        }
        if !now {
            let note = format!("working out {} digits", thousands(next));
            self.flash(StatusKind::Info, note, effects);
            effects.push(Effect::Then(Action::MoreDigits));
            return;
        }
        self.status.clear();
        let settings = Settings {
            digits: next,
            ..self.line_settings()
        };
        match self.session.preview(&expression, &settings) {
            Ok(mut answer) => {
                answer.assigned = assigned;
                let more = MoreDigits {
                    digits: next,
                    shown: super::widgets::group_digits(&answer_text(&answer)),
                    plain: answer.text,
                };
                self.overlay.extend(Some(more), next >= MAX_DIGITS);
            }
            Err(error) => {
                self.overlay.extend(None, true);
                self.flash(
                    StatusKind::Warning,
                    format!("no more digits: {error}"),
                    effects,
                );
            }
        }
    }

    fn type_text(&mut self, text: &str) {
        self.continue_answer(text);
        // `-` went on from the answer (`ans-`); with `>` it is `->`, a
        // conversion of the answer, spaced as one: `ans -> bin`.
        if text.starts_with('>') && self.editor.text() == "ans-" {
            self.editor.set(String::from("ans -"));
        }
        self.editor.insert(text);
        self.after_edit();
    }

    /// Typing on an empty line after an answer: an operator first goes on
    /// from the answer (`ans+`); anything else starts afresh.
    fn continue_answer(&mut self, text: &str) {
        if self.editor.is_empty() && self.readout.kept().is_some() {
            if continues_answer(text) {
                self.editor.insert("ans");
            } else {
                // A new expression starts: the old answer goes.
                self.readout.drop_kept();
            }
        }
    }

    fn edit(&mut self, edit: Edit) {
        // After Enter the expression is still there to edit: a key that
        // moves or erases in it opens it again, the cursor at its end.
        if self.editor.is_empty()
            && matches!(
                edit,
                Edit::Backspace
                    | Edit::Left
                    | Edit::Home
                    | Edit::End
                    | Edit::WordLeft
                    | Edit::KillWordBack
            )
            && let Some(kept) = self.readout.take_kept()
        {
            self.editor.set(kept.expression);
        }
        let e = &mut self.editor;
        match edit {
            Edit::Backspace => e.backspace(),
            Edit::Delete => e.delete(),
            Edit::Left => e.left(),
            Edit::Right => e.right(),
            Edit::Home => e.home(),
            Edit::End => e.end(),
            Edit::WordLeft => e.word_left(),
            Edit::WordRight => e.word_right(),
            Edit::KillToStart => e.kill_to_start(),
            Edit::KillToEnd => e.kill_to_end(),
            Edit::KillWordBack => e.kill_word_back(),
        }
        if !matches!(
            edit,
            Edit::Left | Edit::Right | Edit::Home | Edit::End | Edit::WordLeft | Edit::WordRight
        ) {
            self.after_edit();
        }
    }

    /// The input changed by hand: recall ends, the preview follows.
    fn after_edit(&mut self) {
        self.recall.end();
        self.refresh_preview();
    }

    fn press(&mut self, button: KeypadButton, effects: &mut Vec<Effect>) {
        match button.effect() {
            ButtonEffect::Insert(text) => self.type_text(text),
            ButtonEffect::Evaluate => {
                self.evaluate(effects);
            }
            ButtonEffect::Clear => {
                self.update(Action::Escape);
            }
            ButtonEffect::Backspace => self.edit(Edit::Backspace),
            ButtonEffect::Negate => {
                let input = self.editor.text();
                let negated = match input.strip_prefix("-(").and_then(|s| s.strip_suffix(')')) {
                    Some(inner) => inner.to_string(),
                    None if input.is_empty() && self.readout.kept().is_some() => "-ans".into(),
                    None if input.is_empty() => "-".into(),
                    None => format!("-({input})"),
                };
                self.set_input(negated);
            }
            ButtonEffect::ToggleAngle => self.toggle_angle(),
        }
    }

    /// F3 switches from the mode the line runs in, and the line's own
    /// mode gives way to it.
    fn toggle_angle(&mut self) {
        let current = self.line_angle.take().unwrap_or(self.settings.angle);
        self.set_angle(match current {
            AngleMode::Radians => AngleMode::Degrees,
            AngleMode::Degrees => AngleMode::Radians,
        });
    }

    /// F4: real functions outside their domain give complex values, or
    /// domain errors again.
    fn toggle_complex(&mut self) {
        self.settings.complex = !self.settings.complex;
        self.refresh_preview();
    }

    fn set_angle(&mut self, angle: AngleMode) {
        self.settings.angle = angle;
        self.refresh_preview();
    }

    fn set_input(&mut self, text: String) {
        self.editor.set(text);
        self.refresh_preview();
    }

    fn refresh_preview(&mut self) {
        if self.editor.text().trim().is_empty() {
            // A recalled line's mode goes with the line.
            self.line_angle = None;
            self.readout.clear_preview();
            return;
        }
        let source = self.source(self.editor.text());
        let settings = self.line_settings();
        let mut preview = self.session.preview(&source, &settings);
        // A span into `ans to hex` points past the `ans ` added.
        let added = source.len() - self.editor.text().len();
        if let Err(error) = &mut preview
            && added > 0
        {
            let back = |at: usize| at.saturating_sub(added);
            error.span = crate::eval::Span::new(back(error.span.start), back(error.span.end));
        }
        self.readout.show_preview(preview);
    }

    /// What the evaluator gets for the input: a conversion typed first
    /// after an answer (`to hex`) applies to the answer.
    fn source(&self, input: &str) -> String {
        let text = input.trim_start();
        let conversion = text == "to" || text.starts_with("to ") || text.starts_with("->");
        if conversion && self.has_answer {
            format!("ans {text}")
        } else {
            input.to_string()
        }
    }

    /// Enter. Returns whether the line evaluated.
    fn evaluate(&mut self, effects: &mut Vec<Effect>) -> bool {
        let typed = self.editor.text().trim().to_string();
        if typed.is_empty() {
            // Nothing typed: `=` repeats nothing; the answer stays as it is.
            return false;
        }
        let expression = self.source(&typed);
        let settings = self.line_settings();
        match self.session.evaluate(&expression, &settings) {
            Ok(answer) => {
                self.has_answer = true;
                // The evaluator knows whether it read the mode.
                let angle = answer.reads_angle.then_some(settings.angle);
                let entry = HistoryEntry {
                    expression: expression.clone(),
                    result: answer.text.clone(),
                    approximate: answer.exactness == Exactness::Rounded,
                    angle,
                    fraction: answer.fraction.clone(),
                    assigned: answer.assigned.clone(),
                    complex: answer.complex_mode,
                };
                self.history_results.push(ResultText::new(&entry));
                self.history.push(entry.clone());
                let excess = self.history.len().saturating_sub(MAX_ENTRIES);
                self.history.drain(..excess);
                self.history_results.drain(..excess);
                effects.push(Effect::SaveHistory(entry));
                self.recall.scroll_to_newest();
                self.readout.keep(expression, answer);
                self.set_input(String::new());
                self.after_edit();
                true
            }
            Err(mut error) => {
                // The error shows once, in the display, and the fault is
                // marked in the line. The cursor goes to the line's end, so
                // what is typed next goes where the user sees it going
                // (a cursor left at the fault spliced new text into the
                // old line). The span counts from the trimmed text (less
                // any `ans ` put before a conversion): back to the input's bytes.
                let leading = self.editor.text().len() - self.editor.text().trim_start().len();
                let added = expression.len() - typed.len();
                let shift = |at: usize| (at + leading).saturating_sub(added);
                error.span = crate::eval::Span::new(shift(error.span.start), shift(error.span.end));
                self.editor.end();
                self.readout.show_entered_error(error);
                false
            }
        }
    }

    /// Several pasted lines are evaluated in order, each once, as if typed
    /// and followed by Enter; a last line without a newline stays in the
    /// input. A line that fails stays in the input with its error, and the
    /// lines after it wait until it is fixed (Enter) or dropped (Esc).
    fn paste(&mut self, text: &str, effects: &mut Vec<Effect>) {
        let lines = match paste::split(text) {
            Ok(lines) => lines,
            Err(refused) => return self.flash(StatusKind::Error, refused.into(), effects),
        };
        if let [only] = lines.as_slice() {
            self.type_text(only);
            return;
        }
        self.paste.fill(lines);
        self.run_queue(true, effects);
    }

    /// Evaluates queued pasted lines in order until one fails; the last
    /// one (text after the final newline) is only typed.
    fn run_queue(&mut self, first_typed: bool, effects: &mut Vec<Effect>) {
        let mut typed_first = first_typed;
        while let Some(line) = self.paste.next_line() {
            if typed_first {
                self.continue_answer(&line);
                self.editor.insert(&line);
                typed_first = false;
            } else {
                self.editor.set(line);
            }
            self.recall.end();
            if !self.evaluate(effects) && !self.editor.text().trim().is_empty() {
                if self.paste.waiting() == 0 {
                    self.paste.clear();
                }
                return;
            }
        }
        let last = self.paste.take_last();
        if !last.is_empty() {
            self.type_text(&last);
        }
    }

    /// While pasted lines wait, the status line says so, whatever was
    /// typed since: editing the failed line does not make them go away.
    fn say_waiting(&mut self) {
        if self.status.is_empty()
            && let Some(message) = self.paste.waiting_message()
        {
            self.say(StatusKind::Warning, message);
        }
    }

    fn copy(&mut self, effects: &mut Vec<Effect>) {
        // The answer view copies the digits it has, more than shown maybe.
        let more = match self.overlay.open() {
            Some(Overlay::Answer) => self.overlay.more().map(|m| m.plain.clone()),
            _ => None,
        };
        match self.shown() {
            DisplayContent::Answer(answer, _) => {
                let text = more.unwrap_or_else(|| answer.text.clone());
                let what = match text.chars().filter(char::is_ascii_digit).count() {
                    digits if text.len() > 24 => {
                        format!("{} digits", super::widgets::display::thousands(digits))
                    }
                    _ => text.clone(),
                };
                let sent = format!("sent {what} to the terminal's clipboard");
                effects.push(Effect::Copy(text));
                self.flash(StatusKind::Info, sent, effects);
            }
            _ => self.flash(StatusKind::Info, "no answer to copy".into(), effects),
        }
    }

    /// A status message that clears itself after a few seconds.
    fn flash(&mut self, kind: StatusKind, text: String, effects: &mut Vec<Effect>) {
        self.status.flash(kind, text);
        effects.push(Effect::ExpireStatusLater);
    }

    fn scroll_history(&mut self, entries: i64) {
        self.recall.scroll_by(entries, self.history.len());
    }

    /// Scrolls so that entry `index` is on screen.
    fn reveal(&mut self, index: usize) {
        let rows = self
            .screen()
            .history
            .map_or(1, |h| layout::history_rows(h).height.max(1) as usize);
        self.recall.reveal(index, self.history.len(), rows);
    }

    fn pick_history(&mut self, index: usize, result: bool) {
        let Some(entry) = self.history.get(index) else {
            return;
        };
        let second_click = self.recall.pick(index);
        let text = if result || second_click {
            entry.result.clone()
        } else {
            entry.expression.clone()
        };
        self.line_angle = self.other_angle(entry.angle);
        self.set_input(text);
    }

    /// A recalled entry computed in the other angle mode runs in that
    /// mode, as a tag on the line only: it gives the value it gave then,
    /// and the mode in force stays as it is.
    fn other_angle(&self, angle: Option<AngleMode>) -> Option<AngleMode> {
        angle.filter(|a| *a != self.settings.angle)
    }

    fn recall_step(&mut self, direction: i64) {
        match self
            .recall
            .step(direction, self.history.len(), self.editor.text())
        {
            None => {}
            Some(Step::Draft(draft)) => {
                self.line_angle = None;
                self.set_input(draft);
            }
            Some(Step::Entry(index)) => {
                self.line_angle = self.other_angle(self.history[index].angle);
                self.set_input(self.history[index].expression.clone());
                self.reveal(index);
            }
        }
    }
}

/// A fresh app on a 100×30 screen, for the ui's unit tests.
#[cfg(test)]
pub(crate) fn test_app() -> App {
    let mut app = App::new(Settings::default(), Vec::new(), true);
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    app
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::widgets::display::AnswerKind;

    fn app() -> App {
        test_app()
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Insert(c.to_string()));
        }
    }

    fn shown_text(app: &App) -> String {
        match app.shown() {
            DisplayContent::Answer(a, _) => answer_text(a),
            DisplayContent::Error(e) => format!("error: {e}"),
            DisplayContent::Nothing => String::new(),
        }
    }

    fn enter(app: &mut App, text: &str) -> Vec<Effect> {
        typed(app, text);
        app.update(Action::Evaluate)
    }

    #[test]
    fn typing_updates_the_preview_and_enter_records_history() {
        let mut app = app();
        typed(&mut app, "0.1+0.2");
        assert_eq!(shown_text(&app), "= 0.3");
        let effects = app.update(Action::Evaluate);
        let entry = HistoryEntry {
            expression: "0.1+0.2".into(),
            result: "0.3".into(),
            approximate: false,
            ..HistoryEntry::default()
        };
        assert_eq!(effects, vec![Effect::SaveHistory(entry.clone())]);
        assert_eq!(app.input().text(), "");
        assert_eq!(app.history(), &[entry]);
        enter(&mut app, "1/3");
        assert!(app.history()[1].approximate);
    }

    #[test]
    fn the_answer_stays_after_enter_until_a_new_expression_starts() {
        let mut app = app();
        enter(&mut app, "6*7");
        assert_eq!(shown_text(&app), "= 42");
        assert_eq!(app.kept_expression(), Some("6*7"));
        typed(&mut app, "2");
        assert_eq!(shown_text(&app), "= 2");
        app.update(Action::Edit(Edit::Backspace));
        assert_eq!(shown_text(&app), "");
    }

    #[test]
    fn an_operator_first_continues_from_the_answer() {
        let mut app = app();
        enter(&mut app, "6*7");
        enter(&mut app, "+1");
        assert_eq!(app.history()[1].expression, "ans+1");
        assert_eq!(shown_text(&app), "= 43");
        enter(&mut app, "×2");
        assert_eq!(shown_text(&app), "= 86");
        // A digit, a name or a bracket starts afresh.
        enter(&mut app, "5");
        assert_eq!(app.history()[3].expression, "5");
        enter(&mut app, "(1)");
        assert_eq!(app.history()[4].expression, "(1)");
    }

    #[test]
    fn equals_with_nothing_typed_changes_nothing() {
        let mut app = app();
        enter(&mut app, "6*7");
        app.update(Action::Press(KeypadButton::Equals));
        let effects = app.update(Action::Release(Some(KeypadButton::Equals)));
        assert!(effects.is_empty());
        assert_eq!(app.history().len(), 1);
        assert_eq!(shown_text(&app), "= 42");
    }

    #[test]
    fn exact_fractions_show_beside_their_decimals() {
        let mut app = app();
        typed(&mut app, "1/7");
        assert_eq!(shown_text(&app), "= 1/7 ≈ 0.142857142857143");
        app.update(Action::Escape);
        typed(&mut app, "0.25");
        assert_eq!(shown_text(&app), "= 0.25");
        app.update(Action::Escape);
        typed(&mut app, "sqrt(2)");
        assert_eq!(shown_text(&app), "= √2 ≈ 1.4142135623731");
        app.update(Action::Escape);
        typed(&mut app, "sqrt(8)");
        assert_eq!(shown_text(&app), "= 2√2 ≈ 2.82842712474619");
        app.update(Action::Escape);
        typed(&mut app, "ln(2)");
        assert_eq!(shown_text(&app), "≈ 0.693147180559945");
    }

    #[test]
    fn enter_on_an_error_marks_the_fault_and_leaves_the_cursor_at_the_end() {
        let mut app = app();
        typed(&mut app, "1+sine(2)");
        app.update(Action::Edit(Edit::Home));
        let effects = app.update(Action::Evaluate);
        assert!(effects.is_empty());
        assert_eq!(app.input().text(), "1+sine(2)");
        assert_eq!(app.input().cursor(), 9);
        assert_eq!(app.input_line().fault, Some(crate::eval::Span::new(2, 6)));
        assert!(matches!(app.shown(), DisplayContent::Error(_)));
        assert_eq!(
            app.status().message(),
            None,
            "the error is shown once, in the display"
        );
        assert!(app.history().is_empty());
    }

    #[test]
    fn keypad_keys_act_on_release_over_the_same_key() {
        let mut app = app();
        let click = |app: &mut App, b| {
            app.update(Action::Press(b));
            app.update(Action::Release(Some(b)))
        };
        for b in [
            KeypadButton::Digit(6),
            KeypadButton::Times,
            KeypadButton::Digit(7),
        ] {
            click(&mut app, b);
        }
        assert_eq!(app.input().text(), "6*7");
        // Press, drag away, release elsewhere: nothing.
        app.update(Action::Press(KeypadButton::Digit(1)));
        assert_eq!(app.mouse().pressed(), Some(KeypadButton::Digit(1)));
        app.update(Action::Release(Some(KeypadButton::Digit(2))));
        app.update(Action::Press(KeypadButton::Digit(1)));
        app.update(Action::Release(None));
        assert_eq!(app.input().text(), "6*7");
        assert_eq!(app.mouse().pressed(), None);
        click(&mut app, KeypadButton::Equals);
        assert_eq!(app.history().last().unwrap().result, "42");
        click(&mut app, KeypadButton::Sqrt);
        click(&mut app, KeypadButton::Ans);
        assert_eq!(app.input().text(), "sqrt(ans");
        assert_eq!(shown_text(&app), "= √42 ≈ 6.48074069840786");
        click(&mut app, KeypadButton::Negate);
        assert_eq!(app.input().text(), "-(sqrt(ans)");
        click(&mut app, KeypadButton::Negate);
        assert_eq!(app.input().text(), "sqrt(ans");
        click(&mut app, KeypadButton::Clear);
        assert_eq!(app.input().text(), "");
    }

    #[test]
    fn angle_toggle_changes_trigonometry() {
        let mut app = app();
        typed(&mut app, "sin(30)");
        app.update(Action::Press(KeypadButton::AngleMode));
        app.update(Action::Release(Some(KeypadButton::AngleMode)));
        assert_eq!(app.angle(), AngleMode::Degrees);
        assert_eq!(shown_text(&app), "= 0.5");
        // A variable keeps the mode it was made in: using it does not depend on it.
        app.update(Action::Escape);
        enter(&mut app, "y = sin(45)^2");
        app.update(Action::ToggleAngle);
        enter(&mut app, "y*2");
        let last = app.history().last().unwrap();
        assert_eq!((last.result.as_str(), last.angle), ("1", None));
    }

    #[test]
    fn a_new_session_gets_back_ans_and_the_variables() {
        let entry =
            |expression: &str, result: &str, approximate, assigned: Option<&str>| HistoryEntry {
                expression: expression.into(),
                result: result.into(),
                approximate,
                assigned: assigned.map(str::to_string),
                ..HistoryEntry::default()
            };
        let history = vec![
            entry("x = 3", "3", false, Some("x")),
            entry("y = 1/3", "0.333333333333333", true, Some("y")),
            entry("r = sqrt(2)", "1.4142135623731", true, Some("r")),
            entry("z = 5", "this is not what 5 gives", true, Some("z")),
            entry("x^2", "9", false, None),
        ];
        let mut history = history;
        history[1].fraction = Some("1/3".into());
        let mut app = App::new(Settings::default(), history, true);
        assert_eq!(app.restore_session(), ["z"]);
        typed(&mut app, "ans+x");
        assert_eq!(shown_text(&app), "= 12");
        app.update(Action::Escape);
        typed(&mut app, "3*y");
        assert_eq!(shown_text(&app), "= 1");
        app.update(Action::Escape);
        typed(&mut app, "r^2");
        assert_eq!(shown_text(&app), "= 2");
        app.update(Action::Escape);
        typed(&mut app, "to hex");
        assert_eq!(shown_text(&app), "= 0x9");
    }

    #[test]
    fn ctrl_c_clears_a_line_and_quits_from_an_empty_one() {
        let mut app = app();
        typed(&mut app, "123+4");
        assert!(app.update(Action::Interrupt).is_empty());
        assert_eq!(app.input().text(), "");
        assert!(
            app.status()
                .message()
                .unwrap()
                .text
                .contains("Ctrl-C again to quit")
        );
        assert_eq!(app.update(Action::Interrupt), vec![Effect::Quit]);
    }

    #[test]
    fn ctrl_c_right_after_enter_clears_the_answer_first() {
        let mut app = app();
        enter(&mut app, "6*7");
        assert!(app.update(Action::Interrupt).is_empty());
        assert_eq!(app.shown(), DisplayContent::Nothing);
        assert_eq!(app.kept_expression(), None);
        assert_eq!(app.update(Action::Interrupt), vec![Effect::Quit]);
    }

    #[test]
    fn esc_and_ctrl_c_close_help_and_the_answer_view_first() {
        let mut app = app();
        typed(&mut app, "2^5000");
        for close in [Action::Escape, Action::Interrupt] {
            for open in [Action::ToggleHelp, Action::ToggleAnswerView] {
                app.update(open);
                assert!(app.overlays().open().is_some());
                assert!(app.update(close.clone()).is_empty());
                assert_eq!(app.overlays().open(), None);
                assert_eq!(app.input().text(), "2^5000");
            }
        }
    }

    #[test]
    fn an_unfinished_line_is_quiet_and_a_wrong_one_is_not() {
        let mut app = app();
        typed(&mut app, "12*(3+");
        // The last preview that worked, dimmed; no error.
        assert!(matches!(
            app.shown(),
            DisplayContent::Answer(_, AnswerKind::Stale)
        ));
        assert_eq!(shown_text(&app), "= 36");
        app.update(Action::Escape);
        typed(&mut app, "sqrt(");
        assert_eq!(app.shown(), DisplayContent::Nothing);
        app.update(Action::Escape);
        typed(&mut app, "2+*3");
        assert!(matches!(app.shown(), DisplayContent::Error(_)));
        // Half-typed names, calls, conversions and assignments are quiet.
        for line in [
            "sq",
            "sqrt",
            "rate = ",
            "atan2(1",
            "255 to",
            "60 mph to km/",
            "178 cm to ft +",
            "10 mo",
        ] {
            app.update(Action::Escape);
            typed(&mut app, line);
            assert!(
                !matches!(app.shown(), DisplayContent::Error(_)),
                "{line}: {}",
                shown_text(&app)
            );
            // Enter still says what is missing.
            app.update(Action::Evaluate);
            assert!(matches!(app.shown(), DisplayContent::Error(_)), "{line}");
        }
        // A name that nothing starts with is an error at once.
        app.update(Action::Escape);
        typed(&mut app, "2*qqq");
        assert!(matches!(app.shown(), DisplayContent::Error(_)));
        // After Enter an unfinished line is an error like any other.
        app.update(Action::Escape);
        typed(&mut app, "2+");
        app.update(Action::Evaluate);
        assert!(matches!(app.shown(), DisplayContent::Error(_)));
    }

    #[test]
    fn after_enter_backspace_left_and_end_reopen_the_expression() {
        let mut app = app();
        enter(&mut app, "6*7");
        assert_eq!(app.input_line().text, "6*7");
        assert_eq!(app.input_line().cursor_column, 3);
        app.update(Action::Edit(Edit::Backspace));
        assert_eq!(app.input().text(), "6*");
        app.update(Action::Evaluate);
        app.update(Action::Edit(Edit::Left));
        assert_eq!((app.input().text(), app.input().cursor()), ("6*", 1));
    }

    #[test]
    fn the_fault_is_underlined_where_it_is_after_leading_spaces() {
        let mut app = app();
        typed(&mut app, "  1+sine(2)");
        app.update(Action::Evaluate);
        let fault = app.input_line().fault.unwrap();
        assert_eq!(&app.input().text()[fault.start..fault.end], "sine");
        assert_eq!(app.input().cursor(), 11);
        app.update(Action::Escape);
        enter(&mut app, "7");
        typed(&mut app, " to hexx");
        let fault = app.input_line().fault.unwrap();
        assert_eq!(&app.input().text()[fault.start..fault.end], "hexx");
        app.update(Action::Evaluate);
        let fault = app.input_line().fault.unwrap();
        assert_eq!(&app.input().text()[fault.start..fault.end], "hexx");
    }

    #[test]
    fn a_conversion_first_applies_to_the_answer() {
        let mut app = app();
        enter(&mut app, "255");
        enter(&mut app, "to hex");
        assert_eq!(shown_text(&app), "= 0xff");
        assert_eq!(app.history()[1].expression, "ans to hex");
        // `->` typed key by key, or pasted, reads as `to`, spaced.
        enter(&mut app, "255");
        enter(&mut app, "-> bin");
        assert_eq!(app.history()[3].expression, "ans -> bin");
        assert_eq!(shown_text(&app), "= 0b11111111");
        app.update(Action::Paste("-> oct".into()));
        app.update(Action::Evaluate);
        assert_eq!(app.history()[4].expression, "ans -> oct");
        // With no answer yet it is the evaluator's to judge.
        let mut fresh = self::app();
        enter(&mut fresh, "to hex");
        assert!(matches!(fresh.shown(), DisplayContent::Error(_)));
    }

    #[test]
    fn complex_mode_is_switched_recorded_and_restored() {
        let mut app = app();
        typed(&mut app, "sqrt(-4)");
        assert!(matches!(app.shown(), DisplayContent::Error(_)));
        app.update(Action::Escape);
        app.update(Action::ToggleComplex);
        assert!(app.complex());
        enter(&mut app, "sqrt(-4)");
        assert_eq!(shown_text(&app), "= 2i");
        enter(&mut app, "z = (-2)^(1/3)");
        enter(&mut app, "1+1");
        let history = app.history().to_vec();
        assert!(history[0].complex && history[1].complex);
        assert!(!history[2].complex);
        // Saved with its mode, and replayed in it by a new session in real
        // mode: z is the principal cube root, not the real one.
        let line = crate::history::encode(&history[1]);
        assert!(line.trim_end().ends_with("name=z mode=complex"), "{line}");
        let read = crate::history::decode(line.trim_end()).unwrap();
        assert_eq!(read, history[1]);
        let mut restarted = App::new(Settings::default(), vec![read], false);
        assert_eq!(restarted.restore_session(), Vec::<String>::new());
        assert!(!restarted.complex());
        enter(&mut restarted, "re(z)");
        assert_eq!(shown_text(&restarted), "= ∛2/2 ≈ 0.629960524947437");
        enter(&mut restarted, "im(z)");
        assert_eq!(shown_text(&restarted), "≈ 1.09112363597172");
        app.update(Action::ToggleComplex);
        assert!(!app.complex());
    }

    #[test]
    fn angle_mode_is_recorded_and_recalled() {
        let mut app = app();
        app.update(Action::ToggleAngle);
        enter(&mut app, "sin(30)");
        enter(&mut app, "1+1");
        assert_eq!(app.history()[0].angle, Some(AngleMode::Degrees));
        assert_eq!(app.history()[1].angle, None);
        app.update(Action::ToggleAngle);
        assert_eq!(app.angle(), AngleMode::Radians);
        app.update(Action::RecallPrevious);
        app.update(Action::RecallPrevious);
        // The recalled line runs in its mode; the mode stays.
        assert_eq!(app.angle(), AngleMode::Radians);
        assert_eq!(app.input_line().angle_tag, Some("DEG"));
        assert_eq!(shown_text(&app), "= 0.5");
        // Stepping past it and back to the draft leaves the mode alone.
        app.update(Action::RecallNext);
        app.update(Action::RecallNext);
        assert_eq!(app.input_line().angle_tag, None);
        typed(&mut app, "sin(30)");
        assert_ne!(shown_text(&app), "= 0.5");
        app.update(Action::Escape);
        // Saved with their mode: each read it.
        app.update(Action::ToggleAngle);
        for line in ["180°", "30 to rad", "acos(0) to deg"] {
            enter(&mut app, line);
            assert_eq!(
                app.history().last().unwrap().angle,
                Some(AngleMode::Degrees)
            );
        }
        enter(&mut app, "sin(30°)");
        assert_eq!(app.history().last().unwrap().angle, None);
        // A variable keeps the mode it was made in: using it does not depend on it.
        app.update(Action::Escape);
        enter(&mut app, "y = sin(45)^2");
        app.update(Action::ToggleAngle);
        enter(&mut app, "y*2");
        let last = app.history().last().unwrap();
        assert_eq!((last.result.as_str(), last.angle), ("1", None));
    }

    #[test]
    fn a_paste_ending_in_a_newline_keeps_its_last_answer() {
        let mut app = app();
        app.update(Action::Paste("1+1\n2+2\n".into()));
        assert_eq!(shown_text(&app), "= 4");
        assert_eq!(app.history().len(), 2);
        app.update(Action::Paste("3\n1/0\n5\n6\n".into()));
        assert_eq!(app.input().text(), "1/0");
        assert!(matches!(app.shown(), DisplayContent::Error(_)));
        assert_eq!(app.paste.len(), 3);
        assert!(
            app.status()
                .message()
                .unwrap()
                .text
                .starts_with("2 pasted lines wait")
        );
        app.update(Action::Edit(Edit::End));
        app.update(Action::Edit(Edit::Backspace));
        typed(&mut app, "2");
        app.update(Action::Evaluate);
        let results: Vec<_> = app.history().iter().map(|e| e.result.as_str()).collect();
        assert_eq!(results, ["2", "4", "3", "0.5", "5", "6"]);
        assert_eq!(app.paste.len(), 0);
        let huge = "1\n".repeat(1001);
        app.update(Action::Paste(huge));
        assert_eq!(app.history().len(), 6);
        assert!(
            app.status()
                .message()
                .unwrap()
                .text
                .starts_with("paste refused")
        );
        // Exactly 1,000 lines, with a final newline, are not too many.
        app.update(Action::Paste("2\n".repeat(1000)));
        assert_eq!(app.status().message(), None);
        let twos = app.history().iter().filter(|e| e.expression == "2").count();
        assert_eq!(twos, 1000.min(MAX_ENTRIES));
    }

    #[test]
    fn the_pasted_lines_hint_stays_while_lines_wait() {
        let mut app = app();
        app.update(Action::Paste("1/0\n5\n6\n".into()));
        let waiting = |app: &App| {
            app.status()
                .message()
                .is_some_and(|s| s.text.starts_with("2 pasted lines wait"))
        };
        assert!(waiting(&app));
        app.update(Action::Edit(Edit::Backspace));
        assert!(waiting(&app));
        typed(&mut app, "2");
        assert!(waiting(&app));
        app.update(Action::Evaluate);
        assert_eq!(app.paste.len(), 0);
        assert_eq!(app.status().message(), None);
    }

    #[test]
    fn up_and_down_recall_and_give_back_the_draft() {
        let mut app = app();
        for e in ["1+1", "2+2"] {
            enter(&mut app, e);
        }
        typed(&mut app, "3*");
        app.update(Action::RecallPrevious);
        assert_eq!(
            (app.input().text(), app.recall().selected()),
            ("2+2", Some(1))
        );
        app.update(Action::RecallPrevious);
        assert_eq!(
            (app.input().text(), app.recall().selected()),
            ("1+1", Some(0))
        );
        app.update(Action::RecallPrevious);
        assert_eq!(app.input().text(), "1+1");
        app.update(Action::RecallNext);
        assert_eq!(app.input().text(), "2+2");
        app.update(Action::RecallNext);
        assert_eq!((app.input().text(), app.recall().selected()), ("3*", None));
        app.update(Action::RecallNext);
        assert_eq!(app.input().text(), "3*");
    }

    #[test]
    fn line_editing_keys_reach_the_editor() {
        let mut app = app();
        typed(&mut app, "12+sqrt(3)");
        app.update(Action::Edit(Edit::KillWordBack));
        assert_eq!(app.input().text(), "12+sqrt(");
        app.update(Action::Edit(Edit::WordLeft));
        app.update(Action::Edit(Edit::KillToEnd));
        assert_eq!(app.input().text(), "12+");
        app.update(Action::ClickInput(1));
        app.update(Action::Edit(Edit::KillToStart));
        assert_eq!((app.input().text(), app.input().cursor()), ("2+", 0));
    }

    #[test]
    fn picking_history_gives_the_expression_then_the_result() {
        let mut app = app();
        enter(&mut app, "6*7");
        let pick = Action::PickHistory {
            index: 0,
            result: false,
        };
        app.update(pick.clone());
        app.update(Action::Release(None));
        assert_eq!(app.input().text(), "6*7");
        assert_eq!(app.recall().selected(), Some(0));
        app.update(pick.clone());
        app.update(Action::Release(None));
        assert_eq!(app.input().text(), "42");
        app.update(Action::Escape);
        app.update(Action::PickHistory {
            index: 0,
            result: true,
        });
        assert_eq!(app.input().text(), "42");
        app.update(Action::PickHistory {
            index: 9,
            result: false,
        });
        assert_eq!(app.input().text(), "42");
    }

    #[test]
    fn pasted_lines_are_evaluated_one_by_one() {
        let mut app = app();
        typed(&mut app, "1");
        app.update(Action::Paste("+1\n2+2\n3*".into()));
        let expressions: Vec<_> = app.history().iter().map(|e| &e.expression).collect();
        assert_eq!(expressions, ["1+1", "2+2"]);
        assert_eq!(app.input().text(), "3*");
        app.update(Action::Escape);
        app.update(Action::Paste("1/0\n5\n".into()));
        assert_eq!(app.input().text(), "1/0");
        assert_eq!(app.history().len(), 2);
        assert_eq!(app.status().message().unwrap().kind, StatusKind::Warning);
        app.update(Action::Escape);
        app.update(Action::Paste("1\u{1b}[2J".into()));
        assert_eq!(app.input().text(), "");
        assert_eq!(app.status().message().unwrap().kind, StatusKind::Error);
    }

    #[test]
    fn copy_sends_the_answer_shown_and_expires() {
        let mut app = app();
        app.update(Action::CopyAnswer);
        assert_eq!(app.status().message().unwrap().text, "no answer to copy");
        typed(&mut app, "2^10");
        let effects = app.update(Action::CopyAnswer);
        assert_eq!(
            effects,
            vec![Effect::Copy("1024".into()), Effect::ExpireStatusLater]
        );
        assert!(app.status().message().unwrap().text.contains("sent 1024"));
        app.update(Action::ExpireStatus);
        assert_eq!(app.status().message(), None);
    }

    #[test]
    fn history_scrolls_by_entry_and_page() {
        let mut app = app();
        for i in 0..50 {
            enter(&mut app, &i.to_string());
        }
        app.update(Action::ScrollHistory(100));
        assert_eq!(app.recall().scroll(), 49);
        app.update(Action::ScrollHistory(-100));
        assert_eq!(app.recall().scroll(), 0);
        app.update(Action::PageHistory(1));
        assert!(app.recall().scroll() > 5, "{}", app.recall().scroll());
    }

    /// Digits of the answer view's text.
    fn view_digits(app: &App) -> String {
        // The decimal only: an exact form beside it (`π + 1`) has digits too.
        let text = app.answer_view_text().unwrap_or_default();
        text.rsplit('≈')
            .next()
            .unwrap_or_default()
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    }

    /// `expression`'s digits as the evaluator gives them at `digits`.
    fn true_digits(expression: &str, digits: usize) -> String {
        let settings = Settings {
            digits,
            ..Settings::default()
        };
        let answer = Session::new().evaluate(expression, &settings).unwrap();
        let decimal = answer.text.rsplit('≈').next().unwrap_or_default();
        decimal.chars().filter(char::is_ascii_digit).collect()
    }

    /// Scrolls the open view, and takes what the loop would send next.
    fn scroll_view(app: &mut App, lines: i32) {
        for effect in app.update(Action::ScrollOverlay(lines)) {
            if let Effect::Then(action) = effect {
                app.update(action);
            }
        }
    }

    /// F2 on an irrational answer: scrolling on at its end asks for twice
    /// the digits, each the true digit (a prefix of the evaluator's own at
    /// 1,000 digits, its last, rounded, one left out).
    #[test]
    fn the_answer_view_extends_its_digits_at_its_end() {
        let mut app = app();
        enter(&mut app, "pi");
        // The answer kept is extended, not its line run again (`ans+1`
        // again would be pi+2).
        enter(&mut app, "ans+1");
        app.update(Action::ToggleAnswerView);
        assert_eq!(view_digits(&app).len(), 15);
        // Scrolling that does not reach the end asks for nothing.
        scroll_view(&mut app, -1);
        assert_eq!(view_digits(&app).len(), 15);
        // First the title says what is worked out; the loop draws that,
        // then sends `MoreDigits`.
        let effects = app.update(Action::ScrollOverlay(1));
        assert_eq!(effects.last(), Some(&Effect::Then(Action::MoreDigits)));
        let note = &app.status().message().unwrap().text;
        assert_eq!(note, "working out 30 digits");
        assert_eq!(view_digits(&app).len(), 15);
        app.update(Action::MoreDigits);
        assert_eq!(app.status().message(), None);
        let mut sizes = vec![view_digits(&app).len()];
        while view_digits(&app).len() < 1000 {
            scroll_view(&mut app, i32::MAX / 2);
            sizes.push(view_digits(&app).len());
        }
        assert_eq!(sizes, [30, 60, 120, 240, 480, 960, 1920]);
        let truth = true_digits("pi+1", 1000);
        assert!(view_digits(&app).starts_with(&truth[..999]));
        // Ctrl-Y in the view copies every digit it has.
        let copied = app.update(Action::CopyAnswer);
        assert!(
            matches!(&copied[0], Effect::Copy(text) if text.len() == 1921),
            "{copied:?}"
        );
        // Closed and opened again, it starts from the display's digits.
        app.update(Action::Escape);
        app.update(Action::ToggleAnswerView);
        assert_eq!(view_digits(&app).len(), 15);
        app.update(Action::Escape);
        // A live line (not entered) extends the same way, named when assigned.
        typed(&mut app, "y = ln(2)");
        app.update(Action::ToggleAnswerView);
        scroll_view(&mut app, 3);
        scroll_view(&mut app, 3);
        let view = app.answer_view_text().unwrap();
        assert!(view.starts_with("y ≈ 0.693 147"), "{view}");
        assert_eq!(view_digits(&app), true_digits("ln(2)", 60));
        // An exact answer has nothing more.
        app.update(Action::Escape);
        app.update(Action::Escape);
        enter(&mut app, "2^64");
        app.update(Action::ToggleAnswerView);
        scroll_view(&mut app, 3);
        assert_eq!(view_digits(&app), "18446744073709551616");
    }

    /// F5 lists the variables with their values and the functions as
    /// defined; Esc, Ctrl-C and F5 close it; it scrolls when long.
    #[test]
    fn f4_lists_variables_and_functions() {
        let mut app = app();
        app.update(Action::ToggleNames);
        assert_eq!(app.overlays().open(), Some(Overlay::Names));
        assert_eq!(app.overlays().names(), &NameList::default());
        app.update(Action::Escape);
        assert_eq!(app.overlays().open(), None);
        enter(&mut app, "x = 5");
        enter(&mut app, "big = 2^64");
        enter(&mut app, "third = 1/3");
        enter(&mut app, "f(x) = x^2 + 1");
        enter(&mut app, "g(a, b) = a*b");
        enter(&mut app, "f(3)");
        app.update(Action::ToggleNames);
        assert_eq!(
            app.overlays().names().variables,
            [
                "big = 18 446 744 073 709 551 616",
                "third = 1/3 ≈ 0.333 333 333 333 333",
                "x = 5"
            ]
        );
        assert_eq!(
            app.overlays().names().functions,
            ["f(x) = x^2 + 1", "g(a, b) = a*b"]
        );
        // Typing goes nowhere while it is open; F5 closes it.
        app.update(Action::Insert("7".into()));
        assert_eq!(app.input().text(), "");
        app.update(Action::ToggleNames);
        assert_eq!(app.overlays().open(), None);
        app.update(Action::ToggleNames);
        app.update(Action::Interrupt);
        assert_eq!(app.overlays().open(), None);
        // A long list scrolls at 30x10.
        for i in 0..20 {
            enter(&mut app, &format!("v{i} = {i}"));
        }
        app.update(Action::Resize {
            width: 30,
            height: 10,
        });
        app.update(Action::ToggleNames);
        app.update(Action::ScrollOverlay(10_000));
        let bottom = app.overlays().scroll();
        assert!(bottom > 10, "{bottom}");
    }

    #[test]
    fn overlays_take_the_keys_until_closed() {
        let mut app = app();
        app.update(Action::ToggleHelp);
        assert_eq!(app.overlays().open(), Some(Overlay::Help));
        app.update(Action::Insert("7".into()));
        assert_eq!(app.input().text(), "");
        app.update(Action::Resize {
            width: 30,
            height: 10,
        });
        app.update(Action::ScrollOverlay(3));
        assert_eq!(app.overlays().scroll(), 3);
        app.update(Action::ScrollOverlay(10_000));
        let bottom = app.overlays().scroll();
        assert!(bottom > 10, "{bottom}");
        app.update(Action::Escape);
        assert_eq!(app.overlays().open(), None);
    }

    #[test]
    fn a_warning_goes_through_update_and_shows_even_over_an_overlay() {
        let mut app = app();
        app.update(Action::ToggleHelp);
        app.update(Action::Warn("history not saved: read-only".into()));
        assert_eq!(
            app.status().message().unwrap().text,
            "history not saved: read-only"
        );
        assert_eq!(app.status().message().unwrap().kind, StatusKind::Warning);
        app.update(Action::Escape);
        // A warning between two clicks does not make the second a first.
        enter(&mut app, "6*7");
        app.update(Action::PickHistory {
            index: 0,
            result: false,
        });
        app.update(Action::Warn("x".into()));
        app.update(Action::PickHistory {
            index: 0,
            result: false,
        });
        assert_eq!(app.input().text(), "42");
    }
}
