#include "server/domain/coach_availability.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/common/status_macros.h"
#include "server/domain/field_checks.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kGridMinutes = 15;

std::string Indexed(absl::string_view field, absl::string_view list, int i) {
  return absl::StrCat(field, ".", list, "[", i, "]");
}

absl::Status CheckRange(const std::string& field,
                        const wor::v1::TimeRange& range) {
  const int start = range.start_minute();
  const int end = range.end_minute();
  if (start < 0 || start >= kMinutesPerDay) {
    return FieldError(absl::StrCat(field, ".start_minute"),
                      "must be 0-1439 (minutes after local midnight)");
  }
  if (start % kGridMinutes != 0) {
    return FieldError(absl::StrCat(field, ".start_minute"),
                      "must be on a quarter hour (a multiple of 15)");
  }
  if (end < start + kGridMinutes || end > kMinutesPerDay) {
    return FieldError(absl::StrCat(field, ".end_minute"),
                      "must be at least 15 minutes after start_minute and at "
                      "most 1440 (midnight)");
  }
  if (end % kGridMinutes != 0) {
    return FieldError(absl::StrCat(field, ".end_minute"),
                      "must be on a quarter hour (a multiple of 15)");
  }
  return absl::OkStatus();
}

absl::Status CheckDate(const std::string& field,
                       const wor::v1::LocalDate& date) {
  if (date.year() < 1900 || date.year() > 2100 || !IsRealDate(date)) {
    return FieldError(field, "must be a real date in 1900-2100");
  }
  return absl::OkStatus();
}

bool IsWeekend(absl::CivilDay day) {
  const absl::Weekday weekday = absl::GetWeekday(day);
  return weekday == absl::Weekday::saturday || weekday == absl::Weekday::sunday;
}

