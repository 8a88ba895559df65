#include "plugin/http_client.h"

#include <httplib.h>

#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace wor::plugin {
namespace {

class HttplibClient final : public HttpClient {
 public:
  explicit HttplibClient(HttpClientOptions options)
      : options_(std::move(options)) {}

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    absl::StatusOr<std::pair<std::string, std::string>> parts =
        SplitUrl(request.url);
    if (!parts.ok()) return parts.status();
    httplib::Client client(parts->first);
    client.set_connection_timeout(options_.timeout_seconds, 0);
    client.set_read_timeout(options_.timeout_seconds, 0);
    client.set_write_timeout(options_.timeout_seconds, 0);
    if (!options_.ca_file.empty())
      client.set_ca_cert_path(options_.ca_file.c_str());
    client.enable_server_certificate_verification(true);
    httplib::Headers headers;
    for (const auto& [name, value] : request.headers)
      headers.emplace(name, value);
    const std::string& path = parts->second;
    auto call = [&]() -> httplib::Result {
      if (request.method == "POST") {
        return client.Post(path.c_str(), headers, request.body,
                           request.content_type.c_str());
      }
      if (request.method == "PUT") {
        return client.Put(path.c_str(), headers, request.body,
                          request.content_type.c_str());
      }
      return client.Get(path.c_str(), headers);
    };
    if (request.method != "GET" && request.method != "POST" &&
        request.method != "PUT") {
      return absl::InvalidArgumentError(
          absl::StrCat("unsupported HTTP method ", request.method));
    }
    httplib::Result result = call();
    if (!result) {
      return absl::UnavailableError(
          absl::StrCat("no answer from ", parts->first, ": ",
                       httplib::to_string(result.error())));
    }
    HttpResponse response;
    response.status = result->status;
    response.body = result->body;
    for (const auto& [name, value] : result->headers) {
      response.headers.emplace_back(name, value);
    }
    return response;
  }

 private:
  const HttpClientOptions options_;
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string UrlDecode(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 +
                                      HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string HttpResponse::Header(absl::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (absl::EqualsIgnoreCase(key, name)) return value;
  }
  return "";
}

std::unique_ptr<HttpClient> NewHttpClient(HttpClientOptions options) {
  return std::make_unique<HttplibClient>(std::move(options));
}

absl::StatusOr<std::pair<std::string, std::string>> SplitUrl(
    absl::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == absl::string_view::npos) {
    return absl::InvalidArgumentError("not an absolute URL");
  }
  absl::string_view scheme = url.substr(0, scheme_end);
  if (scheme != "http" && scheme != "https") {
    return absl::InvalidArgumentError("only http and https URLs are used");
  }
  size_t path_start = url.find('/', scheme_end + 3);
  if (path_start == absl::string_view::npos) {
    return std::make_pair(std::string(url), std::string("/"));
  }
  return std::make_pair(std::string(url.substr(0, path_start)),
                        std::string(url.substr(path_start)));
}

std::string UrlEncode(absl::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> ParseFormBody(
    absl::string_view body) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (absl::string_view part : absl::StrSplit(body, '&', absl::SkipEmpty())) {
    size_t equals = part.find('=');
    if (equals == absl::string_view::npos) {
      pairs.emplace_back(UrlDecode(part), "");
    } else {
      pairs.emplace_back(UrlDecode(part.substr(0, equals)),
                         UrlDecode(part.substr(equals + 1)));
    }
  }
  return pairs;
}

std::string EncodeForm(
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out.push_back('&');
    absl::StrAppend(&out, UrlEncode(name), "=", UrlEncode(value));
  }
  return out;
}

}  // namespace wor::plugin
