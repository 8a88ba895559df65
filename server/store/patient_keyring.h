// Per-patient data keys for encryption at rest, and erasure by destroying
// them (crypto-shredding).
//
// Every patient (by pseudonym) gets a random AES-256 data key the first time
// their data is written. Data keys are stored wrapped (AES-256-GCM) by a
// master key read from a file; the keyring records which master key wrapped
// each data key (its id), so master keys can be rotated: add the new key,
// make it active, call RewrapAll. The keyring lives in its own file, apart
// from the database, so a database backup never holds a key: once a
// patient's key is destroyed, their data in the database, its WAL and every
// earlier backup is unreadable.
//
// Also holds the server's named secrets (e.g. the pseudonym HMAC key),
// wrapped the same way and created on first use.
//
// Thread-safe.
#ifndef WOR_SERVER_STORE_PATIENT_KEYRING_H_
#define WOR_SERVER_STORE_PATIENT_KEYRING_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::server {

// A master key: 32 bytes and the id recorded with what it wraps.
struct MasterKey {
  std::string id;     // e.g. "2026-11"
  std::string bytes;  // 32 bytes
};

class PatientKeyring {
 public:
  virtual ~PatientKeyring() = default;

  // The patient's data key (32 bytes), created when absent. FAILED_PRECONDITION
  // when the patient's key was destroyed: their data must not be written
  // again under a new key without a new referral decision. A created key
  // may be durable only after CommitNewKeys.
  virtual absl::StatusOr<std::string> KeyForWriting(
      const std::string& patient_pseudonym) = 0;
  // Makes every key KeyForWriting has returned so far durable. A store calls
  // it before it commits data sealed under such keys, so that the keys of a
  // whole group commit share one keyring commit. On failure the uncommitted
  // keys are forgotten (nothing may be committed under them) and the call
  // may be retried.
  virtual absl::Status CommitNewKeys() { return absl::OkStatus(); }
  // The patient's data key, or nullopt when they have none (never written,
  // or destroyed).
  virtual absl::StatusOr<std::optional<std::string>> KeyForReading(
      const std::string& patient_pseudonym) = 0;
  // Destroys the patient's data key for good, including from the keyring's
  // own journal. Idempotent.
  virtual absl::Status Destroy(const std::string& patient_pseudonym) = 0;
  // Whether the patient's key was destroyed.
  virtual absl::StatusOr<bool> IsDestroyed(
      const std::string& patient_pseudonym) = 0;

  // A named 32-byte server secret, created when absent.
  virtual absl::StatusOr<std::string> Secret(const std::string& name) = 0;

  // Re-wraps every key under the active master key; returns how many were
  // re-wrapped. After it, older master keys may be retired.
  virtual absl::StatusOr<int> RewrapAll() = 0;
};

struct KeyringOptions {
  // The keyring's own SQLite file. Empty: in memory (tests).
  std::string path;
  // Master keys that may unwrap; `active_master_key_id` wraps new keys.
  std::vector<MasterKey> master_keys;
  std::string active_master_key_id;
};

absl::StatusOr<std::unique_ptr<PatientKeyring>> OpenPatientKeyring(
    const KeyringOptions& options);

// Reads a master key file: 64 hex characters (32 bytes), whitespace ignored.
// The error names the file, never its content.
absl::StatusOr<MasterKey> ReadMasterKeyFile(const std::string& id,
                                            const std::string& path);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_PATIENT_KEYRING_H_
