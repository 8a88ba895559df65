// A referral as partner reporting counts it: codes, numbers and the
// server's patient pseudonym, nothing personal. Stores keep one row of facts
// per referral, derived from the referral on every write (FactsOf), so that
// statistics over a million referrals read narrow rows instead of opening
// every referral.
//
// Thread-safety: plain values and a pure function.
#ifndef WOR_SERVER_STORE_REFERRAL_FACTS_H_
#define WOR_SERVER_STORE_REFERRAL_FACTS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// Scores per Positive Health dimension, in the order of
// wor.v1.PositiveHealthDimension (index 0 = BODILY_FUNCTIONS).
using HealthScores = std::array<std::optional<double>, 6>;

struct ReferralFacts {
  std::string referral_id;
  std::string practice_agb;
  std::string patient_pseudonym;
  absl::CivilDay referral_date;
  std::string age_band;  // "65-74"; empty when unknown
  wor::v1::ReferralRoute route = wor::v1::REFERRAL_ROUTE_UNSPECIFIED;
  wor::v1::ReferralState state = wor::v1::REFERRAL_STATE_UNSPECIFIED;
  wor::v1::ReferralOutcome outcome = wor::v1::REFERRAL_OUTCOME_UNSPECIFIED;
  uint32_t indicator_mask = 0;  // bit n set: wor.v1.Indicator n
  std::optional<int32_t> working_days_to_contact;
  bool contact_within_target = false;
  bool contact_within_limit = false;
  std::optional<int32_t> working_days_to_intake;
  // The patient consents now to MONITORING_PSEUDONYMISED.
  bool monitoring_consent = false;
  HealthScores intake_scores;
  HealthScores closing_scores;
};

// The facts of `referral`, or nullopt for a referral without milestones
// (stored before partner reporting existed), which statistics leave out.
std::optional<ReferralFacts> FactsOf(const std::string& referral_id,
                                     const wor::v1::Referral& referral);

// The scores of a PositiveHealthScores message, by dimension.
HealthScores ScoresOf(const wor::v1::PositiveHealthScores& scores);

// Which facts a scan wants: referral dates in [first_day, last_day].
struct FactsFilter {
  absl::CivilDay first_day;
  absl::CivilDay last_day;
  bool monitoring_consent_only = false;
  // False: referral_id and patient_pseudonym stay empty (statistics need
  // neither; the scan reads less).
  bool with_identifiers = true;
};

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_REFERRAL_FACTS_H_
