#!/usr/bin/env bash
# Benchmark 7: forward and backward fan-out (issue 17). One session with one parameter; a forward pass of a
# batch of B = 32 inputs, then a backward pass of its 32 traces, model latency L = 300 ms
# (scripts/fake_model.py answers forward and backward calls by their tags); wall time / L of each, median of
# 5 rounds per run, RUNS runs (fresh service each). Target: <= 1.15 each, as for a step of 32 parameters.
# Extra textopt properties may follow, e.g. --textopt.model-clients.openai.max-concurrency=16
source "$(dirname "$0")/lib.sh"
L=${LATENCY_MS:-300}
out=$RESULTS/forward-backward.jsonl; : > "$out"
load_note
TEXTOPT_ARGS=("$@")
fresh_runs bench-forward-backward "$L" forward-backward --out "$out" --batch 32 --max-seconds 120
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for what in ("forward", "backward"):
    ratios = [r[what + "_ratio"] for r in rows]
    print("%-8s B=32  wall/L median of %d runs: %s  (runs: %s; ms: %s)" % (what, len(rows), statistics.median(ratios), ratios,
          [r[what + "_ms_median"] for r in rows]))
PY
