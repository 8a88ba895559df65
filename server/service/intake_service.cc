#include "server/service/intake_service.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status IntakeServiceImpl::RecordContactAttempt(
    grpc::ServerContext* context,
    const wor::v1::RecordContactAttemptRequest* request,
    wor::v1::RecordContactAttemptResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.RecordContactAttempt",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->RecordContactAttempt(call, *request),
                            [&](wor::v1::Referral r) {
                              *response->mutable_referral() = std::move(r);
                            });
                      });
}

grpc::Status IntakeServiceImpl::ScheduleIntake(
    grpc::ServerContext* context, const wor::v1::ScheduleIntakeRequest* request,
    wor::v1::ScheduleIntakeResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.ScheduleIntake",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->ScheduleIntake(call, *request),
                            [&](wor::v1::Referral r) {
                              *response->mutable_referral() = std::move(r);
                            });
                      });
}

grpc::Status IntakeServiceImpl::FindIntakeSlots(
    grpc::ServerContext* context,
    const wor::v1::FindIntakeSlotsRequest* request,
    wor::v1::FindIntakeSlotsResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.FindIntakeSlots",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->FindIntakeSlots(call, *request),
                            [&](wor::v1::FindIntakeSlotsResponse r) {
                              *response = std::move(r);
                            });
                      });
}

grpc::Status IntakeServiceImpl::CancelIntake(
    grpc::ServerContext* context, const wor::v1::CancelIntakeRequest* request,
    wor::v1::CancelIntakeResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.CancelIntake",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->CancelIntake(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status IntakeServiceImpl::RecordIntakeNoShow(
    grpc::ServerContext* context,
    const wor::v1::RecordIntakeNoShowRequest* request,
    wor::v1::RecordIntakeNoShowResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.RecordIntakeNoShow",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->RecordIntakeNoShow(call, *request),
                            [&](wor::v1::Referral r) {
                              *response->mutable_referral() = std::move(r);
                            });
                      });
}

grpc::Status IntakeServiceImpl::RecordIntake(
    grpc::ServerContext* context, const wor::v1::RecordIntakeRequest* request,
    wor::v1::RecordIntakeResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.RecordIntake",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->RecordIntake(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status IntakeServiceImpl::ChooseActivity(
    grpc::ServerContext* context, const wor::v1::ChooseActivityRequest* request,
    wor::v1::ChooseActivityResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.ChooseActivity",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->ChooseActivity(call, *request),
                            [&](wor::v1::Referral r) {
                              *response->mutable_referral() = std::move(r);
                            });
                      });
}

grpc::Status IntakeServiceImpl::CompleteReferral(
    grpc::ServerContext* context,
    const wor::v1::CompleteReferralRequest* request,
    wor::v1::CompleteReferralResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.CompleteReferral",
                      [&](const CallContext& call) {
                        return Deliver(workflow_->Complete(call, *request),
                                       [&](wor::v1::Referral r) {
                                         *response->mutable_referral() =
                                             std::move(r);
                                       });
                      });
}

grpc::Status IntakeServiceImpl::LogCoachTime(
    grpc::ServerContext* context, const wor::v1::LogCoachTimeRequest* request,
    wor::v1::LogCoachTimeResponse* response) {
  return runner_->Run(context, "wor.v1.IntakeService.LogCoachTime",
                      [&](const CallContext& call) {
                        return Deliver(time_log_->Log(call, *request),
                                       [&](wor::v1::CoachTimeEntry entry) {
                                         *response->mutable_entry() =
                                             std::move(entry);
                                       });
                      });
}

}  // namespace wor::server
