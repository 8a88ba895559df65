// The embedded SQLite Store: the server's default storage.
//
// Durable by default: WAL with synchronous=FULL, so a write acknowledged by
// `Write` survives a crash or power cut. Concurrent writes share a commit
// (group commit, as in LevelDB): the first waiting caller leads, collects the
// writes queued behind it, runs each in its own savepoint inside one
// transaction, and commits once, so N callers pay for one fsync instead of N.
// Reads use a pool of separate connections and never wait for the writer.
// The store must outlive every call into it.
//
// Personal data is sealed per patient under keys from a PatientKeyring
// (personal_data_sealer.h); just before each commit the keyring makes the
// keys new in that commit durable (PatientKeyring::CommitNewKeys), once for
// the whole group. The audit log is an append-only hash chain
// (audit_chain.h), enforced by triggers.
//
// The schema lives in server/store/sqlite_schema/*.sql and is applied as
// numbered migrations (PRAGMA user_version) when the store opens.
#ifndef WOR_SERVER_STORE_SQLITE_STORE_H_
#define WOR_SERVER_STORE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "server/store/patient_keyring.h"
#include "server/store/store.h"

namespace wor::server {

struct SqliteStoreOptions {
  std::string path;
  // Largest number of writes that share one commit.
  int max_writes_per_commit = 64;
  // synchronous=NORMAL instead of FULL: faster, but the last acknowledged
  // writes may be lost on power failure. Off by default.
  bool relaxed_durability = false;
  // Required. The patients' data keys; must outlive the store. Keep its file
  // apart from the database (and from the database's backups).
  PatientKeyring* keyring = nullptr;
};

// Opens or creates the database and brings its schema up to date. Fails
// when the file cannot be opened or was written by a newer version;
// INVALID_ARGUMENT without a path or keyring.
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(
    const SqliteStoreOptions& options);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_SQLITE_STORE_H_
