#include "server/domain/intake_slot_finder.h"

#include <algorithm>

#include "absl/time/civil_time.h"

namespace wor::server {
namespace {

// The first grid instant at or after `t`. Dutch offsets are whole hours, so
// the UTC quarter-hour grid is the local one.
absl::Time CeilToGrid(absl::Time t) {
  const absl::Duration since_epoch = t - absl::UnixEpoch();
  const absl::Duration remainder = since_epoch % kSlotGrid;
  if (remainder == absl::ZeroDuration()) return t;
  return t + (remainder > absl::ZeroDuration() ? kSlotGrid - remainder
                                               : -remainder);
}

// The first booking that overlaps `slot`, or null.
const TimeInterval* FirstOverlap(const std::vector<TimeInterval>& booked,
                                 const TimeInterval& slot) {
  for (const TimeInterval& b : booked) {
    if (b.Overlaps(slot)) return &b;
  }
  return nullptr;
}

}  // namespace

std::vector<ProposedSlot> FindFreeSlots(
    const wor::v1::CoachAvailability& availability,
    const std::vector<TimeInterval>& booked, const WorkingDayCalendar& calendar,
    absl::TimeZone zone, const SlotQuery& query) {
  std::vector<ProposedSlot> slots;
  if (query.max_slots <= 0 || query.duration <= absl::ZeroDuration()) {
    return slots;
  }
  const absl::Time horizon = query.earliest + query.horizon;
  const absl::CivilDay first_day(zone.At(query.earliest).cs);
  const absl::CivilDay last_day(zone.At(horizon).cs);
  for (absl::CivilDay day = first_day; day <= last_day; ++day) {
    for (const TimeInterval& free :
         AvailableIntervalsOnDay(availability, day, calendar, zone)) {
      absl::Time start = CeilToGrid(std::max(free.start, query.earliest));
      while (start + query.duration <= free.end && start < horizon) {
        const TimeInterval slot{start, start + query.duration};
        if (const TimeInterval* taken = FirstOverlap(booked, slot)) {
          start = CeilToGrid(taken->end);
          continue;
        }
        slots.push_back({slot.start, slot.end, slot.start < query.due_time});
        if (static_cast<int>(slots.size()) >= query.max_slots) return slots;
        start = slot.end;
      }
    }
  }
  return slots;
}

}  // namespace wor::server
