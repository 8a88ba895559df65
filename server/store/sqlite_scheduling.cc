// Scheduling rows of the SQLite store; see sqlite_scheduling.h.
#include "server/store/sqlite_scheduling.h"

#include <optional>
#include <utility>

#include "server/common/status_macros.h"
#include "server/store/store_filters.h"

namespace wor::server {

absl::Status WriteReferralSchedulingColumns(SqliteConnection& db,
                                            const std::string& id,
                                            const wor::v1::Referral& referral) {
  const std::optional<BookedIntake> booked = BookedIntakeOf(id, referral);
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("UPDATE referrals SET assigned_coach = ?, intake_coach = ?, "
                 "intake_start = ?, intake_end = ? WHERE id = ?"));
  stmt->BindText(1, referral.assigned_coach());
  stmt->BindText(2, booked ? booked->coach : "");
  stmt->BindInt64(3, booked ? absl::ToUnixNanos(booked->start) : 0);
  stmt->BindInt64(4, booked ? absl::ToUnixNanos(booked->end) : 0);
  stmt->BindText(5, id);
  return stmt->Run();
}

absl::StatusOr<StoredCoachAvailability> SelectCoachAvailability(
    SqliteConnection& db, const std::string& coach) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db.Prepare("SELECT revision, body FROM coach_availability "
                            "WHERE coach = ?"));
  stmt->BindText(1, coach);
  WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
  StoredCoachAvailability stored;
  if (!found) return stored;
  stored.revision = stmt->ColumnInt64(0);
  if (!stored.availability.ParseFromString(stmt->ColumnBlob(1))) {
    return absl::DataLossError(
        "a stored row of coach_availability cannot be read");
  }
  return stored;
}

absl::StatusOr<int64_t> UpsertCoachAvailability(
    SqliteConnection& db, const std::string& coach, int64_t expected_revision,
    const wor::v1::CoachAvailability& availability) {
  const std::string body = availability.SerializeAsString();
  if (expected_revision == 0) {
    WOR_ASSIGN_OR_RETURN(auto stmt,
                         db.Prepare("INSERT INTO coach_availability (coach, "
                                    "revision, body) VALUES (?, 1, ?)"));
    stmt->BindText(1, coach);
    stmt->BindBlob(2, body);
    absl::Status status = stmt->Run();
    if (absl::IsAlreadyExists(status)) {
      return absl::AbortedError("the availability changed concurrently");
    }
    WOR_RETURN_IF_ERROR(status);
    return 1;
  }
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("UPDATE coach_availability SET revision = revision + 1, "
                 "body = ? WHERE coach = ? AND revision = ?"));
  stmt->BindBlob(1, body);
  stmt->BindText(2, coach);
  stmt->BindInt64(3, expected_revision);
  WOR_RETURN_IF_ERROR(stmt->Run());
  if (db.Changes() == 0) {
    return absl::AbortedError("the availability changed concurrently");
  }
  return expected_revision + 1;
}

absl::StatusOr<std::vector<BookedIntake>> SelectCoachIntakes(
    SqliteConnection& db, const std::string& coach, absl::Time from,
    absl::Time to, const std::string& excluding_referral_id, int limit) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("SELECT id, intake_start, intake_end FROM referrals "
                 "WHERE intake_coach = ? AND intake_coach != '' AND "
                 "intake_start < ? AND "
                 "intake_end > ? AND id != ? ORDER BY intake_start LIMIT ?"));
  stmt->BindText(1, coach);
  stmt->BindInt64(2, absl::ToUnixNanos(to));
  stmt->BindInt64(3, absl::ToUnixNanos(from));
  stmt->BindText(4, excluding_referral_id);
  stmt->BindInt64(5, limit);
  std::vector<BookedIntake> intakes;
  while (true) {
    WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) return intakes;
    intakes.push_back(BookedIntake{stmt->ColumnText(0), coach,
                                   absl::FromUnixNanos(stmt->ColumnInt64(1)),
                                   absl::FromUnixNanos(stmt->ColumnInt64(2))});
  }
}

}  // namespace wor::server
