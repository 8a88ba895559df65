#!/usr/bin/env bash
# Generates the Python client modules of the Welzijn op Recept API from
# proto/wor/v1/*.proto, without CMake: messages with protoc's --python_out,
# gRPC stubs with Debian's grpc_python_plugin (package
# protobuf-compiler-grpc). The result is a `wor.v1` package under OUT_DIR;
# put OUT_DIR on PYTHONPATH (or pass it as --generated-dir to the examples).
#
#   client-sdk/python/generate.sh OUT_DIR
#
# Environment: PROTOC (default protoc) and GRPC_PYTHON_PLUGIN (default
# /usr/bin/grpc_python_plugin, else the one on PATH). Generated code is never
# committed: run this again whenever proto/ changes.
set -euo pipefail

if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 2
fi
out_dir=$1
proto_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../proto" && pwd)

protoc=${PROTOC:-protoc}
plugin=${GRPC_PYTHON_PLUGIN:-}
if [[ -z $plugin ]]; then
  if [[ -x /usr/bin/grpc_python_plugin ]]; then
    plugin=/usr/bin/grpc_python_plugin
  else
    plugin=$(command -v grpc_python_plugin || true)
  fi
fi
command -v "$protoc" >/dev/null 2>&1 ||
  { echo "generate.sh: $protoc not found: apt-get install protobuf-compiler" >&2; exit 1; }
[[ -n $plugin && -x $plugin ]] ||
  { echo "generate.sh: grpc_python_plugin not found: apt-get install protobuf-compiler-grpc" >&2; exit 1; }

protos=("$proto_root"/wor/v1/*.proto)
# Stale modules of removed protos must not linger.
rm -rf "$out_dir/wor/v1"
mkdir -p "$out_dir"
"$protoc" -I"$proto_root" \
  --python_out="$out_dir" \
  --grpc_python_out="$out_dir" \
  --plugin=protoc-gen-grpc_python="$plugin" \
  "${protos[@]}"
echo "generate.sh: ${#protos[@]} protos -> $out_dir/wor/v1"
