# pebble's tasks. `just` alone lists them.

set shell := ["bash", "-euo", "pipefail", "-c"]

target := "x86_64-unknown-linux-musl"
musl_binary := "target/" + target + "/release/pebble"
image := "localhost/pebble:latest"
single_stage_image := "localhost/pebble:single-stage"
rust_image := "docker.io/library/rust:1.95-slim-bookworm"
debian_image := "docker.io/library/debian:bookworm-slim"
# An extra CA bundle for builds behind a TLS-intercepting proxy (see README).
ca_bundle := env("PEBBLE_CA_BUNDLE", "")
ca_volume := if ca_bundle == "" { "" } else { "--volume=" + ca_bundle + ":/etc/ssl/certs/ca-certificates.crt:ro" }
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

# Static musl release build, as the container ships it
build-musl:
    rustup target add {{ target }}
    cargo build --release --locked --target {{ target }}
    @ls -l {{ musl_binary }}

# The scratch image, localhost/pebble:latest (multi-stage Containerfile)
image: ensure-base-images
    bash containers/build.sh Containerfile {{ image }}

# The naive one-stage image, localhost/pebble:single-stage, for comparison
image-single-stage: ensure-base-images
    bash containers/build.sh containers/single-stage.Containerfile {{ single_stage_image }}

# The musl binary and both images
build-all: build-musl image image-single-stage

# Sizes of the single-stage image, the scratch image and the binary
sizes:
    #!/usr/bin/env bash
    set -euo pipefail
    single=$(podman image inspect --format '{{{{.Size}}' {{ single_stage_image }})
    scratch=$(podman image inspect --format '{{{{.Size}}' {{ image }})
    binary=$(stat -c %s {{ musl_binary }})
    printf '%-34s %14s %12s\n' artefact bytes KiB
    printf '%-34s %14d %12.1f\n' "{{ single_stage_image }}" "$single" "$(echo "$single/1024" | bc -l)"
    printf '%-34s %14d %12.1f\n' "{{ image }}" "$scratch" "$(echo "$scratch/1024" | bc -l)"
    printf '%-34s %14d %12.1f\n' "musl binary (stripped)" "$binary" "$(echo "$binary/1024" | bc -l)"
    printf 'single-stage / scratch: %.0fx\n' "$(echo "$single/$scratch" | bc -l)"

# The calculator in the hardened scratch container
run-container *args:
    podman run -it --rm {{ hardening }} {{ image }} {{ args }}

# Unit, property, CLI, rendering and terminal (tmux) tests
test:
    cargo test --locked

# The container end to end: podman, a real terminal (tmux), image checks
test-container: image image-single-stage
    cargo test --locked --features container-tests --test container -- --test-threads=1

# Formatting and lints
lint:
    cargo fmt --check
    cargo clippy --locked --all-targets -- -D warnings

# Benchmarks: pebble against bc, render time, start-up, memory, rebuild time
bench: build build-musl
    cargo bench --locked --bench render -- --noplot
    cargo bench --locked --bench evaluate -- --noplot
    python3 bench/compare.py {{ musl_binary }}

# Cold image build against a rebuild after a src/-only change
bench-rebuild: ensure-base-images
    bash bench/rebuild.sh

# Fuzz the evaluator (needs nightly and cargo-fuzz); seeds and a token dictionary in fuzz/
fuzz seconds="60":
    mkdir -p fuzz/corpus/evaluate
    cd fuzz && cargo +nightly fuzz run evaluate corpus/evaluate seeds -- -max_total_time={{ seconds }} -timeout=2 -max_len=512 -dict=pebble.dict

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
ci: lint test build-all sizes test-container bench bench-rebuild
