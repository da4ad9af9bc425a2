#!/usr/bin/env bash
# Incremental debug rebuild after a one-line edit: the fleet written with the builders
# (def-builders) against the same fleet as plain k8s-openapi literals (def-baseline).
# Each repetition changes one string literal in the crate's src/lib.rs (alternating between
# two values, so every build has something to do), runs `cargo build -p CRATE` and takes the
# wall time; the median of REPS (default 7) is reported. The file is restored on exit.
#   examples/fleet/bench-compile.sh        (env: REPS=7, CARGO_TARGET_DIR=target/bench-compile)
# A target directory of its own keeps other builds (and their lock) out of the timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
reps=${REPS:-7}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/bench-compile}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# crate, file, the line's text, and the text it alternates with
crates=(
  "k8s-dsl-fleet-builders examples/fleet/def-builders/src/lib.rs ghcr.io/example/app:1.4.2 ghcr.io/example/app:1.4.3"
  "k8s-dsl-fleet-baseline examples/fleet/def-baseline/src/lib.rs ghcr.io/example/app:1.4.2 ghcr.io/example/app:1.4.3"
)
backup=$(mktemp -d)
restore() {
  for entry in "${crates[@]}"; do
    read -r crate file _ _ <<<"$entry"
    if [ -f "$backup/$crate.rs" ]; then cp "$backup/$crate.rs" "$file"; fi
  done
  rm -rf "$backup"
}
trap restore EXIT
for entry in "${crates[@]}"; do
  read -r crate file _ _ <<<"$entry"
  cp "$file" "$backup/$crate.rs"
  cargo build --quiet -p "$crate" # warm: dependencies built once
done

declare -A result
for entry in "${crates[@]}"; do
  read -r crate file from to <<<"$entry"
  times=()
  for i in $(seq "$reps"); do
    if [ $((i % 2)) = 1 ]; then sed -i "s|$from|$to|" "$file"; else sed -i "s|$to|$from|" "$file"; fi
    start=$(date +%s.%N)
    cargo build --quiet -p "$crate"
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  result[$crate]=$(printf '%s\n' "${times[@]}" | median)
  printf '%s: %s s (median of %s: %s)\n' "$crate" "${result[$crate]}" "$reps" "${times[*]}"
done
b=${result[k8s-dsl-fleet-builders]}
l=${result[k8s-dsl-fleet-baseline]}
printf 'incremental debug rebuild, builders / baseline: %s\n' \
  "$(awk -v b="$b" -v l="$l" 'BEGIN { printf "%.2fx", b / l }')"
