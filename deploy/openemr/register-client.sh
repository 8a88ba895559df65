#!/usr/bin/env bash
# Registers the Welzijn op Recept plugin as a confidential SMART app with an
# OpenEMR 7 installation (OAuth2 dynamic client registration, RFC 7591).
#
#   deploy/openemr/register-client.sh OPENEMR_URL PLUGIN_URL [CONTACT_EMAIL]
#
#   OPENEMR_URL   e.g. https://emr.praktijk.nl (site "default")
#   PLUGIN_URL    how browsers reach wor-plugin, e.g. https://wor.praktijk.nl
#
# Writes the registration answer (with the client secret) to
# openemr-client.json in the current directory, mode 600, and prints the
# client id and the wor-plugin flags to use. An OpenEMR administrator must
# then enable the client (Administration → System → API Clients). Set
# OPENEMR_SITE for a site other than "default" and CURL_CA_BUNDLE for a
# private CA.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  sed -n '2,16p' "$0" >&2
  exit 2
fi
openemr_url=${1%/}
plugin_url=${2%/}
contact=${3:-}
site=${OPENEMR_SITE:-default}
out=openemr-client.json

scopes="openid fhirUser launch offline_access api:oemr api:fhir user/Patient.read user/Practitioner.read user/message.write user/patient.read"
contacts='[]'
[[ -n $contact ]] && contacts="[\"$contact\"]"

request=$(cat <<JSON
{
  "application_type": "private",
  "client_name": "Welzijn op Recept",
  "redirect_uris": ["$plugin_url/callback"],
  "initiate_login_uri": "$plugin_url/launch",
  "post_logout_redirect_uris": ["$plugin_url/"],
  "token_endpoint_auth_method": "client_secret_post",
  "contacts": $contacts,
  "scope": "$scopes"
}
JSON
)

umask 077
if ! curl -sS --fail-with-body -X POST \
     -H 'Content-Type: application/json' -H 'Accept: application/json' \
     --data "$request" "$openemr_url/oauth2/$site/registration" >"$out"; then
  echo "register-client: OpenEMR refused the registration:" >&2
  cat "$out" >&2
  echo >&2
  echo "Check that the REST and FHIR APIs and SMART app launch are enabled" \
       "(Administration → Config → Connectors)." >&2
  exit 1
fi

client_id=$(sed -n 's/.*"client_id" *: *"\([^"]*\)".*/\1/p' "$out")
if [[ -z $client_id ]]; then
  echo "register-client: no client_id in OpenEMR's answer (see $out)" >&2
  exit 1
fi
cat <<TEXT
Registered "Welzijn op Recept" with $openemr_url (site $site).
  client_id:     $client_id
  client_secret: in $out (mode 600; keep it out of logs)

Next:
  1. In OpenEMR, Administration → System → API Clients: enable the client.
  2. Start wor-plugin with
       --client-id=$client_id --client-secret=<from $out>
       --client-auth-method=client_secret_post
       --allowed-iss=$openemr_url/apis/$site/fhir
       --public-base-url=$plugin_url
       --openemr-api-base=$openemr_url/apis/$site/api
       --writeback-token-file=<an OpenEMR API token for the practice's service user>
  3. Open a patient: Dashboard → "SMART Enabled Apps" → "Welzijn op Recept".
TEXT
