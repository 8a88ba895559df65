// The Store contract for scheduling (server/store/store.h): coach
// availability with its revision, the booked intakes indexed from the
// referrals, and the assigned-coach filter — run against every
// implementation (see store_contract_fixture.h).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/store/store.h"
#include "tests/common/status_matchers.h"
#include "tests/store/store_contract_fixture.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/scheduling_service.pb.h"

namespace wor::server {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kCoach[] = "welfareOrganisations/11111111/coaches/coach-a";
constexpr char kOtherCoach[] = "welfareOrganisations/11111111/coaches/coach-b";

google::protobuf::Timestamp At(absl::Time t) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(absl::ToUnixSeconds(t));
  return ts;
}

absl::Time Hour(int h) {
  return absl::FromUnixSeconds(1778565600) + absl::Hours(h);
}

// A referral with an intake of `coach` booked at [start, end).
wor::v1::Referral WithIntake(
    const std::string& id, const std::string& coach, absl::Time start,
    absl::Time end,
    wor::v1::AppointmentStatus status = wor::v1::APPOINTMENT_STATUS_BOOKED) {
  wor::v1::Referral referral =
      MakeReferral(id, "01234567", "welfareOrganisations/11111111",
                   wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
  referral.set_assigned_coach(coach);
  wor::v1::Intake* intake = referral.mutable_intake();
  intake->set_coach(coach);
  *intake->mutable_scheduled_time() = At(start);
  *intake->mutable_end_time() = At(end);
  intake->set_status(status);
  return referral;
}

wor::v1::CoachAvailability Mondays() {
  wor::v1::CoachAvailability availability;
  wor::v1::WeeklyHours* hours = availability.add_weekly_hours();
  hours->set_weekday(wor::v1::WEEKDAY_MONDAY);
  hours->mutable_hours()->set_start_minute(540);
  hours->mutable_hours()->set_end_minute(720);
  return availability;
}

// No booked intake found.
MATCHER(IsNoIntake, "is no booked intake") { return !arg.has_value(); }
const auto kNoIntake = IsNoIntake();

class SchedulingContractTest : public StoreContractTest {
 protected:
  absl::StatusOr<int64_t> Put(const std::string& coach, int64_t expected,
                              const wor::v1::CoachAvailability& a) {
    absl::StatusOr<int64_t> revision = absl::UnknownError("not run");
    absl::Status status = store_->Write([&](WriteTransaction& tx) {
      revision = tx.PutCoachAvailability(coach, expected, a);
      return revision.status();
    });
    if (!status.ok()) return status;
    return revision;
  }

  absl::StatusOr<std::optional<BookedIntake>> Overlapping(
      const std::string& coach, absl::Time start, absl::Time end,
      const std::string& excluding = "") {
    return ReadInTransaction<std::optional<BookedIntake>>(
        [&](WriteTransaction& tx) {
          return tx.FindOverlappingIntake(coach, start, end, excluding);
        });
  }

  std::vector<std::string> Listed(const std::string& coach, absl::Time from,
                                  absl::Time to) {
    std::vector<std::string> ids;
    absl::StatusOr<std::vector<BookedIntake>> intakes =
        store_->ListCoachIntakes(coach, from, to);
    EXPECT_THAT(intakes, IsOk());
    if (!intakes.ok()) return ids;
    for (const BookedIntake& intake : *intakes) {
      EXPECT_EQ(intake.coach, coach);
      ids.push_back(intake.referral_id);
    }
    return ids;
  }
};

TEST_P(SchedulingContractTest,
       AvailabilityNeverPublishedIsEmptyAtRevisionZero) {
  absl::StatusOr<StoredCoachAvailability> stored =
      store_->GetCoachAvailability(kCoach);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->revision, 0);
  EXPECT_THAT(stored->availability, EqualsProto(wor::v1::CoachAvailability()));
}

TEST_P(SchedulingContractTest, AvailabilityIsReplacedAtItsCurrentRevisionOnly) {
  ASSERT_THAT(Put(kCoach, 0, Mondays()), IsOkAndHolds(1));
  absl::StatusOr<StoredCoachAvailability> stored =
      store_->GetCoachAvailability(kCoach);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->revision, 1);
  EXPECT_THAT(stored->availability, EqualsProto(Mondays()));

  wor::v1::CoachAvailability empty;
  EXPECT_THAT(Put(kCoach, 0, empty), StatusIs(absl::StatusCode::kAborted));
  EXPECT_THAT(Put(kCoach, 2, empty), StatusIs(absl::StatusCode::kAborted));
  ASSERT_THAT(Put(kCoach, 1, empty), IsOkAndHolds(2));
  stored = store_->GetCoachAvailability(kCoach);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->revision, 2);
  EXPECT_THAT(stored->availability, EqualsProto(empty));
  // Another coach is untouched.
  stored = store_->GetCoachAvailability(kOtherCoach);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->revision, 0);
}

TEST_P(SchedulingContractTest, AStaleFirstPublicationLeavesNothingBehind) {
  EXPECT_THAT(Put(kCoach, 3, Mondays()), StatusIs(absl::StatusCode::kAborted));
  absl::StatusOr<StoredCoachAvailability> stored =
      store_->GetCoachAvailability(kCoach);
  ASSERT_THAT(stored, IsOk());
  EXPECT_EQ(stored->revision, 0);
}

