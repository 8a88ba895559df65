#!/usr/bin/env bash
# Master key rotation with the real binaries, as docs/operations.md tells an
# operator to do it: a referral stored under master key A; add key B and make
# it active; `wor-server --rewrap-keys`; remove A from the configuration; the
# server still reads the patient's data. Without the re-wrap, a server that
# only has B refuses to start rather than serve unreadable data.
#
#   tests/privacy/key_rotation_test.sh BUILD_DIR
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
server_bin="$build_dir/server/wor-server"
wor_bin="$build_dir/client-sdk/cli/wor"
work_dir=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work_dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $1"; [[ $# -gt 1 ]] && echo "$2"; exit 1; }

openssl rand -hex 32 >"$work_dir/key-a"
openssl rand -hex 32 >"$work_dir/key-b"

# write_config ACTIVE KEY_ID...
write_config() {
  local active=$1; shift
  {
    sed -e '/^listen_address/d' -e '/^storage/d' -e '/^security *{/,/^}/d' \
        -e '/^privacy *{/,/^}/d' "$source_dir/deploy/config/demo.textproto"
    echo 'listen_address: "127.0.0.1:0"'
    echo "storage { sqlite { path: \"$work_dir/wor.db\" } }"
    echo 'security { development_mode: true }'
    echo "privacy {"
    echo "  keyring_path: \"$work_dir/keyring.db\""
    for id in "$@"; do
      echo "  master_keys { id: \"$id\" file: \"$work_dir/key-$id\" }"
    done
    echo "  active_master_key_id: \"$active\""
    echo "}"
  } >"$work_dir/server.textproto"
}

start_server() {
  "$server_bin" --config "$work_dir/server.textproto" 2>"$work_dir/server.log" &
  server_pid=$!
  port=""
  for _ in $(seq 100); do
    port=$(grep -o '"event":"server_started".*"port":[0-9]*' \
             "$work_dir/server.log" | grep -o '[0-9]*$' || true)
    [[ -n $port ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" || true; server_pid=""; }
gp() {
  "$wor_bin" --server "127.0.0.1:$port" \
    --dev-identity agb:01012345,huisarts-1,GP --lang en "$@"
}

write_config a a
start_server || fail "server did not start with key a" "$(cat "$work_dir/server.log")"
out=$(gp create --file "$source_dir/client-sdk/cli/examples/referral.textproto" 2>&1) ||
  fail "create failed" "$out"
name=$(head -n1 <<<"$out" | grep -o 'referrals/[A-Za-z0-9-]*') ||
  fail "no referral name in create output" "$out"
family=$(grep -o 'family_name: *"[^"]*"' \
  "$source_dir/client-sdk/cli/examples/referral.textproto" | head -n1 |
  sed 's/.*"\(.*\)"/\1/')
gp get "$name" | grep -q "$family" || fail "patient not readable under key a"
stop_server
echo "ok 1 - a referral stored under master key a"

write_config b a b
out=$("$server_bin" --config "$work_dir/server.textproto" --rewrap-keys 2>&1) ||
  fail "--rewrap-keys failed" "$out"
grep -q "re-wrapped [1-9][0-9]* keys under master key b" <<<"$out" ||
  fail "--rewrap-keys did not report its work" "$out"
echo "ok 2 - wor-server --rewrap-keys: $out"

write_config b b
start_server || fail "server did not start with only key b" "$(cat "$work_dir/server.log")"
gp get "$name" | grep -q "$family" ||
  fail "patient not readable after rotation to key b" "$(gp get "$name" 2>&1)"
stop_server
echo "ok 3 - after rotation only key b is configured and the patient is readable"

# A fresh keyring under a lost key: the server must refuse, not serve garbage.
openssl rand -hex 32 >"$work_dir/key-c"
write_config c c
if start_server; then
  out=$(gp get "$name" 2>&1) && grep -q "$family" <<<"$out" &&
    fail "data readable with an unrelated master key"
  stop_server
  echo "ok 4 - with an unrelated master key the patient's data is not readable"
else
  grep -q "master key" "$work_dir/server.log" ||
    fail "refusal does not name the master key" "$(cat "$work_dir/server.log")"
  echo "ok 4 - with an unrelated master key the server refuses to start: $(tail -n1 "$work_dir/server.log")"
fi
echo "key rotation: 4 steps passed"
