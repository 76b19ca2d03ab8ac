#!/usr/bin/env bash
# Benchmark 5: growth. One session (N = 4 parameters, momentum 5, L = 1 ms); state-dict size and the median
# step time of 5 steps after 1, 100 and 1,000 steps. RUNS runs, fresh service each.
source "$(dirname "$0")/lib.sh"
L=${LATENCY_MS:-1}
out=$RESULTS/growth.jsonl; : > "$out"
load_note
TEXTOPT_ARGS=("$@")
fresh_runs bench-growth "$L" growth --out "$out" --max-seconds 240
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
marks = sorted({m["after_steps"] for r in rows for m in r["marks"]})
print("after_steps step_ms(median) state_dict_bytes session_bytes")
for k in marks:
    ms = [m for r in rows for m in r["marks"] if m["after_steps"] == k]
    print(k, statistics.median(m["step_ms_median"] for m in ms), statistics.median(m["state_dict_bytes"] for m in ms),
          statistics.median(m["session_bytes"] for m in ms))
PY
