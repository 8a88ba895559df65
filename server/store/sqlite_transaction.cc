// The SQLite store's WriteTransaction; see sqlite_transaction.h.
#include "server/store/sqlite_transaction.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/store/sqlite_reporting.h"
#include "server/store/sqlite_rows.h"
#include "server/store/sqlite_scheduling.h"

namespace wor::server {

absl::StatusOr<StoredReferral> SqliteTransaction::GetReferral(
    const std::string& id) {
  return SelectReferral(db_, sealer_, id);
}

absl::Status SqliteTransaction::InsertReferral(
    const std::string& id, const wor::v1::Referral& referral) {
  WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::Referral> sealed,
                       sealer_.SealReferral(id, referral));
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("INSERT INTO referrals (id, revision, state, practice_agb, "
                  "welfare_organisation, patient_pseudonym, body, "
                  "sealed_personal, deadline_alarm_time) "
                  "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)"));
  stmt->BindText(1, id);
  stmt->BindInt64(2, referral.state());
  stmt->BindText(3, referral.referrer().practice_agb());
  stmt->BindText(4, referral.welfare_organisation());
  stmt->BindText(5, referral.patient_pseudonym());
  stmt->BindBlob(6, sealed.public_part.SerializeAsString());
  stmt->BindBlob(7, sealed.personal);
  BindAlarmTime(*stmt, 8, referral);
  absl::Status status = stmt->Run();
  if (absl::IsAlreadyExists(status)) {
    return absl::AlreadyExistsError(
        absl::StrCat("referral ", id, " already exists"));
  }
  WOR_RETURN_IF_ERROR(status);
  WOR_RETURN_IF_ERROR(WriteReferralSchedulingColumns(db_, id, referral));
  return WriteReferralFacts(db_, id, referral);
}

absl::Status SqliteTransaction::UpdateReferral(
    const std::string& id, int64_t expected_revision,
    const wor::v1::Referral& referral) {
  WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::Referral> sealed,
                       sealer_.SealReferral(id, referral));
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("UPDATE referrals SET revision = revision + 1, state = ?, "
                  "practice_agb = ?, welfare_organisation = ?, "
                  "patient_pseudonym = ?, body = ?, sealed_personal = ?, "
                  "deadline_alarm_time = ? WHERE id = ? AND revision = ?"));
  stmt->BindInt64(1, referral.state());
  stmt->BindText(2, referral.referrer().practice_agb());
  stmt->BindText(3, referral.welfare_organisation());
  stmt->BindText(4, referral.patient_pseudonym());
  stmt->BindBlob(5, sealed.public_part.SerializeAsString());
  stmt->BindBlob(6, sealed.personal);
  BindAlarmTime(*stmt, 7, referral);
  stmt->BindText(8, id);
  stmt->BindInt64(9, expected_revision);
  WOR_RETURN_IF_ERROR(stmt->Run());
  WOR_RETURN_IF_ERROR(CheckOneRowChanged(id));
  WOR_RETURN_IF_ERROR(WriteReferralSchedulingColumns(db_, id, referral));
  return WriteReferralFacts(db_, id, referral);
}

absl::Status SqliteTransaction::InsertCoachTime(const CoachTimeRow& row) {
  return InsertCoachTimeRow(db_, row);
}

absl::Status SqliteTransaction::ForgetPatientInFacts(
    const std::string& patient_pseudonym) {
  return ForgetPatientInFactRows(db_, patient_pseudonym);
}

absl::StatusOr<std::optional<IdempotencyRecord>>
SqliteTransaction::FindIdempotencyRecord(const std::string& request_id) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("SELECT method, request_digest, result, patient_pseudonym "
                  "FROM idempotency_records WHERE request_id = ?"));
  stmt->BindText(1, request_id);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return std::nullopt;
  IdempotencyRecord stored;
  stored.method = stmt->ColumnText(0);
  stored.request_digest = stmt->ColumnBlob(1);
  stored.result = stmt->ColumnBlob(2);
  stored.patient_pseudonym = stmt->ColumnText(3);
  return sealer_.OpenIdempotencyRecord(request_id, std::move(stored));
}

