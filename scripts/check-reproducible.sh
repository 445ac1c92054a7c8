#!/usr/bin/env bash
# Builds warden.jar twice, each from its own clean copy of the committed tree, and compares the
# SHA-256 of the two jars: with project.build.outputTimestamp set, the same sources give the same
# bytes. Offline when the Maven cache has everything (as after ./mvnw verify). Exits 1 when they
# differ.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sums=()
for copy in a b; do
  git clone -q . "$work/$copy"
  (cd "$work/$copy" && ./mvnw -B -q -o package -DskipTests -Dmaven.test.skip=true >/dev/null 2>"$work/$copy.err") \
    || { echo "reproducible: build $copy failed:" >&2; cat "$work/$copy.err" >&2; exit 1; }
  sums+=("$(sha256sum "$work/$copy/target/warden.jar" | cut -d' ' -f1)")
done
if [ "${sums[0]}" != "${sums[1]}" ]; then
  echo "reproducible: the two builds differ: ${sums[0]} vs ${sums[1]}" >&2
  exit 1
fi
echo "reproducible: two clean builds of warden.jar are identical (sha256 ${sums[0]})"
