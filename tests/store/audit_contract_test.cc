// The audit-log part of the Store contract (AppendAudit, ListAudit,
// ReadAuditRows), run against every implementation. The hash chain is
// recomputed here with OpenSSL and protobuf directly, independent of the
// store's own code.
#include <openssl/sha.h>

#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "gtest/gtest.h"
#include "server/store/store.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"
#include "wor/v1/audit.pb.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const absl::Time kMonday = absl::FromUnixSeconds(1767571200);  // 2026-01-05

wor::v1::AuditRecord MakeAudit(const std::string& user,
                               const std::vector<std::string>& patients,
                               absl::Time time = kMonday) {
  wor::v1::AuditRecord record;
  record.mutable_event_time()->set_seconds(absl::ToUnixSeconds(time));
  record.mutable_event_time()->set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(
          time - absl::FromUnixSeconds(absl::ToUnixSeconds(time)))));
  record.set_event(wor::v1::AUDIT_EVENT_TYPE_READ);
  record.set_method("wor.v1.ReferralService/GetReferral");
  for (const std::string& patient : patients) {
    record.add_patient_pseudonyms(patient);
  }
  record.set_user(user);
  record.set_organisation("agb:01012345");
  record.add_objects("referrals/r-1");
  record.set_outcome(wor::v1::AUDIT_OUTCOME_ALLOWED);
  return record;
}

AuditFilter Filter(const std::string& patient_pseudonym,
                   const std::string& user = "") {
  AuditFilter filter;
  filter.patient_pseudonym = patient_pseudonym;
  filter.user = user;
  return filter;
}

AuditFilter Period(absl::Time start, absl::Time end) {
  AuditFilter filter;
  filter.start = start;
  filter.end = end;
  return filter;
}

