// The SQLite Store: group commit over one writer connection, reads over a
// pool of reader connections. See sqlite_store.h.
#include "server/store/sqlite_store.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "server/common/status_macros.h"
#include "server/store/audit_chain.h"
#include "server/store/personal_data_sealer.h"
#include "server/store/sqlite_connection.h"
#include "server/store/sqlite_migrations.h"
#include "server/store/sqlite_reporting.h"
#include "server/store/sqlite_rows.h"
#include "server/store/sqlite_scheduling.h"
#include "server/store/sqlite_transaction.h"

namespace wor::server {
namespace {

absl::Status ApplyMigrations(SqliteConnection& db) {
  WOR_ASSIGN_OR_RETURN(auto version_query, db.Prepare("PRAGMA user_version"));
  WOR_ASSIGN_OR_RETURN(bool has_row, version_query->Step());
  int current = has_row ? static_cast<int>(version_query->ColumnInt64(0)) : 0;
  version_query.reset();
  const auto& migrations = SqliteMigrations();
  int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return absl::FailedPreconditionError(
        absl::StrCat("the database has schema version ", current,
                     " but this server knows only up to ", latest,
                     "; run the newer server version that wrote it"));
  }
  for (const SqliteMigration& migration : migrations) {
    if (migration.version <= current) continue;
    absl::Status status = db.Execute(absl::StrCat(
        "BEGIN IMMEDIATE;", migration.sql,
        "; PRAGMA user_version = ", migration.version, "; COMMIT;"));
    if (!status.ok()) {
      db.Execute("ROLLBACK").IgnoreError();
      return absl::InternalError(absl::StrCat("schema migration ",
                                              migration.file_name,
                                              " failed: ", status.message()));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> LoadLastEventSequence(SqliteConnection& db) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt,
      db.Prepare("SELECT COALESCE(MAX(sequence), 0) FROM referral_events"));
  WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  return has_row ? stmt->ColumnInt64(0) : 0;
}

absl::StatusOr<AuditChainHead> LoadAuditChainHead(SqliteConnection& db) {
  WOR_ASSIGN_OR_RETURN(
      auto stmt, db.Prepare("SELECT sequence, hash FROM audit_log ORDER BY "
                            "sequence DESC LIMIT 1"));
  WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  if (!has_row) return AuditChainHead::Genesis();
  return AuditChainHead{stmt->ColumnInt64(0), stmt->ColumnText(1)};
}

// Collects every row of a query through `read`.
template <typename Row, typename Read>
absl::StatusOr<std::vector<Row>> ReadAll(SqliteStatement& stmt, Read read) {
  std::vector<Row> rows;
  while (true) {
    WOR_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return rows;
    WOR_ASSIGN_OR_RETURN(Row row, read(stmt));
    rows.push_back(std::move(row));
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(SqliteStoreOptions options,
              std::unique_ptr<SqliteConnection> writer,
              int64_t last_event_sequence, AuditChainHead audit_head)
      : options_(std::move(options)),
        sealer_(*options_.keyring),
        writer_connection_(std::move(writer)),
        committed_audit_head_(std::move(audit_head)),
        last_event_sequence_(last_event_sequence) {}

  // Group commit as in LevelDB's write path: every caller queues its write;
  // the caller at the front of the queue, when no commit is running, becomes
  // the leader: it takes the writes queued behind it, runs them all in one
  // transaction, commits once and releases the whole group. No extra thread,
  // and no hand-off for the leader itself.
  absl::Status Write(const WriteFunction& fn) override {
    PendingWrite pending{&fn, absl::OkStatus(), false};
    absl::MutexLock lock(&mu_);
    queue_.push_back(&pending);
    auto done_or_leading = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return pending.done || (!committing_ && queue_.front() == &pending);
    };
    mu_.Await(absl::Condition(&done_or_leading));
    if (pending.done) return pending.result;

    committing_ = true;
    std::vector<PendingWrite*> batch;
    while (!queue_.empty() &&
           static_cast<int>(batch.size()) < options_.max_writes_per_commit) {
      batch.push_back(queue_.front());
      queue_.pop_front();
    }
    mu_.Unlock();
    const int64_t last_event =
        CommitBatch(batch);  // the writer connection is ours
    mu_.Lock();
    if (last_event > last_event_sequence_) last_event_sequence_ = last_event;
    for (PendingWrite* member : batch) member->done = true;
    committing_ = false;  // the next front of the queue, if any, leads next
    return pending.result;
  }

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    return SelectReferral(*reader.connection, sealer_, id);
  }

