#!/usr/bin/env bash
# The benchmark's peer: @monokle/validation (bench/peer/monokle.mjs) over one
# file, offline, under /usr/bin/time and a timeout. Prints one line:
#
#   monokle seconds S wall W peak_mb M resources N problems P
#   monokle did-not-finish TIMEOUT
#
# S is the script's own time (reading, parsing, preload, processRefs,
# validation); W and M are the process's wall time and peak RSS (node start-up
# and imports included). Installs the pinned package first when it is missing
# (npm ci from bench/peer/package-lock.json: the only network use). The peer's
# stderr goes to $PEER_LOG (default /tmp/launchlint-peer.log).
#
# usage: bench/peer.sh FILE [TIMEOUT_SECONDS]   (default 300)
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: bench/peer.sh FILE [TIMEOUT_SECONDS]" >&2
  exit 2
fi
file=$1
limit=${2:-300}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
peer=$here/peer
log=${PEER_LOG:-/tmp/launchlint-peer.log}

[[ -r $file ]] || { echo "peer.sh: cannot read $file" >&2; exit 2; }
[[ $limit =~ ^[1-9][0-9]*$ ]] || { echo "peer.sh: bad timeout $limit" >&2; exit 2; }
for tool in node npm /usr/bin/time timeout; do
  command -v "$tool" >/dev/null || { echo "peer.sh: $tool is missing" >&2; exit 2; }
done

node_major=$(node -p 'process.versions.node.split(".")[0]')
(( node_major >= 18 )) || { echo "peer.sh: node 18 or later is needed (fetch, Response)" >&2; exit 2; }

if [[ ! -f $peer/node_modules/@monokle/validation/package.json ||
      ! -f $peer/node_modules/@monokle/parser/package.json ]]; then
  npm ci --prefix "$peer" --no-audit --no-fund --loglevel=error >&2
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# %e wall seconds, %M peak RSS in KiB: time's line is the last line of the log.
set +e
/usr/bin/time -f '%e %M' timeout -k 5 "$limit" node "$peer/monokle.mjs" "$file" >"$out" 2>"$log"
rc=$?
set -e
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
  echo "monokle did-not-finish $limit"
  exit 0
fi
read -r wall kib < <(tail -n 1 "$log")
read -r _ resources _ problems _ seconds < <(grep "^resources " "$out" | tail -n 1) || true
if [[ $rc -ne 0 || -z ${seconds:-} ]]; then
  echo "peer.sh: monokle.mjs failed (exit $rc); see $log" >&2
  tail -n 5 "$log" >&2
  exit 1
fi
echo "monokle seconds $seconds wall $wall peak_mb $((kib / 1024)) resources $resources problems $problems"
