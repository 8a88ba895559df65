// Proposes intake slots: the earliest free stretches of a coach's published
// availability (coach_availability.h) that hold an intake of the asked
// length, between their booked intakes.
//
// Slots start on local quarter hours and do not overlap each other. They are
// in time order, which also puts the ones that meet the intake deadline
// first: an intake meets it when it *starts* before the deadline's due time
// (Deadline.due_time, the end of the due day), as RecordIntake measures it by
// the time it was held. The search looks at most `horizon` ahead (whole local
// days), so its cost is bounded whatever the availability.
//
//   SlotQuery query{.earliest = now, .duration = absl::Minutes(60),
//                   .max_slots = 5, .due_time = intake_due};
//   std::vector<ProposedSlot> slots =
//       FindFreeSlots(availability, booked, calendar, zone, query);
//
// Pure; thread-safe.
#ifndef WOR_SERVER_DOMAIN_INTAKE_SLOT_FINDER_H_
#define WOR_SERVER_DOMAIN_INTAKE_SLOT_FINDER_H_

#include <vector>

#include "absl/time/time.h"
#include "server/domain/coach_availability.h"
#include "server/domain/working_day_calendar.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::server {

// How far ahead FindIntakeSlots looks by default.
inline constexpr absl::Duration kSlotSearchHorizon = absl::Hours(24 * 7 * 8);
// The grid slots start on.
inline constexpr absl::Duration kSlotGrid = absl::Minutes(15);

struct SlotQuery {
  absl::Time earliest;                          // no slot starts before this
  absl::Duration horizon = kSlotSearchHorizon;  // from `earliest`
  absl::Duration duration = absl::Minutes(60);
  int max_slots = 5;
  // Slots starting before this meet the deadline; InfiniteFuture when no
  // deadline is running.
  absl::Time due_time = absl::InfiniteFuture();
};

struct ProposedSlot {
  absl::Time start;
  absl::Time end;
  bool meets_deadline = false;
};

// `booked` are the coach's booked intakes (any order; may overlap the
// search period's edges). `availability` must be valid.
std::vector<ProposedSlot> FindFreeSlots(
    const wor::v1::CoachAvailability& availability,
    const std::vector<TimeInterval>& booked, const WorkingDayCalendar& calendar,
    absl::TimeZone zone, const SlotQuery& query);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_INTAKE_SLOT_FINDER_H_
