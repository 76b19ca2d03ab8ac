#!/usr/bin/env bash
# Benchmark: a training run of 2 epochs x 8 batches of 4 items, model latency L = 300 ms: wall time against the
# ideal (16 steps x 4 sequential model phases x L) and textopt's own overhead per step (p50, p99): RUNS fresh
# services, each warmed up until its JIT compilers settle and then measured MEASURED_RUNS (3) runs in a row, a row
# each (bench/training_run.py says how each figure is taken). Extra textopt properties may follow.
source "$(dirname "$0")/lib.sh"
L=${LATENCY_MS:-300}
out=$RESULTS/training-run.jsonl; : > "$out"
load_note
for run in $(seq 1 "$RUNS"); do
  fake=$(free_port); port=$(free_port "$fake")
  rm -rf target/services/bench-run  # a fresh database each run
  start_fake "$fake" "$L"
  start_textopt bench-run "$port" "$fake" "$@"
  python3 "$BENCH_DIR/training_run.py" --port "$port" --fake-port "$fake" --latency-ms "$L" --run "$run" --out "$out" \
    --measured-runs "${MEASURED_RUNS:-3}" \
    --warmup-seconds "$WARMUP_SECONDS" --pid "$(textopt_pid bench-run)"
  stop_textopt bench-run
  kill "${_pids[-1]}"; unset '_pids[-1]'
done
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for k in ("wall_s", "ideal_s", "overhead_p50_ms", "overhead_p99_ms"):
    print(k, statistics.median(r[k] for r in rows), [r[k] for r in rows])
PY
