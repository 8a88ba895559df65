// Where coaches' calendar entries go: the side effect of calendar sync,
// behind an interface so the worker (calendar_sync.h) is tested against a
// fake and production uses CalDAV (caldav_calendar_sink.h).
//
// Both operations are idempotent by (coach, uid): repeating one after a
// crash has the same effect as doing it once.
#ifndef WOR_SERVER_CALENDAR_CALENDAR_SINK_H_
#define WOR_SERVER_CALENDAR_CALENDAR_SINK_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace wor::server {

class CalendarSink {
 public:
  virtual ~CalendarSink() = default;

  // Creates or replaces the entry `uid` (one VCALENDAR with one VEVENT) on
  // the calendar of `coach` (`welfareOrganisations/{kvk}/coaches/{id}`).
  // `known_etag` is what the last Put of this entry returned, or empty when
  // the entry is believed absent. Returns the entry's new version tag
  // (empty when the calendar gives none). UNAVAILABLE: try again later.
  virtual absl::StatusOr<std::string> Put(const std::string& coach,
                                          const std::string& uid,
                                          const std::string& icalendar,
                                          const std::string& known_etag) = 0;

  // Removes the entry; OK when it is already gone.
  virtual absl::Status Remove(const std::string& coach, const std::string& uid,
                              const std::string& known_etag) = 0;
};

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_CALENDAR_SINK_H_
