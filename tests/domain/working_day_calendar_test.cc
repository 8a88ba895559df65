#include "server/domain/working_day_calendar.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

using absl::CivilDay;

WorkingDayCalendar StatutoryCalendar() {
  return WorkingDayCalendar(WorkingDayCalendarOptions{});
}

WorkingDayCalendar CalendarWithLiberationDay(LiberationDayPolicy policy) {
  WorkingDayCalendarOptions options;
  options.liberation_day = policy;
  return WorkingDayCalendar(std::move(options));
}

// Easter and the feasts that hang off it, worked out by hand from published
// Easter dates (Good Friday = Easter - 2, Easter Monday = + 1, Ascension Day =
// + 39, Whit Sunday = + 49, Whit Monday = + 50) rather than by the code under
// test.
struct EasterYear {
  int year;
  CivilDay easter_sunday;
  CivilDay good_friday;
  CivilDay easter_monday;
  CivilDay ascension_day;
  CivilDay whit_sunday;
  CivilDay whit_monday;
};

const std::vector<EasterYear>& EasterYears() {
  static const auto* const kYears = new std::vector<EasterYear>{
      {2024, CivilDay(2024, 3, 31), CivilDay(2024, 3, 29), CivilDay(2024, 4, 1),
       CivilDay(2024, 5, 9), CivilDay(2024, 5, 19), CivilDay(2024, 5, 20)},
      {2025, CivilDay(2025, 4, 20), CivilDay(2025, 4, 18),
       CivilDay(2025, 4, 21), CivilDay(2025, 5, 29), CivilDay(2025, 6, 8),
       CivilDay(2025, 6, 9)},
      {2026, CivilDay(2026, 4, 5), CivilDay(2026, 4, 3), CivilDay(2026, 4, 6),
       CivilDay(2026, 5, 14), CivilDay(2026, 5, 24), CivilDay(2026, 5, 25)},
      {2027, CivilDay(2027, 3, 28), CivilDay(2027, 3, 26),
       CivilDay(2027, 3, 29), CivilDay(2027, 5, 6), CivilDay(2027, 5, 16),
       CivilDay(2027, 5, 17)},
      {2028, CivilDay(2028, 4, 16), CivilDay(2028, 4, 14),
       CivilDay(2028, 4, 17), CivilDay(2028, 5, 25), CivilDay(2028, 6, 4),
       CivilDay(2028, 6, 5)},
      {2029, CivilDay(2029, 4, 1), CivilDay(2029, 3, 30), CivilDay(2029, 4, 2),
       CivilDay(2029, 5, 10), CivilDay(2029, 5, 20), CivilDay(2029, 5, 21)},
      {2030, CivilDay(2030, 4, 21), CivilDay(2030, 4, 19),
       CivilDay(2030, 4, 22), CivilDay(2030, 5, 30), CivilDay(2030, 6, 9),
       CivilDay(2030, 6, 10)},
  };
  return *kYears;
}

TEST(EasterSundayTest, MatchesPublishedDatesFor2024To2030) {
  for (const EasterYear& y : EasterYears()) {
    EXPECT_EQ(EasterSunday(y.year), y.easter_sunday) << y.year;
  }
}

TEST(EasterSundayTest, MatchesPublishedEarliestAndLatestDates) {
  EXPECT_EQ(EasterSunday(2038), CivilDay(2038, 4, 25));
  EXPECT_EQ(EasterSunday(2285), CivilDay(2285, 3, 22));
  EXPECT_EQ(EasterSunday(2000), CivilDay(2000, 4, 23));
}

TEST(EasterSundayTest, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int year = 1900; year <= 2300; ++year) {
    const CivilDay easter = EasterSunday(year);
    EXPECT_EQ(absl::GetWeekday(easter), absl::Weekday::sunday) << year;
    EXPECT_GE(easter, CivilDay(year, 3, 22)) << year;
    EXPECT_LE(easter, CivilDay(year, 4, 25)) << year;
  }
}

