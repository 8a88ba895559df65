// PrivacyConnection: the calls of wor.v1.PrivacyService (erasure of a patient's
// personal data) as the SDK makes them: identity and deadline on every call,
// retries of idempotent calls on UNAVAILABLE, a request_id on every mutating
// call.
//
// Use PrivacyClient (privacy_client.h); implement or mock this interface
// (mocks/mock_privacy_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_PRIVACY_CONNECTION_H_
#define WOR_CLIENT_PRIVACY_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/audit_service.grpc.pb.h"

namespace wor::client {

class PrivacyConnection {
 public:
  virtual ~PrivacyConnection() = default;

  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::ErasePatientDataResponse> ErasePatientData(
      const wor::v1::ErasePatientDataRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<PrivacyConnection> MakePrivacyConnection(Options options);

// A connection over a given stub (e.g. the generated MockPrivacyServiceStub in
// tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<PrivacyConnection> MakePrivacyConnection(
    std::shared_ptr<wor::v1::PrivacyService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_PRIVACY_CONNECTION_H_
