#include "wor/client/referral_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::Referral> ReferralClient::CreateReferral(
    const wor::v1::CreateReferralRequest& request) {
  auto response = connection_->CreateReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> ReferralClient::GetReferral(
    const wor::v1::GetReferralRequest& request) {
  auto response = connection_->GetReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

StreamRange<wor::v1::Referral> ReferralClient::ListReferrals(
    wor::v1::ListReferralsRequest request) {
  return connection_->ListReferrals(std::move(request));
}

absl::StatusOr<wor::v1::Referral> ReferralClient::AcceptReferral(
    const wor::v1::AcceptReferralRequest& request) {
  auto response = connection_->AcceptReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> ReferralClient::RejectReferral(
    const wor::v1::RejectReferralRequest& request) {
  auto response = connection_->RejectReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> ReferralClient::CancelReferral(
    const wor::v1::CancelReferralRequest& request) {
  auto response = connection_->CancelReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> ReferralClient::PutReferralOnHold(
    const wor::v1::PutReferralOnHoldRequest& request) {
  auto response = connection_->PutReferralOnHold(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> ReferralClient::ResumeReferral(
    const wor::v1::ResumeReferralRequest& request) {
  auto response = connection_->ResumeReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

std::unique_ptr<ReferralEventStream> ReferralClient::WatchReferrals(
    const wor::v1::WatchReferralsRequest& request) {
  return connection_->WatchReferrals(request);
}

absl::StatusOr<wor::v1::Referral> ReferralClient::CreateReferral(
    wor::v1::Referral referral) {
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = std::move(referral);
  return CreateReferral(request);
}

absl::StatusOr<wor::v1::Referral> ReferralClient::GetReferral(
    std::string name) {
  wor::v1::GetReferralRequest request;
  request.set_name(std::move(name));
  return GetReferral(request);
}

absl::StatusOr<wor::v1::Referral> ReferralClient::AcceptReferral(
    std::string name, std::string etag) {
  wor::v1::AcceptReferralRequest request;
  request.set_name(std::move(name));
  request.set_etag(std::move(etag));
  return AcceptReferral(request);
}

absl::StatusOr<wor::v1::Referral> ReferralClient::ResumeReferral(
    std::string name, std::string etag) {
  wor::v1::ResumeReferralRequest request;
  request.set_name(std::move(name));
  request.set_etag(std::move(etag));
  return ResumeReferral(request);
}

StreamRange<wor::v1::Referral> ReferralClient::ListReferrals() {
  return ListReferrals(wor::v1::ListReferralsRequest());
}

std::unique_ptr<ReferralEventStream> ReferralClient::WatchReferrals(
    std::string resume_token) {
  wor::v1::WatchReferralsRequest request;
  request.set_resume_token(std::move(resume_token));
  return WatchReferrals(request);
}

}  // namespace wor::client
