// The calendar sync worker against a fake calendar: it follows the outbox,
// puts, moves and removes entries, retries without skipping, survives a
// restart without repeating itself, and audits what it exports.
#include "server/calendar/calendar_sync.h"

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/calendar/calendar_sink.h"
#include "server/domain/access_audit.h"
#include "server/store/calendar_sync_ledger.h"
#include "server/store/memory_store.h"
#include "tests/calendar/calendar_test_referrals.h"
#include "tests/common/fake_clock.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"

namespace wor::server {
namespace {

using ::testing::_;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr char kId[] = "4f2c0a1b9d8e7f60";
constexpr char kIntakeUid[] = "wor-4f2c0a1b9d8e7f60-intake@welzijnoprecept";
constexpr char kLimitUid[] =
    "wor-4f2c0a1b9d8e7f60-deadline-first-contact-limit@welzijnoprecept";

// A calendar in memory, with etags like a CalDAV server's and a switch to
// fail every call.
class FakeCalendar final : public CalendarSink {
 public:
  absl::StatusOr<std::string> Put(const std::string& coach,
                                  const std::string& uid,
                                  const std::string& icalendar,
                                  const std::string& known_etag) override {
    ++puts;
    if (failing) return absl::UnavailableError("calendar down");
    last_known_etag = known_etag;
    std::string etag = absl::StrCat("\"", ++version_, "\"");
    objects[{coach, uid}] = icalendar;
    return etag;
  }
  absl::Status Remove(const std::string& coach, const std::string& uid,
                      const std::string&) override {
    ++removes;
    if (failing) return absl::UnavailableError("calendar down");
    objects.erase({coach, uid});
    return absl::OkStatus();
  }

  std::map<std::pair<std::string, std::string>, std::string> objects;
  int puts = 0;
  int removes = 0;
  bool failing = false;
  std::string last_known_etag;

 private:
  int version_ = 0;
};

class CalendarSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = OpenTestKeyring();
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
    store_ = NewMemoryStore(keyring_.get());
    ledger_ = NewMemoryCalendarSyncLedger();
    audit_ = std::make_unique<AccessAudit>(store_.get(), &clock_);
    ASSERT_TRUE(absl::LoadTimeZone("Europe/Amsterdam", &zone_));
    StartWorker();
  }

  void StartWorker(wor::server::config::CalendarPersonalData data =
                       wor::server::config::CALENDAR_PERSONAL_DATA_INITIALS) {
    CalendarSyncOptions options;
    options.personal_data = data;
    options.batch_size = 2;  // several batches in the longer tests
    worker_ = std::make_unique<CalendarSyncWorker>(store_.get(), ledger_.get(),
                                                   &calendar_, audit_.get(),
                                                   &clock_, zone_, options);
  }

  void Publish(const wor::v1::Referral& referral) {
    wor::v1::ReferralEvent event;
    event.set_type(wor::v1::REFERRAL_EVENT_TYPE_UPDATED);
    *event.mutable_referral() = referral;
    ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
      return tx.AppendEvent(event);
    }),
                IsOk());
  }

  std::string On(const char* coach, const char* uid) {
    auto it = calendar_.objects.find({coach, uid});
    return it == calendar_.objects.end() ? "" : it->second;
  }

  std::vector<wor::v1::AuditRecord> SyncAuditRecords() {
    AuditFilter filter;
    filter.user = "system:calendar-sync";
    absl::StatusOr<std::vector<wor::v1::AuditRecord>> records =
        store_->ListAudit(filter, 0, 1000);
    EXPECT_THAT(records, IsOk());
    return records.ok() ? *records : std::vector<wor::v1::AuditRecord>{};
  }

  FakeClock clock_{absl::FromUnixSeconds(1795000000)};
  absl::TimeZone zone_;
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CalendarSyncLedger> ledger_;
  FakeCalendar calendar_;
  std::unique_ptr<AccessAudit> audit_;
  std::unique_ptr<CalendarSyncWorker> worker_;
};

TEST_F(CalendarSyncTest,
       ABookedIntakeAndARunningDeadlineAppearOnTheCoachsCalendar) {
  Publish(TestReferral(kId));
  EXPECT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  EXPECT_THAT(On(kCoachAnna, kIntakeUid),
              HasSubstr("SUMMARY:Intake J.d.V. — verwijzing 4f2c0a1b"));
  EXPECT_THAT(On(kCoachAnna, kLimitUid),
              HasSubstr("DTSTART;VALUE=DATE:20261127"));
  EXPECT_EQ(calendar_.objects.size(), 2u);
  EXPECT_THAT(worker_->Cursor(), IsOkAndHolds(1));
  for (const auto& [key, ics] : calendar_.objects) {
    for (const std::string& secret : SecretsOfTestReferral()) {
      EXPECT_THAT(ics, Not(HasSubstr(secret))) << secret;
    }
  }
}

TEST_F(CalendarSyncTest, EveryExportedReferralIsAuditedAsAnExportBySystem) {
  Publish(TestReferral(kId));
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  std::vector<wor::v1::AuditRecord> records = SyncAuditRecords();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].event(), wor::v1::AUDIT_EVENT_TYPE_EXPORT);
  EXPECT_EQ(records[0].organisation(), "operator:wor");
  EXPECT_THAT(records[0].objects(), ElementsAre("referrals/4f2c0a1b9d8e7f60"));
  EXPECT_THAT(records[0].patient_pseudonyms(),
              ElementsAre("pseudonym-4f2c0a1b9d8e7f60"));
  EXPECT_THAT(records[0].consent_relied_on(),
              ElementsAre(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH));
}

