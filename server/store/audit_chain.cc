// The audit log's hash chain; see audit_chain.h.
#include "server/store/audit_chain.h"

#include <algorithm>
#include <optional>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "server/crypto/digest.h"

namespace wor::server {
namespace {

// Deterministic, so that the same record always gives the same bytes (map
// fields, should the record ever have any, are written in key order).
std::string SerializeDeterministically(const wor::v1::AuditRecord& record) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    record.SerializeToCodedStream(&coded);
  }
  return bytes;
}

}  // namespace

AuditChainHead AuditChainHead::Genesis() { return {0, std::string(64, '0')}; }

StoredAuditRow ChainAuditRecord(const wor::v1::AuditRecord& record,
                                const AuditChainHead& head) {
  wor::v1::AuditRecord stored = record;
  stored.set_sequence(head.sequence + 1);
  stored.clear_previous_hash();
  stored.clear_hash();
  StoredAuditRow row;
  row.sequence = stored.sequence();
  row.record = SerializeDeterministically(stored);
  row.previous_hash = head.hash;
  row.hash = absl::BytesToHexString(
      crypto::Sha256(absl::StrCat(head.hash, row.record)));
  return row;
}

absl::StatusOr<wor::v1::AuditRecord> AuditRecordFromRow(
    const StoredAuditRow& row) {
  wor::v1::AuditRecord record;
  if (!record.ParseFromString(row.record)) {
    return absl::DataLossError(
        absl::StrCat("audit record ", row.sequence, " cannot be read"));
  }
  record.set_sequence(row.sequence);
  record.set_previous_hash(row.previous_hash);
  record.set_hash(row.hash);
  return record;
}

int64_t AuditEventTimeNanos(const wor::v1::AuditRecord& record) {
  const absl::Time time = absl::FromUnixSeconds(record.event_time().seconds()) +
                          absl::Nanoseconds(record.event_time().nanos());
  return absl::ToUnixNanos(time);
}

std::optional<int64_t> AuditStartNanos(const AuditFilter& filter) {
  if (filter.start == absl::InfinitePast()) return std::nullopt;
  return absl::ToUnixNanos(filter.start);
}

std::optional<int64_t> AuditEndNanos(const AuditFilter& filter) {
  if (filter.end == absl::InfiniteFuture()) return std::nullopt;
  return absl::ToUnixNanos(filter.end);
}

std::vector<std::string> DistinctPatientPseudonyms(
    const wor::v1::AuditRecord& record) {
  std::vector<std::string> pseudonyms;
  for (const std::string& pseudonym : record.patient_pseudonyms()) {
    if (!pseudonym.empty()) pseudonyms.push_back(pseudonym);
  }
  std::sort(pseudonyms.begin(), pseudonyms.end());
  pseudonyms.erase(std::unique(pseudonyms.begin(), pseudonyms.end()),
                   pseudonyms.end());
  return pseudonyms;
}

bool AuditMatches(const AuditFilter& filter,
                  const wor::v1::AuditRecord& record) {
  if (!filter.patient_pseudonym.empty() &&
      std::find(record.patient_pseudonyms().begin(),
                record.patient_pseudonyms().end(), filter.patient_pseudonym) ==
          record.patient_pseudonyms().end()) {
    return false;
  }
  if (!filter.user.empty() && record.user() != filter.user) return false;
  const int64_t time = AuditEventTimeNanos(record);
  if (std::optional<int64_t> start = AuditStartNanos(filter);
      start.has_value() && time < *start) {
    return false;
  }
  std::optional<int64_t> end = AuditEndNanos(filter);
  return !end.has_value() || time < *end;
}

}  // namespace wor::server
