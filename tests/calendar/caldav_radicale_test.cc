// Calendar sync end to end against a real Radicale (Debian package): the
// worker follows a real SQLite store's outbox and pushes over CalDAV; the
// test reads the coach's calendar back with its own raw HTTP requests.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/calendar/caldav_calendar_sink.h"
#include "server/calendar/caldav_client.h"
#include "server/calendar/calendar_sync.h"
#include "server/domain/access_audit.h"
#include "server/store/calendar_sync_ledger.h"
#include "server/store/sqlite_store.h"
#include "tests/calendar/calendar_test_referrals.h"
#include "tests/calendar/radicale_server.h"
#include "tests/common/fake_clock.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kId[] = "4f2c0a1b9d8e7f60";
constexpr char kAnnasCalendar[] = "/wor/anna/";
constexpr char kIntakeUid[] = "wor-4f2c0a1b9d8e7f60-intake@welzijnoprecept";
constexpr char kLimitUid[] =
    "wor-4f2c0a1b9d8e7f60-deadline-first-contact-limit@welzijnoprecept";

class CaldavRadicaleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "caldav_radicale_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    absl::StatusOr<std::unique_ptr<RadicaleServer>> radicale =
        RadicaleServer::Start(dir_);
    ASSERT_THAT(radicale, IsOk());
    radicale_ = *std::move(radicale);
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = OpenTestKeyring();
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
    ASSERT_TRUE(absl::LoadTimeZone("Europe/Amsterdam", &zone_));
    OpenServerSide();
  }

  void TearDown() override {
    worker_.reset();
    ledger_.reset();
    audit_.reset();
    store_.reset();
    radicale_.reset();
    std::filesystem::remove_all(dir_);
  }

  // The store, ledger, CalDAV client and worker, as a server process has
  // them; called again to simulate a restart.
  void OpenServerSide(const std::string& password = RadicaleServer::kPassword) {
    worker_.reset();
    ledger_.reset();
    audit_.reset();
    store_.reset();
    SqliteStoreOptions options;
    options.path = dir_ + "/wor.db";
    options.keyring = keyring_.get();
    absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
    absl::StatusOr<std::unique_ptr<CalendarSyncLedger>> ledger =
        OpenSqliteCalendarSyncLedger(options.path);
    ASSERT_THAT(ledger, IsOk());
    ledger_ = *std::move(ledger);
    audit_ = std::make_unique<AccessAudit>(store_.get(), &clock_);
    UseCalendarServer(radicale_->base_url(), password, ledger_.get());
  }

  void UseCalendarServer(const std::string& base_url,
                         const std::string& password,
                         CalendarSyncLedger* ledger) {
    worker_.reset();
    CaldavClientOptions client_options;
    client_options.base_url = base_url;
    client_options.username = RadicaleServer::kUser;
    client_options.password = password;
    client_options.connect_timeout = absl::Seconds(2);
    absl::StatusOr<std::unique_ptr<CaldavClient>> client =
        CaldavClient::Create(client_options);
    ASSERT_THAT(client, IsOk());
    client_ = *std::move(client);
    sink_ =
        std::make_unique<CaldavCalendarSink>(client_.get(), "/wor/{coach}/");
    worker_ = std::make_unique<CalendarSyncWorker>(
        store_.get(), ledger, sink_.get(), audit_.get(), &clock_, zone_,
        CalendarSyncOptions{});
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

  // Anna's whole calendar as Radicale serves it (GET on the collection),
  // unfolded; empty when the collection does not exist.
  std::string AnnasCalendar() {
    absl::StatusOr<RawHttpResponse> response =
        radicale_->Request("GET", kAnnasCalendar);
    EXPECT_THAT(response, IsOk());
    if (!response.ok() || response->status == 404) return "";
    EXPECT_EQ(response->status, 200) << response->body;
    return absl::StrReplaceAll(response->body, {{"\r\n ", ""}});
  }

  static int CountEvents(const std::string& calendar) {
    int count = 0;
    for (absl::string_view line : absl::StrSplit(calendar, "\r\n")) {
      if (line == "BEGIN:VEVENT") ++count;
    }
    return count;
  }

  std::string dir_;
  FakeClock clock_{absl::FromUnixSeconds(1795000000)};
  absl::TimeZone zone_;
  std::unique_ptr<RadicaleServer> radicale_;
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CalendarSyncLedger> ledger_;
  std::unique_ptr<AccessAudit> audit_;
  std::unique_ptr<CaldavClient> client_;
  std::unique_ptr<CaldavCalendarSink> sink_;
  std::unique_ptr<CalendarSyncWorker> worker_;
};

