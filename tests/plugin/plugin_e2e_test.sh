#!/usr/bin/env bash
# The EHR plugin end to end: a GP launches "Welzijn op Recept" from a SMART
# EHR in headless Chromium, refers, a coach works the referral with `wor`,
# and the coach's feedback lands in the EHR's record and on the status card.
#
# Everything runs for real on free loopback ports and is stopped on exit:
#  * wor-server in production mode (mutual TLS, signed user tokens, SQLite)
#    with a development PKI made for this run (deploy/pki/make-dev-pki.sh);
#  * the EHR (tests/plugin/e2e/ehr.mjs): a FHIR engine (@medplum/fhir-router)
#    and a SMART authorisation server (oidc-provider);
#  * wor-plugin with the practice's certificate and token key;
#  * Debian's chromium, driven by playwright-core (tests/plugin/e2e/drive.mjs).
#
#   tests/plugin/plugin_e2e_test.sh BUILD_DIR ARTEFACT_DIR
#
# Screenshots of the form, the refusal and the status card go to
# ARTEFACT_DIR. Needs what deploy/install-deps.sh installs (chromium, node
# and the npm packages of package-lock.json).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR ARTEFACT_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
mkdir -p "$2"
artefacts=$(cd "$2" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
e2e_dir="$source_dir/tests/plugin/e2e"
server_bin="$build_dir/server/wor-server"
mint_bin="$build_dir/server/wor-mint-token"
wor_bin="$build_dir/client-sdk/cli/wor"
plugin_bin="$build_dir/plugin/wor-plugin"
make_pki="$source_dir/deploy/pki/make-dev-pki.sh"
for file in "$server_bin" "$mint_bin" "$wor_bin" "$plugin_bin" "$make_pki" /usr/bin/chromium \
            "$source_dir/node_modules/playwright-core" "$source_dir/node_modules/oidc-provider" \
            "$source_dir/node_modules/@medplum/fhir-router"; do
  [[ -e $file ]] || { echo "plugin_e2e: missing $file (run deploy/install-deps.sh and build)" >&2; exit 1; }
done

work_dir=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work_dir"
}
trap cleanup EXIT

steps=0
fail() {
  echo "plugin_e2e: FAILED after $steps steps: $1" >&2
  for log in server ehr plugin; do
    if [[ -s $work_dir/$log.log ]]; then
      echo "--- $log.log (last 30 lines):" >&2
      tail -n 30 "$work_dir/$log.log" >&2
    fi
  done
  exit 1
}
passed() {
  steps=$((steps + 1))
  echo "ok $steps - $1"
}

