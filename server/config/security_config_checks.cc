#include "server/config/security_config_checks.h"

#include <arpa/inet.h>

#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/status_macros.h"

namespace wor::server {
namespace {

using wor::server::config::ServerConfig;

absl::Status ConfigError(absl::string_view field,
                         absl::string_view expectation) {
  return absl::InvalidArgumentError(
      absl::StrCat("configuration ", field, ": ", expectation));
}

bool IsKebabId(const std::string& id) {
  if (id.empty() || id.size() > 64 || !(id[0] >= 'a' && id[0] <= 'z'))
    return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  }
  return true;
}

// Every organisation id a certificate or token may carry.
std::set<std::string> RegisteredOrganisations(const ServerConfig& config) {
  std::set<std::string> ids;
  for (const auto& p : config.practices()) ids.insert("agb:" + p.agb());
  for (const auto& w : config.welfare_organisations())
    ids.insert("kvk:" + w.kvk_number());
  for (const auto& p : config.partners()) ids.insert("partner:" + p.id());
  if (!config.operator_().id().empty())
    ids.insert("operator:" + config.operator_().id());
  return ids;
}

absl::Status ValidatePartnersAndOperator(const ServerConfig& config) {
  std::set<std::string> ids;
  for (int i = 0; i < config.partners_size(); ++i) {
    const auto& partner = config.partners(i);
    std::string field = absl::StrCat("partners[", i, "]");
    if (!IsKebabId(partner.id()) || !ids.insert(partner.id()).second) {
      return ConfigError(field + ".id",
                         "expected a unique lower-kebab-case id such as "
                         "\"gemeente-meppel\"");
    }
    if (partner.name().empty())
      return ConfigError(field + ".name", "is required");
    if (partner.kind() == config::PARTNER_KIND_UNSPECIFIED)
      return ConfigError(
          field + ".kind",
          "expected MUNICIPALITY, INSURER or REGIONAL_PROGRAMME");
  }
  if (config.has_operator_() && !IsKebabId(config.operator_().id())) {
    return ConfigError("operator.id",
                       "expected a lower-kebab-case id such as \"wor-meppel\"");
  }
  return absl::OkStatus();
}

absl::Status ValidateTls(const config::Tls& tls) {
  if (tls.certificate_file().empty())
    return ConfigError("security.tls.certificate_file", "is required");
  if (tls.private_key_file().empty())
    return ConfigError("security.tls.private_key_file", "is required");
  if (tls.client_ca_file().empty())
    return ConfigError("security.tls.client_ca_file", "is required");
  return absl::OkStatus();
}

absl::Status ValidateTokenKeys(const ServerConfig& config) {
  const std::set<std::string> organisations = RegisteredOrganisations(config);
  std::set<std::string> keys;
  for (int i = 0; i < config.security().token_keys_size(); ++i) {
    const auto& key = config.security().token_keys(i);
    std::string field = absl::StrCat("security.token_keys[", i, "]");
    if (!organisations.contains(key.organisation())) {
      return ConfigError(field + ".organisation",
                         "expected a registered organisation id such as "
                         "\"agb:01012345\" or \"kvk:41234567\"");
    }
    if (key.key_id().empty())
      return ConfigError(field + ".key_id", "is required");
    if (!keys.insert(key.organisation() + "/" + key.key_id()).second)
      return ConfigError(field + ".key_id", "is configured twice");
    if (key.public_key_file().empty())
      return ConfigError(field + ".public_key_file", "is required");
  }
  return absl::OkStatus();
}

absl::Status ValidatePrivacy(ServerConfig& config) {
  auto* privacy = config.mutable_privacy();
  if (config.storage().has_memory()) return absl::OkStatus();
  if (privacy->keyring_path().empty())
    privacy->set_keyring_path("var/keyring.db");
  if (privacy->master_keys_size() == 0) {
    return ConfigError("privacy.master_keys",
                       "configure at least one master key file (64 hex "
                       "characters, e.g. made with `openssl rand -hex 32`)");
  }
  std::set<std::string> ids;
  for (int i = 0; i < privacy->master_keys_size(); ++i) {
    const auto& key = privacy->master_keys(i);
    std::string field = absl::StrCat("privacy.master_keys[", i, "]");
    if (key.id().empty() || !ids.insert(key.id()).second)
      return ConfigError(field + ".id", "expected a unique id");
    if (key.file().empty()) return ConfigError(field + ".file", "is required");
  }
  if (privacy->active_master_key_id().empty()) {
    privacy->set_active_master_key_id(
        privacy->master_keys(privacy->master_keys_size() - 1).id());
  }
  if (!ids.contains(privacy->active_master_key_id())) {
    return ConfigError("privacy.active_master_key_id",
                       "expected the id of one of privacy.master_keys");
  }
  return absl::OkStatus();
}

}  // namespace

bool IsLoopbackListenAddress(const std::string& listen_address) {
  const size_t colon = listen_address.rfind(':');
  if (colon == std::string::npos) return false;
  const std::string host = listen_address.substr(0, colon);
  if (host == "localhost" || host == "[::1]") return true;
  // Only a numeric 127.0.0.0/8 address: a name such as "127.example.org"
  // could resolve anywhere.
  in_addr address;
  if (inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

absl::Status ValidateSecurityConfig(ServerConfig& config) {
  WOR_RETURN_IF_ERROR(ValidatePartnersAndOperator(config));
  auto* security = config.mutable_security();
  if (security->token_audience().empty()) security->set_token_audience("wor");
  if (security->token_leeway_seconds() == 0)
    security->set_token_leeway_seconds(60);
  if (security->token_leeway_seconds() < 0 ||
      security->token_leeway_seconds() > 600) {
    return ConfigError("security.token_leeway_seconds", "expected 1 to 600");
  }
  if (security->max_streams_per_organisation() == 0)
    security->set_max_streams_per_organisation(8);
  if (security->max_streams_per_organisation() < 1 ||
      security->max_streams_per_organisation() > 1000) {
    return ConfigError("security.max_streams_per_organisation",
                       "expected 1 to 1000");
  }
  if (security->development_mode()) {
    if (!IsLoopbackListenAddress(config.listen_address())) {
      return ConfigError(
          "security.development_mode",
          "is only allowed on a loopback listen_address (127.0.0.1, [::1] "
          "or localhost): development mode has no TLS and trusts identity "
          "headers");
    }
  } else {
    WOR_RETURN_IF_ERROR(ValidateTls(security->tls()));
  }
  WOR_RETURN_IF_ERROR(ValidateTokenKeys(config));
  return ValidatePrivacy(config);
}

}  // namespace wor::server
