// Named referral scenarios across the Dutch holidays and the daylight saving
// switches, each expectation worked out by hand from a printed calendar (not
// by the code under test) and written as a literal date. Unless a test says
// otherwise the organisation follows the statute: Good Friday and 5 May
// closed, national terms (contact target 2 and limit 5 working days, intake
// 14 calendar days).

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "server/domain/deadline_policy.h"
#include "server/domain/working_day_calendar.h"

namespace wor::server {
namespace {

using absl::CivilDay;

absl::Time Instant(const std::string& rfc3339) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &error)) {
    ADD_FAILURE() << "bad test instant " << rfc3339 << ": " << error;
  }
  return t;
}

WorkingDayCalendarOptions GoodFridayOpen() {
  WorkingDayCalendarOptions options;
  options.good_friday_closed = false;
  return options;
}

WorkingDayCalendarOptions LiberationDay(LiberationDayPolicy policy) {
  WorkingDayCalendarOptions options;
  options.liberation_day = policy;
  return options;
}

class DeadlineCalendarScenarioTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
    ASSERT_TRUE(zone.ok()) << zone.status();
    zone_ = *zone;
  }

  ReferralDueDates DueFor(const std::string& referral,
                          WorkingDayCalendarOptions options = {}) const {
    const WorkingDayCalendar calendar(std::move(options));
    const DeadlinePolicy policy(&calendar, zone_, DeadlinePolicyOptions{});
    return policy.ForReferralAt(Instant(referral));
  }

  absl::TimeZone zone_;
};

// --- Easter ---------------------------------------------------------------

TEST_F(DeadlineCalendarScenarioTest,
       MaundyThursdayReferralSkipsGoodFridayAndEasterMonday) {
  const ReferralDueDates due = DueFor("2025-04-17T12:00:00+02:00");
  // Fri 18 (Good Friday) and Mon 21 (Easter Monday) closed: Tue 22, Wed 23.
  EXPECT_EQ(due.contact_target.day, CivilDay(2025, 4, 23));
  EXPECT_EQ(due.contact_target.end, Instant("2025-04-23T22:00:00Z"));
  // Thu 24, Fri 25, then King's Day is Saturday 26: Mon 28 is the fifth.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2025, 4, 28));
  EXPECT_EQ(due.contact_limit.end, Instant("2025-04-28T22:00:00Z"));
  // 17 April + 14 = Thursday 1 May, an ordinary working day.
  EXPECT_EQ(due.intake.day, CivilDay(2025, 5, 1));
  EXPECT_EQ(due.intake.end, Instant("2025-05-01T22:00:00Z"));
}

TEST_F(DeadlineCalendarScenarioTest,
       MaundyThursdayReferralCountsGoodFridayWhereTheOrganisationWorks) {
  const ReferralDueDates due =
      DueFor("2025-04-17T12:00:00+02:00", GoodFridayOpen());
  // Fri 18 counts; Easter Monday 21 does not: Fri 18, Tue 22.
  EXPECT_EQ(due.contact_target.day, CivilDay(2025, 4, 22));
  // Wed 23, Thu 24, Fri 25.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2025, 4, 25));
  // Thursday 1 May, unchanged.
  EXPECT_EQ(due.intake.day, CivilDay(2025, 5, 1));
}

// --- King's Day -------------------------------------------------------------

TEST_F(DeadlineCalendarScenarioTest, KingsDayOnAThursdayIsSkipped) {
  // 27 April 2028 is a Thursday.
  const ReferralDueDates due = DueFor("2028-04-26T12:00:00+02:00");
  // Thu 27 closed: Fri 28, Mon 1 May.
  EXPECT_EQ(due.contact_target.day, CivilDay(2028, 5, 1));
  // Tue 2, Wed 3, Thu 4 (5 May is the day after).
  EXPECT_EQ(due.contact_limit.day, CivilDay(2028, 5, 4));
  // 26 April + 14 = Wednesday 10 May.
  EXPECT_EQ(due.intake.day, CivilDay(2028, 5, 10));
}

