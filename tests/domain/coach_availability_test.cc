// Coach availability: validation that names the field, and the free
// instants of a day under weekly hours, exceptions, leave, the
// organisation's closing days and daylight saving time.
#include "server/domain/coach_availability.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/deadline_policy.h"
#include "server/domain/time_conversion.h"
#include "server/domain/working_day_calendar.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

absl::Time Utc(const char* rfc3339) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &error)) abort();
  return t;
}

wor::v1::TimeRange Range(int start_hour, int end_hour, int start_min = 0,
                         int end_min = 0) {
  wor::v1::TimeRange range;
  range.set_start_minute(start_hour * 60 + start_min);
  range.set_end_minute(end_hour * 60 + end_min);
  return range;
}

void AddWeekly(wor::v1::CoachAvailability& a, wor::v1::Weekday day,
               const wor::v1::TimeRange& range) {
  wor::v1::WeeklyHours* hours = a.add_weekly_hours();
  hours->set_weekday(day);
  *hours->mutable_hours() = range;
}

// Monday to Friday 09:00-12:00 and 13:00-17:00.
wor::v1::CoachAvailability OfficeWeek() {
  wor::v1::CoachAvailability a;
  for (int day = wor::v1::WEEKDAY_MONDAY; day <= wor::v1::WEEKDAY_FRIDAY;
       ++day) {
    AddWeekly(a, static_cast<wor::v1::Weekday>(day), Range(9, 12));
    AddWeekly(a, static_cast<wor::v1::Weekday>(day), Range(13, 17));
  }
  return a;
}

// The validation message of `a`; empty when valid.
std::string Error(const wor::v1::CoachAvailability& a) {
  return std::string(ValidateCoachAvailability("availability", a).message());
}

class CoachAvailabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
    ASSERT_TRUE(zone.ok()) << zone.status();
    zone_ = *zone;
  }

  std::vector<TimeInterval> On(const wor::v1::CoachAvailability& a,
                               absl::CivilDay day) {
    return AvailableIntervalsOnDay(a, day, calendar_, zone_);
  }

  absl::TimeZone zone_;
  WorkingDayCalendar calendar_{WorkingDayCalendarOptions{}};
};

TEST_F(CoachAvailabilityTest, AnOfficeWeekIsValid) {
  EXPECT_TRUE(ValidateCoachAvailability("availability", OfficeWeek()).ok());
  EXPECT_TRUE(
      ValidateCoachAvailability("availability", wor::v1::CoachAvailability())
          .ok());
}

TEST_F(CoachAvailabilityTest, AnEndOffTheQuarterHourNamesItsField) {
  wor::v1::CoachAvailability a = OfficeWeek();
  a.mutable_weekly_hours(2)->mutable_hours()->set_end_minute(12 * 60 + 10);
  absl::Status status = ValidateCoachAvailability("availability", a);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              StartsWith("availability.weekly_hours[2].hours.end_minute: "));
  EXPECT_THAT(std::string(status.message()), HasSubstr("quarter hour"));
}

TEST_F(CoachAvailabilityTest, RangesOutsideTheDayOrTooShortAreRefused) {
  wor::v1::CoachAvailability a;
  AddWeekly(a, wor::v1::WEEKDAY_MONDAY, Range(9, 9));
  EXPECT_THAT(Error(a),
              StartsWith("availability.weekly_hours[0].hours.end_minute: "));
  a.mutable_weekly_hours(0)->mutable_hours()->set_end_minute(1441);
  EXPECT_THAT(Error(a),
              StartsWith("availability.weekly_hours[0].hours.end_minute: "));
  a.mutable_weekly_hours(0)->mutable_hours()->set_start_minute(-15);
  EXPECT_THAT(Error(a),
              StartsWith("availability.weekly_hours[0].hours.start_minute: "));
}

