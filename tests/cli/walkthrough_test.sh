#!/usr/bin/env bash
# Walks one referral from creation to completion with the `wor` client
# against a real wor-server (in-memory storage, a free port), asserting the
# state after every step, and checks that the server's refusals reach the
# user with exit code 4 and a message that names the cause.
#
#   tests/cli/walkthrough_test.sh BUILD_DIR
#
# BUILD_DIR holds server/wor-server and client-sdk/cli/wor.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
server_bin="$build_dir/server/wor-server"
wor_bin="$build_dir/client-sdk/cli/wor"
example="$source_dir/client-sdk/cli/examples/referral.textproto"
for file in "$server_bin" "$wor_bin" "$example"; do
  [[ -e $file ]] || { echo "walkthrough: missing $file" >&2; exit 1; }
done

work_dir=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT

steps=0
fail() {
  echo "walkthrough: FAILED after $steps steps: $1" >&2
  if [[ $# -gt 1 ]]; then
    echo "--- output was:" >&2
    echo "$2" >&2
  fi
  exit 1
}
passed() {
  steps=$((steps + 1))
  echo "ok $steps - $1"
}

# expect_match DESCRIPTION OUTPUT REGEX: OUTPUT must contain REGEX (ERE).
expect_match() {
  grep -Eq -- "$3" <<<"$2" || fail "$1: expected output matching /$3/" "$2"
}

# The demo region with in-memory storage on a port the kernel picks; the
# server reports it in its "server_started" log line.
sed -e 's|^listen_address:.*|listen_address: "127.0.0.1:0"|' \
    -e 's|^storage .*|storage { memory {} }|' \
    "$source_dir/deploy/config/demo.textproto" >"$work_dir/server.textproto"
grep -q 'memory {}' "$work_dir/server.textproto" ||
  fail "could not derive an in-memory configuration from demo.textproto"
"$server_bin" --config "$work_dir/server.textproto" 2>"$work_dir/server.log" &
server_pid=$!

port=""
for _ in $(seq 100); do
  port=$(grep -o '"event":"server_started".*"port":[0-9]*' \
           "$work_dir/server.log" | grep -o '[0-9]*$' || true)
  [[ -n $port ]] && break
  kill -0 "$server_pid" 2>/dev/null ||
    fail "wor-server exited at start" "$(cat "$work_dir/server.log")"
  sleep 0.1
done
[[ -n $port ]] || fail "wor-server did not report its port" \
  "$(cat "$work_dir/server.log")"

export WOR_LANG=nl
unset WOR_SERVER
wor() { "$wor_bin" --server "127.0.0.1:$port" "$@"; }

ready=0
for _ in $(seq 50); do
  if wor --timeout 1 ping >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
[[ $ready -eq 1 ]] || fail "wor ping never succeeded on port $port"
passed "server answers wor ping on port $port"

# run_json STATE DESCRIPTION ARGS...: runs `wor --json ARGS`, which must
# succeed and leave the referral in STATE; the output is kept in $out.
out=""
run_json() {
  local state=$1 description=$2
  shift 2
  out=$(wor --json "$@" 2>&1) || fail "$description: wor $* exited $?" "$out"
  expect_match "$description" "$out" "\"state\":\"REFERRAL_STATE_$state\""
}

# expect_refusal CODE DESCRIPTION ARGS...: `wor ARGS` must exit with CODE;
# its output is kept in $out.
expect_refusal() {
  local code=$1 description=$2 rc=0
  shift 2
  out=$(wor "$@" 2>&1) || rc=$?
  [[ $rc -eq $code ]] ||
    fail "$description: expected exit code $code, got $rc" "$out"
}

# --- One referral, from the GP's click to the closing feedback. ---
out=$(wor create --file "$example" 2>&1) ||
  fail "create: wor create exited $?" "$out"
name=$(head -n 1 <<<"$out")
[[ $name =~ ^referrals/[A-Za-z0-9_-]+$ ]] ||
  fail "create: expected the referral's name on the first line" "$out"
expect_match "create" "$out" "Status: +requested"
expect_match "create: deadlines shown" "$out" "eerste contact \(uiterlijk\) +[0-9]{4}-[0-9]{2}-[0-9]{2} +pending"
passed "create $name (requested, deadlines pending)"

out=$(wor get "$name" 2>&1) || fail "get: wor get exited $?" "$out"
expect_match "get: patient's name for the coach" "$out" "Sanne de Boer"
expect_match "get: patient's phone for the coach" "$out" "0612345678"
expect_match "get: organisation from the practice" "$out" "welfareOrganisations/41234567"
passed "get shows state, organisation and the patient's contact details"

run_json ACCEPTED "accept" accept "$name"
passed "accept (accepted)"

run_json CONTACTED "contact" contact "$name" --result reached --channel phone
expect_match "contact: first contact met" "$out" '"firstContactLimit":\{[^}]*\},"dueTime":"[^"]*","status":"DEADLINE_STATUS_MET_ON_TIME"'
passed "contact reached (contacted, first-contact deadline met on time)"

intake_time=$(date -u -d '+2 days' +%Y-%m-%dT10:00:00Z)
run_json INTAKE_SCHEDULED "schedule" schedule "$name" --at "$intake_time" \
  --location neighbourhood-centre
expect_match "schedule: location" "$out" '"location":"INTAKE_LOCATION_NEIGHBOURHOOD_CENTRE"'
passed "schedule intake at $intake_time (intake-scheduled)"

run_json INTAKE_DONE "intake" intake "$name" --scores 5,4,6,5.5,3,6
expect_match "intake: scores kept" "$out" '"participation":3'
passed "intake with scores (intake-done)"

out=$(echo "Intake gehouden. Mevrouw wil graag buiten actief zijn met anderen." |
        wor --json feedback send "$name" --kind after-intake 2>&1) ||
  fail "feedback after-intake: exited $?" "$out"
expect_match "feedback after-intake" "$out" '"kind":"FEEDBACK_KIND_AFTER_INTAKE"'
passed "feedback after-intake sent"

run_json IN_PROGRESS "activity" activity "$name" --category movement_and_fun \
  --activity walking_group
expect_match "activity: chosen" "$out" '"activity":\{"category":"movement_and_fun","activity":"walking_group"'
passed "activity movement_and_fun/walking_group (in-progress)"

run_json COMPLETED "complete" complete "$name" --outcome activity-started \
  --scores 6,6,7,6.5,6,7
expect_match "complete: outcome" "$out" '"outcome":"REFERRAL_OUTCOME_ACTIVITY_STARTED"'
passed "complete activity-started with closing scores (completed)"

printf 'Traject afgesloten: mevrouw loopt twee keer per week mee met de wandelgroep.\n' \
  >"$work_dir/closing.txt"
out=$(wor feedback send "$name" --kind at-closing --file "$work_dir/closing.txt" 2>&1) ||
  fail "feedback at-closing: exited $?" "$out"
feedback_name=$(head -n 1 <<<"$out")
[[ $feedback_name == "$name"/feedback/* ]] ||
  fail "feedback at-closing: expected the feedback's name first" "$out"
expect_match "feedback at-closing" "$out" "Soort: at-closing"
passed "feedback at-closing sent ($feedback_name)"

out=$(wor --json feedback ack "$feedback_name" 2>&1) ||
  fail "feedback ack: exited $?" "$out"
expect_match "feedback ack" "$out" '"acknowledgeTime":"'
passed "feedback acknowledged by the referrer"

out=$(wor --json feedback list "$name" 2>&1) || fail "feedback list: exited $?" "$out"
[[ $(grep -o '"name":"' <<<"$out" | wc -l) -eq 2 ]] ||
  fail "feedback list: expected 2 feedback items" "$out"
passed "feedback list holds both reports"

out=$(wor list --state completed 2>&1) || fail "list: exited $?" "$out"
expect_match "list: completed referral" "$out" "^$name +completed +[0-9-]+ +[0-9-]+$"
passed "list --state completed shows the referral on one line"

# --- Refusals reach the user with exit code 4 and name their cause. ---
sed 's/serious_drug_use: YES_NO_NO/serious_drug_use: YES_NO_YES/' "$example" \
  >"$work_dir/contra_indicated.textproto"
expect_refusal 4 "contra-indication" create --file "$work_dir/contra_indicated.textproto"
expect_match "contra-indication: field named" "$out" "contra_indications"
expect_match "contra-indication: POH-GGZ suggested" "$out" "POH-GGZ"
passed "a contra-indication answered yes is refused (exit 4, names POH-GGZ)"

expect_refusal 4 "accept on completed" accept "$name"
expect_match "accept on completed: state named" "$out" "COMPLETED"
passed "accept on a completed referral is refused (exit 4, names the state)"

expect_refusal 3 "get unknown" get referrals/does-not-exist
passed "an unknown referral is not found (exit 3)"

expect_refusal 2 "bad reason" reject "$name" --reason because
expect_match "bad reason: allowed values listed" "$out" "no-capacity"
passed "an unknown --reason is a usage error listing the allowed values (exit 2)"

# --- SIGTERM drains: an open watch stream ends, the server exits 0. ---
wor watch >"$work_dir/watch.out" 2>&1 &
watch_pid=$!
for _ in $(seq 50); do
  grep -q '"method":"WatchReferrals"' "$work_dir/server.log" && break
  # The stream logs when it ends; until then, give it time to open.
  [[ -s $work_dir/watch.out ]] && break
  sleep 0.1
done
kill -TERM "$server_pid"
server_exit=0
wait "$server_pid" || server_exit=$?
server_pid=""
[[ $server_exit -eq 0 ]] || fail "wor-server exited $server_exit on SIGTERM" \
  "$(tail -5 "$work_dir/server.log")"
expect_match "SIGTERM: drain logged" "$(cat "$work_dir/server.log")" '"event":"server_draining"'
expect_match "SIGTERM: stop logged" "$(cat "$work_dir/server.log")" '"event":"server_stopped"'
watch_exit=0
for _ in $(seq 50); do kill -0 "$watch_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$watch_pid" 2>/dev/null; then
  kill "$watch_pid"
  fail "wor watch kept running after the server stopped" "$(cat "$work_dir/watch.out")"
fi
wait "$watch_pid" || watch_exit=$?
[[ $watch_exit -ne 0 ]] || fail "wor watch should report the lost server" "$(cat "$work_dir/watch.out")"
passed "SIGTERM drains: the open stream ends, the server exits 0"

echo "walkthrough: $steps steps passed"
