#include "plugin/fhir_client.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace wor::plugin {

absl::Status StatusFromHttp(int http_status, absl::string_view what) {
  if (http_status >= 200 && http_status < 300) return absl::OkStatus();
  std::string message = absl::StrCat(what, ": HTTP ", http_status);
  if (http_status == 404) return absl::NotFoundError(message);
  if (http_status == 401 || http_status == 403) {
    return absl::PermissionDeniedError(message);
  }
  if (http_status >= 500 || http_status == 429 || http_status == 408) {
    return absl::UnavailableError(message);
  }
  return absl::FailedPreconditionError(message);
}

absl::StatusOr<nlohmann::json> FhirClient::Read(
    absl::string_view base, absl::string_view reference,
    absl::string_view access_token) {
  absl::StatusOr<HttpResponse> response = http_->Send(
      {.method = "GET",
       .url = absl::StrCat(absl::StripSuffix(base, "/"), "/", reference),
       .headers = {{"Accept", "application/fhir+json"},
                   {"Authorization", absl::StrCat("Bearer ", access_token)}}});
  if (!response.ok()) return response.status();
  // The reference is not personal data (an opaque id), but keep the
  // resource type only in messages.
  absl::string_view type = reference.substr(0, reference.find('/'));
  if (absl::Status s =
          StatusFromHttp(response->status, absl::StrCat("reading the ", type));
      !s.ok()) {
    return s;
  }
  nlohmann::json resource =
      nlohmann::json::parse(response->body, nullptr, false);
  if (!resource.is_object()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the EHR's ", type, " is not a JSON object"));
  }
  return resource;
}

absl::StatusOr<int> FhirClient::CreateIfNoneExist(
    absl::string_view base, const nlohmann::json& resource,
    absl::string_view condition, absl::string_view access_token) {
  const std::string type = resource.value("resourceType", "");
  absl::StatusOr<HttpResponse> response = http_->Send(
      {.method = "POST",
       .url = absl::StrCat(absl::StripSuffix(base, "/"), "/", type),
       .headers = {{"Accept", "application/fhir+json"},
                   {"Authorization", absl::StrCat("Bearer ", access_token)},
                   {"If-None-Exist", std::string(condition)}},
       .body = resource.dump(),
       .content_type = "application/fhir+json"});
  if (!response.ok()) return response.status();
  if (absl::Status s =
          StatusFromHttp(response->status, absl::StrCat("creating a ", type));
      !s.ok()) {
    return s;
  }
  return response->status;
}

}  // namespace wor::plugin
