// The measures monitoring counts of a referral (Referral.milestones): the
// referral date and age band, set once at creation, and the working days to
// first contact and to the intake, set once when each happens. Partner
// statistics and the pseudonymised export read them; they hold no personal
// data (an age band, not a birth date).
//
// Thread-safety: pure functions over the referral they are given.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_MILESTONES_H_
#define WOR_SERVER_DOMAIN_REFERRAL_MILESTONES_H_

#include "absl/time/time.h"
#include "server/domain/deadline_policy.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// Sets the referral date (the local day of `created`) and, when the patient's
// birth date is given, the age band on that day.
void StartMilestones(const DeadlinePolicy& policy, absl::Time created,
                     wor::v1::Referral& referral);

// Records the working days to first contact once the first-contact target is
// met, and to the intake once it is held, each less the working days the
// clock was paused. Leaves values already recorded alone.
void RecordMilestones(const DeadlinePolicy& policy,
                      wor::v1::Referral& referral);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_MILESTONES_H_