absl::Status SqliteTransaction::InsertIdempotencyRecord(
    const std::string& request_id, const IdempotencyRecord& record) {
  WOR_ASSIGN_OR_RETURN(std::string result,
                       sealer_.SealIdempotencyResult(request_id, record));
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("INSERT INTO idempotency_records (request_id, method, "
                  "request_digest, result, patient_pseudonym) "
                  "VALUES (?, ?, ?, ?, ?)"));
  stmt->BindText(1, request_id);
  stmt->BindText(2, record.method);
  stmt->BindBlob(3, record.request_digest);
  stmt->BindBlob(4, result);
  stmt->BindText(5, record.patient_pseudonym);
  absl::Status status = stmt->Run();
  if (absl::IsAlreadyExists(status)) {
    return absl::AlreadyExistsError("request_id already used");
  }
  return status;
}

absl::StatusOr<wor::v1::Feedback> SqliteTransaction::GetFeedback(
    const std::string& referral_id, const std::string& feedback_id) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare(absl::StrCat("SELECT ", kFeedbackColumns,
                               " FROM feedback WHERE referral_id = ? AND "
                               "feedback_id = ?")));
  stmt->BindText(1, referral_id);
  stmt->BindText(2, feedback_id);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return absl::NotFoundError("feedback not found");
  WOR_ASSIGN_OR_RETURN(auto positioned, ReadFeedbackRow(*stmt, sealer_));
  return std::move(positioned.second);
}

absl::Status SqliteTransaction::InsertFeedback(
    const std::string& referral_id, const std::string& feedback_id,
    const wor::v1::Feedback& feedback) {
  WOR_ASSIGN_OR_RETURN(std::string pseudonym, PseudonymOfReferral(referral_id));
  WOR_ASSIGN_OR_RETURN(
      SealedMessage<wor::v1::Feedback> sealed,
      sealer_.SealFeedback(referral_id, feedback_id, pseudonym, feedback));
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db_.Prepare("INSERT INTO feedback (referral_id, feedback_id, "
                             "patient_pseudonym, body, sealed_personal) "
                             "VALUES (?, ?, ?, ?, ?)"));
  stmt->BindText(1, referral_id);
  stmt->BindText(2, feedback_id);
  stmt->BindText(3, pseudonym);
  stmt->BindBlob(4, sealed.public_part.SerializeAsString());
  stmt->BindBlob(5, sealed.personal);
  absl::Status status = stmt->Run();
  if (absl::IsAlreadyExists(status)) {
    return absl::AlreadyExistsError("feedback already exists");
  }
  return status;
}

absl::Status SqliteTransaction::UpdateFeedback(
    const std::string& referral_id, const std::string& feedback_id,
    const wor::v1::Feedback& feedback) {
  WOR_ASSIGN_OR_RETURN(std::string pseudonym,
                       PseudonymOfFeedback(referral_id, feedback_id));
  WOR_ASSIGN_OR_RETURN(
      SealedMessage<wor::v1::Feedback> sealed,
      sealer_.SealFeedback(referral_id, feedback_id, pseudonym, feedback));
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db_.Prepare("UPDATE feedback SET body = ?, sealed_personal = "
                             "? WHERE referral_id = ? AND feedback_id = ?"));
  stmt->BindBlob(1, sealed.public_part.SerializeAsString());
  stmt->BindBlob(2, sealed.personal);
  stmt->BindText(3, referral_id);
  stmt->BindText(4, feedback_id);
  return stmt->Run();
}

absl::Status SqliteTransaction::AppendEvent(
    const wor::v1::ReferralEvent& event) {
  WOR_ASSIGN_OR_RETURN(int64_t sequence, NextEventSequence());
  WOR_ASSIGN_OR_RETURN(SealedMessage<wor::v1::ReferralEvent> sealed,
                       sealer_.SealEvent(sequence, event));
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("INSERT INTO referral_events (sequence, practice_agb, "
                  "welfare_organisation, patient_pseudonym, body, "
                  "sealed_personal) VALUES (?, ?, ?, ?, ?, ?)"));
  stmt->BindInt64(1, sequence);
  stmt->BindText(2, event.referral().referrer().practice_agb());
  stmt->BindText(3, event.referral().welfare_organisation());
  stmt->BindText(4, event.referral().patient_pseudonym());
  stmt->BindBlob(5, sealed.public_part.SerializeAsString());
  stmt->BindBlob(6, sealed.personal);
  WOR_RETURN_IF_ERROR(stmt->Run());
  progress_.last_event_sequence = sequence;
  return absl::OkStatus();
}

