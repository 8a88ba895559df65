#include "server/service/scheduling_service.h"

#include "server/service/service_call.h"

namespace wor::server {

grpc::Status SchedulingServiceImpl::GetCoachAvailability(
    grpc::ServerContext* context,
    const wor::v1::GetCoachAvailabilityRequest* request,
    wor::v1::GetCoachAvailabilityResponse* response) {
  return runner_->Run(context, "wor.v1.SchedulingService.GetCoachAvailability",
                      [&](const CallContext& call) {
                        return Deliver(
                            workflow_->GetCoachAvailability(call, *request),
                            [&](wor::v1::CoachAvailability a) {
                              *response->mutable_availability() = std::move(a);
                            });
                      });
}

grpc::Status SchedulingServiceImpl::UpdateCoachAvailability(
    grpc::ServerContext* context,
    const wor::v1::UpdateCoachAvailabilityRequest* request,
    wor::v1::UpdateCoachAvailabilityResponse* response) {
  return runner_->Run(
      context, "wor.v1.SchedulingService.UpdateCoachAvailability",
      [&](const CallContext& call) {
        return Deliver(workflow_->UpdateCoachAvailability(call, *request),
                       [&](wor::v1::CoachAvailability a) {
                         *response->mutable_availability() = std::move(a);
                       });
      });
}

grpc::Status SchedulingServiceImpl::ExportCoachCalendar(
    grpc::ServerContext* context,
    const wor::v1::ExportCoachCalendarRequest* request,
    wor::v1::ExportCoachCalendarResponse* response) {
  return runner_->Run(context, "wor.v1.SchedulingService.ExportCoachCalendar",
                      [&](const CallContext& call) {
                        return Deliver(
                            calendar_export_->Export(call, *request),
                            [&](wor::v1::ExportCoachCalendarResponse r) {
                              *response = std::move(r);
                            });
                      });
}

}  // namespace wor::server
