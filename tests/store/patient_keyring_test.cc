// The patient keyring (server/store/patient_keyring.h): data keys and
// secrets, their survival across reopening, master keys and their rotation,
// destruction that leaves no trace in the keyring's files, and master key
// files.
#include "server/store/patient_keyring.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/status_matchers.h"
#include "tests/store/raw_access.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Optional;
using ::testing::SizeIs;

const MasterKey kOld{"2026-01", std::string(32, 'o')};
const MasterKey kNew{"2026-11", std::string(32, 'n')};

class PatientKeyringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "keyring_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = dir_ + "/keyring.db";
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  absl::StatusOr<std::unique_ptr<PatientKeyring>> Open(
      std::vector<MasterKey> keys, const std::string& active) {
    KeyringOptions options;
    options.path = path_;
    options.master_keys = std::move(keys);
    options.active_master_key_id = active;
    return OpenPatientKeyring(options);
  }

  absl::StatusOr<std::unique_ptr<PatientKeyring>> Open() {
    return Open({kOld}, kOld.id);
  }

  std::string dir_;
  std::string path_;
};

TEST_F(PatientKeyringTest, EachPatientGetsTheirOwnKeyOnce) {
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
  ASSERT_THAT(keyring, IsOk());

  EXPECT_THAT((*keyring)->KeyForReading("p1"),
              IsOkAndHolds(std::optional<std::string>()));
  absl::StatusOr<std::string> p1 = (*keyring)->KeyForWriting("p1");
  ASSERT_THAT(p1, IsOk());
  EXPECT_THAT(*p1, SizeIs(32));
  EXPECT_THAT((*keyring)->KeyForWriting("p1"), IsOkAndHolds(*p1));
  EXPECT_THAT((*keyring)->KeyForReading("p1"), IsOkAndHolds(Optional(*p1)));
  absl::StatusOr<std::string> p2 = (*keyring)->KeyForWriting("p2");
  ASSERT_THAT(p2, IsOk());
  EXPECT_NE(*p1, *p2);
}

// New keys become durable together, when the store that sealed data under
// them is about to commit.
TEST_F(PatientKeyringTest, NewKeysAreCommittedTogetherByCommitNewKeys) {
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
  ASSERT_THAT(keyring, IsOk());
  const std::string count = "SELECT COUNT(*) FROM data_keys";
  ASSERT_THAT((*keyring)->KeyForWriting("p1"), IsOk());
  ASSERT_THAT((*keyring)->KeyForWriting("p2"), IsOk());
  EXPECT_THAT(QueryRawColumn(path_, count), IsOkAndHolds(ElementsAre("0")));

  ASSERT_THAT((*keyring)->CommitNewKeys(), IsOk());
  EXPECT_THAT(QueryRawColumn(path_, count), IsOkAndHolds(ElementsAre("2")));
  EXPECT_THAT((*keyring)->CommitNewKeys(), IsOk());  // nothing new
}

