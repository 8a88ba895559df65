// wor.v1.SchedulingService: coaches' availability (SchedulingWorkflow) and
// their calendar as iCalendar (CoachCalendarExport). Thread-safe.
#ifndef WOR_SERVER_SERVICE_SCHEDULING_SERVICE_H_
#define WOR_SERVER_SERVICE_SCHEDULING_SERVICE_H_

#include "server/domain/coach_calendar_export.h"
#include "server/domain/scheduling_workflow.h"
#include "server/service/rpc_runner.h"
#include "wor/v1/scheduling_service.grpc.pb.h"

namespace wor::server {

class SchedulingServiceImpl final : public wor::v1::SchedulingService::Service {
 public:
  SchedulingServiceImpl(SchedulingWorkflow* workflow,
                        const CoachCalendarExport* calendar_export,
                        const RpcRunner* runner)
      : workflow_(workflow),
        calendar_export_(calendar_export),
        runner_(runner) {}

  grpc::Status GetCoachAvailability(
      grpc::ServerContext* context,
      const wor::v1::GetCoachAvailabilityRequest* request,
      wor::v1::GetCoachAvailabilityResponse* response) override;
  grpc::Status UpdateCoachAvailability(
      grpc::ServerContext* context,
      const wor::v1::UpdateCoachAvailabilityRequest* request,
      wor::v1::UpdateCoachAvailabilityResponse* response) override;
  grpc::Status ExportCoachCalendar(
      grpc::ServerContext* context,
      const wor::v1::ExportCoachCalendarRequest* request,
      wor::v1::ExportCoachCalendarResponse* response) override;

 private:
  SchedulingWorkflow* workflow_;
  const CoachCalendarExport* calendar_export_;
  const RpcRunner* runner_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_SERVICE_SCHEDULING_SERVICE_H_
