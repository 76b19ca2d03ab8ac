#!/usr/bin/env bash
# Benchmark 3: write throughput. Gradient appends (POST .../params/{id}/grad, one gradient each) from 32
# concurrent connections for 30 s with wrk, against textopt on a Debian PostgreSQL started here; in the same
# run, pgbench single-row inserts (a table shaped like `gradient`) with 32 clients on that same server, as
# the database's own limit. RUNS rounds of (wrk, pgbench); every round starts from empty grads.
# 64 sessions x 16 parameters, so that a parameter's grad (which every append answers with) stays short,
# as in a pipeline that appends a few gradients per parameter before each step. Each round also measures
# GET /actuator/health/liveness, which touches no database: the ceiling of the web stack on this machine.
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-30s}; PGBENCH_SECONDS=${PGBENCH_SECONDS:-15}; CONNS=${CONNS:-32}; SESSIONS=${SESSIONS:-64}; PARAMS=${PARAMS:-16}
out=$RESULTS/writes.jsonl; : > "$out"
load_note
pgport=$(free_port); pgdir=$RESULTS/pg-writes
start_pg "$pgdir" "$pgport"
psql() { command psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres "$@"; }
psql -d postgres -c "CREATE DATABASE textopt"
fake=$(free_port "$pgport"); port=$(free_port "$pgport" "$fake")
start_fake "$fake" 1
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pgport/textopt" SPRING_DATASOURCE_USERNAME=postgres \
  start_textopt bench-writes "$port" "$fake" "$@"
paths=$RESULTS/append-paths.txt
python3 bench/textopt_bench.py setup-sessions --port "$port" --sessions "$SESSIONS" --n "$PARAMS" --paths "$paths" >/dev/null
psql -d textopt -c "CREATE TABLE bench_gradient (LIKE gradient INCLUDING DEFAULTS INCLUDING INDEXES)"
cat > "$RESULTS/insert.sql" <<'SQL'
INSERT INTO bench_gradient (param_id, data, role, created_at) VALUES (gen_random_uuid(), 'Ask for exactly one word: positive, negative or neutral.', 'feedback on the prompt', now());
SQL
# warm-up (JIT, connection pools), not counted
PATHS_FILE=$paths wrk -t2 -c"$CONNS" -d"${WARMUP_SECONDS}s" -s bench/append.lua "http://127.0.0.1:$port" >/dev/null
for run in $(seq 1 "$RUNS"); do
  psql -d textopt -c "DELETE FROM gradient" -c "VACUUM ANALYZE gradient"
  w=$(PATHS_FILE=$paths wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s bench/append.lua "http://127.0.0.1:$port" | python3 bench/wrk_parse.py)
  tps=$(command pgbench -n -h 127.0.0.1 -p "$pgport" -U postgres -c "$CONNS" -j 2 -M prepared -T "$PGBENCH_SECONDS" \
        -f "$RESULTS/insert.sql" textopt 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  ceiling=$(wrk -t2 -c"$CONNS" -d10s "http://127.0.0.1:$port/actuator/health/liveness" | python3 bench/wrk_parse.py)
  rec=$(python3 -c 'import json,sys; w=json.loads(sys.argv[1]); w.update(bench="writes", run=int(sys.argv[2]), pgbench_tps=float(sys.argv[3]), liveness_rps=json.loads(sys.argv[4])["rps"]); w["ratio"]=round(w["rps"]/w["pgbench_tps"],3); print(json.dumps(w))' "$w" "$run" "$tps" "$ceiling")
  echo "$rec" | tee -a "$out"
done
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for k in ("rps", "p50_ms", "p99_ms", "pgbench_tps", "ratio", "liveness_rps", "non2xx"):
    print(k, statistics.median(r[k] for r in rows), [r[k] for r in rows])
PY
