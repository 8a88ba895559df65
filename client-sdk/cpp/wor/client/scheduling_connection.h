// SchedulingConnection: the calls of wor.v1.SchedulingService (coaches'
// availability and their calendar export) as the SDK makes them: identity and
// deadline on every call, retries of idempotent calls on UNAVAILABLE, a
// request_id on every mutating call.
//
// Use SchedulingClient (scheduling_client.h); implement or mock this interface
// (mocks/mock_scheduling_connection.h) to test code that uses the client.
// Implementations are thread-safe.
#ifndef WOR_CLIENT_SCHEDULING_CONNECTION_H_
#define WOR_CLIENT_SCHEDULING_CONNECTION_H_

#include <memory>

#include "absl/status/statusor.h"
#include "wor/client/options.h"
#include "wor/v1/scheduling_service.grpc.pb.h"

namespace wor::client {

class SchedulingConnection {
 public:
  virtual ~SchedulingConnection() = default;

  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::GetCoachAvailabilityResponse>
  GetCoachAvailability(const wor::v1::GetCoachAvailabilityRequest& request) = 0;
  // Retried on UNAVAILABLE only when the request carries an etag (a conditional
  // update); an unconditional update is sent once.
  virtual absl::StatusOr<wor::v1::UpdateCoachAvailabilityResponse>
  UpdateCoachAvailability(
      const wor::v1::UpdateCoachAvailabilityRequest& request) = 0;
  // Idempotent: retried on UNAVAILABLE.
  virtual absl::StatusOr<wor::v1::ExportCoachCalendarResponse>
  ExportCoachCalendar(const wor::v1::ExportCoachCalendarRequest& request) = 0;
};

// A connection to the server `options` describe.
std::shared_ptr<SchedulingConnection> MakeSchedulingConnection(Options options);

// A connection over a given stub (e.g. the generated MockSchedulingServiceStub
// in tests of the retry rules); `options` supply identity, deadline and retry.
std::shared_ptr<SchedulingConnection> MakeSchedulingConnection(
    std::shared_ptr<wor::v1::SchedulingService::StubInterface> stub,
    Options options);

}  // namespace wor::client

#endif  // WOR_CLIENT_SCHEDULING_CONNECTION_H_
