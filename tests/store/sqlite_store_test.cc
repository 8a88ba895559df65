// What only the SQLite store promises beyond the Store contract: durability
// across a reopen, schema migrations, WAL mode, savepoint isolation within a
// group commit, and clear errors for unusable paths.
#include "server/store/sqlite_store.h"

#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_migrations.h"
#include "server/store/store.h"
#include "tests/common/status_matchers.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr int kNoLimit = 1000;

wor::v1::Referral MakeReferral(const std::string& id) {
  wor::v1::Referral referral;
  referral.set_name(absl::StrCat("referrals/", id));
  referral.mutable_referrer()->set_practice_agb("01234567");
  referral.set_welfare_organisation("welfareOrganisations/11111111");
  referral.set_state(wor::v1::REFERRAL_STATE_REQUESTED);
  referral.set_patient_pseudonym("pseudonym-1");
  referral.mutable_patient()->set_family_name("Bakker");
  return referral;
}

wor::v1::ReferralEvent MakeEvent(const std::string& referral_id) {
  wor::v1::ReferralEvent event;
  event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CREATED);
  *event.mutable_referral() = MakeReferral(referral_id);
  return event;
}

// Runs one statement on a raw connection, bypassing the store, and returns
// the first column of its first row as text.
absl::StatusOr<std::string> QueryRaw(const std::string& path,
                                     const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return absl::InternalError("cannot open the test database");
  }
  sqlite3_stmt* stmt = nullptr;
  std::string value;
  int code = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  if (code == SQLITE_OK) code = sqlite3_step(stmt);
  if (code == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    if (text != nullptr) value = reinterpret_cast<const char*>(text);
  }
  std::string error = sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (code != SQLITE_ROW && code != SQLITE_DONE) {
    return absl::InternalError(absl::StrCat(sql, ": ", error));
  }
  return value;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "sqlite_store_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/wor.db";
    KeyringOptions keyring_options;
    keyring_options.path = dir_ + "/keyring.db";
    keyring_options.master_keys = {{"test-key", std::string(32, 'k')}};
    keyring_options.active_master_key_id = "test-key";
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
        OpenPatientKeyring(keyring_options);
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  SqliteStoreOptions Options(const std::string& path) {
    SqliteStoreOptions options;
    options.path = path;
    options.keyring = keyring_.get();
    return options;
  }

  absl::StatusOr<std::unique_ptr<Store>> Open() {
    return OpenSqliteStore(Options(path_));
  }

  std::string dir_;
  std::string path_;
  std::unique_ptr<PatientKeyring> keyring_;
};

TEST_F(SqliteStoreTest, CommittedDataSurvivesClosingAndReopening) {
  int64_t last_sequence = 0;
  {
    absl::StatusOr<std::unique_ptr<Store>> store = Open();
    ASSERT_THAT(store, IsOk());
    ASSERT_THAT((*store)->Write([](WriteTransaction& tx) -> absl::Status {
      absl::Status status = tx.InsertReferral("a", MakeReferral("a"));
      if (status.ok()) status = tx.UpdateReferral("a", 1, MakeReferral("a"));
      if (status.ok()) {
        status = tx.InsertIdempotencyRecord(
            "request-1", IdempotencyRecord{"M", "D", "R", ""});
      }
      if (status.ok()) {
        wor::v1::Feedback feedback;
        feedback.set_summary("after intake");
        status = tx.InsertFeedback("a", "f1", feedback);
      }
      if (status.ok()) status = tx.AppendEvent(MakeEvent("a"));
      return status;
    }),
                IsOk());
    absl::StatusOr<std::vector<StoredEvent>> events =
        (*store)->ReadEvents({}, 0, kNoLimit);
    ASSERT_THAT(events, IsOk());
    ASSERT_THAT(*events, SizeIs(1));
    last_sequence = (*events)[0].sequence;
  }

  absl::StatusOr<std::unique_ptr<Store>> reopened = Open();
  ASSERT_THAT(reopened, IsOk());
  Store& store = **reopened;
  absl::StatusOr<StoredReferral> referral = store.GetReferral("a");
  ASSERT_THAT(referral, IsOk());
  EXPECT_EQ(referral->revision, 2);
  EXPECT_EQ(referral->referral.name(), "referrals/a");
  absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>> feedback =
      store.ListFeedback("a", 0, kNoLimit);
  ASSERT_THAT(feedback, IsOk());
  ASSERT_THAT(*feedback, SizeIs(1));
  EXPECT_EQ((*feedback)[0].second.summary(), "after intake");
  EXPECT_THAT(store.Write([](WriteTransaction& tx) -> absl::Status {
    absl::StatusOr<std::optional<IdempotencyRecord>> record =
        tx.FindIdempotencyRecord("request-1");
    if (!record.ok()) return record.status();
    return record->has_value() ? absl::OkStatus()
                               : absl::NotFoundError("record lost");
  }),
              IsOk());
  // The event feed carries on where it stopped.
  EXPECT_TRUE(
      store.WaitForEventsAfter(last_sequence - 1, absl::ZeroDuration()));
  EXPECT_FALSE(store.WaitForEventsAfter(last_sequence, absl::ZeroDuration()));
  ASSERT_THAT(store.Write([](WriteTransaction& tx) {
    return tx.AppendEvent(MakeEvent("a"));
  }),
              IsOk());
  absl::StatusOr<std::vector<StoredEvent>> newer =
      store.ReadEvents({}, last_sequence, kNoLimit);
  ASSERT_THAT(newer, IsOk());
  ASSERT_THAT(*newer, SizeIs(1));
  EXPECT_GT((*newer)[0].sequence, last_sequence);
}

