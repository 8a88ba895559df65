#!/usr/bin/env bash
# Configures and builds everything into build/ (CMake + Ninja).
#   deploy/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
# Two cores on the reference machines; more jobs only thrash.
ninja -C build -j "$(nproc)"
