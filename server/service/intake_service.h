// wor.v1.IntakeService over the intake workflow. Thread-safe.
#ifndef WOR_SERVER_SERVICE_INTAKE_SERVICE_H_
#define WOR_SERVER_SERVICE_INTAKE_SERVICE_H_

#include "server/domain/coach_time_log.h"
#include "server/domain/intake_workflow.h"
#include "server/service/rpc_runner.h"
#include "wor/v1/intake_service.grpc.pb.h"

namespace wor::server {

class IntakeServiceImpl final : public wor::v1::IntakeService::Service {
 public:
  IntakeServiceImpl(IntakeWorkflow* workflow, CoachTimeLog* time_log,
                    const RpcRunner* runner)
      : workflow_(workflow), time_log_(time_log), runner_(runner) {}

  grpc::Status RecordContactAttempt(
      grpc::ServerContext* context,
      const wor::v1::RecordContactAttemptRequest* request,
      wor::v1::RecordContactAttemptResponse* response) override;
  grpc::Status FindIntakeSlots(
      grpc::ServerContext* context,
      const wor::v1::FindIntakeSlotsRequest* request,
      wor::v1::FindIntakeSlotsResponse* response) override;
  grpc::Status CancelIntake(grpc::ServerContext* context,
                            const wor::v1::CancelIntakeRequest* request,
                            wor::v1::CancelIntakeResponse* response) override;
  grpc::Status RecordIntakeNoShow(
      grpc::ServerContext* context,
      const wor::v1::RecordIntakeNoShowRequest* request,
      wor::v1::RecordIntakeNoShowResponse* response) override;
  grpc::Status ScheduleIntake(
      grpc::ServerContext* context,
      const wor::v1::ScheduleIntakeRequest* request,
      wor::v1::ScheduleIntakeResponse* response) override;
  grpc::Status RecordIntake(grpc::ServerContext* context,
                            const wor::v1::RecordIntakeRequest* request,
                            wor::v1::RecordIntakeResponse* response) override;
  grpc::Status ChooseActivity(
      grpc::ServerContext* context,
      const wor::v1::ChooseActivityRequest* request,
      wor::v1::ChooseActivityResponse* response) override;
  grpc::Status CompleteReferral(
      grpc::ServerContext* context,
      const wor::v1::CompleteReferralRequest* request,
      wor::v1::CompleteReferralResponse* response) override;
  grpc::Status LogCoachTime(grpc::ServerContext* context,
                            const wor::v1::LogCoachTimeRequest* request,
                            wor::v1::LogCoachTimeResponse* response) override;

 private:
  IntakeWorkflow* workflow_;
  CoachTimeLog* time_log_;
  const RpcRunner* runner_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_INTAKE_SERVICE_H_
