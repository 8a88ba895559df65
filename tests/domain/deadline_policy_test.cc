#include "server/domain/deadline_policy.h"

#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
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

class DeadlinePolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
    ASSERT_TRUE(zone.ok()) << zone.status();
    zone_ = *zone;
  }

  DeadlinePolicy Policy(DeadlinePolicyOptions options = {}) const {
    return DeadlinePolicy(&calendar_, zone_, options);
  }

  const WorkingDayCalendar calendar_{WorkingDayCalendarOptions{}};
  absl::TimeZone zone_;
};

TEST(LoadDutchTimeZoneTest, LoadsEuropeAmsterdam) {
  absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
  ASSERT_TRUE(zone.ok()) << zone.status();
  EXPECT_EQ(zone->name(), "Europe/Amsterdam");
}

TEST_F(DeadlinePolicyTest, DefaultOptionsAreTheNationalTerms) {
  const DeadlinePolicy policy = Policy();
  EXPECT_EQ(policy.options().contact_target_working_days, 2);
  EXPECT_EQ(policy.options().contact_limit_working_days, 5);
  EXPECT_EQ(policy.options().intake_calendar_days, 14);
}

TEST_F(DeadlinePolicyTest, ReferralBeforeKingsDayMatchesTheWorkedExample) {
  // DOMAIN.md: Thursday 23 April 2026; Monday 27 April (King's Day) is
  // skipped, so five working days end on Friday 1 May.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-04-23T10:00:00+02:00"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 4, 28));
  EXPECT_EQ(due.contact_target.end, Instant("2026-04-28T22:00:00Z"));
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 5, 1));
  EXPECT_EQ(due.contact_limit.end, Instant("2026-05-01T22:00:00Z"));
  EXPECT_EQ(due.intake.day, CivilDay(2026, 5, 7));
  EXPECT_EQ(due.intake.end, Instant("2026-05-07T22:00:00Z"));
}

TEST_F(DeadlinePolicyTest, FridayAfternoonReferralCountsFromMonday) {
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-06-12T16:55:00+02:00"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 6, 16));  // Tuesday
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 6, 19));   // Friday
  EXPECT_EQ(due.intake.day, CivilDay(2026, 6, 26));          // Friday
}

TEST_F(DeadlinePolicyTest, TimeOfDayOnTheReferralDayDoesNotMatter) {
  const DeadlinePolicy policy = Policy();
  const ReferralDueDates morning =
      policy.ForReferralAt(Instant("2026-06-12T08:00:00+02:00"));
  const ReferralDueDates evening =
      policy.ForReferralAt(Instant("2026-06-12T23:59:59+02:00"));
  EXPECT_EQ(morning.contact_target.day, evening.contact_target.day);
  EXPECT_EQ(morning.contact_limit.day, evening.contact_limit.day);
  EXPECT_EQ(morning.intake.day, evening.intake.day);
}

TEST_F(DeadlinePolicyTest, SaturdayReferralCountsFromMonday) {
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-06-13T10:00:00+02:00"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 6, 16));  // Tuesday
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 6, 19));   // Friday
  // Fourteen days later is Saturday 27 June, so the intake extends.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 6, 29));
}

TEST_F(DeadlinePolicyTest, IntakeEndingOnEasterMondayExtendsToTuesday) {
  // Monday 23 March 2026 + 14 = Easter Monday 6 April.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-03-23T11:00:00+01:00"));
  EXPECT_EQ(due.intake.day, CivilDay(2026, 4, 7));
  EXPECT_EQ(due.intake.end, Instant("2026-04-07T22:00:00Z"));
}

TEST_F(DeadlinePolicyTest, IntakeEndingOnGoodFridayFollowsTheOrganisation) {
  // Friday 20 March 2026 + 14 = Good Friday 3 April.
  const absl::Time referral = Instant("2026-03-20T11:00:00+01:00");
  EXPECT_EQ(Policy().ForReferralAt(referral).intake.day, CivilDay(2026, 4, 7));

  WorkingDayCalendarOptions options;
  options.good_friday_closed = false;
  const WorkingDayCalendar open_on_good_friday(std::move(options));
  const DeadlinePolicy policy(&open_on_good_friday, zone_, {});
  EXPECT_EQ(policy.ForReferralAt(referral).intake.day, CivilDay(2026, 4, 3));
}

