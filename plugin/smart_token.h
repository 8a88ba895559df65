// The token endpoint of a SMART EHR: the authorization code exchange of the
// EHR launch (confidential client, PKCE) and SMART Backend Services style
// client_credentials for the plugin's own writes into the record.
//
//   absl::StatusOr<LaunchToken> t = ExchangeCode(http, client, endpoint, code,
//                                               verifier, redirect_uri);
#ifndef WOR_PLUGIN_SMART_TOKEN_H_
#define WOR_PLUGIN_SMART_TOKEN_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "plugin/clock.h"
#include "plugin/http_client.h"

namespace wor::plugin {

struct ClientCredentials {
  std::string client_id;
  std::string client_secret;
  // "client_secret_basic" (default) or "client_secret_post".
  std::string auth_method = "client_secret_basic";
};

// What the token response of an EHR launch tells the plugin.
struct LaunchToken {
  std::string access_token;
  std::string patient;    // the patient in context (FHIR id); may be empty
  std::string fhir_user;  // from the id_token; may be empty
  std::string scope;
};

// Exchanges an authorization code. The id_token comes straight from the
// token endpoint over a verified TLS connection, so its claims are read
// without checking its signature (OpenID Connect Core §3.1.3.7, item 6);
// its `aud` must still name this client. PERMISSION_DENIED when the EHR
// refuses the code, FAILED_PRECONDITION for an unusable answer.
absl::StatusOr<LaunchToken> ExchangeCode(HttpClient& http,
                                         const ClientCredentials& client,
                                         absl::string_view token_endpoint,
                                         absl::string_view code,
                                         absl::string_view code_verifier,
                                         absl::string_view redirect_uri);

// Parses a token response (the part of ExchangeCode after the POST).
absl::StatusOr<LaunchToken> ParseLaunchTokenResponse(
    absl::string_view json, absl::string_view client_id);

// The claims of a JWT's payload as JSON text, unverified; INVALID_ARGUMENT
// when it is not a JWT.
absl::StatusOr<std::string> UnverifiedJwtPayload(absl::string_view jwt);

// A backend access token for writing into the EHR, obtained with
// client_credentials and renewed shortly before it expires; or a fixed one
// (e.g. an OpenEMR API token issued to the practice). Thread-safe.
class BackendTokenSource {
 public:
  // client_credentials at `token_endpoint` for `scope`.
  BackendTokenSource(HttpClient* http, const Clock* clock,
                     ClientCredentials client, std::string token_endpoint,
                     std::string scope);
  // Always `fixed_token`.
  explicit BackendTokenSource(std::string fixed_token);

  absl::StatusOr<std::string> Token();

 private:
  HttpClient* http_ = nullptr;
  const Clock* clock_ = nullptr;
  ClientCredentials client_;
  std::string token_endpoint_;
  std::string scope_;
  absl::Mutex mutex_;
  std::string token_;
  absl::Time expires_ = absl::InfinitePast();
};

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_SMART_TOKEN_H_