// Ranges given by their field names; refuses the first one that overlaps an
// earlier one.
absl::Status CheckNoOverlap(
    std::vector<std::pair<std::string, wor::v1::TimeRange>> ranges) {
  for (size_t i = 0; i < ranges.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      const wor::v1::TimeRange& a = ranges[i].second;
      const wor::v1::TimeRange& b = ranges[j].second;
      if (a.start_minute() < b.end_minute() &&
          b.start_minute() < a.end_minute()) {
        return FieldError(ranges[i].first,
                          absl::StrCat("overlaps ", ranges[j].first,
                                       "; merge them into one range"));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateWeeklyHours(absl::string_view field,
                                 const wor::v1::CoachAvailability& a) {
  if (a.weekly_hours_size() > kMaxWeeklyHours) {
    return FieldError(absl::StrCat(field, ".weekly_hours"),
                      absl::StrCat("has more than ", kMaxWeeklyHours,
                                   " ranges; merge adjacent ones"));
  }
  std::map<int, std::vector<std::pair<std::string, wor::v1::TimeRange>>>
      by_weekday;
  for (int i = 0; i < a.weekly_hours_size(); ++i) {
    const wor::v1::WeeklyHours& hours = a.weekly_hours(i);
    const std::string item = Indexed(field, "weekly_hours", i);
    if (hours.weekday() < wor::v1::WEEKDAY_MONDAY ||
        hours.weekday() > wor::v1::WEEKDAY_SUNDAY) {
      return FieldError(absl::StrCat(item, ".weekday"),
                        "must be set to a day of the week");
    }
    if (hours.weekday() > wor::v1::WEEKDAY_FRIDAY) {
      return FieldError(absl::StrCat(item, ".weekday"),
                        "intakes are held on working days only (Monday to "
                        "Friday)");
    }
    if (!hours.has_hours()) {
      return FieldError(absl::StrCat(item, ".hours"), "is required");
    }
    const std::string range = absl::StrCat(item, ".hours");
    WOR_RETURN_IF_ERROR(CheckRange(range, hours.hours()));
    by_weekday[hours.weekday()].emplace_back(range, hours.hours());
  }
  for (auto& [weekday, ranges] : by_weekday) {
    WOR_RETURN_IF_ERROR(CheckNoOverlap(std::move(ranges)));
  }
  return absl::OkStatus();
}

absl::Status ValidateExceptions(absl::string_view field,
                                const wor::v1::CoachAvailability& a) {
  if (a.exceptions_size() > kMaxAvailabilityExceptions) {
    return FieldError(absl::StrCat(field, ".exceptions"),
                      absl::StrCat("has more than ", kMaxAvailabilityExceptions,
                                   " days; remove past ones"));
  }
  std::set<absl::CivilDay> dates;
  for (int i = 0; i < a.exceptions_size(); ++i) {
    const wor::v1::AvailabilityException& exception = a.exceptions(i);
    const std::string item = Indexed(field, "exceptions", i);
    if (!exception.has_date()) {
      return FieldError(absl::StrCat(item, ".date"), "is required");
    }
    WOR_RETURN_IF_ERROR(
        CheckDate(absl::StrCat(item, ".date"), exception.date()));
    const absl::CivilDay day = FromLocalDate(exception.date());
    if (IsWeekend(day) && exception.hours_size() > 0) {
      return FieldError(absl::StrCat(item, ".date"),
                        "falls on a weekend; intakes are held on working "
                        "days only");
    }
    if (!dates.insert(day).second) {
      return FieldError(absl::StrCat(item, ".date"),
                        "has another exception already; one per day");
    }
    if (exception.hours_size() > kMaxHoursPerException) {
      return FieldError(
          absl::StrCat(item, ".hours"),
          absl::StrCat("has more than ", kMaxHoursPerException, " ranges"));
    }
    std::vector<std::pair<std::string, wor::v1::TimeRange>> ranges;
    for (int j = 0; j < exception.hours_size(); ++j) {
      const std::string range = Indexed(item, "hours", j);
      WOR_RETURN_IF_ERROR(CheckRange(range, exception.hours(j)));
      ranges.emplace_back(range, exception.hours(j));
    }
    WOR_RETURN_IF_ERROR(CheckNoOverlap(std::move(ranges)));
  }
  return absl::OkStatus();
}

absl::Status ValidateLeave(absl::string_view field,
                           const wor::v1::CoachAvailability& a) {
  if (a.leave_size() > kMaxLeavePeriods) {
    return FieldError(absl::StrCat(field, ".leave"),
                      absl::StrCat("has more than ", kMaxLeavePeriods,
                                   " periods; remove past ones"));
  }
  for (int i = 0; i < a.leave_size(); ++i) {
    const wor::v1::LeavePeriod& leave = a.leave(i);
    const std::string item = Indexed(field, "leave", i);
    if (!leave.has_first_day()) {
      return FieldError(absl::StrCat(item, ".first_day"), "is required");
    }
    if (!leave.has_last_day()) {
      return FieldError(absl::StrCat(item, ".last_day"), "is required");
    }
    WOR_RETURN_IF_ERROR(
        CheckDate(absl::StrCat(item, ".first_day"), leave.first_day()));
    WOR_RETURN_IF_ERROR(
        CheckDate(absl::StrCat(item, ".last_day"), leave.last_day()));
    const absl::CivilDay first = FromLocalDate(leave.first_day());
    const absl::CivilDay last = FromLocalDate(leave.last_day());
    if (last < first) {
      return FieldError(absl::StrCat(item, ".last_day"),
                        "lies before first_day");
    }
    if (last - first >= kMaxLeaveDays) {
      return FieldError(absl::StrCat(item, ".last_day"),
                        absl::StrCat("makes the period longer than ",
                                     kMaxLeaveDays, " days; split it"));
    }
  }
  return absl::OkStatus();
}

bool OnLeave(const wor::v1::CoachAvailability& a, absl::CivilDay day) {
  for (const wor::v1::LeavePeriod& leave : a.leave()) {
    if (FromLocalDate(leave.first_day()) <= day &&
        day <= FromLocalDate(leave.last_day())) {
      return true;
    }
  }
  return false;
}

// The published local ranges of `day`, before closing days and leave.
std::vector<wor::v1::TimeRange> PublishedRanges(
    const wor::v1::CoachAvailability& a, absl::CivilDay day) {
  for (const wor::v1::AvailabilityException& exception : a.exceptions()) {
    if (FromLocalDate(exception.date()) == day) {
      return {exception.hours().begin(), exception.hours().end()};
    }
  }
  // absl::Weekday counts from Monday = 0; the API's from Monday = 1.
  const int weekday = static_cast<int>(absl::GetWeekday(day)) + 1;
  std::vector<wor::v1::TimeRange> ranges;
  for (const wor::v1::WeeklyHours& hours : a.weekly_hours()) {
    if (hours.weekday() == weekday) ranges.push_back(hours.hours());
  }
  return ranges;
}

}  // namespace

absl::Status ValidateCoachAvailability(
    absl::string_view field, const wor::v1::CoachAvailability& availability) {
  WOR_RETURN_IF_ERROR(ValidateWeeklyHours(field, availability));
  WOR_RETURN_IF_ERROR(ValidateExceptions(field, availability));
  return ValidateLeave(field, availability);
}

absl::Time LocalMinuteToInstant(absl::CivilDay day, int minute_of_day,
                                absl::TimeZone zone) {
  const absl::TimeZone::TimeInfo info =
      zone.At(absl::CivilMinute(day) + minute_of_day);
  return info.kind == absl::TimeZone::TimeInfo::SKIPPED ? info.trans : info.pre;
}

std::vector<TimeInterval> AvailableIntervalsOnDay(
    const wor::v1::CoachAvailability& availability, absl::CivilDay day,
    const WorkingDayCalendar& calendar, absl::TimeZone zone) {
  std::vector<TimeInterval> intervals;
  if (!calendar.IsWorkingDay(day) || OnLeave(availability, day)) {
    return intervals;
  }
  for (const wor::v1::TimeRange& range : PublishedRanges(availability, day)) {
    TimeInterval interval{LocalMinuteToInstant(day, range.start_minute(), zone),
                          LocalMinuteToInstant(day, range.end_minute(), zone)};
    if (interval.start < interval.end) intervals.push_back(interval);
  }
  std::sort(intervals.begin(), intervals.end(),
            [](const TimeInterval& a, const TimeInterval& b) {
              return a.start < b.start;
            });
  return intervals;
}

}  // namespace wor::server
