// The CalendarSyncLedger contract (server/store/calendar_sync_ledger.h), run
// against the in-memory ledger and the SQLite ledger in the store's database
// (which must survive reopening).
#include "server/store/calendar_sync_ledger.h"

#include <stdlib.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_connection.h"
#include "server/store/sqlite_store.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct LedgerImplementation {
  std::string name;
  bool durable;
  friend void PrintTo(const LedgerImplementation& impl, std::ostream* os) {
    *os << impl.name;
  }
};

class CalendarSyncLedgerTest
    : public ::testing::TestWithParam<LedgerImplementation> {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "calendar_ledger_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = OpenTestKeyring();
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
    Open();
  }

  void TearDown() override {
    ledger_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Open() {
    ledger_.reset();
    store_.reset();
    if (!GetParam().durable) {
      ledger_ = NewMemoryCalendarSyncLedger();
      return;
    }
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
  }

  std::string dir_;
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CalendarSyncLedger> ledger_;
};

PushedCalendarEntry Entry(const std::string& coach, const std::string& uid,
                          const std::string& referral,
                          const std::string& etag = "\"e1\"") {
  return PushedCalendarEntry{coach, uid, referral, etag, "digest-" + uid};
}

TEST_P(CalendarSyncLedgerTest, TheCursorStartsAtZeroAndOnlyMovesForward) {
  EXPECT_THAT(ledger_->Cursor(), IsOkAndHolds(0));
  ASSERT_THAT(ledger_->AdvanceCursor(5), IsOk());
  EXPECT_THAT(ledger_->Cursor(), IsOkAndHolds(5));
  ASSERT_THAT(ledger_->AdvanceCursor(3), IsOk());
  EXPECT_THAT(ledger_->Cursor(), IsOkAndHolds(5));
}

TEST_P(CalendarSyncLedgerTest,
       EntriesAreFoundByReferralAndReplacedByCoachAndUid) {
  ASSERT_THAT(ledger_->RecordPut(Entry("c/b", "u2", "r1")), IsOk());
  ASSERT_THAT(ledger_->RecordPut(Entry("c/a", "u1", "r1")), IsOk());
  ASSERT_THAT(ledger_->RecordPut(Entry("c/a", "u3", "r2")), IsOk());
  ASSERT_THAT(ledger_->RecordPut(Entry("c/a", "u1", "r1", "\"e2\"")), IsOk());
  EXPECT_THAT(ledger_->EntriesOfReferral("r1"),
              IsOkAndHolds(ElementsAre(Entry("c/a", "u1", "r1", "\"e2\""),
                                       Entry("c/b", "u2", "r1"))));
  EXPECT_THAT(ledger_->EntriesOfReferral("missing"), IsOkAndHolds(IsEmpty()));
}

TEST_P(CalendarSyncLedgerTest, ARemovedEntryIsForgottenAndRemovingTwiceIsFine) {
  ASSERT_THAT(ledger_->RecordPut(Entry("c/a", "u1", "r1")), IsOk());
  ASSERT_THAT(ledger_->RecordRemoved("c/a", "u1"), IsOk());
  ASSERT_THAT(ledger_->RecordRemoved("c/a", "u1"), IsOk());
  EXPECT_THAT(ledger_->EntriesOfReferral("r1"), IsOkAndHolds(IsEmpty()));
}

TEST_P(CalendarSyncLedgerTest, ADurableLedgerSurvivesReopening) {
  if (!GetParam().durable) GTEST_SKIP() << "in memory by design";
  ASSERT_THAT(ledger_->AdvanceCursor(9), IsOk());
  ASSERT_THAT(ledger_->RecordPut(Entry("c/a", "u1", "r1")), IsOk());
  Open();
  EXPECT_THAT(ledger_->Cursor(), IsOkAndHolds(9));
  EXPECT_THAT(ledger_->EntriesOfReferral("r1"),
              IsOkAndHolds(ElementsAre(Entry("c/a", "u1", "r1"))));
}

INSTANTIATE_TEST_SUITE_P(
    AllLedgers, CalendarSyncLedgerTest,
    ::testing::Values(LedgerImplementation{"Memory", false},
                      LedgerImplementation{"Sqlite", true}),
    [](const auto& info) { return info.param.name; });

TEST(SqliteCalendarSyncLedger, RefusesADatabaseWithoutItsTables) {
  std::string pattern = ::testing::TempDir() + "calendar_ledger_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::string path = pattern + "/other.db";
  {
    absl::StatusOr<std::unique_ptr<SqliteConnection>> db =
        SqliteConnection::Open(path, /*create=*/true, false);
    ASSERT_THAT(db, IsOk());
  }
  EXPECT_THAT(OpenSqliteCalendarSyncLedger(path),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  std::filesystem::remove_all(pattern);
}

}  // namespace
}  // namespace wor::server
