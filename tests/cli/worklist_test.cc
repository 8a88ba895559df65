// The worklist's order and next deadline (client-sdk/cli/worklist.h),
// without a server: overdue first (longest overdue on top), then by the
// nearest running deadline, then referrals without a running one; working
// days counted with the statutory holidays.
#include "client-sdk/cli/worklist.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/time_conversion.h"
#include "tests/common/fake_clock.h"

namespace wor::client {
namespace {

using ::testing::ElementsAre;
using wor::server::TestInstant;

// A deadline due on `day` (YYYY, MM, DD), i.e. before the next midnight in
// Amsterdam (CEST: 22:00 UTC).
wor::v1::Deadline Due(int year, int month, int day,
                      wor::v1::DeadlineStatus status) {
  wor::v1::Deadline deadline;
  deadline.mutable_due_date()->set_year(year);
  deadline.mutable_due_date()->set_month(month);
  deadline.mutable_due_date()->set_day(day);
  const absl::Time due = absl::FromCivil(absl::CivilDay(year, month, day + 1),
                                         absl::FixedTimeZone(2 * 3600));
  *deadline.mutable_due_time() = wor::server::ToTimestamp(due);
  deadline.set_status(status);
  return deadline;
}

wor::v1::Referral Named(const std::string& name) {
  wor::v1::Referral referral;
  referral.set_name(name);
  referral.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
  return referral;
}

std::vector<std::string> Order(const std::vector<WorklistEntry>& entries) {
  std::vector<std::string> names;
  for (const WorklistEntry& entry : entries) {
    names.push_back(entry.referral.name());
  }
  return names;
}

// Thursday 30 April 2026, 10:00 in Amsterdam.
const absl::Time kNow = TestInstant("2026-04-30T08:00:00Z");

TEST(Worklist, OverdueComesFirstThenTheNearestDeadlineThenNone) {
  wor::v1::Referral soon = Named("referrals/soon");
  *soon.mutable_deadlines()->mutable_intake() =
      Due(2026, 5, 1, wor::v1::DEADLINE_STATUS_PENDING);
  wor::v1::Referral later = Named("referrals/later");
  *later.mutable_deadlines()->mutable_intake() =
      Due(2026, 5, 13, wor::v1::DEADLINE_STATUS_PENDING);
  wor::v1::Referral overdue = Named("referrals/overdue");
  *overdue.mutable_deadlines()->mutable_first_contact_limit() =
      Due(2026, 4, 29, wor::v1::DEADLINE_STATUS_BREACHED);
  wor::v1::Referral longest = Named("referrals/longest-overdue");
  *longest.mutable_deadlines()->mutable_first_contact_target() =
      Due(2026, 4, 24, wor::v1::DEADLINE_STATUS_BREACHED);
  wor::v1::Referral paused = Named("referrals/paused");
  paused.set_state(wor::v1::REFERRAL_STATE_ON_HOLD);
  *paused.mutable_deadlines()->mutable_intake() =
      Due(2026, 4, 20, wor::v1::DEADLINE_STATUS_PAUSED);

  const std::vector<WorklistEntry> list =
      BuildWorklist({paused, later, soon, overdue, longest}, kNow);
  EXPECT_THAT(Order(list), ElementsAre("referrals/longest-overdue",
                                       "referrals/overdue", "referrals/soon",
                                       "referrals/later", "referrals/paused"));
  EXPECT_TRUE(list[0].next->overdue);
  EXPECT_FALSE(list[2].next->overdue);
  EXPECT_FALSE(list[4].next.has_value());
}

TEST(Worklist, APendingDeadlineWhoseDueTimePassedIsOverdueToo) {
  // The server's scanner has not marked it BREACHED yet.
  wor::v1::Referral referral = Named("referrals/x");
  *referral.mutable_deadlines()->mutable_first_contact_limit() =
      Due(2026, 4, 29, wor::v1::DEADLINE_STATUS_PENDING);
  const std::optional<NextDeadline> next = FindNextDeadline(referral, kNow);
  ASSERT_TRUE(next.has_value());
  EXPECT_TRUE(next->overdue);
  EXPECT_EQ(next->kind, wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT);
  EXPECT_EQ(next->working_days, 1);
}

TEST(Worklist, AnOverdueDeadlineBeatsAnEarlierRunningOneOfTheSameReferral) {
  wor::v1::Referral referral = Named("referrals/x");
  *referral.mutable_deadlines()->mutable_intake() =
      Due(2026, 5, 7, wor::v1::DEADLINE_STATUS_PENDING);
  *referral.mutable_deadlines()->mutable_first_contact_target() =
      Due(2026, 4, 28, wor::v1::DEADLINE_STATUS_BREACHED);
  *referral.mutable_deadlines()->mutable_first_contact_limit() =
      Due(2026, 5, 1, wor::v1::DEADLINE_STATUS_PENDING);
  const std::optional<NextDeadline> next = FindNextDeadline(referral, kNow);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->kind, wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET);
  EXPECT_TRUE(next->overdue);
  EXPECT_EQ(next->working_days, 2);  // Wednesday 29 and Thursday 30 April
}

TEST(Worklist, MetAndNotApplicableDeadlinesAreNotNext) {
  wor::v1::Referral referral = Named("referrals/x");
  *referral.mutable_deadlines()->mutable_first_contact_limit() =
      Due(2026, 4, 20, wor::v1::DEADLINE_STATUS_MET_ON_TIME);
  *referral.mutable_deadlines()->mutable_first_contact_target() =
      Due(2026, 4, 18, wor::v1::DEADLINE_STATUS_MET_LATE);
  *referral.mutable_deadlines()->mutable_trajectory_end() =
      Due(2026, 4, 19, wor::v1::DEADLINE_STATUS_NOT_APPLICABLE);
  *referral.mutable_deadlines()->mutable_intake() =
      Due(2026, 5, 7, wor::v1::DEADLINE_STATUS_PENDING);
  const std::optional<NextDeadline> next = FindNextDeadline(referral, kNow);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->kind, wor::v1::DEADLINE_KIND_INTAKE);
}

