#!/usr/bin/env bash
# Issue 17's scale checks, each one process measured with /usr/bin/time -v (wall time, peak RSS):
#   1. clinic: one replication of 1,000,000 families (1000 referrals a week, 1000 therapists,
#      a horizon long enough for all of them to be referred), -Xmx1g     target: under 8 s wall
#   2. sweep:  10,000 points x 2 replications x 300 families              target: peak RSS under 512 MB
#      (and again with -Xmx384m: peak RSS is mostly the heap G1 chose to grow, docs/performance.md)
#   3. run --reps 1000 against run --reps 100 (default scenario)          target: peak RSS within 10%
#   benchmarks/scripts/scale-checks.sh [JAR] [WORKDIR]        (JAR: analysis/target/alliancesim.jar)
# Needs GNU time (/usr/bin/time). Prints one line per check; the folders are left in WORKDIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$root/analysis/target/alliancesim.jar}"
work="${2:-$(mktemp -d)}"
mkdir -p "$work"
cores=$(nproc)
measure() { # label, then the java arguments; prints label, wall seconds, peak RSS MB
  local label="$1"; shift
  local t="$work/$label.time"
  /usr/bin/time -v java "$@" >"$work/$label.out" 2>"$t"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$t")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$t")
  echo "$label $wall $rss"
}
echo "# $(date -u +%FT%TZ), $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $jar"
read -r _ wall rss < <(measure clinic-1m -Xmx1g -jar "$jar" run clinic-waitlist --reps 1 --threads 2 \
  --set run.families=1000000 --set clinic.referrals_per_week=1000 --set clinic.therapists=1000 \
  --set run.horizon_days=7600 --out "$work/clinic-1m" --force --quiet)
echo "clinic 1,000,000 families, -Xmx1g: ${wall} s wall, ${rss} MB peak RSS (target: < 8 s)"
read -r _ wall rss < <(measure sweep-10k -jar "$jar" sweep "$root/benchmarks/sweeps/random-10000.yaml" \
  --out "$work/sweep-10k" --force --threads 2)
echo "sweep 10,000 points: ${wall} s wall, ${rss} MB peak RSS (target: < 512 MB)"
read -r _ wall rss < <(measure sweep-10k-capped -Xmx384m -jar "$jar" sweep "$root/benchmarks/sweeps/random-10000.yaml" \
  --out "$work/sweep-10k-capped" --force --threads 2)
echo "sweep 10,000 points, -Xmx384m: ${wall} s wall, ${rss} MB peak RSS (the same work with G1's heap capped)"
read -r _ wall100 rss100 < <(measure run-100 -jar "$jar" run default --reps 100 --out "$work/run-100" --force --quiet --threads 2)
read -r _ wall1000 rss1000 < <(measure run-1000 -jar "$jar" run default --reps 1000 --out "$work/run-1000" --force --quiet --threads 2)
echo "run --reps 100: ${wall100} s, ${rss100} MB; --reps 1000: ${wall1000} s, ${rss1000} MB;" \
  "ratio $(python3 -c "print(f'{$rss1000 / $rss100:.2f}')") (target: <= 1.10)"
