// The SQLite PatientKeyring (see patient_keyring.h).
//
// Why journal_mode=DELETE and not WAL: after `Destroy` no copy of the wrapped
// key may remain anywhere in the keyring's files. With secure_delete=ON the
// deleted row is overwritten with zeros in the database file; in DELETE mode
// the rollback journal, the only other place a copy of the old page lives, is
// removed when the transaction commits, so the guarantee holds as soon as
// Destroy returns. A WAL would keep the old page until a checkpoint, and a
// TRUNCATE checkpoint can be refused while anything reads. The keyring is
// written once per new patient and read from memory afterwards, so WAL's
// write throughput is not needed.
//
// Tables (schema version 1, PRAGMA user_version):
//   data_keys           pseudonym → (master_key_id, wrapped key); AAD =
//   pseudonym destroyed_patients  pseudonyms whose key was destroyed (never
//   re-created) secrets             name → (master_key_id, wrapped secret); AAD
//   = "secret:" name master_key_checks   master_key_id → a box sealed under
//   that master key,
//                       so that a wrong key file is refused when opening
#include "server/store/patient_keyring.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/common/status_macros.h"
#include "server/crypto/aes_gcm.h"
#include "server/crypto/digest.h"
#include "server/store/sqlite_connection.h"

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

// Unwrapped keys kept in memory; beyond this many the cache starts over.
constexpr size_t kMaxCachedKeys = 100000;

std::string SecretAssociatedData(const std::string& name) {
  return absl::StrCat("secret:", name);
}

std::string CheckAssociatedData(const std::string& master_key_id) {
  return absl::StrCat("master-key-check:", master_key_id);
}

// Overwrites key material before its memory is released.
void Wipe(std::string& key) { std::fill(key.begin(), key.end(), '\0'); }

void WipeAll(std::unordered_map<std::string, std::string>& keys) {
  for (auto& [name, key] : keys) Wipe(key);
  keys.clear();
}

absl::Status CheckOptions(const KeyringOptions& options) {
  if (options.master_keys.empty()) {
    return absl::InvalidArgumentError(
        "the keyring needs at least one master key file");
  }
  std::map<std::string, int> seen;
  for (const MasterKey& key : options.master_keys) {
    if (key.id.empty()) {
      return absl::InvalidArgumentError("a master key has an empty id");
    }
    if (++seen[key.id] > 1) {
      return absl::InvalidArgumentError(
          absl::StrCat("master key id '", key.id, "' is given twice"));
    }
    if (key.bytes.size() != crypto::kAes256KeyBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "master key '", key.id, "' is not 32 bytes; check its key file"));
    }
  }
  if (!seen.contains(options.active_master_key_id)) {
    return absl::InvalidArgumentError(
        absl::StrCat("the active master key id '", options.active_master_key_id,
                     "' is not among the given master keys"));
  }
  return absl::OkStatus();
}

class SqlitePatientKeyring final : public PatientKeyring {
 public:
  SqlitePatientKeyring(std::unique_ptr<SqliteConnection> db,
                       std::map<std::string, std::string> master_keys,
                       std::string active_master_key_id)
      : db_(std::move(db)),
        master_keys_(std::move(master_keys)),
        active_master_key_id_(std::move(active_master_key_id)) {}

  ~SqlitePatientKeyring() override {
    absl::MutexLock lock(&mu_);
    WipeAll(data_keys_);
    WipeAll(secrets_);
  }

  // Brings the schema up to date and checks the master keys against what
  // the keyring holds.
  absl::Status Initialise() {
    absl::MutexLock lock(&mu_);
    WOR_RETURN_IF_ERROR(CreateSchema());
    for (const auto& [id, bytes] : master_keys_) {
      WOR_RETURN_IF_ERROR(CheckMasterKey(id, bytes));
    }
    return CheckEveryWrappingKeyIsGiven();
  }

  absl::StatusOr<std::string> KeyForWriting(
      const std::string& patient_pseudonym) override {
    WOR_RETURN_IF_ERROR(CheckPseudonym(patient_pseudonym));
    absl::MutexLock lock(&mu_);
    WOR_ASSIGN_OR_RETURN(std::optional<std::string> key,
                         LoadDataKey(patient_pseudonym));
    if (key.has_value()) return *std::move(key);
    WOR_ASSIGN_OR_RETURN(bool destroyed, IsDestroyedLocked(patient_pseudonym));
    if (destroyed) {
      return absl::FailedPreconditionError(
          "this patient's personal data was erased; it cannot be stored again "
          "under the same pseudonym");
    }
    std::string created = crypto::RandomBytes(crypto::kAes256KeyBytes);
    WOR_ASSIGN_OR_RETURN(std::string wrapped, Wrap(created, patient_pseudonym));
    WOR_ASSIGN_OR_RETURN(
        auto insert,
        db_->Prepare("INSERT INTO data_keys (pseudonym, master_key_id, "
                     "wrapped_key) VALUES (?, ?, ?)"));
    insert->BindText(1, patient_pseudonym);
    insert->BindText(2, active_master_key_id_);
    insert->BindBlob(3, wrapped);
    WOR_RETURN_IF_ERROR(insert->Run());
    Remember(data_keys_, patient_pseudonym, created);
    return created;
  }

