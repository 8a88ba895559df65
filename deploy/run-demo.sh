#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs what is missing,
# builds, and runs the server on its embedded default (SQLite in var/) with
# the demo region (Meppel) and a few demo referrals, then stays in the
# foreground until Ctrl-C (which drains calls in flight).
#
#   deploy/run-demo.sh                 # serves on 127.0.0.1:50051
#   WOR_DEMO_PORT=50061 deploy/run-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh
deploy/build.sh

port="${WOR_DEMO_PORT:-50051}"
mkdir -p var
config="var/demo.textproto"
sed "s/^listen_address: .*/listen_address: \"127.0.0.1:${port}\"/" \
  deploy/config/demo.textproto > "$config"

wor=(build/client-sdk/cli/wor --server "127.0.0.1:${port}")
build/server/wor-server --config "$config" 2> >(tee -a var/wor-server.log >&2) &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT INT TERM

for _ in $(seq 50); do
  "${wor[@]}" ping >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run-demo: the server stopped; see var/wor-server.log" >&2; exit 1; }
  sleep 0.2
done
"${wor[@]}" ping >/dev/null

deploy/demo/seed-demo-data.sh "127.0.0.1:${port}"

cat <<TEXT

Welzijn op Recept draait op 127.0.0.1:${port} (SQLite: var/wor.db) met demogegevens.
Welzijn op Recept is running on 127.0.0.1:${port} (SQLite: var/wor.db) with demo data.

Try, in another terminal:
  build/client-sdk/cli/wor --server 127.0.0.1:${port} list
  build/client-sdk/cli/wor --server 127.0.0.1:${port} get <name from the list>
  build/client-sdk/cli/wor --server 127.0.0.1:${port} watch
  build/client-sdk/cli/wor help
The README walks one referral from creation to completion.
Ctrl-C stops the server.
TEXT
wait "$server_pid"
