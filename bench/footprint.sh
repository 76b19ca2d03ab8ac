#!/usr/bin/env bash
# Benchmark 6: footprint. Time from launch to /actuator/health UP, polled every 50 ms:
#   - scripts/service.sh (the classes, as ./mvnw spring-boot:run has them) on the embedded PostgreSQL: a fresh
#     data folder (initdb + Flyway), then a restart on the same folder;
#   - the packaged jar (java -jar target/textopt-*.jar), the jar extracted (scripts/cds-archive.sh), and the
#     extracted jar with its class-data-sharing archive (-XX:SharedArchiveFile), each on a Debian PostgreSQL
#     started here whose database an untimed first start has migrated: the start of a deploy, as in a
#     container. Needs the jar (./mvnw -DskipTests package); the archive is made here.
# And the resident memory (VmRSS) of the textopt JVM alone (without its PostgreSQL), idle and after
# creating COUNT sessions (8 concurrent clients). Default JVM flags. RUNS runs.
source "$(dirname "$0")/lib.sh"
COUNT=${COUNT:-10000}
out=$RESULTS/footprint.jsonl; : > "$out"
jar=$(ls target/textopt-*.jar 2>/dev/null | head -1)
[ -f "$jar" ] || { echo "no target/textopt-*.jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
cds=$(realpath -m "$RESULTS/cds")  # absolute: the archive fits the jar by the name it was trained with
scripts/cds-archive.sh "$jar" "$cds"
pgport=$(free_port)
start_pg "$RESULTS/pg-footprint" "$pgport"
load_note
fake=$(free_port "$pgport")
start_fake "$fake" 1
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
healthy_after() {  # PORT T0 -> prints seconds from T0 to healthy
  for _ in $(seq 1 2400); do
    curl -fs "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.05
  done
  python3 -c "import sys; print(round($(date +%s.%N) - float(sys.argv[1]), 2))" "$2"
}
start_timed() {  # NAME PORT -> prints seconds from launch to healthy
  local t0
  t0=$(date +%s.%N)
  scripts/service.sh start "$1" "$2" --textopt.model-clients.openai.base-url="http://127.0.0.1:$fake/v1" \
    --textopt.model-clients.openai.api-key=sk-fake --server.address=127.0.0.1 --logging.level.root=WARN >/dev/null &
  local starter=$!
  healthy_after "$2" "$t0"
  wait "$starter"
}
jar_timed() {  # JAVA_ARGS... -> prints seconds from launch to healthy of `java JAVA_ARGS` on the Debian PostgreSQL
  local port t0 pid seconds
  port=$(free_port)
  t0=$(date +%s.%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pgport/postgres" SPRING_DATASOURCE_USERNAME=postgres \
    java "$@" --server.port="$port" --server.address=127.0.0.1 --logging.level.root=WARN \
    --textopt.model-clients.openai.base-url="http://127.0.0.1:$fake/v1" --textopt.model-clients.openai.api-key=sk-fake \
    > "$RESULTS/footprint-jar.log" 2>&1 &
  pid=$!; echo "$pid" > "$RESULTS/footprint-jar.pid"
  seconds=$(healthy_after "$port" "$t0")
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$RESULTS/footprint-jar.pid"
  echo "$seconds"
}
# jar_timed runs in $(...), a subshell: should the script stop mid-start, its java is found by this file.
trap '[ -f "$RESULTS/footprint-jar.pid" ] && kill "$(cat "$RESULTS/footprint-jar.pid")" 2>/dev/null; cleanup' EXIT
jar_timed -jar "$jar" >/dev/null  # migrates the database; untimed
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
  fat=$(jar_timed -jar "$jar")
  extracted=$(jar_timed -jar "$cds/textopt.jar")
  archived=$(jar_timed -XX:SharedArchiveFile="$cds/textopt.jsa" -jar "$cds/textopt.jar")
  python3 -c 'import json,sys; print(json.dumps(dict(bench="footprint", run=int(sys.argv[1]), start_fresh_s=float(sys.argv[2]), start_restart_s=float(sys.argv[3]), rss_idle_mb=round(int(sys.argv[4])/1024), rss_after_mb=round(int(sys.argv[5])/1024), create=json.loads(sys.argv[6]), jar_s=float(sys.argv[7]), extracted_s=float(sys.argv[8]), extracted_cds_s=float(sys.argv[9]))))' \
    "$run" "$cold" "$warm" "$rss_idle" "$rss_after" "$made" "$fat" "$extracted" "$archived" | tee -a "$out"
done
python3 - "$out" <<'PY'
import json, sys, statistics
rows = [json.loads(l) for l in open(sys.argv[1])]
for k in ("start_fresh_s", "start_restart_s", "jar_s", "extracted_s", "extracted_cds_s", "rss_idle_mb", "rss_after_mb"):
    print(k, statistics.median(r[k] for r in rows), [r[k] for r in rows])
print("sessions/s while creating", [round(r["create"]["created"] / r["create"]["seconds"]) for r in rows])
PY
