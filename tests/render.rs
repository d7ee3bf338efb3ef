//! The screen rendered into ratatui's TestBackend: snapshots at the sizes
//! people use, in colour and without, and what a person must be able to read.

use pebble::eval::Settings;
use pebble::ui::app::{Action, App};
use pebble::ui::history::HistoryEntry;
use pebble::ui::render::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const SIZES: [(u16, u16); 5] = [(200, 60), (120, 36), (80, 24), (40, 14), (30, 10)];

fn entry(expression: &str, result: &str, approximate: bool) -> HistoryEntry {
    HistoryEntry {
        expression: expression.into(),
        result: result.into(),
        approximate,
        ..HistoryEntry::default()
    }
}

fn app_with(width: u16, height: u16, colour: bool, typed: &str) -> App {
    let history = vec![
        entry("0.1+0.2", "0.3", false),
        entry("sqrt(2)", "1.4142135623731", true),
        entry("2^64-1", "18446744073709551615", false),
    ];
    let mut app = App::new(Settings::default(), history, colour);
    app.update(Action::Resize { width, height });
    app.update(Action::Insert(typed.into()));
    app
}

fn draw(app: &App) -> Buffer {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen's text, row by row.
fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut row = String::new();
            for x in area.left()..area.right() {
                row.push_str(buffer[(x, y)].symbol());
            }
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

/// The screen's styles: a grid of one letter a cell (`.` the default style,
/// trailing ones left off) under a key to the letters. Letters go by first
/// appearance, so a new colour for a part of the screen rewrites one line of
/// the key and a part drawn in another style changes the grid where it is.
fn styles(buffer: &Buffer) -> String {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let area = buffer.area;
    let mut key: Vec<String> = Vec::new();
    let mut grid = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        for x in area.left()..area.right() {
            let style = style_name(&buffer[(x, y)]);
            if style.is_empty() {
                row.push('.');
                continue;
            }
            let index = key.iter().position(|k| *k == style).unwrap_or_else(|| {
                key.push(style);
                key.len() - 1
            });
            row.push(
                LETTERS
                    .chars()
                    .nth(index)
                    .expect("more styles than letters"),
            );
        }
        grid.push_str(row.trim_end_matches('.'));
        grid.push('\n');
    }
    let mut out = String::from("styles (. is the default):\n");
    for (letter, style) in LETTERS.chars().zip(&key) {
        out.push_str(&format!("{letter}  {style}\n"));
    }
    out + "\n" + &grid
}

/// A cell's style in a few words: `fg=247 bg=Black bold+reversed`; empty
/// for the terminal's own colours without modifiers.
fn style_name(cell: &ratatui::buffer::Cell) -> String {
    use ratatui::style::Color;
    let mut words = Vec::new();
    for (name, colour) in [
        ("fg", cell.fg),
        ("bg", cell.bg),
        ("underline", cell.underline_color),
    ] {
        if colour != Color::Reset {
            words.push(format!("{name}={colour}"));
        }
    }
    if !cell.modifier.is_empty() {
        let modifiers: Vec<String> = cell
            .modifier
            .iter_names()
            .map(|(name, _)| name.to_lowercase())
            .collect();
        words.push(modifiers.join("+"));
    }
    words.join(" ")
}

/// The text, then the styles: what a snapshot of the screen holds.
fn text_and_styles(buffer: &Buffer) -> String {
    format!("{}\n{}", text(buffer), styles(buffer))
}

#[test]
fn snapshots_at_every_size_in_colour_and_without() {
    for (width, height) in SIZES {
        for colour in [true, false] {
            let buffer = draw(&app_with(width, height, colour, "1/7"));
            let name = format!(
                "screen_{width}x{height}_{}",
                if colour { "colour" } else { "no_colour" }
            );
            insta::assert_snapshot!(name, text_and_styles(&buffer));
        }
    }
}

