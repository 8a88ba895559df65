// What only the SQLite store can show about privacy: the audit log refuses
// changes made behind the store's back, no personal data reaches the
// database file or its WAL in clear, a sealed box moved to another row is
// detected, and the audit chain carries on across a reopen.
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_migrations.h"
#include "server/store/sqlite_store.h"
#include "server/store/store.h"
#include "tests/common/status_matchers.h"
#include "tests/store/raw_access.h"
#include "wor/v1/audit.pb.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr int kNoLimit = 1000;

// Distinctive enough not to appear in a file by chance.
constexpr char kFamilyName[] = "Zwanenburgh-Oosterhuis";
constexpr char kPhone[] = "0687654329";
constexpr char kQuestion[] = "Ik zoek een wandelgroep bij de Reestmolen";
constexpr char kSummary[] = "Kennismaking verliep hartelijk en open";
// Public, so it must be found: proves the scan sees what is stored.
constexpr char kOrganisation[] = "welfareOrganisations/98765432";

wor::v1::Referral PersonalReferral(const std::string& id,
                                   const std::string& pseudonym) {
  wor::v1::Referral referral;
  referral.set_name(absl::StrCat("referrals/", id));
  referral.mutable_referrer()->set_practice_agb("01234567");
  referral.set_welfare_organisation(kOrganisation);
  referral.set_state(wor::v1::REFERRAL_STATE_REQUESTED);
  referral.set_patient_pseudonym(pseudonym);
  referral.mutable_patient()->set_family_name(kFamilyName);
  referral.mutable_patient()->set_phone(kPhone);
  referral.set_patient_question(kQuestion);
  return referral;
}

wor::v1::AuditRecord MakeAudit(const std::string& user) {
  wor::v1::AuditRecord record;
  record.set_user(user);
  record.add_patient_pseudonyms("p1");
  record.set_event(wor::v1::AUDIT_EVENT_TYPE_READ);
  return record;
}

class SqlitePrivacyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "sqlite_privacy_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/wor.db";
    KeyringOptions options;
    options.path = dir_ + "/keyring.db";
    options.master_keys = {{"test-key", std::string(32, 'k')}};
    options.active_master_key_id = "test-key";
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
        OpenPatientKeyring(options);
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
  }

  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void OpenStore() {
    store_.reset();
    SqliteStoreOptions options;
    options.path = path_;
    options.keyring = keyring_.get();
    absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(options);
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  absl::Status AppendAudit(const wor::v1::AuditRecord& record) {
    return store_->Write(
        [&](WriteTransaction& tx) { return tx.AppendAudit(record); });
  }

  std::string dir_;
  std::string path_;
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqlitePrivacyTest, TheAuditLogRefusesChangesMadeWithRawSql) {
  OpenStore();
  ASSERT_THAT(AppendAudit(MakeAudit("coach")), IsOk());
  ASSERT_THAT(AppendAudit(MakeAudit("gp")), IsOk());

  for (const char* sql : {
           "UPDATE audit_log SET user = 'someone else' WHERE sequence = 1",
           "DELETE FROM audit_log WHERE sequence = 2",
           "DELETE FROM audit_log",
           "UPDATE audit_record_patients SET pseudonym = 'p2'",
           "DELETE FROM audit_record_patients",
           "INSERT OR REPLACE INTO audit_log (sequence, event_time, user, "
           "record, previous_hash, hash) VALUES (1, 0, 'x', x'', '', '')",
           "INSERT INTO audit_log (sequence, event_time, user, record, "
           "previous_hash, hash) VALUES (7, 0, 'x', x'', '', '')",
       }) {
    SCOPED_TRACE(sql);
    absl::Status status = ExecuteRawSql(path_, sql);
    EXPECT_THAT(status, StatusIs(absl::StatusCode::kInternal));
    EXPECT_THAT(std::string(status.message()), HasSubstr("append-only"));
  }

  absl::StatusOr<std::vector<wor::v1::AuditRecord>> records =
      store_->ListAudit({}, 0, kNoLimit);
  ASSERT_THAT(records, IsOk());
  ASSERT_THAT(*records, SizeIs(2));
  EXPECT_EQ((*records)[0].user(), "coach");
  EXPECT_EQ((*records)[1].user(), "gp");
  AuditFilter of_p1;
  of_p1.patient_pseudonym = "p1";
  EXPECT_THAT(store_->ListAudit(of_p1, 0, kNoLimit), IsOkAndHolds(SizeIs(2)));
}

