// DiagnosticsClient: wor.v1.DiagnosticsService, a cheap call to check the
// connection and who the server sees.
//
//   wor::client::DiagnosticsClient client(
//       wor::client::MakeDiagnosticsConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_DIAGNOSTICS_CLIENT_H_
#define WOR_CLIENT_DIAGNOSTICS_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/diagnostics_connection.h"

namespace wor::client {

class DiagnosticsClient {
 public:
  explicit DiagnosticsClient(std::shared_ptr<DiagnosticsConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::PingResponse> Ping(
      const wor::v1::PingRequest& request);

 private:
  std::shared_ptr<DiagnosticsConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_DIAGNOSTICS_CLIENT_H_
