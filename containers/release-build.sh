#!/usr/bin/env bash
# The static musl release build that the images ship, run the same way by
# the Containerfile, `just build-musl` and `just bloat`:
#   containers/release-build.sh TARGET [CARGO SUBCOMMAND...]   (default: build)
#   containers/release-build.sh aarch64-unknown-linux-musl auditable build
# The flags are in .cargo/release.toml. Here is only what depends on the
# machine:
# - RUSTC_BOOTSTRAP=1, so the pinned stable toolchain (rust-toolchain.toml)
#   takes build-std's unstable flags;
# - the build paths, rewritten so none is left in the binary: the checkout,
#   cargo's home and the rust-src component std is now built from (to
#   /rustc/COMMIT, where the prebuilt std points). The binary is then the
#   same from any checkout on any machine.
set -euo pipefail
target=${1:?a target such as x86_64-unknown-linux-musl}
shift
if [ $# -eq 0 ]; then set -- build; fi
cd "$(dirname "$0")/.."
sysroot=$(rustc --print sysroot)
commit=$(rustc -vV | sed -n 's/^commit-hash: //p')
cargo_home=${CARGO_HOME:-$HOME/.cargo}
remap="['--remap-path-prefix=$PWD=/pebble'"
remap+=",'--remap-path-prefix=$cargo_home=/cargo'"
remap+=",'--remap-path-prefix=$sysroot/lib/rustlib/src/rust=/rustc/$commit']"
configs=(--config .cargo/release.toml)
# cargo bloat takes one --config only, and its build ships nowhere.
if [ "$1" != bloat ]; then configs+=(--config "target.$target.rustflags=$remap"); fi
export RUSTC_BOOTSTRAP=1
cargo "$@" --release --locked --target "$target" "${configs[@]}"
# The unstable flags can change between releases. If they stop taking
# effect, std's backtrace code (gimli reading debug links) is back: say so
# rather than ship a binary 240 KB over its budget.
binary=${CARGO_TARGET_DIR:-target}/$target/release/pebble
if [ "${*: -1}" = build ] && grep -q -a -F '.gnu_debuglink' "$binary"; then
    echo "$binary holds std's backtrace code: build-std did not take effect" \
        "(see \"Why std is built from source\" in docs/container.md)" >&2
    exit 1
fi
# std may come to name an unwinder entry point that src/no_unwinder.rs does
# not stand in for; libunwind (its messages start "libunwind:") would then
# be linked again, 50 KB over: say so.
if [ "${*: -1}" = build ] && grep -q -a -F 'libunwind:' "$binary"; then
    echo "$binary links libunwind: std names an unwinder entry point that" \
        "src/no_unwinder.rs does not stand in for (nm -u on the object lists them)" >&2
    exit 1
fi
