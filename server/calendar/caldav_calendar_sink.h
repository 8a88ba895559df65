// The CalendarSink of a CalDAV server (Radicale, Nextcloud, SOGo, …): each
// coach has a calendar collection at `calendar_path_template` with "{coach}"
// replaced by the coach id; each entry is the object "<uid>.ics" in it.
//
// A put is conditional (If-None-Match: * for a new entry, If-Match with the
// etag the server returned last time); when the precondition fails — the
// entry was changed or created outside, or an earlier attempt got through
// without us hearing back — this server's version wins with an
// unconditional put. A missing collection is created (MKCALENDAR) on first
// use. Thread-safe.
#ifndef WOR_SERVER_CALENDAR_CALDAV_CALENDAR_SINK_H_
#define WOR_SERVER_CALENDAR_CALDAV_CALENDAR_SINK_H_

#include <string>

#include "absl/status/statusor.h"
#include "server/calendar/caldav_client.h"
#include "server/calendar/calendar_sink.h"

namespace wor::server {

class CaldavCalendarSink final : public CalendarSink {
 public:
  // `client` must outlive the sink. `path_template` contains "{coach}".
  CaldavCalendarSink(CaldavClient* client, std::string path_template)
      : client_(client), path_template_(std::move(path_template)) {}

  absl::StatusOr<std::string> Put(const std::string& coach,
                                  const std::string& uid,
                                  const std::string& icalendar,
                                  const std::string& known_etag) override;
  absl::Status Remove(const std::string& coach, const std::string& uid,
                      const std::string& known_etag) override;

  // The collection path of a coach ("/wor/anna/"), percent-encoded;
  // INVALID_ARGUMENT when `coach` is not a coach name.
  absl::StatusOr<std::string> CollectionPath(const std::string& coach) const;
  // The object path of an entry.
  absl::StatusOr<std::string> ObjectPath(const std::string& coach,
                                         const std::string& uid) const;

 private:
  absl::StatusOr<CaldavResponse> PutOnce(const std::string& path,
                                         const std::string& icalendar,
                                         const std::string& known_etag);

  CaldavClient* client_;
  const std::string path_template_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_CALENDAR_CALDAV_CALENDAR_SINK_H_
