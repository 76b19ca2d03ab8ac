# Shared helpers for the bench/*.sh scripts (sourced, not run). Everything listens on 127.0.0.1 only;
# every process started here is stopped by its own PID (see cleanup).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RESULTS=${RESULTS:-$ROOT/target/bench}
RUNS=${RUNS:-3}
# Steps run before measuring, so that the figures are of a warmed-up JVM: its JIT compilers take about a
# minute of steps to settle on this 2-core machine (their CPU time falls from 5.4 s to 0.8 s per 15 s).
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
mkdir -p "$RESULTS"
cd "$ROOT"

_pids=()          # processes to stop, by pid
_services=()      # textopt services (scripts/service.sh names)
_pg_dirs=()       # Debian PostgreSQL data dirs we started

# free_port [TAKEN...]: a port nothing listens on and none of TAKEN (ports this script drew before and has not
# started anything on yet: two draws could otherwise give the same port); one of PORT_RANGE (e.g. 18100-18199)
# when that is set, so that runs on a shared machine stay within the ports they were given.
free_port() {
  python3 - "${PORT_RANGE:-0-0}" "$@" <<'PY'
import random, socket, sys
low, high = (int(x) for x in sys.argv[1].split("-"))
taken = {int(p) for p in sys.argv[2:]}
wanted = random.sample(range(low, high + 1), high - low + 1) if high else [0] * 100  # 0: the system picks
for want in wanted:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", want))
        except OSError:
            continue
        port = s.getsockname()[1]
    if port not in taken:
        print(port)
        break
else:
    sys.exit("no free port in " + sys.argv[1])
PY
}

cleanup() {
  set +e
  for name in "${_services[@]}"; do scripts/service.sh stop "$name" >/dev/null 2>&1; done
  for pid in "${_pids[@]}"; do kill "$pid" 2>/dev/null; done
  for d in "${_pg_dirs[@]}"; do stop_pg "$d"; done
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# start_fake PORT LATENCY_MS: scripts/fake_model.py, the fake model (its /stats times every call)
start_fake() {
  python3 "$ROOT/scripts/fake_model.py" "$1" --latency-ms "$2" > "$RESULTS/fake-$1.log" 2>&1 &
  _pids+=($!)
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$1/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "the fake model did not start" >&2; return 1
}

# start_textopt NAME PORT FAKE_PORT [--prop=value...]; uses SPRING_DATASOURCE_URL when set
start_textopt() {
  local name=$1 port=$2 fake=$3; shift 3
  _services+=("$name")
  scripts/service.sh start "$name" "$port" \
    --textopt.model-clients.openai.base-url="http://127.0.0.1:$fake/v1" \
    --textopt.model-clients.openai.api-key=sk-fake \
    --server.address=127.0.0.1 \
    --logging.level.root=WARN "$@" >/dev/null
}

stop_textopt() { scripts/service.sh stop "$1"; }

# fresh_runs NAME LATENCY_MS DRIVER_ARGS...: RUNS times, a fresh fake model and a fresh textopt (given the
# script's own extra properties, TEXTOPT_ARGS), then `textopt_bench.py DRIVER_ARGS` against them; both are
# stopped before the next run.
TEXTOPT_ARGS=()
fresh_runs() {
  local name=$1 latency=$2 run fake port; shift 2
  for run in $(seq 1 "$RUNS"); do
    fake=$(free_port); port=$(free_port "$fake")
    start_fake "$fake" "$latency"
    start_textopt "$name" "$port" "$fake" "${TEXTOPT_ARGS[@]}"
    python3 "$BENCH_DIR/textopt_bench.py" "$@" --port "$port" --fake-port "$fake" --latency-ms "$latency" --run "$run" \
      --warmup-seconds "$WARMUP_SECONDS"
    stop_textopt "$name"
    kill "${_pids[-1]}"; unset '_pids[-1]'
  done
}

textopt_pid() { cat "target/services/$1/pid"; }

# start_pg DIR PORT: a Debian PostgreSQL (same major as installed), trust auth on loopback, as user postgres.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
start_pg() {
  local dir port=$2
  dir=$(realpath -m "$1")
  rm -rf "$dir"; mkdir -p "$dir"; chown postgres "$dir"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >/dev/null
  _pg_dirs+=("$dir")
}
stop_pg() {
  local dir pid
  dir=$(realpath -m "$1")
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pid=$(head -1 "$dir/data/postmaster.pid")
  kill -INT "$pid" 2>/dev/null   # fast shutdown of that one server
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null; return 0
}

median() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print(round(statistics.median(v),3))' "$@"; }

load_note() { echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"; }
