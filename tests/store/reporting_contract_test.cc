// The Store contract for partner reporting, against every implementation:
// the facts of a referral kept with it on every write, scanned by period
// and consent, and coach time.
#include <map>
#include <string>
#include <vector>

#include "tests/store/store_contract_fixture.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

wor::v1::Referral WithMilestones(const std::string& id, int day_of_month) {
  wor::v1::Referral referral = MakeReferral(id);
  auto* date = referral.mutable_milestones()->mutable_referral_date();
  date->set_year(2026);
  date->set_month(4);
  date->set_day(day_of_month);
  referral.mutable_milestones()->set_age_band("65-74");
  referral.add_indicators(wor::v1::INDICATOR_LONELINESS);
  return referral;
}

class ReportingContractTest : public StoreContractTest {
 protected:
  std::map<std::string, ReferralFacts> Scan(FactsFilter filter) {
    std::map<std::string, ReferralFacts> seen;
    EXPECT_THAT(
        store_->ScanReferralFacts(
            filter, [&](const ReferralFacts& f) { seen[f.referral_id] = f; }),
        IsOk());
    return seen;
  }
  static FactsFilter April() {
    return FactsFilter{.first_day = absl::CivilDay(2026, 4, 1),
                       .last_day = absl::CivilDay(2026, 4, 30)};
  }
};

