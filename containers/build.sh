#!/usr/bin/env bash
# Builds an image reproducibly: every timestamp is the last commit's, and the
# version and revision labels come from Cargo.toml and git.
#   containers/build.sh CONTAINERFILE TAG [extra podman build arguments...]
# The builder stage runs on this machine's architecture: buildah before 1.29
# does not set BUILDPLATFORM itself, so it is given here. Pass --platform for
# another architecture's image.
# PEBBLE_CA_BUNDLE, if set, is mounted over the build's CA bundle (for
# networks behind a TLS-intercepting proxy).
set -euo pipefail
containerfile=$1
tag=$2
shift 2
cd "$(dirname "$0")/.."
epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
build_platform="linux/$(podman info --format '{{.Host.Arch}}')"
extra=()
if [ -n "${PEBBLE_CA_BUNDLE:-}" ]; then
    extra+=("--volume=${PEBBLE_CA_BUNDLE}:/etc/ssl/certs/ca-certificates.crt:ro")
fi
# Labels are given here as well as in the Containerfile: buildah's layer
# cache does not notice a changed build argument in a LABEL, so a cached
# build would keep the previous revision.
exec podman build "${extra[@]}" --timestamp "$epoch" \
    --build-arg "BUILDPLATFORM=$build_platform" \
    --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
    --label "org.opencontainers.image.version=$version" \
    --label "org.opencontainers.image.revision=$revision" \
    -t "$tag" -f "$containerfile" "$@" .
