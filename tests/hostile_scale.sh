#!/usr/bin/env bash
# Hostile inputs at scale and hostile paths: each gets a clear error naming
# the file (and line, for content), the right exit code and < 512 MB of
# memory; the good file beside it is still linted. How long each takes is
# printed by bench/hostile.sh (timings are not tests).
# Usage: hostile_scale.sh LAUNCHLINT
set -uo pipefail
bin=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
chmod 755 "$dir"
cd "$dir"
fail=0
check() {
  local what=$1
  shift
  if ! "$@"; then
    echo "FAIL: $what" >&2
    fail=1
  fi
}
printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\nspec:\n  containers:\n  - name: c\n    image: nginx\n' > good.yaml

# run EXPECTED_STATUS ARGS...: sets $out; checks the exit code and memory.
run() {
  local want=$1 status=0 rss
  shift
  out=$(/usr/bin/time -f 'maxrss_kb %M' "$bin" lint --color never "$@" good.yaml 2>&1) || status=$?
  check "lint $* exits $want, got $status" test "$status" -eq "$want"
  rss=$(sed -n 's/^maxrss_kb //p' <<<"$out")
  check "lint $* under 512 MB (${rss} KB)" test "${rss:-999999999}" -lt 524288
  check "lint $*: good.yaml still linted" grep -qF 'good.yaml:8:12: error: container "c"' <<<"$out"
  check "lint $*: no crash" bash -c "! grep -qiE 'terminate|abort|segmentation|core dumped' <<<\"\$0\"" "$out"
}
has() { grep -qF -- "$1" <<<"$out"; }

python3 - <<'PY'
n = 10**6
head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n'
open('deep.yaml', 'w').write(head + '  x: ' + '[' * n + ']' * n + '\n')
open('deep-map.yaml', 'w').write(head + '  x: ' + '{a: ' * n + '1' + '}' * n + '\n')
open('scalar.yaml', 'w').write(head + '  x: ' + 'a' * (100 * 2**20) + '\n')
open('keys.yaml', 'w').write(head + ''.join(f'  {i:x}: 1\n' for i in range(n)))
# 10^6 keys in under 8 MiB: a flow map of one-letter-ish keys.
open('keys-flow.yaml', 'w').write(head + '  x: {' + ','.join(f'{i:x}:' for i in range(n)) + '}\n')
bomb = head + '  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n'
for i in range(1, 40):
    bomb += f'  a{i}: &a{i} [' + ', '.join([f'*a{i-1}'] * 10) + ']\n'
open('aliases.yaml', 'w').write(bomb)
open('nul.yaml', 'wb').write(b'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n\x00\n')
open('utf8.yaml', 'wb').write(b'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \xc3\x28\n')
PY

run 1 deep.yaml
check "10^6-deep flow nesting" has "deep.yaml:6:406: error: nesting deeper than 400 levels"
run 1 deep-map.yaml
check "10^6-deep flow maps" has "deep-map.yaml:6:"
check "10^6-deep flow maps message" has "nesting deeper than 400 levels"
run 1 scalar.yaml
check "100 MB scalar" has "scalar.yaml:1:1: error: document is 100.0 MiB, over the 8.0 MiB limit"
run 1 keys.yaml
check "10^6 keys" has "keys.yaml:1:1: error: document is"
run 1 keys-flow.yaml
check "10^6 keys in a small document" has "more than 1000000 nodes"
run 1 aliases.yaml
check "exponential aliases" has "aliases expand to more than"
run 1 nul.yaml
check "NUL byte" has "nul.yaml:4:10: error: NUL byte"
run 1 utf8.yaml
check "invalid UTF-8" has "utf8.yaml:4:9: error: invalid UTF-8 byte 0xC3"

# A 1 GB file is refused from its size, without reading it (sparse here).
truncate -s 1G huge.yaml
run 2 huge.yaml
check "1 GB file refused" has "huge.yaml: file is 1024 MiB, larger than the 256 MiB limit"
rm huge.yaml

# A FIFO given as path is refused without waiting for a writer.
mkfifo pipe.yaml
run 2 pipe.yaml
check "FIFO refused" has "pipe.yaml: not a regular file"
rm pipe.yaml

# Folder loops: a symlink to a parent inside a linted folder is not followed;
# a symlink cycle given as path is an error.
mkdir -p tree/sub && cp good.yaml tree/sub/pod.yaml && ln -s .. tree/sub/up
ln -s loop-b loop-a && ln -s loop-a loop-b
run 2 tree loop-a
check "folder with a loop linted once" test "$(grep -c 'tree/sub/pod.yaml:8:12: error' <<<"$out")" -eq 1
check "symlink cycle named" has "loop-a: "

# An unreadable file: tests run as root, which reads anything, so read it as
# an unprivileged user.
cp good.yaml locked.yaml && chmod 000 locked.yaml && chmod 644 good.yaml
cp "$bin" ./launchlint-copy && chmod 755 ./launchlint-copy
status=0
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups ./launchlint-copy lint --color never locked.yaml good.yaml 2>&1) || status=$?
check "unreadable file exits 2, got $status" test "$status" -eq 2
check "unreadable file named" has "locked.yaml: Permission denied"
check "good file linted beside it" has "good.yaml:8:12: error"

exit $fail
