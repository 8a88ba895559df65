// The SQLite PatientKeyring (see patient_keyring.h).
//
// Destroying leaves no copy of the wrapped key in the keyring's files:
// secure_delete=ON overwrites the deleted row with zeros, and Destroy then
// runs a TRUNCATE checkpoint, which copies the zeroed page into the database
// file and empties the WAL, the only other place an older copy of the page
// lives. The keyring has a single connection, so no reader can hold the
// checkpoint back; should it still report busy, Destroy fails and can be
// retried. (journal_mode=DELETE would need no checkpoint, but costs three
// fsyncs per commit instead of one.)
//
// New data keys are written in a transaction that stays open until
// CommitNewKeys, which the stores call just before they commit: the keys
// created by one group commit share one keyring commit, instead of one
// fsync each in the group commit's serial path. Every other write commits
// the open transaction first.
//
// Opening the file and its schema: keyring_file.h.
#include "server/store/patient_keyring.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/common/status_macros.h"
#include "server/crypto/aes_gcm.h"
#include "server/crypto/digest.h"
#include "server/store/keyring_file.h"
#include "server/store/sqlite_connection.h"

namespace wor::server {
namespace {

// Unwrapped keys kept in memory; beyond this many the cache starts over.
constexpr size_t kMaxCachedKeys = 100000;

std::string SecretAssociatedData(const std::string& name) {
  return absl::StrCat("secret:", name);
}

// Overwrites key material before its memory is released.
void Wipe(std::string& key) { std::fill(key.begin(), key.end(), '\0'); }

void WipeAll(std::unordered_map<std::string, std::string>& keys) {
  for (auto& [name, key] : keys) Wipe(key);
  keys.clear();
}

class SqlitePatientKeyring final : public PatientKeyring {
 public:
  SqlitePatientKeyring(std::unique_ptr<SqliteConnection> db,
                       MasterKeysById master_keys,
                       std::string active_master_key_id)
      : db_(std::move(db)),
        master_keys_(std::move(master_keys)),
        active_master_key_id_(std::move(active_master_key_id)) {}

  ~SqlitePatientKeyring() override {
    absl::MutexLock lock(&mu_);
    // Nothing committed elsewhere depends on them, but keeping them is free.
    CommitNewKeysLocked().IgnoreError();
    WipeAll(data_keys_);
    WipeAll(secrets_);
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
    if (!new_keys_open_) {
      WOR_RETURN_IF_ERROR(db_->Execute("BEGIN IMMEDIATE"));
      new_keys_open_ = true;
    }
    WOR_ASSIGN_OR_RETURN(
        auto insert,
        db_->Prepare("INSERT INTO data_keys (pseudonym, master_key_id, "
                     "wrapped_key) VALUES (?, ?, ?)"));
    insert->BindText(1, patient_pseudonym);
    insert->BindText(2, active_master_key_id_);
    insert->BindBlob(3, wrapped);
    WOR_RETURN_IF_ERROR(insert->Run());
    new_keys_.push_back(patient_pseudonym);
    Remember(data_keys_, patient_pseudonym, created);
    return created;
  }

  absl::Status CommitNewKeys() override {
    absl::MutexLock lock(&mu_);
    WOR_RETURN_IF_ERROR(CommitNewKeysLocked());
    if (new_keys_lost_) {
      // Another call's commit of the open keys failed; the caller may have
      // sealed data under one of them.
      new_keys_lost_ = false;
      return absl::UnavailableError(
          "new patient keys could not be saved in the keyring; retry");
    }
    return absl::OkStatus();
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
    WOR_RETURN_IF_ERROR(CommitNewKeysLocked());
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
    return RemoveOldCopiesFromTheWal();
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
      WOR_RETURN_IF_ERROR(CommitNewKeysLocked());
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
    WOR_RETURN_IF_ERROR(CommitNewKeysLocked());
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

  absl::Status CommitNewKeysLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!new_keys_open_) return absl::OkStatus();
    new_keys_open_ = false;
    absl::Status status = db_->Execute("COMMIT");
    if (!status.ok()) {
      db_->Execute("ROLLBACK").IgnoreError();
      for (const std::string& pseudonym : new_keys_) {
        if (auto it = data_keys_.find(pseudonym); it != data_keys_.end()) {
          Wipe(it->second);
          data_keys_.erase(it);
        }
      }
    }
    new_keys_.clear();
    if (!status.ok()) {
      new_keys_lost_ = true;
      return absl::UnavailableError(
          "new patient keys could not be saved in the keyring; retry");
    }
    return absl::OkStatus();
  }

  // After a Destroy: copies the zeroed page into the database file and
  // empties the WAL.
  absl::Status RemoveOldCopiesFromTheWal() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    WOR_ASSIGN_OR_RETURN(auto checkpoint,
                         db_->Prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
    WOR_ASSIGN_OR_RETURN(bool has_row, checkpoint->Step());
    if (has_row && checkpoint->ColumnInt64(0) != 0) {
      return absl::UnavailableError(
          "the patient's key was destroyed, but an old copy could not yet be "
          "removed from the keyring's journal; retry");
    }
    return absl::OkStatus();
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
  const MasterKeysById master_keys_;
  const std::string active_master_key_id_;
  // Unwrapped keys, so that writing and reading an existing patient's data
  // touches no file.
  std::unordered_map<std::string, std::string> data_keys_ ABSL_GUARDED_BY(mu_);
  std::unordered_map<std::string, std::string> secrets_ ABSL_GUARDED_BY(mu_);
  // Whether a transaction with new data keys is open (see CommitNewKeys),
  // and for whom.
  bool new_keys_open_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::string> new_keys_ ABSL_GUARDED_BY(mu_);
  // Set when open keys were lost since the last CommitNewKeys.
  bool new_keys_lost_ ABSL_GUARDED_BY(mu_) = false;
};

}  // namespace

absl::StatusOr<std::unique_ptr<PatientKeyring>> OpenPatientKeyring(
    const KeyringOptions& options) {
  WOR_ASSIGN_OR_RETURN(MasterKeysById master_keys,
                       CheckKeyringOptions(options));
  WOR_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> db,
                       OpenKeyringFile(options.path, master_keys));
  return std::make_unique<SqlitePatientKeyring>(
      std::move(db), std::move(master_keys), options.active_master_key_id);
}

}  // namespace wor::server
