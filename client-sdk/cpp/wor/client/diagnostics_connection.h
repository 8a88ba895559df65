// DiagnosticsConnection: the calls of wor.v1.DiagnosticsService (a cheap call
// to check the connection and who the server sees) as the SDK makes them:
// identity and deadline on every call, retries of idempotent calls on
// UNAVAILABLE, a request_id on every mutating call.
//
// Use DiagnosticsClient (diagnostics_client.h); implement or mock this
// interface (mocks/mock_diagnostics_connection.h) to test code that uses the
// client. Implementations are thread-safe.
#ifndef WOR_CLIENT_DIAGNOSTICS_CONNECTION_H_
#define WOR_CLIENT_DIAGNOSTICS_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/diagnostics.grpc.pb.h"

namespace wor::client {

class DiagnosticsConnection {
 public:
  virtual ~DiagnosticsConnection() = default;

  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::PingResponse> Ping(
      const wor::v1::PingRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<DiagnosticsConnection> MakeDiagnosticsConnection(
    Options options);

// A connection over a given stub (e.g. the generated MockDiagnosticsServiceStub
// in tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<DiagnosticsConnection> MakeDiagnosticsConnection(
    std::shared_ptr<wor::v1::DiagnosticsService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_DIAGNOSTICS_CONNECTION_H_