TEST_F(CaldavRadicaleTest,
       AnIntakeIsCreatedMovedAndCancelledInTheCoachsCalendar) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  std::string calendar = AnnasCalendar();
  EXPECT_THAT(calendar, HasSubstr(absl::StrCat("UID:", kIntakeUid)));
  EXPECT_THAT(calendar,
              HasSubstr("DTSTART;TZID=Europe/Amsterdam:20261124T100000"));
  EXPECT_THAT(calendar,
              HasSubstr("SUMMARY:Intake J.d.V. — verwijzing 4f2c0a1b"));
  EXPECT_THAT(calendar, HasSubstr("LOCATION:Buurthuis"));
  EXPECT_EQ(CountEvents(calendar), 2);

  // Moved to Thursday 14:30.
  *referral.mutable_intake()->mutable_scheduled_time() =
      ToTimestamp(AmsterdamTime(absl::CivilSecond(2026, 11, 26, 14, 30, 0)));
  *referral.mutable_intake()->mutable_end_time() =
      ToTimestamp(AmsterdamTime(absl::CivilSecond(2026, 11, 26, 15, 30, 0)));
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  calendar = AnnasCalendar();
  EXPECT_THAT(calendar,
              HasSubstr("DTSTART;TZID=Europe/Amsterdam:20261126T143000"));
  EXPECT_THAT(calendar, Not(HasSubstr("20261124T100000")));
  EXPECT_EQ(CountEvents(calendar), 2);

  // Cancelled.
  referral.mutable_intake()->set_status(wor::v1::APPOINTMENT_STATUS_CANCELLED);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  calendar = AnnasCalendar();
  EXPECT_THAT(calendar, Not(HasSubstr(kIntakeUid)));
  EXPECT_EQ(CountEvents(calendar), 1);
}

TEST_F(CaldavRadicaleTest, TheIntakeIsFoundByATimeRangeQueryAtItsLocalTime) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  const std::string query =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<C:calendar-query xmlns:D=\"DAV:\" "
      "xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
      "<D:prop><D:getetag/></D:prop><C:filter>"
      "<C:comp-filter name=\"VCALENDAR\"><C:comp-filter name=\"VEVENT\">"
      // 10:00 in Amsterdam in November is 09:00 UTC.
      "<C:time-range start=\"20261124T085900Z\" end=\"20261124T093000Z\"/>"
      "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
  absl::StatusOr<RawHttpResponse> report = radicale_->Request(
      "REPORT", kAnnasCalendar,
      {"Depth: 1", "Content-Type: application/xml; charset=utf-8"}, query);
  ASSERT_THAT(report, IsOk());
  EXPECT_EQ(report->status, 207);
  EXPECT_THAT(report->body, HasSubstr("4f2c0a1b9d8e7f60-intake"));
  EXPECT_THAT(report->body, Not(HasSubstr("first-contact-limit")));
}