  absl::StatusOr<std::optional<std::string>> KeyForReading(
      const std::string& patient_pseudonym) override {
    WOR_RETURN_IF_ERROR(CheckPseudonym(patient_pseudonym));
    absl::MutexLock lock(&mu_);
    return LoadDataKey(patient_pseudonym);
  }

  absl::Status Destroy(const std::string& patient_pseudonym) override {
    WOR_RETURN_IF_ERROR(CheckPseudonym(patient_pseudonym));
    absl::MutexLock lock(&mu_);
    if (auto it = data_keys_.find(patient_pseudonym); it != data_keys_.end()) {
      Wipe(it->second);
      data_keys_.erase(it);
    }
    WOR_RETURN_IF_ERROR(db_->Execute("BEGIN IMMEDIATE"));
    absl::Status status = DeleteKeyAndRemember(patient_pseudonym);
    if (status.ok()) status = db_->Execute("COMMIT");
    if (!status.ok()) {
      db_->Execute("ROLLBACK").IgnoreError();
      return absl::UnavailableError(
          "the patient's key could not be destroyed; nothing changed, retry");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<bool> IsDestroyed(
      const std::string& patient_pseudonym) override {
    WOR_RETURN_IF_ERROR(CheckPseudonym(patient_pseudonym));
    absl::MutexLock lock(&mu_);
    return IsDestroyedLocked(patient_pseudonym);
  }

  absl::StatusOr<std::string> Secret(const std::string& name) override {
    if (name.empty()) {
      return absl::InvalidArgumentError("a secret needs a name");
    }
    absl::MutexLock lock(&mu_);
    if (auto it = secrets_.find(name); it != secrets_.end()) return it->second;
    WOR_ASSIGN_OR_RETURN(
        auto select, db_->Prepare("SELECT master_key_id, wrapped_secret FROM "
                                  "secrets WHERE name = ?"));
    select->BindText(1, name);
    WOR_ASSIGN_OR_RETURN(bool found, select->Step());
    std::string secret;
    if (found) {
      WOR_ASSIGN_OR_RETURN(secret,
                           Unwrap(select->ColumnText(0), select->ColumnBlob(1),
                                  SecretAssociatedData(name)));
    } else {
      select.reset();
      secret = crypto::RandomBytes(crypto::kAes256KeyBytes);
      WOR_ASSIGN_OR_RETURN(std::string wrapped,
                           Wrap(secret, SecretAssociatedData(name)));
      WOR_ASSIGN_OR_RETURN(
          auto insert, db_->Prepare("INSERT INTO secrets (name, master_key_id, "
                                    "wrapped_secret) VALUES (?, ?, ?)"));
      insert->BindText(1, name);
      insert->BindText(2, active_master_key_id_);
      insert->BindBlob(3, wrapped);
      WOR_RETURN_IF_ERROR(insert->Run());
    }
    Remember(secrets_, name, secret);
    return secret;
  }

  absl::StatusOr<int> RewrapAll() override {
    absl::MutexLock lock(&mu_);
    WOR_RETURN_IF_ERROR(db_->Execute("BEGIN IMMEDIATE"));
    absl::StatusOr<int> data_keys =
        RewrapTable("data_keys", "pseudonym", "wrapped_key",
                    [](const std::string& pseudonym) { return pseudonym; });
    absl::StatusOr<int> secrets =
        data_keys.ok() ? RewrapTable("secrets", "name", "wrapped_secret",
                                     SecretAssociatedData)
                       : data_keys.status();
    absl::Status status = secrets.status();
    if (status.ok()) status = db_->Execute("COMMIT");
    if (!status.ok()) {
      db_->Execute("ROLLBACK").IgnoreError();
      return status;
    }
    return *data_keys + *secrets;
  }

 private:
  static absl::Status CheckPseudonym(const std::string& patient_pseudonym) {
    if (patient_pseudonym.empty()) {
      return absl::InvalidArgumentError("the patient pseudonym is empty");
    }
    return absl::OkStatus();
  }

  absl::Status CreateSchema() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    WOR_ASSIGN_OR_RETURN(auto version, db_->Prepare("PRAGMA user_version"));
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
    absl::Status status = db_->Execute(
        absl::StrCat("BEGIN IMMEDIATE;", kSchema,
                     "PRAGMA user_version = ", kSchemaVersion, "; COMMIT;"));
    if (!status.ok()) db_->Execute("ROLLBACK").IgnoreError();
    return status;
  }

  absl::Status CheckMasterKey(const std::string& id, const std::string& bytes)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    WOR_ASSIGN_OR_RETURN(auto select,
                         db_->Prepare("SELECT check_box FROM master_key_checks "
                                      "WHERE master_key_id = ?"));
    select->BindText(1, id);
    WOR_ASSIGN_OR_RETURN(bool found, select->Step());
    if (found) {
      if (!crypto::AesGcmOpen(bytes, select->ColumnBlob(0),
                              CheckAssociatedData(id))
               .ok()) {
        return absl::FailedPreconditionError(absl::StrCat(
            "master key '", id,
            "' is not the key this keyring was created with; check the key "
            "file given for it"));
      }
      return absl::OkStatus();
    }
    select.reset();
    WOR_ASSIGN_OR_RETURN(
        std::string check,
        crypto::AesGcmSeal(bytes, kMasterKeyCheck, CheckAssociatedData(id)));
    WOR_ASSIGN_OR_RETURN(
        auto insert, db_->Prepare("INSERT INTO master_key_checks "
                                  "(master_key_id, check_box) VALUES (?, ?)"));
    insert->BindText(1, id);
    insert->BindBlob(2, check);
    return insert->Run();
  }

