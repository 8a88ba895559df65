#!/usr/bin/env bash
# Makes the development PKI of Welzijn op Recept: a development CA, a
# localhost server certificate, one client certificate and one ES256
# token-signing key pair per demo organisation, and an unknown CA with a
# look-alike client certificate for negative tests.
#
# For development and tests only: see deploy/pki/README.md.
# Only the `openssl` command line is used. Idempotent: existing files are
# kept (a certificate is remade only when it no longer matches its key or
# CA, or has expired); --force remakes everything.
set -euo pipefail

readonly ORGANISATIONS=(
  agb:01012345          # practice
  agb:01023456          # practice
  agb:01034567          # practice
  kvk:41234567          # welfare organisation
  partner:gemeente-meppel
  operator:wor-meppel
)
readonly CA_NAME="Welzijn op Recept development CA"
readonly OTHER_CA_NAME="Welzijn op Recept unknown CA (negative tests only)"
readonly ORG_NAME="Welzijn op Recept development"
readonly CA_DAYS=3650
readonly LEAF_DAYS=825
# The organisation whose certificate the unknown CA imitates.
readonly IMPOSTOR_ORG=agb:01012345

usage() {
  cat <<'USAGE'
Usage: make-dev-pki.sh [--force] OUT_DIR

Makes a development PKI for Welzijn op Recept in OUT_DIR:
  ca.pem, ca.key.pem                 development CA (EC P-256, 10 years)
  server.pem, server.key.pem         CN=localhost, SAN localhost/127.0.0.1/::1
  clients/<org>.pem, .key.pem        client certificate per organisation,
                                     subject CN = organisation id
  tokens/<org>.key.pem, .pub.pem     ES256 token-signing key pair per organisation
  other-ca/ca.pem                    an unknown CA, and
  other-ca/clients/agb-01012345.pem  a client certificate with the same CN
                                     signed by it (negative tests)
<org> is the organisation id with ':' replaced by '-', e.g. agb-01012345.
Organisations: agb:01012345 agb:01023456 agb:01034567 kvk:41234567
               partner:gemeente-meppel operator:wor-meppel

Existing files are kept; a certificate is remade only when it no longer
matches its key or CA or has expired. Private keys are mode 600.

  --force   remove and remake every file this script makes
  --help    show this text

FOR DEVELOPMENT AND TESTS ONLY. Production uses certificates from a real CA
and keys held in an HSM or the organisation's identity provider.
USAGE
}

die_usage() {
  echo "make-dev-pki.sh: $1" >&2
  echo "Run 'make-dev-pki.sh --help' for usage." >&2
  exit 2
}

