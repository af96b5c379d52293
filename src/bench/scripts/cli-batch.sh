#!/usr/bin/env bash
# (d) The CLI over N generated cases as NDJSON (default 100,000): throughput and peak memory.
# Usage: src/bench/scripts/cli-batch.sh [N] [RULES_DIR] [THREADS]   (TRACE=1: with --trace; FORMAT=html: the cohort page)
# Inputs are generated into a temp dir (deterministic seed 42) and deleted afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
N="${1:-100000}"; RULES="${2:-$ROOT/rules}"; THREADS="${3:-}"
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT
"$ROOT/nanoguide" generate --count "$N" --seed 42 > "$TMP/cases.ndjson"
"$ROOT/nanoguide" evaluate -q "$(ls "$ROOT"/cases/*.json | head -1)" >/dev/null   # builds the jar and the CDS archive if needed
ARGS=(evaluate --rules "$RULES" --format "${FORMAT:-ndjson}" ${TRACE:+--trace})
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "$THREADS" ] && ARGS+=(--threads "$THREADS")
# the results are counted as they come (a million lines are 15 GB), not kept
/usr/bin/time -v "$ROOT/nanoguide" "${ARGS[@]}" "$TMP/cases.ndjson" 2>"$TMP/time.txt" > >(wc -lc >"$TMP/count") || true
while [ ! -s "$TMP/count" ]; do sleep 0.2; done
grep '^nanoguide:' "$TMP/time.txt" || { cat "$TMP/time.txt"; exit 1; }
WALL=$(grep 'Elapsed (wall clock)' "$TMP/time.txt" | awk '{print $NF}')
RSS=$(grep 'Maximum resident set size' "$TMP/time.txt" | awk '{print $NF}')
SECS=$(echo "$WALL" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
read -r LINES BYTES <"$TMP/count"
echo "cases=$N lines=$LINES wall_s=$SECS cases_per_s=$(awk -v n="$N" -v s="$SECS" 'BEGIN{printf "%.0f", n/s}') bytes_per_line=$((BYTES/LINES)) peak_rss_mib=$((RSS/1024)) load_after=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