#[test]
fn an_error_is_underlined_and_said_once() {
    let app = app_with(80, 24, false, "1+sine(2)");
    let buffer = draw(&app);
    let screen = text(&buffer);
    assert_eq!(screen.matches("unknown name").count(), 1, "{screen}");
    // Without colour the underline alone marks the fault: `sine`, not the
    // rest of the input.
    let row = screen
        .lines()
        .position(|l| l.contains("1+sine(2)"))
        .unwrap();
    let start = screen.lines().nth(row).unwrap().find("1+sine(2)").unwrap() as u16;
    let underlined: String = (start..start + 9)
        .map(|x| &buffer[(x, row as u16)])
        .filter(|cell| cell.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|cell| cell.symbol())
        .collect();
    assert_eq!(underlined, "sine", "{screen}");
    insta::assert_snapshot!(text_and_styles(&buffer));
}

#[test]
fn an_error_too_long_for_a_small_display_goes_on_on_the_status_line() {
    let screen = text(&draw(&app_with(40, 14, true, "1+sine(2)")));
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[2].contains("error: unknown name 'sine';"), "{screen}");
    assert!(rows[13].contains("mean 'sin'?"), "{screen}");
}

#[test]
fn errors_wrap_at_words_on_narrow_screens() {
    let screen = text(&draw(&app_with(30, 10, true, "1+sine(2)")));
    // No box at 30x10: the input's row, then the error under it.
    let rows: Vec<&str> = screen.lines().skip(1).take(2).collect();
    assert!(rows[0].contains("error: unknown name"), "{screen}");
    assert!(rows[1].contains("did you mean 'sin'?"), "{screen}");
}

#[test]
fn help_scrolls_to_its_end_at_the_smallest_size() {
    let mut app = app_with(30, 10, true, "");
    app.update(Action::ToggleHelp);
    let last = last_help_line(30, 10);
    let top = text(&draw(&app));
    assert!(top.contains("help"), "{top}");
    assert!(!top.contains(&last), "{top}");
    app.update(Action::ScrollOverlay(10_000));
    let bottom = text(&draw(&app));
    assert!(bottom.contains(&last), "{bottom}");
    insta::assert_snapshot!(bottom);
}

#[test]
fn help_on_a_tall_screen_is_as_tall_as_its_text_and_centred() {
    let mut app = app_with(160, 150, false, "");
    app.update(Action::ToggleHelp);
    let screen = text(&draw(&app));
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows.iter().position(|r| r.contains("help · Esc")).unwrap();
    let bottom = top
        + 1
        + rows[top + 1..]
            .iter()
            .position(|r| r.contains('└'))
            .unwrap();
    // Its last text line sits just above the bottom border, with a blank
    // column between the border and the text.
    assert!(
        rows[bottom - 1].contains(&last_help_line(160, 150)),
        "{screen}"
    );
    assert!(rows[top + 1].contains("│ Keys"), "{screen}");
    let (above, below) = (top, rows.len() - 1 - bottom);
    assert!(
        above > 10 && above.abs_diff(below) <= 1,
        "{above} rows above, {below} below"
    );
}

#[test]
fn help_keeps_two_columns_when_lines_wrap() {
    let mut app = app_with(40, 40, false, "");
    app.update(Action::ToggleHelp);
    let screen = text(&draw(&app));
    // "Ctrl-Y" and its text on one row; the text's next row starts in the same column.
    let row = screen.lines().find(|l| l.contains("Ctrl-Y")).unwrap();
    let column = row.find("send").unwrap();
    let next = screen
        .lines()
        .skip_while(|l| !l.contains("Ctrl-Y"))
        .nth(1)
        .unwrap();
    assert_eq!(
        next.find(|c: char| c.is_alphanumeric() || c == '('),
        Some(column),
        "{screen}"
    );
}

#[test]
fn every_digit_of_100_factorial_is_on_a_100x32_screen() {
    let mut app = app_with(100, 32, true, "100!");
    app.update(Action::Evaluate);
    // The display's rows, up to its bottom border, digits only.
    let screen: String = text(&draw(&app))
        .lines()
        .take_while(|l| !l.starts_with('└'))
        .flat_map(|l| l.chars().filter(char::is_ascii_digit))
        .collect();
    let digits = "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000";
    assert!(screen.contains(digits), "{screen}");
}

