// ConsentConnection: the calls of wor.v1.ConsentService (the patient's consent:
// record, read, revoke, and the receipt) as the SDK makes them: identity and
// deadline on every call, retries of idempotent calls on UNAVAILABLE, a
// request_id on every mutating call.
//
// Use ConsentClient (consent_client.h); implement or mock this interface
// (mocks/mock_consent_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_CONSENT_CONNECTION_H_
#define WOR_CLIENT_CONSENT_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/consent_service.grpc.pb.h"

namespace wor::client {

class ConsentConnection {
 public:
  virtual ~ConsentConnection() = default;

  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::RecordConsentResponse> RecordConsent(
      const wor::v1::RecordConsentRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetConsentResponse> GetConsent(
      const wor::v1::GetConsentRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::RevokeConsentResponse> RevokeConsent(
      const wor::v1::RevokeConsentRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetConsentReceiptResponse> GetConsentReceipt(
      const wor::v1::GetConsentReceiptRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<ConsentConnection> MakeConsentConnection(Options options);

// A connection over a given stub (e.g. the generated MockConsentServiceStub in
// tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<ConsentConnection> MakeConsentConnection(
    std::shared_ptr<wor::v1::ConsentService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_CONSENT_CONNECTION_H_
