#!/usr/bin/env bash
# Throughput of `k8s-dsl check` on the fleet's YAML, and kubernetes-validate on the same file, in
# the same run: wall time, CPU time (user + system), MB/s and peak memory (max RSS), each the
# median of REPS runs (default 3). kubernetes-validate runs strict, for one Kubernetes version
# (1.33), on the N = 1000 file only (it takes minutes on larger ones); `k8s-dsl check` runs on
# every size, so its memory can be read against the size of the file.
#   examples/fleet/bench-check.sh [N...]     (default N = 1000 10000; env: REPS, OUT, K8S_DSL_VENV)
# Needs GNU time (`apt-get install time`) and kubernetes-validate in a venv (`scripts/test-all`
# makes target/venv; or `python3 -m venv target/venv && target/venv/bin/pip install
# kubernetes-validate`). Without the venv only `k8s-dsl check` is measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x /usr/bin/time ] || { echo "bench-check.sh needs GNU time: apt-get install time" >&2; exit 1; }
reps=${REPS:-3}
out=${OUT:-target/fleet-bench}
venv=${K8S_DSL_VENV:-target/venv}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
mkdir -p "$out"
cargo build --release --quiet -p k8s-dsl-fleet -p k8s-dsl-cli
bin=${CARGO_TARGET_DIR:-target}/release

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs "$@" REPS times under GNU time; sets wall, cpu, rss (medians). Exit status 0 or 1 (the
# check's "problems found") both count as a run; anything else stops the benchmark.
measure() {
  local walls=() cpus=() rsses=() status
  for _ in $(seq "$reps"); do
    status=0
    /usr/bin/time -v "$@" >"$out/check.stdout" 2>"$out/time.txt" || status=$?
    if [ "$status" -gt 1 ]; then
      echo "failed ($status): $*" >&2
      cat "$out/check.stdout" "$out/time.txt" >&2
      exit 1
    fi
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out/time.txt")")
    cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$out/time.txt")")
    rsses+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out/time.txt")")
  done
  wall=$(printf '%s\n' "${walls[@]}" | median)
  cpu=$(printf '%s\n' "${cpus[@]}" | median)
  rss=$(printf '%s\n' "${rsses[@]}" | median)
}

row() { # n tool bytes wall cpu rss baseline-cpu
  awk -v n="$1" -v t="$2" -v b="$3" -v w="$4" -v c="$5" -v r="$6" -v base="$7" 'BEGIN {
    rate = (w > 0) ? sprintf("%.1f", b / w / 1e6) : "-"
    ratio = (base != "" && c > 0) ? sprintf("%.0fx", base / c) : "-"
    printf "| %s | %s | %.1f | %.2f | %.2f | %s | %.1f | %s |\n", n, t, b / 1e6, w, c, rate, r / 1024, ratio
  }'
}

printf '| N | tool | MB | wall (s) | CPU (s) | MB/s | peak RSS (MiB) | kubernetes-validate CPU / this CPU |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  file=$out/fleet-check-$n.yaml
  "$bin/fleet" "$n" "$file"
  bytes=$(stat -c %s "$file")
  base=""
  if [ "$n" = 1000 ] && [ -x "$venv/bin/kubernetes-validate" ]; then
    measure "$venv/bin/kubernetes-validate" --strict --quiet -k 1.33.0 "$file"
    base=$cpu
    kv=("$wall" "$cpu" "$rss")
  fi
  measure "$bin/k8s-dsl" check "$file"
  row "$n" "k8s-dsl check" "$bytes" "$wall" "$cpu" "$rss" "$base"
  if [ -n "$base" ]; then
    row "$n" "kubernetes-validate --strict -k 1.33.0" "$bytes" "${kv[0]}" "${kv[1]}" "${kv[2]}" "$base"
  fi
  rm -f "$file"
done | tee "$out/check.md"
