// The booking rules: coach names and who may manage a coach, the calling
// coach as the default, the appointment length, and the intake deadline
// with its late reasons.
#include "server/domain/intake_booking.h"

#include <string>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/domain/coach_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

CallContext CallAs(const std::string& organisation, const std::string& user,
                   wor::v1::UserRole role) {
  CallContext call;
  call.method = "wor.v1.IntakeService.ScheduleIntake";
  call.caller.organisation = organisation;
  call.caller.user = user;
  call.caller.role = role;
  return call;
}

// A referral whose intake deadline ends at `due` with `status`.
wor::v1::Referral WithIntakeDeadline(absl::Time due,
                                     wor::v1::DeadlineStatus status) {
  wor::v1::Referral referral;
  referral.set_welfare_organisation("welfareOrganisations/41234567");
  wor::v1::Deadline* intake = referral.mutable_deadlines()->mutable_intake();
  *intake->mutable_due_time() = ToTimestamp(due);
  *intake->mutable_due_date() = ToLocalDate(absl::CivilDay(2026, 5, 7));
  intake->set_status(status);
  return referral;
}

const absl::Time kDue = absl::FromUnixSeconds(1778191200);  // 7 May 22:00 UTC

TEST(CoachNames, ParseAndFormatRoundTrip) {
  absl::StatusOr<CoachName> coach = ParseCoachName(
      "coach", "welfareOrganisations/41234567/coaches/anna.b@wzw");
  ASSERT_TRUE(coach.ok()) << coach.status();
  EXPECT_EQ(coach->kvk_number, "41234567");
  EXPECT_EQ(coach->coach_id, "anna.b@wzw");
  EXPECT_EQ(coach->Organisation(), "welfareOrganisations/41234567");
  EXPECT_EQ(coach->AvailabilityName(),
            "welfareOrganisations/41234567/coaches/anna.b@wzw/availability");
  EXPECT_TRUE(ParseAvailabilityName("name", coach->AvailabilityName()).ok());
}

TEST(CoachNames, MalformedNamesAreRefusedNamingTheField) {
  for (const char* bad : {"", "welfareOrganisations/4123456/coaches/a",
                          "welfareOrganisations/41234567/coach/a",
                          "welfareOrganisations/41234567/coaches/",
                          "welfareOrganisations/41234567/coaches/a/b",
                          "welfareOrganisations/41234567/coaches/a b"}) {
    absl::StatusOr<CoachName> coach = ParseCoachName("coach", bad);
    EXPECT_EQ(coach.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(coach.status().message()), StartsWith("coach: "));
  }
  EXPECT_FALSE(
      ParseAvailabilityName("name", "welfareOrganisations/41234567/coaches/a")
          .ok());
}

TEST(CoachNames, ACoachManagesOnlyThemselvesACoordinatorTheirOrganisation) {
  const CoachName anna{"41234567", "anna"};
  EXPECT_TRUE(MayManageCoach(
      CallAs("kvk:41234567", "anna", wor::v1::USER_ROLE_COACH), anna));
  EXPECT_FALSE(MayManageCoach(
      CallAs("kvk:41234567", "bert", wor::v1::USER_ROLE_COACH), anna));
  EXPECT_FALSE(MayManageCoach(
      CallAs("kvk:47654321", "anna", wor::v1::USER_ROLE_COACH), anna));
  EXPECT_TRUE(MayManageCoach(
      CallAs("kvk:41234567", "chef", wor::v1::USER_ROLE_COORDINATOR), anna));
  EXPECT_FALSE(MayManageCoach(
      CallAs("kvk:47654321", "chef", wor::v1::USER_ROLE_COORDINATOR), anna));
  EXPECT_FALSE(MayManageCoach(
      CallAs("agb:01012345", "anna", wor::v1::USER_ROLE_GP), anna));
}

TEST(IntakeBooking, AnEmptyCoachIsTheCallingCoachButACoordinatorMustNameOne) {
  absl::StatusOr<CoachName> own = IntakeCoachFor(
      "coach", "", CallAs("kvk:41234567", "anna", wor::v1::USER_ROLE_COACH));
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->Name(), "welfareOrganisations/41234567/coaches/anna");
  absl::StatusOr<CoachName> none = IntakeCoachFor(
      "coach", "",
      CallAs("kvk:41234567", "chef", wor::v1::USER_ROLE_COORDINATOR));
  EXPECT_THAT(std::string(none.status().message()),
              StartsWith("coach: is required"));
}

