#include "tests/domain/reference_working_days.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace wor::server::reference {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::sys_days;
using std::chrono::sys_seconds;
using std::chrono::year;
using std::chrono::year_month_day;

sys_days Date(int y, unsigned m, unsigned d) {
  return sys_days{year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

bool IsWeekend(sys_days day) {
  const std::chrono::weekday weekday{day};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

int YearOf(sys_days day) {
  return static_cast<int>(year_month_day{day}.year());
}

bool LiberationDayClosed(LiberationDayRule rule, int y) {
  switch (rule) {
    case LiberationDayRule::kEveryYear:
      return true;
    case LiberationDayRule::kLustrumYearsOnly:
      return y % 5 == 0;
    case LiberationDayRule::kNever:
      return false;
  }
  return true;
}

// EU summer time begins and ends at 01:00 UTC on the last Sunday of March and
// of October.
sys_seconds SummerTimeStart(int y) {
  return sys_days{year{y} / std::chrono::March /
                  std::chrono::Sunday[std::chrono::last]} +
         hours{1};
}

sys_seconds SummerTimeEnd(int y) {
  return sys_days{year{y} / std::chrono::October /
                  std::chrono::Sunday[std::chrono::last]} +
         hours{1};
}

std::chrono::seconds AmsterdamOffset(sys_seconds t) {
  return IsAmsterdamSummerTime(t) ? hours{2} : hours{1};
}

}  // namespace

year_month_day GaussEasterSunday(int y) {
  const int k = y / 100;                                   // century
  const int m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;  // lunar shift
  const int s = 2 - (3 * k + 3) / 4;                       // solar shift
  const int a = y % 19;                                    // lunar cycle
  const int d = (19 * a + m) % 30;  // seed for the spring full moon
  const int r = (d + a / 11) / 29;  // Lichtenberg's calendar correction
  const int og = 21 + d - r;        // paschal full moon, as a day of March
  const int sz = 7 - (y + y / 4 + s) % 7;  // first Sunday of March
  const int oe = 7 - (og - sz) % 7;        // days to the Sunday after
  const int os = og + oe;                  // Easter Sunday, as a day of March
  return year_month_day{Date(y, 3, 1) + days{os - 1}};
}

ReferenceCalendar::ReferenceCalendar(ReferenceRules rules)
    : rules_(std::move(rules)) {}

std::vector<sys_days> ReferenceCalendar::ClosedHolidaysIn(int y) const {
  const sys_days easter{GaussEasterSunday(y)};
  std::vector<sys_days> closed = {
      Date(y, 1, 1),      // Nieuwjaarsdag
      easter + days{1},   // tweede Paasdag
      easter + days{39},  // Hemelvaartsdag
      easter + days{50},  // tweede Pinksterdag
      Date(y, 12, 25),    // eerste Kerstdag
      Date(y, 12, 26),    // tweede Kerstdag
  };
  const sys_days april_27 = Date(y, 4, 27);
  closed.push_back(std::chrono::weekday{april_27} == std::chrono::Sunday
                       ? april_27 - days{1}
                       : april_27);  // Koningsdag
  if (rules_.good_friday_closed) closed.push_back(easter - days{2});
  if (LiberationDayClosed(rules_.liberation_day, y)) {
    closed.push_back(Date(y, 5, 5));  // Bevrijdingsdag
  }
  return closed;
}

bool ReferenceCalendar::IsWorkingDay(sys_days day) const {
  if (IsWeekend(day)) return false;
  const std::vector<sys_days> holidays = ClosedHolidaysIn(YearOf(day));
  if (std::find(holidays.begin(), holidays.end(), day) != holidays.end()) {
    return false;
  }
  return std::find(rules_.extra_closing_days.begin(),
                   rules_.extra_closing_days.end(),
                   day) == rules_.extra_closing_days.end();
}

sys_days ReferenceCalendar::AddWorkingDays(sys_days from, int n) const {
  sys_days day = from;
  for (int passed = 0; passed < n;) {
    day += days{1};
    if (IsWorkingDay(day)) ++passed;
  }
  for (int passed = 0; passed > n;) {
    day -= days{1};
    if (IsWorkingDay(day)) --passed;
  }
  return day;
}

sys_days ReferenceCalendar::OnOrNextWorkingDay(sys_days day) const {
  while (!IsWorkingDay(day)) day += days{1};
  return day;
}

int ReferenceCalendar::WorkingDaysBetween(sys_days from, sys_days to) const {
  int count = 0;
  for (sys_days day = to; day > from; day -= days{1}) {
    if (IsWorkingDay(day)) ++count;
  }
  return count;
}

bool IsAmsterdamSummerTime(sys_seconds t) {
  const int y = YearOf(std::chrono::floor<days>(t));
  return t >= SummerTimeStart(y) && t < SummerTimeEnd(y);
}

sys_days AmsterdamLocalDay(sys_seconds t) {
  return std::chrono::floor<days>(t + AmsterdamOffset(t));
}

sys_seconds FromAmsterdamWallClock(std::chrono::local_seconds local) {
  const sys_seconds as_if_utc{local.time_since_epoch()};
  // Try summer time first; it is right exactly when the instant it gives is
  // in summer time.
  const sys_seconds summer = as_if_utc - hours{2};
  if (IsAmsterdamSummerTime(summer)) return summer;
  return as_if_utc - hours{1};
}

sys_seconds AmsterdamStartOfDay(sys_days day) {
  return FromAmsterdamWallClock(
      std::chrono::local_seconds{day.time_since_epoch()});
}

ReferenceDueDates ReferenceDueDatesFor(const ReferenceCalendar& calendar,
                                       const ReferenceTerms& terms,
                                       sys_seconds referral_time) {
  const sys_days referral_day = AmsterdamLocalDay(referral_time);
  const auto due = [](sys_days day) {
    return ReferenceDueDay{day, AmsterdamStartOfDay(day + days{1})};
  };
  return ReferenceDueDates{
      .contact_target = due(calendar.AddWorkingDays(
          referral_day, terms.contact_target_working_days)),
      .contact_limit = due(calendar.AddWorkingDays(
          referral_day, terms.contact_limit_working_days)),
      .intake = due(calendar.OnOrNextWorkingDay(
          referral_day + days{terms.intake_calendar_days})),
  };
}

std::string FormatDate(sys_days day) {
  static constexpr const char* kWeekdays[] = {"Sun", "Mon", "Tue", "Wed",
                                              "Thu", "Fri", "Sat"};
  const year_month_day ymd{day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u (%s)",
                static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()),
                kWeekdays[std::chrono::weekday{day}.c_encoding()]);
  return buffer;
}

std::string FormatInstant(sys_seconds t) {
  const sys_days day = std::chrono::floor<days>(t);
  const std::chrono::hh_mm_ss<std::chrono::seconds> time{t - day};
  const year_month_day ymd{day};
  char buffer[40];
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d:%02d UTC",
      static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
      static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
      static_cast<int>(time.minutes().count()),
      static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace wor::server::reference
