#!/usr/bin/env bash
# Benchmark 6: footprint. Time from launch to /actuator/health UP (embedded PostgreSQL; a fresh data folder,
# then a restart on the same folder), and the resident memory (VmRSS) of the textopt JVM, alone (without its
# PostgreSQL), after creating 10,000 sessions (8 concurrent clients). Default JVM flags. RUNS runs.
source "$(dirname "$0")/lib.sh"
COUNT=${COUNT:-10000}
out=$RESULTS/footprint.jsonl; : > "$out"
load_note
fake=$(free_port)
start_fake "$fake" 1
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
start_timed() {  # NAME PORT -> prints seconds from launch to healthy
  local t0 t1
  t0=$(date +%s.%N)
  scripts/service.sh start "$1" "$2" --textopt.model-clients.openai.base-url="http://127.0.0.1:$fake/v1" \
    --textopt.model-clients.openai.api-key=sk-fake --server.address=127.0.0.1 --logging.level.root=WARN >/dev/null &
  local starter=$!
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$2/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.05
  done
  t1=$(date +%s.%N)
  wait "$starter"
  python3 -c "print(round($t1 - $t0, 2))"
}
for run in $(seq 1 "$RUNS"); do
  name=bench-footprint; port=$(free_port)
  rm -rf "target/services/$name/data"
  _services+=("$name")
  cold=$(start_timed "$name" "$port")
  rss_idle=$(rss_kb "$(textopt_pid $name)")
  made=$(python3 bench/textopt_bench.py create-many --port "$port" --count "$COUNT" --threads 8 --max-seconds 300)
  rss_after=$(rss_kb "$(textopt_pid $name)")
  stop_textopt "$name"
  warm=$(start_timed "$name" "$port")
  stop_textopt "$name"
  python3 -c 'import json,sys; print(json.dumps(dict(bench="footprint", run=int(sys.argv[1]), start_fresh_s=float(sys.argv[2]), start_restart_s=float(sys.argv[3]), rss_idle_mb=round(int(sys.argv[4])/1024), rss_after_mb=round(int(sys.argv[5])/1024), create=json.loads(sys.argv[6]))))' \
    "$run" "$cold" "$warm" "$rss_idle" "$rss_after" "$made" | tee -a "$out"
done
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for k in ("start_fresh_s", "start_restart_s", "rss_idle_mb", "rss_after_mb"):
    print(k, statistics.median(r[k] for r in rows), [r[k] for r in rows])
print("sessions/s while creating", [round(r["create"]["created"] / r["create"]["seconds"]) for r in rows])
PY
