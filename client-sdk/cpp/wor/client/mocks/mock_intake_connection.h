// A gMock IntakeConnection for unit tests of code that uses IntakeClient:
//
//   auto mock = std::make_shared<wor::client::mocks::MockIntakeConnection>();
//   EXPECT_CALL(*mock, RecordContactAttempt).WillOnce(…);
//   wor::client::IntakeClient client(mock);
#ifndef WOR_CLIENT_MOCKS_MOCK_INTAKE_CONNECTION_H_
#define WOR_CLIENT_MOCKS_MOCK_INTAKE_CONNECTION_H_

#include <memory>

#include "gmock/gmock.h"
#include "wor/client/intake_connection.h"

namespace wor::client::mocks {

class MockIntakeConnection : public wor::client::IntakeConnection {
 public:
  MOCK_METHOD(absl::StatusOr<wor::v1::RecordContactAttemptResponse>,
              RecordContactAttempt,
              (const wor::v1::RecordContactAttemptRequest& request),
              (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::FindIntakeSlotsResponse>, FindIntakeSlots,
              (const wor::v1::FindIntakeSlotsRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::ScheduleIntakeResponse>, ScheduleIntake,
              (const wor::v1::ScheduleIntakeRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::CancelIntakeResponse>, CancelIntake,
              (const wor::v1::CancelIntakeRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::RecordIntakeNoShowResponse>,
              RecordIntakeNoShow,
              (const wor::v1::RecordIntakeNoShowRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::RecordIntakeResponse>, RecordIntake,
              (const wor::v1::RecordIntakeRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::ChooseActivityResponse>, ChooseActivity,
              (const wor::v1::ChooseActivityRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::CompleteReferralResponse>,
              CompleteReferral,
              (const wor::v1::CompleteReferralRequest& request), (override));
  MOCK_METHOD(absl::StatusOr<wor::v1::LogCoachTimeResponse>, LogCoachTime,
              (const wor::v1::LogCoachTimeRequest& request), (override));
};

}  // namespace wor::client::mocks

#endif  // WOR_CLIENT_MOCKS_MOCK_INTAKE_CONNECTION_H_
