#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs what is missing,
# builds, and runs every test — the contract lint, unit, store contract,
# integration (real gRPC on loopback, SQLite), the CLI walk-through and a
# benchmark smoke run. CI calls this (.ci/run).
#
#   tests/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
deploy/build.sh
tests/lint/buf_lint.sh
cd build
GRPC_VERBOSITY=NONE ctest --output-on-failure -j "$(nproc)"