// hex(SHA-256(previous_hash || bytes)), straight from OpenSSL.
std::string ExpectedHash(const std::string& previous_hash,
                         const std::string& bytes) {
  const std::string input = previous_hash + bytes;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(),
         digest);
  return absl::BytesToHexString(
      std::string(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

// The bytes the hash must cover: the record with its sequence and no
// hashes, serialized deterministically.
std::string ExpectedStoredBytes(wor::v1::AuditRecord record, int64_t sequence) {
  record.set_sequence(sequence);
  record.clear_previous_hash();
  record.clear_hash();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    record.SerializeToCodedStream(&coded);
  }
  return bytes;
}

class AuditContractTest : public StoreContractTest {
 protected:
  absl::Status AppendAudit(const wor::v1::AuditRecord& record) {
    return store_->Write(
        [&](WriteTransaction& tx) { return tx.AppendAudit(record); });
  }

  std::vector<int64_t> ListedSequences(const AuditFilter& filter,
                                       int64_t after_sequence = 0,
                                       int limit = kNoLimit) {
    std::vector<int64_t> sequences;
    absl::StatusOr<std::vector<wor::v1::AuditRecord>> records =
        store_->ListAudit(filter, after_sequence, limit);
    EXPECT_THAT(records, IsOk());
    if (!records.ok()) return sequences;
    for (const wor::v1::AuditRecord& record : *records) {
      sequences.push_back(record.sequence());
    }
    return sequences;
  }

  // Checks every row against the formula; returns how many rows there are.
  int VerifyChain() {
    absl::StatusOr<std::vector<StoredAuditRow>> rows =
        store_->ReadAuditRows(0, kNoLimit);
    EXPECT_THAT(rows, IsOk());
    if (!rows.ok()) return 0;
    std::string previous(64, '0');
    int64_t expected_sequence = 1;
    for (const StoredAuditRow& row : *rows) {
      SCOPED_TRACE(row.sequence);
      EXPECT_EQ(row.sequence, expected_sequence++);
      EXPECT_EQ(row.previous_hash, previous);
      EXPECT_EQ(row.hash, ExpectedHash(row.previous_hash, row.record));
      previous = row.hash;
    }
    return static_cast<int>(rows->size());
  }
};

TEST_P(AuditContractTest, RecordsAreNumberedFromOneAndChainedByHash) {
  const wor::v1::AuditRecord first = MakeAudit("user-a", {"p1"});
  const wor::v1::AuditRecord second = MakeAudit("user-b", {"p2"});
  const wor::v1::AuditRecord third = MakeAudit("user-a", {});
  ASSERT_THAT(AppendAudit(first), IsOk());
  ASSERT_THAT(store_->Write([&](WriteTransaction& tx) {
    EXPECT_THAT(tx.AppendAudit(second), IsOk());
    return tx.AppendAudit(third);
  }),
              IsOk());

  absl::StatusOr<std::vector<StoredAuditRow>> rows =
      store_->ReadAuditRows(0, kNoLimit);
  ASSERT_THAT(rows, IsOk());
  ASSERT_THAT(*rows, SizeIs(3));
  const std::vector<wor::v1::AuditRecord> appended = {first, second, third};
  std::string previous(64, '0');
  for (int i = 0; i < 3; ++i) {
    const StoredAuditRow& row = (*rows)[i];
    SCOPED_TRACE(i);
    EXPECT_EQ(row.sequence, i + 1);
    EXPECT_EQ(row.record, ExpectedStoredBytes(appended[i], i + 1));
    EXPECT_EQ(row.previous_hash, previous);
    EXPECT_EQ(row.hash, ExpectedHash(previous, row.record));
    EXPECT_THAT(row.hash, ::testing::MatchesRegex("[0-9a-f]{64}"));
    previous = row.hash;
  }

  absl::StatusOr<std::vector<wor::v1::AuditRecord>> listed =
      store_->ListAudit({}, 0, kNoLimit);
  ASSERT_THAT(listed, IsOk());
  ASSERT_THAT(*listed, SizeIs(3));
  for (int i = 0; i < 3; ++i) {
    wor::v1::AuditRecord expected = appended[i];
    expected.set_sequence((*rows)[i].sequence);
    expected.set_previous_hash((*rows)[i].previous_hash);
    expected.set_hash((*rows)[i].hash);
    EXPECT_THAT((*listed)[i], EqualsProto(expected));
  }
}

TEST_P(AuditContractTest, TheStoreIgnoresSequenceAndHashesSetByTheCaller) {
  wor::v1::AuditRecord record = MakeAudit("user-a", {"p1"});
  record.set_sequence(99);
  record.set_previous_hash("forged");
  record.set_hash("forged");
  ASSERT_THAT(AppendAudit(record), IsOk());

  EXPECT_EQ(VerifyChain(), 1);
  absl::StatusOr<std::vector<StoredAuditRow>> rows =
      store_->ReadAuditRows(0, kNoLimit);
  ASSERT_THAT(rows, IsOk());
  ASSERT_THAT(*rows, SizeIs(1));
  EXPECT_EQ((*rows)[0].record,
            ExpectedStoredBytes(MakeAudit("user-a", {"p1"}), 1));
}

TEST_P(AuditContractTest, ListingByPatientFindsEveryRecordNamingThem) {
  ASSERT_THAT(AppendAudit(MakeAudit("u", {"p1"})), IsOk());        // 1
  ASSERT_THAT(AppendAudit(MakeAudit("u", {"p2"})), IsOk());        // 2
  ASSERT_THAT(AppendAudit(MakeAudit("u", {"p2", "p1"})), IsOk());  // 3
  ASSERT_THAT(AppendAudit(MakeAudit("u", {})), IsOk());            // 4
  ASSERT_THAT(AppendAudit(MakeAudit("u", {"p1", "p1"})), IsOk());  // 5

  EXPECT_THAT(ListedSequences(Filter("p1")), ElementsAre(1, 3, 5));
  EXPECT_THAT(ListedSequences(Filter("p2")), ElementsAre(2, 3));
  EXPECT_THAT(ListedSequences(Filter("p3")), IsEmpty());
  EXPECT_THAT(ListedSequences({}), ElementsAre(1, 2, 3, 4, 5));
}

TEST_P(AuditContractTest, ListingByUserFindsOnlyTheirRecords) {
  ASSERT_THAT(AppendAudit(MakeAudit("coach", {"p1"})), IsOk());
  ASSERT_THAT(AppendAudit(MakeAudit("gp", {"p1"})), IsOk());
  ASSERT_THAT(AppendAudit(MakeAudit("coach", {"p2"})), IsOk());

  EXPECT_THAT(ListedSequences(Filter("", "coach")), ElementsAre(1, 3));
  EXPECT_THAT(ListedSequences(Filter("", "gp")), ElementsAre(2));
  EXPECT_THAT(ListedSequences(Filter("p1", "coach")), ElementsAre(1));
  EXPECT_THAT(ListedSequences(Filter("", "nobody")), IsEmpty());
}

TEST_P(AuditContractTest, ListingByPeriodIncludesTheStartAndExcludesTheEnd) {
  const absl::Time t0 = kMonday;
  ASSERT_THAT(AppendAudit(MakeAudit("u", {}, t0)), IsOk());
  ASSERT_THAT(AppendAudit(MakeAudit("u", {}, t0 + absl::Milliseconds(1500))),
              IsOk());
  ASSERT_THAT(AppendAudit(MakeAudit("u", {}, t0 + absl::Seconds(3))), IsOk());

  EXPECT_THAT(ListedSequences(Period(t0, t0 + absl::Seconds(3))),
              ElementsAre(1, 2));
  EXPECT_THAT(ListedSequences(Period(t0 + absl::Milliseconds(1500),
                                     absl::InfiniteFuture())),
              ElementsAre(2, 3));
  EXPECT_THAT(ListedSequences(
                  Period(absl::InfinitePast(), t0 + absl::Milliseconds(1500))),
              ElementsAre(1));
  EXPECT_THAT(ListedSequences(
                  Period(t0 + absl::Milliseconds(1), t0 + absl::Seconds(3))),
              ElementsAre(2));
  EXPECT_THAT(
      ListedSequences(Period(t0 + absl::Seconds(4), absl::InfiniteFuture())),
      IsEmpty());
}

TEST_P(AuditContractTest, ListingPagesByAfterSequenceAndLimit) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_THAT(AppendAudit(MakeAudit(i % 2 == 0 ? "even" : "odd", {"p"})),
                IsOk());
  }

  EXPECT_THAT(ListedSequences({}, 0, 2), ElementsAre(1, 2));
  EXPECT_THAT(ListedSequences({}, 2, 2), ElementsAre(3, 4));
  EXPECT_THAT(ListedSequences({}, 4, 2), ElementsAre(5));
  EXPECT_THAT(ListedSequences({}, 5, 2), IsEmpty());
  // The limit counts matches, after the filter.
  EXPECT_THAT(ListedSequences(Filter("", "even"), 0, 2), ElementsAre(1, 3));
  EXPECT_THAT(ListedSequences(Filter("p", "even"), 3, kNoLimit),
              ElementsAre(5));
}

