#!/usr/bin/env bash
# Builds the VS Code extension with tsc and runs the real-client test
# (vscode-jsonrpc) against launchlint lsp.   Usage: vscode_client_test.sh LAUNCHLINT
set -euo pipefail
launchlint=$(realpath "$1")
cd editors/vscode
[[ -x node_modules/.bin/tsc ]] || { echo "FAIL: run scripts/setup.sh --test (editors/vscode/node_modules)"; exit 1; }
node_modules/.bin/tsc -p .
node test/client_test.js "$launchlint"
