#!/usr/bin/env bash
# The classroom's class mode under load: 60 students join over loopback, their pages load at once,
# then they step at once, 8 rounds; prints the page loads' and the step's response time (median, 95th
# percentile, maximum; the steps also for the first round and the rest apart). Quote the figure with
# the load average; on a shared machine run it as root at nice -15 (docs/performance.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
uptime
${NICE:-} mvn -B -o -q -pl analysis -am test -Dgroups=load -DexcludedGroups=none -Dtest=ClassLoadTest \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "class load|FAIL|ERROR" || true
uptime
