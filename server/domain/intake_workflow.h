// The coach's verbs on a referral: contact attempts, the intake (scheduled,
// then held and scored), the chosen activity and the closing. Each goes
// through ReferralMutator, so retries, etags, the state machine and the
// outbox behave the same as for the referral's own verbs.
//
// Thread-safe. Does not own its dependencies.
#ifndef WOR_SERVER_DOMAIN_INTAKE_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_INTAKE_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/domain/referral_mutator.h"
#include "server/domain/region_directory.h"
#include "server/store/store.h"
#include "wor/v1/intake_service.pb.h"

namespace wor::server {

class IntakeWorkflow {
 public:
  IntakeWorkflow(Store* store, const Clock* clock,
                 const RegionDirectory* region);

  absl::StatusOr<wor::v1::Referral> RecordContactAttempt(
      const CallContext& call,
      const wor::v1::RecordContactAttemptRequest& request);
  absl::StatusOr<wor::v1::Referral> ScheduleIntake(
      const CallContext& call, const wor::v1::ScheduleIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> RecordIntake(
      const CallContext& call, const wor::v1::RecordIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> ChooseActivity(
      const CallContext& call, const wor::v1::ChooseActivityRequest& request);
  absl::StatusOr<wor::v1::Referral> Complete(
      const CallContext& call, const wor::v1::CompleteReferralRequest& request);

 private:
  const Clock* clock_;
  const RegionDirectory* region_;
  ReferralMutator mutator_;
};

// How far ahead an intake may be booked.
inline constexpr absl::Duration kLongestIntakeBookingAhead =
    absl::Hours(24 * 366);
// How far in the past a booked time may lie (a coach entering it just after).
inline constexpr absl::Duration kIntakeBookingGrace = absl::Minutes(15);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_INTAKE_WORKFLOW_H_
