// ReferralFormConnection: the calls of wor.v1.ReferralFormService (the referral
// form of a region: questions, checks and consent texts) as the SDK makes them:
// identity and deadline on every call, retries of idempotent calls on
// UNAVAILABLE, a request_id on every mutating call.
//
// Use ReferralFormClient (referral_form_client.h); implement or mock this
// interface (mocks/mock_referral_form_connection.h) to test code that uses the
// client. Implementations are thread-safe.
#ifndef WOR_CLIENT_REFERRAL_FORM_CONNECTION_H_
#define WOR_CLIENT_REFERRAL_FORM_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/referral_form.grpc.pb.h"

namespace wor::client {

class ReferralFormConnection {
 public:
  virtual ~ReferralFormConnection() = default;

  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetReferralFormResponse> GetReferralForm(
      const wor::v1::GetReferralFormRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<ReferralFormConnection> MakeReferralFormConnection(
    Options options);

// A connection over a given stub (e.g. the generated
// MockReferralFormServiceStub in tests of the retry rules); `options` supply
// identity, deadline and retry.
std::shared_ptr<ReferralFormConnection> MakeReferralFormConnection(
    std::shared_ptr<wor::v1::ReferralFormService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_REFERRAL_FORM_CONNECTION_H_