#[test]
fn an_answer_too_long_for_the_screen_says_how_long_and_opens_whole() {
    let mut app = app_with(80, 24, true, "2^5000");
    let screen = text(&draw(&app));
    assert!(screen.contains("… 1,506 digits · F2"), "{screen}");
    app.update(Action::ToggleAnswerView);
    app.update(Action::ScrollOverlay(10_000));
    let screen: String = text(&draw(&app))
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let whole = pebble::eval::Session::new()
        .evaluate("2^5000", &Settings::default())
        .unwrap()
        .text;
    assert!(
        screen.contains(&whole[whole.len() - 60..]),
        "the last digits: {screen}"
    );
}

#[test]
fn the_answer_stays_after_enter_with_its_expression() {
    let mut app = app_with(60, 30, false, "6*7");
    app.update(Action::Evaluate);
    let screen = text(&draw(&app));
    let display: Vec<&str> = screen.lines().take_while(|l| !l.starts_with('└')).collect();
    // One `=`: the expression above, the answer at the display's bottom.
    assert_eq!(display[1].trim_matches(['│', ' ']), "6*7", "{screen}");
    assert!(display.last().unwrap().ends_with("= 42 │"), "{screen}");
    assert_eq!(display.concat().matches('=').count(), 1, "{screen}");
}

#[test]
fn every_size_renders_without_panic() {
    for width in [0, 1, 2, 5, 19, 20, 29, 30, 35, 36, 47, 48, 69, 70, 120, 250] {
        for height in [0, 1, 2, 3, 5, 6, 7, 9, 10, 13, 14, 15, 24, 60] {
            for typed in ["sin(1)+", "2^5000", "1+sine(2)"] {
                let mut app = app_with(width, height, true, typed);
                draw(&app);
                app.update(Action::ToggleHelp);
                app.update(Action::ScrollOverlay(3));
                draw(&app);
            }
        }
    }
}

#[test]
fn keypad_labels_are_all_shown() {
    let screen = text(&draw(&app_with(100, 30, true, "")));
    for label in [
        "√", "sin", "cos", "tan", "ln", "log", "π", "e", "!", "ans", "±", "⌫", "÷", "×", "−", "=",
        "C", "mod", ",", "%", "^",
    ] {
        assert!(
            screen.contains(&format!(" {label}")),
            "{label} missing:\n{screen}"
        );
    }
    // Narrow keys show the angle mode in force; wide ones both.
    let top_row = screen.lines().find(|l| l.contains(" sin ")).unwrap();
    assert!(top_row.ends_with(" RAD"), "{screen}");
    assert!(text(&draw(&app_with(200, 60, true, ""))).contains("DEG/RAD"));
}

#[test]
fn help_headings_are_underlined_without_colour_and_key_names_are_not() {
    use ratatui::style::Modifier;
    for colour in [true, false] {
        let mut app = app_with(80, 40, colour, "");
        app.update(Action::ToggleHelp);
        let buffer = draw(&app);
        let rows: Vec<String> = text(&buffer).lines().map(str::to_string).collect();
        // The first cell of the row that starts with `start`, inside the box.
        let first_cell = |start: &str| {
            let y = rows
                .iter()
                .position(|r| r.starts_with(&format!("│ {start}")))
                .unwrap_or_else(|| panic!("no row starts with {start}"));
            buffer[(2, y as u16)].modifier
        };
        let heading = first_cell("Keys");
        let key_name = first_cell("Enter");
        assert!(heading.contains(Modifier::BOLD));
        assert_eq!(heading.contains(Modifier::UNDERLINED), !colour);
        assert!(!key_name.contains(Modifier::UNDERLINED));
    }
}

fn fresh(width: u16, height: u16) -> App {
    let mut app = App::new(Settings::default(), Vec::new(), true);
    app.update(Action::Resize { width, height });
    app
}

