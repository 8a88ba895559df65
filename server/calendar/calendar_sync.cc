#include "server/calendar/calendar_sync.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "server/calendar/calendar_entries.h"
#include "server/calendar/icalendar_writer.h"
#include "server/common/status_macros.h"
#include "server/crypto/digest.h"
#include "server/domain/disclosure_policy.h"
#include "server/domain/resource_names.h"

namespace wor::server {
namespace {

using EntryKey = std::pair<std::string, std::string>;  // (coach, uid)

// What decides whether an entry must be put again: everything but its
// SEQUENCE and DTSTAMP, which change with every event.
std::string ContentDigest(const CalendarEntry& entry, absl::TimeZone zone) {
  CalendarEntry stable = entry;
  stable.sequence = 0;
  return absl::BytesToHexString(crypto::Sha256(absl::StrCat(
      stable.coach, "\n", WriteICalendar({stable}, absl::UnixEpoch(), zone))));
}

}  // namespace

CallContext CalendarSyncCallContext(const std::string& organisation) {
  CallContext call;
  // AuditEventForMethod makes an "Export…" method an EXPORT.
  call.method = "wor.server.CalendarSync.ExportToCoachCalendar";
  call.caller.organisation = organisation;
  call.caller.organisation_kind = wor::v1::ORGANISATION_KIND_OPERATOR;
  call.caller.user = "system:calendar-sync";
  return call;
}

absl::StatusOr<int> CalendarSyncWorker::SyncOnce() {
  if (clock_->Now() < next_attempt_time_) {
    return absl::UnavailableError(
        "calendar sync is waiting before retrying a failed event");
  }
  int applied = 0;
  while (true) {
    absl::StatusOr<int64_t> cursor = ledger_->Cursor();
    if (!cursor.ok()) {
      NoteFailure();
      return cursor.status();
    }
    absl::StatusOr<std::vector<StoredEvent>> events =
        store_->ReadEvents(EventFilter{}, *cursor, options_.batch_size);
    if (!events.ok()) {
      NoteFailure();
      return events.status();
    }
    if (events->empty()) break;
    for (const StoredEvent& event : *events) {
      absl::Status status = ApplyEvent(event);
      if (status.ok()) status = ledger_->AdvanceCursor(event.sequence);
      if (!status.ok()) {
        NoteFailure();
        return status;
      }
      ++applied;
    }
  }
  consecutive_failures_ = 0;
  next_attempt_time_ = absl::InfinitePast();
  return applied;
}

void CalendarSyncWorker::NoteFailure() {
  ++consecutive_failures_;
  absl::Duration delay = options_.first_retry_delay;
  for (int i = 1; i < consecutive_failures_ && delay < options_.max_retry_delay;
       ++i) {
    delay *= 2;
  }
  next_attempt_time_ =
      clock_->Now() + std::min(delay, options_.max_retry_delay);
}

absl::Status CalendarSyncWorker::ApplyEvent(const StoredEvent& stored) {
  const wor::v1::Referral& snapshot = stored.event.referral();
  absl::StatusOr<std::string> referral_id =
      ParseReferralName("referral.name", snapshot.name());
  if (!referral_id.ok())
    return absl::OkStatus();  // no referral: nothing to show

  wor::v1::Referral visible = snapshot;
  const std::vector<wor::v1::ConsentScope> relied_on =
      DiscloseReferral(wor::v1::USER_ROLE_COACH, visible);
  std::map<EntryKey, CalendarEntry> wanted;
  for (CalendarEntry& entry : CalendarEntriesForReferral(
           *referral_id, visible, options_.personal_data, stored.sequence)) {
    EntryKey key{entry.coach, entry.uid};
    wanted.emplace(std::move(key), std::move(entry));
  }
  WOR_ASSIGN_OR_RETURN(std::vector<PushedCalendarEntry> pushed,
                       ledger_->EntriesOfReferral(*referral_id));
  std::map<EntryKey, PushedCalendarEntry> have;
  for (PushedCalendarEntry& entry : pushed) {
    EntryKey key{entry.coach, entry.uid};
    have.emplace(std::move(key), std::move(entry));
  }

  std::vector<std::pair<const CalendarEntry*, std::string>> to_put;
  for (const auto& [key, entry] : wanted) {
    std::string digest = ContentDigest(entry, zone_);
    auto it = have.find(key);
    if (it == have.end() || it->second.content_digest != digest) {
      to_put.emplace_back(&entry, std::move(digest));
    }
  }
  std::vector<const PushedCalendarEntry*> to_remove;
  for (const auto& [key, entry] : have) {
    if (!wanted.contains(key)) to_remove.push_back(&entry);
  }
  if (to_put.empty() && to_remove.empty()) return absl::OkStatus();

  // Logged before anything leaves the server.
  AccessedObjects objects;
  objects.Add(snapshot.name(), snapshot.patient_pseudonym());
  WOR_RETURN_IF_ERROR(
      audit_->RecordRead(CalendarSyncCallContext(options_.audit_organisation),
                         objects, relied_on));

  // New and changed entries first, so a move to another coach never leaves
  // a moment without the entry.
  const absl::Time now = clock_->Now();
  for (const auto& [entry, digest] : to_put) {
    auto it = have.find({entry->coach, entry->uid});
    const std::string known_etag =
        it == have.end() ? std::string() : it->second.etag;
    WOR_ASSIGN_OR_RETURN(
        std::string etag,
        sink_->Put(entry->coach, entry->uid,
                   WriteICalendar({*entry}, now, zone_), known_etag));
    WOR_RETURN_IF_ERROR(ledger_->RecordPut(PushedCalendarEntry{
        entry->coach, entry->uid, *referral_id, std::move(etag), digest}));
  }
  for (const PushedCalendarEntry* entry : to_remove) {
    WOR_RETURN_IF_ERROR(sink_->Remove(entry->coach, entry->uid, entry->etag));
    WOR_RETURN_IF_ERROR(ledger_->RecordRemoved(entry->coach, entry->uid));
  }
  return absl::OkStatus();
}

}  // namespace wor::server