absl::Status SqliteTransaction::AppendAudit(
    const wor::v1::AuditRecord& record) {
  const StoredAuditRow row = ChainAuditRecord(record, progress_.audit_head);
  {
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        db_.Prepare("INSERT INTO audit_log (sequence, event_time, user, "
                    "record, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)"));
    stmt->BindInt64(1, row.sequence);
    stmt->BindInt64(2, AuditEventTimeNanos(record));
    stmt->BindText(3, record.user());
    stmt->BindBlob(4, row.record);
    stmt->BindText(5, row.previous_hash);
    stmt->BindText(6, row.hash);
    WOR_RETURN_IF_ERROR(stmt->Run());
  }
  for (const std::string& pseudonym : DistinctPatientPseudonyms(record)) {
    WOR_ASSIGN_OR_RETURN(
        auto stmt, db_.Prepare("INSERT INTO audit_record_patients (pseudonym, "
                               "sequence) VALUES (?, ?)"));
    stmt->BindText(1, pseudonym);
    stmt->BindInt64(2, row.sequence);
    WOR_RETURN_IF_ERROR(stmt->Run());
  }
  progress_.audit_head = AuditChainHead::After(row);
  return absl::OkStatus();
}

absl::StatusOr<StoredCoachAvailability> SqliteTransaction::GetCoachAvailability(
    const std::string& coach) {
  return SelectCoachAvailability(db_, coach);
}

absl::StatusOr<int64_t> SqliteTransaction::PutCoachAvailability(
    const std::string& coach, int64_t expected_revision,
    const wor::v1::CoachAvailability& availability) {
  return UpsertCoachAvailability(db_, coach, expected_revision, availability);
}

absl::StatusOr<std::optional<BookedIntake>>
SqliteTransaction::FindOverlappingIntake(
    const std::string& coach, absl::Time start, absl::Time end,
    const std::string& excluding_referral_id) {
  WOR_ASSIGN_OR_RETURN(
      std::vector<BookedIntake> overlapping,
      SelectCoachIntakes(db_, coach, start, end, excluding_referral_id, 1));
  if (overlapping.empty()) return std::nullopt;
  return std::move(overlapping.front());
}

absl::Status SqliteTransaction::CheckOneRowChanged(const std::string& id) {
  if (db_.Changes() > 0) return absl::OkStatus();
  WOR_ASSIGN_OR_RETURN(auto stmt,
                       db_.Prepare("SELECT 1 FROM referrals WHERE id = ?"));
  stmt->BindText(1, id);
  WOR_ASSIGN_OR_RETURN(bool exists, stmt->Step());
  if (!exists) {
    return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
  }
  return absl::AbortedError(
      absl::StrCat("referral ", id, " changed concurrently"));
}

// The sequence AUTOINCREMENT would assign, known before the insert because
// the event's box is bound to it. Writes are serialised, and a rolled-back
// savepoint rolls sqlite_sequence back with it.
absl::StatusOr<int64_t> SqliteTransaction::NextEventSequence() {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE "
                  "name = 'referral_events'), 0) + 1"));
  WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return absl::InternalError("no next event sequence");
  return stmt->ColumnInt64(0);
}

absl::StatusOr<std::string> SqliteTransaction::PseudonymOfReferral(
    const std::string& id) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db_.Prepare("SELECT patient_pseudonym FROM referrals WHERE id = ?"));
  stmt->BindText(1, id);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
  }
  return stmt->ColumnText(0);
}

absl::StatusOr<std::string> SqliteTransaction::PseudonymOfFeedback(
    const std::string& referral_id, const std::string& feedback_id) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db_.Prepare("SELECT patient_pseudonym FROM feedback WHERE "
                             "referral_id = ? AND feedback_id = ?"));
  stmt->BindText(1, referral_id);
  stmt->BindText(2, feedback_id);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) return absl::NotFoundError("feedback not found");
  return stmt->ColumnText(0);
}

}  // namespace wor::server
