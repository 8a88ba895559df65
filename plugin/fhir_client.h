// FhirClient: the few FHIR R4 REST interactions the plugin needs: read a
// resource in the launch's context, and create a resource only if none with
// the same identifier exists (conditional create, `If-None-Exist`).
//
//   FhirClient fhir(&http);
//   absl::StatusOr<nlohmann::json> patient =
//       fhir.Read(session.fhir_base, "Patient/" + id, session.access_token);
//
// Thread-safe when the HttpClient is.
#ifndef WOR_PLUGIN_FHIR_CLIENT_H_
#define WOR_PLUGIN_FHIR_CLIENT_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "nlohmann/json.hpp"
#include "plugin/http_client.h"

namespace wor::plugin {

class FhirClient {
 public:
  explicit FhirClient(HttpClient* http) : http_(http) {}

  // GET {base}/{reference}, e.g. "Patient/123". NOT_FOUND for 404,
  // PERMISSION_DENIED for 401/403, UNAVAILABLE when unreachable.
  absl::StatusOr<nlohmann::json> Read(absl::string_view base,
                                      absl::string_view reference,
                                      absl::string_view access_token);

  // POST {base}/{resourceType} with `If-None-Exist: {condition}`. Returns
  // the HTTP status: 201 created, 200 when a match already existed. Any
  // other answer is an error (UNAVAILABLE for 5xx and no answer, so that
  // the caller tries again; FAILED_PRECONDITION for a refusal).
  absl::StatusOr<int> CreateIfNoneExist(absl::string_view base,
                                        const nlohmann::json& resource,
                                        absl::string_view condition,
                                        absl::string_view access_token);

 private:
  HttpClient* http_;
};

// Maps an EHR's HTTP answer to a status (2xx → OK).
absl::Status StatusFromHttp(int http_status, absl::string_view what);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_FHIR_CLIENT_H_
