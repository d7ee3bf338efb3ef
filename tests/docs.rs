//! Every example in README.md and docs/*.md is run through the binary, so
//! the documentation cannot drift from what pebble prints.
//!
//! The notation (also described in docs/language.md, "How the examples are
//! checked"): a fenced code block whose info string starts with `pebble`
//! holds examples, one a line, `INPUT  →  OUTPUT`. Lines indented to the
//! column where OUTPUT starts continue that output (an error's input line
//! and caret). Blank lines are skipped; any other line is a mistake and
//! fails the test.
//!
//! - ```` ```pebble ```` runs each example on its own, one-shot:
//!   `pebble [FLAGS] -- INPUT`.
//! - ```` ```pebble lines ```` runs the whole block as one line-mode session
//!   (the inputs piped in, one a line), so later lines see `ans` and
//!   variables from earlier ones.
//! - Other words after `pebble` are flags: ```` ```pebble --degrees ````.
//!
//! An OUTPUT that starts with `error` is expected on stderr with exit
//! status 1: one line checks the message (the first line of the
//! diagnostic), more lines check the whole diagnostic. Any other OUTPUT is
//! the exact stdout, and stderr must be empty.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

const ARROW: &str = "→";

#[derive(Debug)]
struct Example {
    line: usize,
    input: String,
    output: Vec<String>,
}

impl Example {
    fn is_error(&self) -> bool {
        self.output[0].starts_with("error")
    }
}

#[derive(Debug)]
struct Block {
    file: String,
    line_mode: bool,
    flags: Vec<String>,
    examples: Vec<Example>,
}

/// Finds the example blocks of one Markdown text; a line in an example
/// block that is not an example is returned as a problem.
fn parse(file: &str, text: &str) -> (Vec<Block>, Vec<String>) {
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    let mut current: Option<(Block, usize)> = None; // the block, its output column
    let mut open_fence: Option<usize> = None; // backticks of the open fence
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let trimmed = raw.trim_start();
        let ticks = trimmed.chars().take_while(|c| *c == '`').count();
        if let Some(opened) = open_fence {
            // A fence closes with as many backticks or more and nothing else.
            if ticks >= opened && trimmed[ticks..].trim().is_empty() {
                open_fence = None;
                if let Some((block, _)) = current.take() {
                    blocks.push(block);
                }
                continue;
            }
        } else if ticks >= 3 {
            open_fence = Some(ticks);
            let mut words = trimmed[ticks..].split_whitespace();
            if words.next() == Some("pebble") {
                let mut block = Block {
                    file: file.to_string(),
                    line_mode: false,
                    flags: Vec::new(),
                    examples: Vec::new(),
                };
                for word in words {
                    if word == "lines" {
                        block.line_mode = true;
                    } else {
                        block.flags.push(word.to_string());
                    }
                }
                current = Some((block, 0));
            }
            continue;
        }
        let Some((block, column)) = current.as_mut() else {
            continue;
        };
        if raw.trim().is_empty() {
            continue;
        }
        if let Some((input, output)) = raw.split_once(ARROW) {
            let output_text = output.trim_start();
            let before = raw.len() - output_text.len();
            *column = raw[..before].chars().count();
            block.examples.push(Example {
                line: number,
                input: input.trim().to_string(),
                output: vec![output_text.trim_end().to_string()],
            });
            continue;
        }
        let indent = raw.chars().take_while(|c| *c == ' ').count();
        match block.examples.last_mut() {
            Some(example) if indent >= *column && *column > 0 => {
                let rest: String = raw.chars().skip(*column).collect();
                example.output.push(rest.trim_end().to_string());
            }
            _ => problems.push(format!(
                "{file}:{number}: not an example (`INPUT  →  OUTPUT`, or a \
                 continuation indented to the output's column): {raw}"
            )),
        }
    }
    if open_fence.is_some() {
        problems.push(format!("{file}: a fenced block is not closed"));
    }
    if let Some((block, _)) = current {
        blocks.push(block);
    }
    (blocks, problems)
}

struct Run {
    status: Option<i32>,
    stdout: String,
    stderr: String,
}

