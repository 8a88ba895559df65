// IntakeConnection: the calls of wor.v1.IntakeService (the coach's steps:
// contact attempts, intake slots and booking, intake, activity and completion)
// as the SDK makes them: identity and deadline on every call, retries of
// idempotent calls on UNAVAILABLE, a request_id on every mutating call.
//
// Use IntakeClient (intake_client.h); implement or mock this interface
// (mocks/mock_intake_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_INTAKE_CONNECTION_H_
#define WOR_CLIENT_INTAKE_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/intake_service.grpc.pb.h"

namespace wor::client {

class IntakeConnection {
 public:
  virtual ~IntakeConnection() = default;

  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::RecordContactAttemptResponse>
  RecordContactAttempt(const wor::v1::RecordContactAttemptRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::FindIntakeSlotsResponse> FindIntakeSlots(
      const wor::v1::FindIntakeSlotsRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::ScheduleIntakeResponse> ScheduleIntake(
      const wor::v1::ScheduleIntakeRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::CancelIntakeResponse> CancelIntake(
      const wor::v1::CancelIntakeRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::RecordIntakeNoShowResponse>
  RecordIntakeNoShow(const wor::v1::RecordIntakeNoShowRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::RecordIntakeResponse> RecordIntake(
      const wor::v1::RecordIntakeRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::ChooseActivityResponse> ChooseActivity(
      const wor::v1::ChooseActivityRequest& request) = 0;
  // Sets a request_id when empty; retried on UNAVAILABLE with the same one.
  virtual absl::StatusOr<wor::v1::CompleteReferralResponse> CompleteReferral(
      const wor::v1::CompleteReferralRequest& request) = 0;
  // Mutating: retried with the same request_id (one made when empty).
  virtual absl::StatusOr<wor::v1::LogCoachTimeResponse> LogCoachTime(
      const wor::v1::LogCoachTimeRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<IntakeConnection> MakeIntakeConnection(Options options);

// A connection over a given stub (e.g. the generated MockIntakeServiceStub in
// tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<IntakeConnection> MakeIntakeConnection(
    std::shared_ptr<wor::v1::IntakeService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_INTAKE_CONNECTION_H_
