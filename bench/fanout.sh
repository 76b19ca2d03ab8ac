#!/usr/bin/env bash
# Benchmark 1: step fan-out. One session with N = 1, 8, 32, 128 parameters, one gradient each,
# model latency L = 300 ms; step time / L, median of 5 steps per run, RUNS runs (fresh service each).
# Extra textopt properties may follow, e.g. --textopt.model-clients.openai.max-concurrency=16
source "$(dirname "$0")/lib.sh"
L=${LATENCY_MS:-300}
out=$RESULTS/fanout.jsonl; : > "$out"
load_note
TEXTOPT_ARGS=("$@")
fresh_runs bench-fanout "$L" fanout --out "$out" --max-seconds 120
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
print("N  ratio(median of runs)  step_ms")
for n in sorted({r["n"] for r in rows}):
    rs = [r for r in rows if r["n"] == n]
    print(n, statistics.median(r["ratio"] for r in rs), statistics.median(r["step_ms_median"] for r in rs), [r["ratio"] for r in rs])
PY
