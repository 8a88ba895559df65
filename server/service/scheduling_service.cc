#include "server/service/scheduling_service.h"

#include "server/service/service_call.h"

namespace wor::server {

// Coach availability.

grpc::Status SchedulingServiceImpl::GetCoachAvailability(
    grpc::ServerContext* context, const wor::v1::GetCoachAvailabilityRequest*,
    wor::v1::GetCoachAvailabilityResponse*) {
  return runner_->Run(context, "wor.v1.SchedulingService.GetCoachAvailability",
                      [](const CallContext&) {
                        return absl::UnimplementedError(
                            "coach availability is not available yet");
                      });
}

grpc::Status SchedulingServiceImpl::UpdateCoachAvailability(
    grpc::ServerContext* context,
    const wor::v1::UpdateCoachAvailabilityRequest*,
    wor::v1::UpdateCoachAvailabilityResponse*) {
  return runner_->Run(context,
                      "wor.v1.SchedulingService.UpdateCoachAvailability",
                      [](const CallContext&) {
                        return absl::UnimplementedError(
                            "coach availability is not available yet");
                      });
}

// Calendar export.

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