TEST_F(SqliteStoreTest, OpeningAppliesEveryMigration) {
  const std::vector<SqliteMigration>& migrations = SqliteMigrations();
  ASSERT_THAT(migrations, ::testing::Not(IsEmpty()));
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1))
        << migrations[i].file_name;
  }
  ASSERT_THAT(Open(), IsOk());
  // Reopening an up-to-date database changes nothing.
  ASSERT_THAT(Open(), IsOk());

  EXPECT_THAT(QueryRaw(path_, "PRAGMA user_version"),
              IsOkAndHolds(std::to_string(migrations.size())));
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerServerIsRefused) {
  const int newer = SqliteMigrations().back().version + 1;
  ASSERT_THAT(QueryRaw(path_, absl::StrCat("PRAGMA user_version = ", newer)),
              IsOk());

  absl::StatusOr<std::unique_ptr<Store>> store = Open();
  EXPECT_THAT(store, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(store.status().message()),
              HasSubstr("newer server version"));
  EXPECT_THAT(QueryRaw(path_, "PRAGMA user_version"),
              IsOkAndHolds(std::to_string(newer)));
}

TEST_F(SqliteStoreTest, TheDatabaseIsInWalMode) {
  absl::StatusOr<std::unique_ptr<Store>> store = Open();
  ASSERT_THAT(store, IsOk());
  EXPECT_THAT(QueryRaw(path_, "PRAGMA journal_mode"),
              IsOkAndHolds(std::string("wal")));
}

// A write that fails inside a shared commit is rolled back to its savepoint;
// the writes committed with it stay. The first write holds the writer thread
// until the others have called Write, so that they queue up and (nearly
// always) share the next commit. Whether they do is invisible through the
// API; the outcome asserted below must hold either way.
TEST_F(SqliteStoreTest, AFailingWriteDoesNotUndoTheOtherWritesOfItsCommit) {
  absl::StatusOr<std::unique_ptr<Store>> opened = Open();
  ASSERT_THAT(opened, IsOk());
  Store& store = **opened;
  constexpr int kWrites = 8;

  absl::Notification writer_busy;
  absl::Notification release;
  absl::Status gate_status;
  std::thread gate([&] {
    gate_status = store.Write([&](WriteTransaction& tx) {
      writer_busy.Notify();
      release.WaitForNotification();
      return tx.InsertReferral("gate", MakeReferral("gate"));
    });
  });
  writer_busy.WaitForNotification();

  absl::BlockingCounter calling(kWrites);
  std::vector<absl::Status> results(kWrites);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWrites; ++i) {
    writers.emplace_back([&, i] {
      const std::string id = absl::StrCat("w", i);
      calling.DecrementCount();
      results[i] = store.Write([&](WriteTransaction& tx) -> absl::Status {
        absl::Status status = tx.InsertReferral(id, MakeReferral(id));
        if (status.ok()) status = tx.AppendEvent(MakeEvent(id));
        if (status.ok()) {
          status = tx.InsertIdempotencyRecord(
              id, IdempotencyRecord{"M", "D", "R", ""});
        }
        if (!status.ok() || i % 2 == 0) return status;
        // The odd writes fail in SQLite itself, after writing.
        return tx.InsertReferral("gate", MakeReferral("gate"));
      });
    });
  }
  calling.Wait();
  release.Notify();
  gate.join();
  for (std::thread& writer : writers) writer.join();

  ASSERT_THAT(gate_status, IsOk());
  int64_t last_sequence = 0;
  for (int i = 0; i < kWrites; ++i) {
    const std::string id = absl::StrCat("w", i);
    SCOPED_TRACE(id);
    if (i % 2 == 0) {
      EXPECT_THAT(results[i], IsOk());
      EXPECT_THAT(store.GetReferral(id), IsOk());
    } else {
      EXPECT_THAT(results[i], StatusIs(absl::StatusCode::kAlreadyExists));
      EXPECT_THAT(store.GetReferral(id), StatusIs(absl::StatusCode::kNotFound));
    }
    absl::StatusOr<std::optional<IdempotencyRecord>> record;
    ASSERT_THAT(store.Write([&](WriteTransaction& tx) {
      record = tx.FindIdempotencyRecord(id);
      return record.status();
    }),
                IsOk());
    EXPECT_EQ(record->has_value(), i % 2 == 0);
  }
  absl::StatusOr<std::vector<StoredEvent>> events =
      store.ReadEvents({}, 0, kNoLimit);
  ASSERT_THAT(events, IsOk());
  ASSERT_THAT(*events, SizeIs(kWrites / 2));
  for (const StoredEvent& stored : *events) {
    const std::string& name = stored.event.referral().name();
    EXPECT_TRUE(name == "referrals/w0" || name == "referrals/w2" ||
                name == "referrals/w4" || name == "referrals/w6")
        << name;
    last_sequence = stored.sequence;
  }
  // A rolled-back event never wakes a waiting stream.
  EXPECT_FALSE(store.WaitForEventsAfter(last_sequence, absl::ZeroDuration()));
}

