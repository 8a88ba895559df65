// A real Radicale CalDAV server (Debian package `radicale`) for the tests:
// started on a free loopback port with a private storage folder and one
// htpasswd user, stopped by the destructor. Plus a raw HTTP/1.0 request
// over a socket, so tests check what the server holds without going
// through the code under test.
#ifndef WOR_TESTS_CALENDAR_RADICALE_SERVER_H_
#define WOR_TESTS_CALENDAR_RADICALE_SERVER_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace wor::server {

struct RawHttpResponse {
  int status = 0;
  std::string headers;
  std::string body;
};

class RadicaleServer {
 public:
  static constexpr char kUser[] = "wor";
  static constexpr char kPassword[] = "kalender-geheim";

  // Starts Radicale in `dir` (which must exist) and waits until it answers.
  static absl::StatusOr<std::unique_ptr<RadicaleServer>> Start(
      const std::string& dir);
  ~RadicaleServer();

  int port() const { return port_; }
  std::string base_url() const;

  // One request with basic auth as kUser; `path` absolute.
  absl::StatusOr<RawHttpResponse> Request(
      const std::string& method, const std::string& path,
      const std::vector<std::string>& headers = {},
      const std::string& body = "") const;

 private:
  RadicaleServer(pid_t pid, int port) : pid_(pid), port_(port) {}
  pid_t pid_;
  int port_;
};

}  // namespace wor::server

#endif  // WOR_TESTS_CALENDAR_RADICALE_SERVER_H_
