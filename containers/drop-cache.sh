#!/usr/bin/env bash
# Removes the build cache mounts a build made under CACHE=NAME (see the
# Containerfile): benches and tests that need a cold build use a fresh name,
# then drop it. buildah keeps them in TMPDIR (or /var/tmp), in buildah-cache
# (root) or buildah-cache-UID (rootless).
#   containers/drop-cache.sh NAME
set -euo pipefail
name=${1:?cache name}
rm -rf "${TMPDIR:-/var/tmp}"/buildah-cache*/"$name"-registry "${TMPDIR:-/var/tmp}"/buildah-cache*/"$name"-target
