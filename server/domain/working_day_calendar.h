// Dutch working days, as the deadlines of Welzijn op Recept count them.
//
// The Algemene termijnenwet (art. 3) fixes which days are public holidays;
// welfare organisations differ on Good Friday and Liberation Day and add their
// own closing days, so a `WorkingDayCalendar` is built per organisation from
// `WorkingDayCalendarOptions`. The free functions answer the statutory
// question alone and know nothing of any organisation.
//
// Example:
//
//   WorkingDayCalendarOptions options;
//   options.liberation_day = LiberationDayPolicy::kClosedInLustrumYears;
//   const WorkingDayCalendar calendar(std::move(options));
//   // Thursday 23 April 2026: five working days later is Friday 1 May,
//   // because King's Day (Monday 27 April) is skipped.
//   absl::CivilDay due = calendar.AddWorkingDays(absl::CivilDay(2026, 4, 23),
//   5);
//
// Thread-safety: the free functions are pure, and a `WorkingDayCalendar` is
// immutable after construction, so it may be shared between threads freely.

#ifndef WOR_SERVER_DOMAIN_WORKING_DAY_CALENDAR_H_
#define WOR_SERVER_DOMAIN_WORKING_DAY_CALENDAR_H_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace wor::server {

// How an organisation treats 5 May (Liberation Day). The Algemene termijnenwet
// counts it as a holiday every year; many welfare organisations work on it
// except in lustrum years (year % 5 == 0), when it is a national day off.
enum class LiberationDayPolicy { kClosed, kClosedInLustrumYears, kOpen };

struct WorkingDayCalendarOptions {
  // The statutory default is closed; many welfare organisations are open.
  bool good_friday_closed = true;
  LiberationDayPolicy liberation_day = LiberationDayPolicy::kClosed;
  // Organisation-specific closing days (e.g. a bridge day after Ascension).
  // Order and duplicates do not matter.
  std::vector<absl::CivilDay> extra_closing_days;
};

enum class DutchHoliday {
  kNewYearsDay,
  kGoodFriday,
  kEasterSunday,
  kEasterMonday,
  kKingsDay,
  kLiberationDay,
  kAscensionDay,
  kWhitSunday,
  kWhitMonday,
  kChristmasDay,
  kBoxingDay,
};

// The English name, e.g. "King's Day", for messages to people.
std::string_view DutchHolidayName(DutchHoliday holiday);

// Easter Sunday of `year` in the (proleptic) Gregorian calendar, by the
// anonymous Gregorian algorithm (Meeus/Jones/Butcher). Meaningful for
// year >= 1583.
absl::CivilDay EasterSunday(int year);

// The statutory holiday falling on `day`, if any, regardless of weekday and of
// any organisation's policy. King's Day is 27 April, or 26 April when the 27th
// is a Sunday; that rule (from 2014 on) is applied to every year because the
// system holds no earlier dates. When Ascension Day falls on 5 May (as in
// 2016) the result is kAscensionDay: it is observed by everyone, so the day is
// closed whatever the Liberation Day policy.
std::optional<DutchHoliday> DutchHolidayOn(absl::CivilDay day);

// One organisation's working days: Monday to Friday, minus the statutory
// holidays it observes and its extra closing days. Immutable; thread-safe.
class WorkingDayCalendar {
 public:
  explicit WorkingDayCalendar(WorkingDayCalendarOptions options);

  bool IsWorkingDay(absl::CivilDay day) const;

  // The n-th working day strictly after `from` (so `from` itself never
  // counts, whether or not it is a working day); n == 0 returns `from`.
  // A negative n counts backwards: the |n|-th working day strictly before.
  absl::CivilDay AddWorkingDays(absl::CivilDay from, int n) const;

  // `day` if it is a working day, else the next working day. This is how a
  // term in calendar days that ends on a closed day is extended (Algemene
  // termijnenwet art. 1).
  absl::CivilDay OnOrNextWorkingDay(absl::CivilDay day) const;

  // The number of working days d with from < d <= to; 0 if to <= from.
  int WorkingDaysBetween(absl::CivilDay from, absl::CivilDay to) const;

 private:
  bool Observes(DutchHoliday holiday, absl::CivilDay day) const;

  bool good_friday_closed_;
  LiberationDayPolicy liberation_day_;
  std::vector<absl::CivilDay> extra_closing_days_;  // sorted, unique
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_WORKING_DAY_CALENDAR_H_