TEST_F(DeadlineCalendarScenarioTest,
       KingsDayMovedToSaturdayLeavesTheMondayAWorkingDay) {
  // 27 April 2025 is a Sunday, so King's Day is Saturday 26 April.
  const ReferralDueDates due = DueFor("2025-04-25T12:00:00+02:00");
  // Mon 28 is an ordinary working day: Mon 28, Tue 29.
  EXPECT_EQ(due.contact_target.day, CivilDay(2025, 4, 29));
  // Wed 30, Thu 1 May, Fri 2 May.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2025, 5, 2));
  // 25 April + 14 = Friday 9 May.
  EXPECT_EQ(due.intake.day, CivilDay(2025, 5, 9));
}

TEST_F(DeadlineCalendarScenarioTest,
       IntakeEndingOnKingsDayMovedToSaturdayExtendsToMonday) {
  const ReferralDueDates due = DueFor("2025-04-12T10:00:00+02:00");
  // Saturday 12 April counts from Monday 14: Mon 14, Tue 15.
  EXPECT_EQ(due.contact_target.day, CivilDay(2025, 4, 15));
  // Wed 16, Thu 17, (Good Friday, weekend, Easter Monday), Tue 22.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2025, 4, 22));
  // 12 + 14 = Saturday 26 April (King's Day); no substitute Monday.
  EXPECT_EQ(due.intake.day, CivilDay(2025, 4, 28));
}

TEST_F(DeadlineCalendarScenarioTest, IntakeEndingOnKingsDayMondayExtends) {
  // Monday 13 April 2026 + 14 = King's Day, Monday 27 April.
  const ReferralDueDates due = DueFor("2026-04-13T09:00:00+02:00");
  // The next day, Tuesday 28 April.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 4, 28));
  EXPECT_EQ(due.intake.end, Instant("2026-04-28T22:00:00Z"));
}

// --- Ascension Day and Whit Monday ---------------------------------------

TEST_F(DeadlineCalendarScenarioTest, AscensionDayIsSkipped) {
  // Ascension Day 2026 is Thursday 14 May (Easter 5 April + 39).
  const ReferralDueDates due = DueFor("2026-05-13T12:00:00+02:00");
  // Thu 14 closed: Fri 15, Mon 18.
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 5, 18));
  // Tue 19, Wed 20, Thu 21.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 5, 21));
  // 13 May + 14 = Wednesday 27 May.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 5, 27));
}

TEST_F(DeadlineCalendarScenarioTest,
       BridgeDayAfterAscensionIsSkippedWhereTheOrganisationCloses) {
  WorkingDayCalendarOptions options;
  options.extra_closing_days = {CivilDay(2026, 5, 15)};
  const ReferralDueDates due =
      DueFor("2026-05-13T12:00:00+02:00", std::move(options));
  // Thu 14 and Fri 15 closed: Mon 18, Tue 19.
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 5, 19));
  // Wed 20, Thu 21, Fri 22.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 5, 22));
}

TEST_F(DeadlineCalendarScenarioTest,
       IntakeEndingOnAscensionDayExtendsPastTheBridgeDay) {
  WorkingDayCalendarOptions options;
  options.extra_closing_days = {CivilDay(2026, 5, 15)};
  // Thursday 30 April 2026 + 14 = Ascension Day, Thursday 14 May.
  EXPECT_EQ(DueFor("2026-04-30T12:00:00+02:00").intake.day,
            CivilDay(2026, 5, 15));  // the Friday after
  EXPECT_EQ(DueFor("2026-04-30T12:00:00+02:00", std::move(options)).intake.day,
            CivilDay(2026, 5, 18));  // bridge day closed too: the Monday
}

TEST_F(DeadlineCalendarScenarioTest, WhitMondayIsSkipped) {
  // Whit Monday 2027 is 17 May (Easter 28 March + 50).
  const ReferralDueDates due = DueFor("2027-05-14T12:00:00+02:00");
  // Friday 14: Mon 17 closed, so Tue 18, Wed 19.
  EXPECT_EQ(due.contact_target.day, CivilDay(2027, 5, 19));
  // Thu 20, Fri 21, Mon 24.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2027, 5, 24));
  // 14 May + 14 = Friday 28 May.
  EXPECT_EQ(due.intake.day, CivilDay(2027, 5, 28));
}

