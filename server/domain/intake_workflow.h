// The coach's verbs on a referral: contact attempts, the intake (booked
// with a coach, rescheduled, cancelled or missed, then held and scored), the
// chosen activity and the closing. Each goes through ReferralMutator, so
// retries, etags, the state machine and the outbox behave the same as for
// the referral's own verbs. FindIntakeSlots is an audited read of the
// referral that proposes free slots of a coach (intake_slot_finder.h).
//
// Thread-safe. Does not own its dependencies.
#ifndef WOR_SERVER_DOMAIN_INTAKE_WORKFLOW_H_
#define WOR_SERVER_DOMAIN_INTAKE_WORKFLOW_H_

#include "absl/status/statusor.h"
#include "server/domain/access_audit.h"
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
  absl::StatusOr<wor::v1::FindIntakeSlotsResponse> FindIntakeSlots(
      const CallContext& call, const wor::v1::FindIntakeSlotsRequest& request);
  // Books (CONTACTED) or reschedules (INTAKE_SCHEDULED) the intake with a
  // coach: the coach's other bookings must not overlap, and a time past the
  // running intake deadline needs a late reason (intake_booking.h).
  absl::StatusOr<wor::v1::Referral> ScheduleIntake(
      const CallContext& call, const wor::v1::ScheduleIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> CancelIntake(
      const CallContext& call, const wor::v1::CancelIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> RecordIntakeNoShow(
      const CallContext& call,
      const wor::v1::RecordIntakeNoShowRequest& request);
  absl::StatusOr<wor::v1::Referral> RecordIntake(
      const CallContext& call, const wor::v1::RecordIntakeRequest& request);
  absl::StatusOr<wor::v1::Referral> ChooseActivity(
      const CallContext& call, const wor::v1::ChooseActivityRequest& request);
  absl::StatusOr<wor::v1::Referral> Complete(
      const CallContext& call, const wor::v1::CompleteReferralRequest& request);

 private:
  Store* store_;
  const Clock* clock_;
  const RegionDirectory* region_;
  AccessAudit audit_;
  ReferralMutator mutator_;
};

// How many slots FindIntakeSlots proposes by default, and at most.
inline constexpr int kDefaultIntakeSlots = 5;
inline constexpr int kMostIntakeSlots = 20;

// How far ahead an intake may be booked.
inline constexpr absl::Duration kLongestIntakeBookingAhead =
    absl::Hours(24 * 366);
// How far in the past a booked time may lie (a coach entering it just after).
inline constexpr absl::Duration kIntakeBookingGrace = absl::Minutes(15);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_INTAKE_WORKFLOW_H_
