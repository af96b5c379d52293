#!/usr/bin/env bash
# Writes a rules folder for scaling with rule count: a copy of rules/ plus N synthetic rules
# (each a join of the tumor with one input fact and a numeric test, inserting a Finding), so that
# about a third of them fire on a typical case. Usage: synthetic-rules.sh OUT_DIR N
# Then: src/bench/scripts/cli-batch.sh 100000 OUT_DIR
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)"
OUT="$1"; N="$2"
mkdir -p "$OUT"; cp "$ROOT"/rules/* "$OUT"/
F="$OUT/zz-synthetic.drl"
{
  echo "package org.nanoguide.rules;"
  echo "import org.nanoguide.model.*;"
  echo "import org.nanoguide.facts.*;"
  for i in $(seq 1 "$N"); do
    d=$(( i % 15 ))
    cat <<DRL

rule "Synthetic $i"
    @id("synthetic-$i") @section("bench")
when
    \$t : Tumor( depthCm != null, depthCm > $d )
    Resources( )
then
    insert(new Finding("SYNTHETIC_$i", "synthetic rule $i"));
end
DRL
  done
} > "$F"
echo "$OUT: $(ls "$OUT"/*.drl | wc -l) files, $N synthetic rules"
