// Opening the patient keyring's SQLite file (see patient_keyring.h): the
// options are checked, the schema is created or checked, and the given
// master keys are checked against what the file holds, so that a wrong or
// missing key file stops the server at startup rather than at the first
// read of some patient's data.
//
// Tables (schema version 1, PRAGMA user_version):
// - data_keys: pseudonym, master_key_id, wrapped_key (AAD: the pseudonym).
// - destroyed_patients: pseudonyms whose key was destroyed; never re-created.
// - secrets: name, master_key_id, wrapped_secret (AAD: "secret:" + name).
// - master_key_checks: master_key_id, a box sealed under that master key
//   when it was first given.
#ifndef WOR_SERVER_STORE_KEYRING_FILE_H_
#define WOR_SERVER_STORE_KEYRING_FILE_H_

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_connection.h"

namespace wor::server {

// Master keys by id (32 bytes each).
using MasterKeysById = std::map<std::string, std::string>;

// The options' master keys by id; INVALID_ARGUMENT when there are none, an
// id is empty or repeated, a key is not 32 bytes, or the active id is not
// among them.
absl::StatusOr<MasterKeysById> CheckKeyringOptions(
    const KeyringOptions& options);

// The keyring's connection: WAL, synchronous=FULL, secure_delete=ON, at
// `path` (":memory:" when empty), with its schema up to date. Records a
// check for each master key seen for the first time; FAILED_PRECONDITION
// when a key does not match its earlier check, or when the file holds keys
// wrapped by a master key that was not given.
absl::StatusOr<std::unique_ptr<SqliteConnection>> OpenKeyringFile(
    const std::string& path, const MasterKeysById& master_keys);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_KEYRING_FILE_H_