TEST_F(DeadlineCalendarScenarioTest,
       LiberationDayAndAscensionDayBackToBackThenIntakeOnWhitMonday) {
  // Monday 3 May 2027: Wed 5 May (not a lustrum year) and Thu 6 May
  // (Ascension Day) follow each other.
  const ReferralDueDates closed = DueFor("2027-05-03T12:00:00+02:00");
  // Tue 4, (Wed 5, Thu 6 closed), Fri 7.
  EXPECT_EQ(closed.contact_target.day, CivilDay(2027, 5, 7));
  // Mon 10, Tue 11, Wed 12.
  EXPECT_EQ(closed.contact_limit.day, CivilDay(2027, 5, 12));
  // 3 May + 14 = Whit Monday 17 May: Tuesday 18.
  EXPECT_EQ(closed.intake.day, CivilDay(2027, 5, 18));

  const ReferralDueDates lustrum_only =
      DueFor("2027-05-03T12:00:00+02:00",
             LiberationDay(LiberationDayPolicy::kClosedInLustrumYears));
  // 2027 is no lustrum year, so Wed 5 counts: Tue 4, Wed 5.
  EXPECT_EQ(lustrum_only.contact_target.day, CivilDay(2027, 5, 5));
  // (Thu 6 closed) Fri 7, Mon 10, Tue 11.
  EXPECT_EQ(lustrum_only.contact_limit.day, CivilDay(2027, 5, 11));
}

// --- Christmas and New Year ----------------------------------------------

TEST_F(DeadlineCalendarScenarioTest, ChristmasBoxingDayAndNewYearAreSkipped) {
  // Tuesday 23 December 2025; Christmas Thu 25, Boxing Day Fri 26, New Year's
  // Day Thu 1 January 2026.
  const ReferralDueDates due = DueFor("2025-12-23T16:00:00+01:00");
  // Wed 24, then Mon 29.
  EXPECT_EQ(due.contact_target.day, CivilDay(2025, 12, 29));
  EXPECT_EQ(due.contact_target.end, Instant("2025-12-29T23:00:00Z"));
  // Tue 30, Wed 31, (Thu 1 closed), Fri 2 January.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 1, 2));
  EXPECT_EQ(due.contact_limit.end, Instant("2026-01-02T23:00:00Z"));
  // 23 December + 14 = Tuesday 6 January.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 1, 6));
}

TEST_F(DeadlineCalendarScenarioTest, IntakeEndingOnBoxingDayExtendsToMonday) {
  // Friday 12 December 2025 + 14 = Boxing Day, Friday 26 December.
  const ReferralDueDates due = DueFor("2025-12-12T12:00:00+01:00");
  // Past the weekend to Monday 29 December.
  EXPECT_EQ(due.intake.day, CivilDay(2025, 12, 29));
  EXPECT_EQ(due.intake.end, Instant("2025-12-29T23:00:00Z"));
}

TEST_F(DeadlineCalendarScenarioTest, IntakeEndingOnNewYearsDayExtends) {
  // Thursday 18 December 2025 + 14 = New Year's Day, Thursday 1 January.
  const ReferralDueDates due = DueFor("2025-12-18T12:00:00+01:00");
  // Friday 2 January 2026.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 1, 2));
  EXPECT_EQ(due.intake.end, Instant("2026-01-02T23:00:00Z"));
}

// --- Liberation Day -------------------------------------------------------

TEST_F(DeadlineCalendarScenarioTest, LiberationDayInALustrumYear) {
  // Friday 2 May 2025; 5 May 2025 is a Monday and 2025 a lustrum year.
  const ReferralDueDates lustrum_only =
      DueFor("2025-05-02T12:00:00+02:00",
             LiberationDay(LiberationDayPolicy::kClosedInLustrumYears));
  // Mon 5 closed: Tue 6, Wed 7.
  EXPECT_EQ(lustrum_only.contact_target.day, CivilDay(2025, 5, 7));
  // Thu 8, Fri 9, Mon 12.
  EXPECT_EQ(lustrum_only.contact_limit.day, CivilDay(2025, 5, 12));

  const ReferralDueDates open = DueFor(
      "2025-05-02T12:00:00+02:00", LiberationDay(LiberationDayPolicy::kOpen));
  // Mon 5 counts: Mon 5, Tue 6.
  EXPECT_EQ(open.contact_target.day, CivilDay(2025, 5, 6));
  // Wed 7, Thu 8, Fri 9.
  EXPECT_EQ(open.contact_limit.day, CivilDay(2025, 5, 9));
}

