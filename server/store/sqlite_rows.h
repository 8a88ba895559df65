// Reading the SQLite store's rows back into API messages, opening their
// sealed personal parts, and building its paged queries. Shared by the
// write transaction (sqlite_transaction.h) and the store's read paths
// (sqlite_store.cc). Each reader expects the columns named by its constant,
// in that order.
#ifndef WOR_SERVER_STORE_SQLITE_ROWS_H_
#define WOR_SERVER_STORE_SQLITE_ROWS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/store/personal_data_sealer.h"
#include "server/store/sqlite_connection.h"
#include "server/store/store.h"
#include "wor/v1/feedback.pb.h"

namespace wor::server {

inline constexpr char kReferralColumns[] =
    "sequence, revision, id, body, sealed_personal";
inline constexpr char kEventColumns[] = "sequence, body, sealed_personal";
inline constexpr char kFeedbackColumns[] =
    "position, referral_id, feedback_id, patient_pseudonym, body, "
    "sealed_personal";
inline constexpr char kAuditColumns[] = "sequence, record, previous_hash, hash";

absl::StatusOr<StoredReferral> ReadReferralRow(const SqliteStatement& row,
                                               PersonalDataSealer& sealer);
absl::StatusOr<StoredEvent> ReadEventRow(const SqliteStatement& row,
                                         PersonalDataSealer& sealer);
// The feedback with its position.
absl::StatusOr<std::pair<int64_t, wor::v1::Feedback>> ReadFeedbackRow(
    const SqliteStatement& row, PersonalDataSealer& sealer);
StoredAuditRow ReadAuditRow(const SqliteStatement& row);

// Binds the referral's next_deadline_alarm_time (microseconds since the
// epoch) to `index`, or NULL when it has none.
void BindAlarmTime(SqliteStatement& stmt, int index,
                   const wor::v1::Referral& referral);

// The referral with this id; NOT_FOUND when absent.
absl::StatusOr<StoredReferral> SelectReferral(SqliteConnection& db,
                                              PersonalDataSealer& sealer,
                                              const std::string& id);

// A paged query over referrals or events: rows after a sequence that meet
// every added condition, in sequence order, at most a limit.
//
//   PagedQuery query("SELECT sequence, body FROM referral_events");
//   query.AddEquals("practice_agb", filter.practice_agb);
//   WOR_ASSIGN_OR_RETURN(auto stmt, query.Prepare(db, after, limit));
class PagedQuery {
 public:
  // `select` is "SELECT … FROM table"; the table has a `sequence` column.
  explicit PagedQuery(std::string select);

  // A condition without parameters (e.g. a state list of numbers).
  void AddCondition(const std::string& condition);
  // `column = value`; no condition when `value` is empty (not filtered).
  void AddEquals(const std::string& column, const std::string& value);

  absl::StatusOr<std::unique_ptr<SqliteStatement>> Prepare(
      SqliteConnection& db, int64_t after_sequence, int limit);

 private:
  std::string sql_;
  std::vector<std::string> values_;  // bound in order after the sequence
};

// The audit rows matching `filter` after `after_sequence`, in sequence
// order, at most `limit`; the columns are kAuditColumns.
absl::StatusOr<std::unique_ptr<SqliteStatement>> PrepareAuditQuery(
    SqliteConnection& db, const AuditFilter& filter, int64_t after_sequence,
    int limit);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_ROWS_H_
