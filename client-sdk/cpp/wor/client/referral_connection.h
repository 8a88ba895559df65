// ReferralConnection: the calls of wor.v1.ReferralService (referrals: create,
// read, list, the lifecycle verbs, and the event stream) as the SDK makes them:
// identity and deadline on every call, retries of idempotent calls on
// UNAVAILABLE, a request_id on every mutating call.
//
// Use ReferralClient (referral_client.h); implement or mock this interface
// (mocks/mock_referral_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_REFERRAL_CONNECTION_H_
#define WOR_CLIENT_REFERRAL_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/client/referral_event_stream.h"
#include "wor/client/stream_range.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::client {

class ReferralConnection {
 public:
  virtual ~ReferralConnection() = default;

  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::CreateReferralResponse> CreateReferral(
      const wor::v1::CreateReferralRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetReferralResponse> GetReferral(
      const wor::v1::GetReferralRequest& request) = 0;
  // Fetches page after page as the range is iterated; each page is retried like
  // a read.
  virtual StreamRange<wor::v1::Referral> ListReferrals(
      wor::v1::ListReferralsRequest request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::AcceptReferralResponse> AcceptReferral(
      const wor::v1::AcceptReferralRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::RejectReferralResponse> RejectReferral(
      const wor::v1::RejectReferralRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::CancelReferralResponse> CancelReferral(
      const wor::v1::CancelReferralRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::PutReferralOnHoldResponse> PutReferralOnHold(
      const wor::v1::PutReferralOnHoldRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::ResumeReferralResponse> ResumeReferral(
      const wor::v1::ResumeReferralRequest& request) = 0;
  // Resumes after a dropped connection from the last event's resume_token.
  virtual std::unique_ptr<ReferralEventStream> WatchReferrals(
      const wor::v1::WatchReferralsRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<ReferralConnection> MakeReferralConnection(Options options);

// A connection over a given stub (e.g. the generated MockReferralServiceStub in
// tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<ReferralConnection> MakeReferralConnection(
    std::shared_ptr<wor::v1::ReferralService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_REFERRAL_CONNECTION_H_
