#!/usr/bin/env bash
# (e) One cold `evaluate` of one case through the launcher, wall time (RUNS runs, default 5).
# Uses hyperfine when installed, else /usr/bin/time. The first launcher run writes the CDS
# archive (beside the jar's copy in target/run/) and is excluded as a warm-up.
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
CASE="${1:-$ROOT/cases/gbm-deep-hyperthermia.json}"; RUNS="${RUNS:-5}"
"$ROOT/nanoguide" evaluate -q "$CASE" >/dev/null
if command -v hyperfine >/dev/null; then
  hyperfine -w 1 -r "$RUNS" "$ROOT/nanoguide evaluate -q $CASE"
else
  for i in $(seq "$RUNS"); do /usr/bin/time -f "wall_s=%e peak_rss_kib=%M" "$ROOT/nanoguide" evaluate -q "$CASE" 2>&1 >/dev/null | tail -1; done
fi
