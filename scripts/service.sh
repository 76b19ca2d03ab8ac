#!/usr/bin/env bash
# Starts and stops a local textopt for scripts, benchmarks and API checks, on an embedded
# PostgreSQL in its own data folder (or on SPRING_DATASOURCE_URL when that is set).
#
#   scripts/service.sh start NAME PORT [--textopt.some.property=value ...]
#   scripts/service.sh stop NAME
#   scripts/service.sh classpath     # prints the classpath it starts textopt with
#
# State lives in target/services/NAME/ (pid, log, data). Start waits until /actuator/health is UP, at most
# START_TIMEOUT (default 150 s; more on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/.."

cmd=${1:?usage: service.sh start|stop NAME [PORT args...] | classpath}
name=${2:-}
dir="target/services/$name"

classpath() {
  if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
    ./mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
  fi
  if [ ! -d target/classes/dev ]; then
    ./mvnw -B -q -ntp compile >/dev/null
  fi
  echo "target/classes:$(cat target/classpath.txt)"
}

case "$cmd" in
  classpath)
    classpath
    ;;
  start)
    : "${name:?service name}"
    port=${3:?port}
    shift 3
    mkdir -p "$dir"
    cp=$(classpath)
    nohup java ${JAVA_OPTS:-} -cp "$cp" dev.textopt.TextoptApplication \
      --server.port="$port" --textopt.embedded-db.data-dir="$dir/data" "$@" > "$dir/log" 2>&1 &
    echo $! > "$dir/pid"
    # A loaded machine (a parallel build, a slow disk) can take a minute to start: wait up to START_TIMEOUT.
    timeout_s=${START_TIMEOUT:-150}
    for _ in $(seq 1 $((timeout_s * 2))); do
      if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
        echo "textopt '$name' is up on port $port (pid $(cat "$dir/pid"))"
        exit 0
      fi
      if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
        echo "textopt '$name' exited during start-up; its log:" >&2
        tail -50 "$dir/log" >&2
        exit 1
      fi
      sleep 0.5
    done
    echo "textopt '$name' did not become healthy within $timeout_s s (START_TIMEOUT); see $dir/log" >&2
    exit 1
    ;;
  stop)
    : "${name:?service name}"
    [ -f "$dir/pid" ] || exit 0
    pid=$(cat "$dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$dir/pid"
    # Stopped during its start (or killed), textopt may leave its embedded PostgreSQL running: stop that
    # server too, found by the postmaster.pid of this service's own data folder.
    pg_pid_file="$dir/data/postmaster.pid"
    if [ -f "$pg_pid_file" ]; then
      pg_pid=$(head -1 "$pg_pid_file")
      if kill -0 "$pg_pid" 2>/dev/null && grep -q "$dir/data" "/proc/$pg_pid/cmdline" 2>/dev/null; then
        kill -INT "$pg_pid"
        for _ in $(seq 1 40); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.25; done
      fi
    fi
    ;;
  *)
    echo "usage: service.sh start|stop NAME [PORT args...] | classpath" >&2
    exit 2
    ;;
esac