# wait_for DESCRIPTION COMMAND...: polls COMMAND every 0.1 s for up to 30 s.
wait_for() {
  local description=$1
  shift
  for _ in $(seq 300); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for $description"
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# --- wor-server, as in tests/cli/walkthrough_test.sh. ---
pki="$work_dir/pki"
"$make_pki" "$pki" >"$work_dir/pki.log" 2>&1 || fail "make-dev-pki.sh failed"
(umask 077 && openssl rand -hex 32 >"$work_dir/master.key")
sed -e 's|^listen_address:.*|listen_address: "127.0.0.1:0"|' \
    -e "s|^storage .*|storage { sqlite { path: \"$work_dir/wor.db\" } }|" \
    -e "s|\"var/pki/|\"$pki/|" \
    -e "s|\"var/master.key\"|\"$work_dir/master.key\"|" \
    -e "s|\"var/keyring.db\"|\"$work_dir/keyring.db\"|" \
    "$source_dir/deploy/config/demo.textproto" >"$work_dir/server.textproto"
"$server_bin" --config "$work_dir/server.textproto" 2>"$work_dir/server.log" &
pids+=($!)
server_port=""
for _ in $(seq 100); do
  server_port=$(grep -o '"event":"server_started".*"port":[0-9]*' "$work_dir/server.log" |
                grep -o '[0-9]*$' || true)
  [[ -n $server_port ]] && break
  sleep 0.1
done
[[ -n $server_port ]] || fail "wor-server did not report its port"

mint() {
  local file=$1 key=$2 issuer=$3 subject=$4 role=$5
  (umask 077 && "$mint_bin" --key="$pki/tokens/$key.key.pem" --issuer="$issuer" \
     --subject="$subject" --role="$role" --valid-for=1h >"$work_dir/$file") ||
    fail "wor-mint-token $file failed"
}
mint gp.jwt agb-01012345 agb:01012345 huisarts-1 GP
mint coach.jwt kvk-41234567 kvk:41234567 coach-1 COACH
export WOR_LANG=nl
unset WOR_SERVER WOR_CA_FILE WOR_CERT_FILE WOR_KEY_FILE WOR_TOKEN_FILE WOR_TOKEN WOR_DEV_IDENTITY
gp() {
  "$wor_bin" --server "127.0.0.1:$server_port" --ca-file "$pki/ca.pem" \
    --cert-file "$pki/clients/agb-01012345.pem" --key-file "$pki/clients/agb-01012345.key.pem" \
    --token-file "$work_dir/gp.jwt" "$@"
}
coach() {
  "$wor_bin" --server "127.0.0.1:$server_port" --ca-file "$pki/ca.pem" \
    --cert-file "$pki/clients/kvk-41234567.pem" --key-file "$pki/clients/kvk-41234567.key.pem" \
    --token-file "$work_dir/coach.jwt" "$@"
}
wait_for "wor-server over mutual TLS" gp --timeout 1 ping
passed "wor-server serves mutual TLS on port $server_port"

# --- The EHR: FHIR engine and SMART authorisation server. ---
plugin_port=$(free_port)
plugin_base="https://127.0.0.1:$plugin_port"
client_secret=$(openssl rand -hex 16)
# Over HTTPS with the development PKI's server certificate (127.0.0.1), as
# a real EHR; the plugin trusts it through --ehr-ca-file.
(cd "$source_dir" && PLUGIN_BASE="$plugin_base" CLIENT_SECRET="$client_secret" \
   TLS_CERT_FILE="$pki/server.pem" TLS_KEY_FILE="$pki/server.key.pem" \
   exec node "$e2e_dir/ehr.mjs") >"$work_dir/ehr.out" 2>"$work_dir/ehr.log" &
pids+=($!)
wait_for "the EHR to start" grep -q fhirBase "$work_dir/ehr.out"
json_field() { node -e "process.stdout.write(String(JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'))[process.argv[2]]))" "$work_dir/ehr.out" "$1"; }
fhir_base=$(json_field fhirBase)
issuer=$(json_field issuer)
test_base=$(json_field testBase)
patient_id=$(json_field patientId)
passed "the EHR serves FHIR at $fhir_base and SMART authorisation at $issuer"

# --- The plugin, deployed for practice 01012345. ---
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$work_dir/plugin.key.pem" -out "$work_dir/plugin.pem" 2>/dev/null ||
  fail "could not make the plugin's TLS certificate"
mkdir -p "$work_dir/plugin-state"
start_plugin() {
  "$plugin_bin" \
    --listen-port="$plugin_port" \
    --tls-cert-file="$work_dir/plugin.pem" --tls-key-file="$work_dir/plugin.key.pem" \
    --client-id=wor-plugin --client-secret="$client_secret" \
    --allowed-iss="$fhir_base" --ehr-ca-file="$pki/ca.pem" \
    --wor-endpoint="127.0.0.1:$server_port" --wor-ca-file="$pki/ca.pem" \
    --wor-cert-file="$pki/clients/agb-01012345.pem" \
    --wor-key-file="$pki/clients/agb-01012345.key.pem" \
    --practice-agb=01012345 --token-key-file="$pki/tokens/agb-01012345.key.pem" \
    --state-dir="$work_dir/plugin-state" 2>>"$work_dir/plugin.log" &
  plugin_pid=$!
  pids+=("$plugin_pid")
}
start_plugin
wait_for "the plugin to answer" curl -skf "$plugin_base/healthz"
passed "wor-plugin serves HTTPS on $plugin_base"

drive() {
  (cd "$source_dir" && NODE_EXTRA_CA_CERTS="$pki/ca.pem" \
     PLUGIN_BASE="$plugin_base" FHIR_BASE="$fhir_base" TEST_BASE="$test_base" \
     ARTEFACTS="$artefacts" FEEDBACK_TEXT="${feedback_text:-}" CLOSING_TEXT="${closing_text:-}" \
     node "$e2e_dir/drive.mjs" "$1")
}

# --- The GP refers from the EHR. ---
out=$(drive refer 2>&1) || { echo "$out" >&2; fail "browser: refer"; }
echo "$out" | grep -v '^REFERRAL='
referral=$(grep -o '^REFERRAL=.*' <<<"$out" | cut -d= -f2)
[[ $referral == referrals/* ]] || fail "no referral name from the browser"
out=$(gp --json get "$referral" 2>&1) || fail "gp get $referral: $out"
grep -q '"route":"REFERRAL_ROUTE_EHR_PLUGIN"' <<<"$out" || fail "route not EHR_PLUGIN: $out"
grep -q "\"ehrPatientReference\":\"$patient_id\"" <<<"$out" || fail "no EHR patient reference: $out"
passed "the referral exists on the server: $referral"

# --- A coach works the referral and reports back with `wor`. ---
coach accept "$referral" >/dev/null || fail "coach accept"
coach contact "$referral" --result reached --channel phone >/dev/null || fail "coach contact"
coach schedule "$referral" --at "$(date -u -d '+2 days' +%Y-%m-%dT10:00:00Z)" \
  --location neighbourhood-centre >/dev/null || fail "coach schedule"
coach intake "$referral" --scores 5,4,6,5.5,3,6 >/dev/null || fail "coach intake"
feedback_text="Intake gehouden; mevrouw zoekt contact en beweging buiten, wandelgroep besproken."
echo "$feedback_text" | coach feedback send "$referral" --kind after-intake >"$work_dir/feedback.out" ||
  fail "coach feedback send"
feedback_name=$(head -n 1 "$work_dir/feedback.out")
passed "the coach accepts, contacts, holds the intake and sends feedback ($feedback_name)"

# --- The feedback lands in the EHR: a Communication for the patient. ---
backend_token() {
  curl -sf --cacert "$pki/ca.pem" -u "wor-plugin:$client_secret" -d grant_type=client_credentials \
    --data-urlencode "scope=system/Communication.read" "$issuer/token" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).access_token))'
}
communications() {
  curl -sf --cacert "$pki/ca.pem" -H "Authorization: Bearer $(backend_token)" \
    "$fhir_base/Communication?subject=Patient/$patient_id" >"$work_dir/communications.json"
}
has_feedback_communication() {
  communications && grep -q "wandelgroep besproken" "$work_dir/communications.json"
}
wait_for "the Communication in the EHR" has_feedback_communication
count=$(node -e 'const b=JSON.parse(require("fs").readFileSync(process.argv[1]));const e=(b.entry||[]).map(x=>x.resource);
  const c=e.filter(r=>r.identifier&&r.identifier[0].value===process.argv[2]);
  if(c.length!==1||c[0].status!=="completed"||c[0].subject.reference!=="Patient/"+process.argv[3]||!c[0].about||!c[0].sender)process.exit(1);
  console.log(e.length)' "$work_dir/communications.json" "$feedback_name" "$patient_id") ||
  fail "the Communication is not as expected: $(cat "$work_dir/communications.json")"
passed "the EHR holds one completed Communication about the referral for Patient/$patient_id ($count in all)"

acknowledged() { gp --json feedback list "$referral" 2>/dev/null | grep -q '"acknowledgeTime":"'; }
wait_for "the acknowledgement on the server" acknowledged
passed "the server shows the feedback acknowledged by the practice"

# --- A restart of the plugin from an empty state writes nothing twice. ---
state_file="$work_dir/plugin-state/writeback.resume_token"
last_token=$(cat "$state_file")
kill -TERM "$plugin_pid"
plugin_exit=0
wait "$plugin_pid" || plugin_exit=$?
[[ $plugin_exit -eq 0 ]] || fail "wor-plugin exited $plugin_exit on SIGTERM"
grep -q '"event":"plugin_stopped"' "$work_dir/plugin.log" || fail "wor-plugin did not stop cleanly"
rm -f "$state_file"
start_plugin
wait_for "the restarted plugin" curl -skf "$plugin_base/healthz"
# The replay has passed the feedback event once it is back at the last token.
replayed() { [[ -s $state_file && $(cat "$state_file") == "$last_token" ]]; }
wait_for "the write-back to replay the stream up to where it was" replayed
communications || fail "FHIR search after the restart"
grep -o "$feedback_name\"" "$work_dir/communications.json" | wc -l | grep -qx 1 ||
  fail "the feedback was written twice: $(cat "$work_dir/communications.json")"
passed "SIGTERM stops the plugin cleanly; after a restart that replays the whole stream the EHR still holds exactly one Communication"

# --- The GP sees the feedback on the status card. ---
out=$(drive status 2>&1) || { echo "$out" >&2; fail "browser: status"; }
echo "$out"
passed "the status card shows the feedback"

# --- Withdrawn consent: the next feedback reaches the record without its
# content, and the card says it is withheld. ---
coach activity "$referral" --category movement_and_fun --activity walking_group >/dev/null ||
  fail "coach activity"
coach complete "$referral" --outcome activity-started --scores 6,6,7,6.5,6,7 >/dev/null ||
  fail "coach complete"
gp consent revoke "$referral" --scope feedback-to-referrer --method verbal >/dev/null ||
  fail "gp consent revoke"
closing_text="Traject afgesloten: loopt twee keer per week mee met de wandelgroep."
echo "$closing_text" | coach feedback send "$referral" --kind at-closing >"$work_dir/closing.out" ||
  fail "coach closing feedback"
closing_name=$(head -n 1 "$work_dir/closing.out")
has_withheld_communication() {
  communications && grep -q "$closing_name" "$work_dir/communications.json"
}
wait_for "the closing feedback in the EHR" has_withheld_communication
if grep -q "twee keer per week" "$work_dir/communications.json"; then
  fail "the EHR received feedback content the patient withdrew consent for"
fi
grep -q "geen toestemming" "$work_dir/communications.json" ||
  fail "the withheld Communication does not say why: $(cat "$work_dir/communications.json")"
passed "after the patient withdrew feedback consent the EHR gets a Communication without the content"

out=$(drive withheld 2>&1) || { echo "$out" >&2; fail "browser: withheld"; }
echo "$out"
passed "the status card shows that feedback exists but is withheld"

out=$(drive errors 2>&1) || { echo "$out" >&2; fail "browser: errors"; }
echo "$out"
passed "launch, state and context errors end on clear Dutch pages"

# --- Privacy: no personal data or free text in the plugin's log. ---
for word in Sanne "de Boer" 0612345678 sanne.deboer "wandelgroep besproken" "eenzaam"; do
  if grep -qF -- "$word" "$work_dir/plugin.log"; then
    fail "the plugin's log contains personal data or free text ($word)"
  fi
done
passed "the plugin's log holds no personal data or free text"

for file in "$artefacts"/*.png; do echo "artefact: $file"; done
echo "plugin_e2e: $steps steps passed"
