#!/usr/bin/env bash
# Checks deploy/pki/make-dev-pki.sh: the files it makes, their chains, names,
# key usages and permissions, that a second run keeps everything, that --force
# remakes everything, and that its output holds no key material.
# Usage: dev_pki_test.sh SOURCE_DIR
set -euo pipefail
script="$1/deploy/pki/make-dev-pki.sh"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
refuse() {  # refuse DESCRIPTION COMMAND...: the command must fail
  local what="$1"; shift
  if "$@" >/dev/null 2>&1; then echo "FAIL $what"; failures=$((failures + 1)); else echo "ok   $what"; fi
}
exit_code() { set +e; "$@" >/dev/null 2>&1; echo $?; set -e; }
subject_cn() { openssl x509 -in "$1" -noout -subject -nameopt multiline | sed -n 's/^ *commonName *= //p'; }
perm() { stat -c %a "$1"; }
orgs=(agb:01012345 agb:01023456 agb:01034567 kvk:41234567 partner:gemeente-meppel operator:wor-meppel)

check "--help exits 0" "$script" --help
[[ "$(exit_code "$script")" == 2 ]] && echo "ok   no OUT_DIR is a usage error (2)" || { echo "FAIL no OUT_DIR exit code"; failures=$((failures + 1)); }
[[ "$(exit_code "$script" --nonsense "$out")" == 2 ]] && echo "ok   unknown option is a usage error (2)" || { echo "FAIL unknown option exit code"; failures=$((failures + 1)); }

summary="$("$script" "$out/pki")"
pki="$out/pki"
refuse "summary holds no key material" grep -q -e BEGIN -e PRIVATE <<<"$summary"

check "CA is a CA" bash -c "openssl x509 -in '$pki/ca.pem' -noout -ext basicConstraints | grep -q 'CA:TRUE'"
[[ "$(subject_cn "$pki/ca.pem")" == "Welzijn op Recept development CA" ]] && echo "ok   CA name" || { echo "FAIL CA name"; failures=$((failures + 1)); }
check "CA key is P-256" bash -c "openssl pkey -in '$pki/ca.key.pem' -noout -text | grep -q 'NIST CURVE: P-256'"
check "server verifies for TLS server use" openssl verify -CAfile "$pki/ca.pem" -purpose sslserver "$pki/server.pem"
[[ "$(subject_cn "$pki/server.pem")" == localhost ]] && echo "ok   server CN" || { echo "FAIL server CN"; failures=$((failures + 1)); }
check "server SAN names localhost and 127.0.0.1" bash -c "openssl x509 -in '$pki/server.pem' -noout -ext subjectAltName | grep -q 'DNS:localhost, IP Address:127.0.0.1'"

for org in "${orgs[@]}"; do
  f="${org//:/-}"
  check "$org client verifies for TLS client use" openssl verify -CAfile "$pki/ca.pem" -purpose sslclient "$pki/clients/$f.pem"
  refuse "$org client is not a server certificate" openssl verify -CAfile "$pki/ca.pem" -purpose sslserver "$pki/clients/$f.pem"
  [[ "$(subject_cn "$pki/clients/$f.pem")" == "$org" ]] && echo "ok   $org client CN" || { echo "FAIL $org client CN"; failures=$((failures + 1)); }
  check "$org token key is PKCS#8" grep -q "BEGIN PRIVATE KEY" "$pki/tokens/$f.key.pem"
  check "$org token public key is SPKI" grep -q "BEGIN PUBLIC KEY" "$pki/tokens/$f.pub.pem"
  check "$org token key pair matches" bash -c "[[ \"\$(openssl pkey -in '$pki/tokens/$f.key.pem' -pubout)\" == \"\$(cat '$pki/tokens/$f.pub.pem')\" ]]"
  check "$org token key is P-256" bash -c "openssl pkey -in '$pki/tokens/$f.key.pem' -noout -text | grep -q 'NIST CURVE: P-256'"
done

check "other CA's client is valid under the other CA" openssl verify -CAfile "$pki/other-ca/ca.pem" -purpose sslclient "$pki/other-ca/clients/agb-01012345.pem"
refuse "other CA's client is refused by the development CA" openssl verify -CAfile "$pki/ca.pem" "$pki/other-ca/clients/agb-01012345.pem"
[[ "$(subject_cn "$pki/other-ca/clients/agb-01012345.pem")" == "agb:01012345" ]] && echo "ok   impostor has the same CN" || { echo "FAIL impostor CN"; failures=$((failures + 1)); }

bad_perms="$(find "$pki" -name '*.key.pem' ! -perm 600 | wc -l)"
[[ "$bad_perms" == 0 ]] && echo "ok   every private key is mode 600" || { echo "FAIL $bad_perms keys not mode 600"; failures=$((failures + 1)); }
[[ "$(find "$pki" -name '*.key.pem' | wc -l)" == 16 ]] && echo "ok   16 private keys" || { echo "FAIL private key count"; failures=$((failures + 1)); }

sums() { (cd "$pki" && find . -type f | sort | xargs sha256sum); }
before="$(sums)"
"$script" "$pki" >/dev/null
[[ "$(sums)" == "$before" ]] && echo "ok   a second run keeps every file" || { echo "FAIL a second run changed files"; failures=$((failures + 1)); }

rm "$pki/clients/kvk-41234567.pem"
"$script" "$pki" >/dev/null
check "a missing certificate is remade for its kept key" openssl verify -CAfile "$pki/ca.pem" "$pki/clients/kvk-41234567.pem"
[[ "$(sums | grep -v 'clients/kvk-41234567.pem$')" == "$(grep -v 'clients/kvk-41234567.pem$' <<<"$before")" ]] && echo "ok   nothing else changed" || { echo "FAIL other files changed"; failures=$((failures + 1)); }

touch "$pki/unrelated.txt"
"$script" --force "$pki" >/dev/null
after="$(sums)"
changed=0
while read -r sum path; do
  grep -qF "$sum  $path" <<<"$after" || changed=$((changed + 1))
done <<<"$before"
[[ "$changed" == 32 ]] && echo "ok   --force remakes all 32 files" || { echo "FAIL --force changed $changed of 32 files"; failures=$((failures + 1)); }
check "--force leaves unrelated files alone" test -f "$pki/unrelated.txt"

if ((failures)); then echo "$failures check(s) failed"; exit 1; fi
echo "all checks passed"