TEST_F(CalendarSyncTest, AMovedIntakeIsReplacedWithAHigherSequence) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  absl::StatusOr<std::vector<PushedCalendarEntry>> pushed =
      ledger_->EntriesOfReferral(kId);
  ASSERT_THAT(pushed, IsOkAndHolds(testing::SizeIs(2)));
  const std::string intake_etag =
      (*pushed)[0].uid == kIntakeUid ? (*pushed)[0].etag : (*pushed)[1].etag;
  *referral.mutable_intake()->mutable_scheduled_time() =
      ToTimestamp(AmsterdamTime(absl::CivilSecond(2026, 11, 26, 14, 30, 0)));
  *referral.mutable_intake()->mutable_end_time() =
      ToTimestamp(AmsterdamTime(absl::CivilSecond(2026, 11, 26, 15, 30, 0)));
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  const std::string ics = On(kCoachAnna, kIntakeUid);
  EXPECT_THAT(ics, HasSubstr("DTSTART;TZID=Europe/Amsterdam:20261126T143000"));
  EXPECT_THAT(ics, HasSubstr("SEQUENCE:2"));
  EXPECT_EQ(calendar_.last_known_etag, intake_etag);
  EXPECT_EQ(calendar_.puts, 3);  // the unchanged reminder is not put again
}

TEST_F(CalendarSyncTest, ACancelledIntakeAndAMetDeadlineAreRemoved) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  referral.mutable_intake()->set_status(wor::v1::APPOINTMENT_STATUS_CANCELLED);
  referral.mutable_deadlines()->mutable_first_contact_limit()->set_status(
      wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  EXPECT_THAT(calendar_.objects, IsEmpty());
  EXPECT_THAT(ledger_->EntriesOfReferral(kId), IsOkAndHolds(IsEmpty()));
}

TEST_F(CalendarSyncTest, AReassignedReferralMovesItsRemindersToTheNewCoach) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  referral.set_assigned_coach(kCoachBram);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  EXPECT_THAT(calendar_.objects,
              UnorderedElementsAre(Pair(Pair(kCoachAnna, kIntakeUid), _),
                                   Pair(Pair(kCoachBram, kLimitUid), _)));
}

TEST_F(CalendarSyncTest, AFailureIsRetriedAfterABackoffAndNoEventIsSkipped) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  calendar_.failing = true;
  EXPECT_THAT(worker_->SyncOnce(), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(worker_->Cursor(), IsOkAndHolds(0));
  EXPECT_EQ(worker_->next_attempt_time(), clock_.Now() + absl::Seconds(5));

  calendar_.failing = false;
  const int puts = calendar_.puts;
  EXPECT_THAT(worker_->SyncOnce(), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(calendar_.puts, puts) << "tried again before the retry time";

  clock_.Advance(absl::Seconds(5));
  calendar_.failing = true;
  EXPECT_FALSE(worker_->SyncOnce().ok());
  EXPECT_EQ(worker_->next_attempt_time(), clock_.Now() + absl::Seconds(10));

  clock_.Advance(absl::Seconds(10));
  calendar_.failing = false;
  referral.mutable_intake()->set_status(wor::v1::APPOINTMENT_STATUS_CANCELLED);
  Publish(referral);
  EXPECT_THAT(worker_->SyncOnce(), IsOkAndHolds(2));
  EXPECT_THAT(calendar_.objects,
              ElementsAre(Pair(Pair(kCoachAnna, kLimitUid), _)));
  EXPECT_THAT(worker_->Cursor(), IsOkAndHolds(2));
}

TEST_F(CalendarSyncTest, ARestartedWorkerNeitherRepeatsNorLosesWork) {
  Publish(TestReferral(kId));
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  const int puts = calendar_.puts;
  StartWorker();
  EXPECT_THAT(worker_->SyncOnce(), IsOkAndHolds(0));
  EXPECT_EQ(calendar_.puts, puts);
  // The same snapshot again (a retried event): nothing to put.
  Publish(TestReferral(kId));
  EXPECT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  EXPECT_EQ(calendar_.puts, puts);
  EXPECT_THAT(SyncAuditRecords(), testing::SizeIs(1));
}

TEST_F(CalendarSyncTest, WithoutConsentToShareWithTheCoachThereAreNoInitials) {
  wor::v1::Referral referral = TestReferral(kId);
  referral.mutable_consent()->clear_scopes();
  referral.mutable_consent()->add_scopes(
      wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  EXPECT_THAT(On(kCoachAnna, kIntakeUid),
              HasSubstr("SUMMARY:Intake — verwijzing 4f2c0a1b"));
}

TEST_F(CalendarSyncTest, ErasureTakesTheInitialsOffTheCalendar) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  referral.set_personal_data_erased(true);
  referral.clear_patient();
  referral.clear_patient_question();
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  EXPECT_THAT(On(kCoachAnna, kIntakeUid), Not(HasSubstr("J.d.V.")));
  EXPECT_THAT(On(kCoachAnna, kLimitUid), Not(HasSubstr("J.d.V.")));
}

TEST_F(CalendarSyncTest, PersonalDataNoneShowsNoInitials) {
  StartWorker(wor::server::config::CALENDAR_PERSONAL_DATA_NONE);
  Publish(TestReferral(kId));
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  for (const auto& [key, ics] : calendar_.objects) {
    EXPECT_THAT(ics, Not(HasSubstr("J.d.V."))) << key.second;
  }
}

}  // namespace
}  // namespace wor::server
