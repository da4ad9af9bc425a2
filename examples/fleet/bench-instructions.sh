#!/usr/bin/env bash
# Instructions executed by the `fleet` binary (valgrind's callgrind), for builders + k8s-dsl's
# YAML emitter and the two baselines, in the same run. Instruction counts do not depend on the
# load of the machine, so this is the steady figure to compare changes by (time ratios follow
# them only roughly: cache misses and allocator behaviour count in time, not in instructions).
#   examples/fleet/bench-instructions.sh [N]        (default N = 1000; env: OUT=target/fleet-bench)
# Needs valgrind (`apt-get install valgrind`).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "bench-instructions.sh needs valgrind: apt-get install valgrind" >&2; exit 1; }
n=${1:-1000}
out=${OUT:-target/fleet-bench}
mkdir -p "$out"
cargo build --release --quiet -p k8s-dsl-fleet
bin=${CARGO_TARGET_DIR:-target}/release/fleet
declare -A count=()
for config in "builders yaml" "macros yaml" "baseline serde-yaml" "baseline json"; do
  read -r source emit <<<"$config"
  count[$config]=$(valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$source-$emit.out" \
    "$bin" --source "$source" --emit "$emit" "$n" "$out/fleet.out" 2>&1 \
    | sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d ,)
  [ -n "${count[$config]}" ] || { echo "no instruction count for $config" >&2; exit 1; }
done
rm -f "$out/fleet.out"
printf '| N | source + output | instructions | per fleet member | vs serde_yaml | vs serde_json |\n'
printf '|---|---|---|---|---|---|\n'
for config in "builders yaml" "macros yaml" "baseline serde-yaml" "baseline json"; do
  awk -v n="$n" -v c="$config" -v i="${count[$config]}" -v y="${count[baseline serde-yaml]}" \
      -v j="${count[baseline json]}" 'BEGIN {
    printf "| %s | %s | %d | %d | %.2fx | %.2fx |\n", n, c, i, i / n, i / y, i / j
  }'
done | tee "$out/instructions.md"