fn pebble(args: &[String], stdin: &str) -> Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = common::run::pebble(&args, stdin);
    Run {
        status: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn mismatch(file: &str, example: &Example, printed: &str) -> String {
    format!(
        "{file}:{}: `{}`\n  the doc says:\n{}\n  pebble printed:\n{}",
        example.line,
        example.input,
        indent(&example.output.join("\n")),
        indent(printed.trim_end()),
    )
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An error example with one line checks the diagnostic's first line; with
/// more, the whole diagnostic.
fn error_matches(expected: &[String], diagnostic: &str) -> bool {
    if expected.len() == 1 {
        diagnostic.lines().next() == Some(expected[0].as_str())
    } else {
        diagnostic.trim_end_matches('\n') == expected.join("\n")
    }
}

/// Runs one block and returns its mismatches.
fn check(block: &Block) -> Vec<String> {
    if block.line_mode {
        check_session(block)
    } else {
        block
            .examples
            .iter()
            .filter_map(|example| check_one_shot(block, example))
            .collect()
    }
}

fn check_one_shot(block: &Block, example: &Example) -> Option<String> {
    let mut args = block.flags.clone();
    args.push("--".to_string());
    args.push(example.input.clone());
    let run = pebble(&args, "");
    let ok = if example.is_error() {
        run.status == Some(1)
            && run.stdout.is_empty()
            && error_matches(&example.output, &run.stderr)
    } else {
        run.status == Some(0)
            && run.stderr.is_empty()
            && run.stdout == example.output.join("\n") + "\n"
    };
    (!ok).then(|| {
        let printed = format!("{}{}(exit status {:?})", run.stdout, run.stderr, run.status);
        mismatch(&block.file, example, &printed)
    })
}

fn check_session(block: &Block) -> Vec<String> {
    let stdin: String = block
        .examples
        .iter()
        .map(|e| format!("{}\n", e.input))
        .collect();
    let run = pebble(&block.flags, &stdin);
    let mut problems = Vec::new();
    let any_error = block.examples.iter().any(Example::is_error);
    if run.status != Some(if any_error { 1 } else { 0 }) {
        problems.push(format!(
            "{}:{}: the session exited with {:?}\n{}{}",
            block.file, block.examples[0].line, run.status, run.stdout, run.stderr
        ));
    }
    // Results and diagnostics go to two streams: each is matched in order.
    let mut results = run.stdout.lines();
    let mut diagnostics = split_diagnostics(&run.stderr).into_iter();
    for example in &block.examples {
        if example.is_error() {
            let diagnostic = diagnostics.next().unwrap_or_default();
            if !error_matches(&example.output, &diagnostic) {
                problems.push(mismatch(&block.file, example, &diagnostic));
            }
        } else {
            let printed: Vec<&str> = results.by_ref().take(example.output.len()).collect();
            if printed != example.output {
                problems.push(mismatch(&block.file, example, &printed.join("\n")));
            }
        }
    }
    let rest: Vec<&str> = results.collect();
    if !rest.is_empty() {
        problems.push(format!(
            "{}:{}: the session printed more than its examples say: {rest:?}",
            block.file, block.examples[0].line
        ));
    }
    problems
}

fn split_diagnostics(stderr: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("error") || out.is_empty() {
            out.push(String::new());
        }
        let last = out.last_mut().unwrap();
        last.push_str(line);
        last.push('\n');
    }
    out
}

/// Checks every block, a few pebbles at a time, and returns the mismatches in
/// file and line order.
fn check_all(blocks: &[Block]) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let found = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(block) = blocks.get(i) else { break };
                    let problems = check(block);
                    found.lock().unwrap().push((i, problems));
                }
            });
        }
    });
    let mut found = found.into_inner().unwrap();
    found.sort_by_key(|(i, _)| *i);
    found.into_iter().flat_map(|(_, p)| p).collect()
}

fn documentation() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    files.extend(pages);
    files
}

#[test]
fn every_documented_example_prints_what_the_docs_say() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    let mut per_file = Vec::new();
    for path in documentation() {
        let name = path.strip_prefix(root).unwrap().display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let (found, bad) = parse(&name, &text);
        per_file.push((name, found.iter().map(|b| b.examples.len()).sum::<usize>()));
        blocks.extend(found);
        problems.extend(bad);
    }
    // The README shows a newcomer at least ten examples, and each page
    // about the language shows some: a parser that finds none fails here.
    for (name, count) in &per_file {
        let least = match name.as_str() {
            "README.md" => 10,
            "docs/language.md" | "docs/units.md" => 20,
            _ => 0,
        };
        if *count < least {
            problems.push(format!("{name} has {count} examples, fewer than {least}"));
        }
    }
    problems.extend(check_all(&blocks));
    assert!(
        problems.is_empty(),
        "{} documented example(s) disagree with pebble:\n\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}

#[test]
fn a_drifted_example_is_reported_with_its_file_and_line() {
    let text = "Some prose.\n\n```pebble\n6*7        →  42\n0.1+0.2    →  0.30\n\
                1/0        →  error: division by zero\n2*sine(1)  →  error: wrong\n```\n\n\
                ```pebble lines\nx = 3   →  3\n2x^2    →  19\n```\n";
    let (blocks, problems) = parse("drift.md", text);
    assert!(problems.is_empty(), "{problems:?}");
    let found = check_all(&blocks);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("drift.md:5: `0.1+0.2`"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("0.3"), "{}", found[0]);
    assert!(
        found[1].starts_with("drift.md:7: `2*sine(1)`"),
        "{}",
        found[1]
    );
    assert!(found[2].starts_with("drift.md:12: `2x^2`"), "{}", found[2]);
}

#[test]
fn the_notation_accepts_continuations_and_flags_and_rejects_stray_lines() {
    let text = "```pebble --degrees\n1/0  →  error: division by zero\n          1/0\n            ^\n\
                sin(30)  →  0.5\nnot an example\n```\n```sh\n2 → 3\n```\n";
    let (blocks, problems) = parse("notation.md", text);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0].flags, ["--degrees"]);
    assert_eq!(blocks[0].examples[0].output.len(), 3);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("notation.md:6:"), "{problems:?}");
    assert!(check_all(&blocks).is_empty());
}
