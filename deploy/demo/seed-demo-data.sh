#!/usr/bin/env bash
# Puts a few demo referrals on a running server, at different points of the
# lifecycle, through the public API (the `wor` client over mutual TLS): the
# GP creates them, the coach takes them up. Safe to run again: fixed request
# ids make every call happen once.
#
#   deploy/demo/seed-demo-data.sh GP_ENV COACH_ENV
#
# GP_ENV and COACH_ENV are env files as deploy/run-demo.sh writes them
# (var/demo-gp.env, var/demo-coach.env): they export WOR_SERVER, WOR_CA_FILE,
# WOR_CERT_FILE, WOR_KEY_FILE and WOR_TOKEN_FILE for one user.
set -euo pipefail
cd "$(dirname "$0")/../.."
gp_env="${1:?usage: seed-demo-data.sh GP_ENV COACH_ENV}"
coach_env="${2:?usage: seed-demo-data.sh GP_ENV COACH_ENV}"
wor_bin="${WOR_BUILD_DIR:-build}/client-sdk/cli/wor"
example=client-sdk/cli/examples/referral.textproto

# as ENV_FILE ARGS...: runs wor as the user of ENV_FILE.
as() {
  local env_file=$1
  shift
  (source "$env_file" && exec "$wor_bin" "$@")
}

# Three patients from the example file, each with another name; all from the
# demo GP's practice (01012345), so the demo GP sees all three. (The request
# ids differ from those of the earlier, plaintext demo, whose referrals came
# from three practices: a database seeded by it gets these three as well.)
create() {  # id given family
  sed -e "s/given_name: \"Sanne\"/given_name: \"$2\"/" \
      -e "s/family_name: \"de Boer\"/family_name: \"$3\"/" \
      -e "s/demo-4711/demo-$1/" "$example" |
    as "$gp_env" create --file - --request-id "demo-gp-create-$1" | head -n1
}

first=$(create 1 Sanne "de Boer")
second=$(create 2 Kees Visser)
third=$(create 3 Fatma Yilmaz)

as "$coach_env" accept "$second" --request-id demo-coach-accept-2 >/dev/null
as "$coach_env" accept "$third" --request-id demo-coach-accept-3 >/dev/null
# The contact's time is "now", so a second run would not be the same request:
# record it only while the referral still waits for it.
if as "$coach_env" --json get "$third" | grep -q '"state":"REFERRAL_STATE_ACCEPTED"'; then
  as "$coach_env" contact "$third" --result reached --request-id demo-coach-contact-3 >/dev/null
fi

echo "seed-demo-data: ${first}, ${second}, ${third}"