TEST(DutchHolidayOnTest, NamesEveryEasterBasedHolidayFor2024To2030) {
  for (const EasterYear& y : EasterYears()) {
    SCOPED_TRACE(y.year);
    EXPECT_EQ(DutchHolidayOn(y.good_friday), DutchHoliday::kGoodFriday);
    EXPECT_EQ(DutchHolidayOn(y.easter_sunday), DutchHoliday::kEasterSunday);
    EXPECT_EQ(DutchHolidayOn(y.easter_monday), DutchHoliday::kEasterMonday);
    EXPECT_EQ(DutchHolidayOn(y.ascension_day), DutchHoliday::kAscensionDay);
    EXPECT_EQ(DutchHolidayOn(y.whit_sunday), DutchHoliday::kWhitSunday);
    EXPECT_EQ(DutchHolidayOn(y.whit_monday), DutchHoliday::kWhitMonday);
  }
}

TEST(DutchHolidayOnTest, NamesTheFixedHolidays) {
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 1, 1)), DutchHoliday::kNewYearsDay);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 5, 5)), DutchHoliday::kLiberationDay);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 12, 25)),
            DutchHoliday::kChristmasDay);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 12, 26)), DutchHoliday::kBoxingDay);
}

TEST(DutchHolidayOnTest, ReturnsNothingOnAnOrdinaryDay) {
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 6, 17)), std::nullopt);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 12, 24)), std::nullopt);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 12, 31)), std::nullopt);
}

TEST(DutchHolidayOnTest, MovesKingsDayTo26AprilWhenThe27thIsASunday) {
  // 27 April 2025 is a Sunday.
  EXPECT_EQ(DutchHolidayOn(CivilDay(2025, 4, 26)), DutchHoliday::kKingsDay);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2025, 4, 27)), std::nullopt);
  // 27 April 2026 is a Monday.
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 4, 26)), std::nullopt);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2026, 4, 27)), DutchHoliday::kKingsDay);
}

TEST(DutchHolidayOnTest, PrefersAscensionDayWhenItFallsOnLiberationDay) {
  // Easter 2016 was 27 March, so Ascension Day was Thursday 5 May.
  EXPECT_EQ(DutchHolidayOn(CivilDay(2016, 5, 5)), DutchHoliday::kAscensionDay);
}

TEST(DutchHolidayNameTest, GivesEnglishNames) {
  EXPECT_EQ(DutchHolidayName(DutchHoliday::kKingsDay), "King's Day");
  EXPECT_EQ(DutchHolidayName(DutchHoliday::kNewYearsDay), "New Year's Day");
  EXPECT_EQ(DutchHolidayName(DutchHoliday::kWhitMonday), "Whit Monday");
  EXPECT_EQ(DutchHolidayName(DutchHoliday::kBoxingDay), "Boxing Day");
}

TEST(WorkingDayCalendarTest, WeekdaysAreWorkingDaysAndWeekendsAreNot) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  // Monday 15 June to Sunday 21 June 2026.
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 6, 15)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 6, 19)));
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 6, 20)));
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 6, 21)));
}

TEST(WorkingDayCalendarTest, EasterBasedWeekdayHolidaysAreClosedFor2024To2030) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  for (const EasterYear& y : EasterYears()) {
    SCOPED_TRACE(y.year);
    EXPECT_FALSE(calendar.IsWorkingDay(y.good_friday));
    EXPECT_FALSE(calendar.IsWorkingDay(y.easter_monday));
    EXPECT_FALSE(calendar.IsWorkingDay(y.ascension_day));
    EXPECT_FALSE(calendar.IsWorkingDay(y.whit_monday));
    // Maundy Thursday and the Tuesdays after are ordinary working days.
    EXPECT_TRUE(calendar.IsWorkingDay(y.good_friday - 1));
    EXPECT_TRUE(calendar.IsWorkingDay(y.easter_monday + 1));
    EXPECT_TRUE(calendar.IsWorkingDay(y.whit_monday + 1));
  }
}

TEST(WorkingDayCalendarTest, KingsDayOnSaturdayLeavesTheFollowingMondayOpen) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2025, 4, 26)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2025, 4, 28)));
}

TEST(WorkingDayCalendarTest, KingsDayOnMondayIsNotAWorkingDay) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 4, 27)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 4, 28)));
}

TEST(WorkingDayCalendarTest, LiberationDayClosedPolicyClosesEveryYear) {
  const WorkingDayCalendar calendar =
      CalendarWithLiberationDay(LiberationDayPolicy::kClosed);
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2025, 5, 5)));  // Monday
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 5, 5)));  // Tuesday
}

