#!/usr/bin/env bash
# Checks that two builds of the CLI write the same results, byte for byte, for run, sweep (whole
# and in two shards), compare, study (with a power analysis), validate and compete, on 1 and 2
# threads. Provenance (times, command line, version, the build's commit and whether its tree was clean) is
# the only thing allowed to differ: summary.json and manifest.json are compared without it, and
# report.html and the SVGs are not compared (the report embeds the provenance; JFreeSVG names its
# clip paths from the clock, so an SVG differs between any two runs, even of one build).
#   benchmarks/scripts/byte-identity.sh OLD.jar NEW.jar [WORKDIR]
set -euo pipefail
old="$1"; new="$2"; work="${3:-$(mktemp -d)}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sweep="$root/scenarios/sweeps/example.yaml"
hypotheses="$root/scenarios/hypotheses/example.yaml"
run_all() { # jar label
  local jar="$1" out="$work/$2"
  for t in 1 2; do
    java -jar "$jar" run default --reps 20 --trajectories --out "$out/run-t$t" --force --quiet --threads "$t" >/dev/null
    java -jar "$jar" sweep "$sweep" --out "$out/sweep-t$t" --force --threads "$t" >/dev/null
    java -jar "$jar" compare default involuntary-referral --reps 10 --out "$out/compare-t$t" --force --threads "$t" >/dev/null
    java -jar "$jar" study default --replications 4 --sizes 100,200 --out "$out/study-t$t" --force --quiet --threads "$t" >/dev/null
    java -jar "$jar" validate --reps 6 --out "$out/validate-t$t" --force --threads "$t" >/dev/null
    java -jar "$jar" compete "$hypotheses" --out "$out/compete-t$t" --force --quiet --threads "$t" >/dev/null
  done
  java -jar "$jar" run clinic-waitlist --reps 3 --out "$out/clinic" --force --quiet --threads 2 >/dev/null
  for k in 1 2; do
    java -jar "$jar" sweep "$sweep" --out "$out/shard$k" --force --threads 2 --shard "$k/2" >/dev/null
  done
  java -jar "$jar" merge "$out/shard1" "$out/shard2" --out "$out/merged" --force >/dev/null
}
strip() { # drop provenance-like lines from a JSON file
  grep -v -E '"(started|finished|command_line|version|java|host|arguments|seconds|duration|commit|clean)"' "$1" || true
}
run_all "$old" old
run_all "$new" new
status=0; files=0
while IFS= read -r f; do
  rel="${f#$work/old/}"
  case "$rel" in
    *.html) continue ;;
    *.json) if ! cmp -s <(strip "$f") <(strip "$work/new/$rel"); then echo "DIFFERS: $rel"; status=1; fi ;;
    *) if ! cmp -s "$f" "$work/new/$rel"; then echo "DIFFERS: $rel"; status=1; fi ;;
  esac
  files=$((files + 1))
done < <(find "$work/old" -type f \( -name '*.csv' -o -name '*.json' -o -name '*.csv.gz' -o -name '*.png' \) | sort)
# Thread counts and shards: the same folder from 1 and 2 threads, and merged shards against the whole sweep.
for d in run sweep compare study validate compete; do
  for f in $(cd "$work/new/$d-t1" && find . -name '*.csv' -o -name '*.csv.gz' -o -name '*.png' | sort); do
    cmp -s "$work/new/$d-t1/$f" "$work/new/$d-t2/$f" || { echo "DIFFERS by threads: $d/$f"; status=1; }
  done
done
for f in points.csv runs.csv; do
  cmp -s "$work/new/merged/$f" "$work/new/sweep-t2/$f" || { echo "DIFFERS merged shards vs whole: $f"; status=1; }
done
echo "$files files compared old vs new; status $status (0 = identical); folders in $work"
exit $status
