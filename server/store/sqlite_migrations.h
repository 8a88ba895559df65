// The SQLite schema migrations, compiled in from server/store/sqlite_schema/
// (see server/store/CMakeLists.txt). Ordered by version, starting at 1.
#ifndef WOR_SERVER_STORE_SQLITE_MIGRATIONS_H_
#define WOR_SERVER_STORE_SQLITE_MIGRATIONS_H_

#include <vector>

namespace wor::server {

struct SqliteMigration {
  int version;
  const char* file_name;
  const char* sql;
};

const std::vector<SqliteMigration>& SqliteMigrations();

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_MIGRATIONS_H_
