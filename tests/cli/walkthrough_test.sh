#!/usr/bin/env bash
# Walks one referral from creation to completion with the `wor` client
# against the real wor-server, as the README does, asserting the state after
# every step. The server runs as in production: mutual TLS (TLS 1.3) with a
# development PKI made for this run, signed user tokens, SQLite sealed with a
# master key. The GP's steps use a GP's certificate and token (given as
# flags), the coach's steps a coach's (given as WOR_* environment
# variables). Also checks that refusals reach the user with the documented
# exit code and a message that says what to do: no client certificate, the
# wrong role, an expired token, a state that does not allow the verb; that a
# coach completes a second trajectory with `wor` alone, from a profile made
# by `wor login` (worklist, contact, slots, intake, activity, feedback,
# completion); that
# revoking consent hides the patient from the coach at once; and that
# SIGTERM drains the server.
#
#   tests/cli/walkthrough_test.sh BUILD_DIR
#
# BUILD_DIR holds server/wor-server, server/wor-mint-token and
# client-sdk/cli/wor. Needs the openssl command line.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
server_bin="$build_dir/server/wor-server"
mint_bin="$build_dir/server/wor-mint-token"
wor_bin="$build_dir/client-sdk/cli/wor"
example="$source_dir/client-sdk/cli/examples/referral.textproto"
make_pki="$source_dir/deploy/pki/make-dev-pki.sh"
for file in "$server_bin" "$mint_bin" "$wor_bin" "$example" "$make_pki"; do
  [[ -e $file ]] || { echo "walkthrough: missing $file" >&2; exit 1; }
done

