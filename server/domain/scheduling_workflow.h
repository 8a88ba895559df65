// Coaches' published availability (SchedulingService Get/Update): a coach
// reads and replaces their own, a coordinator those of any coach of their
// welfare organisation. Anyone else gets the same NOT_FOUND as for a name
// that does not exist, and the attempt is audited as denied. Availability
// holds no patient data, so allowed calls write no access record.
//
// Thread-safe. Does not own its dependencies.
#ifndef WOR_SERVER_DOMAIN_SCHEDULING_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_SCHEDULING_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/store.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::server {

class SchedulingWorkflow {
 public:
  SchedulingWorkflow(Store* store, const Clock* clock)
      : store_(store), audit_(store, clock) {}

  // The availability with its etag; empty (etag of revision 0) when never
  // published.
  absl::StatusOr<wor::v1::CoachAvailability> GetCoachAvailability(
      const CallContext& call,
      const wor::v1::GetCoachAvailabilityRequest& request);

  // Replaces the availability as a whole after validating it; a stale etag
  // is ABORTED, no etag replaces unconditionally.
  absl::StatusOr<wor::v1::CoachAvailability> UpdateCoachAvailability(
      const CallContext& call,
      const wor::v1::UpdateCoachAvailabilityRequest& request);

 private:
  Store* store_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_SCHEDULING_WORKFLOW_H_