TEST(IntakeBooking, TheLengthDefaultsToAnHourWithin15To240Minutes) {
  EXPECT_EQ(*IntakeDuration("duration_minutes", 0), absl::Minutes(60));
  EXPECT_EQ(*IntakeDuration("duration_minutes", 15), absl::Minutes(15));
  EXPECT_EQ(*IntakeDuration("duration_minutes", 240), absl::Minutes(240));
  for (int bad : {-1, 14, 241}) {
    EXPECT_THAT(
        std::string(IntakeDuration("duration_minutes", bad).status().message()),
        StartsWith("duration_minutes: "))
        << bad;
  }
}

TEST(IntakeBooking, TheCoachMustWorkForTheReferralsOrganisation) {
  const wor::v1::Referral referral =
      WithIntakeDeadline(kDue, wor::v1::DEADLINE_STATUS_PENDING);
  EXPECT_TRUE(
      CheckCoachOfReferral("coach", {"41234567", "anna"}, referral).ok());
  EXPECT_THAT(
      std::string(CheckCoachOfReferral("coach", {"47654321", "anna"}, referral)
                      .message()),
      StartsWith("coach: must be a coach of the referral's welfare"));
}

TEST(IntakeBooking, AnIntakeStartingBeforeTheDueTimeNeedsNoReason) {
  const wor::v1::Referral referral =
      WithIntakeDeadline(kDue, wor::v1::DEADLINE_STATUS_PENDING);
  absl::StatusOr<wor::v1::IntakeLateReason> on_time =
      LateReasonToRecord(referral, kDue - absl::Seconds(1),
                         wor::v1::INTAKE_LATE_REASON_PATIENT_WISH);
  ASSERT_TRUE(on_time.ok());
  EXPECT_EQ(*on_time, wor::v1::INTAKE_LATE_REASON_UNSPECIFIED);
}

TEST(IntakeBooking, AtOrAfterTheDueTimeARunningDeadlineNeedsAReason) {
  for (wor::v1::DeadlineStatus running :
       {wor::v1::DEADLINE_STATUS_PENDING, wor::v1::DEADLINE_STATUS_BREACHED,
        wor::v1::DEADLINE_STATUS_PAUSED}) {
    const wor::v1::Referral referral = WithIntakeDeadline(kDue, running);
    absl::StatusOr<wor::v1::IntakeLateReason> refused = LateReasonToRecord(
        referral, kDue, wor::v1::INTAKE_LATE_REASON_UNSPECIFIED);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(std::string(refused.status().message()),
                StartsWith("late_reason: "));
    EXPECT_THAT(std::string(refused.status().message()),
                HasSubstr("2026-05-07"));
    EXPECT_EQ(
        *LateReasonToRecord(referral, kDue + absl::Hours(48),
                            wor::v1::INTAKE_LATE_REASON_NO_COACH_CAPACITY),
        wor::v1::INTAKE_LATE_REASON_NO_COACH_CAPACITY);
  }
}

TEST(IntakeBooking, AMetOrEndedDeadlineNeedsNoReason) {
  for (wor::v1::DeadlineStatus done :
       {wor::v1::DEADLINE_STATUS_MET_ON_TIME, wor::v1::DEADLINE_STATUS_MET_LATE,
        wor::v1::DEADLINE_STATUS_NOT_APPLICABLE}) {
    const wor::v1::Referral referral = WithIntakeDeadline(kDue, done);
    EXPECT_EQ(*LateReasonToRecord(referral, kDue + absl::Hours(48),
                                  wor::v1::INTAKE_LATE_REASON_UNSPECIFIED),
              wor::v1::INTAKE_LATE_REASON_UNSPECIFIED);
  }
  EXPECT_EQ(LateReasonToRecord(
                WithIntakeDeadline(kDue, wor::v1::DEADLINE_STATUS_PENDING),
                kDue, static_cast<wor::v1::IntakeLateReason>(99))
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wor::server