TEST(WorkingDayCalendarTest,
     LiberationDayLustrumPolicyClosesOnlyInLustrumYears) {
  const WorkingDayCalendar calendar =
      CalendarWithLiberationDay(LiberationDayPolicy::kClosedInLustrumYears);
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2020, 5, 5)));  // Tuesday
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2025, 5, 5)));  // Monday
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 5, 5)));   // Tuesday
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2027, 5, 5)));   // Wednesday
}

TEST(WorkingDayCalendarTest, LiberationDayOnASundayIsNotMadeUpOnMonday) {
  // 5 May 2030 is a lustrum Sunday; there is no substitute day.
  const WorkingDayCalendar calendar =
      CalendarWithLiberationDay(LiberationDayPolicy::kClosedInLustrumYears);
  EXPECT_EQ(DutchHolidayOn(CivilDay(2030, 5, 5)), DutchHoliday::kLiberationDay);
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2030, 5, 5)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2030, 5, 6)));
}

TEST(WorkingDayCalendarTest, LiberationDayOpenPolicyWorksEveryYear) {
  const WorkingDayCalendar calendar =
      CalendarWithLiberationDay(LiberationDayPolicy::kOpen);
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2025, 5, 5)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 5, 5)));
}

TEST(WorkingDayCalendarTest, AscensionDayOnLiberationDayStaysClosedWhenOpen) {
  const WorkingDayCalendar calendar =
      CalendarWithLiberationDay(LiberationDayPolicy::kOpen);
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2016, 5, 5)));
}

TEST(WorkingDayCalendarTest, GoodFridayIsClosedByDefault) {
  EXPECT_FALSE(StatutoryCalendar().IsWorkingDay(CivilDay(2026, 4, 3)));
}

TEST(WorkingDayCalendarTest, GoodFridayIsAWorkingDayWhenTheOrganisationIsOpen) {
  WorkingDayCalendarOptions options;
  options.good_friday_closed = false;
  const WorkingDayCalendar calendar(std::move(options));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 4, 3)));
  // Opening on Good Friday does not open Easter Monday.
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 4, 6)));
}

TEST(WorkingDayCalendarTest, ExtraClosingDaysAreNotWorkingDays) {
  WorkingDayCalendarOptions options;
  // Unsorted and duplicated on purpose: the calendar must not care.
  options.extra_closing_days = {CivilDay(2026, 12, 31), CivilDay(2026, 5, 15),
                                CivilDay(2026, 12, 31)};
  const WorkingDayCalendar calendar(std::move(options));
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 5, 15)));
  EXPECT_FALSE(calendar.IsWorkingDay(CivilDay(2026, 12, 31)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2026, 12, 30)));
  EXPECT_TRUE(StatutoryCalendar().IsWorkingDay(CivilDay(2026, 5, 15)));
}

TEST(WorkingDayCalendarTest, ChristmasAndBoxingDayOnWeekdaysAreClosed) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  // 2024: Wednesday and Thursday; 2025: Thursday and Friday.
  for (const CivilDay day : {CivilDay(2024, 12, 25), CivilDay(2024, 12, 26),
                             CivilDay(2025, 12, 25), CivilDay(2025, 12, 26)}) {
    EXPECT_FALSE(calendar.IsWorkingDay(day)) << day;
  }
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2025, 12, 24)));
  EXPECT_TRUE(calendar.IsWorkingDay(CivilDay(2024, 12, 27)));
}

TEST(WorkingDayCalendarTest, NewYearsDayIsClosed) {
  EXPECT_FALSE(StatutoryCalendar().IsWorkingDay(CivilDay(2026, 1, 1)));
}

TEST(WorkingDayCalendarTest, AddingZeroWorkingDaysReturnsTheSameDay) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 6, 20), 0),
            CivilDay(2026, 6, 20));
}

TEST(WorkingDayCalendarTest, AddingWorkingDaysSkipsTheWeekend) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  // Friday 19 June 2026 and Saturday 20 June both count from Monday 22.
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 6, 19), 1),
            CivilDay(2026, 6, 22));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 6, 20), 1),
            CivilDay(2026, 6, 22));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 6, 17), 5),
            CivilDay(2026, 6, 24));
}

TEST(WorkingDayCalendarTest, AddingWorkingDaysCrossesChristmasAndNewYear) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  // From Wednesday 24 December 2025: Thu 25 and Fri 26 are holidays, then the
  // weekend; 29, 30, 31 December count; Thursday 1 January is a holiday.
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2025, 12, 24), 1),
            CivilDay(2025, 12, 29));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2025, 12, 24), 3),
            CivilDay(2025, 12, 31));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2025, 12, 24), 4),
            CivilDay(2026, 1, 2));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2025, 12, 24), 5),
            CivilDay(2026, 1, 5));
}

