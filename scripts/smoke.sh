#!/usr/bin/env bash
# Runs the README's curl walk-through against a running textopt and checks every status:
# create → grad → step → export → import into a new session → grad → step → history.
#
#   scripts/smoke.sh [BASE_URL]        (default http://localhost:8080; TEXTOPT_API_KEY sent when set)
#
# Needs curl, and jq or python3. Exits non-zero at the first unexpected answer. Leaves its two sessions
# behind only when it fails (to look at them); deletes them on success.
set -euo pipefail

base=${1:-http://localhost:8080}
base=${base%/}
auth=()
[ -n "${TEXTOPT_API_KEY:-}" ] && auth=(-H "Authorization: Bearer $TEXTOPT_API_KEY")
body=$(mktemp)
trap 'rm -f "$body"' EXIT
checks=0

# pick EXPRESSION FILE: a value out of JSON, e.g. pick '.param_groups[0].params[0].id'
pick() {
  if command -v jq >/dev/null 2>&1; then
    jq -r "$1" "$2"
  else
    python3 - "$1" "$2" <<'EOF'
import json, re, sys
value = json.load(open(sys.argv[2]))
for key, index in re.findall(r"\.(\w+)|\[(\d+)\]", sys.argv[1]):
    value = value[key] if key else value[int(index)]
print("null" if value is None else value)
EOF
  fi
}

# call EXPECTED_STATUS METHOD PATH [JSON_BODY]: the answer lands in $body
call() {
  local expected=$1 method=$2 path=$3 data=${4:-}
  local args=(-s -o "$body" -w '%{http_code}' -X "$method" "${auth[@]}")
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
  local status
  status=$(curl "${args[@]}" "$base$path") || { echo "FAIL $method $path: curl could not connect to $base" >&2; exit 1; }
  if [ "$status" != "$expected" ]; then
    echo "FAIL $method $path: expected $expected, got $status" >&2
    cat "$body" >&2; echo >&2
    exit 1
  fi
  checks=$((checks + 1))
  echo "ok   $status $method $path"
}

# expect WHAT ACTUAL WANTED
expect() {
  if [ "$2" != "$3" ]; then echo "FAIL $1: expected '$3', got '$2'" >&2; exit 1; fi
  checks=$((checks + 1))
}

start=$(date +%s)
prompt='{"data": "Classify the sentiment.", "role": "system prompt for sentiment classification", "requires_grad": true}'

# 1. Create a session.
call 201 POST /v1/optimizers "{\"params\": [$prompt], \"defaults\": {\"constraints\": [\"Never output the characters { or }.\"], \"momentum\": 2, \"completion_args\": {\"model\": \"gpt-4o\", \"temperature\": 1.0}}}"
id=$(pick .id "$body")
call 200 GET "/v1/optimizers/$id"
param=$(pick '.param_groups[0].params[0].id' "$body")

# 2. Feedback.
call 200 POST "/v1/optimizers/$id/params/$param/grad" '{"data": "Ask for exactly one word: positive, negative or neutral.", "role": "feedback on the prompt"}'
expect "grad length" "$(pick '.grad[0].role' "$body")" "feedback on the prompt"

# 3. Step.
call 200 POST "/v1/optimizers/$id/step"
expect "step number" "$(pick .step "$body")" 1
expect "param status" "$(pick '.params[0].status' "$body")" updated

# 4. Export the state dict.
call 200 GET "/v1/optimizers/$id/state-dict"
state=$(cat "$body")

# 5. Import it into a new session of the same shape.
call 201 POST /v1/optimizers '{"params": [{"data": "Classify the sentiment.", "role": "system prompt for sentiment classification"}]}'
id2=$(pick .id "$body")
call 200 PUT "/v1/optimizers/$id2/state-dict" "{\"state_dict\": $state, \"model_clients\": {\"model_client\": \"openai\"}}"
expect "imported momentum" "$(pick '.param_groups[0].momentum' "$body")" 2

# 6. Feed and step the new session.
param2=$(pick '.param_groups[0].params[0].id' "$body")
call 200 POST "/v1/optimizers/$id2/params/$param2/grad" '[{"data": "Mention sarcasm.", "role": "feedback"}]'
call 200 POST "/v1/optimizers/$id2/step"
expect "second session's step" "$(pick '.params[0].status' "$body")" updated

# The history of the first session.
call 200 GET "/v1/optimizers/$id/steps"
expect "history kind" "$(pick '.items[0].kind' "$body")" step
call 200 GET "/v1/optimizers/$id/steps/1"
expect "history entry grads" "$(pick '.params[0].grads[0].role' "$body")" "feedback on the prompt"

call 204 DELETE "/v1/optimizers/$id"
call 204 DELETE "/v1/optimizers/$id2"
echo "smoke: $checks checks passed against $base in $(( $(date +%s) - start )) s"
