#!/usr/bin/env bash
# Issue 17's user-view table: wall time and peak RSS of `run default --reps 200` and of the
# 1000-point random sweep (benchmarks/sweeps/random-1000.yaml), on 1 and 2 threads, for one or more
# builds of the CLI, interleaved (jar A, jar B, jar A, ...) so that they share the machine's state.
#   benchmarks/scripts/pipeline-timings.sh [ROUNDS] JAR...      (ROUNDS: default 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds=1
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then rounds="$1"; shift; fi
[ $# -ge 1 ] || set -- "$root/analysis/target/alliancesim.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# jar workload threads wall_s peak_rss_mb"
for _ in $(seq 1 "$rounds"); do
  for t in 1 2; do
    for jar in "$@"; do
      /usr/bin/time -f "$(basename "$jar") run-200 $t %e %M" -o "$work/t" \
        java -jar "$jar" run default --reps 200 --out "$work/run" --force --quiet --threads "$t" >/dev/null
      awk '{printf "%s %s %s %s %.0f\n", $1, $2, $3, $4, $5 / 1024}' "$work/t"
      /usr/bin/time -f "$(basename "$jar") sweep-1000 $t %e %M" -o "$work/t" \
        java -jar "$jar" sweep "$root/benchmarks/sweeps/random-1000.yaml" --out "$work/sweep" --force --threads "$t" >/dev/null
      awk '{printf "%s %s %s %s %.0f\n", $1, $2, $3, $4, $5 / 1024}' "$work/t"
    done
  done
done
