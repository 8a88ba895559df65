#include "server/service/intake_service.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status IntakeServiceImpl::RecordContactAttempt(
    grpc::ServerContext*, const wor::v1::RecordContactAttemptRequest* request,
    wor::v1::RecordContactAttemptResponse* response) {
  return runner_->Run("RecordContactAttempt", [&] {
    return Deliver(workflow_->RecordContactAttempt(*request),
                   [&](wor::v1::Referral r) {
                     *response->mutable_referral() = std::move(r);
                   });
  });
}

grpc::Status IntakeServiceImpl::ScheduleIntake(
    grpc::ServerContext*, const wor::v1::ScheduleIntakeRequest* request,
    wor::v1::ScheduleIntakeResponse* response) {
  return runner_->Run("ScheduleIntake", [&] {
    return Deliver(workflow_->ScheduleIntake(*request),
                   [&](wor::v1::Referral r) {
                     *response->mutable_referral() = std::move(r);
                   });
  });
}

grpc::Status IntakeServiceImpl::RecordIntake(
    grpc::ServerContext*, const wor::v1::RecordIntakeRequest* request,
    wor::v1::RecordIntakeResponse* response) {
  return runner_->Run("RecordIntake", [&] {
    return Deliver(workflow_->RecordIntake(*request), [&](wor::v1::Referral r) {
      *response->mutable_referral() = std::move(r);
    });
  });
}

grpc::Status IntakeServiceImpl::ChooseActivity(
    grpc::ServerContext*, const wor::v1::ChooseActivityRequest* request,
    wor::v1::ChooseActivityResponse* response) {
  return runner_->Run("ChooseActivity", [&] {
    return Deliver(workflow_->ChooseActivity(*request),
                   [&](wor::v1::Referral r) {
                     *response->mutable_referral() = std::move(r);
                   });
  });
}

grpc::Status IntakeServiceImpl::CompleteReferral(
    grpc::ServerContext*, const wor::v1::CompleteReferralRequest* request,
    wor::v1::CompleteReferralResponse* response) {
  return runner_->Run("CompleteReferral", [&] {
    return Deliver(workflow_->Complete(*request), [&](wor::v1::Referral r) {
      *response->mutable_referral() = std::move(r);
    });
  });
}

}  // namespace wor::server
