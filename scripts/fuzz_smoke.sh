#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan, in the
# build of scripts/sanitize_check.sh) and runs each for a bounded time from a
# seed corpus made from testdata, stopping at the first crash, failed check,
# leak, timeout (> 5 s for one input) or OOM (> 512 MB).
#   scripts/fuzz_smoke.sh [seconds-per-target [target...]]
# Targets: loader config lsp (all by default); FUZZ_TIMEOUT changes the 5 s.
# The corpus each run grows is kept in build-asan/corpus/ for the next run; a
# failing input is saved in build-asan/crashes/ and printed. Replay one with
# build-asan/<target>_fuzz FILE; once fixed, add it to
# tests/fuzz_regressions/<target>/, which the unit tests replay.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
(( ${#targets[@]} )) || targets=(loader config lsp)
build=${FUZZ_BUILD_DIR:-build-asan}

scripts/setup.sh --test >/dev/null
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DLAUNCHLINT_FUZZ=ON >/dev/null
cmake --build "$build" --target "${targets[@]/%/_fuzz}"

rm -rf "$build/seeds"
python3 fuzz/make_seeds.py "$build/seeds"
export ASAN_OPTIONS=detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1
failed=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  crashes=$build/crashes/$target
  log=$build/$target.log
  mkdir -p "$corpus" "$crashes"
  cp -n "tests/fuzz_regressions/$target"/* "$build/seeds/$target/" 2>/dev/null || true
  echo "fuzz: $target for ${seconds}s"
  status=0
  "$build/${target}_fuzz" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-5}" \
    -rss_limit_mb=512 -max_len=65536 \
    -dict="fuzz/$target.dict" -artifact_prefix="$crashes/" \
    -print_final_stats=1 "$corpus" "$build/seeds/$target" >"$log" 2>&1 ||
    status=$?
  grep -aE '^#[0-9]+[[:space:]]+(INITED|DONE)|stat::number_of_executed_units|stat::peak_rss_mb' \
    "$log" | sed "s/^/  $target: /"
  if (( status )); then
    failed=1
    echo "fuzz: $target FAILED (exit $status); the end of $log:"
    tail -n 60 "$log"
    for f in $(grep -oE "Test unit written to \S+" "$log" | cut -d' ' -f5); do
      echo "fuzz: input $f ($(stat -c %s "$f") bytes), base64:"
      head -c 8192 "$f" | base64 -w 0
      echo
    done
  fi
done
exit $failed
