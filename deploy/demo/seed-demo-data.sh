#!/usr/bin/env bash
# Puts a few demo referrals on a running server, at different points of the
# lifecycle, through the public API (the `wor` client). Safe to run again:
# fixed request ids make every call happen once.
#   deploy/demo/seed-demo-data.sh HOST:PORT
set -euo pipefail
cd "$(dirname "$0")/../.."
server="${1:?usage: seed-demo-data.sh HOST:PORT}"
wor=(build/client-sdk/cli/wor --server "$server")
example=client-sdk/cli/examples/referral.textproto

# Three patients from the example file, each with another name and practice.
create() {  # id given family practice
  sed -e "s/given_name: \"Sanne\"/given_name: \"$2\"/" \
      -e "s/family_name: \"de Boer\"/family_name: \"$3\"/" \
      -e "s/practice_agb: \"01012345\"/practice_agb: \"$4\"/" \
      -e "s/demo-4711/demo-$1/" "$example" |
    "${wor[@]}" create --file - --request-id "demo-create-$1" | head -n1
}

first=$(create 1 Sanne "de Boer" 01012345)
second=$(create 2 Kees Visser 01023456)
third=$(create 3 Fatma Yilmaz 01034567)

"${wor[@]}" accept "$second" --request-id demo-accept-2 >/dev/null
"${wor[@]}" accept "$third" --request-id demo-accept-3 >/dev/null
"${wor[@]}" contact "$third" --result reached --request-id demo-contact-3 >/dev/null

echo "seed-demo-data: ${first}, ${second}, ${third}"