TEST_P(AuditContractTest, ReadingRowsPagesByAfterSequenceAndLimit) {
  for (int i = 0; i < 4; ++i)
    ASSERT_THAT(AppendAudit(MakeAudit("u", {})), IsOk());

  absl::StatusOr<std::vector<StoredAuditRow>> page =
      store_->ReadAuditRows(1, 2);
  ASSERT_THAT(page, IsOk());
  ASSERT_THAT(*page, SizeIs(2));
  EXPECT_EQ((*page)[0].sequence, 2);
  EXPECT_EQ((*page)[1].sequence, 3);
  EXPECT_THAT(store_->ReadAuditRows(4, kNoLimit), IsOkAndHolds(IsEmpty()));
}

TEST_P(AuditContractTest, AFailedWriteKeepsNoAuditRecordAndTheChainGoesOn) {
  ASSERT_THAT(AppendAudit(MakeAudit("u", {"p1"})), IsOk());
  const absl::Status refusal = absl::FailedPreconditionError("refused");
  EXPECT_EQ(store_->Write([&](WriteTransaction& tx) {
    EXPECT_THAT(tx.AppendAudit(MakeAudit("rolled-back", {"p1"})), IsOk());
    return refusal;
  }),
            refusal);
  ASSERT_THAT(AppendAudit(MakeAudit("u", {"p2"})), IsOk());

  EXPECT_EQ(VerifyChain(), 2);
  EXPECT_THAT(ListedSequences(Filter("", "rolled-back")), IsEmpty());
  EXPECT_THAT(ListedSequences(Filter("p1")), ElementsAre(1));
}

// Under the SQLite store's group commit, failing writes roll back to their
// savepoint in the middle of a shared commit; the chain must not remember
// their records.
TEST_P(AuditContractTest, ConcurrentWritesWithFailuresKeepTheChainWhole) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 20;
  std::vector<std::thread> threads;
  std::vector<int> unexpected(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        const bool fails = (t + i) % 3 == 0;
        absl::Status status = store_->Write([&](WriteTransaction& tx) {
          absl::Status appended = tx.AppendAudit(
              MakeAudit(fails ? "failed" : absl::StrCat("t", t), {"p"}));
          if (!appended.ok()) return appended;
          return fails ? absl::AbortedError("deliberate") : absl::OkStatus();
        });
        if (status.ok() == fails) ++unexpected[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_THAT(unexpected, ::testing::Each(0));
  int succeeded = 0;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kWritesPerThread; ++i) succeeded += (t + i) % 3 != 0;
  }
  EXPECT_EQ(VerifyChain(), succeeded);
  EXPECT_THAT(ListedSequences(Filter("", "failed")), IsEmpty());
}

INSTANTIATE_TEST_SUITE_P(AllStores, AuditContractTest,
                         AllStoreImplementations(), StoreImplementationName);

}  // namespace
}  // namespace wor::server
