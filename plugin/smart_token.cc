#include "plugin/smart_token.h"

#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"
#include "plugin/json_fields.h"

namespace wor::plugin {
namespace {

using nlohmann::json;

// Adds the client's authentication to a token request.
void Authenticate(const ClientCredentials& client, HttpRequest& request,
                  std::vector<std::pair<std::string, std::string>>& form) {
  if (client.auth_method == "client_secret_post") {
    form.emplace_back("client_id", client.client_id);
    form.emplace_back("client_secret", client.client_secret);
    return;
  }
  // RFC 6749 §2.3.1: form-encode id and secret before base64.
  std::string basic;
  absl::Base64Escape(absl::StrCat(UrlEncode(client.client_id), ":",
                                  UrlEncode(client.client_secret)),
                     &basic);
  request.headers.emplace_back("Authorization", absl::StrCat("Basic ", basic));
}

absl::StatusOr<json> PostTokenRequest(
    HttpClient& http, const ClientCredentials& client,
    absl::string_view token_endpoint,
    std::vector<std::pair<std::string, std::string>> form) {
  HttpRequest request{.method = "POST",
                      .url = std::string(token_endpoint),
                      .headers = {{"Accept", "application/json"}},
                      .content_type = "application/x-www-form-urlencoded"};
  Authenticate(client, request, form);
  request.body = EncodeForm(form);
  absl::StatusOr<HttpResponse> response = http.Send(request);
  if (!response.ok()) return response.status();
  json document = json::parse(response->body, nullptr, false);
  if (response->status == 400 || response->status == 401) {
    return absl::PermissionDeniedError(absl::StrCat(
        "the EHR's token endpoint refused the request (HTTP ", response->status,
        ", ", document.is_object() ? StringField(document, "error") : "", ")"));
  }
  if (response->status != 200 || !document.is_object()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the EHR's token endpoint answered HTTP ", response->status));
  }
  return document;
}

}  // namespace

absl::StatusOr<std::string> UnverifiedJwtPayload(absl::string_view jwt) {
  std::vector<absl::string_view> parts = absl::StrSplit(jwt, '.');
  std::string payload;
  if (parts.size() != 3 || !absl::WebSafeBase64Unescape(parts[1], &payload)) {
    return absl::InvalidArgumentError("not a compact JWT");
  }
  return payload;
}

absl::StatusOr<LaunchToken> ParseLaunchTokenResponse(
    absl::string_view text, absl::string_view client_id) {
  json document = json::parse(text, nullptr, false);
  if (!document.is_object()) {
    return absl::FailedPreconditionError(
        "the token response is not a JSON object");
  }
  LaunchToken token;
  token.access_token = StringField(document, "access_token");
  token.patient = StringField(document, "patient");
  token.scope = StringField(document, "scope");
  if (token.access_token.empty()) {
    return absl::FailedPreconditionError(
        "the token response has no access_token");
  }
  const std::string id_token = StringField(document, "id_token");
  if (!id_token.empty()) {
    absl::StatusOr<std::string> payload = UnverifiedJwtPayload(id_token);
    if (!payload.ok()) return payload.status();
    json claims = json::parse(*payload, nullptr, false);
    if (!claims.is_object()) {
      return absl::FailedPreconditionError("the id_token has no claims");
    }
    bool audience_ok = false;
    if (auto aud = claims.find("aud"); aud != claims.end()) {
      if (aud->is_string()) audience_ok = aud->get<std::string>() == client_id;
      if (aud->is_array()) {
        for (const json& item : *aud) {
          audience_ok |=
              item.is_string() && item.get<std::string>() == client_id;
        }
      }
    }
    if (!audience_ok) {
      return absl::FailedPreconditionError(
          "the id_token is not meant for this client (aud)");
    }
    token.fhir_user = StringField(claims, "fhirUser");
  }
  return token;
}

absl::StatusOr<LaunchToken> ExchangeCode(HttpClient& http,
                                         const ClientCredentials& client,
                                         absl::string_view token_endpoint,
                                         absl::string_view code,
                                         absl::string_view code_verifier,
                                         absl::string_view redirect_uri) {
  absl::StatusOr<json> document =
      PostTokenRequest(http, client, token_endpoint,
                       {{"grant_type", "authorization_code"},
                        {"code", std::string(code)},
                        {"redirect_uri", std::string(redirect_uri)},
                        {"code_verifier", std::string(code_verifier)}});
  if (!document.ok()) return document.status();
  return ParseLaunchTokenResponse(document->dump(), client.client_id);
}

BackendTokenSource::BackendTokenSource(HttpClient* http, const Clock* clock,
                                       ClientCredentials client,
                                       std::string token_endpoint,
                                       std::string scope)
    : http_(http),
      clock_(clock),
      client_(std::move(client)),
      token_endpoint_(std::move(token_endpoint)),
      scope_(std::move(scope)) {}

BackendTokenSource::BackendTokenSource(std::string fixed_token)
    : token_(std::move(fixed_token)), expires_(absl::InfiniteFuture()) {}

absl::StatusOr<std::string> BackendTokenSource::Token() {
  absl::MutexLock lock(&mutex_);
  if (http_ == nullptr) return token_;
  const absl::Time now = clock_->Now();
  if (!token_.empty() && now + absl::Seconds(30) < expires_) return token_;
  absl::StatusOr<json> document = PostTokenRequest(
      *http_, client_, token_endpoint_,
      {{"grant_type", "client_credentials"}, {"scope", scope_}});
  if (!document.ok()) return document.status();
  std::string token = StringField(*document, "access_token");
  if (token.empty()) {
    return absl::FailedPreconditionError(
        "the client_credentials response has no access_token");
  }
  int64_t expires_in = 300;
  if (auto it = document->find("expires_in");
      it != document->end() && it->is_number_integer()) {
    expires_in = it->get<int64_t>();
  }
  token_ = token;
  expires_ = now + absl::Seconds(expires_in);
  return token_;
}

}  // namespace wor::plugin
