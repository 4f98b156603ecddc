#!/usr/bin/env bash
# Prints (not a test) how long and how much memory launchlint takes on each
# hostile input of issue 8 (target: < 5 s, < 512 MB each), with the message it
# gives. tests/hostile_scale.sh checks the messages and the memory bound.
# Usage: bench/hostile.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$(realpath "$build/launchlint")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
python3 - <<'PY'
n = 10**6
head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n'
open('deep-1e6.yaml', 'w').write(head + '  x: ' + '[' * n + ']' * n + '\n')
open('scalar-100MB.yaml', 'w').write(head + '  x: ' + 'a' * (100 * 2**20) + '\n')
open('keys-1e6.yaml', 'w').write(head + ''.join(f'  {i:x}: 1\n' for i in range(n)))
open('keys-1e6-flow.yaml', 'w').write(head + '  x: {' + ','.join(f'{i:x}:' for i in range(n)) + '}\n')
bomb = head + '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n'
for i in range(1, 40):
    bomb += f'  a{i}: &a{i} [' + ', '.join([f'*a{i-1}'] * 10) + ']\n'
open('aliases.yaml', 'w').write(bomb)
open('nul.yaml', 'wb').write(b'kind: A\nname: n\x00\n' * 1000)
open('bad-utf8.yaml', 'wb').write(b'kind: A\nname: \xc3\x28\n')
PY
truncate -s 1G sparse-1GB.yaml
mkfifo fifo.yaml
printf '%-22s %7s %7s %9s  %s\n' input "wall s" "cpu s" "peak MiB" message
for f in sparse-1GB.yaml deep-1e6.yaml scalar-100MB.yaml keys-1e6.yaml \
         keys-1e6-flow.yaml aliases.yaml nul.yaml bad-utf8.yaml fifo.yaml; do
  out=$(/usr/bin/time -o stats -f '%e %U %S %M' "$bin" lint --color never -q "$f" 2>&1) || true
  read -r wall user sys kb < <(tail -1 stats)
  msg=$(grep -m1 -E 'error' <<<"$out" | cut -c1-110)
  printf '%-22s %7s %7s %9s  %s\n' "$f" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u + s}')" \
    "$(awk -v k="$kb" 'BEGIN{printf "%.1f", k / 1024}')" "$msg"
done
