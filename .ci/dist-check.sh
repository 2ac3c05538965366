#!/usr/bin/env bash
# The download runs with no Java installed and gives the results of the build from source, byte for byte.
#   .ci/dist-check.sh TARBALL SOURCE_JAR
# Unpacks TARBALL in a temporary folder and, with PATH stripped of java (and of Maven) and JAVA_HOME unset,
# runs `run default`, `classroom` (one HTTP request, then stops it) and `sweep`; then runs the same with
# `java -jar SOURCE_JAR` and compares every file written (CSV, PNG, SVG, JSON, HTML) byte for byte, apart
# from the provenance lines that hold the time (started, finished) or the folders (a sweep's command line); the classroom answers must be equal
# apart from the time they took.
set -euo pipefail
tarball="$(readlink -f "$1")"; jar="$(readlink -f "$2")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work"
app=$(echo "$work"/alliancesim-*/bin/alliancesim)
[ -x "$app" ] || { echo "dist-check: no bin/alliancesim in $tarball" >&2; exit 1; }

# A PATH with every command of this one except java and the JDK's and Maven's tools.
nojava="$work/path"
mkdir -p "$nojava"
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  for f in "$d"/*; do
    n=${f##*/}
    case "$n" in java|javac|javadoc|jshell|jar|jlink|jdeps|jpackage|jrunscript|keytool|mvn|mvnDebug) continue ;; esac
    [ -x "$f" ] && [ ! -e "$nojava/$n" ] && ln -s "$f" "$nojava/$n"
  done
done
if env -u JAVA_HOME PATH="$nojava" bash -c 'command -v java' >/dev/null; then
  echo "dist-check: java is still on the stripped PATH" >&2; exit 1
fi
dist() { env -u JAVA_HOME PATH="$nojava" "$app" "$@"; }
src() { java -Djava.awt.headless=true -jar "$jar" "$@"; }

# The classroom: start it on a free port, ask one slider setting, stop it.
classroom() { # label launcher-function
  local log="$work/$1-classroom.log" pid url
  "$2" classroom --port 0 >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do grep -q 'http://' "$log" && break; sleep 0.2; done
  url=$(grep -o 'http://[0-9.]*:[0-9]*' "$log" | head -1)
  [ -n "$url" ] || { cat "$log" >&2; kill "$pid" 2>/dev/null; echo "dist-check: $1 classroom did not start" >&2; return 1; }
  curl -fsS "$url/api/run?warmth=0.4&repair=0.8" -o "$work/$1-classroom.json"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  [ -s "$work/$1-classroom.json" ]
}

for who in dist src; do
  "$who" --version
  "$who" run default --reps 10 --out "$work/$who/run" --quiet >/dev/null
  "$who" sweep "$root/scenarios/sweeps/example.yaml" --out "$work/$who/sweep" --quiet >/dev/null
  classroom "$who" "$who"
done
# The answer says how long it took ("seconds"): the one field allowed to differ.
untimed() { sed -E 's/"seconds":[0-9.eE+-]+//' "$1"; }
cmp <(untimed "$work/dist-classroom.json") <(untimed "$work/src-classroom.json") \
  || { echo "dist-check: the classroom answers differ" >&2; exit 1; }

status=0; files=0
noprov() { grep -v -E '"(started|finished|command_line)" : "|<th>(started|finished|command line)</th>' "$1" || true; }
while IFS= read -r f; do
  rel="${f#"$work/src/"}"
  other="$work/dist/$rel"
  case "$rel" in
    *.json|*.html) cmp -s <(noprov "$f") <(noprov "$other") || { echo "DIFFERS: $rel" >&2; status=1; } ;;
    *) cmp -s "$f" "$other" || { echo "DIFFERS: $rel" >&2; status=1; } ;;
  esac
  files=$((files + 1))
done < <(find "$work/src" -type f | sort)
n_dist=$(find "$work/dist" -type f | wc -l)
[ "$n_dist" -eq "$files" ] || { echo "dist-check: the download wrote $n_dist files, the source build $files" >&2; status=1; }
[ "$files" -gt 20 ] || { echo "dist-check: only $files files compared" >&2; status=1; }
echo "dist-check: $files files of run and sweep and one classroom answer compared, download against source: status $status (0 = identical)"
exit $status