TEST_F(PatientKeyringTest, AnEmptyPseudonymIsInvalidArgument) {
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
  ASSERT_THAT(keyring, IsOk());
  EXPECT_THAT((*keyring)->KeyForWriting(""),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT((*keyring)->KeyForReading(""),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT((*keyring)->Destroy(""),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(PatientKeyringTest, ConcurrentFirstWritesOfOnePatientShareOneKey) {
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
  ASSERT_THAT(keyring, IsOk());
  constexpr int kThreads = 8;
  std::vector<std::string> keys(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      keys[t] = (*keyring)->KeyForWriting("p1").value_or("failed");
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(keys, ::testing::Each(keys[0]));
  EXPECT_THAT(keys[0], SizeIs(32));
}

TEST_F(PatientKeyringTest, KeysAndSecretsSurviveReopeningWithTheSameMasterKey) {
  std::string key;
  std::string secret;
  {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
    ASSERT_THAT(keyring, IsOk());
    ASSERT_THAT((*keyring)->KeyForWriting("p1"), IsOk());
    key = *(*keyring)->KeyForWriting("p1");
    absl::StatusOr<std::string> created = (*keyring)->Secret("pseudonym-hmac");
    ASSERT_THAT(created, IsOk());
    secret = *created;
    EXPECT_THAT(secret, SizeIs(32));
    EXPECT_THAT((*keyring)->Secret("pseudonym-hmac"), IsOkAndHolds(secret));
    EXPECT_THAT((*keyring)->Secret("other"), IsOkAndHolds(Not(secret)));
  }
  absl::StatusOr<std::unique_ptr<PatientKeyring>> reopened = Open();
  ASSERT_THAT(reopened, IsOk());
  EXPECT_THAT((*reopened)->KeyForReading("p1"), IsOkAndHolds(Optional(key)));
  EXPECT_THAT((*reopened)->KeyForWriting("p1"), IsOkAndHolds(key));
  EXPECT_THAT((*reopened)->Secret("pseudonym-hmac"), IsOkAndHolds(secret));
}

TEST_F(PatientKeyringTest, AWrongMasterKeyIsRefusedWhenOpening) {
  {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
    ASSERT_THAT(keyring, IsOk());
    ASSERT_THAT((*keyring)->KeyForWriting("p1"), IsOk());
  }
  const MasterKey wrong{kOld.id, std::string(32, 'w')};
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
      Open({wrong}, wrong.id);
  EXPECT_THAT(keyring, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(keyring.status().message()), HasSubstr(kOld.id));
}

TEST_F(PatientKeyringTest, AKeyringNeedingAMasterKeyThatWasNotGivenIsRefused) {
  {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
    ASSERT_THAT(keyring, IsOk());
    ASSERT_THAT((*keyring)->KeyForWriting("p1"), IsOk());
  }
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
      Open({kNew}, kNew.id);
  EXPECT_THAT(keyring, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(std::string(keyring.status().message()), HasSubstr(kOld.id));
}

TEST_F(PatientKeyringTest, AfterRewrapAllOnlyTheNewMasterKeyIsNeeded) {
  std::string p1;
  std::string p2;
  std::string secret;
  {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
    ASSERT_THAT(keyring, IsOk());
    p1 = (*keyring)->KeyForWriting("p1").value_or("");
    p2 = (*keyring)->KeyForWriting("p2").value_or("");
    secret = (*keyring)->Secret("pseudonym-hmac").value_or("");
  }
  {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
        Open({kOld, kNew}, kNew.id);
    ASSERT_THAT(keyring, IsOk());
    // A key created now is wrapped by the new master key already.
    ASSERT_THAT((*keyring)->KeyForWriting("p3"), IsOk());
    EXPECT_THAT((*keyring)->RewrapAll(), IsOkAndHolds(3));
    EXPECT_THAT((*keyring)->RewrapAll(), IsOkAndHolds(0));
  }
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
      Open({kNew}, kNew.id);
  ASSERT_THAT(keyring, IsOk());
  EXPECT_THAT((*keyring)->KeyForReading("p1"), IsOkAndHolds(Optional(p1)));
  EXPECT_THAT((*keyring)->KeyForReading("p2"), IsOkAndHolds(Optional(p2)));
  EXPECT_THAT((*keyring)->Secret("pseudonym-hmac"), IsOkAndHolds(secret));
}

TEST_F(PatientKeyringTest, ADestroyedKeyIsGoneForGood) {
  {
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
    ASSERT_THAT(keyring, IsOk());
    ASSERT_THAT((*keyring)->KeyForWriting("p1"), IsOk());
    ASSERT_THAT((*keyring)->KeyForWriting("p2"), IsOk());
    EXPECT_THAT((*keyring)->IsDestroyed("p1"), IsOkAndHolds(false));

    ASSERT_THAT((*keyring)->Destroy("p1"), IsOk());
    EXPECT_THAT((*keyring)->Destroy("p1"), IsOk());  // idempotent
    EXPECT_THAT((*keyring)->IsDestroyed("p1"), IsOkAndHolds(true));
    EXPECT_THAT((*keyring)->KeyForReading("p1"),
                IsOkAndHolds(std::optional<std::string>()));
    EXPECT_THAT((*keyring)->KeyForWriting("p1"),
                StatusIs(absl::StatusCode::kFailedPrecondition));
    // Destroying a patient who never had a key still bars a new one.
    ASSERT_THAT((*keyring)->Destroy("never-written"), IsOk());
    EXPECT_THAT((*keyring)->KeyForWriting("never-written"),
                StatusIs(absl::StatusCode::kFailedPrecondition));
  }
  absl::StatusOr<std::unique_ptr<PatientKeyring>> reopened = Open();
  ASSERT_THAT(reopened, IsOk());
  EXPECT_THAT((*reopened)->IsDestroyed("p1"), IsOkAndHolds(true));
  EXPECT_THAT((*reopened)->KeyForWriting("p1"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT((*reopened)->KeyForReading("p2"),
              IsOkAndHolds(Optional(SizeIs(32))));
}

TEST_F(PatientKeyringTest, AfterDestroyTheKeyringFilesHoldNoTraceOfTheKey) {
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
  ASSERT_THAT(keyring, IsOk());
  for (const char* patient : {"p1", "p2", "p3"}) {
    ASSERT_THAT((*keyring)->KeyForWriting(patient), IsOk());
  }
  ASSERT_THAT((*keyring)->CommitNewKeys(), IsOk());
  absl::StatusOr<std::vector<std::string>> wrapped = QueryRawColumn(
      path_, "SELECT wrapped_key FROM data_keys WHERE pseudonym = 'p2'");
  ASSERT_THAT(wrapped, IsOk());
  ASSERT_THAT(*wrapped, SizeIs(1));
  const std::string wrapped_key = (*wrapped)[0];
  ASSERT_THAT(wrapped_key, SizeIs(12 + 32 + 16));
  // The search can find it while it exists (in the WAL, or the database
  // after a checkpoint).
  ASSERT_NE(FileContaining(SqliteFiles(path_), wrapped_key), "");

  ASSERT_THAT((*keyring)->Destroy("p2"), IsOk());

  EXPECT_EQ(FileContaining(SqliteFiles(path_), wrapped_key), "");
  keyring->reset();
  EXPECT_EQ(FileContaining(SqliteFiles(path_), wrapped_key), "");
}

// The hot path: writing for a patient who has a key touches no file. While
// another connection holds an exclusive lock, any file access would fail
// (after the busy timeout).
TEST_F(PatientKeyringTest, AnExistingPatientsKeyIsServedFromMemory) {
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = Open();
  ASSERT_THAT(keyring, IsOk());
  absl::StatusOr<std::string> key = (*keyring)->KeyForWriting("p1");
  ASSERT_THAT(key, IsOk());
  ASSERT_THAT((*keyring)->CommitNewKeys(), IsOk());

  sqlite3* blocker = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &blocker), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(blocker, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  EXPECT_THAT((*keyring)->KeyForWriting("p1"), IsOkAndHolds(*key));
  EXPECT_THAT((*keyring)->KeyForReading("p1"), IsOkAndHolds(Optional(*key)));
  sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(blocker);
}

TEST_F(PatientKeyringTest, AnInMemoryKeyringWorksWithoutAFile) {
  KeyringOptions options;
  options.master_keys = {kOld};
  options.active_master_key_id = kOld.id;
  absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring =
      OpenPatientKeyring(options);
  ASSERT_THAT(keyring, IsOk());
  ASSERT_THAT((*keyring)->KeyForWriting("p1"), IsOk());
  ASSERT_THAT((*keyring)->Destroy("p1"), IsOk());
  EXPECT_THAT((*keyring)->KeyForWriting("p1"),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(PatientKeyringTest, UnusableOptionsAreInvalidArgument) {
  EXPECT_THAT(Open({}, ""), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Open({kOld}, kNew.id),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Open({{"short", "too short"}}, "short"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Open({kOld, kOld}, kOld.id),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Open({{"", std::string(32, 'x')}}, ""),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(PatientKeyringTest, AKeyringInAMissingDirectoryIsUnavailable) {
  path_ = dir_ + "/missing/keyring.db";
  EXPECT_THAT(Open(), StatusIs(absl::StatusCode::kUnavailable));
}

// Master key files.

class MasterKeyFileTest : public PatientKeyringTest {
 protected:
  std::string Write(const std::string& content) {
    const std::string file = dir_ + "/master.key";
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
};

TEST_F(MasterKeyFileTest, SixtyFourHexCharactersAreTheKeyWhitespaceIgnored) {
  const std::string hex =
      "00112233445566778899aabbccddeeff"
      "00112233445566778899AABBCCDDEEFF";
  const std::string file =
      Write(absl::StrCat("  ", hex.substr(0, 32), "\n", hex.substr(32), "\n"));

  absl::StatusOr<MasterKey> key = ReadMasterKeyFile("2026-11", file);
  ASSERT_THAT(key, IsOk());
  EXPECT_EQ(key->id, "2026-11");
  ASSERT_THAT(key->bytes, SizeIs(32));
  EXPECT_EQ(key->bytes[0], '\x00');
  EXPECT_EQ(key->bytes[10], '\xaa');
  EXPECT_EQ(key->bytes[31], '\xff');
}

TEST_F(MasterKeyFileTest, AMalformedFileIsRefusedNamingTheFileNotItsContent) {
  for (const std::string& content :
       {std::string("deadbeef"), std::string(63, 'a'), std::string(66, 'a'),
        std::string(63, 'a') + "g", std::string("")}) {
    SCOPED_TRACE(content);
    const std::string file = Write(content);
    absl::StatusOr<MasterKey> key = ReadMasterKeyFile("k", file);
    EXPECT_THAT(key, StatusIs(absl::StatusCode::kInvalidArgument));
    EXPECT_THAT(std::string(key.status().message()), HasSubstr(file));
    if (!content.empty()) {
      EXPECT_THAT(std::string(key.status().message()),
                  Not(HasSubstr(content.substr(0, 8))));
    }
  }
}

TEST_F(MasterKeyFileTest, AMissingFileIsRefusedNamingIt) {
  const std::string file = dir_ + "/absent.key";
  absl::StatusOr<MasterKey> key = ReadMasterKeyFile("k", file);
  EXPECT_THAT(key, Not(IsOk()));
  EXPECT_THAT(std::string(key.status().message()), HasSubstr(file));
}

}  // namespace
}  // namespace wor::server
