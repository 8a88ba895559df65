#include "server/domain/referral_milestones.h"

#include <algorithm>
#include <string>

#include "server/domain/age_bands.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

// Working days from the referral date to the local day of `when`, less the
// days the clock was paused; never negative.
int WorkingDaysSinceReferral(const DeadlinePolicy& policy,
                             const wor::v1::Referral& referral, absl::Time when,
                             int paused_working_days) {
  const absl::CivilDay start =
      FromLocalDate(referral.milestones().referral_date());
  const int days =
      policy.calendar().WorkingDaysBetween(start, policy.LocalDay(when));
  return std::max(0, days - paused_working_days);
}

}  // namespace

void StartMilestones(const DeadlinePolicy& policy, absl::Time created,
                     wor::v1::Referral& referral) {
  wor::v1::ReferralMilestones& milestones = *referral.mutable_milestones();
  const absl::CivilDay day = policy.LocalDay(created);
  *milestones.mutable_referral_date() = ToLocalDate(day);
  if (referral.patient().has_birth_date()) {
    const absl::CivilDay birth = FromLocalDate(referral.patient().birth_date());
    milestones.set_age_band(std::string(AgeBandLabel(AgeBandOf(birth, day))));
  }
}

void RecordMilestones(const DeadlinePolicy& policy,
                      wor::v1::Referral& referral) {
  if (!referral.has_milestones()) return;  // made before milestones existed
  wor::v1::ReferralMilestones& milestones = *referral.mutable_milestones();
  const wor::v1::Deadline& contact =
      referral.deadlines().first_contact_target();
  if (!milestones.has_working_days_to_contact() && contact.has_met_time()) {
    milestones.set_working_days_to_contact(WorkingDaysSinceReferral(
        policy, referral, FromTimestamp(contact.met_time()),
        contact.paused_working_days()));
  }
  if (!milestones.has_working_days_to_intake() &&
      referral.intake().has_held_time()) {
    milestones.set_working_days_to_intake(WorkingDaysSinceReferral(
        policy, referral, FromTimestamp(referral.intake().held_time()),
        referral.deadlines().intake().paused_working_days()));
  }
}

}  // namespace wor::server