  // Refuses to open when a key is wrapped by a master key that was not
  // given: better now than on the first read of that patient.
  absl::Status CheckEveryWrappingKeyIsGiven()
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    WOR_ASSIGN_OR_RETURN(
        auto select,
        db_->Prepare("SELECT master_key_id FROM data_keys UNION SELECT "
                     "master_key_id FROM secrets"));
    while (true) {
      WOR_ASSIGN_OR_RETURN(bool has_row, select->Step());
      if (!has_row) return absl::OkStatus();
      const std::string id = select->ColumnText(0);
      if (!master_keys_.contains(id)) {
        return absl::FailedPreconditionError(absl::StrCat(
            "the keyring holds keys wrapped by master key '", id,
            "', which was not given; give its key file too (retire it only "
            "after RewrapAll)"));
      }
    }
  }

  absl::StatusOr<std::string> Wrap(const std::string& key,
                                   const std::string& associated_data)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return crypto::AesGcmSeal(master_keys_.at(active_master_key_id_), key,
                              associated_data);
  }

  absl::StatusOr<std::string> Unwrap(const std::string& master_key_id,
                                     const std::string& wrapped,
                                     const std::string& associated_data)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto master = master_keys_.find(master_key_id);
    if (master == master_keys_.end()) {
      return absl::FailedPreconditionError(
          absl::StrCat("a key is wrapped by master key '", master_key_id,
                       "', which was not given; give its key file"));
    }
    absl::StatusOr<std::string> key =
        crypto::AesGcmOpen(master->second, wrapped, associated_data);
    if (!key.ok()) {
      return absl::DataLossError(
          absl::StrCat("a key in the keyring does not open under master key '",
                       master_key_id, "': the keyring file was altered"));
    }
    return key;
  }

  // The data key from the cache or the file; nullopt when there is none.
  absl::StatusOr<std::optional<std::string>> LoadDataKey(
      const std::string& patient_pseudonym) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (auto it = data_keys_.find(patient_pseudonym); it != data_keys_.end()) {
      return it->second;
    }
    WOR_ASSIGN_OR_RETURN(auto select,
                         db_->Prepare("SELECT master_key_id, wrapped_key FROM "
                                      "data_keys WHERE pseudonym = ?"));
    select->BindText(1, patient_pseudonym);
    WOR_ASSIGN_OR_RETURN(bool found, select->Step());
    if (!found) return std::nullopt;
    WOR_ASSIGN_OR_RETURN(std::string key,
                         Unwrap(select->ColumnText(0), select->ColumnBlob(1),
                                patient_pseudonym));
    Remember(data_keys_, patient_pseudonym, key);
    return key;
  }

  absl::StatusOr<bool> IsDestroyedLocked(const std::string& patient_pseudonym)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    WOR_ASSIGN_OR_RETURN(
        auto select,
        db_->Prepare("SELECT 1 FROM destroyed_patients WHERE pseudonym = ?"));
    select->BindText(1, patient_pseudonym);
    return select->Step();
  }

  absl::Status DeleteKeyAndRemember(const std::string& patient_pseudonym)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    {
      WOR_ASSIGN_OR_RETURN(
          auto remove,
          db_->Prepare("DELETE FROM data_keys WHERE pseudonym = ?"));
      remove->BindText(1, patient_pseudonym);
      WOR_RETURN_IF_ERROR(remove->Run());
    }
    WOR_ASSIGN_OR_RETURN(
        auto remember,
        db_->Prepare(
            "INSERT OR IGNORE INTO destroyed_patients (pseudonym) VALUES (?)"));
    remember->BindText(1, patient_pseudonym);
    return remember->Run();
  }

  // Re-wraps the rows of `table` not yet under the active master key; returns
  // how many. Inside the caller's transaction.
  template <typename AssociatedData>
  absl::StatusOr<int> RewrapTable(const std::string& table,
                                  const std::string& name_column,
                                  const std::string& wrapped_column,
                                  AssociatedData associated_data)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    struct Row {
      std::string name;
      std::string master_key_id;
      std::string wrapped;
    };
    std::vector<Row> rows;
    {
      WOR_ASSIGN_OR_RETURN(
          auto select,
          db_->Prepare(absl::StrCat("SELECT ", name_column, ", master_key_id, ",
                                    wrapped_column, " FROM ", table,
                                    " WHERE master_key_id != ?")));
      select->BindText(1, active_master_key_id_);
      while (true) {
        WOR_ASSIGN_OR_RETURN(bool has_row, select->Step());
        if (!has_row) break;
        rows.push_back({select->ColumnText(0), select->ColumnText(1),
                        select->ColumnBlob(2)});
      }
    }
    const std::string update_sql =
        absl::StrCat("UPDATE ", table, " SET master_key_id = ?, ",
                     wrapped_column, " = ? WHERE ", name_column, " = ?");
    for (const Row& row : rows) {
      const std::string aad = associated_data(row.name);
      WOR_ASSIGN_OR_RETURN(std::string key,
                           Unwrap(row.master_key_id, row.wrapped, aad));
      absl::StatusOr<std::string> rewrapped = Wrap(key, aad);
      Wipe(key);
      if (!rewrapped.ok()) return rewrapped.status();
      WOR_ASSIGN_OR_RETURN(auto update, db_->Prepare(update_sql));
      update->BindText(1, active_master_key_id_);
      update->BindBlob(2, *rewrapped);
      update->BindText(3, row.name);
      WOR_RETURN_IF_ERROR(update->Run());
    }
    return static_cast<int>(rows.size());
  }

  void Remember(std::unordered_map<std::string, std::string>& cache,
                const std::string& name, const std::string& key)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (cache.size() >= kMaxCachedKeys) WipeAll(cache);
    cache[name] = key;
  }

  absl::Mutex mu_;
  std::unique_ptr<SqliteConnection> db_ ABSL_GUARDED_BY(mu_);
  const std::map<std::string, std::string> master_keys_;  // id → bytes
  const std::string active_master_key_id_;
  // Unwrapped keys, so that writing and reading an existing patient's data
  // touches no file.
  std::unordered_map<std::string, std::string> data_keys_ ABSL_GUARDED_BY(mu_);
  std::unordered_map<std::string, std::string> secrets_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

absl::StatusOr<std::unique_ptr<PatientKeyring>> OpenPatientKeyring(
    const KeyringOptions& options) {
  WOR_RETURN_IF_ERROR(CheckOptions(options));
  SqliteConnectionOptions connection_options;
  connection_options.create = true;
  connection_options.write_ahead_log = false;
  connection_options.secure_delete = true;
  absl::StatusOr<std::unique_ptr<SqliteConnection>> db = SqliteConnection::Open(
      options.path.empty() ? ":memory:" : options.path, connection_options);
  if (!db.ok()) {
    return absl::UnavailableError(
        absl::StrCat("cannot open the keyring file ", options.path,
                     "; check that its directory exists and is writable"));
  }
  std::map<std::string, std::string> master_keys;
  for (const MasterKey& key : options.master_keys) {
    master_keys[key.id] = key.bytes;
  }
  auto keyring = std::make_unique<SqlitePatientKeyring>(
      *std::move(db), std::move(master_keys), options.active_master_key_id);
  WOR_RETURN_IF_ERROR(keyring->Initialise());
  return keyring;
}

}  // namespace wor::server
