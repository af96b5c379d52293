#!/usr/bin/env bash
# (f) The service under load: `./nanoguide serve` on a free loopback port, then `wrk` (Debian
# package wrk) posting one case per request over 16 keep-alive connections.
# Usage: src/bench/scripts/service-wrk.sh [SECONDS] [CASE.json] [CONNECTIONS]   (QUERY=?trace=true to ask for the trace)
# The server warms up for the same duration first, is stopped at the end, and prints nothing else.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
SECS="${1:-20}"; CASE="${2:-$ROOT/cases/gbm-deep-hyperthermia.json}"; CONN="${3:-16}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TMP="$(mktemp -d)"
"$ROOT/nanoguide" serve --port "$PORT" >"$TMP/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$PORT/v1/health" >/dev/null && break
  sleep 0.2
done
cat >"$TMP/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$CASE", "rb"); wrk.body = f:read("*a"); f:close()
LUA
URL="http://127.0.0.1:$PORT/v1/evaluate${QUERY:-}"
wrk -t 2 -c "$CONN" -d "${SECS}s" -s "$TMP/post.lua" "$URL" >/dev/null   # warm-up (JIT)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t 2 -c "$CONN" -d "${SECS}s" --latency -s "$TMP/post.lua" "$URL"
echo "bytes per answer: $(curl -s -H 'Content-Type: application/json' --data-binary @"$CASE" "$URL" | wc -c)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
