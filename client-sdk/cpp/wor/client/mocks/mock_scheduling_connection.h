// A gMock SchedulingConnection for unit tests of code that uses
// SchedulingClient:
//
//   auto mock =
//   std::make_shared<wor::client::mocks::MockSchedulingConnection>();
//   EXPECT_CALL(*mock, GetCoachAvailability).WillOnce(…);
//   wor::client::SchedulingClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_SCHEDULING_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_SCHEDULING_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/scheduling_connection.h"

namespace wor::client::mocks {

class MockSchedulingConnection : public wor::client::SchedulingConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::GetCoachAvailabilityResponse>,
              GetCoachAvailability,
              (const wor::v1::GetCoachAvailabilityRequest& request),
              (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::UpdateCoachAvailabilityResponse>,
              UpdateCoachAvailability,
              (const wor::v1::UpdateCoachAvailabilityRequest& request),
              (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::ExportCoachCalendarResponse>,
              ExportCoachCalendar,
              (const wor::v1::ExportCoachCalendarRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_SCHEDULING_CONNECTION_H_
