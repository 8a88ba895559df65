// A minimal CalDAV (RFC 4791) client over libcurl: create a calendar
// collection, put and delete calendar objects with conditional requests.
// HTTP or HTTPS, basic auth, timeouts. Errors are absl::Status values that
// name the method and HTTP status, never a request or response body (which
// may hold initials); nothing is logged here.
//
//   WOR_ASSIGN_OR_RETURN(auto client, CaldavClient::Create(options));
//   WOR_RETURN_IF_ERROR(client->MakeCalendar("/anna/wor/"));
//   WOR_ASSIGN_OR_RETURN(CaldavResponse put,
//       client->Put("/anna/wor/x.ics", ics, Precondition::kCreateOnly, ""));
//   // put.etag: the server's version tag, for the next If-Match.
//
// Thread-safe: calls are serialised on one connection.
#ifndef WOR_SERVER_CALENDAR_CALDAV_CLIENT_H_
#define WOR_SERVER_CALENDAR_CALDAV_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace wor::server {

struct CaldavClientOptions {
  // "http://127.0.0.1:5232" or "https://dav.example.nl"; no trailing path.
  std::string base_url;
  // Basic auth; empty user name: no authentication.
  std::string username;
  std::string password;
  // CA bundle (PEM) for https; empty: the system's.
  std::string ca_file;
  absl::Duration connect_timeout = absl::Seconds(5);
  absl::Duration request_timeout = absl::Seconds(20);
};

// What a request must find on the server.
enum class Precondition {
  kNone,        // unconditional
  kCreateOnly,  // If-None-Match: * (the object must not exist yet)
  kIfMatch,     // If-Match: the given etag (the object is unchanged)
};

struct CaldavResponse {
  long status = 0;  // HTTP status code
  // The ETag header as sent (quoted), or empty.
  std::string etag;
  std::string body;
};

class CaldavClient {
 public:
  // INVALID_ARGUMENT when the base URL is not http(s).
  static absl::StatusOr<std::unique_ptr<CaldavClient>> Create(
      const CaldavClientOptions& options);
  ~CaldavClient();
  CaldavClient(const CaldavClient&) = delete;
  CaldavClient& operator=(const CaldavClient&) = delete;

  // Each returns the response whatever its HTTP status (the caller decides
  // what a 412 or 404 means), and UNAVAILABLE when no response came
  // (connection refused, timeout, TLS failure). `path` is absolute
  // ("/anna/wor/x.ics") and already percent-encoded where needed.
  absl::StatusOr<CaldavResponse> MakeCalendar(const std::string& path);
  absl::StatusOr<CaldavResponse> Put(const std::string& path,
                                     const std::string& icalendar,
                                     Precondition precondition,
                                     const std::string& etag);
  absl::StatusOr<CaldavResponse> Delete(const std::string& path,
                                        Precondition precondition,
                                        const std::string& etag);
  absl::StatusOr<CaldavResponse> Get(const std::string& path);

 private:
  explicit CaldavClient(CaldavClientOptions options, void* curl)
      : options_(std::move(options)), curl_(curl) {}
  absl::StatusOr<CaldavResponse> Send(const std::string& method,
                                      const std::string& path,
                                      const std::vector<std::string>& headers,
                                      const std::string& body);

  const CaldavClientOptions options_;
  absl::Mutex mu_;
  void* curl_ ABSL_GUARDED_BY(mu_);  // CURL*
};

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_CALDAV_CLIENT_H_
