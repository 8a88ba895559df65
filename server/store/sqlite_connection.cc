#include "server/store/sqlite_connection.h"

#include "absl/strings/str_cat.h"

namespace wor::server {
namespace {

// Busy waits only happen between the writer and schema setup; readers never
// block in WAL mode.
constexpr int kBusyTimeoutMs = 5000;

absl::Status StatusFromCode(int code, const std::string& message) {
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return absl::UnavailableError(message);
    case SQLITE_CONSTRAINT:
      return absl::AlreadyExistsError(message);
    default:
      return absl::InternalError(message);
  }
}

}  // namespace

SqliteStatement::~SqliteStatement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void SqliteStatement::BindText(int index, const std::string& value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

void SqliteStatement::BindBlob(int index, const std::string& value) {
  sqlite3_bind_blob(stmt_, index, value.data(), static_cast<int>(value.size()),
                    SQLITE_TRANSIENT);
}

void SqliteStatement::BindInt64(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void SqliteStatement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

void SqliteStatement::BindDouble(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
}

absl::StatusOr<bool> SqliteStatement::Step() {
  int code = sqlite3_step(stmt_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return StatusFromCode(code,
                        absl::StrCat("database step failed: ",
                                     sqlite3_errmsg(sqlite3_db_handle(stmt_))));
}

absl::Status SqliteStatement::Run() {
  absl::StatusOr<bool> row = Step();
  return row.status();
}

int64_t SqliteStatement::ColumnInt64(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

double SqliteStatement::ColumnDouble(int index) const {
  return sqlite3_column_double(stmt_, index);
}

bool SqliteStatement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::string SqliteStatement::ColumnBlob(int index) const {
  const void* data = sqlite3_column_blob(stmt_, index);
  int size = sqlite3_column_bytes(stmt_, index);
  return data == nullptr ? std::string()
                         : std::string(static_cast<const char*>(data), size);
}

std::string SqliteStatement::ColumnText(int index) const {
  const unsigned char* data = sqlite3_column_text(stmt_, index);
  int size = sqlite3_column_bytes(stmt_, index);
  return data == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(data), size);
}

absl::StatusOr<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(
    const std::string& path, bool create, bool relaxed_durability) {
  SqliteConnectionOptions options;
  options.create = create;
  options.relaxed_durability = relaxed_durability;
  return Open(path, options);
}

absl::StatusOr<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(
    const std::string& path, const SqliteConnectionOptions& options) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
              (options.create ? SQLITE_OPEN_CREATE : 0);
  int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message =
        absl::StrCat("cannot open the database file (", sqlite3_errstr(code),
                     "); check that its directory exists and is writable");
    sqlite3_close(db);
    return absl::UnavailableError(message);
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // temp_store=MEMORY keeps savepoint and statement journals in memory.
  // Otherwise a savepoint (one per write in a group commit) whose journal
  // passes 64 KiB spills to a temporary file in /var/tmp — page images
  // written with a system call each, and copies of rows outside the
  // database. These journals only roll back within a transaction; crash
  // recovery never reads them. Measured in bench/README.md.
  // mmap_size: long reads (partner statistics scan a million rows of facts)
  // take pages straight from the page cache instead of one read() each;
  // writes still go through the WAL as before.
  absl::Status status = connection->Execute(absl::StrCat(
      "PRAGMA journal_mode=", options.write_ahead_log ? "WAL" : "DELETE",
      "; PRAGMA foreign_keys=ON; PRAGMA secure_delete=",
      options.secure_delete ? "ON" : "OFF",
      "; PRAGMA synchronous=", options.relaxed_durability ? "NORMAL" : "FULL",
      "; PRAGMA temp_store=MEMORY; PRAGMA mmap_size=1073741824;"));
  if (!status.ok()) return status;
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

absl::Status SqliteConnection::Execute(const std::string& sql) {
  char* error = nullptr;
  int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (code == SQLITE_OK) return absl::OkStatus();
  std::string message = absl::StrCat("database statement failed: ",
                                     error ? error : sqlite3_errstr(code));
  sqlite3_free(error);
  return StatusFromCode(code, message);
}

absl::StatusOr<std::unique_ptr<SqliteStatement>> SqliteConnection::Prepare(
    const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int code = sqlite3_prepare_v3(db_, sql.c_str(), -1,
                                  SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (code != SQLITE_OK) return Error(code, "prepare");
    it = statements_.emplace(sql, stmt).first;
  }
  return std::make_unique<SqliteStatement>(it->second);
}

int64_t SqliteConnection::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

int SqliteConnection::Changes() const { return sqlite3_changes(db_); }

absl::Status SqliteConnection::Error(int code, const char* what) const {
  return StatusFromCode(
      code, absl::StrCat("database ", what, " failed: ", sqlite3_errmsg(db_)));
}

}  // namespace wor::server
