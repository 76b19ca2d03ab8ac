#!/usr/bin/env bash
# Benchmark 2: overhead per step = step time (client wall clock) minus the slowest model call (as the fake
# server timed it), p50 and p99 over 30 steps at N = 32, L = 300 ms; RUNS runs, fresh service each.
# Extra textopt properties may follow.
source "$(dirname "$0")/lib.sh"
L=${LATENCY_MS:-300}; N=${N:-32}; STEPS=${STEPS:-30}
out=$RESULTS/overhead.jsonl; : > "$out"
load_note
TEXTOPT_ARGS=("$@")
fresh_runs bench-overhead "$L" overhead --n "$N" --steps "$STEPS" --out "$out" --max-seconds 120
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for k in ("overhead_p50_ms", "overhead_p99_ms", "server_overhead_p50_ms", "step_ms_p50"):
    print(k, statistics.median(r[k] for r in rows), [r[k] for r in rows])
PY
