#!/usr/bin/env bash
# What ships, for both architectures: the binary inside each image, each
# image, and the single-stage image they replace, against the budgets
# (tests/container.rs asserts the same budgets).
set -euo pipefail
repository=localhost/pebble
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The /pebble of an image, copied out without running it (so either
# architecture works on any machine).
binary_size() {
    local container
    container=$(podman create "$1" 2> >(grep -v 'does not match the expected platform' >&2))
    podman cp "$container:/pebble" "$work/pebble"
    podman rm "$container" >/dev/null
    stat -c %s "$work/pebble"
}
image_size() { podman image inspect --format '{{.Size}}' "$1"; }
kib() { echo "scale=1; $1 / 1024" | bc; }
row() { printf '%-36s %10s %9s %12s\n' "$@"; }

single=$(image_size "$repository:single-stage")
row artefact bytes KiB "budget KiB"
row "$repository:single-stage" "$single" "$(kib "$single")" ""
for arch in amd64 arm64; do
    case $arch in
        amd64) binary_budget=780 ;;
        arm64) binary_budget=690 ;;
    esac
    binary=$(binary_size "$repository:$arch")
    image=$(image_size "$repository:$arch")
    row "$arch binary (/pebble in the image)" "$binary" "$(kib "$binary")" "$binary_budget"
    row "$repository:$arch" "$image" "$(kib "$image")" "binary + 8"
    ratios+=("$(printf 'single-stage / %s: %.0fx' "$arch" "$(echo "$single / $image" | bc -l)")")
done
printf '%s\n' "${ratios[@]}"
