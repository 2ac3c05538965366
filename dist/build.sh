#!/usr/bin/env bash
# Builds the download alliancesim-VERSION-linux-x64.tar.gz: a Java runtime made with jlink holding only
# the modules the program needs (found with jdeps), the command-line jar, the launcher and the built-in
# scenarios. Run by Maven in the dist profile (analysis/pom.xml: mvn -B package -Pdist), after the shade
# plugin has written the jar; docs/release.md.
#   dist/build.sh VERSION JAR OUT_DIR
set -euo pipefail
version="$1"; jar="$2"; out="$3"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
jdeps="$java_home/bin/jdeps"; jlink="$java_home/bin/jlink"
[ -x "$jlink" ] && [ -d "$java_home/jmods" ] || {
  echo "dist/build.sh: jlink and the JDK's jmods are needed (a full JDK 17+, $java_home has none)" >&2; exit 1; }

name="alliancesim-$version"
stage="$out/$name"
rm -rf "$stage" "$out/$name-linux-x64.tar.gz" "$out/$name-linux-x64.tar.gz.sha256"
mkdir -p "$stage/bin" "$stage/lib"

# The modules the jar uses, as jdeps finds them (classes of optional features of libraries, e.g. a logging
# backend we do not ship, are missing: ignored). On 0.3.0: java.base, java.desktop (the charts),
# java.instrument, java.management, java.naming, java.rmi, java.security.jgss, java.sql. The classroom is
# Jetty's (Javalin), not jdk.httpserver; .ci/dist-check.sh runs run, classroom and sweep on this runtime.
modules=$("$jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar")
echo "dist: jlink modules $modules"
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$stage/runtime"

cp "$jar" "$stage/lib/alliancesim.jar"
cp "$root/bin/alliancesim" "$stage/bin/alliancesim"
chmod 755 "$stage/bin/alliancesim"
# The scenario files as examples to copy and edit (the built-in ones are in the jar as well).
mkdir -p "$stage/scenarios"
for d in library sweeps studies hypotheses targets; do
  [ -d "$root/scenarios/$d" ] && cp -r "$root/scenarios/$d" "$stage/scenarios/$d"
done
for f in README.md CHANGELOG.md CITATION.cff; do
  [ -f "$root/$f" ] && cp "$root/$f" "$stage/$f"
done
cp "$root/dist/README-download.txt" "$stage/README.txt"

# A reproducible archive: sorted names, one fixed time, numeric owner 0, gzip without a name or time.
(cd "$out" && tar --sort=name --mtime='2026-01-01 00:00:00Z' --owner=0 --group=0 --numeric-owner -cf - "$name" \
  | gzip -n -9 >"$name-linux-x64.tar.gz")
(cd "$out" && sha256sum "$name-linux-x64.tar.gz" >"$name-linux-x64.tar.gz.sha256")
rm -rf "$stage"
echo "dist: $out/$name-linux-x64.tar.gz, $(du -k "$out/$name-linux-x64.tar.gz" | cut -f1) KiB"