TEST_F(CaldavRadicaleTest, ADeadlineReminderAppearsAndGoesWhenMet) {
  wor::v1::Referral referral = TestReferral(kId);
  referral.mutable_intake()->set_status(
      wor::v1::APPOINTMENT_STATUS_UNSPECIFIED);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  std::string calendar = AnnasCalendar();
  EXPECT_THAT(calendar, HasSubstr(absl::StrCat("UID:", kLimitUid)));
  EXPECT_THAT(calendar, HasSubstr("DTSTART;VALUE=DATE:20261127"));
  EXPECT_THAT(calendar, HasSubstr("Deadline eerste contact J.d.V."));

  referral.mutable_deadlines()->mutable_first_contact_limit()->set_status(
      wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  EXPECT_EQ(CountEvents(AnnasCalendar()), 0);
}

TEST_F(CaldavRadicaleTest, TheStoredEntriesCarryNoPersonalDataBeyondInitials) {
  Publish(TestReferral(kId));
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  // Each object as Radicale stores it, fetched one by one.
  for (const char* uid : {kIntakeUid, kLimitUid}) {
    std::string path = absl::StrCat(
        kAnnasCalendar, absl::StrReplaceAll(uid, {{"@", "%40"}}), ".ics");
    absl::StatusOr<RawHttpResponse> object = radicale_->Request("GET", path);
    ASSERT_THAT(object, IsOk());
    ASSERT_EQ(object->status, 200) << path;
    EXPECT_THAT(object->body, HasSubstr("J.d.V."));
    for (const std::string& secret : SecretsOfTestReferral()) {
      EXPECT_THAT(object->body, Not(HasSubstr(secret))) << secret;
    }
  }
  // And on disk, in Radicale's storage folder.
  for (const auto& file :
       std::filesystem::recursive_directory_iterator(dir_ + "/collections")) {
    if (!file.is_regular_file()) continue;
    std::ifstream in(file.path());
    const std::string content((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    for (const std::string& secret : SecretsOfTestReferral()) {
      EXPECT_THAT(content, Not(HasSubstr(secret))) << file.path();
    }
  }
}

TEST_F(CaldavRadicaleTest, ARestartedWorkerDoesNotDuplicateEntries) {
  wor::v1::Referral referral = TestReferral(kId);
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOk());
  ASSERT_EQ(CountEvents(AnnasCalendar()), 2);

  OpenServerSide();  // a server restart: same database, new process objects
  Publish(referral);
  ASSERT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  EXPECT_EQ(CountEvents(AnnasCalendar()), 2);

  // Even a worker that lost its ledger (a crash between a put and its
  // record) replays the whole outbox without a duplicate.
  std::unique_ptr<CalendarSyncLedger> empty = NewMemoryCalendarSyncLedger();
  UseCalendarServer(radicale_->base_url(), RadicaleServer::kPassword,
                    empty.get());
  ASSERT_THAT(worker_->SyncOnce(), IsOkAndHolds(2));
  EXPECT_EQ(CountEvents(AnnasCalendar()), 2);
  worker_.reset();
}

TEST_F(CaldavRadicaleTest, WhileTheCalendarIsUnreachableNothingIsSkipped) {
  Publish(TestReferral(kId));
  // A port nobody listens on.
  UseCalendarServer("http://127.0.0.1:1", RadicaleServer::kPassword,
                    ledger_.get());
  absl::StatusOr<int> failed = worker_->SyncOnce();
  EXPECT_THAT(failed, StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(ledger_->Cursor(), IsOkAndHolds(0));

  UseCalendarServer(radicale_->base_url(), RadicaleServer::kPassword,
                    ledger_.get());
  EXPECT_THAT(worker_->SyncOnce(), IsOkAndHolds(1));
  EXPECT_EQ(CountEvents(AnnasCalendar()), 2);
}

TEST_F(CaldavRadicaleTest,
       AWrongPasswordIsRefusedWithoutPersonalDataInTheError) {
  Publish(TestReferral(kId));
  OpenServerSide("wrong");
  absl::StatusOr<int> result = worker_->SyncOnce();
  EXPECT_THAT(result, StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(result.status().message(), Not(HasSubstr("J.d.V.")));
  EXPECT_THAT(result.status().message(), HasSubstr("calendar.caldav"));
  EXPECT_THAT(ledger_->Cursor(), IsOkAndHolds(0));
}

}  // namespace
}  // namespace wor::server