  absl::StatusOr<std::vector<StoredReferral>> ListReferrals(
      const ReferralFilter& filter, int64_t after_sequence,
      int limit) override {
    PagedQuery query(
        absl::StrCat("SELECT ", kReferralColumns, " FROM referrals"));
    query.AddEquals("practice_agb", filter.practice_agb);
    query.AddEquals("welfare_organisation", filter.welfare_organisation);
    query.AddEquals("patient_pseudonym", filter.patient_pseudonym);
    query.AddEquals("assigned_coach", filter.assigned_coach);
    if (!filter.states.empty()) {
      std::vector<int> states(filter.states.begin(), filter.states.end());
      query.AddCondition(
          absl::StrCat("state IN (", absl::StrJoin(states, ","), ")"));
    }
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt, query.Prepare(*reader.connection, after_sequence, limit));
    return ReadAll<StoredReferral>(*stmt, [&](const SqliteStatement& row) {
      return ReadReferralRow(row, sealer_);
    });
  }

  absl::StatusOr<std::vector<std::string>> ListReferralsWithAlarmDue(
      absl::Time now, int limit) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    // Served by the partial index referrals_by_deadline_alarm alone.
    WOR_ASSIGN_OR_RETURN(
        auto stmt, reader.connection->Prepare(
                       "SELECT id FROM referrals WHERE deadline_alarm_time "
                       "IS NOT NULL AND deadline_alarm_time <= ? ORDER BY "
                       "deadline_alarm_time LIMIT ?"));
    stmt->BindInt64(1, absl::ToUnixMicros(now));
    stmt->BindInt64(2, limit);
    std::vector<std::string> ids;
    while (true) {
      WOR_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      ids.push_back(stmt->ColumnText(0));
    }
    return ids;
  }

  absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>>
  ListFeedback(const std::string& referral_id, int64_t after,
               int limit) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt, reader.connection->Prepare(absl::StrCat(
                       "SELECT ", kFeedbackColumns,
                       " FROM feedback WHERE referral_id = ? AND position > ? "
                       "ORDER BY position LIMIT ?")));
    stmt->BindText(1, referral_id);
    stmt->BindInt64(2, after);
    stmt->BindInt64(3, limit);
    return ReadAll<std::pair<int64_t, wor::v1::Feedback>>(
        *stmt, [&](const SqliteStatement& row) {
          return ReadFeedbackRow(row, sealer_);
        });
  }

  absl::StatusOr<std::vector<StoredEvent>> ReadEvents(const EventFilter& filter,
                                                      int64_t after_sequence,
                                                      int limit) override {
    PagedQuery query(
        absl::StrCat("SELECT ", kEventColumns, " FROM referral_events"));
    query.AddEquals("practice_agb", filter.practice_agb);
    query.AddEquals("welfare_organisation", filter.welfare_organisation);
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt, query.Prepare(*reader.connection, after_sequence, limit));
    return ReadAll<StoredEvent>(*stmt, [&](const SqliteStatement& row) {
      return ReadEventRow(row, sealer_);
    });
  }

  bool WaitForEventsAfter(int64_t after_sequence,
                          absl::Duration timeout) override {
    absl::MutexLock lock(&mu_);
    auto has_newer = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return last_event_sequence_ > after_sequence;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&has_newer), timeout);
  }

  absl::StatusOr<int64_t> LastEventSequence() override {
    absl::MutexLock lock(&mu_);
    return last_event_sequence_;
  }

  absl::StatusOr<std::vector<wor::v1::AuditRecord>> ListAudit(
      const AuditFilter& filter, int64_t after_sequence, int limit) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        PrepareAuditQuery(*reader.connection, filter, after_sequence, limit));
    return ReadAll<wor::v1::AuditRecord>(*stmt, [](const SqliteStatement& row) {
      return AuditRecordFromRow(ReadAuditRow(row));
    });
  }

  absl::StatusOr<std::vector<StoredAuditRow>> ReadAuditRows(
      int64_t after_sequence, int limit) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        reader.connection->Prepare(absl::StrCat(
            "SELECT ", kAuditColumns,
            " FROM audit_log WHERE sequence > ? ORDER BY sequence LIMIT ?")));
    stmt->BindInt64(1, after_sequence);
    stmt->BindInt64(2, std::max(limit, 0));
    return ReadAll<StoredAuditRow>(
        *stmt,
        [](const SqliteStatement& row) -> absl::StatusOr<StoredAuditRow> {
          return ReadAuditRow(row);
        });
  }

  absl::StatusOr<StoredCoachAvailability> GetCoachAvailability(
      const std::string& coach) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    return SelectCoachAvailability(*reader.connection, coach);
  }

  absl::StatusOr<std::vector<BookedIntake>> ListCoachIntakes(
      const std::string& coach, absl::Time from, absl::Time to) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    return SelectCoachIntakes(*reader.connection, coach, from, to, "",
                              kMaxCoachIntakesListed);
  }

  absl::Status ScanReferralFacts(
      const FactsFilter& filter,
      const std::function<void(const ReferralFacts&)>& visit) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    return ScanReferralFactRows(*reader.connection, filter, visit);
  }

  absl::StatusOr<ReferralFacts> GetReferralFacts(
      const std::string& referral_id) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    return SelectReferralFacts(*reader.connection, referral_id);
  }

  absl::StatusOr<std::vector<CoachTimeRow>> ListCoachTime(
      absl::CivilDay last_day) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    return SelectCoachTime(*reader.connection, last_day);
  }

 private:
  // A coach's intakes over the slot finder's horizon are far fewer.
  static constexpr int kMaxCoachIntakesListed = 10000;

  struct PendingWrite {
    const WriteFunction* fn;
    absl::Status result;
    bool done = false;
  };

  // A read connection on loan from the pool; returned when destroyed.
  struct BorrowedReader {
    SqliteStore* store;
    std::unique_ptr<SqliteConnection> connection;
    BorrowedReader(SqliteStore* s, std::unique_ptr<SqliteConnection> c)
        : store(s), connection(std::move(c)) {}
    BorrowedReader(BorrowedReader&& other) = default;
    ~BorrowedReader() {
      if (connection) store->ReturnReader(std::move(connection));
    }
  };

  absl::StatusOr<BorrowedReader> BorrowReader() {
    {
      absl::MutexLock lock(&readers_mu_);
      if (!idle_readers_.empty()) {
        auto connection = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return BorrowedReader(this, std::move(connection));
      }
    }
    WOR_ASSIGN_OR_RETURN(auto connection,
                         SqliteConnection::Open(options_.path, false,
                                                options_.relaxed_durability));
    return BorrowedReader(this, std::move(connection));
  }

  void ReturnReader(std::unique_ptr<SqliteConnection> connection) {
    absl::MutexLock lock(&readers_mu_);
    idle_readers_.push_back(std::move(connection));
  }

  // Runs the batch; sets each write's result. Returns the last committed
  // event sequence (0 when none). The audit chain head advances only with
  // what actually commits.
  int64_t CommitBatch(const std::vector<PendingWrite*>& batch) {
    SqliteConnection& db = *writer_connection_;
    absl::Status begin = db.Execute("BEGIN IMMEDIATE");
    if (!begin.ok()) {
      for (PendingWrite* pending : batch) pending->result = begin;
      return 0;
    }
    SqliteTransaction tx(db, sealer_, committed_audit_head_);
    for (PendingWrite* pending : batch) {
      absl::Status savepoint = db.Execute("SAVEPOINT write_call");
      if (!savepoint.ok()) {
        pending->result = savepoint;
        continue;
      }
      const SqliteTransaction::Progress before = tx.progress();
      pending->result = (*pending->fn)(tx);
      if (pending->result.ok()) {
        pending->result = db.Execute("RELEASE write_call");
      }
      if (!pending->result.ok()) {
        tx.RestoreProgress(before);
        db.Execute("ROLLBACK TO write_call; RELEASE write_call").IgnoreError();
      }
    }
    // The keys of what was sealed must be durable before what they seal.
    absl::Status commit = sealer_.CommitNewKeys();
    if (commit.ok()) commit = db.Execute("COMMIT");
    if (!commit.ok()) {
      db.Execute("ROLLBACK").IgnoreError();
      for (PendingWrite* pending : batch) {
        if (pending->result.ok()) {
          pending->result = absl::UnavailableError(
              "the change could not be saved; nothing was stored, retry");
        }
      }
      return 0;
    }
    committed_audit_head_ = tx.progress().audit_head;
    return tx.progress().last_event_sequence;
  }

  const SqliteStoreOptions options_;
  PersonalDataSealer sealer_;
  // Used only by the current leader (see Write).
  std::unique_ptr<SqliteConnection> writer_connection_;
  AuditChainHead committed_audit_head_;

  absl::Mutex mu_;
  std::deque<PendingWrite*> queue_ ABSL_GUARDED_BY(mu_);
  bool committing_ ABSL_GUARDED_BY(mu_) = false;
  int64_t last_event_sequence_ ABSL_GUARDED_BY(mu_);

  absl::Mutex readers_mu_;
  std::vector<std::unique_ptr<SqliteConnection>> idle_readers_
      ABSL_GUARDED_BY(readers_mu_);
};

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(
    const SqliteStoreOptions& options) {
  if (options.path.empty()) {
    return absl::InvalidArgumentError("the SQLite database path is empty");
  }
  if (options.keyring == nullptr) {
    return absl::InvalidArgumentError(
        "the SQLite store needs the patient keyring to encrypt personal data");
  }
  WOR_ASSIGN_OR_RETURN(
      auto writer,
      SqliteConnection::Open(options.path, true, options.relaxed_durability));
  WOR_RETURN_IF_ERROR(ApplyMigrations(*writer));
  WOR_ASSIGN_OR_RETURN(int64_t last_event, LoadLastEventSequence(*writer));
  WOR_ASSIGN_OR_RETURN(AuditChainHead audit_head, LoadAuditChainHead(*writer));
  SqliteStoreOptions effective = options;
  if (effective.max_writes_per_commit < 1) effective.max_writes_per_commit = 1;
  return std::unique_ptr<Store>(new SqliteStore(std::move(effective),
                                                std::move(writer), last_event,
                                                std::move(audit_head)));
}

}  // namespace wor::server
