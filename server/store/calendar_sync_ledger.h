// The calendar sync worker's memory (server/calendar/calendar_sync.h): the
// last outbox event whose effects are on the coaches' calendars, and which
// entries it has put on which coach's calendar — so that a cancelled intake,
// a met deadline or a reassigned coach removes the entry it put there, and a
// restart neither repeats nor loses work.
//
// Holds no personal data (see 0006_calendar_sync.sql).
//
// Implementations: `NewMemoryCalendarSyncLedger` (tests, and servers whose
// store is in memory) and `OpenSqliteCalendarSyncLedger`, on the SQLite
// store's own database file. Both pass
// tests/store/calendar_sync_ledger_test.cc. Thread-safe.
#ifndef WOR_SERVER_STORE_CALENDAR_SYNC_LEDGER_H_
#define WOR_SERVER_STORE_CALENDAR_SYNC_LEDGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::server {

// One entry as it was put on a coach's calendar.
struct PushedCalendarEntry {
  std::string coach;  // `welfareOrganisations/{kvk}/coaches/{coach_id}`
  std::string uid;
  std::string referral_id;
  std::string etag;            // as the CalDAV server returned it
  std::string content_digest;  // of what was put, to skip unchanged entries

  friend bool operator==(const PushedCalendarEntry&,
                         const PushedCalendarEntry&) = default;
};

class CalendarSyncLedger {
 public:
  virtual ~CalendarSyncLedger() = default;

  // The outbox sequence up to which all events are applied; 0 at first.
  virtual absl::StatusOr<int64_t> Cursor() = 0;
  // Durably moves the cursor (never backwards: a lower value is ignored).
  virtual absl::Status AdvanceCursor(int64_t sequence) = 0;

  // The entries put for one referral, ordered by (coach, uid).
  virtual absl::StatusOr<std::vector<PushedCalendarEntry>> EntriesOfReferral(
      const std::string& referral_id) = 0;
  // Records (or replaces) the entry (coach, uid).
  virtual absl::Status RecordPut(const PushedCalendarEntry& entry) = 0;
  // Forgets the entry (coach, uid); OK when it was not there.
  virtual absl::Status RecordRemoved(const std::string& coach,
                                     const std::string& uid) = 0;
};

std::unique_ptr<CalendarSyncLedger> NewMemoryCalendarSyncLedger();

// Opens the ledger in the SQLite store's database at `path`, which
// `OpenSqliteStore` must have opened (and so migrated) first.
// FAILED_PRECONDITION when the database lacks the ledger's tables.
absl::StatusOr<std::unique_ptr<CalendarSyncLedger>>
OpenSqliteCalendarSyncLedger(const std::string& path);

}  // namespace wor::server

#endif  // WOR_SERVER_STORE_CALENDAR_SYNC_LEDGER_H_
