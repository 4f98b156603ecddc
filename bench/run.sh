#!/usr/bin/env bash
# Benchmark (not a test): launchlint against the parse floors on the corpus
# perf inputs, in one run so the ratios hold on a noisy machine.
#   bench/run.sh [build-dir]        BENCH_REPEAT=N (default 3) keeps the best
#                                   of N runs; BENCH_FILES="medium.yaml ..."
# Inputs come from ../shared/corpus/make-perf.py, built once into
# BUILD/perf/. Prints wall seconds and peak RSS (GNU time) and the ratios the
# issues set as targets: lint <= 1.0x (default jobs) / 1.3x (--jobs 1) the
# bare yaml-cpp parse, peak memory <= 1.5x the input size.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
repeat=${BENCH_REPEAT:-3}
files=${BENCH_FILES:-medium.yaml big-workloads.yaml}

shared=${LAUNCHLINT_SHARED:-}
for candidate in ../shared ../../shared; do
  [[ -z "$shared" && -f "$candidate/corpus/make-perf.py" ]] && shared=$candidate
done
if [[ -z "$shared" ]]; then
  echo "bench: ../shared/corpus/make-perf.py not found (set LAUNCHLINT_SHARED)" >&2
  exit 2
fi
[[ -x /usr/bin/time ]] || scripts/setup.sh --test >/dev/null

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target launchlint parse_floor libyaml_floor >/dev/null
perf="$build/perf"
if [[ ! -f "$perf/big-workloads.yaml" ]]; then
  python3 "$shared/corpus/make-perf.py" "$perf"
fi

# measure CMD...: best wall seconds and its peak RSS (KB) over $repeat runs.
# (launchlint exits 1 when it finds something: exit codes are ignored.)
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
measure() {
  local best_s="" best_kb="" s kb
  for ((i = 0; i < repeat; i++)); do
    /usr/bin/time -o "$stats" -f '%e %M' "$@" >/dev/null 2>&1 || true
    read -r s kb < <(tail -1 "$stats")
    if [[ -z "$best_s" ]] || awk -v a="$s" -v b="$best_s" 'BEGIN{exit !(a<b)}'; then
      best_s=$s
      best_kb=$kb
    fi
  done
  echo "$best_s $best_kb"
}
lint=("$build/launchlint" lint --format json --output /dev/null)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k / 1024}'; }

has_jobs=0
"$build/launchlint" lint --help 2>/dev/null | grep -q -- '--jobs' && has_jobs=1
echo "launchlint benchmark: $(nproc) cores, best of $repeat, $(date -u +%FT%TZ)"
for name in $files; do
  f="$perf/$name"
  bytes=$(stat -c %s "$f")
  input_mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b / 1048576}')
  read -r floor_s floor_kb <<<"$(measure "$build/parse_floor" "$f")"
  read -r libyaml_s _ <<<"$(measure "$build/libyaml_floor" "$f")"
  read -r lint_s lint_kb <<<"$(measure "${lint[@]}" "$f")"
  echo
  echo "== $name: $input_mb MiB"
  printf '  %-28s %8s s %9s MiB\n' "yaml-cpp event parse (floor)" "$floor_s" "$(mb "$floor_kb")"
  printf '  %-28s %8s s\n' "libyaml event parse" "$libyaml_s"
  if ((has_jobs)); then
    read -r one_s one_kb <<<"$(measure "${lint[@]}" --jobs 1 "$f")"
    printf '  %-28s %8s s %9s MiB   %sx floor  %sx input\n' "launchlint --jobs 1" \
      "$one_s" "$(mb "$one_kb")" "$(ratio "$one_s" "$floor_s")" \
      "$(ratio "$one_kb" "$((bytes / 1024))")"
  fi
  printf '  %-28s %8s s %9s MiB   %sx floor  %sx input\n' "launchlint (default jobs)" \
    "$lint_s" "$(mb "$lint_kb")" "$(ratio "$lint_s" "$floor_s")" \
    "$(ratio "$lint_kb" "$((bytes / 1024))")"
  printf '  %-28s %8sx\n' "libyaml / yaml-cpp floor" "$(ratio "$libyaml_s" "$floor_s")"
done
