// SchedulingService.ExportCoachCalendar: one coach's calendar as an
// iCalendar document — their booked intakes and the deadline reminders of
// the referrals assigned to them — with no more about the patient than the
// calendar settings allow (calendar_entries.h).
//
// Access: a coach exports only their own calendar (the coach id is their
// user id, in their own organisation); a coordinator any coach of their own
// organisation. Anything else gets the same NOT_FOUND as a malformed name
// and is audited as denied. Every referral whose data is in the document is
// audited as exported, before the document is returned.
//
// Thread-safe.
#ifndef WOR_SERVER_DOMAIN_COACH_CALENDAR_EXPORT_H_
#define WOR_SERVER_DOMAIN_COACH_CALENDAR_EXPORT_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/config/server_config.pb.h"
#include "server/domain/access_audit.h"
#include "server/domain/call_context.h"
#include "server/domain/clock.h"
#include "server/store/store.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::server {

class CoachCalendarExport {
 public:
  // All pointers must outlive this object. `zone` is Europe/Amsterdam.
  CoachCalendarExport(Store* store, const Clock* clock, absl::TimeZone zone,
                      wor::server::config::CalendarPersonalData personal_data)
      : store_(store),
        clock_(clock),
        zone_(zone),
        personal_data_(personal_data),
        audit_(store, clock) {}

  absl::StatusOr<wor::v1::ExportCoachCalendarResponse> Export(
      const CallContext& call,
      const wor::v1::ExportCoachCalendarRequest& request) const;

 private:
  Store* store_;
  const Clock* clock_;
  const absl::TimeZone zone_;
  const wor::server::config::CalendarPersonalData personal_data_;
  const AccessAudit audit_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_COACH_CALENDAR_EXPORT_H_
