#!/usr/bin/env bash
# The whole suite, one benchmark after the other (RUNS=3 each by default). Figures: target/bench/*.jsonl.
set -euo pipefail
cd "$(dirname "$0")"
for b in fanout overhead writes reads growth footprint forward-backward; do
  echo "== $b  $(date -u +%FT%TZ)"
  ./$b.sh "$@"
done
