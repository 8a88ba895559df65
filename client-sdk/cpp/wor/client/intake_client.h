// IntakeClient: wor.v1.IntakeService, the coach's steps: contact attempts,
// intake slots and booking, intake, activity and completion.
//
//   wor::client::IntakeClient client(
//       wor::client::MakeIntakeConnection(options));
//
// A cheap value type over a shared connection: copy it freely; thread-safe.
// Every call returns absl::StatusOr; the status keeps the server's code and
// message (which names the wrong field or the state that forbids the verb).
#ifndef WOR_CLIENT_INTAKE_CLIENT_H_
#define WOR_CLIENT_INTAKE_CLIENT_H_

#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "wor/client/intake_connection.h"

namespace wor::client {

class IntakeClient {
 public:
  explicit IntakeClient(std::shared_ptr<IntakeConnection> connection)
      : connection_(std::move(connection)) {}

  absl::StatusOr<wor::v1::Referral> RecordContactAttempt(
      const wor::v1::RecordContactAttemptRequest& request);
  absl::StatusOr<wor::v1::FindIntakeSlotsResponse> FindIntakeSlots(
      const wor::v1::FindIntakeSlotsRequest& request);
  absl::StatusOr<wor::v1::Referral> ScheduleIntake(
      const wor::v1::ScheduleIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> CancelIntake(
      const wor::v1::CancelIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> RecordIntakeNoShow(
      const wor::v1::RecordIntakeNoShowRequest& request);
  absl::StatusOr<wor::v1::Referral> RecordIntake(
      const wor::v1::RecordIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> ChooseActivity(
      const wor::v1::ChooseActivityRequest& request);
  absl::StatusOr<wor::v1::Referral> CompleteReferral(
      const wor::v1::CompleteReferralRequest& request);
  // Time the coach spent on the referral, for the funders' budget report.
  absl::StatusOr<wor::v1::CoachTimeEntry> LogCoachTime(
      const wor::v1::LogCoachTimeRequest& request);

 private:
  std::shared_ptr<IntakeConnection> connection_;
};

}  // namespace wor::client

#endif  // WOR_CLIENT_INTAKE_CLIENT_H_
