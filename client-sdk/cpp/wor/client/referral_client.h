// ReferralClient: wor.v1.ReferralService, referrals: create, read, list, the
// lifecycle verbs, and the event stream.
//
//   wor::client::ReferralClient client(
//       wor::client::MakeReferralConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_REFERRAL_CLIENT_H_
#define WOR_CLIENT_REFERRAL_CLIENT_H_

#include <memory>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/referral_connection.h"

namespace wor::client {

class ReferralClient {
 public:
  explicit ReferralClient(std::shared_ptr<ReferralConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::Referral> CreateReferral(
      const wor::v1::CreateReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> GetReferral(
      const wor::v1::GetReferralRequest& request);
  StreamRange<wor::v1::Referral> ListReferrals(
      wor::v1::ListReferralsRequest request);
  absl::StatusOr<wor::v1::Referral> AcceptReferral(
      const wor::v1::AcceptReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> RejectReferral(
      const wor::v1::RejectReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> CancelReferral(
      const wor::v1::CancelReferralRequest& request);
  absl::StatusOr<wor::v1::Referral> PutReferralOnHold(
      const wor::v1::PutReferralOnHoldRequest& request);
  absl::StatusOr<wor::v1::Referral> ResumeReferral(
      const wor::v1::ResumeReferralRequest& request);
  std::unique_ptr<ReferralEventStream> WatchReferrals(
      const wor::v1::WatchReferralsRequest& request);

  // Shorthands for the common calls.
  absl::StatusOr<wor::v1::Referral> CreateReferral(wor::v1::Referral referral);
  absl::StatusOr<wor::v1::Referral> GetReferral(std::string name);
  absl::StatusOr<wor::v1::Referral> AcceptReferral(std::string name,
                                                   std::string etag = "");
  absl::StatusOr<wor::v1::Referral> ResumeReferral(std::string name,
                                                   std::string etag = "");
  // Every referral the caller may see, oldest first.
  StreamRange<wor::v1::Referral> ListReferrals();
  // The events after `resume_token` (from the first kept when empty).
  std::unique_ptr<ReferralEventStream> WatchReferrals(
      std::string resume_token = "");

 private:
  std::shared_ptr<ReferralConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_REFERRAL_CLIENT_H_
