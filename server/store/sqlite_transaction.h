// The SQLite store's WriteTransaction: the view of the writer connection
// inside the transaction of one group commit (see sqlite_store.h). Personal
// data is sealed on the way in and opened on the way out
// (personal_data_sealer.h); audit records are chained from the head the
// transaction was given (audit_chain.h).
//
// The group commit runs each write in a savepoint. What the transaction
// remembers across writes — the last event sequence and the audit chain head
// — is saved before each write and restored when its savepoint is rolled
// back, so a failed write leaves no trace in them either. Not thread-safe.
#ifndef WOR_SERVER_STORE_SQLITE_TRANSACTION_H_
#define WOR_SERVER_STORE_SQLITE_TRANSACTION_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/store/audit_chain.h"
#include "server/store/personal_data_sealer.h"
#include "server/store/sqlite_connection.h"
#include "server/store/store.h"

namespace wor::server {

class SqliteTransaction final : public WriteTransaction {
 public:
  // What the transaction carries from one write to the next.
  struct Progress {
    int64_t last_event_sequence = 0;  // 0: no event appended yet
    AuditChainHead audit_head;
  };

  // `db` is inside BEGIN; `audit_head` is the committed end of the chain.
  SqliteTransaction(SqliteConnection& db, PersonalDataSealer& sealer,
                    AuditChainHead audit_head)
      : db_(db), sealer_(sealer), progress_{0, std::move(audit_head)} {}

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override;
  absl::Status InsertReferral(const std::string& id,
                              const wor::v1::Referral& referral) override;
  absl::Status UpdateReferral(const std::string& id, int64_t expected_revision,
                              const wor::v1::Referral& referral) override;

  absl::StatusOr<std::optional<IdempotencyRecord>> FindIdempotencyRecord(
      const std::string& request_id) override;
  absl::Status InsertIdempotencyRecord(
      const std::string& request_id, const IdempotencyRecord& record) override;

  absl::StatusOr<wor::v1::Feedback> GetFeedback(
      const std::string& referral_id, const std::string& feedback_id) override;
  absl::Status InsertFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override;
  absl::Status UpdateFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override;

  absl::Status AppendEvent(const wor::v1::ReferralEvent& event) override;
  absl::Status AppendAudit(const wor::v1::AuditRecord& record) override;

  absl::StatusOr<StoredCoachAvailability> GetCoachAvailability(
      const std::string& coach) override;
  absl::StatusOr<int64_t> PutCoachAvailability(
      const std::string& coach, int64_t expected_revision,
      const wor::v1::CoachAvailability& availability) override;
  absl::StatusOr<std::optional<BookedIntake>> FindOverlappingIntake(
      const std::string& coach, absl::Time start, absl::Time end,
      const std::string& excluding_referral_id) override;
  absl::Status InsertCoachTime(const CoachTimeRow& row) override;
  absl::Status ForgetPatientInFacts(
      const std::string& patient_pseudonym) override;

  const Progress& progress() const { return progress_; }
  // After a rolled-back savepoint, what it appended is gone again.
  void RestoreProgress(Progress progress) { progress_ = std::move(progress); }

 private:
  absl::Status CheckOneRowChanged(const std::string& id);
  absl::StatusOr<int64_t> NextEventSequence();
  // The pseudonym of the patient a referral or its feedback is about.
  absl::StatusOr<std::string> PseudonymOfReferral(const std::string& id);
  absl::StatusOr<std::string> PseudonymOfFeedback(
      const std::string& referral_id, const std::string& feedback_id);

  SqliteConnection& db_;
  PersonalDataSealer& sealer_;
  Progress progress_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_TRANSACTION_H_