work_dir=$(mktemp -d)
server_pid=""
watch_pid=""
cleanup() {
  if [[ -n $watch_pid ]]; then
    kill "$watch_pid" 2>/dev/null || true
    wait "$watch_pid" 2>/dev/null || true
  fi
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
# expect_no_match DESCRIPTION OUTPUT REGEX: OUTPUT must not contain REGEX.
expect_no_match() {
  if grep -Eq -- "$3" <<<"$2"; then
    fail "$1: expected no output matching /$3/" "$2"
  fi
}

# --- Keys, certificates, tokens and configuration for this run. ---
pki="$work_dir/pki"
"$make_pki" "$pki" >"$work_dir/pki.log" 2>&1 ||
  fail "make-dev-pki.sh failed" "$(cat "$work_dir/pki.log")"
(umask 077 && openssl rand -hex 32 >"$work_dir/master.key")

# The demo region with its security and privacy settings pointed at this
# run's files, SQLite in the work directory, on a port the kernel picks (the
# server reports it in its "server_started" log line).
sed -e 's|^listen_address:.*|listen_address: "127.0.0.1:0"|' \
    -e "s|^storage .*|storage { sqlite { path: \"$work_dir/wor.db\" } }|" \
    -e "s|\"var/pki/|\"$pki/|" \
    -e "s|\"var/master.key\"|\"$work_dir/master.key\"|" \
    -e "s|\"var/keyring.db\"|\"$work_dir/keyring.db\"|" \
    "$source_dir/deploy/config/demo.textproto" >"$work_dir/server.textproto"
if grep -q '"var/' "$work_dir/server.textproto" ||
   ! grep -q 'client_ca_file' "$work_dir/server.textproto"; then
  fail "could not point demo.textproto at this run's files" \
    "$(cat "$work_dir/server.textproto")"
fi

# mint FILE KEY ISSUER SUBJECT ROLE [wor-mint-token flags...]
mint() {
  local file=$1 key=$2 issuer=$3 subject=$4 role=$5
  shift 5
  (umask 077 && "$mint_bin" --key="$pki/tokens/$key.key.pem" --issuer="$issuer" \
     --subject="$subject" --role="$role" "$@" >"$work_dir/$file") ||
    fail "wor-mint-token $file failed"
}
mint gp.jwt agb-01012345 agb:01012345 huisarts-1 GP --valid-for=8h
mint coach.jwt kvk-41234567 kvk:41234567 coach-1 COACH --valid-for=8h
# Issued two days ago for eight hours: long expired.
mint expired.jwt agb-01012345 agb:01012345 huisarts-1 GP \
  --now="$(($(date +%s) - 2 * 86400))" --valid-for=8h

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
unset WOR_SERVER WOR_CA_FILE WOR_CERT_FILE WOR_KEY_FILE WOR_TOKEN_FILE \
  WOR_TOKEN WOR_DEV_IDENTITY
server_flag=(--server "127.0.0.1:$port")

# The GP of practice 01012345, identified by flags.
gp() {
  "$wor_bin" "${server_flag[@]}" --ca-file "$pki/ca.pem" \
    --cert-file "$pki/clients/agb-01012345.pem" \
    --key-file "$pki/clients/agb-01012345.key.pem" \
    --token-file "$work_dir/gp.jwt" "$@"
}
# The coach of welfare organisation 41234567, identified by the environment
# (as `source var/demo-coach.env` does in the demo).
coach() {
  WOR_CA_FILE="$pki/ca.pem" \
  WOR_CERT_FILE="$pki/clients/kvk-41234567.pem" \
  WOR_KEY_FILE="$pki/clients/kvk-41234567.key.pem" \
  WOR_TOKEN_FILE="$work_dir/coach.jwt" \
    "$wor_bin" "${server_flag[@]}" "$@"
}
# Anyone else: only the flags given.
anyone() { "$wor_bin" "${server_flag[@]}" "$@"; }

ready=0
for _ in $(seq 50); do
  if gp --timeout 1 ping >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
[[ $ready -eq 1 ]] || fail "wor ping never succeeded on port $port" \
  "$(gp --timeout 1 ping 2>&1; tail -5 "$work_dir/server.log")"
passed "server answers wor ping over mutual TLS on port $port"

# run_json WHO STATE DESCRIPTION ARGS...: runs `WHO --json ARGS`, which must
# succeed and leave the referral in STATE; the output is kept in $out.
out=""
run_json() {
  local who=$1 state=$2 description=$3
  shift 3
  out=$("$who" --json "$@" 2>&1) || fail "$description: wor $* exited $?" "$out"
  expect_match "$description" "$out" "\"state\":\"REFERRAL_STATE_$state\""
}

# expect_refusal CODE WHO DESCRIPTION ARGS...: `WHO ARGS` must exit with
# CODE; its output is kept in $out.
expect_refusal() {
  local code=$1 who=$2 description=$3 rc=0
  shift 3
  out=$("$who" "$@" 2>&1) || rc=$?
  [[ $rc -eq $code ]] ||
    fail "$description: expected exit code $code, got $rc" "$out"
}

# --- One referral, from the GP's click to the closing feedback. ---
out=$(gp create --file "$example" 2>&1) ||
  fail "create: wor create exited $?" "$out"
name=$(head -n 1 <<<"$out")
[[ $name =~ ^referrals/[A-Za-z0-9_-]+$ ]] ||
  fail "create: expected the referral's name on the first line" "$out"
expect_match "create" "$out" "Status: +requested"
expect_match "create: deadlines shown" "$out" "eerste contact \(uiterlijk\) +[0-9]{4}-[0-9]{2}-[0-9]{2} +pending"
passed "GP creates $name (requested, deadlines pending)"

out=$(coach get "$name" 2>&1) || fail "get: wor get exited $?" "$out"
expect_match "get: patient's name for the coach" "$out" "Sanne de Boer"
expect_match "get: patient's phone for the coach" "$out" "0612345678"
expect_match "get: organisation from the practice" "$out" "welfareOrganisations/41234567"
expect_match "get: consent shown" "$out" "Toestemming: +share-with-coach"
passed "coach's get shows state, organisation, consent and the patient's contact details"

run_json coach ACCEPTED "accept" accept "$name"
passed "coach accepts (accepted)"

run_json coach CONTACTED "contact" contact "$name" --result reached --channel phone
expect_match "contact: first contact met" "$out" '"firstContactLimit":\{[^}]*\},"dueTime":"[^"]*","status":"DEADLINE_STATUS_MET_ON_TIME"'
passed "contact reached (contacted, first-contact deadline met on time)"

intake_time=$(date -u -d '+2 days' +%Y-%m-%dT10:00:00Z)
run_json coach INTAKE_SCHEDULED "schedule" schedule "$name" --at "$intake_time" \
  --location neighbourhood-centre
expect_match "schedule: location" "$out" '"location":"INTAKE_LOCATION_NEIGHBOURHOOD_CENTRE"'
passed "schedule intake at $intake_time (intake-scheduled)"

run_json coach INTAKE_DONE "intake" intake "$name" --scores 5,4,6,5.5,3,6
expect_match "intake: scores kept" "$out" '"participation":3'
passed "intake with scores (intake-done)"

out=$(echo "Intake gehouden. Mevrouw wil graag buiten actief zijn met anderen." |
        coach --json feedback send "$name" --kind after-intake 2>&1) ||
  fail "feedback after-intake: exited $?" "$out"
expect_match "feedback after-intake" "$out" '"kind":"FEEDBACK_KIND_AFTER_INTAKE"'
passed "feedback after-intake sent"

run_json coach IN_PROGRESS "activity" activity "$name" --category movement_and_fun \
  --activity walking_group
expect_match "activity: chosen" "$out" '"activity":\{"category":"movement_and_fun","activity":"walking_group"'
passed "activity movement_and_fun/walking_group (in-progress)"

run_json coach COMPLETED "complete" complete "$name" --outcome activity-started \
  --scores 6,6,7,6.5,6,7
expect_match "complete: outcome" "$out" '"outcome":"REFERRAL_OUTCOME_ACTIVITY_STARTED"'
passed "complete activity-started with closing scores (completed)"

printf 'Traject afgesloten: mevrouw loopt twee keer per week mee met de wandelgroep.\n' \
  >"$work_dir/closing.txt"
out=$(coach feedback send "$name" --kind at-closing --file "$work_dir/closing.txt" 2>&1) ||
  fail "feedback at-closing: exited $?" "$out"
feedback_name=$(head -n 1 <<<"$out")
[[ $feedback_name == "$name"/feedback/* ]] ||
  fail "feedback at-closing: expected the feedback's name first" "$out"
expect_match "feedback at-closing" "$out" "Soort: at-closing"
passed "feedback at-closing sent ($feedback_name)"

out=$(gp --json feedback ack "$feedback_name" 2>&1) ||
  fail "feedback ack: exited $?" "$out"
expect_match "feedback ack" "$out" '"acknowledgeTime":"'
passed "the GP acknowledges the feedback"

out=$(gp --json feedback list "$name" 2>&1) || fail "feedback list: exited $?" "$out"
[[ $(grep -o '"name":"' <<<"$out" | wc -l) -eq 2 ]] ||
  fail "feedback list: expected 2 feedback items" "$out"
expect_match "feedback list: summary shared with consent" "$out" "wandelgroep"
passed "the GP's feedback list holds both reports"

out=$(coach list --state completed 2>&1) || fail "list: exited $?" "$out"
expect_match "list: completed referral" "$out" "^$name +completed +[0-9-]+ +[0-9-]+$"
passed "list --state completed shows the referral on one line"

# --- A coach works a whole trajectory with `wor` alone: a profile made by
# `wor login`, no flags, no WOR_* variables. ---
export XDG_CONFIG_HOME="$work_dir/config"
# Relative paths on purpose: the profile must store them absolute.
out=$(cd "$work_dir" && "$wor_bin" login --server "127.0.0.1:$port" \
        --ca-file pki/ca.pem --cert-file pki/clients/kvk-41234567.pem \
        --key-file pki/clients/kvk-41234567.key.pem --token-file coach.jwt 2>&1) ||
  fail "login: exited $?" "$out"
expect_match "login: saved" "$out" "Profiel 'default' opgeslagen"
expect_match "login: who the server sees" "$out" "coach-1 van kvk:41234567, rol coach"
expect_match "login: the coach's worklist" "$out" "welfareOrganisations/41234567/coaches/coach-1"
profile="$XDG_CONFIG_HOME/wor/profiles/default"
[[ $(stat -c %a "$profile") == 600 ]] || fail "login: profile mode $(stat -c %a "$profile")"
[[ $(stat -c %a "$(dirname "$profile")") == 700 ]] || fail "login: directory not 0700"
expect_match "login: absolute paths" "$(cat "$profile")" "^token_file = $work_dir/coach.jwt$"
expect_no_match "login: no token in the profile" "$(cat "$profile")" "$(cut -d. -f2 "$work_dir/coach.jwt")"
passed "wor login checks the settings with the server and saves them (0600, absolute paths, no token)"

me() { "$wor_bin" "$@"; }
out=$(me login --list 2>&1) || fail "login --list: exited $?" "$out"
expect_match "login --list" "$out" "^\* default +127\.0\.0\.1:$port +mTLS$"
passed "wor login --list shows the profile in use"

out=$(me availability set --day monday --day tuesday --day wednesday \
        --day thursday --day friday --hours 09:00-17:00 2>&1) ||
  fail "availability set: exited $?" "$out"
expect_match "availability set" "$out" "coaches/coach-1/availability"
passed "the coach publishes intake hours"

out=$(gp create --file "$example" 2>&1) || fail "create 2: exited $?" "$out"
second=$(head -n 1 <<<"$out")
out=$(me referrals 2>&1) || fail "referrals: exited $?" "$out"
expect_match "worklist: the new referral" "$out" "^  $second +requested +eerste contact \(streef\) +[0-9-]{10} +(nog [0-9]+ werkdag|vandaag)"
expect_no_match "worklist: no patient data" "$out" "Sanne|de Boer|0612345678"
passed "the worklist shows the new referral with its first deadline"

run_json me ACCEPTED "accept 2" accept "$second"
out=$(me --json referrals 2>&1) || fail "referrals --json: exited $?" "$out"
expect_match "worklist json" "$out" "^\{\"coach\":\"welfareOrganisations/41234567/coaches/coach-1\",\"referrals\":\[.*\"name\":\"$second\",\"state\":\"REFERRAL_STATE_ACCEPTED\",\"assignedCoach\":\"welfareOrganisations/41234567/coaches/coach-1\",\"nextDeadline\":\{\"kind\":\"DEADLINE_KIND_FIRST_CONTACT_TARGET\""
passed "accepted, it is the coach's own (worklist --json)"

run_json me CONTACTED "contact 2" contact "$second" --result reached
out=$(me slots "$second" 2>&1) || fail "slots: exited $?" "$out"
expect_match "slots: numbered, within the deadline" "$out" "^  1  [0-9T:+-]{25} – [0-9:]{5}  welfareOrganisations/41234567/coaches/coach-1  binnen termijn$"
passed "wor slots lists numbered free slots that meet the intake deadline"

run_json me INTAKE_SCHEDULED "schedule --slot 1" schedule "$second" --slot 1 \
  --location neighbourhood-centre
passed "schedule the intake in slot 1 (intake-scheduled)"
run_json me INTAKE_DONE "intake 2" intake "$second" --scores 5,4,6,5.5,3,6
run_json me IN_PROGRESS "activity 2" activity "$second" --category movement_and_fun \
  --activity walking_group
out=$(echo "Intake gehouden; wandelgroep gekozen." |
        me --json feedback send "$second" --kind after-intake --file - 2>&1) ||
  fail "feedback from stdin: exited $?" "$out"
expect_match "feedback from stdin" "$out" '"kind":"FEEDBACK_KIND_AFTER_INTAKE"'
passed "intake scores, activity, and the intake feedback from standard input"

run_json me COMPLETED "complete 2" complete "$second" --outcome activity-started \
  --scores 6,6,7,6.5,6,7
out=$(me feedback send "$second" --kind at-closing --file "$work_dir/closing.txt" 2>&1) ||
  fail "closing feedback 2: exited $?" "$out"
out=$(me show "$second" 2>&1) || fail "show: exited $?" "$out"
expect_match "show: completed" "$out" "Status: +completed"
expect_match "show: next deadline" "$out" "Volgende termijn: +(geen lopende termijn|.*)"
out=$(me referrals 2>&1 || true)
expect_no_match "worklist after completion" "$out" "$second"
passed "complete and closing feedback: the referral leaves the worklist"

expect_refusal 4 me "accept 2 on completed" accept "$second"
expect_match "accept 2: says what to do" "$out" "COMPLETED"
expect_refusal 2 me "unknown profile" --profile elders referrals
expect_match "unknown profile: how to make it" "$out" "wor login --profile elders"
# Someone who never ran `wor login`: no profile, no flags.
newcomer() { XDG_CONFIG_HOME="$work_dir/empty" "$wor_bin" "$@"; }
expect_refusal 5 newcomer "no profile" --server "127.0.0.1:$port" --timeout 5 \
  referrals
expect_match "no profile: says to log in" "$out" "wor login"
passed "refusals: a completed referral (exit 4), an unknown profile (exit 2), no profile (exit 5, 'wor login')"

out=$(me completion bash 2>&1) || fail "completion: exited $?" "$out"
bash -n <<<"$out" || fail "completion bash: not valid bash" "$out"
expect_match "completion: commands" "$out" "referrals"
expect_match "completion: enum values" "$out" "no-capacity"
passed "wor completion bash is valid bash with the commands and values"

out=$(me logout 2>&1) || fail "logout: exited $?" "$out"
[[ ! -e $profile ]] || fail "logout: profile still there"
passed "wor logout removes the profile"
unset XDG_CONFIG_HOME

# --- Refusals reach the user with exit code 4 and name their cause. ---
sed 's/serious_drug_use: YES_NO_NO/serious_drug_use: YES_NO_YES/' "$example" \
  >"$work_dir/contra_indicated.textproto"
expect_refusal 4 gp "contra-indication" create --file "$work_dir/contra_indicated.textproto"
expect_match "contra-indication: field named" "$out" "contra_indications"
expect_match "contra-indication: POH-GGZ suggested" "$out" "POH-GGZ"
passed "a contra-indication answered yes is refused (exit 4, names POH-GGZ)"

expect_refusal 4 coach "accept on completed" accept "$name"
expect_match "accept on completed: state named" "$out" "COMPLETED"
passed "accept on a completed referral is refused (exit 4, names the state)"

expect_refusal 3 coach "get unknown" get referrals/does-not-exist
passed "an unknown referral is not found (exit 3)"

expect_refusal 2 coach "bad reason" reject "$name" --reason because
expect_match "bad reason: allowed values listed" "$out" "no-capacity"
passed "an unknown --reason is a usage error listing the allowed values (exit 2)"

# --- Who may connect, and who may do what. ---
expect_refusal 6 anyone "no client certificate" --ca-file "$pki/ca.pem" \
  --timeout 5 ping
expect_match "no client certificate: says what to give" "$out" "certificaat.*--cert-file"
passed "a call without a client certificate is refused at the handshake (exit 6, asks for --cert-file)"

expect_refusal 6 anyone "certificate of an unknown CA" --ca-file "$pki/ca.pem" \
  --cert-file "$pki/other-ca/clients/agb-01012345.pem" \
  --key-file "$pki/other-ca/clients/agb-01012345.key.pem" \
  --token-file "$work_dir/gp.jwt" --timeout 5 ping
expect_match "unknown CA: names the certificate" "$out" "certifica"
passed "a look-alike certificate from an unknown CA is refused (exit 6)"

expect_refusal 5 anyone "plaintext to a TLS server" --timeout 5 ping
expect_match "plaintext: points at the TLS options" "$out" "--ca-file"
passed "a plaintext call to the TLS server fails and points at --ca-file (exit 5)"

expect_refusal 7 coach "coach creates" create --file "$example"
expect_match "coach creates: permission message" "$out" "deze rol mag dit niet"
expect_match "coach creates: server's reason" "$out" "PERMISSION_DENIED: .*COACH"
passed "a coach's token cannot create a referral (exit 7, 'deze rol mag dit niet')"

expect_refusal 6 anyone "expired token" --ca-file "$pki/ca.pem" \
  --cert-file "$pki/clients/agb-01012345.pem" \
  --key-file "$pki/clients/agb-01012345.key.pem" \
  --token-file "$work_dir/expired.jwt" get "$name"
expect_match "expired token: says so and what to do" "$out" "token is verlopen: vraag een nieuw token aan"
expect_no_match "expired token: token not echoed" "$out" "$(cut -d. -f3 "$work_dir/expired.jwt")"
passed "an expired token is refused (exit 6, 'uw token is verlopen'), without echoing it"

expect_refusal 2 anyone "token over plaintext" --token-file "$work_dir/gp.jwt" ping
expect_match "token over plaintext: refused locally" "$out" "beveiligde verbinding"
passed "the client never sends a token without TLS (exit 2)"

expect_refusal 2 gp "dev identity with TLS flags" --dev-identity kvk:41234567,coach-1,COACH ping
expect_match "dev identity with TLS flags: explained" "$out" "dev-identity.*gaat niet samen"
passed "--dev-identity is for development servers only: never mixed with TLS flags (exit 2)"

# --- Consent: revoking sharing hides the patient from the coach at once. ---
out=$(gp consent show "$name" 2>&1) || fail "consent show: exited $?" "$out"
expect_match "consent show: scopes in force" "$out" "Toestemming: +share-with-coach, feedback-to-referrer"
expect_match "consent show: history" "$out" "gegeven +share-with-coach, feedback-to-referrer +\(verbal, door huisarts-1\)"
passed "consent show lists the scopes in force and their history"

out=$(gp consent revoke "$name" --scope share-with-coach --method verbal 2>&1) ||
  fail "consent revoke: exited $?" "$out"
expect_match "consent revoke: what remains" "$out" "Toestemming: +feedback-to-referrer$"
expect_match "consent revoke: recorded" "$out" "ingetrokken +share-with-coach +\(verbal, door huisarts-1\)"
passed "the GP revokes share-with-coach"

out=$(coach get "$name" 2>&1) || fail "get after revoke: exited $?" "$out"
expect_no_match "get after revoke: no phone" "$out" "Telefoon|0612345678"
expect_no_match "get after revoke: no e-mail" "$out" "E-mail|example\\.org"
expect_no_match "get after revoke: no name" "$out" "Sanne|de Boer"
expect_match "get after revoke: says why" "$out" "Patiënt: +niet zichtbaar voor uw rol"
expect_match "get after revoke: the referral itself still there" "$out" "Status: +completed"
out=$(coach --json get "$name" 2>&1) || fail "get --json after revoke: exited $?" "$out"
expect_no_match "get --json after revoke: no patient" "$out" '"patient":|"phone"|"email"'
passed "the coach's next get shows no patient contact details (human and JSON)"

out=$(gp consent receipt "$name" 2>&1) || fail "consent receipt: exited $?" "$out"
expect_match "receipt: Dutch title" "$out" "Bewijs van toestemming"
expect_match "receipt: revocation listed" "$out" "ingetrokken \(mondeling\): gegevens naar de welzijnscoach"
expect_match "receipt: how to withdraw" "$out" "U kunt uw toestemming altijd intrekken"
expect_no_match "receipt: no patient details" "$out" "Sanne|0612345678|example\\.org"
passed "consent receipt prints the Dutch receipt for the patient"

# --- No token or key material in the server's log. ---
for token in gp coach expired; do
  if grep -qF -- "$(cut -d. -f3 "$work_dir/$token.jwt")" "$work_dir/server.log"; then
    fail "the server log contains the $token token's signature"
  fi
done
passed "no token appears in the server's log"

# --- SIGTERM drains: an open watch stream ends, the server exits 0. ---
# As coach() does, but a simple command, so that $! is wor itself.
WOR_CA_FILE="$pki/ca.pem" \
WOR_CERT_FILE="$pki/clients/kvk-41234567.pem" \
WOR_KEY_FILE="$pki/clients/kvk-41234567.key.pem" \
WOR_TOKEN_FILE="$work_dir/coach.jwt" \
  "$wor_bin" "${server_flag[@]}" watch >"$work_dir/watch.out" 2>&1 &
watch_pid=$!
# The stream is open once it has shown the first referral's creation.
for _ in $(seq 200); do
  grep -Eq "created +$name" "$work_dir/watch.out" && break
  sleep 0.1
done
grep -Eq "created +$name" "$work_dir/watch.out" ||
  fail "wor watch showed no events" "$(cat "$work_dir/watch.out")"
kill -TERM "$server_pid"
server_exit=0
wait "$server_pid" || server_exit=$?
server_pid=""
[[ $server_exit -eq 0 ]] || fail "wor-server exited $server_exit on SIGTERM" \
  "$(tail -5 "$work_dir/server.log")"
expect_match "SIGTERM: drain logged" "$(cat "$work_dir/server.log")" '"event":"server_draining"'
expect_match "SIGTERM: stop logged" "$(cat "$work_dir/server.log")" '"event":"server_stopped"'
passed "SIGTERM drains: the open stream is ended by the server, the server exits 0"

# --- wor watch follows the server through a restart (the SDK resumes from
# the last event): the stopped server comes back on the same port, a new
# referral appears in the same watch, and Ctrl-C ends it with exit 0. ---
sleep 0.5
kill -0 "$watch_pid" 2>/dev/null ||
  fail "wor watch gave up at once when the server stopped" "$(cat "$work_dir/watch.out")"
sed -e "s|^listen_address:.*|listen_address: \"127.0.0.1:$port\"|" \
  "$work_dir/server.textproto" >"$work_dir/server-again.textproto"
"$server_bin" --config "$work_dir/server-again.textproto" 2>"$work_dir/server-again.log" &
server_pid=$!
ready=0
for _ in $(seq 50); do
  if gp --timeout 1 ping >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
[[ $ready -eq 1 ]] || fail "the restarted server did not answer on port $port" \
  "$(cat "$work_dir/server-again.log")"
out=$(gp create --file "$example" 2>&1) || fail "create after restart: exited $?" "$out"
third=$(head -n 1 <<<"$out")
seen=0
for _ in $(seq 300); do
  if grep -Eq "created +$third" "$work_dir/watch.out"; then seen=1; break; fi
  sleep 0.1
done
[[ $seen -eq 1 ]] || fail "wor watch did not show $third after the restart" \
  "$(cat "$work_dir/watch.out")"
[[ $(grep -Ec "created +$second" "$work_dir/watch.out") -eq 1 ]] ||
  fail "wor watch repeated events after the restart" "$(cat "$work_dir/watch.out")"
# SIGTERM (a background job ignores Ctrl-C's SIGINT), handled alike.
kill -TERM "$watch_pid"
watch_exit=0
wait "$watch_pid" || watch_exit=$?
watch_pid=""
[[ $watch_exit -eq 0 ]] || fail "wor watch: SIGTERM should exit 0, got $watch_exit" \
  "$(cat "$work_dir/watch.out")"
passed "wor watch resumes after a server restart without repeating events; SIGTERM exits 0"

echo "walkthrough: $steps steps passed"