TEST_F(SqliteStoreTest, FailingWritesLeaveNoTraceUnderHeavyConcurrency) {
  absl::StatusOr<std::unique_ptr<Store>> opened = Open();
  ASSERT_THAT(opened, IsOk());
  Store& store = **opened;
  constexpr int kThreads = 16;
  constexpr int kWritesPerThread = 20;

  std::vector<int> unexpected(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const bool fails = (t + i) % 2 == 1;
        const std::string id = absl::StrCat("t", t, "-", i);
        absl::Status status = store.Write([&](WriteTransaction& tx) {
          absl::Status inserted = tx.InsertReferral(id, MakeReferral(id));
          if (inserted.ok()) inserted = tx.AppendEvent(MakeEvent(id));
          if (!inserted.ok()) return inserted;
          return fails ? absl::AbortedError("deliberate") : absl::OkStatus();
        });
        if (status.ok() == fails) ++unexpected[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_THAT(unexpected, ::testing::Each(0));
  constexpr int kSucceeded = kThreads * kWritesPerThread / 2;
  absl::StatusOr<std::vector<StoredReferral>> referrals =
      store.ListReferrals({}, 0, kNoLimit);
  ASSERT_THAT(referrals, IsOk());
  EXPECT_THAT(*referrals, SizeIs(kSucceeded));
  for (const StoredReferral& stored : *referrals) {
    int t = 0;
    int i = 0;
    ASSERT_EQ(
        sscanf(stored.referral.name().c_str(), "referrals/t%d-%d", &t, &i), 2);
    EXPECT_EQ((t + i) % 2, 0) << stored.referral.name();
  }
  absl::StatusOr<std::vector<StoredEvent>> events =
      store.ReadEvents({}, 0, kNoLimit);
  ASSERT_THAT(events, IsOk());
  EXPECT_THAT(*events, SizeIs(kSucceeded));
}

TEST_F(SqliteStoreTest, AZeroBatchLimitStillCommitsEveryWrite) {
  SqliteStoreOptions options = Options(path_);
  options.max_writes_per_commit = 0;
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  ASSERT_THAT(store, IsOk());

  ASSERT_THAT((*store)->Write([](WriteTransaction& tx) {
    return tx.InsertReferral("a", MakeReferral("a"));
  }),
              IsOk());
  EXPECT_THAT((*store)->GetReferral("a"), IsOk());
}

TEST_F(SqliteStoreTest, APathUnderARegularFileIsUnavailable) {
  const std::string file = dir_ + "/plain_file";
  std::ofstream(file) << "not a directory";
  SqliteStoreOptions options = Options(file + "/wor.db");

  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(options);
  EXPECT_THAT(store, StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("directory"));
}

TEST_F(SqliteStoreTest, APathInAMissingDirectoryIsUnavailable) {
  EXPECT_THAT(OpenSqliteStore(Options(dir_ + "/missing/wor.db")),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(SqliteStoreTest, APathThatIsADirectoryIsUnavailable) {
  EXPECT_THAT(OpenSqliteStore(Options(dir_)),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(SqliteStoreTest, AnEmptyPathIsInvalidArgument) {
  EXPECT_THAT(OpenSqliteStore(Options("")),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(SqliteStoreTest, OpeningWithoutAKeyringIsInvalidArgument) {
  SqliteStoreOptions options = Options(path_);
  options.keyring = nullptr;
  EXPECT_THAT(OpenSqliteStore(options),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace wor::server