TEST_F(DeadlinePolicyTest, IntakeEndingOnChristmasDayExtendsPastBoxingDay) {
  // Friday 11 December 2026 + 14 = Friday 25 December; Boxing Day is Saturday.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-12-11T09:30:00+01:00"));
  EXPECT_EQ(due.intake.day, CivilDay(2026, 12, 28));
  EXPECT_EQ(due.intake.end, Instant("2026-12-28T23:00:00Z"));
}

TEST_F(DeadlinePolicyTest, IntakeEndingOnLiberationDayFollowsTheOrganisation) {
  // Tuesday 21 April 2026 + 14 = Tuesday 5 May, not a lustrum year.
  const absl::Time referral = Instant("2026-04-21T11:00:00+02:00");
  EXPECT_EQ(Policy().ForReferralAt(referral).intake.day, CivilDay(2026, 5, 6));

  WorkingDayCalendarOptions options;
  options.liberation_day = LiberationDayPolicy::kClosedInLustrumYears;
  const WorkingDayCalendar lustrum_only(std::move(options));
  const DeadlinePolicy policy(&lustrum_only, zone_, {});
  EXPECT_EQ(policy.ForReferralAt(referral).intake.day, CivilDay(2026, 5, 5));
}

TEST_F(DeadlinePolicyTest, RegionalTermsReplaceTheNationalOnes) {
  const DeadlinePolicy policy = Policy({.contact_target_working_days = 1,
                                        .contact_limit_working_days = 3,
                                        .intake_calendar_days = 10});
  const ReferralDueDates due =
      policy.ForReferralAt(Instant("2026-04-23T10:00:00+02:00"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 4, 24));
  EXPECT_EQ(due.contact_limit.day,
            CivilDay(2026, 4, 29));                 // King's Day skipped
  EXPECT_EQ(due.intake.day, CivilDay(2026, 5, 4));  // Sunday 3 May extends
}

TEST_F(DeadlinePolicyTest, LocalDayFollowsAmsterdamAroundTheSpringSwitch) {
  const DeadlinePolicy policy = Policy();
  // Still CET (UTC+1) around midnight before the 02:00 switch.
  EXPECT_EQ(policy.LocalDay(Instant("2026-03-28T22:30:00Z")),
            CivilDay(2026, 3, 28));
  EXPECT_EQ(policy.LocalDay(Instant("2026-03-28T23:30:00Z")),
            CivilDay(2026, 3, 29));
  // CEST (UTC+2) at the next midnight.
  EXPECT_EQ(policy.LocalDay(Instant("2026-03-29T21:30:00Z")),
            CivilDay(2026, 3, 29));
  EXPECT_EQ(policy.LocalDay(Instant("2026-03-29T22:30:00Z")),
            CivilDay(2026, 3, 30));
}

TEST_F(DeadlinePolicyTest, LocalDayFollowsAmsterdamAroundTheAutumnSwitch) {
  const DeadlinePolicy policy = Policy();
  // Still CEST (UTC+2) around midnight before the 03:00 switch.
  EXPECT_EQ(policy.LocalDay(Instant("2026-10-24T21:30:00Z")),
            CivilDay(2026, 10, 24));
  EXPECT_EQ(policy.LocalDay(Instant("2026-10-24T22:30:00Z")),
            CivilDay(2026, 10, 25));
  // CET (UTC+1) at the next midnight.
  EXPECT_EQ(policy.LocalDay(Instant("2026-10-25T22:30:00Z")),
            CivilDay(2026, 10, 25));
  EXPECT_EQ(policy.LocalDay(Instant("2026-10-25T23:30:00Z")),
            CivilDay(2026, 10, 26));
}