/// A number that does not fit never reads as another number: the decimal
/// with its exponent wins over an exact form cut short, and a cut number
/// shows its leading digits and its size, at every size.
#[test]
fn a_number_that_does_not_fit_never_reads_as_another_number() {
    let mut app = fresh(100, 30);
    app.update(Action::Insert("sqrt(8)*1e300".into()));
    let screen = text(&draw(&app));
    assert!(screen.contains("≈ 2.828 427 124 746 19e300"), "{screen}");
    assert!(!screen.contains("2000"), "{screen}");
    for (width, height) in [(100, 30), (40, 14), (30, 10)] {
        let mut app = fresh(width, height);
        app.update(Action::Insert("2^200".into()));
        app.update(Action::Evaluate);
        app.update(Action::Insert("2^5000".into()));
        let screen = text(&draw(&app));
        // Leading digits, then where the cut is and how big the whole is.
        assert!(
            screen.contains("= 141 246 703"),
            "{width}x{height}\n{screen}"
        );
        assert!(
            screen.contains("… 1,506 digits"),
            "{width}x{height}\n{screen}"
        );
        // History keeps the short expression and gives the size.
        let row = screen.lines().find(|l| l.contains("2^200")).unwrap();
        assert!(row.contains("= 1.60") && row.contains("…e60"), "{row}");
    }
}

/// The light palette, for terminals with a light background.
#[test]
fn snapshot_with_the_light_palette() {
    let mut app = app_with(80, 24, true, "1/7");
    app.update(Action::LightBackground(true));
    let buffer = draw(&app);
    insta::assert_snapshot!("screen_80x24_light", text_and_styles(&buffer));
}

/// The help's last line of text at a screen size (the units table ends it).
fn last_help_line(width: u16, height: u16) -> String {
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let text_width = pebble::ui::layout::overlay_text_width(area, false);
    let line = pebble::ui::help::lines(text_width.into()).pop().unwrap();
    line.text.trim().to_string()
}

/// At 30×10 a unit stays on the row of the digits before it: `in` never
/// wraps onto a row of its own.
#[test]
fn a_unit_never_wraps_alone_at_30x10() {
    let app = app_with(30, 10, false, "178 cm to ft + in");
    let screen = text(&draw(&app));
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows.iter().any(|r| r.trim().ends_with("3 in")), "{screen}");
    assert!(rows.iter().all(|r| r.trim() != "in"), "{screen}");
}

/// F4's list of variables and functions: readable at the smallest and
/// the largest size, in colour, without and on a light terminal.
#[test]
fn the_list_of_variables_and_functions_reads_at_every_size() {
    let lines = [
        "x = 5",
        "rate = 60 mph to km/h",
        "big = 100!",
        "f(x) = x^2 + 1",
        "area(w, h) = w * h",
    ];
    for (width, height, colour, light) in [
        (30, 10, true, false),
        (30, 10, false, false),
        (200, 60, true, false),
        (200, 60, false, false),
        (80, 24, true, true),
    ] {
        let mut app = app_with(width, height, colour, "");
        app.update(Action::LightBackground(light));
        for line in lines {
            app.update(Action::Insert(line.into()));
            app.update(Action::Evaluate);
        }
        app.update(Action::ToggleNames);
        let buffer = draw(&app);
        let screen = text(&buffer);
        assert!(screen.contains("variables · Esc closes"), "{screen}");
        // 100! wraps between groups of digits, its rows indented.
        assert!(screen.contains("big = 93 326"), "{screen}");
        if height >= 24 {
            assert!(screen.contains("rate = 96.56064 km/h"), "{screen}");
            assert!(screen.contains("f(x) = x^2 + 1"), "{screen}");
            assert!(screen.contains("area(w, h) = w * h"), "{screen}");
        }
        let name = format!(
            "variables_{width}x{height}_{}",
            match (colour, light) {
                (false, _) => "no_colour",
                (true, false) => "colour",
                (true, true) => "light",
            }
        );
        insta::assert_snapshot!(name, text_and_styles(&buffer));
        // Scrolled to its end, the functions show at 30x10 too.
        app.update(Action::ScrollOverlay(10_000));
        let end = text(&draw(&app));
        assert!(end.contains("w * h") && end.contains("x = 5"), "{end}");
    }
}
