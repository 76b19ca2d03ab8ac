#!/usr/bin/env bash
# Benchmark 9: many sessions at once. S sessions of P parameters (one gradient each), all stepped at the same
# moment by S client threads against the fake model at latency L: the wave's time (release to the last
# answer) ÷ L, and the most model calls the fake held at once (S × P when the whole wave is in flight
# together). The bounds that would queue or refuse the wave are raised out of its way (per tenant, per
# client, per step); after WARMUP_SECONDS of waves, WAVES waves are measured; their median per run, RUNS runs.
#   S=100 P=8 LATENCY_MS=1000 WAVES=3 bench/many-sessions.sh [--textopt.some.property=value ...]
source "$(dirname "$0")/lib.sh"
S=${S:-100}
P=${P:-8}
L=${LATENCY_MS:-1000}
WAVES=${WAVES:-3}
RAISED=${RAISED:-100000}
out=$RESULTS/many-sessions.jsonl; : > "$out"
load_note
TEXTOPT_ARGS=(--textopt.limits.max-steps-in-flight-per-tenant="$RAISED"
  --textopt.model-clients.openai.max-concurrency="$RAISED" --textopt.step.max-concurrent-calls="$RAISED" "$@")
fresh_runs bench-many "$L" many-sessions --out "$out" --sessions "$S" --params "$P" --waves "$WAVES"
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
r0 = rows[0]
print("S=%d P=%d L=%d ms, %d runs" % (r0["sessions"], r0["params"], r0["latency_ms"], len(rows)))
print("wave / L (median of runs)", statistics.median(r["ratio"] for r in rows), [r["ratio"] for r in rows])
print("most calls in flight     ", statistics.median(r["max_in_flight_median"] for r in rows),
      "of", r0["sessions"] * r0["params"], [r["max_in_flight_median"] for r in rows])
print("failed steps per wave    ", [w["failed_steps"] for r in rows for w in r["waves"]])
PY