TEST(Worklist, WorkingDaysLeftSkipWeekendsAndHolidays) {
  // From Thursday 30 April: Friday 1 May, Monday 4 May, (Liberation Day,
  // Tuesday 5 May, is a statutory holiday), Wednesday 6, Thursday 7 May.
  wor::v1::Referral referral = Named("referrals/x");
  *referral.mutable_deadlines()->mutable_intake() =
      Due(2026, 5, 7, wor::v1::DEADLINE_STATUS_PENDING);
  EXPECT_EQ(FindNextDeadline(referral, kNow)->working_days, 4);
  // Due today: 0 left, not overdue.
  *referral.mutable_deadlines()->mutable_intake() =
      Due(2026, 4, 30, wor::v1::DEADLINE_STATUS_PENDING);
  EXPECT_EQ(FindNextDeadline(referral, kNow)->working_days, 0);
  EXPECT_FALSE(FindNextDeadline(referral, kNow)->overdue);
}

TEST(Worklist, EqualDeadlinesKeepAStableOrderByName) {
  wor::v1::Referral b = Named("referrals/b");
  *b.mutable_deadlines()->mutable_intake() =
      Due(2026, 5, 7, wor::v1::DEADLINE_STATUS_PENDING);
  wor::v1::Referral a = b;
  a.set_name("referrals/a");
  wor::v1::Referral none_z = Named("referrals/z");
  wor::v1::Referral none_y = Named("referrals/y");
  EXPECT_THAT(
      Order(BuildWorklist({none_z, b, none_y, a}, kNow)),
      ElementsAre("referrals/a", "referrals/b", "referrals/y", "referrals/z"));
}

}  // namespace
}  // namespace wor::client