TEST(WorkingDayCalendarTest, AddingWorkingDaysCrossesEaster) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  // Maundy Thursday 2 April 2026: Good Friday, the weekend and Easter Monday
  // are skipped.
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 4, 2), 1),
            CivilDay(2026, 4, 7));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 4, 2), 2),
            CivilDay(2026, 4, 8));

  WorkingDayCalendarOptions options;
  options.good_friday_closed = false;
  const WorkingDayCalendar open_on_good_friday(std::move(options));
  EXPECT_EQ(open_on_good_friday.AddWorkingDays(CivilDay(2026, 4, 2), 1),
            CivilDay(2026, 4, 3));
  EXPECT_EQ(open_on_good_friday.AddWorkingDays(CivilDay(2026, 4, 2), 2),
            CivilDay(2026, 4, 7));
}

TEST(WorkingDayCalendarTest, AddingNegativeWorkingDaysCountsBackwards) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 4, 7), -1),
            CivilDay(2026, 4, 2));
  EXPECT_EQ(calendar.AddWorkingDays(CivilDay(2026, 1, 5), -2),
            CivilDay(2025, 12, 31));
}

TEST(WorkingDayCalendarTest, OnOrNextWorkingDayKeepsAWorkingDay) {
  EXPECT_EQ(StatutoryCalendar().OnOrNextWorkingDay(CivilDay(2026, 6, 17)),
            CivilDay(2026, 6, 17));
}

TEST(WorkingDayCalendarTest, OnOrNextWorkingDayMovesPastClosedDays) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  EXPECT_EQ(calendar.OnOrNextWorkingDay(CivilDay(2026, 6, 20)),
            CivilDay(2026, 6, 22));
  // Good Friday 2026 through Easter Monday.
  EXPECT_EQ(calendar.OnOrNextWorkingDay(CivilDay(2026, 4, 3)),
            CivilDay(2026, 4, 7));
  // Christmas Day 2026 is a Friday, Boxing Day a Saturday.
  EXPECT_EQ(calendar.OnOrNextWorkingDay(CivilDay(2026, 12, 25)),
            CivilDay(2026, 12, 28));
}

TEST(WorkingDayCalendarTest, WorkingDaysBetweenExcludesFromAndIncludesTo) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  // Mon 15 to Fri 19 June 2026: Tue, Wed, Thu, Fri.
  EXPECT_EQ(
      calendar.WorkingDaysBetween(CivilDay(2026, 6, 15), CivilDay(2026, 6, 19)),
      4);
  // Over Christmas and New Year: 29, 30, 31 December, 2 and 5 January.
  EXPECT_EQ(
      calendar.WorkingDaysBetween(CivilDay(2025, 12, 24), CivilDay(2026, 1, 5)),
      5);
  // King's Day week 2026: Fri 24 Apr, (Mon 27 closed), Tue 28 to Fri 1 May.
  EXPECT_EQ(
      calendar.WorkingDaysBetween(CivilDay(2026, 4, 23), CivilDay(2026, 5, 1)),
      5);
}

TEST(WorkingDayCalendarTest, WorkingDaysBetweenIsZeroWhenToIsNotAfterFrom) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  EXPECT_EQ(
      calendar.WorkingDaysBetween(CivilDay(2026, 6, 17), CivilDay(2026, 6, 17)),
      0);
  EXPECT_EQ(
      calendar.WorkingDaysBetween(CivilDay(2026, 6, 19), CivilDay(2026, 6, 15)),
      0);
}

TEST(WorkingDayCalendarTest, WorkingDaysBetweenUndoesAddWorkingDays) {
  const WorkingDayCalendar calendar = StatutoryCalendar();
  for (CivilDay from = CivilDay(2025, 12, 1); from < CivilDay(2026, 6, 1);
       ++from) {
    for (int n : {1, 2, 5, 10}) {
      EXPECT_EQ(
          calendar.WorkingDaysBetween(from, calendar.AddWorkingDays(from, n)),
          n)
          << from << " + " << n;
    }
  }
}

}  // namespace
}  // namespace wor::server