TEST_F(DeadlinePolicyTest, ReferralJustAfterLocalMidnightOnSpringSwitchDay) {
  // Local Sunday 29 March 2026 00:30 CET: counts from Monday 30 March, and
  // Good Friday and Easter Monday fall inside the five working days.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-03-28T23:30:00Z"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 3, 31));
  EXPECT_EQ(due.contact_target.end, Instant("2026-03-31T22:00:00Z"));
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 4, 7));
  // Sunday 12 April extends to Monday 13 April.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 4, 13));
}

TEST_F(DeadlinePolicyTest, ReferralOnUtcSundayThatIsLocalMondayCountsMonday) {
  // 22:30 UTC on Sunday 29 March 2026 is already Monday 00:30 CEST, so the
  // count starts on Tuesday, not on Monday as it would in UTC or in CET.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-03-29T22:30:00Z"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 4, 1));
  EXPECT_EQ(due.contact_target.end, Instant("2026-04-01T22:00:00Z"));
  // Tue 31, Wed 1, Thu 2, (Good Friday, weekend, Easter Monday), Tue 7, Wed 8.
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 4, 8));
  EXPECT_EQ(due.intake.day, CivilDay(2026, 4, 13));
}

TEST_F(DeadlinePolicyTest, ReferralJustAfterLocalMidnightOnAutumnSwitchDay) {
  // Local Sunday 25 October 2026 00:30 CEST.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-10-24T22:30:00Z"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 10, 27));
  EXPECT_EQ(due.contact_target.end, Instant("2026-10-27T23:00:00Z"));
  EXPECT_EQ(due.contact_limit.day, CivilDay(2026, 10, 30));
  // Sunday 8 November extends to Monday 9 November.
  EXPECT_EQ(due.intake.day, CivilDay(2026, 11, 9));
}

TEST_F(DeadlinePolicyTest, ReferralOnUtcSundayThatIsLocalMondayInWinterTime) {
  // 23:30 UTC on Sunday 25 October 2026 is Monday 00:30 CET.
  const ReferralDueDates due =
      Policy().ForReferralAt(Instant("2026-10-25T23:30:00Z"));
  EXPECT_EQ(due.contact_target.day, CivilDay(2026, 10, 28));
  EXPECT_EQ(due.contact_target.end, Instant("2026-10-28T23:00:00Z"));
}

TEST_F(DeadlinePolicyTest, EndOfDayIsLocalMidnightInWinterAndSummerTime) {
  const DeadlinePolicy policy = Policy();
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 1, 12)).end,
            Instant("2026-01-12T23:00:00Z"));
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 6, 15)).end,
            Instant("2026-06-15T22:00:00Z"));
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 6, 15)).day, CivilDay(2026, 6, 15));
}

TEST_F(DeadlinePolicyTest, EndOfDayIsCorrectOnAndAroundTheSwitchDays) {
  const DeadlinePolicy policy = Policy();
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 3, 28)).end,
            Instant("2026-03-28T23:00:00Z"));
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 3, 29)).end,
            Instant("2026-03-29T22:00:00Z"));
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 10, 24)).end,
            Instant("2026-10-24T22:00:00Z"));
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 10, 25)).end,
            Instant("2026-10-25T23:00:00Z"));
}

TEST_F(DeadlinePolicyTest, SwitchDaysLastTwentyThreeAndTwentyFiveHours) {
  const DeadlinePolicy policy = Policy();
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 3, 29)).end -
                policy.EndOfDay(CivilDay(2026, 3, 28)).end,
            absl::Hours(23));
  EXPECT_EQ(policy.EndOfDay(CivilDay(2026, 10, 25)).end -
                policy.EndOfDay(CivilDay(2026, 10, 24)).end,
            absl::Hours(25));
}

// Expectations worked out by hand from the statutory calendar (Good Friday and
// Liberation Day closed), not by the code under test.
struct ReferralCase {
  const char* referral;
  CivilDay contact_limit;
  CivilDay intake;
};

