#!/usr/bin/env bash
# (f) Latency of a single-case what-if over HTTP: POST /v1/evaluate?whatIf=true, one request at a
# time, N requests (default 300) after 100 of warm-up, on each example case in turn; prints the
# p50, p90, p99 and maximum in milliseconds. The service runs on a free loopback port and is
# stopped at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
N="${1:-300}"; PORT="${PORT:-18517}"
"$ROOT/nanoguide" serve --port "$PORT" > /tmp/nanoguide-whatif-http.log 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/v1/health" >/dev/null && break; sleep 0.5; done
mapfile -t CASES < <(ls "$ROOT"/cases/*.json)
post() {
  curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
    --data @"${CASES[$(( $1 % ${#CASES[@]} ))]}" "http://127.0.0.1:$PORT/v1/evaluate?whatIf=true"
}
for i in $(seq 100); do post "$i" >/dev/null; done
for i in $(seq "$N"); do post "$i"; done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
  printf "requests=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f\n", NR, t[int(NR*0.5)], t[int(NR*0.9)], t[int(NR*0.99)], t[NR] }'
