#!/usr/bin/env bash
# The classroom's answer time to a slider change: starts `alliancesim classroom` on a free port,
# sends 20 warm-up requests, then 50 slider changes (GET /api/run with a new warmth each time, as
# the page sends when a slider moves: default preset, 400 families x 5 replications), and prints
# the median and 90th percentile of the answer times measured by curl. Target: median under 150 ms.
#   benchmarks/scripts/classroom-latency.sh [JAR] [--compare]
# --compare sends compare mode (the previous setting as ghost.*), which runs both settings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="${1:-$root/analysis/target/alliancesim.jar}"
compare="${2:-}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
java -jar "$jar" classroom --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/presets" >/dev/null 2>&1 && break
  sleep 0.2
done
ask() { # warmth previous-warmth
  local q="warmth=$1"
  [ "$compare" = "--compare" ] && q="$q&compare=true&ghost.warmth=$2"
  curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/run?$q"
}
for i in $(seq 1 20); do ask "0.$((i % 9 + 1))" "0.5" >/dev/null; done
times=$(for i in $(seq 1 50); do ask "0.$(( (i * 7) % 9 + 1 ))" "0.$(( (i * 3) % 9 + 1 ))"; done)
echo "$times" | python3 -c '
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin if x.strip())
print(f"classroom /api/run: {len(t)} requests, median {statistics.median(t):.0f} ms, "
      f"p90 {t[int(0.9 * len(t)) - 1]:.0f} ms, min {t[0]:.0f} ms (target: median < 150 ms)")'
