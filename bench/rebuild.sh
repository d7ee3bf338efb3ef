#!/usr/bin/env bash
# How much the build cache saves: a cold image build against rebuilds after
# a change to src/ alone (goal: each rebuild takes at most 25% of the cold
# build, over several changes in a row).
# Works on a copy of the tracked files, so the checkout is never touched. The
# copy keeps the files' times, which podman's layer cache compares.
# The builds get a cache name of their own (CACHE in the Containerfile): the
# first finds no layer and empty cache mounts, the later ones reuse what it
# left, and no other build's cache is touched. The caches are dropped at the
# end.
set -euo pipefail
cd "$(dirname "$0")/.."
rebuilds=${1:-3}
cache="pebble-rebuild-bench-$$"
copy=$(mktemp -d)
trap 'rm -rf "$copy"; bash containers/drop-cache.sh "$cache"; podman rmi -f localhost/pebble:rebuild-bench >/dev/null 2>&1 || true' EXIT
git ls-files -z | xargs -0 cp -a --parents -t "$copy"
# Built as `just image` builds, by the copy's own containers/build.sh (outside
# a git checkout its timestamps and labels fall back to fixed values).
platform="linux/$(podman info --format '{{.Host.Arch}}')"
build() {
    local start end
    start=$(date +%s.%N)
    bash "$copy/containers/build.sh" Containerfile localhost/pebble:rebuild-bench -q \
        --build-arg "CACHE=$cache" --platform "$platform" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
cold=$(build)
printf '%-34s %8.1fs\n' "cold image build" "$cold"
worst=0
for run in $(seq "$rebuilds"); do
    # Unique each time, so no earlier run's layers can be reused.
    echo "// a change to src/ alone, $(date +%s%N)" >> "$copy/src/main.rs"
    warm=$(build)
    percent=$(echo "100 * $warm / $cold" | bc -l)
    printf '%-34s %8.1fs %5.0f%%\n' "rebuild $run after a src/ change" "$warm" "$percent"
    if (( $(echo "$percent > $worst" | bc -l) )); then worst=$percent; fi
done
printf '%-34s %8.0f%%  (goal: 25%% or less)\n' "slowest rebuild / cold" "$worst"
