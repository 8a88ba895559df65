#include "plugin/smart_discovery.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "nlohmann/json.hpp"
#include "plugin/json_fields.h"

namespace wor::plugin {
namespace {

using nlohmann::json;

std::vector<std::string> StringList(const json& object, const char* name) {
  std::vector<std::string> out;
  auto it = object.find(name);
  if (it == object.end() || !it->is_array()) return out;
  for (const json& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

bool IsAbsoluteHttpUrl(absl::string_view url) {
  return absl::StartsWith(url, "https://") || absl::StartsWith(url, "http://");
}

}  // namespace

absl::StatusOr<SmartConfiguration> ParseSmartConfiguration(
    absl::string_view text) {
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) {
    return absl::FailedPreconditionError(
        "the EHR's smart-configuration is not a JSON object");
  }
  SmartConfiguration configuration;
  configuration.issuer = StringField(document, "issuer");
  configuration.authorization_endpoint =
      StringField(document, "authorization_endpoint");
  configuration.token_endpoint = StringField(document, "token_endpoint");
  configuration.capabilities = StringList(document, "capabilities");
  configuration.code_challenge_methods_supported =
      StringList(document, "code_challenge_methods_supported");
  if (!IsAbsoluteHttpUrl(configuration.authorization_endpoint) ||
      !IsAbsoluteHttpUrl(configuration.token_endpoint)) {
    return absl::FailedPreconditionError(
        "the EHR's smart-configuration lacks an absolute "
        "authorization_endpoint or token_endpoint");
  }
  const auto& methods = configuration.code_challenge_methods_supported;
  if (std::find(methods.begin(), methods.end(), "S256") == methods.end()) {
    return absl::FailedPreconditionError(
        "the EHR does not offer PKCE with S256 "
        "(code_challenge_methods_supported), which SMART App Launch 2 "
        "requires");
  }
  return configuration;
}

absl::StatusOr<SmartConfiguration> DiscoverSmartConfiguration(
    HttpClient& http, absl::string_view iss) {
  if (!IsAbsoluteHttpUrl(iss)) {
    return absl::InvalidArgumentError("iss is not an absolute http(s) URL");
  }
  std::string url = absl::StrCat(absl::StripSuffix(iss, "/"),
                                 "/.well-known/smart-configuration");
  absl::StatusOr<HttpResponse> response =
      http.Send({.method = "GET",
                 .url = url,
                 .headers = {{"Accept", "application/json"}}});
  if (!response.ok()) return response.status();
  if (response->status != 200) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the EHR's smart-configuration answered HTTP ", response->status));
  }
  return ParseSmartConfiguration(response->body);
}

std::string AuthorizeUrl(const SmartConfiguration& configuration,
                         const AuthorizeParameters& p) {
  const char* separator =
      absl::StrContains(configuration.authorization_endpoint, '?') ? "&" : "?";
  return absl::StrCat(configuration.authorization_endpoint, separator,
                      EncodeForm({{"response_type", "code"},
                                  {"client_id", p.client_id},
                                  {"redirect_uri", p.redirect_uri},
                                  {"scope", p.scope},
                                  {"state", p.state},
                                  {"aud", p.aud},
                                  {"launch", p.launch},
                                  {"code_challenge", p.code_challenge},
                                  {"code_challenge_method", "S256"}}));
}

}  // namespace wor::plugin
