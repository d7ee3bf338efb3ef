//! The scratch image end to end, with podman and a real terminal (tmux).
//! Run by `just test-container`, which builds both images first; without
//! the `container-tests` feature this file compiles to nothing.
#![cfg(feature = "container-tests")]

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::Pane;

const IMAGE: &str = "localhost/pebble:latest";
const HARDENING: &str =
    "--read-only --cap-drop=all --network=none --security-opt=no-new-privileges";
const BUDGET_BYTES: u64 = 900 * 1024;

fn podman(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new("podman")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("podman must be installed");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn inspect(format: &str) -> String {
    let out = podman(&["image", "inspect", "--format", format, IMAGE], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn one_shot_prints_the_result() {
    let out = podman(&["run", "--rm", IMAGE, "6*7"], None);
    assert_eq!(text(&out.stdout), "42\n");
    assert!(out.status.success());
}

#[test]
fn piped_lines_are_evaluated_in_order() {
    let out = podman(&["run", "-i", "--rm", IMAGE], Some("2+2\nans*10\n"));
    assert_eq!(text(&out.stdout), "4\n40\n");
    assert!(out.status.success());
}

#[test]
fn without_a_terminal_or_input_it_explains_instead_of_panicking() {
    let out = podman(&["run", "--rm", IMAGE], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("nothing to calculate"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn image_is_one_small_layer_run_by_a_non_root_user() {
    assert_eq!(inspect("{{len .RootFS.Layers}}"), "1");
    assert_eq!(inspect("{{.Config.User}}"), "65532:65532");
    assert_eq!(inspect("{{json .Config.Entrypoint}}"), r#"["/pebble"]"#);
    let size: u64 = inspect("{{.Size}}").parse().unwrap();
    assert!(
        size <= BUDGET_BYTES,
        "image is {size} bytes, over {BUDGET_BYTES}"
    );
    for label in [
        "title",
        "description",
        "source",
        "licenses",
        "version",
        "revision",
    ] {
        let value = inspect(&format!(
            "{{{{index .Labels \"org.opencontainers.image.{label}\"}}}}"
        ));
        assert!(
            !value.is_empty() && value != "<no value>",
            "label {label} missing"
        );
    }
}

#[test]
fn image_holds_only_the_binary_and_it_leaks_no_build_paths() {
    let name = format!("pebble-files-{}", std::process::id());
    let archive = std::env::temp_dir().join(format!("{name}.tar"));
    let archive_path = archive.to_str().unwrap();
    assert!(
        podman(&["create", "--name", &name, IMAGE], None)
            .status
            .success()
    );
    let export = podman(&["export", "--output", archive_path, &name], None);
    podman(&["rm", &name], None);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let tar = |args: &[&str]| {
        Command::new("tar")
            .args(args)
            .arg("-f")
            .arg(&archive)
            .output()
            .unwrap()
            .stdout
    };
    let files = text(&tar(&["-t"]));
    let regular: Vec<&str> = files.lines().filter(|f| !f.ends_with('/')).collect();
    assert!(regular.contains(&"pebble"), "{files}");
    assert!(!files.contains("bin/sh"), "{files}");
    // Only what podman itself mounts over (hosts, resolv.conf and the like) may stand beside it.
    for file in &regular {
        assert!(
            *file == "pebble" || file.starts_with("etc/") || file.starts_with("run/"),
            "unexpected {file}"
        );
    }
    let bytes = tar(&["-xO", "pebble"]);
    let _ = std::fs::remove_file(&archive);
    assert!(bytes.starts_with(b"\x7fELF"));
    for leak in [&b"/usr/local/cargo"[..], b"/root/", b"/src/src/", b"/work/"] {
        assert!(
            !bytes.windows(leak.len()).any(|w| w == leak),
            "binary contains {}",
            text(leak)
        );
    }
}

#[test]
fn no_shell_to_run() {
    let out = podman(
        &[
            "run",
            "--rm",
            "--entrypoint",
            "/bin/sh",
            IMAGE,
            "-c",
            "true",
        ],
        None,
    );
    assert!(!out.status.success());
}

#[test]
fn the_tui_runs_hardened_with_keys_mouse_and_a_clean_exit() {
    let command = format!("podman run -it --rm {HARDENING} {IMAGE}");
    let pane = Pane::start("container-tui", &command, 100, 30);
    pane.keys(&["-l", "0.1+0.2"]);
    pane.wait_for("= 0.3");
    pane.keys(&["Enter"]);
    pane.wait_for("0.1+0.2 =");
    pane.wait_for("history (1)");
    // A click on the 7 key, then =.
    let screen = pane.screen();
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(" 7 "))
        .expect("keypad on screen");
    let column = line
        .chars()
        .collect::<Vec<_>>()
        .windows(3)
        .position(|w| w == [' ', '7', ' '])
        .unwrap()
        + 1;
    pane.click(column as u16, row as u16);
    pane.wait_for("= 7");
    pane.tmux(&["resize-window", "-t", "e2e", "-x", "40", "-y", "20"]);
    pane.keys(&["C-c"]);
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

#[test]
fn podman_stop_ends_it_promptly() {
    let name = format!("pebble-stop-{}", std::process::id());
    let command = format!("podman run -it --rm --name {name} {HARDENING} {IMAGE}");
    let pane = Pane::start("container-stop", &command, 100, 30);
    let start = Instant::now();
    let out = podman(&["stop", "--time", "10", &name], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // SIGTERM as PID 1 is handled at once, not after the 10 s grace period.
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "stop took {:?}",
        start.elapsed()
    );
    assert_eq!(pane.wait_exit(), "0");
    pane.assert_terminal_restored();
}

/// Two clean builds from the same commit give the same image ID. (A cached
/// build may reuse a layer stamped with an earlier commit's time.)
#[test]
fn clean_builds_are_reproducible() {
    let build = |tag: &str| {
        let out = Command::new("bash")
            .args([
                "containers/build.sh",
                "Containerfile",
                tag,
                "--no-cache",
                "-q",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout).trim().to_string()
    };
    let first = build("localhost/pebble:reproduce-1");
    let second = build("localhost/pebble:reproduce-2");
    assert!(!first.is_empty());
    assert_eq!(first, second);
}
