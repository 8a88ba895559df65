// Intake slot proposals: earliest first, on the quarter-hour grid, around
// booked intakes, on working days only, across daylight saving time, and
// marked by whether they meet the intake deadline.
#include "server/domain/intake_slot_finder.h"

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

using ::testing::IsEmpty;
using ::testing::SizeIs;

absl::Time Utc(const char* rfc3339) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &error)) abort();
  return t;
}

// Every working day 09:00-12:00 local.
wor::v1::CoachAvailability Mornings() {
  wor::v1::CoachAvailability a;
  for (int day = wor::v1::WEEKDAY_MONDAY; day <= wor::v1::WEEKDAY_FRIDAY;
       ++day) {
    wor::v1::WeeklyHours* hours = a.add_weekly_hours();
    hours->set_weekday(static_cast<wor::v1::Weekday>(day));
    hours->mutable_hours()->set_start_minute(9 * 60);
    hours->mutable_hours()->set_end_minute(12 * 60);
  }
  return a;
}

std::vector<absl::Time> Starts(const std::vector<ProposedSlot>& slots) {
  std::vector<absl::Time> starts;
  for (const ProposedSlot& slot : slots) starts.push_back(slot.start);
  return starts;
}

class IntakeSlotFinderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
    ASSERT_TRUE(zone.ok()) << zone.status();
    zone_ = *zone;
  }

  std::vector<ProposedSlot> Find(const wor::v1::CoachAvailability& a,
                                 const std::vector<TimeInterval>& booked,
                                 const SlotQuery& query) {
    return FindFreeSlots(a, booked, calendar_, zone_, query);
  }

  absl::TimeZone zone_;
  WorkingDayCalendar calendar_{WorkingDayCalendarOptions{}};
};

TEST_F(IntakeSlotFinderTest, ProposesTheEarliestNonOverlappingSlotsOnTheGrid) {
  SlotQuery query;
  // Tuesday 12 May 2026, 09:07 local: the first slot starts at 09:15.
  query.earliest = Utc("2026-05-12T07:07:00Z");
  query.max_slots = 3;
  std::vector<ProposedSlot> slots = Find(Mornings(), {}, query);
  EXPECT_THAT(Starts(slots),
              ::testing::ElementsAre(Utc("2026-05-12T07:15:00Z"),
                                     Utc("2026-05-12T08:15:00Z"),
                                     Utc("2026-05-13T07:00:00Z")));
  for (const ProposedSlot& slot : slots) {
    EXPECT_EQ(slot.end - slot.start, absl::Minutes(60));
    EXPECT_TRUE(slot.meets_deadline);  // no deadline running
  }
}

TEST_F(IntakeSlotFinderTest, BookedIntakesAreSteppedAround) {
  SlotQuery query;
  query.earliest = Utc("2026-05-12T06:00:00Z");  // Tuesday 08:00 local
  query.max_slots = 2;
  query.duration = absl::Minutes(45);
  // Booked 09:30-10:30 local: 09:00-09:30 is too short for 45 minutes.
  const std::vector<TimeInterval> booked = {
      {Utc("2026-05-12T07:30:00Z"), Utc("2026-05-12T08:30:00Z")}};
  EXPECT_THAT(Starts(Find(Mornings(), booked, query)),
              ::testing::ElementsAre(Utc("2026-05-12T08:30:00Z"),
                                     Utc("2026-05-12T09:15:00Z")));
}

TEST_F(IntakeSlotFinderTest, HolidaysAndLeaveAreSkipped) {
  wor::v1::CoachAvailability a = Mornings();
  wor::v1::LeavePeriod* leave = a.add_leave();
  *leave->mutable_first_day() = ToLocalDate(absl::CivilDay(2026, 4, 28));
  *leave->mutable_last_day() = ToLocalDate(absl::CivilDay(2026, 4, 30));
  SlotQuery query;
  query.earliest = Utc("2026-04-24T12:00:00Z");  // Friday 14:00 local
  query.max_slots = 1;
  // Monday 27 April is King's Day; Tuesday to Thursday leave; Friday 1 May.
  EXPECT_THAT(Starts(Find(a, {}, query)),
              ::testing::ElementsAre(Utc("2026-05-01T07:00:00Z")));
}

TEST_F(IntakeSlotFinderTest, AFullCoachGetsSlotsAfterTheDeadlineMarkedLate) {
  SlotQuery query;
  query.earliest = Utc("2026-04-23T08:00:00Z");  // Thursday 10:00 local
  query.due_time = Utc("2026-05-07T22:00:00Z");  // end of Thursday 7 May
  query.max_slots = 3;
  query.duration = absl::Minutes(180);
  // Every morning up to and including 7 May is booked.
  std::vector<TimeInterval> booked;
  for (absl::CivilDay day(2026, 4, 23); day <= absl::CivilDay(2026, 5, 7);
       ++day) {
    const absl::Time nine = zone_.At(absl::CivilMinute(day) + 9 * 60).pre;
    booked.push_back({nine, nine + absl::Hours(3)});
  }
  std::vector<ProposedSlot> slots = Find(Mornings(), booked, query);
  ASSERT_THAT(slots, SizeIs(3));
  EXPECT_EQ(slots[0].start, Utc("2026-05-08T07:00:00Z"));
  for (const ProposedSlot& slot : slots) EXPECT_FALSE(slot.meets_deadline);

  // With one free morning before the deadline, that one comes first.
  booked.erase(booked.begin() + 13);  // Wednesday 6 May
  slots = Find(Mornings(), booked, query);
  ASSERT_THAT(slots, SizeIs(3));
  EXPECT_EQ(slots[0].start, Utc("2026-05-06T07:00:00Z"));
  EXPECT_TRUE(slots[0].meets_deadline);
  EXPECT_FALSE(slots[1].meets_deadline);
}

