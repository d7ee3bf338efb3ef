//! The scratch images end to end, with podman and a real terminal (tmux):
//! this machine's architecture in full, the other one under emulation, the
//! OCI archive and the dependency list. Run by `just test-container`, which
//! builds the images and the archive first; without the `container-tests`
//! feature this file compiles to nothing.
#![cfg(feature = "container-tests")]

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::Pane;

const IMAGE: &str = "localhost/pebble:latest";
const REPOSITORY: &str = "localhost/pebble";
const HARDENING: &str =
    "--read-only --cap-drop=all --network=none --security-opt=no-new-privileges";
/// Each image may add this much to its binary (the layer's tar headers and
/// the config).
const IMAGE_OVERHEAD_BYTES: u64 = 8 * 1024;

/// An architecture the image is built for, by podman's name.
#[derive(Clone, Copy, Debug)]
struct Arch {
    name: &'static str,
    /// ELF e_machine.
    machine: u16,
    binary_budget_bytes: u64,
    /// The user-mode emulator that runs it on another machine.
    qemu: &'static str,
}

// The architecture issue's budgets for the turn that brought units as data,
// complex numbers, user functions and the light theme.
const ARCHES: [Arch; 2] = [
    Arch {
        name: "amd64",
        machine: 0x3e,
        binary_budget_bytes: 780 * 1024,
        qemu: "qemu-x86_64-static",
    },
    Arch {
        name: "arm64",
        machine: 0xb7,
        binary_budget_bytes: 690 * 1024,
        qemu: "qemu-aarch64-static",
    },
];

impl Arch {
    fn image(self) -> String {
        format!("{REPOSITORY}:{}", self.name)
    }
}

fn native_arch() -> Arch {
    let out = podman(&["info", "--format", "{{.Host.Arch}}"], None);
    let name = text(&out.stdout);
    *ARCHES
        .iter()
        .find(|a| a.name == name.trim())
        .unwrap_or_else(|| panic!("no image is built for {name}"))
}

fn other_arch() -> Arch {
    let native = native_arch();
    *ARCHES.iter().find(|a| a.name != native.name).unwrap()
}

