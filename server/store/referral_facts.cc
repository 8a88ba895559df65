#include "server/store/referral_facts.h"

#include <algorithm>

namespace wor::server {

HealthScores ScoresOf(const wor::v1::PositiveHealthScores& s) {
  HealthScores scores;
  if (s.has_bodily_functions()) scores[0] = s.bodily_functions();
  if (s.has_mental_wellbeing()) scores[1] = s.mental_wellbeing();
  if (s.has_meaning()) scores[2] = s.meaning();
  if (s.has_quality_of_life()) scores[3] = s.quality_of_life();
  if (s.has_participation()) scores[4] = s.participation();
  if (s.has_daily_functioning()) scores[5] = s.daily_functioning();
  return scores;
}

std::optional<ReferralFacts> FactsOf(const std::string& referral_id,
                                     const wor::v1::Referral& referral) {
  if (!referral.has_milestones()) return std::nullopt;
  const wor::v1::ReferralMilestones& m = referral.milestones();
  ReferralFacts facts;
  facts.referral_id = referral_id;
  facts.practice_agb = referral.referrer().practice_agb();
  // An erased patient's referrals keep their codes, not the link.
  if (!referral.personal_data_erased()) {
    facts.patient_pseudonym = referral.patient_pseudonym();
  }
  facts.referral_date =
      absl::CivilDay(m.referral_date().year(), m.referral_date().month(),
                     m.referral_date().day());
  facts.age_band = m.age_band();
  facts.route = referral.route();
  facts.state = referral.state();
  facts.outcome = referral.closing().outcome();
  for (int indicator : referral.indicators()) {
    if (indicator > 0 && indicator < 32)
      facts.indicator_mask |= 1u << indicator;
  }
  if (m.has_working_days_to_contact()) {
    facts.working_days_to_contact = m.working_days_to_contact();
  }
  if (m.has_working_days_to_intake()) {
    facts.working_days_to_intake = m.working_days_to_intake();
  }
  facts.contact_within_target =
      referral.deadlines().first_contact_target().status() ==
      wor::v1::DEADLINE_STATUS_MET_ON_TIME;
  facts.contact_within_limit =
      referral.deadlines().first_contact_limit().status() ==
      wor::v1::DEADLINE_STATUS_MET_ON_TIME;
  const auto& scopes = referral.consent().scopes();
  facts.monitoring_consent =
      !referral.personal_data_erased() &&
      std::find(scopes.begin(), scopes.end(),
                wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED) !=
          scopes.end();
  facts.intake_scores = ScoresOf(referral.intake().scores());
  facts.closing_scores = ScoresOf(referral.closing().scores());
  return facts;
}

}  // namespace wor::server
