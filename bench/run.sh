#!/usr/bin/env bash
# Benchmark (not a test): launchlint against the parse floors on the corpus
# perf inputs, in one run so the ratios hold on a noisy machine.
#   bench/run.sh [build-dir]        BENCH_REPEAT=N (default 3) keeps the best
#                                   of N runs; BENCH_FILES="medium.yaml ...";
#                                   BENCH_PEER_TIMEOUT=S (default 300, 0: no peer)
# Inputs come from ../shared/corpus/make-perf.py, built once into
# BUILD/perf/. Prints wall seconds and peak RSS (GNU time) and the ratios the
# issues set as targets: lint <= 1.0x (default jobs) / 1.3x (--jobs 1) the
# bare yaml-cpp parse, peak memory <= 1.5x the input size, and the peer
# @monokle/validation (bench/peer.sh) on the same file. Also prints the
# load average: on a busy machine wall times stretch and only ratios from
# the same run compare.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
repeat=${BENCH_REPEAT:-3}
files=${BENCH_FILES:-medium.yaml big-workloads.yaml}
# The peer's time limit per file in seconds; 0 leaves the peer out.
peer_timeout=${BENCH_PEER_TIMEOUT:-300}

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

# measure CMD...: "wall cpu kb" of the run with the best wall time out of
# $repeat (cpu = user + sys seconds: on a shared machine it is the steadier
# figure for single-threaded runs). Exit codes are ignored (lint exits 1 when
# it finds something).
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT
measure() {
  local best="" wall user sys kb
  for ((i = 0; i < repeat; i++)); do
    /usr/bin/time -o "$stats" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
    read -r wall user sys kb < <(tail -1 "$stats")
    if [[ -z "$best" ]] || awk -v a="$wall" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best="$wall $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}') $kb"
    fi
  done
  echo "$best"
}
lint=("$build/launchlint" lint --format json --output /dev/null)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", (b > 0 ? a / b : 0)}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k / 1024}'; }

has_jobs=0
"$build/launchlint" lint --help 2>/dev/null | grep -q -- '--jobs' && has_jobs=1
echo "launchlint benchmark: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), best of $repeat, $(date -u +%FT%TZ)"
sizes=() cpus=() floors=()
for name in $files; do
  f="$perf/$name"
  bytes=$(stat -c %s "$f")
  input_mb=$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b / 1048576}')
  read -r floor_s floor_cpu floor_kb <<<"$(measure "$build/parse_floor" "$f")"
  read -r libyaml_s libyaml_cpu _ <<<"$(measure "$build/libyaml_floor" "$f")"
  echo
  echo "== $name: $input_mb MiB"
  printf '  %-28s %8s %8s %9s   %-22s %s\n' "" "wall s" "cpu s" "peak MiB" "wall (cpu) vs floor" "peak vs input"
  row() {  # row LABEL WALL CPU KB
    printf '  %-28s %8s %8s %9s   %-22s %s\n' "$1" "$2" "$3" "$(mb "$4")" \
      "$(ratio "$2" "$floor_s")x ($(ratio "$3" "$floor_cpu")x)" \
      "$(ratio "$4" "$((bytes / 1024))")x"
  }
  row "yaml-cpp event parse (floor)" "$floor_s" "$floor_cpu" "$floor_kb"
  printf '  %-28s %8s %8s %9s   %-22s\n' "libyaml event parse" "$libyaml_s" "$libyaml_cpu" "" \
    "$(ratio "$libyaml_s" "$floor_s")x ($(ratio "$libyaml_cpu" "$floor_cpu")x)"
  if ((has_jobs)); then
    read -r one_s one_cpu one_kb <<<"$(measure "${lint[@]}" --jobs 1 "$f")"
    row "launchlint --jobs 1" "$one_s" "$one_cpu" "$one_kb"
  fi
  read -r lint_s lint_cpu lint_kb <<<"$(measure "${lint[@]}" "$f")"
  row "launchlint (default jobs)" "$lint_s" "$lint_cpu" "$lint_kb"
  if [[ $peer_timeout != 0 ]]; then
    # The peer runs once (it takes minutes): its wall time and peak RSS,
    # node's start-up included.
    result=$(bench/peer.sh "$f" "$peer_timeout" 2>/dev/null) || result="failed"
    read -r _ what a _ b _ c _ <<<"$result"
    case "$what" in
      seconds)  # monokle seconds S wall W peak_mb M resources N problems P
        printf '  %-28s %8s %8s %9s   %-22s %s\n' "@monokle/validation (peer)" "$b" "" "$c" \
          "$(ratio "$b" "$floor_s")x" "$(ratio "$((c * 1024))" "$((bytes / 1024))")x" ;;
      did-not-finish)
        printf '  %-28s %8s %8s %9s   %s\n' "@monokle/validation (peer)" ">$a" "" "" \
          "did not finish in ${a} s (> $(ratio "$a" "$floor_s")x)" ;;
      *)
        printf '  %-28s %s\n' "@monokle/validation (peer)" "failed (see /tmp/launchlint-peer.log)" ;;
    esac
  fi
  sizes+=("$bytes")
  cpus+=("$lint_cpu")
  floors+=("$floor_cpu")
done

# Cost linear in input: the largest input against the smallest.
if ((${#sizes[@]} > 1)); then
  last=$((${#sizes[@]} - 1))
  echo
  printf 'scaling: %sx the input took %sx the cpu (the floor: %sx)\n' \
    "$(ratio "${sizes[last]}" "${sizes[0]}")" "$(ratio "${cpus[last]}" "${cpus[0]}")" \
    "$(ratio "${floors[last]}" "${floors[0]}")"
fi