TEST_F(CoachAvailabilityTest, OverlappingRangesOfOneWeekdayAreRefused) {
  wor::v1::CoachAvailability a;
  AddWeekly(a, wor::v1::WEEKDAY_TUESDAY, Range(9, 12));
  AddWeekly(a, wor::v1::WEEKDAY_WEDNESDAY, Range(11, 13));
  AddWeekly(a, wor::v1::WEEKDAY_TUESDAY, Range(11, 13));
  EXPECT_THAT(Error(a),
              StartsWith("availability.weekly_hours[2].hours: overlaps "
                         "availability.weekly_hours[0].hours"));
  // Touching is not overlapping.
  a.mutable_weekly_hours(2)->mutable_hours()->set_start_minute(12 * 60);
  EXPECT_TRUE(ValidateCoachAvailability("availability", a).ok());
}

TEST_F(CoachAvailabilityTest, WeekendHoursAndUnsetWeekdaysAreRefused) {
  wor::v1::CoachAvailability a;
  AddWeekly(a, wor::v1::WEEKDAY_SATURDAY, Range(9, 12));
  EXPECT_THAT(Error(a),
              StartsWith("availability.weekly_hours[0].weekday: intakes are "
                         "held on working days"));
  a.mutable_weekly_hours(0)->set_weekday(wor::v1::WEEKDAY_UNSPECIFIED);
  EXPECT_THAT(Error(a), StartsWith("availability.weekly_hours[0].weekday: "));
}

TEST_F(CoachAvailabilityTest, ExceptionsNeedRealUniqueDates) {
  wor::v1::CoachAvailability a;
  auto* first = a.add_exceptions();
  *first->mutable_date() = ToLocalDate(absl::CivilDay(2026, 5, 12));
  auto* second = a.add_exceptions();
  *second->mutable_date() = ToLocalDate(absl::CivilDay(2026, 5, 12));
  EXPECT_THAT(Error(a), StartsWith("availability.exceptions[1].date: "));
  second->mutable_date()->set_day(31);
  second->mutable_date()->set_month(4);
  EXPECT_THAT(Error(a),
              StartsWith("availability.exceptions[1].date: must be a real "
                         "date"));
}

TEST_F(CoachAvailabilityTest, LeaveMustNotEndBeforeItStarts) {
  wor::v1::CoachAvailability a;
  auto* leave = a.add_leave();
  *leave->mutable_first_day() = ToLocalDate(absl::CivilDay(2026, 7, 20));
  *leave->mutable_last_day() = ToLocalDate(absl::CivilDay(2026, 7, 10));
  EXPECT_THAT(Error(a),
              StartsWith("availability.leave[0].last_day: lies before "
                         "first_day"));
  leave->clear_last_day();
  EXPECT_THAT(Error(a),
              StartsWith("availability.leave[0].last_day: is required"));
}

TEST_F(CoachAvailabilityTest, AnOrdinaryDayGivesItsWeeklyHoursInSummerTime) {
  // Tuesday 12 May 2026, CEST (UTC+2).
  EXPECT_THAT(On(OfficeWeek(), absl::CivilDay(2026, 5, 12)),
              ElementsAre(TimeInterval{Utc("2026-05-12T07:00:00Z"),
                                       Utc("2026-05-12T10:00:00Z")},
                          TimeInterval{Utc("2026-05-12T11:00:00Z"),
                                       Utc("2026-05-12T15:00:00Z")}));
}

TEST_F(CoachAvailabilityTest, WinterTimeShiftsTheInstantsByAnHour) {
  // Tuesday 10 November 2026, CET (UTC+1).
  EXPECT_THAT(On(OfficeWeek(), absl::CivilDay(2026, 11, 10)),
              ElementsAre(TimeInterval{Utc("2026-11-10T08:00:00Z"),
                                       Utc("2026-11-10T11:00:00Z")},
                          TimeInterval{Utc("2026-11-10T12:00:00Z"),
                                       Utc("2026-11-10T16:00:00Z")}));
}