/// Runs a program to its end, with `stdin` as its input (or none).
fn run(program: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
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

fn podman(args: &[&str], stdin: Option<&str>) -> Output {
    run("podman", args, stdin)
}

fn shell(command: &str, stdin: Option<&str>) -> Output {
    run("bash", &["-c", command], stdin)
}

fn inspect(format: &str) -> String {
    inspect_image(IMAGE, format)
}

fn inspect_image(image: &str, format: &str) -> String {
    let out = podman(&["image", "inspect", "--format", format, image], None);
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
fn images_carry_the_oci_labels() {
    for arch in ARCHES {
        for label in [
            "title",
            "description",
            "source",
            "licenses",
            "version",
            "revision",
        ] {
            let value = inspect_image(
                &arch.image(),
                &format!("{{{{index .Labels \"org.opencontainers.image.{label}\"}}}}"),
            );
            assert!(
                !value.is_empty() && value != "<no value>",
                "{}: label {label} missing",
                arch.name
            );
        }
    }
}

/// The regular files of an image and its /pebble, read without running it
/// (so either architecture works on any machine).
fn image_contents(image: &str) -> (Vec<String>, Vec<u8>) {
    let name = format!("pebble-files-{}", std::process::id());
    let archive = std::env::temp_dir().join(format!("{name}.tar"));
    let archive_path = archive.to_str().unwrap();
    let create = podman(&["create", "--name", &name, image], None);
    assert!(create.status.success(), "{}", text(&create.stderr));
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
    let files = text(&tar(&["-t"]))
        .lines()
        .filter(|f| !f.ends_with('/'))
        .map(String::from)
        .collect();
    let binary = tar(&["-xO", "pebble"]);
    let _ = std::fs::remove_file(&archive);
    (files, binary)
}

#[test]
fn images_hold_only_the_binary_for_their_architecture_with_no_build_paths() {
    for arch in ARCHES {
        let image = arch.image();
        let (files, binary) = image_contents(&image);
        assert!(files.contains(&"pebble".to_string()), "{image}: {files:?}");
        // Only what podman itself mounts over (hosts, resolv.conf and the like) may stand beside it.
        for file in &files {
            assert!(
                file == "pebble" || file.starts_with("etc/") || file.starts_with("run/"),
                "{image}: unexpected {file}"
            );
        }
        assert!(binary.starts_with(b"\x7fELF"), "{image}");
        let machine = u16::from_le_bytes([binary[18], binary[19]]);
        assert_eq!(machine, arch.machine, "{image}: ELF machine");
        // Cargo's home, rustup's (std is built from its rust-src), the
        // build directory and checkouts here.
        for leak in [
            &b"/usr/local/cargo"[..],
            b"/usr/local/rustup",
            b"rustlib/src",
            b"/root/",
            b"/src/src/",
            b"/work/",
        ] {
            assert!(
                !binary.windows(leak.len()).any(|w| w == leak),
                "{image}: binary contains {}",
                text(leak)
            );
        }
    }
}

#[test]
fn images_are_one_layer_for_their_platform_run_by_a_non_root_user() {
    for arch in ARCHES {
        let image = arch.image();
        let field = |format| inspect_image(&image, format);
        assert_eq!(
            field("{{.Os}}/{{.Architecture}}"),
            format!("linux/{}", arch.name)
        );
        assert_eq!(field("{{len .RootFS.Layers}}"), "1", "{image}");
        assert_eq!(field("{{.Config.User}}"), "65532:65532", "{image}");
        assert_eq!(field("{{json .Config.Entrypoint}}"), r#"["/pebble"]"#);
    }
    // The plain tag is this machine's image.
    assert_eq!(
        inspect("{{.Id}}"),
        inspect_image(&native_arch().image(), "{{.Id}}")
    );
}

/// The release build rebuilds std without its `backtrace` feature
/// (.cargo/release.toml, with RUSTC_BOOTSTRAP=1 on the pinned toolchain).
/// If a toolchain change stops those unstable flags working, std's
/// symbolisation code (gimli reading debug links) comes back: about 240 KB.
#[test]
fn binaries_hold_no_backtrace_symbolisation_code() {
    for arch in ARCHES {
        let image = arch.image();
        let binary = image_contents(&image).1;
        for marker in [&b".gnu_debuglink"[..], b"symbolize/gimli"] {
            assert!(
                !binary.windows(marker.len()).any(|w| w == marker),
                "{image}: the binary holds std's backtrace code ({}): build-std did not \
                 take effect; see \"Why std is built from source\" in docs/container.md",
                text(marker)
            );
        }
    }
}

#[test]
fn binaries_and_images_stay_within_their_budgets() {
    for arch in ARCHES {
        let image = arch.image();
        let binary = image_contents(&image).1.len() as u64;
        let size: u64 = inspect_image(&image, "{{.Size}}").parse().unwrap();
        assert!(
            binary <= arch.binary_budget_bytes,
            "{image}: binary is {binary} bytes, over {}",
            arch.binary_budget_bytes
        );
        assert!(
            size <= binary + IMAGE_OVERHEAD_BYTES,
            "{image}: image is {size} bytes, more than {IMAGE_OVERHEAD_BYTES} over its binary ({binary})"
        );
    }
}

/// name → version for every package in Cargo.lock.
fn locked_versions() -> Vec<(String, String)> {
    let lock = std::fs::read_to_string("Cargo.lock").unwrap();
    let mut packages = Vec::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(value) = line.strip_prefix("name = ") {
            name = Some(value.trim_matches('"').to_string());
        } else if let Some(value) = line.strip_prefix("version = ")
            && let Some(name) = name.take()
        {
            packages.push((name, value.trim_matches('"').to_string()));
        }
    }
    packages
}

#[test]
fn binaries_carry_their_dependency_list_at_the_locked_versions() {
    let locked = locked_versions();
    for arch in ARCHES {
        let image = arch.image();
        let binary = image_contents(&image).1;
        let info = auditable_info::audit_info_from_slice(&binary, 1 << 20)
            .unwrap_or_else(|e| panic!("{image}: no dependency list: {e}"));
        let listed = |name: &str| {
            info.packages
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.version.to_string())
        };
        for name in [
            "pebble",
            "ratatui",
            "crossterm",
            "num-bigint",
            "num-rational",
            "num-integer",
            "num-traits",
            "astro-float-num",
        ] {
            let (_, version) = locked
                .iter()
                .find(|(n, _)| n == name)
                .unwrap_or_else(|| panic!("{name} is not in Cargo.lock"));
            assert_eq!(
                listed(name).as_deref(),
                Some(version.as_str()),
                "{image}: {name}"
            );
        }
        // What only the tests and benchmarks use is not in the binary.
        for name in ["insta", "criterion", "auditable-info"] {
            assert_eq!(listed(name), None, "{image}: {name}");
        }
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
    // Ctrl-C clears the line typed, then quits from the empty one.
    pane.keys(&["C-c"]);
    pane.wait_for("again to quit");
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

/// A clean build gives the same image ID as the one `just build-all` made
/// with its cached layers and build directory, for each architecture. The
/// clean build gets fresh cache mounts and layers (a CACHE name of its
/// own), dropped afterwards. One clean build per architecture is enough:
/// on a fresh CI machine the images it compares against were themselves
/// built from cold, and on a developer's machine they come from warm
/// caches, the harder case.
#[test]
fn clean_builds_are_reproducible_for_each_architecture() {
    for arch in ARCHES {
        let cache = format!("pebble-reproduce-{}-{}", std::process::id(), arch.name);
        let tag = format!("{REPOSITORY}:reproduce-{}", arch.name);
        let out = Command::new("bash")
            .args(["containers/build.sh", "Containerfile", &tag, "-q"])
            .args(["--platform", &format!("linux/{}", arch.name)])
            .args(["--build-arg", &format!("CACHE={cache}")])
            .output()
            .unwrap();
        let dropped = Command::new("bash")
            .args(["containers/drop-cache.sh", &cache])
            .status()
            .unwrap();
        podman(&["rmi", &tag], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(dropped.success());
        let clean = text(&out.stdout).trim().to_string();
        assert!(!clean.is_empty());
        assert_eq!(
            clean,
            inspect_image(&arch.image(), "{{.Id}}"),
            "{}: a clean build differs from the cached one",
            arch.name
        );
    }
}

/// Whether binfmt_misc hands the other architecture's programs to qemu, so
/// `podman run` of its image works. CI registers it (.ci/run).
fn emulation_registered(arch: Arch) -> bool {
    let entry = match arch.name {
        "arm64" => "qemu-aarch64",
        _ => "qemu-x86_64",
    };
    std::fs::read_to_string(format!("/proc/sys/fs/binfmt_misc/{entry}"))
        .is_ok_and(|state| state.starts_with("enabled"))
}

/// The command line that runs the other architecture's pebble: its image
/// under binfmt emulation, or else its binary through qemu directly (said
/// on stderr, so a run without binfmt is visible).
struct Emulated {
    command: String,
    /// The binary copied out for qemu, removed on drop.
    binary: Option<std::path::PathBuf>,
}

impl Emulated {
    fn new(arch: Arch, options: &str) -> Emulated {
        if emulation_registered(arch) {
            let command = format!(
                "podman run --rm {options} --platform linux/{} {}",
                arch.name,
                arch.image()
            );
            return Emulated {
                command,
                binary: None,
            };
        }
        static COPIES: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let copy = COPIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let binary = std::env::temp_dir().join(format!(
            "pebble-{}-{}-{copy}",
            arch.name,
            std::process::id(),
        ));
        std::fs::write(&binary, image_contents(&arch.image()).1).unwrap();
        std::fs::set_permissions(&binary, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        eprintln!(
            "binfmt_misc has no {} entry: running {} through {}",
            arch.name,
            binary.display(),
            arch.qemu
        );
        Emulated {
            command: format!("{} {}", arch.qemu, binary.display()),
            binary: Some(binary),
        }
    }
}

impl Drop for Emulated {
    fn drop(&mut self) {
        if let Some(binary) = &self.binary {
            let _ = std::fs::remove_file(binary);
        }
    }
}

#[test]
fn the_other_architecture_answers_under_emulation() {
    let arch = other_arch();
    let emulated = Emulated::new(arch, "-i");
    let pebble = &emulated.command;
    let out = shell(&format!("{pebble} '2^64-1'"), None);
    assert_eq!(
        text(&out.stdout),
        "18446744073709551615\n",
        "{}",
        text(&out.stderr)
    );
    assert!(out.status.success());
    let out = shell(pebble, Some("0.1+0.2\nans*10\nsqrt(2)\n"));
    assert_eq!(
        text(&out.stdout),
        "0.3\n3\n1.4142135623731\n",
        "{}",
        text(&out.stderr)
    );
    let out = shell(pebble, None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("nothing to calculate"),
        "{}",
        text(&out.stderr)
    );
}

/// In a terminal the other architecture's pebble answers what is typed:
/// with the screen where the emulator allows raw mode, otherwise (qemu 7.2)
/// in line mode after saying why.
#[test]
fn the_other_architecture_answers_in_a_terminal_under_emulation() {
    let arch = other_arch();
    let emulated = Emulated::new(arch, "-it");
    let pane = Pane::start("emulated-tui", &emulated.command, 100, 30);
    pane.wait_for("pebble");
    pane.keys(&["-l", "6*7"]);
    pane.keys(&["Enter"]);
    let screen = pane.wait_for("42");
    if screen.contains("cannot start here") {
        assert!(screen.contains("Reading lines instead"), "{screen}");
        pane.keys(&["C-d"]);
    } else {
        // The first Ctrl-C clears the answer; the second quits.
        pane.keys(&["C-c"]);
        pane.wait_for("again to quit");
        pane.keys(&["C-c"]);
    }
    assert_eq!(pane.wait_exit(), "0");
}

#[test]
fn the_oci_archive_indexes_both_architectures() {
    let archive = std::path::Path::new("target/oci/pebble.tar");
    assert!(archive.exists(), "run `just oci` first");
    let dir = std::env::temp_dir().join(format!("pebble-oci-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let untar = Command::new("tar")
        .arg("-xf")
        .arg(archive)
        .arg("-C")
        .arg(&dir)
        .status()
        .unwrap();
    assert!(untar.success());
    let json = |path: std::path::PathBuf| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
    };
    let blob = |digest: &serde_json::Value| {
        let digest = digest.as_str().unwrap();
        json(
            dir.join("blobs/sha256")
                .join(digest.strip_prefix("sha256:").unwrap()),
        )
    };
    let top = json(dir.join("index.json"));
    let entries = top["manifests"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{top}");
    assert_eq!(
        entries[0]["mediaType"],
        "application/vnd.oci.image.index.v1+json"
    );
    assert_eq!(
        entries[0]["annotations"]["org.opencontainers.image.ref.name"],
        "latest"
    );
    let index = blob(&entries[0]["digest"]);
    let manifests = index["manifests"].as_array().unwrap();
    let platforms: Vec<String> = manifests
        .iter()
        .map(|m| {
            format!(
                "{}/{}",
                m["platform"]["os"].as_str().unwrap(),
                m["platform"]["architecture"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(platforms, ["linux/amd64", "linux/arm64"]);
    for (entry, arch) in manifests.iter().zip(ARCHES) {
        let manifest = blob(&entry["digest"]);
        let config_digest = manifest["config"]["digest"].as_str().unwrap().to_string();
        let config = blob(&manifest["config"]["digest"]);
        assert_eq!(config["architecture"], arch.name);
        assert_eq!(config["os"], "linux");
        assert_eq!(manifest["layers"].as_array().unwrap().len(), 1);
        // The very image `just build-all` made for that architecture.
        assert_eq!(
            config_digest,
            format!("sha256:{}", inspect_image(&arch.image(), "{{.Id}}"))
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
