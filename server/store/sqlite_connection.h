// A thin RAII layer over one SQLite connection and its prepared statements.
// Not thread-safe: one thread uses a connection at a time.
#ifndef WOR_SERVER_STORE_SQLITE_CONNECTION_H_
#define WOR_SERVER_STORE_SQLITE_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::server {

// A prepared statement borrowed from a connection's cache. Resets itself
// (and clears bindings) when the borrow ends.
class SqliteStatement {
 public:
  explicit SqliteStatement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Parameters are 1-based, as in SQLite.
  void BindText(int index, const std::string& value);
  void BindBlob(int index, const std::string& value);
  void BindInt64(int index, int64_t value);
  void BindNull(int index);
  void BindDouble(int index, double value);

  // Returns true when a row is available, false when done.
  absl::StatusOr<bool> Step();
  // Runs a statement that returns no rows.
  absl::Status Run();

  int64_t ColumnInt64(int index) const;
  std::string ColumnBlob(int index) const;
  std::string ColumnText(int index) const;
  double ColumnDouble(int index) const;
  bool ColumnIsNull(int index) const;

 private:
  sqlite3_stmt* stmt_;
};

// How to open a connection. The defaults suit the store's database.
struct SqliteConnectionOptions {
  // Create the file when it does not exist.
  bool create = false;
  // synchronous=NORMAL instead of FULL.
  bool relaxed_durability = false;
  // WAL; otherwise journal_mode=DELETE, whose rollback journal is removed at
  // every commit (the keyring: no old page outlives its transaction).
  bool write_ahead_log = true;
  // PRAGMA secure_delete: deleted content is overwritten with zeros.
  bool secure_delete = false;
};

class SqliteConnection {
 public:
  // Opens (creating when asked) the database and applies the per-connection
  // settings: the journal mode, foreign keys, busy timeout, `synchronous`
  // FULL unless `relaxed_durability`, and temporary data (savepoint and
  // statement journals, sorts) in memory. `path` ":memory:" is a private
  // in-memory database.
  static absl::StatusOr<std::unique_ptr<SqliteConnection>> Open(
      const std::string& path, const SqliteConnectionOptions& options);
  static absl::StatusOr<std::unique_ptr<SqliteConnection>> Open(
      const std::string& path, bool create, bool relaxed_durability);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  // Runs one or more statements without results.
  absl::Status Execute(const std::string& sql);
  // A cached prepared statement for `sql`.
  absl::StatusOr<std::unique_ptr<SqliteStatement>> Prepare(
      const std::string& sql);
  int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int Changes() const;

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  absl::Status Error(int code, const char* what) const;

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_CONNECTION_H_
