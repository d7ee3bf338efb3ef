#!/usr/bin/env bash
# How much the dependency layer saves: a cold image build against a rebuild
# after a change to src/ alone (goal: the rebuild takes at most 25%).
# Works on a copy of the tracked files, so the checkout is never touched. The
# copy keeps the files' times, which podman's layer cache compares: with git
# archive's times, one CI run's rebuild missed the dependency layer (86%),
# most likely by picking the cache chain of the checkout's own earlier build.
set -euo pipefail
cd "$(dirname "$0")/.."
copy=$(mktemp -d)
trap 'rm -rf "$copy"; podman rmi -f localhost/pebble:rebuild-bench >/dev/null 2>&1 || true' EXIT
git ls-files -z | xargs -0 cp -a --parents -t "$copy"
build() {
    local start end
    start=$(date +%s.%N)
    podman build -q "$@" -t localhost/pebble:rebuild-bench -f "$copy/Containerfile" "$copy" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
cold=$(build --no-cache)
# Unique each run, so no earlier run's layers can be reused.
echo "// a change to src/ alone, $(date +%s%N)" >> "$copy/src/main.rs"
warm=$(build)
printf '%-34s %8.1fs\n' "cold image build" "$cold" "rebuild after a src/ change" "$warm"
printf '%-34s %8.0f%%  (goal: 25%% or less)\n' "rebuild / cold" "$(echo "100 * $warm / $cold" | bc -l)"
