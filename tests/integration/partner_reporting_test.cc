// Partner reporting on a real server (SQLite, fake clock): statistics from
// referrals that went through the API, the pseudonymised export and its
// consent filter and revocations, coach time and the budget report.
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/domain/published_statistics.h"
#include "tests/integration/rpc_helpers.h"
#include "wor/v1/audit_service.grpc.pb.h"
#include "wor/v1/consent_service.grpc.pb.h"
#include "wor/v1/partner_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kPilotPractice[] = "01012345";
constexpr char kSecondPilotPractice[] = "01023456";
constexpr char kOtherPractice[] = "01034567";

TestIdentity RegionalProgramme() {
  return {"partner:regio-zuidwest-drenthe", "analyst-regio",
          wor::v1::USER_ROLE_PARTNER_ANALYST, ""};
}

wor::v1::LocalDate Date(int y, int m, int d) {
  wor::v1::LocalDate date;
  date.set_year(y);
  date.set_month(m);
  date.set_day(d);
  return date;
}

class PartnerReportingTest : public ::testing::Test {
 protected:
  // Twelve referrals on Thursday 23 April 2026: seven from the first pilot
  // practice, three from the second, two from the other practice. The even
  // ones consent to pseudonymised monitoring. Six of the first practice's
  // are reached the next day; five of those have their intake on Tuesday 28
  // April (Monday is King's Day) and are completed with closing scores.
  void SetUp() override {
    const char* practices[] = {
        kPilotPractice,       kPilotPractice,       kPilotPractice,
        kPilotPractice,       kPilotPractice,       kPilotPractice,
        kPilotPractice,       kSecondPilotPractice, kSecondPilotPractice,
        kSecondPilotPractice, kOtherPractice,       kOtherPractice};
    for (int i = 0; i < 12; ++i) {
      wor::v1::Referral r = ValidReferral();
      r.mutable_referrer()->set_practice_agb(practices[i]);
      if (i % 2 == 0) {
        r.mutable_consent()->add_scopes(
            wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
      }
      wor::v1::CreateReferralRequest q;
      *q.mutable_referral() = r;
      q.set_request_id(absl::StrCat("create-", i));
      grpc::ClientContext context;
      wor::v1::CreateReferralResponse response;
      auto stub = wor::v1::ReferralService::NewStub(
          server_.ChannelAs(GpOfPractice(practices[i])));
      ASSERT_TRUE(stub->CreateReferral(&context, q, &response).ok());
      names_.push_back(response.referral().name());
    }
    for (int i = 0; i < 6; ++i) {
      ASSERT_TRUE(
          Accept(server_, names_[i], absl::StrCat("accept-", i)).status.ok());
    }
    server_.clock().Advance(absl::Hours(24));  // Friday 24 April
    for (int i = 0; i < 6; ++i) {
      ASSERT_TRUE(Contact(server_, names_[i], wor::v1::CONTACT_RESULT_REACHED,
                          absl::StrCat("contact-", i))
                      .status.ok());
    }
    const absl::Time intake = TestInstant("2026-04-28T08:00:00Z");
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(Schedule(server_, names_[i], intake + absl::Hours(i),
                           absl::StrCat("schedule-", i))
                      .status.ok());
    }
    server_.clock().Set(TestInstant("2026-04-28T15:00:00Z"));
    for (int i = 0; i < 5; ++i) {
      ASSERT_TRUE(RecordIntake(server_, names_[i], intake + absl::Hours(i),
                               absl::StrCat("intake-", i))
                      .status.ok());
      ASSERT_TRUE(ChooseActivity(server_, names_[i], "discover_and_do", "",
                                 absl::StrCat("activity-", i))
                      .status.ok());
      ASSERT_TRUE(
          Complete(server_, names_[i], true, absl::StrCat("complete-", i))
              .status.ok());
    }
  }

  std::unique_ptr<wor::v1::PartnerService::Stub> Partner(
      const TestIdentity& identity = PartnerAnalyst()) {
    return wor::v1::PartnerService::NewStub(server_.ChannelAs(identity));
  }

