#!/usr/bin/env bash
# Mints the demo's user tokens with wor-mint-token, as the organisations'
# identity providers would after a sign-in: a GP of practice 01012345
# (huisarts-1) and a coach of welfare organisation 41234567 (coach-1), each
# signed with its organisation's development key from var/pki and valid for
# 8 hours. Run it again when `wor` says the token has expired; the env files
# of deploy/run-demo.sh point at these files, so nothing else changes.
#
#   deploy/demo/mint-demo-tokens.sh [BUILD_DIR]     # default build/
#
# FOR DEVELOPMENT AND DEMOS ONLY (see deploy/pki/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir="${1:-${WOR_BUILD_DIR:-build}}"
mint="$build_dir/server/wor-mint-token"
[[ -x $mint ]] || { echo "mint-demo-tokens: $mint is missing; run deploy/build.sh" >&2; exit 1; }
[[ -d var/pki/tokens ]] || { echo "mint-demo-tokens: var/pki is missing; run deploy/run-demo.sh" >&2; exit 1; }

mkdir -p var/tokens
chmod 700 var/tokens
# mint_token FILE KEY ISSUER SUBJECT ROLE: written whole or not at all, mode 600.
mint_token() {
  (umask 077 && "$mint" --key="var/pki/tokens/$2.key.pem" --issuer="$3" \
     --subject="$4" --role="$5" --valid-for=8h >"var/tokens/$1.new")
  mv "var/tokens/$1.new" "var/tokens/$1"
}
mint_token gp.jwt agb-01012345 agb:01012345 huisarts-1 GP
mint_token coach.jwt kvk-41234567 kvk:41234567 coach-1 COACH
echo "mint-demo-tokens: var/tokens/gp.jwt (GP huisarts-1, agb:01012345) and" \
     "var/tokens/coach.jwt (COACH coach-1, kvk:41234567), valid 8 hours"
