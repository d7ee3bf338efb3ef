//! Drawing: reads `&App`, never changes it.

use super::app::App;
use super::keypad::KeypadButton;
use super::layout::{self, Screen};
use crate::eval::{AngleMode, Exactness};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// A small palette that reads on dark and light backgrounds alike; without
/// colour every style falls back to plain text with modifiers.
struct Theme {
    colour: bool,
}

impl Theme {
    fn fg(&self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }
    fn accent(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    fn approx(&self) -> Style {
        self.fg(Color::Yellow)
    }
    fn dim(&self) -> Style {
        if self.colour {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }
    fn key(&self, button: KeypadButton) -> Style {
        let colour = match button {
            KeypadButton::Digit(_) | KeypadButton::Point => Color::White,
            KeypadButton::Equals => Color::Green,
            KeypadButton::Clear | KeypadButton::Backspace => Color::Red,
            KeypadButton::AngleMode => Color::Magenta,
            _ => Color::Cyan,
        };
        if self.colour {
            Style::new().fg(Color::Black).bg(colour)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}

pub const HELP_TEXT: &[&str] = &[
    "Keys",
    "  Enter or =      evaluate and add to history",
    "  ← → Home End    move;  Backspace Delete  erase",
    "  Esc             clear the input (or close this help)",
    "  ↑ ↓             recall earlier expressions",
    "  PgUp PgDn wheel scroll history",
    "  Ctrl-Y, y       copy the last result (OSC 52)",
    "  F1, ?           this help;  Ctrl-C, Ctrl-D  quit",
    "Mouse",
    "  click a key; click a history line for its expression,",
    "  click again (or Ctrl-click) for its result",
    "Language",
    "  + - * / ^ (also × ÷ −), ^ binds right: 2^3^2 = 512",
    "  -2^2 = -4;  3! factorial;  x mod y (floored)",
    "  50% = 0.5;  a+b% = a(1+b/100);  2pi = 2×pi",
    "  sqrt cbrt abs floor ceil round sin cos tan asin acos atan",
    "  sinh cosh tanh asinh acosh atanh ln log log2 exp min max gcd lcm",
    "  pi π e tau;  ans or _ = last result;  x = 5 assigns",
    "  exact where maths is exact; ≈ marks rounded results",
];

/// One line of text, clipped to `area`'s first row. Lighter than a
/// Paragraph, which matters at a hundred lines a frame.
fn draw_line(frame: &mut Frame, area: Rect, line: &Line) {
    if area.width > 0 && area.height > 0 {
        frame
            .buffer_mut()
            .set_line(area.x, area.y, line, area.width);
    }
}

/// A titled box around `area`. Drawn edge by edge: a Block would also
/// restyle every cell inside, which was most of a frame's cost.
fn draw_panel(frame: &mut Frame, area: Rect, title: Span) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let buffer = frame.buffer_mut();
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    // Cell by cell: these symbols need no grapheme segmentation.
    for x in area.x + 1..right {
        buffer[(x, area.y)].set_symbol("─");
        buffer[(x, bottom)].set_symbol("─");
    }
    for y in area.y + 1..bottom {
        buffer[(area.x, y)].set_symbol("│");
        buffer[(right, y)].set_symbol("│");
    }
    buffer[(area.x, area.y)].set_symbol("┌");
    buffer[(right, area.y)].set_symbol("┐");
    buffer[(area.x, bottom)].set_symbol("└");
    buffer[(right, bottom)].set_symbol("┘");
    let title_area = Rect::new(area.x + 1, area.y, area.width - 2, 1);
    draw_line(frame, title_area, &Line::from(title));
}

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme { colour: app.colour };
    let screen = layout::screen(area);
    render_input(app, &theme, &screen, frame);
    render_preview(app, &theme, screen.preview, frame);
    if let Some(history) = screen.history {
        render_history(app, &theme, history, frame);
    }
    if let Some(keypad) = screen.keypad {
        render_keypad(app, &theme, keypad, frame);
    }
    if let Some(status) = screen.status {
        render_status(app, &theme, status, frame);
    }
    if app.show_help {
        render_help(&theme, area, frame);
    }
}

fn render_input(app: &App, theme: &Theme, screen: &Screen, frame: &mut Frame) {
    let (text_area, prompt) = if screen.bordered_input {
        draw_panel(
            frame,
            screen.input,
            Span::styled(" pebble ", theme.accent()),
        );
        (layout::inner(screen.input), "")
    } else {
        (screen.input, "> ")
    };
    let error_span = match &app.preview {
        Some(Err(e)) => Some(e.span),
        _ => None,
    };
    let width = text_area.width.saturating_sub(prompt.len() as u16) as usize;
    // Scroll sideways so the cursor stays visible.
    let offset = app.cursor.saturating_sub(width.saturating_sub(1));
    let mut spans = vec![Span::styled(prompt, theme.accent())];
    for (byte, c) in app.input.char_indices().skip(offset).take(width) {
        let faulty = error_span.is_some_and(|s| byte >= s.start && byte < s.end.max(s.start + 1));
        let style = if faulty {
            theme.error().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new()
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    draw_line(frame, text_area, &Line::from(spans));
    if text_area.width > 0 && text_area.height > 0 && !app.show_help {
        let x = text_area.x + prompt.len() as u16 + (app.cursor - offset) as u16;
        frame.set_cursor_position((x.min(text_area.right().saturating_sub(1)), text_area.y));
    }
}

fn render_preview(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    let line = match &app.preview {
        None => Line::from(Span::styled(
            " type an expression; F1 for help",
            theme.dim(),
        )),
        Some(Ok(answer)) => {
            let (mark, style) = match answer.exactness {
                Exactness::Exact => ("=", theme.accent()),
                Exactness::Rounded => ("≈", theme.approx().add_modifier(Modifier::BOLD)),
            };
            let name = answer
                .assigned
                .as_deref()
                .map(|n| format!("{n} "))
                .unwrap_or_default();
            Line::from(vec![
                Span::raw(" "),
                Span::raw(name),
                Span::styled(format!("{mark} {}", answer.text), style),
            ])
        }
        Some(Err(error)) => Line::from(Span::styled(format!(" error: {error}"), theme.error())),
    };
    draw_line(frame, area, &line);
}

fn render_history(app: &App, theme: &Theme, panel: Rect, frame: &mut Frame) {
    let title = format!(" history ({}) ", app.history.len());
    draw_panel(frame, panel, Span::styled(title, theme.dim()));
    for (index, row) in layout::history_lines(panel, app.history.len(), app.history_scroll) {
        let entry = &app.history[index];
        let (mark, style) = if entry.approximate {
            ("≈", theme.approx())
        } else {
            ("=", theme.accent())
        };
        let line = Line::from(vec![
            Span::raw(entry.expression.clone()),
            Span::raw(" "),
            Span::styled(format!("{mark} {}", entry.result), style),
        ]);
        draw_line(frame, row, &line);
    }
}

fn render_keypad(app: &App, theme: &Theme, panel: Rect, frame: &mut Frame) {
    draw_panel(frame, panel, Span::styled(" keypad ", theme.dim()));
    for (button, cell) in layout::keypad_buttons(panel) {
        let mut style = theme.key(button);
        if app.pressed == Some(button) {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        let line = if button == KeypadButton::AngleMode {
            // Both halves shown; the active one stands out.
            let active = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            let (deg, rad) = match app.settings.angle {
                AngleMode::Degrees => (active, style),
                AngleMode::Radians => (style, active),
            };
            Line::from(vec![
                Span::styled(" ", style),
                Span::styled("DEG", deg),
                Span::styled("/", style),
                Span::styled("RAD", rad),
                Span::styled(" ", style),
            ])
        } else {
            Line::from(Span::styled(format!(" {} ", button.label()), style))
        };
        // The key's face: its colour across the cell, the label centred.
        frame.buffer_mut().set_style(cell, style);
        let offset = cell.width.saturating_sub(line.width() as u16) / 2;
        draw_line(
            frame,
            Rect {
                x: cell.x + offset,
                width: cell.width - offset,
                ..cell
            },
            &line,
        );
    }
}

fn render_status(app: &App, theme: &Theme, area: Rect, frame: &mut Frame) {
    let mode = match app.settings.angle {
        AngleMode::Radians => "RAD",
        AngleMode::Degrees => "DEG",
    };
    let right = format!(" {mode} · {} entries ", app.history.len());
    let left = match &app.status {
        Some(message) => Span::styled(
            format!(" {message}"),
            if message.starts_with("error") {
                theme.error()
            } else {
                theme.accent()
            },
        ),
        None => Span::styled(
            " Enter = · ↑↓ recall · Esc clear · F1 help · ^Y copy · ^C quit",
            theme.dim(),
        ),
    };
    let (left_area, right_area) = layout::take_right(area, right.chars().count() as u16);
    draw_line(frame, left_area, &Line::from(left));
    draw_line(
        frame,
        right_area,
        &Line::from(Span::styled(right, theme.accent())),
    );
}

fn render_help(theme: &Theme, area: Rect, frame: &mut Frame) {
    let width = area.width.min(72);
    let height = area.height.min(HELP_TEXT.len() as u16 + 2);
    let popup = layout::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let lines: Vec<Line> = HELP_TEXT
        .iter()
        .map(|l| {
            if l.starts_with(' ') {
                Line::raw(*l)
            } else {
                Line::styled(*l, theme.accent())
            }
        })
        .collect();
    let block = Block::bordered().title(Span::styled(" help · Esc to close ", theme.accent()));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        popup,
    );
}
