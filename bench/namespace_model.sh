#!/usr/bin/env bash
# Prints the namespace model's figures on the benchmark inputs: load time,
# model build time, and per-query can-i/can-reach time; then the end-to-end
# time of one can-i and of `lint`. Usage: bench/namespace_model.sh [BUILD_DIR]
set -eu
build="${1:-build}"
dir=/tmp/launchlint-perf
[[ -f $dir/big-workloads.yaml ]] || python3 ../shared/corpus/make-perf.py "$dir" >/dev/null
for f in "$dir/medium.yaml" "$dir/big-workloads.yaml"; do
  echo "== $f"
  "$build/namespace_model_bench" "$f"
  /usr/bin/time -f "can-i end to end: %e s real, %U s user" \
    "$build/launchlint" can-i list secrets --as bob "$f" >/dev/null 2>/tmp/launchlint-perf/err || true
  tail -n1 /tmp/launchlint-perf/err
  /usr/bin/time -f "lint end to end: %e s real, %U s user" \
    "$build/launchlint" lint -q --fail-on never "$f" >/dev/null 2>/tmp/launchlint-perf/err || true
  tail -n1 /tmp/launchlint-perf/err
done
