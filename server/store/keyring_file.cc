// Opening the patient keyring's file; see keyring_file.h.
#include "server/store/keyring_file.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/crypto/aes_gcm.h"

namespace wor::server {
namespace {

constexpr int kSchemaVersion = 1;
constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS data_keys (
  pseudonym     TEXT PRIMARY KEY,
  master_key_id TEXT NOT NULL,
  wrapped_key   BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS destroyed_patients (
  pseudonym TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS secrets (
  name           TEXT PRIMARY KEY,
  master_key_id  TEXT NOT NULL,
  wrapped_secret BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS master_key_checks (
  master_key_id TEXT PRIMARY KEY,
  check_box     BLOB NOT NULL
);
)sql";

// Sealed under each master key when first seen; opening it proves that a key
// file holds the same key as before.
constexpr char kMasterKeyCheck[] = "wor keyring master key check";

std::string CheckAssociatedData(const std::string& master_key_id) {
  return absl::StrCat("master-key-check:", master_key_id);
}

absl::Status CreateSchema(SqliteConnection& db) {
  WOR_ASSIGN_OR_RETURN(auto version, db.Prepare("PRAGMA user_version"));
  WOR_ASSIGN_OR_RETURN(bool has_row, version->Step());
  const int64_t current = has_row ? version->ColumnInt64(0) : 0;
  version.reset();
  if (current > kSchemaVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("the keyring has schema version ", current,
                     " but this server knows only up to ", kSchemaVersion,
                     "; run the newer server version that wrote it"));
  }
  if (current == kSchemaVersion) return absl::OkStatus();
  absl::Status status = db.Execute(
      absl::StrCat("BEGIN IMMEDIATE;", kSchema,
                   "PRAGMA user_version = ", kSchemaVersion, "; COMMIT;"));
  if (!status.ok()) db.Execute("ROLLBACK").IgnoreError();
  return status;
}

absl::Status CheckMasterKey(SqliteConnection& db, const std::string& id,
                            const std::string& bytes) {
  WOR_ASSIGN_OR_RETURN(auto select,
                       db.Prepare("SELECT check_box FROM master_key_checks "
                                  "WHERE master_key_id = ?"));
  select->BindText(1, id);
  WOR_ASSIGN_OR_RETURN(bool found, select->Step());
  if (found) {
    if (!crypto::AesGcmOpen(bytes, select->ColumnBlob(0),
                            CheckAssociatedData(id))
             .ok()) {
      return absl::FailedPreconditionError(
          absl::StrCat("master key '", id,
                       "' is not the key this keyring was created with; "
                       "check the key file given for it"));
    }
    return absl::OkStatus();
  }
  select.reset();
  WOR_ASSIGN_OR_RETURN(
      std::string check,
      crypto::AesGcmSeal(bytes, kMasterKeyCheck, CheckAssociatedData(id)));
  WOR_ASSIGN_OR_RETURN(auto insert,
                       db.Prepare("INSERT INTO master_key_checks "
                                  "(master_key_id, check_box) VALUES (?, ?)"));
  insert->BindText(1, id);
  insert->BindBlob(2, check);
  return insert->Run();
}

absl::Status CheckEveryWrappingKeyIsGiven(SqliteConnection& db,
                                          const MasterKeysById& master_keys) {
  WOR_ASSIGN_OR_RETURN(auto select,
                       db.Prepare("SELECT master_key_id FROM data_keys UNION "
                                  "SELECT master_key_id FROM secrets"));
  while (true) {
    WOR_ASSIGN_OR_RETURN(bool has_row, select->Step());
    if (!has_row) return absl::OkStatus();
    const std::string id = select->ColumnText(0);
    if (!master_keys.contains(id)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the keyring holds keys wrapped by master key '", id,
          "', which was not given; give its key file too (retire it only "
          "after RewrapAll)"));
    }
  }
}

}  // namespace

absl::StatusOr<MasterKeysById> CheckKeyringOptions(
    const KeyringOptions& options) {
  if (options.master_keys.empty()) {
    return absl::InvalidArgumentError(
        "the keyring needs at least one master key file");
  }
  MasterKeysById keys;
  for (const MasterKey& key : options.master_keys) {
    if (key.id.empty()) {
      return absl::InvalidArgumentError("a master key has an empty id");
    }
    if (key.bytes.size() != crypto::kAes256KeyBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "master key '", key.id, "' is not 32 bytes; check its key file"));
    }
    if (!keys.emplace(key.id, key.bytes).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("master key id '", key.id, "' is given twice"));
    }
  }
  if (!keys.contains(options.active_master_key_id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the active master key id '", options.active_master_key_id,
                     "' is not among the given master keys"));
  }
  return keys;
}

absl::StatusOr<std::unique_ptr<SqliteConnection>> OpenKeyringFile(
    const std::string& path, const MasterKeysById& master_keys) {
  SqliteConnectionOptions connection_options;
  connection_options.create = true;
  connection_options.secure_delete = true;
  absl::StatusOr<std::unique_ptr<SqliteConnection>> db = SqliteConnection::Open(
      path.empty() ? ":memory:" : path, connection_options);
  if (!db.ok()) {
    return absl::UnavailableError(
        absl::StrCat("cannot open the keyring file ", path,
                     "; check that its directory exists and is writable"));
  }
  WOR_RETURN_IF_ERROR(CreateSchema(**db));
  for (const auto& [id, bytes] : master_keys) {
    WOR_RETURN_IF_ERROR(CheckMasterKey(**db, id, bytes));
  }
  WOR_RETURN_IF_ERROR(CheckEveryWrappingKeyIsGiven(**db, master_keys));
  return db;
}

}  // namespace wor::server
