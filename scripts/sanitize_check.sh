#!/usr/bin/env bash
# Builds launchlint, its tests and the fuzz targets with clang, Address-
# Sanitizer and UndefinedBehaviorSanitizer (any report fails, leaks too), and
# runs the whole test suite with them: the doctests and the shell tests.
#   scripts/sanitize_check.sh [build-dir]    (default build-asan)
# Reports go to build-asan/sanitizer-logs/ as well as failing their process,
# so one in a process whose exit status a test ignores still fails the run.
# scripts/fuzz_smoke.sh then runs the fuzz targets of the same build.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
scripts/setup.sh --test >/dev/null
export PATH="$PWD/.tools/bin:$PATH"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DLAUNCHLINT_FUZZ=ON >/dev/null
cmake --build "$build"
logs=$(realpath "$build")/sanitizer-logs
rm -rf "$logs"
mkdir -p "$logs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:log_path=$logs/asan
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan
status=0
ctest --test-dir "$build" --output-on-failure || status=$?
if compgen -G "$logs/*" >/dev/null; then
  echo "sanitize_check: sanitizer reports:"
  cat "$logs"/*
  status=1
fi
exit $status
