// Calendar sync: keeps every coach's CalDAV calendar in step with the
// referrals, by following the transactional outbox (Store::ReadEvents).
//
// For each event, in commit order, the worker computes the entries the
// referral snapshot wants (calendar_entries.h), puts the new and changed
// ones, removes the ones it put earlier that are no longer wanted (a
// cancelled intake, a met deadline, an entry that moved to another coach),
// records each effect in the CalendarSyncLedger, and only then advances the
// ledger's cursor past the event. A failure leaves the cursor on the event
// before it; the event is retried after a growing delay, never skipped.
// Puts and removes are idempotent by uid, so repeating an event after a
// crash has the same effect as applying it once; an entry whose content did
// not change is not put again.
//
// Privacy: an entry carries only what `CalendarPersonalData` allows, of the
// referral as the coach may see it (DiscloseReferral, coach role — no
// initials without consent to share with the coach, none after erasure).
// Every referral whose data goes to a calendar is recorded in the audit log
// as an export by the system user "system:calendar-sync".
//
//   CalendarSyncWorker worker(store, ledger, sink, &audit, clock, zone, {});
//   absl::StatusOr<int> applied = worker.SyncOnce();   // tests drive this;
//   // CalendarSyncRunner calls it on a background thread in the server.
//
// Thread-compatible: call SyncOnce from one thread at a time.
#ifndef WOR_SERVER_CALENDAR_CALENDAR_SYNC_H_
#define WOR_SERVER_CALENDAR_CALENDAR_SYNC_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/calendar/calendar_sink.h"
#include "server/config/server_config.pb.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/calendar_sync_ledger.h"
#include "server/store/store.h"

namespace wor::server {

struct CalendarSyncOptions {
  wor::server::config::CalendarPersonalData personal_data =
      wor::server::config::CALENDAR_PERSONAL_DATA_INITIALS;
  // Events read per store query.
  int batch_size = 100;
  // The delay after the first failure; doubled per further failure, up to
  // `max_retry_delay`.
  absl::Duration first_retry_delay = absl::Seconds(5);
  absl::Duration max_retry_delay = absl::Minutes(10);
  // The organisation the audit log names for the sync: the server's
  // operator ("operator:" + ServerConfig.operator.id).
  std::string audit_organisation = "operator:wor";
};

// The caller the audit log names for calendar sync: user
// "system:calendar-sync" of `organisation`.
CallContext CalendarSyncCallContext(const std::string& organisation);

class CalendarSyncWorker {
 public:
  // All pointers must outlive the worker. `zone` is Europe/Amsterdam.
  CalendarSyncWorker(Store* store, CalendarSyncLedger* ledger,
                     CalendarSink* sink, const AccessAudit* audit,
                     const Clock* clock, absl::TimeZone zone,
                     CalendarSyncOptions options)
      : store_(store),
        ledger_(ledger),
        sink_(sink),
        audit_(audit),
        clock_(clock),
        zone_(zone),
        options_(options) {}

  // Applies the committed events after the cursor until none is left or
  // one fails. Returns how many were applied, or the failure (the events
  // before it stay applied). Until the retry time after a failure it tries
  // nothing and returns UNAVAILABLE.
  absl::StatusOr<int> SyncOnce();

  // When SyncOnce will try again after a failure (InfinitePast when the
  // last attempt succeeded).
  absl::Time next_attempt_time() const { return next_attempt_time_; }

  // The ledger's cursor: the last applied outbox sequence.
  absl::StatusOr<int64_t> Cursor() { return ledger_->Cursor(); }

 private:
  absl::Status ApplyEvent(const StoredEvent& event);
  void NoteFailure();

  Store* store_;
  CalendarSyncLedger* ledger_;
  CalendarSink* sink_;
  const AccessAudit* audit_;
  const Clock* clock_;
  const absl::TimeZone zone_;
  const CalendarSyncOptions options_;
  int consecutive_failures_ = 0;
  absl::Time next_attempt_time_ = absl::InfinitePast();
};

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_CALENDAR_SYNC_H_
