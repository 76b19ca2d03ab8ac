#!/usr/bin/env bash
# Starts and stops a local textopt for scripts, benchmarks and API checks, on an embedded
# PostgreSQL in its own data folder (or on SPRING_DATASOURCE_URL when that is set).
#
#   scripts/service.sh start NAME PORT [--textopt.some.property=value ...]
#   scripts/service.sh stop NAME
#   scripts/service.sh classpath     # prints the classpath it starts textopt with
#
# State lives in target/services/NAME/ (pid, log, data). Start waits until /actuator/health is UP, at most
# SERVICE_START_SECONDS (default 60; more on a loaded machine).
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
    wait_seconds=${SERVICE_START_SECONDS:-60}
    for _ in $(seq 1 $((wait_seconds * 2))); do
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
    echo "textopt '$name' did not become healthy within $wait_seconds s; see $dir/log" >&2
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
    ;;
  *)
    echo "usage: service.sh start|stop NAME [PORT args...] | classpath" >&2
    exit 2
    ;;
esac
