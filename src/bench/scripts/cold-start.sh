#!/usr/bin/env bash
# (e) One cold `evaluate` of one case through the launcher, wall time (RUNS runs, default 5).
# Uses hyperfine when installed, else /usr/bin/time, with the runs' range and median at the end.
# The first launcher run writes the start-up cache (beside the jar's copy in target/run/) and is
# excluded as a warm-up.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
CASE="${1:-$ROOT/cases/gbm-deep-hyperthermia.json}"; RUNS="${RUNS:-5}"
"$ROOT/nanoguide" evaluate -q "$CASE" >/dev/null
if command -v hyperfine >/dev/null; then
  hyperfine -w 1 -r "$RUNS" "$ROOT/nanoguide evaluate -q $CASE"
else
  WALLS=()
  for i in $(seq "$RUNS"); do
    LINE=$(/usr/bin/time -f "wall_s=%e cpu_s=%U+%S peak_rss_kib=%M" "$ROOT/nanoguide" evaluate -q "$CASE" 2>&1 >/dev/null | tail -1)
    echo "$LINE"
    WALLS+=("$(echo "$LINE" | sed 's/^wall_s=\([0-9.]*\).*/\1/')")
  done
  printf '%s\n' "${WALLS[@]}" | sort -n | awk '{w[NR]=$1} END {m = NR % 2 ? w[(NR+1)/2] : (w[NR/2]+w[NR/2+1])/2; printf "runs=%d min_s=%s median_s=%.3f max_s=%s\n", NR, w[1], m, w[NR]}'
fi
