#include "server/calendar/caldav_client.h"

#include <curl/curl.h>

#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace wor::server {
namespace {

// Bounds what a misbehaving server can make us hold.
constexpr size_t kMaxBodyBytes = 4 << 20;

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  if (body->size() + bytes > kMaxBodyBytes) return 0;  // aborts the transfer
  body->append(data, bytes);
  return bytes;
}

size_t ReadHeader(char* data, size_t size, size_t count, void* user) {
  auto* etag = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  absl::string_view line(data, bytes);
  constexpr absl::string_view kEtag = "etag:";
  if (line.size() > kEtag.size() &&
      absl::EqualsIgnoreCase(line.substr(0, kEtag.size()), kEtag)) {
    *etag = std::string(absl::StripAsciiWhitespace(line.substr(kEtag.size())));
  }
  return bytes;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

absl::StatusOr<std::unique_ptr<CaldavClient>> CaldavClient::Create(
    const CaldavClientOptions& options) {
  if (!absl::StartsWith(options.base_url, "http://") &&
      !absl::StartsWith(options.base_url, "https://")) {
    return absl::InvalidArgumentError(
        "calendar.caldav.base_url: expected an http:// or https:// URL");
  }
  InitCurlOnce();
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    return absl::InternalError("cannot start an HTTP client (libcurl)");
  }
  CaldavClientOptions copy = options;
  while (absl::EndsWith(copy.base_url, "/")) copy.base_url.pop_back();
  return std::unique_ptr<CaldavClient>(new CaldavClient(std::move(copy), curl));
}

CaldavClient::~CaldavClient() {
  absl::MutexLock lock(&mu_);
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

absl::StatusOr<CaldavResponse> CaldavClient::Send(
    const std::string& method, const std::string& path,
    const std::vector<std::string>& headers, const std::string& body) {
  absl::MutexLock lock(&mu_);
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  const std::string url = absl::StrCat(options_.base_url, path);
  CaldavResponse response;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(
      curl, CURLOPT_CONNECTTIMEOUT_MS,
      static_cast<long>(absl::ToInt64Milliseconds(options_.connect_timeout)));
  curl_easy_setopt(
      curl, CURLOPT_TIMEOUT_MS,
      static_cast<long>(absl::ToInt64Milliseconds(options_.request_timeout)));
  if (!options_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
  }
  if (!options_.ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  }
  if (!body.empty()) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(body.size()));
  }
  curl_slist* header_list = nullptr;
  for (const std::string& header : headers) {
    header_list = curl_slist_append(header_list, header.c_str());
  }
  // libcurl would otherwise add "Expect: 100-continue" to larger bodies.
  header_list = curl_slist_append(header_list, "Expect:");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &ReadHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.etag);

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(header_list);
  if (code != CURLE_OK) {
    // The libcurl message names the failure (refused, timeout, TLS), never
    // the content.
    return absl::UnavailableError(absl::StrCat(
        "CalDAV ", method, " failed: ", curl_easy_strerror(code),
        "; check calendar.caldav.base_url and that the server is up"));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

absl::StatusOr<CaldavResponse> CaldavClient::MakeCalendar(
    const std::string& path) {
  static constexpr char kBody[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<C:mkcalendar xmlns:D=\"DAV:\" "
      "xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\n"
      "  <D:set><D:prop>\n"
      "    <D:displayname>Welzijn op Recept</D:displayname>\n"
      "    <C:supported-calendar-component-set>"
      "<C:comp name=\"VEVENT\"/></C:supported-calendar-component-set>\n"
      "  </D:prop></D:set>\n"
      "</C:mkcalendar>\n";
  return Send("MKCALENDAR", path,
              {"Content-Type: application/xml; charset=utf-8"}, kBody);
}

absl::StatusOr<CaldavResponse> CaldavClient::Put(const std::string& path,
                                                 const std::string& icalendar,
                                                 Precondition precondition,
                                                 const std::string& etag) {
  std::vector<std::string> headers = {
      "Content-Type: text/calendar; charset=utf-8"};
  if (precondition == Precondition::kCreateOnly) {
    headers.push_back("If-None-Match: *");
  } else if (precondition == Precondition::kIfMatch) {
    headers.push_back(absl::StrCat("If-Match: ", etag));
  }
  return Send("PUT", path, headers, icalendar);
}

absl::StatusOr<CaldavResponse> CaldavClient::Delete(const std::string& path,
                                                    Precondition precondition,
                                                    const std::string& etag) {
  std::vector<std::string> headers;
  if (precondition == Precondition::kIfMatch) {
    headers.push_back(absl::StrCat("If-Match: ", etag));
  }
  return Send("DELETE", path, headers, "");
}

absl::StatusOr<CaldavResponse> CaldavClient::Get(const std::string& path) {
  return Send("GET", path, {}, "");
}

}  // namespace wor::server