TEST_F(CoachAvailabilityTest, HolidaysWeekendsAndClosingDaysHaveNoHours) {
  // King's Day, Monday 27 April 2026; a Saturday; and a closing day.
  EXPECT_THAT(On(OfficeWeek(), absl::CivilDay(2026, 4, 27)), IsEmpty());
  EXPECT_THAT(On(OfficeWeek(), absl::CivilDay(2026, 5, 16)), IsEmpty());
  WorkingDayCalendarOptions options;
  options.extra_closing_days = {absl::CivilDay(2026, 5, 15)};
  WorkingDayCalendar closed_friday(options);
  EXPECT_THAT(AvailableIntervalsOnDay(OfficeWeek(), absl::CivilDay(2026, 5, 15),
                                      closed_friday, zone_),
              IsEmpty());
  EXPECT_THAT(On(OfficeWeek(), absl::CivilDay(2026, 5, 15)),
              ::testing::SizeIs(2));
}

TEST_F(CoachAvailabilityTest, AnExceptionReplacesTheWeeklyHoursOfItsDay) {
  wor::v1::CoachAvailability a = OfficeWeek();
  auto* late = a.add_exceptions();
  *late->mutable_date() = ToLocalDate(absl::CivilDay(2026, 5, 12));
  *late->add_hours() = Range(18, 20, 0, 30);
  auto* off = a.add_exceptions();
  *off->mutable_date() = ToLocalDate(absl::CivilDay(2026, 5, 13));
  EXPECT_THAT(On(a, absl::CivilDay(2026, 5, 12)),
              ElementsAre(TimeInterval{Utc("2026-05-12T16:00:00Z"),
                                       Utc("2026-05-12T18:30:00Z")}));
  EXPECT_THAT(On(a, absl::CivilDay(2026, 5, 13)), IsEmpty());
  // (Thursday 14 May 2026 is Ascension Day: the next day.)
  EXPECT_THAT(On(a, absl::CivilDay(2026, 5, 15)), ::testing::SizeIs(2));
}

TEST_F(CoachAvailabilityTest, LeaveCoversItsFirstAndLastDay) {
  wor::v1::CoachAvailability a = OfficeWeek();
  auto* leave = a.add_leave();
  *leave->mutable_first_day() = ToLocalDate(absl::CivilDay(2026, 7, 13));
  *leave->mutable_last_day() = ToLocalDate(absl::CivilDay(2026, 7, 17));
  EXPECT_THAT(On(a, absl::CivilDay(2026, 7, 10)), ::testing::SizeIs(2));
  EXPECT_THAT(On(a, absl::CivilDay(2026, 7, 13)), IsEmpty());
  EXPECT_THAT(On(a, absl::CivilDay(2026, 7, 17)), IsEmpty());
  EXPECT_THAT(On(a, absl::CivilDay(2026, 7, 20)), ::testing::SizeIs(2));
}

TEST_F(CoachAvailabilityTest, LocalTimesOnTheSwitchDaysMapToRealInstants) {
  // Summer time starts Sunday 29 March 2026 at 02:00 → 03:00: 02:30 does
  // not exist and maps to the switch instant.
  EXPECT_EQ(LocalMinuteToInstant(absl::CivilDay(2026, 3, 29), 150, zone_),
            Utc("2026-03-29T01:00:00Z"));
  EXPECT_EQ(LocalMinuteToInstant(absl::CivilDay(2026, 3, 29), 9 * 60, zone_),
            Utc("2026-03-29T07:00:00Z"));
  // It ends Sunday 25 October 2026 at 03:00 → 02:00: 02:30 exists twice and
  // maps to its first occurrence (still summer time).
  EXPECT_EQ(LocalMinuteToInstant(absl::CivilDay(2026, 10, 25), 150, zone_),
            Utc("2026-10-25T00:30:00Z"));
  EXPECT_EQ(LocalMinuteToInstant(absl::CivilDay(2026, 10, 25), 9 * 60, zone_),
            Utc("2026-10-25T08:00:00Z"));
  // Midnight at the end of the day is the next day's start.
  EXPECT_EQ(LocalMinuteToInstant(absl::CivilDay(2026, 10, 25), 1440, zone_),
            Utc("2026-10-25T23:00:00Z"));
}

}  // namespace
}  // namespace wor::server
