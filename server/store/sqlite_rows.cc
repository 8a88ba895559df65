// Row readers and paged queries of the SQLite store; see sqlite_rows.h.
#include "server/store/sqlite_rows.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/store/audit_chain.h"

namespace wor::server {
namespace {

absl::Status CorruptRow(const char* table) {
  return absl::DataLossError(
      absl::StrCat("a stored row of ", table, " cannot be read"));
}

}  // namespace

absl::StatusOr<StoredReferral> ReadReferralRow(const SqliteStatement& row,
                                               PersonalDataSealer& sealer) {
  StoredReferral stored;
  stored.sequence = row.ColumnInt64(0);
  stored.revision = row.ColumnInt64(1);
  const std::string id = row.ColumnText(2);
  SealedMessage<wor::v1::Referral> sealed;
  if (!sealed.public_part.ParseFromString(row.ColumnBlob(3))) {
    return CorruptRow("referrals");
  }
  sealed.personal = row.ColumnBlob(4);
  WOR_ASSIGN_OR_RETURN(stored.referral,
                       sealer.OpenReferral(id, std::move(sealed)));
  return stored;
}

absl::StatusOr<StoredEvent> ReadEventRow(const SqliteStatement& row,
                                         PersonalDataSealer& sealer) {
  StoredEvent stored;
  stored.sequence = row.ColumnInt64(0);
  SealedMessage<wor::v1::ReferralEvent> sealed;
  if (!sealed.public_part.ParseFromString(row.ColumnBlob(1))) {
    return CorruptRow("referral_events");
  }
  sealed.personal = row.ColumnBlob(2);
  WOR_ASSIGN_OR_RETURN(stored.event,
                       sealer.OpenEvent(stored.sequence, std::move(sealed)));
  stored.event.set_resume_token(ResumeTokenForSequence(stored.sequence));
  return stored;
}

absl::StatusOr<std::pair<int64_t, wor::v1::Feedback>> ReadFeedbackRow(
    const SqliteStatement& row, PersonalDataSealer& sealer) {
  const int64_t position = row.ColumnInt64(0);
  SealedMessage<wor::v1::Feedback> sealed;
  if (!sealed.public_part.ParseFromString(row.ColumnBlob(4))) {
    return CorruptRow("feedback");
  }
  sealed.personal = row.ColumnBlob(5);
  WOR_ASSIGN_OR_RETURN(
      wor::v1::Feedback feedback,
      sealer.OpenFeedback(row.ColumnText(1), row.ColumnText(2),
                          row.ColumnText(3), std::move(sealed)));
  return std::make_pair(position, std::move(feedback));
}

StoredAuditRow ReadAuditRow(const SqliteStatement& row) {
  return StoredAuditRow{row.ColumnInt64(0), row.ColumnBlob(1),
                        row.ColumnText(2), row.ColumnText(3)};
}

void BindAlarmTime(SqliteStatement& stmt, int index,
                   const wor::v1::Referral& referral) {
  if (!referral.has_next_deadline_alarm_time()) {
    stmt.BindNull(index);
    return;
  }
  const auto& t = referral.next_deadline_alarm_time();
  stmt.BindInt64(index, t.seconds() * 1000000 + t.nanos() / 1000);
}

absl::StatusOr<StoredReferral> SelectReferral(SqliteConnection& db,
                                              PersonalDataSealer& sealer,
                                              const std::string& id) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db.Prepare(absl::StrCat("SELECT ", kReferralColumns,
                                         " FROM referrals WHERE id = ?")));
  stmt->BindText(1, id);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  if (!found) {
    return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
  }
  return ReadReferralRow(*stmt, sealer);
}

PagedQuery::PagedQuery(std::string select) : sql_(std::move(select)) {
  absl::StrAppend(&sql_, " WHERE sequence > ?");
}

void PagedQuery::AddCondition(const std::string& condition) {
  absl::StrAppend(&sql_, " AND ", condition);
}

void PagedQuery::AddEquals(const std::string& column,
                           const std::string& value) {
  if (value.empty()) return;
  absl::StrAppend(&sql_, " AND ", column, " = ?");
  values_.push_back(value);
}

absl::StatusOr<std::unique_ptr<SqliteStatement>> PagedQuery::Prepare(
    SqliteConnection& db, int64_t after_sequence, int limit) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db.Prepare(absl::StrCat(sql_, " ORDER BY sequence LIMIT ?")));
  int index = 1;
  stmt->BindInt64(index++, after_sequence);
  for (const std::string& value : values_) stmt->BindText(index++, value);
  stmt->BindInt64(index, std::max(limit, 0));
  return stmt;
}

absl::StatusOr<std::unique_ptr<SqliteStatement>> PrepareAuditQuery(
    SqliteConnection& db, const AuditFilter& filter, int64_t after_sequence,
    int limit) {
  // With a patient, start from the patient index: it holds only their
  // records, keyed by (pseudonym, sequence), so paging is a range scan.
  const bool by_patient = !filter.patient_pseudonym.empty();
  const char* sequence = by_patient ? "p.sequence" : "a.sequence";
  std::string sql =
      absl::StrCat("SELECT a.sequence, a.record, a.previous_hash, a.hash FROM ",
                   by_patient ? "audit_record_patients p JOIN audit_log a "
                                "ON a.sequence = p.sequence"
                              : "audit_log a",
                   " WHERE ", sequence, " > ?");
  const std::optional<int64_t> start = AuditStartNanos(filter);
  const std::optional<int64_t> end = AuditEndNanos(filter);
  if (by_patient) absl::StrAppend(&sql, " AND p.pseudonym = ?");
  if (!filter.user.empty()) absl::StrAppend(&sql, " AND a.user = ?");
  if (start.has_value()) absl::StrAppend(&sql, " AND a.event_time >= ?");
  if (end.has_value()) absl::StrAppend(&sql, " AND a.event_time < ?");
  absl::StrAppend(&sql, " ORDER BY ", sequence, " LIMIT ?");

  WOR_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql));
  int index = 1;
  stmt->BindInt64(index++, after_sequence);
  if (by_patient) stmt->BindText(index++, filter.patient_pseudonym);
  if (!filter.user.empty()) stmt->BindText(index++, filter.user);
  if (start.has_value()) stmt->BindInt64(index++, *start);
  if (end.has_value()) stmt->BindInt64(index++, *end);
  stmt->BindInt64(index, std::max(limit, 0));
  return stmt;
}

}  // namespace wor::server
