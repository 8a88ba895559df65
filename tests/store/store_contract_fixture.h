// The fixture of the Store contract suites (server/store/store.h): every
// suite derived from StoreContractTest runs against each implementation —
// the in-memory store and the SQLite store on a fresh file — with an
// in-memory patient keyring.
//
//   class AuditContractTest : public StoreContractTest {};
//   TEST_P(AuditContractTest, ...) { ... store_->Write(...) ... }
//   INSTANTIATE_TEST_SUITE_P(AllStores, AuditContractTest,
//                            AllStoreImplementations(),
//                            StoreImplementationName);
#ifndef WOR_TESTS_STORE_STORE_CONTRACT_FIXTURE_H_
#define WOR_TESTS_STORE_STORE_CONTRACT_FIXTURE_H_

#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "server/store/memory_store.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_store.h"
#include "server/store/store.h"
#include "tests/common/status_matchers.h"
#include "wor/v1/feedback.pb.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

inline constexpr int kNoLimit = 1000;
// The patient of MakeReferral's referrals unless a test names another.
inline constexpr char kPatient[] = "pseudonym-of-the-patient";

MATCHER_P(EqualsProto, expected, "equals the expected message") {
  return google::protobuf::util::MessageDifferencer::Equals(arg, expected);
}

// A master key for tests: 32 fixed bytes.
inline MasterKey TestMasterKey(const std::string& id = "test-key",
                               char fill = 'k') {
  return MasterKey{id, std::string(32, fill)};
}

// An in-memory keyring (path empty) or one in `path`.
inline absl::StatusOr<std::unique_ptr<PatientKeyring>> OpenTestKeyring(
    const std::string& path = "") {
  KeyringOptions options;
  options.path = path;
  options.master_keys = {TestMasterKey()};
  options.active_master_key_id = "test-key";
  return OpenPatientKeyring(options);
}

// A referral with personal data, so that every test also round-trips it
// through sealing.
inline wor::v1::Referral MakeReferral(
    const std::string& id, const std::string& practice_agb = "01234567",
    const std::string& organisation = "welfareOrganisations/11111111",
    wor::v1::ReferralState state = wor::v1::REFERRAL_STATE_REQUESTED) {
  wor::v1::Referral referral;
  referral.set_name(absl::StrCat("referrals/", id));
  referral.mutable_referrer()->set_practice_agb(practice_agb);
  referral.set_welfare_organisation(organisation);
  referral.set_state(state);
  referral.set_patient_pseudonym(kPatient);
  referral.mutable_patient()->set_given_name("Anna");
  referral.mutable_patient()->set_family_name("de Vries");
  referral.mutable_patient()->set_phone("0612345678");
  referral.set_patient_question("Ik wil weer onder de mensen komen.");
  return referral;
}

inline wor::v1::ReferralEvent MakeEvent(
    const std::string& practice_agb = "01234567",
    const std::string& organisation = "welfareOrganisations/11111111") {
  wor::v1::ReferralEvent event;
  event.set_type(wor::v1::REFERRAL_EVENT_TYPE_CREATED);
  *event.mutable_referral() = MakeReferral("r", practice_agb, organisation);
  return event;
}

inline wor::v1::Feedback MakeFeedback(const std::string& summary) {
  wor::v1::Feedback feedback;
  feedback.set_kind(wor::v1::FEEDBACK_KIND_AFTER_INTAKE);
  feedback.set_summary(summary);
  return feedback;
}

// How to open one implementation in a fresh, private directory.
struct StoreImplementation {
  std::string name;
  std::function<absl::StatusOr<std::unique_ptr<Store>>(const std::string& dir,
                                                       PatientKeyring* keyring)>
      open;

  friend void PrintTo(const StoreImplementation& impl, std::ostream* os) {
    *os << impl.name;
  }
};

inline auto AllStoreImplementations() {
  return ::testing::Values(
      StoreImplementation{"Memory",
                          [](const std::string&, PatientKeyring* keyring)
                              -> absl::StatusOr<std::unique_ptr<Store>> {
                            return NewMemoryStore(keyring);
                          }},
      StoreImplementation{"Sqlite",
                          [](const std::string& dir, PatientKeyring* keyring) {
                            SqliteStoreOptions options;
                            options.path = dir + "/wor.db";
                            options.keyring = keyring;
                            return OpenSqliteStore(options);
                          }});
}

