// ReferralFormClient: wor.v1.ReferralFormService, the referral form of a
// region: questions, checks and consent texts.
//
//   wor::client::ReferralFormClient client(
//       wor::client::MakeReferralFormConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_REFERRAL_FORM_CLIENT_H_
#define WOR_CLIENT_REFERRAL_FORM_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/referral_form_connection.h"

namespace wor::client {

class ReferralFormClient {
 public:
  explicit ReferralFormClient(
      std::shared_ptr<ReferralFormConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::ReferralForm> GetReferralForm(
      const wor::v1::GetReferralFormRequest& request);

 private:
  std::shared_ptr<ReferralFormConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_REFERRAL_FORM_CLIENT_H_
