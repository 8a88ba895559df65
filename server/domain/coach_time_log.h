// Coach time per referral (IntakeService.LogCoachTime), the basis of the
// funders' budget report. The calling coach logs minutes on one day for a
// referral of their organisation; a retried request_id logs once; the
// access is audited. Holds no personal data.
//
// Thread-safe: the store serialises transactions.
#ifndef WOR_SERVER_DOMAIN_COACH_TIME_LOG_H_
#define WOR_SERVER_DOMAIN_COACH_TIME_LOG_H_

#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"
#include "wor/v1/intake_service.pb.h"

namespace wor::server {

class CoachTimeLog {
 public:
  CoachTimeLog(Store* store, const Clock* clock, const RegionDirectory* region)
      : store_(store), clock_(clock), region_(region), audit_(store, clock) {}

  // INVALID_ARGUMENT naming the field for a bad name, day (missing or in the
  // future), minutes (1-1440) or request_id; NOT_FOUND for a referral that
  // is missing or not the caller's organisation's; FAILED_PRECONDITION for
  // a referral not yet accepted.
  absl::StatusOr<wor::v1::CoachTimeEntry> Log(
      const CallContext& call, const wor::v1::LogCoachTimeRequest& request);

 private:
  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_COACH_TIME_LOG_H_
