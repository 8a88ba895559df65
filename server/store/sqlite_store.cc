#include "server/store/sqlite_store.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "server/common/status_macros.h"
#include "server/store/sqlite_connection.h"
#include "server/store/sqlite_migrations.h"

namespace wor::server {
namespace {

absl::Status CorruptRow(const char* table) {
  return absl::DataLossError(
      absl::StrCat("a stored row of ", table, " cannot be read"));
}

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

// A paged query over referrals or events: rows after a sequence, optionally
// of one practice and/or one welfare organisation, in sequence order. Both
// tables carry these two columns, so the clauses and their bindings are
// built in one place.
class PagedQuery {
 public:
  PagedQuery(std::string select, const std::string& practice_agb,
             const std::string& welfare_organisation)
      : sql_(std::move(select)),
        practice_agb_(practice_agb),
        welfare_organisation_(welfare_organisation) {
    absl::StrAppend(&sql_, " WHERE sequence > ?");
  }

  // Extra conditions without parameters (e.g. a state list of numbers).
  void AddCondition(const std::string& condition) {
    absl::StrAppend(&sql_, " AND ", condition);
  }

  absl::StatusOr<std::unique_ptr<SqliteStatement>> Prepare(
      SqliteConnection& db, int64_t after_sequence, int limit) {
    if (!practice_agb_.empty()) absl::StrAppend(&sql_, " AND practice_agb = ?");
    if (!welfare_organisation_.empty()) {
      absl::StrAppend(&sql_, " AND welfare_organisation = ?");
    }
    absl::StrAppend(&sql_, " ORDER BY sequence LIMIT ?");
    WOR_ASSIGN_OR_RETURN(auto stmt, db.Prepare(sql_));
    int index = 1;
    stmt->BindInt64(index++, after_sequence);
    if (!practice_agb_.empty()) stmt->BindText(index++, practice_agb_);
    if (!welfare_organisation_.empty()) {
      stmt->BindText(index++, welfare_organisation_);
    }
    stmt->BindInt64(index, std::max(limit, 0));
    return stmt;
  }

 private:
  std::string sql_;
  const std::string& practice_agb_;
  const std::string& welfare_organisation_;
};

// The transaction view over the writer connection, inside BEGIN … COMMIT.
class SqliteTransaction final : public WriteTransaction {
 public:
  explicit SqliteTransaction(SqliteConnection& db) : db_(db) {}