  wor::v1::GetReferralStatisticsResponse Statistics(
      wor::v1::StatisticsDimension rows,
      wor::v1::StatisticsDimension columns =
          wor::v1::STATISTICS_DIMENSION_UNSPECIFIED) {
    wor::v1::GetReferralStatisticsRequest q;
    *q.mutable_period_start() = Date(2026, 4, 1);
    *q.mutable_period_end() = Date(2026, 4, 30);
    q.set_rows(rows);
    q.set_columns(columns);
    grpc::ClientContext context;
    wor::v1::GetReferralStatisticsResponse response;
    grpc::Status status =
        Partner()->GetReferralStatistics(&context, q, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  struct Export {
    std::vector<wor::v1::ExportPseudonymisedRecordsResponse> messages;
    grpc::Status status;
  };
  Export ExportAs(const TestIdentity& identity, const std::string& token) {
    wor::v1::ExportPseudonymisedRecordsRequest q;
    q.set_resume_token(token);
    grpc::ClientContext context;
    auto reader = Partner(identity)->ExportPseudonymisedRecords(&context, q);
    Export result;
    wor::v1::ExportPseudonymisedRecordsResponse message;
    while (reader->Read(&message)) result.messages.push_back(message);
    result.status = reader->Finish();
    return result;
  }

  std::set<std::string> RecordIds(const Export& e) {
    std::set<std::string> ids;
    for (const auto& m : e.messages) {
      if (m.has_record()) ids.insert(m.record().record_id());
    }
    return ids;
  }

  grpc::Status LogTime(const std::string& name, wor::v1::LocalDate day,
                       int minutes, const std::string& request_id,
                       const TestIdentity& identity = CoachOf()) {
    wor::v1::LogCoachTimeRequest q;
    q.set_name(name);
    *q.mutable_day() = day;
    q.set_minutes(minutes);
    q.set_request_id(request_id);
    grpc::ClientContext context;
    wor::v1::LogCoachTimeResponse response;
    return wor::v1::IntakeService::NewStub(server_.ChannelAs(identity))
        ->LogCoachTime(&context, q, &response);
  }

  TestServer server_;
  std::vector<std::string> names_;
};

TEST_F(PartnerReportingTest,
       CountsByPracticeHideSmallPracticesAndWhatWouldRevealThem) {
  auto by_practice = Statistics(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  const PublishedGrid grid = GridOf(by_practice.table());
  EXPECT_EQ(by_practice.table().grand_total().count(), 12);
  ASSERT_EQ(by_practice.table().rows_size(), 3);
  EXPECT_EQ(by_practice.table().rows(0).label().display_name(),
            "Huisartsenpraktijk De Hoofdstraat");
  EXPECT_FALSE(by_practice.table().rows(1).total().has_count());  // 3
  EXPECT_FALSE(by_practice.table().rows(2).total().has_count());  // 2
  ExpectNoSmallCountPublished(grid);
  EXPECT_THAT(FindDisclosures(grid, 5, 1000), IsEmpty());

  auto by_group = Statistics(wor::v1::STATISTICS_DIMENSION_PRACTICE_GROUP);
  ASSERT_EQ(by_group.table().rows_size(), 2);
  EXPECT_EQ(by_group.table().rows(0).label().display_name(), "Pilotpraktijken");
  // Pilot 10 and other 2 of 12: the 2 is hidden, and so is the 10.
  EXPECT_FALSE(by_group.table().rows(0).total().has_count());
  EXPECT_FALSE(by_group.table().rows(1).total().has_count());
  EXPECT_EQ(by_group.table().grand_total().count(), 12);
}

TEST_F(PartnerReportingTest, ComplianceAndWellbeingFromTheTrajectories) {
  auto stats = Statistics(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  const auto& overall = stats.compliance();
  EXPECT_EQ(overall.contacted(), 6);
  EXPECT_DOUBLE_EQ(overall.share_contacted_within_target(), 1.0);
  EXPECT_DOUBLE_EQ(overall.median_working_days_to_contact(), 1);  // Friday
  EXPECT_EQ(overall.intakes_held(), 5);
  // Friday and Tuesday: King's Day is no working day.
  EXPECT_DOUBLE_EQ(overall.median_working_days_to_intake(), 2);
  // Five scored closings: fewer than ten, so no means (differencing two
  // periods must not give one patient's scores).
  const auto& mental = stats.wellbeing(1);
  EXPECT_FALSE(mental.has_scored_referrals());
  EXPECT_FALSE(mental.has_mean_change());

  auto by_outcome = Statistics(wor::v1::STATISTICS_DIMENSION_OUTCOME);
  ASSERT_EQ(by_outcome.table().rows_size(), 2);
  EXPECT_EQ(by_outcome.table().rows(0).label().key(), "OPEN");
  EXPECT_EQ(by_outcome.table().rows(0).total().count(), 7);
  EXPECT_EQ(by_outcome.table().rows(1).label().display_name(),
            "Activiteit gestart");
  EXPECT_EQ(by_outcome.table().rows(1).total().count(), 5);
}

TEST_F(PartnerReportingTest,
       ExportHoldsOnlyConsentedPatientsUnderOwnPseudonyms) {
  Export meppel = ExportAs(PartnerAnalyst(), "");
  ASSERT_TRUE(meppel.status.ok()) << meppel.status.error_message();
  EXPECT_EQ(meppel.messages.size(), 6u);
  EXPECT_EQ(RecordIds(meppel).size(), 6u);
  for (const auto& m : meppel.messages) {
    ASSERT_TRUE(m.has_record());
    EXPECT_EQ(m.record().age_band(), "65-74");  // born 1958
    EXPECT_EQ(m.record().referral_month(), "2026-04");
    const std::string bytes = m.SerializeAsString();
    for (const std::string& personal :
         {std::string("Jan"), std::string("de Vries"),
          std::string("06 98765432"), std::string("voorbeeld.nl"),
          std::string("7941 AB"), std::string("Patient/42"),
          std::string("1958"), std::string("referrals/")}) {
      EXPECT_THAT(bytes, Not(HasSubstr(personal)));
    }
  }
  // Stable for one partner, different for another.
  EXPECT_EQ(RecordIds(ExportAs(PartnerAnalyst(), "")), RecordIds(meppel));
  Export regio = ExportAs(RegionalProgramme(), "");
  ASSERT_EQ(RecordIds(regio).size(), 6u);
  for (const std::string& id : RecordIds(regio)) {
    EXPECT_FALSE(RecordIds(meppel).contains(id));
  }
  std::set<std::string> patients_meppel, patients_regio;
  for (const auto& m : meppel.messages) {
    patients_meppel.insert(m.record().patient_pseudonym());
  }
  for (const auto& m : regio.messages) {
    patients_regio.insert(m.record().patient_pseudonym());
  }
  for (const std::string& p : patients_regio) {
    EXPECT_FALSE(patients_meppel.contains(p));
  }
}

TEST_F(PartnerReportingTest, RevocationReachesThePartnerAsAWithdrawal) {
  Export first = ExportAs(PartnerAnalyst(), "");
  ASSERT_EQ(first.messages.size(), 6u);
  const std::string token = first.messages.back().resume_token();

  auto consent = wor::v1::ConsentService::NewStub(
      server_.ChannelAs(GpOfPractice(kPilotPractice)));
  auto revoke = [&](const std::string& name, const std::string& id) {
    wor::v1::RevokeConsentRequest q;
    q.set_referral(name);
    q.add_scopes(wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED);
    q.set_method(wor::v1::CONSENT_METHOD_VERBAL);
    q.set_request_id(id);
    grpc::ClientContext context;
    wor::v1::RevokeConsentResponse response;
    return consent->RevokeConsent(&context, q, &response);
  };
  // names_[0] consented; names_[1] never did (its revocation shows nothing).
  ASSERT_TRUE(revoke(names_[0], "revoke-0").ok());
  ASSERT_TRUE(revoke(names_[1], "revoke-1").ok());

  Export changes = ExportAs(PartnerAnalyst(), token);
  ASSERT_TRUE(changes.status.ok()) << changes.status.error_message();
  std::vector<std::string> withdrawn;
  for (const auto& m : changes.messages) {
    if (m.has_withdrawal()) withdrawn.push_back(m.withdrawal().record_id());
  }
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_TRUE(RecordIds(first).contains(withdrawn[0]));

  Export again = ExportAs(PartnerAnalyst(), "");
  EXPECT_EQ(RecordIds(again).size(), 5u);
  EXPECT_FALSE(RecordIds(again).contains(withdrawn[0]));

  Export bad = ExportAs(PartnerAnalyst(), "nonsense");
  EXPECT_EQ(bad.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(PartnerReportingTest, ErasureWithdrawsTheRowAndLeavesTheSnapshot) {
  Export first = ExportAs(PartnerAnalyst(), "");
  ASSERT_EQ(first.messages.size(), 6u);
  const std::string token = first.messages.back().resume_token();
  // names_[2] consented (even); the privacy officer erases its patient.
  auto privacy =
      wor::v1::PrivacyService::NewStub(server_.ChannelAs(PrivacyOfficer()));
  wor::v1::ErasePatientDataRequest erase;
  erase.set_referral(names_[2]);
  erase.set_request_reference("AVG-verzoek 2026-17");
  erase.set_request_id("erase-1");
  grpc::ClientContext context;
  wor::v1::ErasePatientDataResponse erased;
  grpc::Status status = privacy->ErasePatientData(&context, erase, &erased);
  ASSERT_TRUE(status.ok()) << status.error_message();

  Export changes = ExportAs(PartnerAnalyst(), token);
  ASSERT_TRUE(changes.status.ok()) << changes.status.error_message();
  std::set<std::string> withdrawn;
  for (const auto& m : changes.messages) {
    EXPECT_FALSE(m.has_record()) << "an erased patient's row was sent again";
    if (m.has_withdrawal()) withdrawn.insert(m.withdrawal().record_id());
  }
  // The patient of the first practice: its four consented referrals (0, 2,
  // 4, 6). These referrals carry no BSN, so the server knows the patient by
  // each practice's EHR id: the other practice's referrals are another
  // patient to it, and stay.
  EXPECT_EQ(withdrawn.size(), 4u);
  const std::set<std::string> after = RecordIds(ExportAs(PartnerAnalyst(), ""));
  EXPECT_EQ(after.size(), 2u);
  for (const std::string& id : withdrawn) {
    EXPECT_TRUE(RecordIds(first).contains(id));
    EXPECT_FALSE(after.contains(id));
  }
  // The anonymous counts stay.
  EXPECT_EQ(Statistics(wor::v1::STATISTICS_DIMENSION_PRACTICE)
                .table()
                .grand_total()
                .count(),
            12);
}

TEST_F(PartnerReportingTest, StatisticsCoverWholeMonths) {
  for (auto [start, end, field] :
       {std::tuple{Date(2026, 4, 2), Date(2026, 4, 30), "period_start"},
        std::tuple{Date(2026, 4, 1), Date(2026, 5, 1), "period_end"}}) {
    wor::v1::GetReferralStatisticsRequest q;
    *q.mutable_period_start() = start;
    *q.mutable_period_end() = end;
    q.set_rows(wor::v1::STATISTICS_DIMENSION_PRACTICE);
    grpc::ClientContext context;
    wor::v1::GetReferralStatisticsResponse response;
    grpc::Status status =
        Partner()->GetReferralStatistics(&context, q, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(status.error_message(), HasSubstr(field));
  }
}

TEST_F(PartnerReportingTest, CoachTimeAddsUpInTheBudgetReport) {
  EXPECT_TRUE(LogTime(names_[0], Date(2026, 4, 24), 90, "time-1").ok());
  EXPECT_TRUE(
      LogTime(names_[0], Date(2026, 4, 24), 90, "time-1").ok());  // retry
  EXPECT_TRUE(LogTime(names_[1], Date(2026, 4, 28), 45, "time-2").ok());
  EXPECT_EQ(LogTime(names_[0], Date(2026, 5, 28), 30, "time-3").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);  // future
  EXPECT_EQ(LogTime(names_[0], Date(2026, 4, 24), 0, "time-4").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(LogTime(names_[0], Date(2026, 4, 24), 30, "time-5",
                    GpOfPractice(kPilotPractice))
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(LogTime(names_[6], Date(2026, 4, 24), 30, "time-6").error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);  // not accepted
  EXPECT_EQ(LogTime(names_[0], Date(2026, 4, 22), 30, "time-7").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);  // before the referral

  wor::v1::GetBudgetReportRequest q;
  *q.mutable_as_of() = Date(2026, 4, 30);
  grpc::ClientContext context;
  wor::v1::GetBudgetReportResponse report;
  ASSERT_TRUE(Partner()->GetBudgetReport(&context, q, &report).ok());
  ASSERT_EQ(report.funders_size(), 1);
  const auto& funder = report.funders(0);
  EXPECT_EQ(funder.funder(), "partners/gemeente-meppel");
  EXPECT_EQ(funder.budget_cents(), 900000);  // 10 x 4 h x 3 x EUR 75
  EXPECT_EQ(funder.used_minutes(), 135);
  EXPECT_EQ(funder.used_cents(), 16875);  // 2.25 h x EUR 75
  EXPECT_EQ(funder.remaining_cents(), 900000 - 16875);
  int64_t practice_cents = 0;
  for (const auto& p : funder.practices()) {
    practice_cents += p.cost_cents();
    EXPECT_FALSE(p.has_referrals_with_time() && p.referrals_with_time() > 0 &&
                 p.referrals_with_time() < 5);
  }
  EXPECT_EQ(practice_cents, funder.used_cents());
  EXPECT_TRUE(funder.has_projection());
  EXPECT_FALSE(funder.projection().exceeds_budget());
}

TEST_F(PartnerReportingTest, OthersCannotAskForPartnerFigures) {
  wor::v1::GetReferralStatisticsRequest q;
  *q.mutable_period_start() = Date(2026, 4, 1);
  *q.mutable_period_end() = Date(2026, 4, 30);
  q.set_rows(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  grpc::ClientContext context;
  wor::v1::GetReferralStatisticsResponse response;
  EXPECT_EQ(Partner(GpOfPractice())
                ->GetReferralStatistics(&context, q, &response)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::ClientContext context2;
  q.set_columns(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  EXPECT_EQ(
      Partner()->GetReferralStatistics(&context2, q, &response).error_code(),
      grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace wor::server
