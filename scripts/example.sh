#!/usr/bin/env bash
# Sets up, builds and lints the bundled example. Usage: scripts/example.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target launchlint
status=0
./build/launchlint lint testdata/examples/ || status=$?
# 1 means findings were printed; only 2 (a usage or input error) is a failure.
(( status == 2 )) && exit 2
exit 0