TEST_F(DeadlineCalendarScenarioTest, LiberationDayOutsideALustrumYear) {
  // Monday 4 May 2026; 5 May 2026 is a Tuesday, 2026 no lustrum year.
  const ReferralDueDates lustrum_only =
      DueFor("2026-05-04T12:00:00+02:00",
             LiberationDay(LiberationDayPolicy::kClosedInLustrumYears));
  // Tue 5 counts: Tue 5, Wed 6.
  EXPECT_EQ(lustrum_only.contact_target.day, CivilDay(2026, 5, 6));
  // Thu 7, Fri 8, Mon 11.
  EXPECT_EQ(lustrum_only.contact_limit.day, CivilDay(2026, 5, 11));

  const ReferralDueDates closed = DueFor("2026-05-04T12:00:00+02:00");
  // Statutory: Tue 5 closed, so Wed 6, Thu 7.
  EXPECT_EQ(closed.contact_target.day, CivilDay(2026, 5, 7));
  // Fri 8, Mon 11, Tue 12.
  EXPECT_EQ(closed.contact_limit.day, CivilDay(2026, 5, 12));
}

TEST_F(DeadlineCalendarScenarioTest,
       AscensionDayOnFifthOfMayIsClosedEvenWhereLiberationDayIsWorked) {
  // Easter 2016 was 27 March, so Ascension Day was Thursday 5 May.
  const ReferralDueDates due = DueFor(
      "2016-05-04T12:00:00+02:00", LiberationDay(LiberationDayPolicy::kOpen));
  // Thu 5 closed: Fri 6, Mon 9.
  EXPECT_EQ(due.contact_target.day, CivilDay(2016, 5, 9));
  // Tue 10, Wed 11, Thu 12.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2016, 5, 12));
  // 4 May + 14 = Wednesday 18 May.
  EXPECT_EQ(due.intake.day, CivilDay(2016, 5, 18));
}

// --- Daylight saving time ---------------------------------------------------
// 2026 switches on Sunday 29 March (CET to CEST) and Sunday 25 October
// (CEST to CET). A due day ends at local midnight: 22:00 UTC in summer time,
// 23:00 UTC in winter time.

TEST_F(DeadlineCalendarScenarioTest,
       SaturdayReferralAt2330BeforeTheSpringSwitch) {
  // 23:30 CET on Saturday 28 March is 22:30 UTC; it counts from Monday 30.
  const ReferralDueDates due = DueFor("2026-03-28T23:30:00+01:00");
  // Mon 30, Tue 31; the day ends at midnight CEST.
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 3, 31));
  EXPECT_EQ(due.contact_target.end, Instant("2026-03-31T22:00:00Z"));
  // Wed 1, Thu 2, (Good Friday 3, weekend, Easter Monday 6), Tue 7 April.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 4, 7));
  EXPECT_EQ(due.contact_limit.end, Instant("2026-04-07T22:00:00Z"));
  // 28 March + 14 = Saturday 11 April: Monday 13 April.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 4, 13));
  EXPECT_EQ(due.intake.end, Instant("2026-04-13T22:00:00Z"));
}

TEST_F(DeadlineCalendarScenarioTest,
       SaturdayReferralAt2330BeforeTheAutumnSwitch) {
  // 23:30 CEST on Saturday 24 October is 21:30 UTC; it counts from Monday 26.
  const ReferralDueDates due = DueFor("2026-10-24T23:30:00+02:00");
  // Mon 26, Tue 27; the day ends at midnight CET.
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 10, 27));
  EXPECT_EQ(due.contact_target.end, Instant("2026-10-27T23:00:00Z"));
  // Wed 28, Thu 29, Fri 30.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 10, 30));
  EXPECT_EQ(due.contact_limit.end, Instant("2026-10-30T23:00:00Z"));
  // 24 October + 14 = Saturday 7 November: Monday 9 November.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 11, 9));
  EXPECT_EQ(due.intake.end, Instant("2026-11-09T23:00:00Z"));
}

