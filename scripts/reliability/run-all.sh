#!/usr/bin/env bash
# Runs the reliability checks that need a real textopt process (kill -9, SIGTERM), prints their
# summaries, cleans up, and exits non-zero if any fails. The JUnit reliability checks
# (src/test/java/dev/textopt/reliability/) run with ./mvnw verify instead.
#
#   scripts/reliability/run-all.sh            # after ./mvnw verify (or any build of target/classes)
#
# Needs a JDK 17, python3 and curl; the load-balancer check installs haproxy with apt-get when it is
# missing. Everything listens on 127.0.0.1 only. Takes about 5-9 minutes; each check has its own time
# limit. RELIABILITY_SKIP_COMPILE=1 skips the compile step (the checks need target/classes and
# target/test-classes).
set -uo pipefail
cd "$(dirname "$0")/../.."

# C1 only: a textopt JVM starts markedly faster, and these checks measure behaviour, not speed.
export JAVA_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1}"

services=(rel-crash rel-sigterm rel-ha-a rel-ha-b rel-run)
cleanup() {
  for service in "${services[@]}"; do
    scripts/service.sh stop "$service" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

if [ "${RELIABILITY_SKIP_COMPILE:-0}" != 1 ]; then
  ./mvnw -B -ntp -q test-compile || { echo "reliability: compile failed" >&2; exit 1; }
fi

failed=()
summaries=()
run() {
  local name=$1 limit=$2 script=$3 log
  log=$(mktemp)
  local t0=$SECONDS
  echo "== $name (limit ${limit}s)"
  if timeout --signal=TERM --kill-after=20 "$limit" python3 "$script" 2>&1 | tee "$log"; then
    summaries+=("PASS $name ($((SECONDS - t0))s): $(tail -1 "$log")")
  else
    failed+=("$name")
    summaries+=("FAIL $name ($((SECONDS - t0))s): $(grep -m1 '^FAIL' "$log" || tail -1 "$log")")
    for service in "${services[@]}"; do
      if [ -f "target/services/$service/log" ]; then
        echo "--- last lines of target/services/$service/log"
        tail -20 "target/services/$service/log"
      fi
    done
  fi
  rm -f "$log"
}

run crash-consistency 240 scripts/reliability/crash_consistency.py
run sigterm 150 scripts/reliability/sigterm.py
run ha-failover 300 scripts/reliability/ha_failover.py
run run-crash 420 scripts/reliability/run_crash.py

echo "== reliability summary"
printf '%s\n' "${summaries[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "reliability: FAILED: ${failed[*]}" >&2
  exit 1
fi
for service in "${services[@]}" rel-ha; do rm -rf "target/services/$service"; done
echo "reliability: all checks passed"
