#include "plugin/config.h"

#include <map>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace wor::plugin {
namespace {

constexpr char kUsage[] = R"(Usage: wor-plugin [--flag=value ...]

The Welzijn op Recept EHR plugin (SMART App Launch 2) for one practice.
Every flag may also be given as WOR_PLUGIN_<FLAG> (upper case, _ for -).

  --listen-host, --listen-port     the plugin's HTTPS address (port 0: any)
  --tls-cert-file, --tls-key-file  its certificate and key (PEM)
  --public-base-url                how browsers reach it (default https://host:port)
  --client-id, --client-secret     the SMART client registered at the EHR
  --client-auth-method             client_secret_basic (default) | client_secret_post
  --scope                          default: launch openid fhirUser user/Patient.read user/Practitioner.read
  --allowed-iss                    FHIR base(s) a launch may come from, comma-separated
  --ehr-ca-file                    CA of the EHR's HTTPS certificate (default: system)
  --wor-endpoint                   wor-server host:port
  --wor-ca-file, --wor-cert-file, --wor-key-file   mutual TLS as the practice
  --practice-agb                   the practice's AGB code (token issuer agb:…)
  --token-key-file, --token-key-id the practice's user-token signing key (P-256)
  --user-role                      GP (default) or POH
  --writeback                      true (default) | false
  --writeback-fhir-base            FHIR base for Communications (default: allowed-iss)
  --writeback-scope                client_credentials scope
  --writeback-token-file           a fixed backend token instead of client_credentials
  --openemr-api-base               e.g. https://emr/apis/default/api: OpenEMR messages
  --openemr-message-to             OpenEMR user receiving the messages (default admin)
  --writeback-subject              user id the worker acts as (default wor-plugin)
  --state-dir                      where the resume token is kept
  --launch-ttl, --session-ttl      e.g. 10m, 8h
)";

struct Flags {
  std::map<std::string, std::string PluginConfig::*> strings;
};

const Flags& StringFlags() {
  static const auto* flags = new Flags{{
      {"listen-host", &PluginConfig::listen_host},
      {"tls-cert-file", &PluginConfig::tls_cert_file},
      {"tls-key-file", &PluginConfig::tls_key_file},
      {"public-base-url", &PluginConfig::public_base_url},
      {"client-id", &PluginConfig::client_id},
      {"client-secret", &PluginConfig::client_secret},
      {"client-auth-method", &PluginConfig::client_auth_method},
      {"scope", &PluginConfig::scope},
      {"allowed-iss", &PluginConfig::allowed_iss},
      {"ehr-ca-file", &PluginConfig::ehr_ca_file},
      {"wor-endpoint", &PluginConfig::wor_endpoint},
      {"wor-ca-file", &PluginConfig::wor_ca_file},
      {"wor-cert-file", &PluginConfig::wor_cert_file},
      {"wor-key-file", &PluginConfig::wor_key_file},
      {"practice-agb", &PluginConfig::practice_agb},
      {"token-key-file", &PluginConfig::token_key_file},
      {"token-key-id", &PluginConfig::token_key_id},
      {"user-role", &PluginConfig::user_role},
      {"writeback-fhir-base", &PluginConfig::writeback_fhir_base},
      {"writeback-scope", &PluginConfig::writeback_scope},
      {"writeback-token-file", &PluginConfig::writeback_token_file},
      {"openemr-api-base", &PluginConfig::openemr_api_base},
      {"openemr-message-to", &PluginConfig::openemr_message_to},
      {"writeback-subject", &PluginConfig::writeback_subject},
      {"state-dir", &PluginConfig::state_dir},
  }};
  return *flags;
}

const std::vector<std::string>& OtherFlags() {
  static const auto* flags = new std::vector<std::string>{
      "listen-port", "writeback", "launch-ttl", "session-ttl"};
  return *flags;
}

absl::Status Apply(const std::string& name, const std::string& value,
                   PluginConfig& config) {
  auto bad = [&](absl::string_view expectation) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", name, ": expected ", expectation));
  };
  if (auto it = StringFlags().strings.find(name);
      it != StringFlags().strings.end()) {
    config.*(it->second) = value;
  } else if (name == "listen-port") {
    if (!absl::SimpleAtoi(value, &config.listen_port) ||
        config.listen_port < 0 || config.listen_port > 65535) {
      return bad("a port number 0-65535");
    }
  } else if (name == "writeback") {
    if (value != "true" && value != "false") return bad("true or false");
    config.writeback = value == "true";
  } else if (name == "launch-ttl" || name == "session-ttl") {
    absl::Duration d;
    if (!absl::ParseDuration(value, &d) || d <= absl::ZeroDuration()) {
      return bad("a positive duration such as 10m or 8h");
    }
    (name == "launch-ttl" ? config.launch_ttl : config.session_ttl) = d;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown flag --", name, "; see --help"));
  }
  return absl::OkStatus();
}

absl::Status Check(const PluginConfig& c) {
  const std::pair<const char*, const std::string*> required[] = {
      {"tls-cert-file", &c.tls_cert_file},
      {"tls-key-file", &c.tls_key_file},
      {"client-id", &c.client_id},
      {"allowed-iss", &c.allowed_iss},
      {"wor-endpoint", &c.wor_endpoint},
      {"wor-ca-file", &c.wor_ca_file},
      {"wor-cert-file", &c.wor_cert_file},
      {"wor-key-file", &c.wor_key_file},
      {"practice-agb", &c.practice_agb},
      {"token-key-file", &c.token_key_file},
  };
  for (const auto& [flag, value] : required) {
    if (value->empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--", flag, " is required (or WOR_PLUGIN_",
          absl::AsciiStrToUpper(absl::StrReplaceAll(flag, {{"-", "_"}})), ")"));
    }
  }
  if (c.client_auth_method != "client_secret_basic" &&
      c.client_auth_method != "client_secret_post") {
    return absl::InvalidArgumentError(
        "--client-auth-method: expected client_secret_basic or "
        "client_secret_post");
  }
  if (c.user_role != "GP" && c.user_role != "POH") {
    return absl::InvalidArgumentError("--user-role: expected GP or POH");
  }
  return absl::OkStatus();
}

}  // namespace

const char* PluginUsage() { return kUsage; }

absl::StatusOr<PluginConfig> ParsePluginConfig(int argc, char** argv,
                                               const EnvLookup& env) {
  PluginConfig config;
  std::vector<std::string> names;
  for (const auto& [name, member] : StringFlags().strings)
    names.push_back(name);
  for (const std::string& name : OtherFlags()) names.push_back(name);
  for (const std::string& name : names) {
    std::string variable = absl::StrCat(
        "WOR_PLUGIN_",
        absl::AsciiStrToUpper(absl::StrReplaceAll(name, {{"-", "_"}})));
    if (const char* value = env(variable.c_str()); value != nullptr) {
      if (absl::Status s = Apply(name, value, config); !s.ok()) return s;
    }
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!absl::StartsWith(arg, "--")) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unexpected argument ", arg, "; flags look like --name=value"));
    }
    std::string name = arg.substr(2), value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("--", name, " needs a value"));
    }
    if (absl::Status s = Apply(name, value, config); !s.ok()) return s;
  }
  if (absl::Status s = Check(config); !s.ok()) return s;
  if (config.writeback_fhir_base.empty()) {
    config.writeback_fhir_base =
        config.allowed_iss.substr(0, config.allowed_iss.find(','));
  }
  return config;
}

}  // namespace wor::plugin
