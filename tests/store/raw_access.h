// Looking at what the SQLite files really hold, bypassing the store and the
// keyring: raw SQL through the sqlite3 C API and raw bytes of the files
// (database, -wal, -journal).
#ifndef WOR_TESTS_STORE_RAW_ACCESS_H_
#define WOR_TESTS_STORE_RAW_ACCESS_H_

#include <sqlite3.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace wor::server {

// The file's bytes; empty when it does not exist.
inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), {});
}

// The files SQLite may keep for the database at `path`.
inline std::vector<std::string> SqliteFiles(const std::string& path) {
  return {path, path + "-wal", path + "-journal"};
}

// The first of `files` whose bytes contain `needle`, or "" when none does.
inline std::string FileContaining(const std::vector<std::string>& files,
                                  const std::string& needle) {
  for (const std::string& file : files) {
    if (ReadFileBytes(file).find(needle) != std::string::npos) return file;
  }
  return "";
}

// Runs `sql` on its own connection; the error carries SQLite's message.
inline absl::Status ExecuteRawSql(const std::string& path,
                                  const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    return absl::InternalError("cannot open the test database");
  }
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (code != SQLITE_OK) return absl::InternalError(message);
  return absl::OkStatus();
}

// The first column of every row of `sql`, as bytes.
inline absl::StatusOr<std::vector<std::string>> QueryRawColumn(
    const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    return absl::InternalError("cannot open the test database");
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* stmt = nullptr;
  std::vector<std::string> values;
  int code = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  while (code == SQLITE_OK && (code = sqlite3_step(stmt)) == SQLITE_ROW) {
    const char* data = static_cast<const char*>(sqlite3_column_blob(stmt, 0));
    values.emplace_back(data == nullptr
                            ? ""
                            : std::string(data, sqlite3_column_bytes(stmt, 0)));
    code = SQLITE_OK;
  }
  std::string error = sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (code != SQLITE_DONE) {
    return absl::InternalError(absl::StrCat(sql, ": ", error));
  }
  return values;
}

}  // namespace wor::server

#endif  // WOR_TESTS_STORE_RAW_ACCESS_H_
