#!/usr/bin/env bash
# The public API must pass buf lint (STANDARD + COMMENTS; see buf.yaml).
set -euo pipefail
cd "$(dirname "$0")/../.."
node_modules/@bufbuild/buf-linux-x64/bin/buf lint
echo "buf lint: proto/ is clean"
