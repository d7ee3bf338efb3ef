#!/usr/bin/env bash
# Writes target/oci/pebble.tar: an OCI archive whose index holds the amd64 and
# the arm64 image (localhost/pebble:amd64 and :arm64, from `just build-all`),
# ready for `skopeo copy --all oci-archive:target/oci/pebble.tar docker://...`.
#
# The manifest list exists only while this runs: with one in local storage,
# podman 4.3's `podman images` fails and `podman run --platform` picks the
# wrong instance (podman issue 19757).
set -euo pipefail
cd "$(dirname "$0")/.."
repository=localhost/pebble
list="$repository:oci-index-$$"
archive=target/oci/pebble.tar
trap 'podman manifest rm "$list" >/dev/null 2>&1 || true' EXIT
mkdir -p "$(dirname "$archive")"
rm -f "$archive"
podman manifest create "$list" >/dev/null
for arch in amd64 arm64; do
    podman manifest add "$list" "containers-storage:$repository:$arch" >/dev/null
done
podman manifest push --quiet --all "$list" "oci-archive:$archive:latest"
echo "$archive: $(stat -c %s "$archive") bytes, linux/amd64 and linux/arm64"
