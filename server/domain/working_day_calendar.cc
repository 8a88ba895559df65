#include "server/domain/working_day_calendar.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"

namespace wor::server {
namespace {

// Offsets from Easter Sunday of the movable feasts.
constexpr int kGoodFridayOffset = -2;
constexpr int kEasterMondayOffset = 1;
constexpr int kAscensionDayOffset = 39;
constexpr int kWhitSundayOffset = 49;
constexpr int kWhitMondayOffset = 50;

bool IsWeekend(absl::CivilDay day) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  return weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday;
}

std::optional<DutchHoliday> MovableHolidayOn(absl::CivilDay day) {
  const absl::CivilDay easter = EasterSunday(static_cast<int>(day.year()));
  switch (day - easter) {
    case kGoodFridayOffset:
      return DutchHoliday::kGoodFriday;
    case 0:
      return DutchHoliday::kEasterSunday;
    case kEasterMondayOffset:
      return DutchHoliday::kEasterMonday;
    case kAscensionDayOffset:
      return DutchHoliday::kAscensionDay;
    case kWhitSundayOffset:
      return DutchHoliday::kWhitSunday;
    case kWhitMondayOffset:
      return DutchHoliday::kWhitMonday;
    default:
      return std::nullopt;
  }
}

bool IsKingsDay(absl::CivilDay day) {
  if (day.month() != 4) return false;
  const bool kings_day_moves = absl::GetWeekday(absl::CivilDay(
                                   day.year(), 4, 27)) == absl::Weekday::sunday;
  return day.day() == (kings_day_moves ? 26 : 27);
}

std::optional<DutchHoliday> FixedHolidayOn(absl::CivilDay day) {
  if (IsKingsDay(day)) return DutchHoliday::kKingsDay;
  const int month = day.month();
  const int day_of_month = day.day();
  if (month == 1 && day_of_month == 1) return DutchHoliday::kNewYearsDay;
  if (month == 5 && day_of_month == 5) return DutchHoliday::kLiberationDay;
  if (month == 12 && day_of_month == 25) return DutchHoliday::kChristmasDay;
  if (month == 12 && day_of_month == 26) return DutchHoliday::kBoxingDay;
  return std::nullopt;
}

}  // namespace

std::string_view DutchHolidayName(DutchHoliday holiday) {
  switch (holiday) {
    case DutchHoliday::kNewYearsDay:
      return "New Year's Day";
    case DutchHoliday::kGoodFriday:
      return "Good Friday";
    case DutchHoliday::kEasterSunday:
      return "Easter Sunday";
    case DutchHoliday::kEasterMonday:
      return "Easter Monday";
    case DutchHoliday::kKingsDay:
      return "King's Day";
    case DutchHoliday::kLiberationDay:
      return "Liberation Day";
    case DutchHoliday::kAscensionDay:
      return "Ascension Day";
    case DutchHoliday::kWhitSunday:
      return "Whit Sunday";
    case DutchHoliday::kWhitMonday:
      return "Whit Monday";
    case DutchHoliday::kChristmasDay:
      return "Christmas Day";
    case DutchHoliday::kBoxingDay:
      return "Boxing Day";
  }
  // Only reachable through a cast of an out-of-range integer.
  return "unknown holiday";
}

absl::CivilDay EasterSunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return absl::CivilDay(year, month, day);
}

std::optional<DutchHoliday> DutchHolidayOn(absl::CivilDay day) {
  // Movable feasts first: the only possible coincidence, Ascension Day on
  // 5 May, must report the holiday that every organisation observes.
  if (std::optional<DutchHoliday> movable = MovableHolidayOn(day)) {
    return movable;
  }
  return FixedHolidayOn(day);
}

WorkingDayCalendar::WorkingDayCalendar(WorkingDayCalendarOptions options)
    : good_friday_closed_(options.good_friday_closed),
      liberation_day_(options.liberation_day),
      extra_closing_days_(std::move(options.extra_closing_days)) {
  std::sort(extra_closing_days_.begin(), extra_closing_days_.end());
  extra_closing_days_.erase(
      std::unique(extra_closing_days_.begin(), extra_closing_days_.end()),
      extra_closing_days_.end());
}

bool WorkingDayCalendar::Observes(DutchHoliday holiday,
                                  absl::CivilDay day) const {
  switch (holiday) {
    case DutchHoliday::kGoodFriday:
      return good_friday_closed_;
    case DutchHoliday::kLiberationDay:
      switch (liberation_day_) {
        case LiberationDayPolicy::kClosed:
          return true;
        case LiberationDayPolicy::kClosedInLustrumYears:
          return day.year() % 5 == 0;
        case LiberationDayPolicy::kOpen:
          return false;
      }
      return true;  // An out-of-range policy errs on the side of closing.
    default:
      return true;  // The other holidays bind every organisation.
  }
}

bool WorkingDayCalendar::IsWorkingDay(absl::CivilDay day) const {
  if (IsWeekend(day)) return false;
  if (std::optional<DutchHoliday> holiday = DutchHolidayOn(day);
      holiday.has_value() && Observes(*holiday, day)) {
    return false;
  }
  return !std::binary_search(extra_closing_days_.begin(),
                             extra_closing_days_.end(), day);
}

absl::CivilDay WorkingDayCalendar::AddWorkingDays(absl::CivilDay from,
                                                  int n) const {
  const int step = n < 0 ? -1 : 1;
  // Widened so that n == INT_MIN has a magnitude.
  int64_t remaining = n < 0 ? -int64_t{n} : int64_t{n};
  absl::CivilDay day = from;
  while (remaining > 0) {
    day += step;
    if (IsWorkingDay(day)) --remaining;
  }
  return day;
}

absl::CivilDay WorkingDayCalendar::OnOrNextWorkingDay(
    absl::CivilDay day) const {
  while (!IsWorkingDay(day)) ++day;
  return day;
}

int WorkingDayCalendar::WorkingDaysBetween(absl::CivilDay from,
                                           absl::CivilDay to) const {
  int count = 0;
  for (absl::CivilDay day = from + 1; day <= to; ++day) {
    if (IsWorkingDay(day)) ++count;
  }
  return count;
}

}  // namespace wor::server
