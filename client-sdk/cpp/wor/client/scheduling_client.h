// SchedulingClient: wor.v1.SchedulingService, coaches' availability and their
// calendar export.
//
//   wor::client::SchedulingClient client(
//       wor::client::MakeSchedulingConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_SCHEDULING_CLIENT_H_
#define WOR_CLIENT_SCHEDULING_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/scheduling_connection.h"

namespace wor::client {

class SchedulingClient {
 public:
  explicit SchedulingClient(std::shared_ptr<SchedulingConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::CoachAvailability> GetCoachAvailability(
      const wor::v1::GetCoachAvailabilityRequest& request);
  absl::StatusOr<wor::v1::CoachAvailability> UpdateCoachAvailability(
      const wor::v1::UpdateCoachAvailabilityRequest& request);
  absl::StatusOr<wor::v1::ExportCoachCalendarResponse> ExportCoachCalendar(
      const wor::v1::ExportCoachCalendarRequest& request);

 private:
  std::shared_ptr<SchedulingConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_SCHEDULING_CLIENT_H_