  absl::StatusOr<StoredReferral> GetReferral(const std::string& id) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        db_.Prepare(
            "SELECT sequence, revision, body FROM referrals WHERE id = ?"));
    stmt->BindText(1, id);
    WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) {
      return absl::NotFoundError(absl::StrCat("referral ", id, " not found"));
    }
    StoredReferral stored;
    stored.sequence = stmt->ColumnInt64(0);
    stored.revision = stmt->ColumnInt64(1);
    if (!stored.referral.ParseFromString(stmt->ColumnBlob(2))) {
      return CorruptRow("referrals");
    }
    return stored;
  }

  absl::Status InsertReferral(const std::string& id,
                              const wor::v1::Referral& referral) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        db_.Prepare("INSERT INTO referrals (id, revision, state, practice_agb, "
                    "welfare_organisation, body) VALUES (?, 1, ?, ?, ?, ?)"));
    stmt->BindText(1, id);
    stmt->BindInt64(2, referral.state());
    stmt->BindText(3, referral.referrer().practice_agb());
    stmt->BindText(4, referral.welfare_organisation());
    stmt->BindBlob(5, referral.SerializeAsString());
    absl::Status status = stmt->Run();
    if (absl::IsAlreadyExists(status)) {
      return absl::AlreadyExistsError(
          absl::StrCat("referral ", id, " already exists"));
    }
    return status;
  }

  absl::Status UpdateReferral(const std::string& id, int64_t expected_revision,
                              const wor::v1::Referral& referral) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        db_.Prepare("UPDATE referrals SET revision = revision + 1, state = ?, "
                    "practice_agb = ?, welfare_organisation = ?, body = ? "
                    "WHERE id = ? AND revision = ?"));
    stmt->BindInt64(1, referral.state());
    stmt->BindText(2, referral.referrer().practice_agb());
    stmt->BindText(3, referral.welfare_organisation());
    stmt->BindBlob(4, referral.SerializeAsString());
    stmt->BindText(5, id);
    stmt->BindInt64(6, expected_revision);
    WOR_RETURN_IF_ERROR(stmt->Run());
    return CheckOneRowChanged(id);
  }

  absl::StatusOr<std::optional<IdempotencyRecord>> FindIdempotencyRecord(
      const std::string& request_id) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt, db_.Prepare("SELECT method, request_digest, result FROM "
                               "idempotency_records WHERE request_id = ?"));
    stmt->BindText(1, request_id);
    WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return std::nullopt;
    return IdempotencyRecord{stmt->ColumnText(0), stmt->ColumnBlob(1),
                             stmt->ColumnBlob(2)};
  }

  absl::Status InsertIdempotencyRecord(
      const std::string& request_id, const IdempotencyRecord& record) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt,
        db_.Prepare("INSERT INTO idempotency_records (request_id, method, "
                    "request_digest, result) VALUES (?, ?, ?, ?)"));
    stmt->BindText(1, request_id);
    stmt->BindText(2, record.method);
    stmt->BindBlob(3, record.request_digest);
    stmt->BindBlob(4, record.result);
    absl::Status status = stmt->Run();
    if (absl::IsAlreadyExists(status)) {
      return absl::AlreadyExistsError("request_id already used");
    }
    return status;
  }

  absl::StatusOr<wor::v1::Feedback> GetFeedback(
      const std::string& referral_id, const std::string& feedback_id) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt, db_.Prepare("SELECT body FROM feedback WHERE referral_id = "
                               "? AND feedback_id = ?"));
    stmt->BindText(1, referral_id);
    stmt->BindText(2, feedback_id);
    WOR_ASSIGN_OR_RETURN(bool found, stmt->Step());
    if (!found) return absl::NotFoundError("feedback not found");
    wor::v1::Feedback feedback;
    if (!feedback.ParseFromString(stmt->ColumnBlob(0))) {
      return CorruptRow("feedback");
    }
    return feedback;
  }

  absl::Status InsertFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override {
    WOR_ASSIGN_OR_RETURN(auto stmt,
                         db_.Prepare("INSERT INTO feedback (referral_id, "
                                     "feedback_id, body) VALUES (?, ?, ?)"));
    stmt->BindText(1, referral_id);
    stmt->BindText(2, feedback_id);
    stmt->BindBlob(3, feedback.SerializeAsString());
    absl::Status status = stmt->Run();
    if (absl::IsAlreadyExists(status)) {
      return absl::AlreadyExistsError("feedback already exists");
    }
    return status;
  }

  absl::Status UpdateFeedback(const std::string& referral_id,
                              const std::string& feedback_id,
                              const wor::v1::Feedback& feedback) override {
    WOR_ASSIGN_OR_RETURN(auto stmt,
                         db_.Prepare("UPDATE feedback SET body = ? WHERE "
                                     "referral_id = ? AND feedback_id = ?"));
    stmt->BindBlob(1, feedback.SerializeAsString());
    stmt->BindText(2, referral_id);
    stmt->BindText(3, feedback_id);
    WOR_RETURN_IF_ERROR(stmt->Run());
    if (db_.Changes() == 0) return absl::NotFoundError("feedback not found");
    return absl::OkStatus();
  }

  absl::Status AppendEvent(const wor::v1::ReferralEvent& event) override {
    WOR_ASSIGN_OR_RETURN(
        auto stmt, db_.Prepare("INSERT INTO referral_events (practice_agb, "
                               "welfare_organisation, body) VALUES (?, ?, ?)"));
    stmt->BindText(1, event.referral().referrer().practice_agb());
    stmt->BindText(2, event.referral().welfare_organisation());
    stmt->BindBlob(3, event.SerializeAsString());
    WOR_RETURN_IF_ERROR(stmt->Run());
    last_event_sequence_ = db_.LastInsertRowId();
    return absl::OkStatus();
  }

  int64_t last_event_sequence() const { return last_event_sequence_; }
  // After a rolled-back savepoint its events are gone again.
  void RestoreLastEventSequence(int64_t sequence) {
    last_event_sequence_ = sequence;
  }

 private:
  absl::Status CheckOneRowChanged(const std::string& id) {
    if (db_.Changes() > 0) return absl::OkStatus();
    absl::StatusOr<StoredReferral> current = GetReferral(id);
    if (!current.ok()) return current.status();  // NOT_FOUND
    return absl::AbortedError(
        absl::StrCat("referral ", id, " changed concurrently"));
  }

  SqliteConnection& db_;
  int64_t last_event_sequence_ = 0;
};

