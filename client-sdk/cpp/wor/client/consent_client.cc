#include "wor/client/consent_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::ConsentRecord> ConsentClient::RecordConsent(
    const wor::v1::RecordConsentRequest& request) {
  auto response = connection_->RecordConsent(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_consent());
}

absl::StatusOr<wor::v1::ConsentRecord> ConsentClient::GetConsent(
    const wor::v1::GetConsentRequest& request) {
  auto response = connection_->GetConsent(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_consent());
}

absl::StatusOr<wor::v1::ConsentRecord> ConsentClient::RevokeConsent(
    const wor::v1::RevokeConsentRequest& request) {
  auto response = connection_->RevokeConsent(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_consent());
}

absl::StatusOr<wor::v1::GetConsentReceiptResponse>
ConsentClient::GetConsentReceipt(
    const wor::v1::GetConsentReceiptRequest& request) {
  return connection_->GetConsentReceipt(request);
}

}  // namespace wor::client