TEST_P(ReportingContractTest, FactsFollowEveryWriteOfTheReferral) {
  ASSERT_THAT(Insert("a", WithMilestones("a", 23)), IsOk());
  // No milestones: stored before partner reporting, no facts.
  ASSERT_THAT(Insert("old", MakeReferral("old")), IsOk());
  auto seen = Scan(April());
  ASSERT_EQ(seen.size(), 1u);
  const ReferralFacts& a = seen.at("a");
  EXPECT_EQ(a.practice_agb, "01234567");
  EXPECT_EQ(a.patient_pseudonym, kPatient);
  EXPECT_EQ(a.referral_date, absl::CivilDay(2026, 4, 23));
  EXPECT_EQ(a.age_band, "65-74");
  EXPECT_EQ(a.indicator_mask, 1u << wor::v1::INDICATOR_LONELINESS);
  EXPECT_FALSE(a.working_days_to_contact.has_value());
  EXPECT_FALSE(a.intake_scores[1].has_value());

  wor::v1::Referral changed = WithMilestones("a", 23);
  changed.set_state(wor::v1::REFERRAL_STATE_COMPLETED);
  changed.mutable_milestones()->set_working_days_to_contact(2);
  changed.mutable_deadlines()->mutable_first_contact_target()->set_status(
      wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  changed.mutable_intake()->mutable_scores()->set_mental_wellbeing(4.5);
  changed.mutable_closing()->set_outcome(
      wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED);
  changed.mutable_closing()->mutable_scores()->set_mental_wellbeing(7);
  changed.mutable_closing()->mutable_scores()->set_meaning(0);
  changed.mutable_consent()->add_scopes(
      wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
  ASSERT_THAT(Update("a", 1, changed), IsOk());

  absl::StatusOr<ReferralFacts> facts = store_->GetReferralFacts("a");
  ASSERT_THAT(facts.status(), IsOk());
  EXPECT_EQ(facts->state, wor::v1::REFERRAL_STATE_COMPLETED);
  EXPECT_EQ(facts->outcome, wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED);
  EXPECT_EQ(facts->working_days_to_contact, 2);
  EXPECT_TRUE(facts->contact_within_target);
  EXPECT_TRUE(facts->monitoring_consent);
  EXPECT_EQ(facts->intake_scores[1], 4.5);
  EXPECT_FALSE(facts->intake_scores[0].has_value());
  EXPECT_EQ(facts->closing_scores[1], 7);
  EXPECT_EQ(facts->closing_scores[2], 0);  // a score of 0 is a score
  EXPECT_EQ(Scan(April()).size(), 1u);     // replaced, not added
  EXPECT_TRUE(absl::IsNotFound(store_->GetReferralFacts("old").status()));
}

TEST_P(ReportingContractTest, ScansSelectThePeriodAndTheConsent) {
  ASSERT_THAT(Insert("early", WithMilestones("early", 1)), IsOk());
  ASSERT_THAT(Insert("late", WithMilestones("late", 30)), IsOk());
  wor::v1::Referral consented = WithMilestones("consented", 15);
  consented.mutable_consent()->add_scopes(
      wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
  ASSERT_THAT(Insert("consented", consented), IsOk());

  std::vector<std::string> ids;
  for (const auto& [id, f] : Scan(April())) ids.push_back(id);
  EXPECT_THAT(ids, UnorderedElementsAre("early", "late", "consented"));
  FactsFilter middle{.first_day = absl::CivilDay(2026, 4, 2),
                     .last_day = absl::CivilDay(2026, 4, 29)};
  EXPECT_EQ(Scan(middle).size(), 1u);
  FactsFilter consent_only = April();
  consent_only.monitoring_consent_only = true;
  auto seen = Scan(consent_only);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_TRUE(seen.contains("consented"));
  FactsFilter anonymous = April();
  anonymous.with_identifiers = false;
  std::vector<ReferralFacts> rows;
  ASSERT_THAT(
      store_->ScanReferralFacts(
          anonymous, [&](const ReferralFacts& f) { rows.push_back(f); }),
      IsOk());
  ASSERT_EQ(rows.size(), 3u);
  for (const ReferralFacts& f : rows) {
    EXPECT_EQ(f.referral_id, "");
    EXPECT_EQ(f.patient_pseudonym, "");
    EXPECT_EQ(f.age_band, "65-74");  // the codes are there
  }
}

TEST_P(ReportingContractTest, ErasureUnlinksThePatientAndEndsTheConsent) {
  wor::v1::Referral consented = WithMilestones("a", 15);
  consented.mutable_consent()->add_scopes(
      wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
  ASSERT_THAT(Insert("a", consented), IsOk());
  wor::v1::Referral other = WithMilestones("b", 15);
  other.set_patient_pseudonym("someone-else");
  other.mutable_consent()->add_scopes(
      wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
  ASSERT_THAT(Insert("b", other), IsOk());
  ASSERT_THAT(store_->Write([](WriteTransaction& tx) {
    return tx.ForgetPatientInFacts(kPatient);
  }),
              IsOk());
  absl::StatusOr<ReferralFacts> a = store_->GetReferralFacts("a");
  ASSERT_THAT(a.status(), IsOk());
  EXPECT_EQ(a->patient_pseudonym, "");
  EXPECT_FALSE(a->monitoring_consent);
  EXPECT_EQ(a->age_band, "65-74");
  EXPECT_TRUE(store_->GetReferralFacts("b")->monitoring_consent);
}

TEST_P(ReportingContractTest, CoachTimeIsListedUpToADayInLoggingOrder) {
  auto log = [&](const std::string& id, int day, int64_t minutes) {
    return store_->Write([&](WriteTransaction& tx) {
      return tx.InsertCoachTime(
          CoachTimeRow{.referral_id = id,
                       .practice_agb = "01234567",
                       .coach = "welfareOrganisations/11111111/coaches/c1",
                       .day = absl::CivilDay(2026, 4, day),
                       .minutes = minutes});
    });
  };
  ASSERT_THAT(log("a", 20, 30), IsOk());
  ASSERT_THAT(log("b", 10, 45), IsOk());
  ASSERT_THAT(log("a", 25, 60), IsOk());
  absl::StatusOr<std::vector<CoachTimeRow>> rows =
      store_->ListCoachTime(absl::CivilDay(2026, 4, 20));
  ASSERT_THAT(rows.status(), IsOk());
  std::vector<int64_t> minutes;
  for (const auto& row : *rows) minutes.push_back(row.minutes);
  EXPECT_THAT(minutes, ElementsAre(30, 45));
  EXPECT_EQ((*rows)[0].coach, "welfareOrganisations/11111111/coaches/c1");
  EXPECT_THAT(*store_->ListCoachTime(absl::CivilDay(2026, 1, 1)), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(AllStores, ReportingContractTest,
                         AllStoreImplementations(), StoreImplementationName);

}  // namespace
}  // namespace wor::server
