# pebble's tasks. `just` alone lists them.

set shell := ["bash", "-euo", "pipefail", "-c"]

target := arch() + "-unknown-linux-musl"
musl_binary := "target/" + target + "/release/pebble"
repository := "localhost/pebble"
image := repository + ":latest"
# Image architectures by podman's names: this machine's and the other one.
native_arch := if arch() == "aarch64" { "arm64" } else { "amd64" }
other_arch := if native_arch == "amd64" { "arm64" } else { "amd64" }
single_stage_image := "localhost/pebble:single-stage"
rust_image := "docker.io/library/rust:1.95-slim-bookworm"
debian_image := "docker.io/library/debian:bookworm-slim"
# An extra CA bundle for builds behind a TLS-intercepting proxy (see docs/container.md).
ca_bundle := env("PEBBLE_CA_BUNDLE", "")
ca_volume := if ca_bundle == "" { "" } else { "--volume=" + ca_bundle + ":/etc/ssl/certs/ca-certificates.crt:ro" }
cargo_bloat_version := "0.12.1"
hardening := "--read-only --cap-drop=all --network=none --security-opt=no-new-privileges"

# List the recipes
default:
    @just --list

# Run pebble locally (the calculator in a terminal; arguments as for pebble)
run *args:
    cargo run --release -- {{ args }}

# Native release build
build:
    cargo build --release --locked

# Static musl release build, as the container ships it (std rebuilt without its backtrace code; see docs/container.md)
build-musl arch=arch():
    bash containers/release-build.sh {{ arch }}-unknown-linux-musl
    @ls -l target/{{ arch }}-unknown-linux-musl/release/pebble

# What each crate costs in the release binary: cargo-bloat on the build-musl build, symbols kept
bloat arch=arch():
    command -v cargo-bloat >/dev/null || cargo install --locked --version {{ cargo_bloat_version }} cargo-bloat
    CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR=target/bloat \
        bash containers/release-build.sh {{ arch }}-unknown-linux-musl bloat --crates -n 0

# The scratch image for this machine: localhost/pebble:latest, also tagged with its architecture
image: ensure-base-images
    bash containers/build.sh Containerfile {{ image }} -t {{ repository }}:{{ native_arch }} --platform linux/{{ native_arch }}

# The scratch image for the other architecture (amd64 or arm64), cross-compiled on this machine
image-other-arch: ensure-base-images
    bash containers/build.sh Containerfile {{ repository }}:{{ other_arch }} --platform linux/{{ other_arch }}

# The naive one-stage image, localhost/pebble:single-stage, for comparison
image-single-stage: ensure-base-images
    bash containers/build.sh containers/single-stage.Containerfile {{ single_stage_image }}

# The musl binary, the scratch images for both architectures and the single-stage image
build-all: build-musl image image-other-arch image-single-stage

# An OCI archive with both architectures' images under one index: target/oci/pebble.tar
oci: image image-other-arch
    bash containers/oci.sh

# Both architectures' binaries and images against their budgets, and the single-stage image
sizes:
    bash containers/sizes.sh

# The calculator in the hardened scratch container
run-container *args:
    podman run -it --rm {{ hardening }} {{ image }} {{ args }}

# Unit, property, CLI, rendering and terminal (tmux) tests
test:
    cargo test --locked

# The same tests against the static musl build of this machine's target
test-musl:
    cargo test --locked --target {{ target }}

# The fuzz target compiles (running it needs nightly: `just fuzz`)
build-fuzz:
    cd fuzz && cargo build --locked

# The containers end to end: podman, a real terminal (tmux), both architectures, the OCI archive
test-container: image image-other-arch image-single-stage oci
    cargo test --locked --features container-tests --test container -- --test-threads=1

# pebble against mpmath on 6,000-odd adversarial cases: fails on any wrong digit or false exact claim, counts refusals
hunt: build-musl
    python3 tests/hunt.py {{ musl_binary }}

# Formatting and lints
lint:
    cargo fmt --check
    cargo clippy --locked --all-targets --all-features -- -D warnings

# Benchmarks: pebble against bc (running totals and 10,000 digits too) and qalc (unit conversions), render time, start-up, memory, rebuild time
bench: build build-musl
    cargo bench --locked --bench render -- --noplot --warm-up-time 1 --measurement-time 3
    cargo bench --locked --bench evaluate -- --noplot --warm-up-time 1 --measurement-time 3
    python3 bench/compare.py {{ musl_binary }}
    python3 bench/streams.py target/release/pebble {{ musl_binary }}
    python3 bench/units.py target/release/pebble {{ musl_binary }}
    python3 bench/digits.py {{ musl_binary }}

# Cold image build against a rebuild after a src/-only change
bench-rebuild: ensure-base-images
    bash bench/rebuild.sh

# Fuzz the evaluator (needs nightly and cargo-fuzz); seeds and a token dictionary in fuzz/
# (AddressSanitizer makes big-number lines some fifty times slower and keeps
# freed memory in quarantine: hence 10 s a run and 6 GiB, not libFuzzer's 2.)
fuzz seconds="60":
    mkdir -p fuzz/corpus/evaluate
    cd fuzz && cargo +nightly fuzz run evaluate corpus/evaluate seeds -- -max_total_time={{ seconds }} -timeout=10 -rss_limit_mb=6144 -max_len=512 -dict=pebble.dict

# Rebuild the upstream base images offline (mmdebstrap and rustup), if missing
base-images:
    #!/usr/bin/env bash
    set -euo pipefail
    if podman image exists {{ debian_image }}; then
        echo "{{ debian_image }} already present"
    else
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
        mmdebstrap --variant=minbase --include=ca-certificates bookworm "$work/debian.tar"
        podman import "$work/debian.tar" {{ debian_image }}
    fi
    if podman image exists {{ rust_image }}; then
        echo "{{ rust_image }} already present"
    else
        context=$(mktemp -d)
        trap 'rm -rf "$context"' EXIT
        installer=$(command -v rustup-init || command -v rustup || true)
        if [ -z "$installer" ]; then
            echo "base-images needs rustup on this machine (it is the installer)" >&2
            exit 1
        fi
        cp "$installer" "$context/rustup-init"
        podman build {{ ca_volume }} -t {{ rust_image }} -f containers/rust-base.Containerfile "$context"
    fi

# Pull the base images, or rebuild them when no registry can be reached
[private]
ensure-base-images:
    #!/usr/bin/env bash
    set -euo pipefail
    if podman image exists {{ rust_image }}; then exit 0; fi
    if timeout 60 podman pull {{ rust_image }} >/dev/null 2>&1; then exit 0; fi
    echo "cannot pull {{ rust_image }}: rebuilding the base images locally" >&2
    just base-images

# Everything CI runs
ci: lint test test-musl build-fuzz build-all hunt sizes test-container bench bench-rebuild
