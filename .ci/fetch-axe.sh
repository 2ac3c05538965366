#!/usr/bin/env bash
# Fetches axe-core (the accessibility checker the classroom browser test injects) from the npm
# registry with npm's own client, pinned by version and by the tarball's SHA-1, and unpacks
# axe.min.js into analysis/target/axe/. Nothing third-party is committed; run again after 'mvn clean'.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=4.14.1
shasum=14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99   # npm view axe-core@4.14.1 dist.shasum
dest=analysis/target/axe

if [ -f "$dest/axe.min.js" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch-axe: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "axe-core@$version" >/dev/null)
tarball="$tmp/axe-core-$version.tgz"
found=$(sha1sum "$tarball" | cut -d' ' -f1)
if [ "$found" != "$shasum" ]; then
  echo "fetch-axe: axe-core-$version.tgz has SHA-1 $found, expected $shasum" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$tmp" package/axe.min.js package/LICENSE
mkdir -p "$dest"
cp "$tmp/package/axe.min.js" "$tmp/package/LICENSE" "$dest/"
echo "$version" > "$dest/VERSION"
echo "fetch-axe: axe-core $version in $dest/axe.min.js"
