// A coach's published availability (wor.v1.CoachAvailability): checking it
// and turning it into the free instants of one day.
//
// Times in the message are local (Europe/Amsterdam) minutes after midnight,
// on quarter hours. A day's hours are its exception's hours when it has one,
// else the weekly hours of its weekday; a day of leave has none, and neither
// has a day the welfare organisation is closed (weekends, the holidays it
// observes, its extra closing days), whatever is published.
//
//   WOR_RETURN_IF_ERROR(ValidateCoachAvailability("availability", a));
//   for (const TimeInterval& free :
//        AvailableIntervalsOnDay(a, day, calendar, zone)) { ... }
//
// Pure functions; thread-safe.
#ifndef WOR_SERVER_DOMAIN_COACH_AVAILABILITY_H_
#define WOR_SERVER_DOMAIN_COACH_AVAILABILITY_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/working_day_calendar.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::server {

// A half-open interval of instants, [start, end).
struct TimeInterval {
  absl::Time start;
  absl::Time end;

  bool Overlaps(const TimeInterval& other) const {
    return start < other.end && other.start < end;
  }
  friend bool operator==(const TimeInterval& a, const TimeInterval& b) {
    return a.start == b.start && a.end == b.end;
  }
};

// Bounds that keep a stored availability, and the work on it, small.
inline constexpr int kMaxWeeklyHours = 70;
inline constexpr int kMaxAvailabilityExceptions = 400;
inline constexpr int kMaxHoursPerException = 10;
inline constexpr int kMaxLeavePeriods = 100;
inline constexpr int kMaxLeaveDays = 366;

// OK, or INVALID_ARGUMENT whose message starts with the offending field
// under `field` (e.g. "availability.weekly_hours[2].hours.end_minute: ...").
// Rules: weekdays Monday–Friday (intakes are held on working days); ranges on
// quarter hours, at least 15 minutes, within the day; ranges of one weekday
// or one exception do not overlap; one exception per date; leave from
// `first_day` to `last_day` inclusive, at most kMaxLeaveDays long; dates
// real and in 1900–2100. Name and etag are not checked here.
absl::Status ValidateCoachAvailability(
    absl::string_view field, const wor::v1::CoachAvailability& availability);

// The instants of local `day` in which the coach is available, in time
// order, not overlapping. `availability` must be valid. A local time that
// does not exist (the hour skipped when summer time starts) maps to the
// switch instant; one that exists twice (when it ends) to its first
// occurrence, so a range is never longer than its clock time says except
// across the repeated hour.
std::vector<TimeInterval> AvailableIntervalsOnDay(
    const wor::v1::CoachAvailability& availability, absl::CivilDay day,
    const WorkingDayCalendar& calendar, absl::TimeZone zone);

// The instant of local `minute_of_day` (0–1440) on `day`, as above.
absl::Time LocalMinuteToInstant(absl::CivilDay day, int minute_of_day,
                                absl::TimeZone zone);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_COACH_AVAILABILITY_H_
