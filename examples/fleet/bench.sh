#!/usr/bin/env bash
# Whole-process fleet benchmark: wall time, bytes per second and peak memory (max RSS) of the
# `fleet` binary for N = 1, 1000, 10000, 100000, for
#   builders + k8s-dsl's YAML emitter, the macros + the same, baseline literals + serde_yaml 0.9, baseline + serde_json,
# measured in the same run, each the median of REPS runs (default 3), written to a file. Ratios
# are of CPU time (user + system), which a busy shared machine disturbs less than wall time.
#   examples/fleet/bench.sh [N...]        (env: REPS=5, OUT=target/fleet-bench)
# Needs GNU time (`apt-get install time`) for /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/bin/time ] || { echo "bench.sh needs GNU time: apt-get install time" >&2; exit 1; }
reps=${REPS:-3}
out=${OUT:-target/fleet-bench}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 1000 10000 100000)
mkdir -p "$out"
cargo build --release --quiet -p k8s-dsl-fleet
bin=${CARGO_TARGET_DIR:-target}/release/fleet
configs=("builders yaml" "macros yaml" "baseline serde-yaml" "baseline json")

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '| N | source + output | wall (s) | CPU (s) | MB/s | peak RSS (MiB) | CPU vs serde_yaml | CPU vs serde_json |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  declare -A wall=() cpu=() rss=() bytes=()
  for config in "${configs[@]}"; do
    read -r source emit <<<"$config"
    walls=() cpus=() rsses=()
    for _ in $(seq "$reps"); do
      file=$out/fleet-$source-$emit-$n.out
      /usr/bin/time -v "$bin" --source "$source" --emit "$emit" "$n" "$file" 2>"$out/time.txt"
      walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")")
      cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out/time.txt")")
      rsses+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")")
      bytes[$config]=$(stat -c %s "$file")
      rm -f "$file"
    done
    wall[$config]=$(printf '%s\n' "${walls[@]}" | median)
    cpu[$config]=$(printf '%s\n' "${cpus[@]}" | median)
    rss[$config]=$(printf '%s\n' "${rsses[@]}" | median)
  done
  for config in "${configs[@]}"; do
    awk -v n="$n" -v c="$config" -v w="${wall[$config]}" -v t="${cpu[$config]}" -v r="${rss[$config]}" -v b="${bytes[$config]}" \
        -v y="${cpu[baseline serde-yaml]}" -v j="${cpu[baseline json]}" 'BEGIN {
      # /usr/bin/time has a resolution of 10 ms: rates and ratios of shorter runs are not shown
      rate = (w > 0) ? sprintf("%.1f", b / w / 1e6) : "-"
      vy = (t > 0 && y > 0) ? sprintf("%.2fx", t / y) : "-"
      vj = (t > 0 && j > 0) ? sprintf("%.2fx", t / j) : "-"
      printf "| %s | %s | %.2f | %.2f | %s | %.1f | %s | %s |\n", n, c, w, t, rate, r / 1024, vy, vj
    }'
  done
  unset wall cpu rss bytes
done | tee "$out/whole-process.md"