TEST_F(SqlitePrivacyTest, NoPersonalDataReachesTheDatabaseOrItsWal) {
  OpenStore();
  const wor::v1::Referral referral = PersonalReferral("a", "p1");
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    absl::Status status = tx.InsertReferral("a", referral);
    if (status.ok()) {
      wor::v1::Feedback feedback;
      feedback.set_kind(wor::v1::FEEDBACK_KIND_AFTER_INTAKE);
      feedback.set_summary(kSummary);
      status = tx.InsertFeedback("a", "f1", feedback);
    }
    if (status.ok()) {
      wor::v1::ReferralEvent event;
      event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CREATED);
      *event.mutable_referral() = referral;
      status = tx.AppendEvent(event);
    }
    if (status.ok()) {
      status = tx.InsertIdempotencyRecord(
          "request-1", IdempotencyRecord{"CreateReferral", "digest",
                                         referral.SerializeAsString(), "p1"});
    }
    return status;
  }),
              IsOk());
  // An update writes the referral again (a new box in the WAL).
  wor::v1::Referral accepted = referral;
  accepted.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
    return tx.UpdateReferral("a", 1, accepted);
  }),
              IsOk());

  const std::vector<std::string> files = SqliteFiles(path_);
  ASSERT_TRUE(std::filesystem::exists(path_ + "-wal"));
  EXPECT_NE(FileContaining(files, kOrganisation), "");
  for (const char* secret : {kFamilyName, kPhone, kQuestion, kSummary}) {
    EXPECT_EQ(FileContaining(files, secret), "") << secret;
  }

  store_.reset();  // closing checkpoints the WAL into the database
  EXPECT_NE(FileContaining(files, kOrganisation), "");
  for (const char* secret : {kFamilyName, kPhone, kQuestion, kSummary}) {
    EXPECT_EQ(FileContaining(files, secret), "") << secret;
  }

  // And the data is all there for whoever holds the key.
  OpenStore();
  EXPECT_THAT(store_->GetReferral("a"),
              IsOkAndHolds(::testing::Field(&StoredReferral::revision, 2)));
  EXPECT_EQ(store_->GetReferral("a")->referral.patient().family_name(),
            kFamilyName);
}

TEST_F(SqlitePrivacyTest, ABoxMovedToAnotherReferralIsDataLoss) {
  OpenStore();
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    absl::Status status = tx.InsertReferral("a", PersonalReferral("a", "p1"));
    if (!status.ok()) return status;
    return tx.InsertReferral("b", PersonalReferral("b", "p1"));
  }),
              IsOk());

  // Same patient, same key: only the associated data (the id) tells them
  // apart.
  ASSERT_THAT(ExecuteRawSql(path_,
                            "UPDATE referrals SET sealed_personal = (SELECT "
                            "sealed_personal FROM referrals WHERE id = 'a') "
                            "WHERE id = 'b'"),
              IsOk());
  EXPECT_THAT(store_->GetReferral("a"), IsOk());
  absl::StatusOr<StoredReferral> moved = store_->GetReferral("b");
  EXPECT_THAT(moved, StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(std::string(moved.status().message()), HasSubstr("referral b"));
  EXPECT_THAT(store_->ListReferrals({}, 0, kNoLimit),
              StatusIs(absl::StatusCode::kDataLoss));
}

TEST_F(SqlitePrivacyTest, ARemovedBoxIsDataLossNotAnErasure) {
  OpenStore();
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
    return tx.InsertReferral("a", PersonalReferral("a", "p1"));
  }),
              IsOk());
  ASSERT_THAT(
      ExecuteRawSql(path_, "UPDATE referrals SET sealed_personal = x''"),
      IsOk());
  EXPECT_THAT(store_->GetReferral("a"), StatusIs(absl::StatusCode::kDataLoss));
}

TEST_F(SqlitePrivacyTest, TheAuditChainCarriesOnAfterReopening) {
  OpenStore();
  ASSERT_THAT(AppendAudit(MakeAudit("first")), IsOk());
  ASSERT_THAT(AppendAudit(MakeAudit("second")), IsOk());
  OpenStore();
  ASSERT_THAT(AppendAudit(MakeAudit("third")), IsOk());

  absl::StatusOr<std::vector<StoredAuditRow>> rows =
      store_->ReadAuditRows(0, kNoLimit);
  ASSERT_THAT(rows, IsOk());
  ASSERT_THAT(*rows, SizeIs(3));
  EXPECT_EQ((*rows)[2].sequence, 3);
  EXPECT_EQ((*rows)[2].previous_hash, (*rows)[1].hash);
}

// A database written by version 1 (before encryption and the audit log)
// opens and is brought to the latest schema.
TEST_F(SqlitePrivacyTest, AVersionOneDatabaseIsMigrated) {
  const std::vector<SqliteMigration>& migrations = SqliteMigrations();
  ASSERT_GE(migrations.size(), 2u);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_close(db);
  }
  ASSERT_THAT(ExecuteRawSql(path_, absl::StrCat(migrations[0].sql,
                                                "; PRAGMA user_version = 1;")),
              IsOk());

  OpenStore();
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) -> absl::Status {
    absl::Status status = tx.InsertReferral("a", PersonalReferral("a", "p1"));
    if (!status.ok()) return status;
    return tx.AppendAudit(MakeAudit("coach"));
  }),
              IsOk());
  EXPECT_THAT(store_->GetReferral("a"), IsOk());
  EXPECT_THAT(QueryRawColumn(path_, "PRAGMA user_version"),
              IsOkAndHolds(ElementsAre(std::to_string(migrations.size()))));
}

}  // namespace
}  // namespace wor::server
