// The hash chain of the audit log, shared by every Store implementation so
// that they chain records identically.
//
// Each record is stored as the deterministic serialization of the record with
// `sequence` set and both hash fields empty; its hash is
//
//   hash = lowercase hex(SHA-256(previous_hash || stored bytes))
//
// where `previous_hash` is the hash of the record before it (64 '0'
// characters for the first). A changed, removed or reordered record breaks
// every hash after it.
//
//   AuditChainHead head = AuditChainHead::Genesis();
//   StoredAuditRow row = ChainAuditRecord(record, head);
//   head = AuditChainHead::After(row);
#ifndef WOR_SERVER_STORE_AUDIT_CHAIN_H_
#define WOR_SERVER_STORE_AUDIT_CHAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "server/store/store.h"
#include "wor/v1/audit.pb.h"

namespace wor::server {

// The end of the chain: the last record's sequence and hash. A value type;
// a store keeps the committed head under its write serialisation.
struct AuditChainHead {
  int64_t sequence = 0;
  std::string hash;

  // The head of an empty log: sequence 0, hash of 64 '0' characters.
  static AuditChainHead Genesis();
  static AuditChainHead After(const StoredAuditRow& row) {
    return {row.sequence, row.hash};
  }
};

// The row for `record` appended after `head`: its sequence is the next one,
// and the stored bytes and hashes are computed as described above. Whatever
// `record` holds in its sequence and hash fields is ignored.
StoredAuditRow ChainAuditRecord(const wor::v1::AuditRecord& record,
                                const AuditChainHead& head);

// The record of a stored row, with sequence and both hashes set. DATA_LOSS
// when the stored bytes do not parse.
absl::StatusOr<wor::v1::AuditRecord> AuditRecordFromRow(
    const StoredAuditRow& row);

// The record's event time in nanoseconds since the Unix epoch (0 when unset);
// the unit both stores index and filter by.
int64_t AuditEventTimeNanos(const wor::v1::AuditRecord& record);

// The period bounds of `filter` in the same unit; nullopt for an infinite
// bound (no condition).
std::optional<int64_t> AuditStartNanos(const AuditFilter& filter);
std::optional<int64_t> AuditEndNanos(const AuditFilter& filter);

// The record's patient pseudonyms without duplicates or empty strings, for
// the patient index.
std::vector<std::string> DistinctPatientPseudonyms(
    const wor::v1::AuditRecord& record);

// Whether `record` matches every field of `filter`.
bool AuditMatches(const AuditFilter& filter,
                  const wor::v1::AuditRecord& record);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_AUDIT_CHAIN_H_
