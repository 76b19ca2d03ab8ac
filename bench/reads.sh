#!/usr/bin/env bash
# Benchmark 4: reads. One session with 32 parameters (one gradient each) and momentum 5, stepped 5 times so
# that every momentum buffer is full; then wrk GET /v1/optimizers/{id} and GET …/state-dict, 32 connections,
# 10 s each, RUNS rounds. Requests/s, p50, p99.
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-10s}; CONNS=${CONNS:-32}
out=$RESULTS/reads.jsonl; : > "$out"
load_note
fake=$(free_port); port=$(free_port "$fake")
start_fake "$fake" 1
start_textopt bench-reads "$port" "$fake" "$@"
sid=$(python3 bench/textopt_bench.py setup-sessions --port "$port" --sessions 1 --n 32 --grads 1 --momentum 5 --steps 5 \
      --paths "$RESULTS/reads-paths.txt")
echo "session bytes: $(curl -s "http://127.0.0.1:$port/v1/optimizers/$sid" | wc -c), state dict bytes: $(curl -s "http://127.0.0.1:$port/v1/optimizers/$sid/state-dict" | wc -c)"
for path in "/v1/optimizers/$sid" "/v1/optimizers/$sid/state-dict"; do
  wrk -t2 -c"$CONNS" -d"$((WARMUP_SECONDS / 2))s" "http://127.0.0.1:$port$path" >/dev/null   # warm-up
done
for run in $(seq 1 "$RUNS"); do
  for what in session state-dict; do
    path="/v1/optimizers/$sid"; [ "$what" = state-dict ] && path="$path/state-dict"
    w=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency "http://127.0.0.1:$port$path" | python3 bench/wrk_parse.py)
    python3 -c 'import json,sys; w=json.loads(sys.argv[1]); w.update(bench="reads", what=sys.argv[2], run=int(sys.argv[3])); print(json.dumps(w))' \
      "$w" "$what" "$run" | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for what in ("session", "state-dict"):
    rs = [r for r in rows if r["what"] == what]
    print(what, {k: statistics.median(r[k] for r in rs) for k in ("rps", "p50_ms", "p99_ms", "non2xx")})
PY
