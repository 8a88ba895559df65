// Writes calendar entries as an iCalendar (RFC 5545) document: CRLF line
// ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT
// values escaped, timed entries in Europe/Amsterdam with a VTIMEZONE written
// out here (CET/CEST rules; not libical's built-in zone, whose TZID is a
// long vendor string), all-day entries as DATE values.
//
//   std::string ics = WriteICalendar(entries, clock->Now(), *zone);
//
// `zone` must be Europe/Amsterdam (LoadDutchTimeZone): the document names
// that TZID. Thread-safe (stateless).
#ifndef WOR_SERVER_CALENDAR_ICALENDAR_WRITER_H_
#define WOR_SERVER_CALENDAR_ICALENDAR_WRITER_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/calendar/calendar_entries.h"

namespace wor::server {

// A whole VCALENDAR with one VEVENT per entry; `dtstamp` is every entry's
// DTSTAMP (when the document was made).
std::string WriteICalendar(const std::vector<CalendarEntry>& entries,
                           absl::Time dtstamp, absl::TimeZone zone);

// A content line "NAME:value" folded at 75 octets, each physical line ended
// by CRLF.
std::string FoldContentLine(absl::string_view line);

// RFC 5545 TEXT escaping: backslash, semicolon, comma, newline.
std::string EscapeText(absl::string_view text);

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_ICALENDAR_WRITER_H_
