// The plugin's configuration: command-line flags (--name=value), each with
// an environment variable fallback (WOR_PLUGIN_NAME, upper case, dashes as
// underscores). One plugin process serves one practice.
//
//   absl::StatusOr<PluginConfig> config = ParsePluginConfig(argc, argv, env);
//
// Errors name the flag and say what to give.
#ifndef WOR_PLUGIN_CONFIG_H_
#define WOR_PLUGIN_CONFIG_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace wor::plugin {

struct PluginConfig {
  // The plugin's own HTTPS endpoint.
  std::string listen_host = "127.0.0.1";
  int listen_port = 8443;  // 0: the kernel picks (logged at start)
  std::string tls_cert_file;
  std::string tls_key_file;
  // How the browser reaches the plugin, e.g. https://wor-plugin.example.nl;
  // default https://{listen_host}:{port}. The redirect URI is {this}/callback.
  std::string public_base_url;

  // SMART client registration at the EHR.
  std::string client_id;
  std::string client_secret;
  std::string client_auth_method = "client_secret_basic";
  std::string scope =
      "launch openid fhirUser user/Patient.read user/Practitioner.read";
  // Launches are accepted only from these FHIR bases (comma-separated).
  std::string allowed_iss;
  // CA file for the EHR's HTTPS endpoints; empty: the system's trust store.
  std::string ehr_ca_file;

  // wor-server over mutual TLS, as the practice.
  std::string wor_endpoint;
  std::string wor_ca_file;
  std::string wor_cert_file;
  std::string wor_key_file;
  // The practice (AGB, 8 digits) and its user-token signing key.
  std::string practice_agb;
  std::string token_key_file;
  std::string token_key_id = "dev-1";
  std::string user_role = "GP";

  // Feedback into the record.
  bool writeback = true;
  std::string writeback_fhir_base;  // default: the first allowed_iss
  std::string writeback_scope =
      "system/Communication.read system/Communication.write";
  std::string writeback_token_file;  // a fixed backend token instead
  std::string openemr_api_base;      // set: OpenEMR messages, not FHIR
  std::string openemr_message_to = "admin";
  std::string writeback_subject = "wor-plugin";  // user id of the worker
  std::string state_dir = ".";

  absl::Duration launch_ttl = absl::Minutes(10);
  absl::Duration session_ttl = absl::Hours(8);
};

using EnvLookup = std::function<const char*(const char*)>;

// INVALID_ARGUMENT naming the flag when a value is missing or wrong.
absl::StatusOr<PluginConfig> ParsePluginConfig(int argc, char** argv,
                                               const EnvLookup& env);

// The usage text.
const char* PluginUsage();

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_CONFIG_H_
