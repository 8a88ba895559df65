// SMART App Launch discovery: reads `{iss}/.well-known/smart-configuration`
// (SMART App Launch 2, §2.1) and builds the authorize URL of an EHR launch.
//
//   absl::StatusOr<SmartConfiguration> c = DiscoverSmartConfiguration(http,
//   iss); std::string url = AuthorizeUrl(*c, {...});
#ifndef WOR_PLUGIN_SMART_DISCOVERY_H_
#define WOR_PLUGIN_SMART_DISCOVERY_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "plugin/http_client.h"

namespace wor::plugin {

struct SmartConfiguration {
  std::string issuer;  // may be empty
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::vector<std::string> capabilities;
  std::vector<std::string> code_challenge_methods_supported;
};

// Fetches and checks the configuration: both endpoints present and absolute,
// and S256 among the PKCE methods (SMART 2 requires it). FAILED_PRECONDITION
// when the EHR's answer is unusable, UNAVAILABLE when it cannot be reached.
absl::StatusOr<SmartConfiguration> DiscoverSmartConfiguration(
    HttpClient& http, absl::string_view iss);

// Parses a smart-configuration document (the part of the above after the
// fetch).
absl::StatusOr<SmartConfiguration> ParseSmartConfiguration(
    absl::string_view json);

struct AuthorizeParameters {
  std::string client_id;
  std::string redirect_uri;
  std::string scope;
  std::string state;
  std::string aud;     // the launch's iss
  std::string launch;  // the EHR's launch id
  std::string code_challenge;
};

// The authorize URL with response_type=code and PKCE S256.
std::string AuthorizeUrl(const SmartConfiguration& configuration,
                         const AuthorizeParameters& parameters);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_SMART_DISCOVERY_H_
