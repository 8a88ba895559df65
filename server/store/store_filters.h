// Filter predicates shared by the store implementations that filter in
// memory (the in-memory store; the SQLite store filters in SQL and uses these
// only where SQL cannot).
#ifndef WOR_SERVER_STORE_STORE_FILTERS_H_
#define WOR_SERVER_STORE_STORE_FILTERS_H_

#include <algorithm>
#include <optional>
#include <string>

#include "absl/time/time.h"
#include "server/store/store.h"

namespace wor::server {

inline bool ReferralMatches(const ReferralFilter& filter,
                            const wor::v1::Referral& referral) {
  if (!filter.states.empty() &&
      std::find(filter.states.begin(), filter.states.end(), referral.state()) ==
          filter.states.end()) {
    return false;
  }
  if (!filter.practice_agb.empty() &&
      referral.referrer().practice_agb() != filter.practice_agb) {
    return false;
  }
  if (!filter.patient_pseudonym.empty() &&
      referral.patient_pseudonym() != filter.patient_pseudonym) {
    return false;
  }
  if (!filter.assigned_coach.empty() &&
      referral.assigned_coach() != filter.assigned_coach) {
    return false;
  }
  return filter.welfare_organisation.empty() ||
         referral.welfare_organisation() == filter.welfare_organisation;
}

// The booked intake a referral holds on its coach's calendar: its intake is
// BOOKED with a coach, a start and an end, and the referral has not ended
// (rejected, completed or cancelled). Every store indexes exactly these.
inline std::optional<BookedIntake> BookedIntakeOf(
    const std::string& referral_id, const wor::v1::Referral& referral) {
  const wor::v1::Intake& intake = referral.intake();
  if (intake.status() != wor::v1::APPOINTMENT_STATUS_BOOKED ||
      intake.coach().empty() || !intake.has_scheduled_time() ||
      !intake.has_end_time()) {
    return std::nullopt;
  }
  switch (referral.state()) {
    case wor::v1::REFERRAL_STATE_REJECTED:
    case wor::v1::REFERRAL_STATE_COMPLETED:
    case wor::v1::REFERRAL_STATE_CANCELLED:
      return std::nullopt;
    default:
      break;
  }
  const auto instant = [](const google::protobuf::Timestamp& ts) {
    return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
  };
  return BookedIntake{referral_id, intake.coach(),
                      instant(intake.scheduled_time()),
                      instant(intake.end_time())};
}

inline bool EventMatches(const EventFilter& filter,
                         const wor::v1::ReferralEvent& event) {
  if (!filter.practice_agb.empty() &&
      event.referral().referrer().practice_agb() != filter.practice_agb) {
    return false;
  }
  return filter.welfare_organisation.empty() ||
         event.referral().welfare_organisation() == filter.welfare_organisation;
}

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_STORE_FILTERS_H_