force=0
out_dir=""
while (($# > 0)); do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --force) force=1 ;;
    --) shift; (($# == 1)) || die_usage "expected one OUT_DIR"; out_dir="$1" ;;
    -*) die_usage "unknown option $1" ;;
    *) [[ -z "$out_dir" ]] || die_usage "expected one OUT_DIR"; out_dir="$1" ;;
  esac
  shift
done
[[ -n "$out_dir" ]] || die_usage "OUT_DIR is missing"
command -v openssl >/dev/null || {
  echo "make-dev-pki.sh: the openssl command line is needed (apt-get install openssl)" >&2
  exit 1
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Our own OpenSSL configuration, so the result does not depend on the
# system's openssl.cnf defaults.
cat >"$work/openssl.cnf" <<'CNF'
[ req ]
distinguished_name = req_dn
prompt = no
[ req_dn ]
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[ server_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ client_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF

ossl() { openssl "$@" 2>"$work/openssl.err" || {
  echo "make-dev-pki.sh: openssl $1 failed:" >&2
  cat "$work/openssl.err" >&2
  exit 1
}; }

made=()
kept=()
note() { if [[ "$1" == made ]]; then made+=("$2"); else kept+=("$2"); fi; }
rel() { echo "${1#"$out_dir"/}"; }

# ensure_key PATH: an EC P-256 private key (PKCS#8 "PRIVATE KEY"), mode 600.
ensure_key() {
  local key="$1"
  if [[ -s "$key" ]]; then
    chmod 600 "$key"
    note kept "$(rel "$key")"
    return
  fi
  (umask 077 && ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
    -out "$key")
  chmod 600 "$key"
  note made "$(rel "$key")"
}

# matches_key CERT KEY: whether the certificate carries the key's public half.
matches_key() {
  [[ "$(openssl x509 -in "$1" -noout -pubkey 2>/dev/null)" == \
     "$(openssl pkey -in "$2" -pubout 2>/dev/null)" ]]
}

# ensure_ca DIR CN: DIR/ca.pem and DIR/ca.key.pem, self-signed.
ensure_ca() {
  local dir="$1" cn="$2"
  mkdir -p "$dir"
  ensure_key "$dir/ca.key.pem"
  if [[ -s "$dir/ca.pem" ]] && matches_key "$dir/ca.pem" "$dir/ca.key.pem" &&
     openssl x509 -in "$dir/ca.pem" -noout -checkend 86400 >/dev/null 2>&1; then
    note kept "$(rel "$dir/ca.pem")"
    return
  fi
  ossl req -config "$work/openssl.cnf" -new -x509 -sha256 -days "$CA_DAYS" \
    -key "$dir/ca.key.pem" -subj "/O=$ORG_NAME/CN=$cn" \
    -extensions ca_ext -set_serial "0x$(openssl rand -hex 16)" \
    -out "$dir/ca.pem"
  chmod 644 "$dir/ca.pem"
  note made "$(rel "$dir/ca.pem")"
}

# ensure_leaf CA_DIR CERT KEY CN EXTENSIONS PURPOSE: a certificate for KEY
# signed by the CA in CA_DIR; remade when it does not verify against that CA
# for PURPOSE (sslserver/sslclient), has expired, or carries another key.
ensure_leaf() {
  local ca_dir="$1" cert="$2" key="$3" cn="$4" ext="$5" purpose="$6"
  mkdir -p "$(dirname "$cert")"
  ensure_key "$key"
  if [[ -s "$cert" ]] && matches_key "$cert" "$key" &&
     openssl verify -CAfile "$ca_dir/ca.pem" -purpose "$purpose" "$cert" \
       >/dev/null 2>&1; then
    note kept "$(rel "$cert")"
    return
  fi
  ossl req -config "$work/openssl.cnf" -new -key "$key" \
    -subj "/O=$ORG_NAME/CN=$cn" -out "$work/request.csr"
  ossl x509 -req -in "$work/request.csr" -sha256 -days "$LEAF_DAYS" \
    -CA "$ca_dir/ca.pem" -CAkey "$ca_dir/ca.key.pem" \
    -set_serial "0x$(openssl rand -hex 16)" \
    -extfile "$work/openssl.cnf" -extensions "$ext" -out "$cert"
  chmod 644 "$cert"
  note made "$(rel "$cert")"
}

# ensure_token_keys ORG_FILE: tokens/ORG_FILE.key.pem and .pub.pem.
ensure_token_keys() {
  local key="$out_dir/tokens/$1.key.pem" pub="$out_dir/tokens/$1.pub.pem"
  mkdir -p "$out_dir/tokens"
  ensure_key "$key"
  if [[ -s "$pub" ]] &&
     [[ "$(cat "$pub")" == "$(openssl pkey -in "$key" -pubout 2>/dev/null)" ]]; then
    note kept "$(rel "$pub")"
    return
  fi
  ossl pkey -in "$key" -pubout -out "$pub"
  chmod 644 "$pub"
  note made "$(rel "$pub")"
}

file_name() { echo "${1//:/-}"; }

mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"

if ((force)); then
  # Only what this script makes; anything else in OUT_DIR stays.
  rm -f "$out_dir"/ca.pem "$out_dir"/ca.key.pem \
        "$out_dir"/server.pem "$out_dir"/server.key.pem \
        "$out_dir"/other-ca/ca.pem "$out_dir"/other-ca/ca.key.pem
  for org in "${ORGANISATIONS[@]}"; do
    f="$(file_name "$org")"
    rm -f "$out_dir/clients/$f.pem" "$out_dir/clients/$f.key.pem" \
          "$out_dir/tokens/$f.key.pem" "$out_dir/tokens/$f.pub.pem" \
          "$out_dir/other-ca/clients/$f.pem" "$out_dir/other-ca/clients/$f.key.pem"
  done
fi

ensure_ca "$out_dir" "$CA_NAME"
ensure_leaf "$out_dir" "$out_dir/server.pem" "$out_dir/server.key.pem" \
  localhost server_ext sslserver
for org in "${ORGANISATIONS[@]}"; do
  f="$(file_name "$org")"
  ensure_leaf "$out_dir" "$out_dir/clients/$f.pem" "$out_dir/clients/$f.key.pem" \
    "$org" client_ext sslclient
  ensure_token_keys "$f"
done

ensure_ca "$out_dir/other-ca" "$OTHER_CA_NAME"
f="$(file_name "$IMPOSTOR_ORG")"
ensure_leaf "$out_dir/other-ca" "$out_dir/other-ca/clients/$f.pem" \
  "$out_dir/other-ca/clients/$f.key.pem" "$IMPOSTOR_ORG" client_ext sslclient

echo "Development PKI in $out_dir (for development and tests only):"
echo "  CA:      ca.pem  ($CA_NAME, until $(openssl x509 -in "$out_dir/ca.pem" -noout -enddate | cut -d= -f2))"
echo "  server:  server.pem  (CN=localhost; DNS:localhost, IP:127.0.0.1, IP:::1)"
echo "  clients: clients/<org>.pem  (CN = organisation id, clientAuth)"
echo "  tokens:  tokens/<org>.key.pem, tokens/<org>.pub.pem  (ES256)"
echo "  negative tests: other-ca/ca.pem, other-ca/clients/$f.pem (CN=$IMPOSTOR_ORG, unknown CA)"
echo "  organisations: ${ORGANISATIONS[*]}"
echo "  files made: ${#made[@]}, kept: ${#kept[@]}"
