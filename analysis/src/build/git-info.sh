#!/usr/bin/env bash
# Run by Maven (analysis/pom.xml, generate-resources): writes the commit the program is built from and
# whether the work tree was clean (no modified, staged or untracked files that git does not ignore) to
# the properties file $1, read by Provenance. Without git or outside a repository (a source archive)
# both are "unknown"; the build never fails here.
set -u
out="$1"
mkdir -p "$(dirname "$out")"
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
commit=unknown
clean=unknown
if command -v git >/dev/null 2>&1 && c=$(git -C "$dir" rev-parse --verify -q HEAD 2>/dev/null); then
  commit="$c"
  if s=$(git -C "$dir" status --porcelain 2>/dev/null); then
    if [ -z "$s" ]; then clean=true; else clean=false; fi
  fi
fi
tmp="$out.tmp.$$"
printf 'commit=%s\nclean=%s\n' "$commit" "$clean" >"$tmp" && mv -f "$tmp" "$out"
