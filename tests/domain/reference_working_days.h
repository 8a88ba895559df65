// An independent second computation of Dutch working days and referral due
// dates, for property tests of server/domain/working_day_calendar.h and
// server/domain/deadline_policy.h.
//
// It deliberately shares nothing with the production code, so that a mistake
// would have to be made twice, differently, to go unnoticed:
//   - dates are std::chrono (C++20 calendar types), not absl civil time;
//   - Easter is Gauss's algorithm with Lichtenberg's corrections, not the
//     anonymous Gregorian (Meeus/Jones/Butcher) algorithm;
//   - a year's closed days are listed from the rules and looked up, instead of
//     classifying a day by its distance from Easter;
//   - Europe/Amsterdam is the EU summer-time rule written out (last Sunday of
//     March 01:00 UTC to last Sunday of October 01:00 UTC; CET = UTC+1,
//     CEST = UTC+2), not the tz database. The rule is exact for Amsterdam
//     from 1996 on, the year the EU aligned the end of summer time.
// Counting steps day by day and makes no attempt at speed.
//
// Example:
//
//   ReferenceCalendar calendar(ReferenceRules{});
//   // Thursday 23 April 2026 + 5 working days = Friday 1 May (King's Day,
//   // Monday 27 April, is skipped).
//   std::chrono::sys_days due = calendar.AddWorkingDays(
//       std::chrono::sys_days{std::chrono::year{2026} / 4 / 23}, 5);
//
// Thread-safety: everything here is immutable or pure.

#ifndef WOR_TESTS_DOMAIN_REFERENCE_WORKING_DAYS_H_
#define WOR_TESTS_DOMAIN_REFERENCE_WORKING_DAYS_H_

#include <chrono>
#include <string>
#include <vector>

namespace wor::server::reference {

// Easter Sunday of `year` (Gregorian, year >= 1583) by Gauss's algorithm as
// corrected by Lichtenberg (1997), which needs no exception rules.
std::chrono::year_month_day GaussEasterSunday(int year);

// Whether 5 May is a closed day: every year (as the Algemene termijnenwet
// has it), only in years divisible by five, or never.
enum class LiberationDayRule { kEveryYear, kLustrumYearsOnly, kNever };

struct ReferenceRules {
  bool good_friday_closed = true;
  LiberationDayRule liberation_day = LiberationDayRule::kEveryYear;
  std::vector<std::chrono::sys_days> extra_closing_days;
};

// The working days of one organisation under `ReferenceRules`.
class ReferenceCalendar {
 public:
  explicit ReferenceCalendar(ReferenceRules rules);

  // The public holidays in `year` that this organisation closes on, whatever
  // weekday they fall on. King's Day is 27 April, or 26 April when the 27th is
  // a Sunday, in every year (as DOMAIN.md states the rule).
  std::vector<std::chrono::sys_days> ClosedHolidaysIn(int year) const;

  bool IsWorkingDay(std::chrono::sys_days day) const;

  // Steps one day at a time away from `from` until |n| working days have been
  // passed; `from` itself never counts.
  std::chrono::sys_days AddWorkingDays(std::chrono::sys_days from, int n) const;
  std::chrono::sys_days OnOrNextWorkingDay(std::chrono::sys_days day) const;
  // The working days d with from < d <= to.
  int WorkingDaysBetween(std::chrono::sys_days from,
                         std::chrono::sys_days to) const;

 private:
  ReferenceRules rules_;
};

// Europe/Amsterdam by the EU rule (see the file comment).
bool IsAmsterdamSummerTime(std::chrono::sys_seconds t);
std::chrono::sys_days AmsterdamLocalDay(std::chrono::sys_seconds t);
// The instant at which the Amsterdam wall clock shows `local`. Only for wall
// times that occur exactly once (not 02:00-03:00 on the switch days).
std::chrono::sys_seconds FromAmsterdamWallClock(
    std::chrono::local_seconds local);
// The instant at which local day `day` begins (its midnight).
std::chrono::sys_seconds AmsterdamStartOfDay(std::chrono::sys_days day);

struct ReferenceTerms {
  int contact_target_working_days = 2;
  int contact_limit_working_days = 5;
  int intake_calendar_days = 14;
};

// A due day and the first instant after it.
struct ReferenceDueDay {
  std::chrono::sys_days day;
  std::chrono::sys_seconds end;
};

struct ReferenceDueDates {
  ReferenceDueDay contact_target;
  ReferenceDueDay contact_limit;
  ReferenceDueDay intake;
};

// The due dates of a referral at `referral_time` (DOMAIN.md, "Deadlines").
ReferenceDueDates ReferenceDueDatesFor(const ReferenceCalendar& calendar,
                                       const ReferenceTerms& terms,
                                       std::chrono::sys_seconds referral_time);

// "2026-04-23 (Thu)", for failure messages.
std::string FormatDate(std::chrono::sys_days day);
// "2026-03-28 22:30:00 UTC".
std::string FormatInstant(std::chrono::sys_seconds t);

}  // namespace wor::server::reference

#endif  // WOR_TESTS_DOMAIN_REFERENCE_WORKING_DAYS_H_
