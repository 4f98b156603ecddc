#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# bounded time, seeded from testdata. Usage: scripts/fuzz_smoke.sh [seconds]
# A crash leaves its input in build-fuzz/crashes/; add it as a regression
# test (tests/fuzz_regressions/) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz
scripts/setup.sh --test >/dev/null
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DLAUNCHLINT_FUZZ=ON -DLAUNCHLINT_WERROR=OFF >/dev/null
cmake --build "$build" --target loader_fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$build/crashes"
seeds=(testdata)
[[ -d tests/fuzz_regressions ]] && seeds+=(tests/fuzz_regressions)
find "${seeds[@]}" -name '*.yaml' -size -64k |
  while read -r f; do cp "$f" "$work/corpus/$(echo "$f" | tr / _)"; done
"$build/loader_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 \
  -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/crashes/" \
  "$work/corpus" 2>&1 | tail -15