TEST_F(DeadlinePolicyTest, ContactLimitAndIntakeMatchHandWorkedDates) {
  const ReferralCase kCases[] = {
      // Monday; no holidays.
      {"2024-01-08T12:00:00+01:00", CivilDay(2024, 1, 15),
       CivilDay(2024, 1, 22)},
      // Thursday before Easter: Good Friday 29 Mar and Easter Monday 1 Apr
      // skipped.
      {"2024-03-28T12:00:00+01:00", CivilDay(2024, 4, 8),
       CivilDay(2024, 4, 11)},
      // Wednesday: Christmas and Boxing Day (Wed, Thu) skipped; the intake
      // lands on New Year's Day and moves to Thursday 2 January.
      {"2024-12-18T12:00:00+01:00", CivilDay(2024, 12, 27),
       CivilDay(2025, 1, 2)},
      // Sunday: counts from Monday 23 Dec; the intake lands on Sunday 5 Jan.
      {"2024-12-22T12:00:00+01:00", CivilDay(2024, 12, 31),
       CivilDay(2025, 1, 6)},
      // Friday: the intake lands on Good Friday 18 Apr; weekend and Easter
      // Monday follow.
      {"2025-04-04T12:00:00+02:00", CivilDay(2025, 4, 11),
       CivilDay(2025, 4, 22)},
      // Tuesday: King's Day is Saturday 26 Apr and costs no working day.
      {"2025-04-22T12:00:00+02:00", CivilDay(2025, 4, 29),
       CivilDay(2025, 5, 6)},
      // Monday: Ascension Day Thu 29 May skipped; the intake lands on Whit
      // Monday 9 Jun.
      {"2025-05-26T12:00:00+02:00", CivilDay(2025, 6, 3),
       CivilDay(2025, 6, 10)},
      // Thursday: King's Day Monday 27 Apr skipped (the DOMAIN.md example).
      {"2026-04-23T12:00:00+02:00", CivilDay(2026, 5, 1), CivilDay(2026, 5, 7)},
      // Monday: Liberation Day Tue 5 May skipped.
      {"2026-05-04T12:00:00+02:00", CivilDay(2026, 5, 12),
       CivilDay(2026, 5, 18)},
      // Monday: Ascension Day Thu 14 May skipped; the intake lands on Whit
      // Monday 25 May.
      {"2026-05-11T12:00:00+02:00", CivilDay(2026, 5, 19),
       CivilDay(2026, 5, 26)},
      // Friday: the intake lands on Christmas Day (Fri); Boxing Day is Sat.
      {"2026-12-11T12:00:00+01:00", CivilDay(2026, 12, 18),
       CivilDay(2026, 12, 28)},
      // Saturday: Good Friday 26 Mar and Easter Monday 29 Mar skipped; the
      // intake lands on Saturday 3 Apr.
      {"2027-03-20T12:00:00+01:00", CivilDay(2027, 3, 30),
       CivilDay(2027, 4, 5)},
      // Thursday: Christmas and Boxing Day fall on the weekend.
      {"2027-12-23T12:00:00+01:00", CivilDay(2027, 12, 30),
       CivilDay(2028, 1, 6)},
      // Monday: King's Day Thursday 27 Apr skipped.
      {"2028-04-24T12:00:00+02:00", CivilDay(2028, 5, 2), CivilDay(2028, 5, 8)},
      // Monday: the intake lands on Easter Monday 2 Apr.
      {"2029-03-19T12:00:00+01:00", CivilDay(2029, 3, 26),
       CivilDay(2029, 4, 3)},
      // Monday: Ascension Day Thu 30 May skipped; the intake lands on Whit
      // Monday 10 Jun.
      {"2030-05-27T12:00:00+02:00", CivilDay(2030, 6, 4),
       CivilDay(2030, 6, 11)},
      // Wednesday: Ascension Day Thu 30 May skipped.
      {"2030-05-29T12:00:00+02:00", CivilDay(2030, 6, 6),
       CivilDay(2030, 6, 12)},
  };
  const DeadlinePolicy policy = Policy();
  for (const ReferralCase& c : kCases) {
    SCOPED_TRACE(c.referral);
    const ReferralDueDates due = policy.ForReferralAt(Instant(c.referral));
    EXPECT_EQ(due.contact_limit.day, c.contact_limit);
    EXPECT_EQ(due.intake.day, c.intake);
  }
}

}  // namespace
}  // namespace wor::server
