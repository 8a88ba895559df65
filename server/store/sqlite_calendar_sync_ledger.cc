// The CalendarSyncLedger in the SQLite store's database: its own connection
// on the same file (WAL lets it write next to the store's writer; the busy
// timeout covers the store's commits).
#include <memory>
#include <utility>

#include "absl/synchronization/mutex.h"
#include "server/common/status_macros.h"
#include "server/store/calendar_sync_ledger.h"
#include "server/store/sqlite_connection.h"

namespace wor::server {
namespace {

class SqliteCalendarSyncLedger final : public CalendarSyncLedger {
 public:
  explicit SqliteCalendarSyncLedger(std::unique_ptr<SqliteConnection> db)
      : db_(std::move(db)) {}

  absl::StatusOr<int64_t> Cursor() override {
    absl::MutexLock lock(&mu_);
    WOR_ASSIGN_OR_RETURN(
        auto query,
        db_->Prepare("SELECT sequence FROM calendar_sync_cursor WHERE id = 1"));
    WOR_ASSIGN_OR_RETURN(bool row, query->Step());
    return row ? query->ColumnInt64(0) : 0;
  }

  absl::Status AdvanceCursor(int64_t sequence) override {
    absl::MutexLock lock(&mu_);
    WOR_ASSIGN_OR_RETURN(
        auto upsert,
        db_->Prepare("INSERT INTO calendar_sync_cursor (id, sequence) "
                     "VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET "
                     "sequence = MAX(sequence, excluded.sequence)"));
    upsert->BindInt64(1, sequence);
    return upsert->Run();
  }

  absl::StatusOr<std::vector<PushedCalendarEntry>> EntriesOfReferral(
      const std::string& referral_id) override {
    absl::MutexLock lock(&mu_);
    WOR_ASSIGN_OR_RETURN(
        auto query,
        db_->Prepare("SELECT coach, uid, etag, content_digest "
                     "FROM calendar_sync_entries WHERE referral_id = ?1 "
                     "ORDER BY coach, uid"));
    query->BindText(1, referral_id);
    std::vector<PushedCalendarEntry> found;
    while (true) {
      WOR_ASSIGN_OR_RETURN(bool row, query->Step());
      if (!row) break;
      found.push_back(PushedCalendarEntry{
          query->ColumnText(0), query->ColumnText(1), referral_id,
          query->ColumnText(2), query->ColumnText(3)});
    }
    return found;
  }

  absl::Status RecordPut(const PushedCalendarEntry& entry) override {
    absl::MutexLock lock(&mu_);
    WOR_ASSIGN_OR_RETURN(
        auto upsert,
        db_->Prepare("INSERT OR REPLACE INTO calendar_sync_entries "
                     "(coach, uid, referral_id, etag, content_digest) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)"));
    upsert->BindText(1, entry.coach);
    upsert->BindText(2, entry.uid);
    upsert->BindText(3, entry.referral_id);
    upsert->BindText(4, entry.etag);
    upsert->BindText(5, entry.content_digest);
    return upsert->Run();
  }

  absl::Status RecordRemoved(const std::string& coach,
                             const std::string& uid) override {
    absl::MutexLock lock(&mu_);
    WOR_ASSIGN_OR_RETURN(auto remove,
                         db_->Prepare("DELETE FROM calendar_sync_entries "
                                      "WHERE coach = ?1 AND uid = ?2"));
    remove->BindText(1, coach);
    remove->BindText(2, uid);
    return remove->Run();
  }

 private:
  absl::Mutex mu_;
  std::unique_ptr<SqliteConnection> db_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

absl::StatusOr<std::unique_ptr<CalendarSyncLedger>>
OpenSqliteCalendarSyncLedger(const std::string& path) {
  WOR_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> db,
                       SqliteConnection::Open(path, SqliteConnectionOptions{}));
  WOR_ASSIGN_OR_RETURN(
      auto tables,
      db->Prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                  "AND name IN ('calendar_sync_cursor', "
                  "'calendar_sync_entries')"));
  WOR_ASSIGN_OR_RETURN(bool row, tables->Step());
  if (!row || tables->ColumnInt64(0) != 2) {
    return absl::FailedPreconditionError(
        "the database has no calendar sync tables; open the store first so "
        "its schema is migrated");
  }
  tables.reset();
  return std::unique_ptr<CalendarSyncLedger>(
      new SqliteCalendarSyncLedger(std::move(db)));
}

}  // namespace wor::server
