#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs what is missing,
# builds, and runs the server on its embedded default (SQLite in var/) with
# the demo region (Meppel) and a few demo referrals, then stays in the
# foreground until Ctrl-C (which drains calls in flight).
#
# The server runs as in production: mutual TLS (TLS 1.3) and signed user
# tokens. For that this script makes, in var/ and only when missing, a
# development PKI (var/pki, deploy/pki/make-dev-pki.sh) and a master key
# (var/master.key); on every start it mints 8-hour tokens for a demo GP and
# a demo coach (var/tokens) and writes var/demo-gp.env and
# var/demo-coach.env, which set up `wor` for either of them.
#
#   deploy/run-demo.sh                 # serves on 127.0.0.1:50051
#   WOR_DEMO_PORT=50061 deploy/run-demo.sh
#   WOR_BUILD_DIR=build-x deploy/run-demo.sh   # use that build, as it is
#
# FOR DEVELOPMENT AND DEMOS ONLY: every key is made on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [[ -n ${WOR_BUILD_DIR:-} ]]; then
  build_dir=$WOR_BUILD_DIR
else
  deploy/install-deps.sh
  deploy/build.sh
  build_dir=build
fi
export WOR_BUILD_DIR="$build_dir"
wor_bin="$root/$build_dir/client-sdk/cli/wor"

port="${WOR_DEMO_PORT:-50051}"
mkdir -p var
chmod 700 var

# A database of the earlier plaintext demo (no keyring next to it) holds
# referrals whose personal data was never sealed; this server cannot read
# them. Keep it aside and start afresh.
if [[ -e var/wor.db && ! -e var/keyring.db ]]; then
  aside="var/plaintext-demo-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$aside"
  mv var/wor.db* "$aside/"
  echo "run-demo: the database of the earlier plaintext demo is now in $aside"
fi

# Keys and certificates: made once, kept across restarts.
deploy/pki/make-dev-pki.sh var/pki >var/pki.log ||
  { cat var/pki.log >&2; exit 1; }
if [[ ! -s var/master.key ]]; then
  (umask 077 && openssl rand -hex 32 >var/master.key)
fi
chmod 600 var/master.key

config="var/demo.textproto"
sed "s/^listen_address: .*/listen_address: \"127.0.0.1:${port}\"/" \
  deploy/config/demo.textproto >"$config"

# write_env FILE WHO ORG_FILE TOKEN: an env file that makes `wor` act as WHO.
write_env() {
  local file=$1 who=$2 org=$3 token=$4
  {
    echo "# Welzijn op Recept demo: wor acts as $who."
    echo "# Use: source $file   (then: wor list, wor help)"
    printf 'export WOR_SERVER=%q\n' "127.0.0.1:${port}"
    printf 'export WOR_CA_FILE=%q\n' "$root/var/pki/ca.pem"
    printf 'export WOR_CERT_FILE=%q\n' "$root/var/pki/clients/$org.pem"
    printf 'export WOR_KEY_FILE=%q\n' "$root/var/pki/clients/$org.key.pem"
    printf 'export WOR_TOKEN_FILE=%q\n' "$root/var/tokens/$token"
    echo "unset WOR_TOKEN WOR_DEV_IDENTITY"
    printf 'alias wor=%q\n' "$wor_bin"
  } >"$file"
}
deploy/demo/mint-demo-tokens.sh "$build_dir"
write_env var/demo-gp.env "GP huisarts-1 of practice 01012345 (agb:01012345)" \
  agb-01012345 gp.jwt
write_env var/demo-coach.env \
  "coach coach-1 of Stichting Welzijn Meppel (kvk:41234567)" \
  kvk-41234567 coach.jwt

"$build_dir/server/wor-server" --config "$config" \
  2> >(tee -a var/wor-server.log >&2) &
server_pid=$!
trap 'kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT INT TERM

as_gp() { (source var/demo-gp.env && exec "$wor_bin" "$@"); }
for _ in $(seq 50); do
  as_gp ping >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "run-demo: the server stopped; see var/wor-server.log" >&2; exit 1; }
  sleep 0.2
done
as_gp ping >/dev/null

deploy/demo/seed-demo-data.sh var/demo-gp.env var/demo-coach.env

cat <<TEXT

Welzijn op Recept draait op 127.0.0.1:${port} (mutual TLS; SQLite: var/wor.db) met demogegevens.
Welzijn op Recept is running on 127.0.0.1:${port} (mutual TLS; SQLite: var/wor.db) with demo data.

In another terminal, be the GP or the coach (certificate + 8-hour token):
  source var/demo-gp.env       # GP huisarts-1, practice 01012345: create, cancel, consent, feedback ack
  source var/demo-coach.env    # coach coach-1, welfare organisation 41234567: accept … complete, feedback send
  wor referrals                # the coach's worklist, nearest deadline first
  wor list
  wor show <name from the list>
  wor consent receipt <name>
  wor watch
  wor help
Without the env files, the same as flags:
  $build_dir/client-sdk/cli/wor --server 127.0.0.1:${port} --ca-file var/pki/ca.pem \\
    --cert-file var/pki/clients/kvk-41234567.pem --key-file var/pki/clients/kvk-41234567.key.pem \\
    --token-file var/tokens/coach.jwt list
Tokens expire after 8 hours: deploy/demo/mint-demo-tokens.sh makes new ones.
The README walks one referral from creation to completion.
Ctrl-C stops the server.
TEXT
wait "$server_pid"
