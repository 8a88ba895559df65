// Filter predicates shared by the store implementations that filter in
// memory (the in-memory store; the SQLite store filters in SQL and uses these
// only where SQL cannot).
#ifndef WOR_SERVER_STORE_STORE_FILTERS_H_
#define WOR_SERVER_STORE_STORE_FILTERS_H_

#include <algorithm>

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
  return filter.welfare_organisation.empty() ||
         referral.welfare_organisation() == filter.welfare_organisation;
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