TEST_P(SchedulingContractTest, BookedIntakesOverlappingAnIntervalAreFound) {
  ASSERT_THAT(Insert("a", WithIntake("a", kCoach, Hour(1), Hour(2))), IsOk());
  // Touching intervals do not overlap.
  EXPECT_THAT(Overlapping(kCoach, Hour(2), Hour(3)), IsOkAndHolds(kNoIntake));
  EXPECT_THAT(Overlapping(kCoach, Hour(0), Hour(1)), IsOkAndHolds(kNoIntake));
  absl::StatusOr<std::optional<BookedIntake>> found =
      Overlapping(kCoach, Hour(1) + absl::Minutes(30), Hour(3));
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->referral_id, "a");
  EXPECT_EQ((*found)->start, Hour(1));
  EXPECT_EQ((*found)->end, Hour(2));
  // Not another coach's, and not the excluded referral's own.
  EXPECT_THAT(Overlapping(kOtherCoach, Hour(1), Hour(2)),
              IsOkAndHolds(kNoIntake));
  EXPECT_THAT(Overlapping(kCoach, Hour(1), Hour(2), "a"),
              IsOkAndHolds(kNoIntake));
}

TEST_P(SchedulingContractTest, OnlyBookedIntakesOfOpenReferralsCount) {
  ASSERT_THAT(
      Insert("cancelled", WithIntake("cancelled", kCoach, Hour(1), Hour(2),
                                     wor::v1::APPOINTMENT_STATUS_CANCELLED)),
      IsOk());
  ASSERT_THAT(Insert("noshow", WithIntake("noshow", kCoach, Hour(1), Hour(2),
                                          wor::v1::APPOINTMENT_STATUS_NOSHOW)),
              IsOk());
  wor::v1::Referral ended = WithIntake("ended", kCoach, Hour(1), Hour(2));
  ended.set_state(wor::v1::REFERRAL_STATE_CANCELLED);
  ASSERT_THAT(Insert("ended", ended), IsOk());
  EXPECT_THAT(Overlapping(kCoach, Hour(0), Hour(5)), IsOkAndHolds(kNoIntake));
  EXPECT_THAT(Listed(kCoach, Hour(0), Hour(5)), IsEmpty());
}

TEST_P(SchedulingContractTest, UpdatingTheReferralMovesOrFreesItsIntake) {
  ASSERT_THAT(Insert("a", WithIntake("a", kCoach, Hour(1), Hour(2))), IsOk());
  ASSERT_THAT(Update("a", 1, WithIntake("a", kCoach, Hour(5), Hour(6))),
              IsOk());
  EXPECT_THAT(Listed(kCoach, Hour(0), Hour(24)), ElementsAre("a"));
  EXPECT_THAT(Overlapping(kCoach, Hour(1), Hour(2)), IsOkAndHolds(kNoIntake));
  ASSERT_THAT(Update("a", 2,
                     WithIntake("a", kCoach, Hour(5), Hour(6),
                                wor::v1::APPOINTMENT_STATUS_CANCELLED)),
              IsOk());
  EXPECT_THAT(Listed(kCoach, Hour(0), Hour(24)), IsEmpty());
}

TEST_P(SchedulingContractTest, ACoachsIntakesAreListedByStartWithinThePeriod) {
  ASSERT_THAT(Insert("late", WithIntake("late", kCoach, Hour(9), Hour(10))),
              IsOk());
  ASSERT_THAT(Insert("early", WithIntake("early", kCoach, Hour(3), Hour(4))),
              IsOk());
  ASSERT_THAT(
      Insert("other", WithIntake("other", kOtherCoach, Hour(3), Hour(4))),
      IsOk());
  ASSERT_THAT(Insert("far", WithIntake("far", kCoach, Hour(30), Hour(31))),
              IsOk());
  EXPECT_THAT(Listed(kCoach, Hour(0), Hour(24)), ElementsAre("early", "late"));
  EXPECT_THAT(Listed(kCoach, Hour(4), Hour(9)), IsEmpty());
}

TEST_P(SchedulingContractTest, AnIntakeWrittenInTheTransactionIsSeenByIt) {
  absl::StatusOr<std::optional<BookedIntake>> seen =
      ReadInTransaction<std::optional<BookedIntake>>(
          [&](WriteTransaction& tx)
              -> absl::StatusOr<std::optional<BookedIntake>> {
            absl::Status inserted = tx.InsertReferral(
                "a", WithIntake("a", kCoach, Hour(1), Hour(2)));
            if (!inserted.ok()) return inserted;
            return tx.FindOverlappingIntake(kCoach, Hour(1), Hour(2), "");
          });
  ASSERT_THAT(seen, IsOk());
  EXPECT_TRUE(seen->has_value());
}

TEST_P(SchedulingContractTest, ListingFiltersByAssignedCoach) {
  ASSERT_THAT(Insert("a", WithIntake("a", kCoach, Hour(1), Hour(2))), IsOk());
  ASSERT_THAT(Insert("b", WithIntake("b", kOtherCoach, Hour(1), Hour(2))),
              IsOk());
  ASSERT_THAT(Insert("c"), IsOk());
  ReferralFilter filter;
  filter.assigned_coach = kCoach;
  EXPECT_THAT(ListedNames(filter), ElementsAre("referrals/a"));
  wor::v1::Referral moved = WithIntake("b", kCoach, Hour(3), Hour(4));
  ASSERT_THAT(Update("b", 1, moved), IsOk());
  EXPECT_THAT(ListedNames(filter), ElementsAre("referrals/a", "referrals/b"));
}

INSTANTIATE_TEST_SUITE_P(AllStores, SchedulingContractTest,
                         AllStoreImplementations(), StoreImplementationName);

}  // namespace
}  // namespace wor::server
