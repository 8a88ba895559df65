#include "wor/client/intake_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::Referral> IntakeClient::RecordContactAttempt(
    const wor::v1::RecordContactAttemptRequest& request) {
  auto response = connection_->RecordContactAttempt(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::FindIntakeSlotsResponse> IntakeClient::FindIntakeSlots(
    const wor::v1::FindIntakeSlotsRequest& request) {
  return connection_->FindIntakeSlots(request);
}

absl::StatusOr<wor::v1::Referral> IntakeClient::ScheduleIntake(
    const wor::v1::ScheduleIntakeRequest& request) {
  auto response = connection_->ScheduleIntake(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> IntakeClient::CancelIntake(
    const wor::v1::CancelIntakeRequest& request) {
  auto response = connection_->CancelIntake(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> IntakeClient::RecordIntakeNoShow(
    const wor::v1::RecordIntakeNoShowRequest& request) {
  auto response = connection_->RecordIntakeNoShow(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> IntakeClient::RecordIntake(
    const wor::v1::RecordIntakeRequest& request) {
  auto response = connection_->RecordIntake(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> IntakeClient::ChooseActivity(
    const wor::v1::ChooseActivityRequest& request) {
  auto response = connection_->ChooseActivity(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::Referral> IntakeClient::CompleteReferral(
    const wor::v1::CompleteReferralRequest& request) {
  auto response = connection_->CompleteReferral(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_referral());
}

absl::StatusOr<wor::v1::CoachTimeEntry> IntakeClient::LogCoachTime(
    const wor::v1::LogCoachTimeRequest& request) {
  auto response = connection_->LogCoachTime(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_entry());
}

}  // namespace wor::client
