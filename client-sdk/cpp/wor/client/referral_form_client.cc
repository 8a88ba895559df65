#include "wor/client/referral_form_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::ReferralForm> ReferralFormClient::GetReferralForm(
    const wor::v1::GetReferralFormRequest& request) {
  auto response = connection_->GetReferralForm(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_form());
}

}  // namespace wor::client