inline std::string StoreImplementationName(
    const ::testing::TestParamInfo<StoreImplementation>& info) {
  return info.param.name;
}

class StoreContractTest : public ::testing::TestWithParam<StoreImplementation> {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "store_contract_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    absl::StatusOr<std::unique_ptr<PatientKeyring>> keyring = OpenTestKeyring();
    ASSERT_THAT(keyring, IsOk());
    keyring_ = *std::move(keyring);
    absl::StatusOr<std::unique_ptr<Store>> store =
        GetParam().open(dir_, keyring_.get());
    ASSERT_THAT(store, IsOk());
    store_ = *std::move(store);
  }

  void TearDown() override {
    store_.reset();
    keyring_.reset();
    std::filesystem::remove_all(dir_);
  }

  absl::Status Insert(const std::string& id,
                      const wor::v1::Referral& referral) {
    return store_->Write(
        [&](WriteTransaction& tx) { return tx.InsertReferral(id, referral); });
  }
  absl::Status Insert(const std::string& id) {
    return Insert(id, MakeReferral(id));
  }

  absl::Status Update(const std::string& id, int64_t expected_revision,
                      const wor::v1::Referral& referral) {
    return store_->Write([&](WriteTransaction& tx) {
      return tx.UpdateReferral(id, expected_revision, referral);
    });
  }

  absl::Status Append(const wor::v1::ReferralEvent& event) {
    return store_->Write(
        [&](WriteTransaction& tx) { return tx.AppendEvent(event); });
  }

  absl::Status InsertFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const std::string& summary) {
    return store_->Write([&](WriteTransaction& tx) {
      return tx.InsertFeedback(referral_id, feedback_id, MakeFeedback(summary));
    });
  }

  // Runs `read` in a write transaction that changes nothing.
  template <typename T>
  absl::StatusOr<T> ReadInTransaction(
      std::function<absl::StatusOr<T>(WriteTransaction&)> read) {
    absl::StatusOr<T> result = absl::UnknownError("not run");
    absl::Status status = store_->Write([&](WriteTransaction& tx) {
      result = read(tx);
      return absl::OkStatus();
    });
    if (!status.ok()) return status;
    return result;
  }

  absl::StatusOr<wor::v1::Feedback> GetFeedback(
      const std::string& referral_id, const std::string& feedback_id) {
    return ReadInTransaction<wor::v1::Feedback>([&](WriteTransaction& tx) {
      return tx.GetFeedback(referral_id, feedback_id);
    });
  }

  absl::StatusOr<std::optional<IdempotencyRecord>> FindRecord(
      const std::string& request_id) {
    return ReadInTransaction<std::optional<IdempotencyRecord>>(
        [&](WriteTransaction& tx) {
          return tx.FindIdempotencyRecord(request_id);
        });
  }

  std::vector<std::string> ListedNames(const ReferralFilter& filter,
                                       int64_t after_sequence = 0,
                                       int limit = kNoLimit) {
    std::vector<std::string> names;
    absl::StatusOr<std::vector<StoredReferral>> listed =
        store_->ListReferrals(filter, after_sequence, limit);
    EXPECT_THAT(listed, IsOk());
    if (!listed.ok()) return names;
    for (const StoredReferral& stored : *listed) {
      names.push_back(stored.referral.name());
    }
    return names;
  }

  std::vector<int64_t> EventSequences(const EventFilter& filter,
                                      int64_t after_sequence = 0,
                                      int limit = kNoLimit) {
    std::vector<int64_t> sequences;
    absl::StatusOr<std::vector<StoredEvent>> events =
        store_->ReadEvents(filter, after_sequence, limit);
    EXPECT_THAT(events, IsOk());
    if (!events.ok()) return sequences;
    for (const StoredEvent& stored : *events) {
      sequences.push_back(stored.sequence);
    }
    return sequences;
  }

  std::string dir_;
  std::unique_ptr<PatientKeyring> keyring_;
  std::unique_ptr<Store> store_;
};

}  // namespace wor::server

#endif  // WOR_TESTS_STORE_STORE_CONTRACT_FIXTURE_H_
