// SchedulingService.ExportCoachCalendar in the domain: whose calendar, what
// is in it, what is audited.
#include "server/domain/coach_calendar_export.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/store/memory_store.h"
#include "tests/calendar/calendar_test_referrals.h"
#include "tests/common/fake_clock.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

CallContext As(wor::v1::UserRole role, const std::string& user,
               const std::string& organisation = "kvk:41234567") {
  CallContext call;
  call.method = "wor.v1.SchedulingService.ExportCoachCalendar";
  call.caller.organisation = organisation;
  call.caller.user = user;
  call.caller.role = role;
  return call;
}

wor::v1::ExportCoachCalendarRequest For(const std::string& coach) {
  wor::v1::ExportCoachCalendarRequest request;
  request.set_coach(coach);
  return request;
}

class CoachCalendarExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = OpenTestKeyring();
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
    store_ = NewMemoryStore(keyring_.get());
    absl::TimeZone zone;
    ASSERT_TRUE(absl::LoadTimeZone("Europe/Amsterdam", &zone));
    export_ = std::make_unique<CoachCalendarExport>(
        store_.get(), &clock_, zone,
        wor::server::config::CALENDAR_PERSONAL_DATA_INITIALS);

    Insert("aaaaaaaaaaaaaaa1", TestReferral("aaaaaaaaaaaaaaa1"));
    wor::v1::Referral brams = TestReferral("bbbbbbbbbbbbbbb2");
    brams.set_assigned_coach(kCoachBram);
    brams.mutable_intake()->set_coach(kCoachBram);
    Insert("bbbbbbbbbbbbbbb2", brams);
    wor::v1::Referral other_org = TestReferral("ccccccccccccccc3");
    other_org.set_welfare_organisation("welfareOrganisations/49999999");
    Insert("ccccccccccccccc3", other_org);
  }

  void Insert(const std::string& id, const wor::v1::Referral& referral) {
    ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
      return tx.InsertReferral(id, referral);
    }),
                IsOk());
  }

  std::vector<wor::v1::AuditRecord> Audit() {
    absl::StatusOr<std::vector<wor::v1::AuditRecord>> records =
        store_->ListAudit(AuditFilter{}, 0, 100);
    EXPECT_THAT(records, IsOk());
    return records.ok() ? *records : std::vector<wor::v1::AuditRecord>{};
  }

  FakeClock clock_{absl::FromUnixSeconds(1795000000)};
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CoachCalendarExport> export_;
};

TEST_F(CoachCalendarExportTest, ACoachGetsTheirOwnIntakesAndReminders) {
  auto response =
      export_->Export(As(wor::v1::USER_ROLE_COACH, "anna"), For(kCoachAnna));
  ASSERT_THAT(response, IsOk());
  const std::string& ics = response->icalendar();
  EXPECT_THAT(ics,
              HasSubstr("UID:wor-aaaaaaaaaaaaaaa1-intake@welzijnoprecept"));
  EXPECT_THAT(ics,
              HasSubstr("wor-aaaaaaaaaaaaaaa1-deadline-first-contact-limit"));
  EXPECT_THAT(ics, HasSubstr("Intake J.d.V. — verwijzing aaaaaaaa"));
  EXPECT_THAT(ics, Not(HasSubstr("bbbbbbbbbbbbbbb2")));
  EXPECT_THAT(ics, Not(HasSubstr("ccccccccccccccc3")));
  for (const std::string& secret : SecretsOfTestReferral()) {
    EXPECT_THAT(ics, Not(HasSubstr(secret))) << secret;
  }
}

TEST_F(CoachCalendarExportTest, EveryReferralInTheCalendarIsAuditedAsExported) {
  ASSERT_THAT(
      export_->Export(As(wor::v1::USER_ROLE_COACH, "anna"), For(kCoachAnna)),
      IsOk());
  std::vector<wor::v1::AuditRecord> records = Audit();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].event(), wor::v1::AUDIT_EVENT_TYPE_EXPORT);
  EXPECT_EQ(records[0].outcome(), wor::v1::AUDIT_OUTCOME_ALLOWED);
  EXPECT_THAT(records[0].objects(), ElementsAre("referrals/aaaaaaaaaaaaaaa1"));
  EXPECT_THAT(records[0].patient_pseudonyms(),
              ElementsAre("pseudonym-aaaaaaaaaaaaaaa1"));
}

TEST_F(CoachCalendarExportTest,
       ACoordinatorMayExportAnyCoachOfTheirOrganisation) {
  auto response = export_->Export(As(wor::v1::USER_ROLE_COORDINATOR, "carla"),
                                  For(kCoachBram));
  ASSERT_THAT(response, IsOk());
  EXPECT_THAT(response->icalendar(), HasSubstr("wor-bbbbbbbbbbbbbbb2-intake"));
  EXPECT_THAT(response->icalendar(), Not(HasSubstr("aaaaaaaaaaaaaaa1")));
}

TEST_F(CoachCalendarExportTest,
       SomeoneElsesCalendarLooksMissingAndIsAuditedDenied) {
  auto others =
      export_->Export(As(wor::v1::USER_ROLE_COACH, "anna"), For(kCoachBram));
  auto foreign = export_->Export(
      As(wor::v1::USER_ROLE_COORDINATOR, "carla", "kvk:49999999"),
      For(kCoachAnna));
  auto malformed = export_->Export(As(wor::v1::USER_ROLE_COACH, "anna"),
                                   For("coaches/anna"));
  EXPECT_THAT(others, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(foreign, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(malformed, StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(others.status().message(), malformed.status().message());
  EXPECT_EQ(foreign.status().message(), malformed.status().message());
  std::vector<wor::v1::AuditRecord> records = Audit();
  ASSERT_EQ(records.size(), 3u);
  for (const wor::v1::AuditRecord& record : records) {
    EXPECT_NE(record.outcome(), wor::v1::AUDIT_OUTCOME_ALLOWED);
    EXPECT_THAT(record.patient_pseudonyms(), testing::IsEmpty());
  }
}

}  // namespace
}  // namespace wor::server
