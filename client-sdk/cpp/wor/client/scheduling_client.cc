#include "wor/client/scheduling_client.h"

#include <utility>

namespace wor::client {

absl::StatusOr<wor::v1::CoachAvailability>
SchedulingClient::GetCoachAvailability(
    const wor::v1::GetCoachAvailabilityRequest& request) {
  auto response = connection_->GetCoachAvailability(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_availability());
}

absl::StatusOr<wor::v1::CoachAvailability>
SchedulingClient::UpdateCoachAvailability(
    const wor::v1::UpdateCoachAvailabilityRequest& request) {
  auto response = connection_->UpdateCoachAvailability(request);
  if (!response.ok()) return std::move(response).status();
  return std::move(*response->mutable_availability());
}

absl::StatusOr<wor::v1::ExportCoachCalendarResponse>
SchedulingClient::ExportCoachCalendar(
    const wor::v1::ExportCoachCalendarRequest& request) {
  return connection_->ExportCoachCalendar(request);
}

}  // namespace wor::client