TEST_F(DeadlineCalendarScenarioTest,
       LateSundayAndEarlyMondayAroundTheSpringSwitchCountDifferently) {
  // 23:30 CEST on the switch Sunday 29 March is 21:30 UTC: still Sunday.
  const ReferralDueDates sunday = DueFor("2026-03-29T23:30:00+02:00");
  // Mon 30, Tue 31.
  EXPECT_EQ(sunday.contact_target.day, CivilDay(2026, 3, 31));
  // Wed 1, Thu 2, (Easter closed), Tue 7.
  EXPECT_EQ(sunday.contact_limit.day, CivilDay(2026, 4, 7));
  // 29 March + 14 = Sunday 12 April: Monday 13.
  EXPECT_EQ(sunday.intake.day, CivilDay(2026, 4, 13));

  // 00:30 CEST on Monday 30 March is 22:30 UTC on Sunday, but local Monday.
  const ReferralDueDates monday = DueFor("2026-03-30T00:30:00+02:00");
  // Tue 31, Wed 1.
  EXPECT_EQ(monday.contact_target.day, CivilDay(2026, 4, 1));
  EXPECT_EQ(monday.contact_target.end, Instant("2026-04-01T22:00:00Z"));
  // Thu 2, (Easter closed), Tue 7, Wed 8.
  EXPECT_EQ(monday.contact_limit.day, CivilDay(2026, 4, 8));
  // 30 March + 14 = Monday 13 April.
  EXPECT_EQ(monday.intake.day, CivilDay(2026, 4, 13));
}

TEST_F(DeadlineCalendarScenarioTest,
       LateSundayAndEarlyMondayAroundTheAutumnSwitchCountDifferently) {
  // 23:30 CET on the switch Sunday 25 October is 22:30 UTC: still Sunday.
  const ReferralDueDates sunday = DueFor("2026-10-25T23:30:00+01:00");
  // Mon 26, Tue 27.
  EXPECT_EQ(sunday.contact_target.day, CivilDay(2026, 10, 27));
  // Wed 28, Thu 29, Fri 30.
  EXPECT_EQ(sunday.contact_limit.day, CivilDay(2026, 10, 30));
  // 25 October + 14 = Sunday 8 November: Monday 9.
  EXPECT_EQ(sunday.intake.day, CivilDay(2026, 11, 9));

  // 00:30 CET on Monday 26 October is 23:30 UTC on Sunday, but local Monday.
  const ReferralDueDates monday = DueFor("2026-10-26T00:30:00+01:00");
  // Tue 27, Wed 28.
  EXPECT_EQ(monday.contact_target.day, CivilDay(2026, 10, 28));
  EXPECT_EQ(monday.contact_target.end, Instant("2026-10-28T23:00:00Z"));
  // Thu 29, Fri 30, Mon 2 November.
  EXPECT_EQ(monday.contact_limit.day, CivilDay(2026, 11, 2));
  // 26 October + 14 = Monday 9 November.
  EXPECT_EQ(monday.intake.day, CivilDay(2026, 11, 9));
}

TEST_F(DeadlineCalendarScenarioTest,
       FridayReferralAt1655BeforeTheSpringSwitchCountsFromMonday) {
  const ReferralDueDates due = DueFor("2026-03-27T16:55:00+01:00");
  // Mon 30, Tue 31; ends at midnight CEST although referred in CET.
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 3, 31));
  EXPECT_EQ(due.contact_target.end, Instant("2026-03-31T22:00:00Z"));
  // Wed 1, Thu 2, (Easter closed), Tue 7.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 4, 7));
  // 27 March + 14 = Friday 10 April.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 4, 10));
  EXPECT_EQ(due.intake.end, Instant("2026-04-10T22:00:00Z"));
}

TEST_F(DeadlineCalendarScenarioTest,
       FridayReferralAt1655BeforeTheAutumnSwitchCountsFromMonday) {
  const ReferralDueDates due = DueFor("2026-10-23T16:55:00+02:00");
  // Mon 26, Tue 27; ends at midnight CET although referred in CEST.
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 10, 27));
  EXPECT_EQ(due.contact_target.end, Instant("2026-10-27T23:00:00Z"));
  // Wed 28, Thu 29, Fri 30.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 10, 30));
  EXPECT_EQ(due.contact_limit.end, Instant("2026-10-30T23:00:00Z"));
  // 23 October + 14 = Friday 6 November.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 11, 6));
  EXPECT_EQ(due.intake.end, Instant("2026-11-06T23:00:00Z"));
}

}  // namespace
}  // namespace wor::server
