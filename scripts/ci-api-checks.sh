#!/usr/bin/env bash
# Checks textopt's HTTP API from the outside, as CI does: starts the fake model (scripts/fake_model.py)
# and a textopt, then runs
#   1. redocly lint on the served /v3/api-docs (rules: clients/redocly.yaml)
#   2. the Postman collection with newman (clients/postman/)
#   3. the Python client (clients/python/): installed with pip into a throwaway venv, its tests against
#      that installed package, its example
#   4. the TypeScript client: its committed types against the served description, then its tests
#      (clients/typescript/)
#   5. scripts/smoke.sh (the README walk-through)
# and stops what it started. Every check runs even when an earlier one fails; the exit status is
# non-zero if any failed. Needs a JDK, Node/npm, python3 and curl; it runs `npm ci` in clients/ and
# clients/typescript/.
#
#   scripts/ci-api-checks.sh
#
# Environment: API_CHECKS_PORT (textopt, default 18182), API_CHECKS_FAKE_PORT (fake model, 18181),
# JAVA_OPTS (passed to textopt). Reports land in target/api-checks/.
set -uo pipefail
cd "$(dirname "$0")/.."

port=${API_CHECKS_PORT:-18182}
fake_port=${API_CHECKS_FAKE_PORT:-18181}
base="http://127.0.0.1:$port"
out=target/api-checks
name=api-checks
mkdir -p "$out"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

fake_pid=
service_started=
cleanup() {
  [ -n "$service_started" ] && scripts/service.sh stop "$name"
  if [ -n "$fake_pid" ] && kill -0 "$fake_pid" 2>/dev/null; then
    kill "$fake_pid"
    wait "$fake_pid" 2>/dev/null
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started_at=$(date +%s)
summary=()
failed=0

# run NAME COMMAND...: runs one check, keeps its output in $out/NAME.log, records pass/fail and time
run() {
  local check=$1
  shift
  local t0 rc
  t0=$(date +%s)
  echo
  echo "=== $check"
  "$@" 2>&1 | tee "$out/$check.log"
  rc=${PIPESTATUS[0]}
  local took=$(( $(date +%s) - t0 ))
  if [ "$rc" -eq 0 ]; then
    summary+=("PASS  $check (${took} s)")
  else
    summary+=("FAIL  $check (${took} s, exit $rc; log: $out/$check.log)")
    failed=1
  fi
  return 0
}

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "ci-api-checks: $1 is required" >&2; exit 2; }
}
for tool in java npm npx python3 curl; do need "$tool"; done

echo "=== npm ci --prefix clients"
npm ci --prefix clients --no-audit --no-fund --loglevel=error > "$out/npm-ci.log" 2>&1 \
  || { cat "$out/npm-ci.log" >&2; echo "ci-api-checks: npm ci failed" >&2; exit 1; }
npm ci --prefix clients/typescript --no-audit --no-fund --loglevel=error > "$out/npm-ci-typescript.log" 2>&1 \
  || { cat "$out/npm-ci-typescript.log" >&2; echo "ci-api-checks: npm ci (clients/typescript) failed" >&2; exit 1; }

echo "=== starting the fake model on $fake_port and textopt '$name' on $port"
python3 scripts/fake_model.py "$fake_port" > "$out/fake-model.log" 2>&1 &
fake_pid=$!
for _ in $(seq 1 50); do
  curl -fs "http://127.0.0.1:$fake_port/health" >/dev/null 2>&1 && break
  kill -0 "$fake_pid" 2>/dev/null || { cat "$out/fake-model.log" >&2; exit 1; }
  sleep 0.1
done
# With an API key, so that every client is checked sending it.
api_key="ci-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
export TEXTOPT_API_KEY=$api_key
service_started=yes
env -u TEXTOPT_SECURITY_API_KEYS scripts/service.sh start "$name" "$port" \
  --textopt.model-clients.openai.base-url="http://127.0.0.1:$fake_port/v1" \
  --textopt.model-clients.openai.api-key=sk-fake \
  --textopt.security.api-keys="ci:$api_key" || exit 1
service_up=$(date +%s)

lint() {
  curl -fsS -H "Authorization: Bearer $api_key" "$base/v3/api-docs" -o "$out/openapi.json" || return 1
  npx --prefix clients redocly lint "$out/openapi.json" --config clients/redocly.yaml --format=stylish
}
run openapi-lint lint
run newman npx --prefix clients newman run clients/postman/textopt.postman_collection.json \
  -e clients/postman/local.postman_environment.json --env-var "baseUrl=$base" --env-var "apiKey=$api_key" \
  --reporters cli,junit --reporter-junit-export "$out/newman-junit.xml" --color off
# The Python client as its users get it: installed with pip (no package index, as on this machine) into
# a throwaway venv, its tests run against that installed copy, not the source folder; then the example.
# Offline, pip builds with the setuptools the interpreter has, which makes a wheel only from 70.1 on or
# with the wheel package: pyenv's python3 here has setuptools 65 alone, Debian's python3-setuptools and
# python3-wheel (in the image) have both.
python_client() {
  local venv="$PWD/$out/python-venv" py
  for py in python3 /usr/bin/python3 ""; do
    [ -n "$py" ] && "$py" -c 'import importlib.util as u, sys; sys.exit(not (u.find_spec("setuptools") and
        (u.find_spec("setuptools.command.bdist_wheel") or u.find_spec("wheel"))))' 2>/dev/null && break
  done
  [ -n "$py" ] || { echo "no python3 that builds wheels offline: apt-get install python3-setuptools python3-wheel python3-venv" >&2; return 1; }
  rm -rf "$venv"
  "$py" -m venv --system-site-packages "$venv" \
    && "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --no-build-isolation ./clients/python \
    && (cd clients/python/tests && "$venv/bin/python" -c \
          'import sys, textopt; assert textopt.__file__.startswith(sys.prefix), textopt.__file__; print("textopt from", textopt.__file__)' \
        && env TEXTOPT_URL="$base" TEXTOPT_FAKE_MODEL_URL="http://127.0.0.1:$fake_port" \
          "$venv/bin/python" -m unittest discover -s . -p 'test_*.py' -v) \
    && env TEXTOPT_URL="$base" "$venv/bin/python" clients/python/example_sentiment.py --epochs 1
  local rc=$?
  rm -rf "$venv" clients/python/build clients/python/src/textopt.egg-info  # pip builds in the source folder
  return "$rc"
}
run python-client python_client
run typescript-types npm --prefix clients/typescript run --silent check-types -- "$base"
run typescript-client env TEXTOPT_URL="$base" TEXTOPT_FAKE_MODEL_URL="http://127.0.0.1:$fake_port" \
  npm --prefix clients/typescript test --silent
run smoke scripts/smoke.sh "$base"

echo
echo "=== API checks against $base (textopt started in $(( service_up - started_at )) s, total $(( $(date +%s) - started_at )) s)"
printf '%s\n' "${summary[@]}"
exit "$failed"
