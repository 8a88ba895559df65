// HttpClient: the plugin's outgoing HTTP(S) calls to the EHR (SMART
// discovery, token endpoint, FHIR API), behind an interface so that the
// callers can be tested without a network.
//
//   std::unique_ptr<HttpClient> http = NewHttpClient({.ca_file = "ca.pem"});
//   absl::StatusOr<HttpResponse> r = http->Send({.method = "GET", .url = u});
//
// A response with any HTTP status is OK; only a failure to connect or to
// complete the exchange is an error (UNAVAILABLE). Thread-safe.
#ifndef WOR_PLUGIN_HTTP_CLIENT_H_
#define WOR_PLUGIN_HTTP_CLIENT_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wor::plugin {

struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute, http:// or https://
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type;  // for a body
};

struct HttpResponse {
  int status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // The first header of `name` (case-insensitive), or "".
  std::string Header(absl::string_view name) const;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual absl::StatusOr<HttpResponse> Send(const HttpRequest& request) = 0;
};

struct HttpClientOptions {
  // PEM file of the CA(s) that issued the EHR's certificate; empty uses the
  // system's trust store.
  std::string ca_file;
  int timeout_seconds = 15;
};

std::unique_ptr<HttpClient> NewHttpClient(HttpClientOptions options);

// "https://host:port" and "/path?query" of an absolute URL; INVALID_ARGUMENT
// when it is not http(s).
absl::StatusOr<std::pair<std::string, std::string>> SplitUrl(
    absl::string_view url);

// application/x-www-form-urlencoded: percent-encoding of one value.
std::string UrlEncode(absl::string_view value);
// Decodes a query string or form body into name/value pairs, in order.
std::vector<std::pair<std::string, std::string>> ParseFormBody(
    absl::string_view body);
// "a=1&b=2" from pairs, each percent-encoded.
std::string EncodeForm(
    const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace wor::plugin

#endif  // WOR_PLUGIN_HTTP_CLIENT_H_
