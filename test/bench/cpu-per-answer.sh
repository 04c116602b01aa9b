#!/usr/bin/env bash
# Server CPU per cached answer, several processes a side: on a shared machine one process can run
# ±15 % faster or slower than its twin for its whole life, so one process per side proves little.
#
#   bash test/bench/cpu-per-answer.sh URL PROCESSES SIDE...
#
# SIDE is `ceiling` (bare Fastify sending rolegraph's bytes, from data/bench/ceiling-routes.json, which
# `npm run bench` writes) or a checkout whose `dist/` is built (`npm run build`), started as `npm start`
# starts the server. Each process gets a warm-up, then `wrk -t1 -c10 -d3s` twice, interleaved with the
# others; CPU time comes from /proc/<pid>/stat. Prints req/s and µs of CPU per answer, sorted, per side.
set -euo pipefail
url=$1; count=$2; shift 2
here=$(cd "$(dirname "$0")/../.." && pwd)
base=3930
pids=(); entries=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
for ((i = 0; i < count; i++)); do
  for side in "$@"; do
    port=$((base + ${#entries[@]}))
    if [ "$side" = ceiling ]; then
      (cd "$here" && PORT=$port exec node --import tsx test/bench/ceiling-server.ts data/bench/ceiling-routes.json) > /dev/null 2>&1 &
    else
      (cd "$side" && MALLOC_MMAP_THRESHOLD_=524288 MALLOC_TRIM_THRESHOLD_=524288 PORT=$port LOG_LEVEL=warn RATE_LIMIT_MAX=0 exec node --max-semi-space-size=2 --no-allocation-site-pretenuring --heap-growing-percent=25 dist/server.js) > /dev/null 2>&1 &
    fi
    pids+=($!); entries+=("$port $! $side")
  done
done
for entry in "${entries[@]}"; do
  read -r port _ _ <<< "$entry"
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port$url" && break; sleep 0.2; done
  wrk -t1 -c10 -d2s "http://127.0.0.1:$port$url" > /dev/null
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
results=$(for _ in 1 2; do
  for entry in "${entries[@]}"; do
    read -r port pid side <<< "$entry"
    before=$(cpu "$pid"); out=$(wrk -t1 -c10 -d3s "http://127.0.0.1:$port$url"); after=$(cpu "$pid")
    answers=$(awk '/requests in/ {print $1}' <<< "$out")
    echo "$side $(awk '/Requests\/sec/ {print $2}' <<< "$out") $(awk -v t=$((after - before)) -v n="$answers" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz * 1e6 / n}')"
  done
done)
for side in "$@"; do
  echo "$side"
  echo "  req/s:         $(awk -v s="$side" '$1 == s {print $2}' <<< "$results" | sort -n | tr '\n' ' ')"
  echo "  µs CPU/answer: $(awk -v s="$side" '$1 == s {print $3}' <<< "$results" | sort -n | tr '\n' ' ')"
done