TEST_F(IntakeSlotFinderTest, ASlotStartingBeforeTheDueTimeMeetsTheDeadline) {
  wor::v1::CoachAvailability late_evening;
  wor::v1::WeeklyHours* hours = late_evening.add_weekly_hours();
  hours->set_weekday(wor::v1::WEEKDAY_THURSDAY);
  hours->mutable_hours()->set_start_minute(23 * 60);
  hours->mutable_hours()->set_end_minute(24 * 60);
  SlotQuery query;
  query.earliest = Utc("2026-05-07T08:00:00Z");
  // A due time at 23:30 local (made up, to test the boundary).
  query.due_time = Utc("2026-05-07T21:30:00Z");
  query.duration = absl::Minutes(30);
  query.max_slots = 2;
  std::vector<ProposedSlot> slots = Find(late_evening, {}, query);
  ASSERT_THAT(slots, SizeIs(2));
  EXPECT_EQ(slots[0].start, Utc("2026-05-07T21:00:00Z"));
  EXPECT_TRUE(slots[0].meets_deadline);
  // Starting at the due time is late.
  EXPECT_EQ(slots[1].start, Utc("2026-05-07T21:30:00Z"));
  EXPECT_FALSE(slots[1].meets_deadline);
}

TEST_F(IntakeSlotFinderTest, SlotsAcrossTheSpringSwitchUseTheNewOffset) {
  // Summer time starts Sunday 29 March 2026 (never a working day): Friday's
  // 11:00 is 10:00 UTC, Monday's 09:00 is 07:00 UTC.
  SlotQuery query;
  query.earliest = Utc("2026-03-27T10:00:00Z");
  query.max_slots = 2;
  std::vector<ProposedSlot> slots = Find(Mornings(), {}, query);
  EXPECT_THAT(Starts(slots),
              ::testing::ElementsAre(Utc("2026-03-27T10:00:00Z"),
                                     Utc("2026-03-30T07:00:00Z")));
  EXPECT_EQ(slots[1].end, Utc("2026-03-30T08:00:00Z"));
}

TEST_F(IntakeSlotFinderTest, SlotsAcrossTheAutumnSwitchUseTheNewOffset) {
  // Summer time ends Sunday 25 October 2026: Friday 11:00 is 09:00 UTC,
  // Monday 09:00 is 08:00 UTC.
  SlotQuery query;
  query.earliest = Utc("2026-10-23T09:00:00Z");
  query.max_slots = 2;
  EXPECT_THAT(Starts(Find(Mornings(), {}, query)),
              ::testing::ElementsAre(Utc("2026-10-23T09:00:00Z"),
                                     Utc("2026-10-26T08:00:00Z")));
}

TEST_F(IntakeSlotFinderTest, AnExceptionOnAWorkingDayAfterASwitchIsLocal) {
  wor::v1::CoachAvailability a;
  wor::v1::AvailabilityException* monday = a.add_exceptions();
  *monday->mutable_date() = ToLocalDate(absl::CivilDay(2026, 10, 26));
  monday->add_hours()->set_start_minute(8 * 60);
  monday->mutable_hours(0)->set_end_minute(9 * 60);
  SlotQuery query;
  query.earliest = Utc("2026-10-23T00:00:00Z");
  EXPECT_THAT(Starts(Find(a, {}, query)),
              ::testing::ElementsAre(Utc("2026-10-26T07:00:00Z")));
}

TEST_F(IntakeSlotFinderTest, TheSearchStopsAtTheHorizon) {
  wor::v1::CoachAvailability a;
  wor::v1::AvailabilityException* far = a.add_exceptions();
  *far->mutable_date() = ToLocalDate(absl::CivilDay(2026, 8, 3));
  far->add_hours()->set_start_minute(9 * 60);
  far->mutable_hours(0)->set_end_minute(10 * 60);
  SlotQuery query;
  query.earliest = Utc("2026-05-12T07:00:00Z");  // 12 weeks before
  EXPECT_THAT(Find(a, {}, query), IsEmpty());
  query.horizon = absl::Hours(24 * 7 * 13);
  EXPECT_THAT(Find(a, {}, query), SizeIs(1));
}

TEST_F(IntakeSlotFinderTest, NoAvailabilityMeansNoSlots) {
  SlotQuery query;
  query.earliest = Utc("2026-05-12T07:00:00Z");
  EXPECT_THAT(Find(wor::v1::CoachAvailability(), {}, query), IsEmpty());
}

}  // namespace
}  // namespace wor::server