class SqliteStore final : public Store {
 public:
  SqliteStore(SqliteStoreOptions options,
              std::unique_ptr<SqliteConnection> writer,
              int64_t last_event_sequence)
      : options_(std::move(options)),
        writer_connection_(std::move(writer)),
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
    SqliteTransaction view(*reader.connection);
    return view.GetReferral(id);
  }

  absl::StatusOr<std::vector<StoredReferral>> ListReferrals(
      const ReferralFilter& filter, int64_t after_sequence,
      int limit) override {
    PagedQuery query("SELECT sequence, revision, body FROM referrals",
                     filter.practice_agb, filter.welfare_organisation);
    if (!filter.states.empty()) {
      std::vector<int> states(filter.states.begin(), filter.states.end());
      query.AddCondition(
          absl::StrCat("state IN (", absl::StrJoin(states, ","), ")"));
    }
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt, query.Prepare(*reader.connection, after_sequence, limit));
    std::vector<StoredReferral> result;
    while (true) {
      WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      if (!has_row) break;
      StoredReferral stored;
      stored.sequence = stmt->ColumnInt64(0);
      stored.revision = stmt->ColumnInt64(1);
      if (!stored.referral.ParseFromString(stmt->ColumnBlob(2))) {
        return CorruptRow("referrals");
      }
      result.push_back(std::move(stored));
    }
    return result;
  }

  absl::StatusOr<std::vector<std::pair<int64_t, wor::v1::Feedback>>>
  ListFeedback(const std::string& referral_id, int64_t after,
               int limit) override {
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt, reader.connection->Prepare(
                       "SELECT position, body FROM feedback WHERE referral_id "
                       "= ? AND position > ? ORDER BY position LIMIT ?"));
    stmt->BindText(1, referral_id);
    stmt->BindInt64(2, after);
    stmt->BindInt64(3, limit);
    std::vector<std::pair<int64_t, wor::v1::Feedback>> result;
    while (true) {
      WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      if (!has_row) break;
      wor::v1::Feedback feedback;
      if (!feedback.ParseFromString(stmt->ColumnBlob(1))) {
        return CorruptRow("feedback");
      }
      result.emplace_back(stmt->ColumnInt64(0), std::move(feedback));
    }
    return result;
  }

  absl::StatusOr<std::vector<StoredEvent>> ReadEvents(const EventFilter& filter,
                                                      int64_t after_sequence,
                                                      int limit) override {
    PagedQuery query("SELECT sequence, body FROM referral_events",
                     filter.practice_agb, filter.welfare_organisation);
    WOR_ASSIGN_OR_RETURN(auto reader, BorrowReader());
    WOR_ASSIGN_OR_RETURN(
        auto stmt, query.Prepare(*reader.connection, after_sequence, limit));
    std::vector<StoredEvent> result;
    while (true) {
      WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
      if (!has_row) break;
      StoredEvent stored;
      stored.sequence = stmt->ColumnInt64(0);
      if (!stored.event.ParseFromString(stmt->ColumnBlob(1))) {
        return CorruptRow("referral_events");
      }
      stored.event.set_resume_token(ResumeTokenForSequence(stored.sequence));
      result.push_back(std::move(stored));
    }
    return result;
  }

  bool WaitForEventsAfter(int64_t after_sequence,
                          absl::Duration timeout) override {
    absl::MutexLock lock(&mu_);
    auto has_newer = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return last_event_sequence_ > after_sequence;
    };
    return mu_.AwaitWithTimeout(absl::Condition(&has_newer), timeout);
  }

 private:
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
  // event sequence (0 when none).
  int64_t CommitBatch(const std::vector<PendingWrite*>& batch) {
    SqliteConnection& db = *writer_connection_;
    absl::Status begin = db.Execute("BEGIN IMMEDIATE");
    if (!begin.ok()) {
      for (PendingWrite* pending : batch) pending->result = begin;
      return 0;
    }
    SqliteTransaction tx(db);
    for (PendingWrite* pending : batch) {
      absl::Status savepoint = db.Execute("SAVEPOINT write_call");
      if (!savepoint.ok()) {
        pending->result = savepoint;
        continue;
      }
      int64_t events_before = tx.last_event_sequence();
      pending->result = (*pending->fn)(tx);
      if (pending->result.ok()) {
        pending->result = db.Execute("RELEASE write_call");
      } else {
        tx.RestoreLastEventSequence(events_before);
        db.Execute("ROLLBACK TO write_call; RELEASE write_call").IgnoreError();
      }
    }
    absl::Status commit = db.Execute("COMMIT");
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
    return tx.last_event_sequence();
  }

  const SqliteStoreOptions options_;
  // Used only by the current leader (see Write).
  std::unique_ptr<SqliteConnection> writer_connection_;

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
  WOR_ASSIGN_OR_RETURN(
      auto writer,
      SqliteConnection::Open(options.path, true, options.relaxed_durability));
  WOR_RETURN_IF_ERROR(ApplyMigrations(*writer));
  WOR_ASSIGN_OR_RETURN(auto stmt,
                       writer->Prepare("SELECT COALESCE(MAX(sequence), 0) FROM "
                                       "referral_events"));
  WOR_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
  int64_t last_event = has_row ? stmt->ColumnInt64(0) : 0;
  stmt.reset();
  SqliteStoreOptions effective = options;
  if (effective.max_writes_per_commit < 1) effective.max_writes_per_commit = 1;
  return std::unique_ptr<Store>(
      new SqliteStore(std::move(effective), std::move(writer), last_event));
}

}  // namespace wor::server
