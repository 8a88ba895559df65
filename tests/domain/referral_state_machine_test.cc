// The lifecycle table, checked cell by cell against an independent matrix
// written out here by hand from the issue: every state × every verb.
#include "server/domain/referral_state_machine.h"

#include <map>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using wor::v1::ReferralState;

// Columns: Accept Reject Contact Schedule CancelIntake NoShow Intake Activity
// Complete Hold Resume Cancel
// ("x" = allowed).
// clang-format off
const std::map<ReferralState, std::string> kExpected = {
    {wor::v1::REFERRAL_STATE_REQUESTED,        "x x . . . . . . . x . x"},
    {wor::v1::REFERRAL_STATE_ACCEPTED,         ". . x . . . . . x x . x"},
    {wor::v1::REFERRAL_STATE_REJECTED,         ". . . . . . . . . . . ."},
    {wor::v1::REFERRAL_STATE_CONTACTED,        ". . x x . . . . x x . x"},
    {wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED, ". . . x x x x . x x . x"},
    {wor::v1::REFERRAL_STATE_INTAKE_DONE,      ". . . . . . . x x x . x"},
    {wor::v1::REFERRAL_STATE_IN_PROGRESS,      ". . . . . . . x x x . x"},
    {wor::v1::REFERRAL_STATE_COMPLETED,        ". . . . . . . . . . . ."},
    {wor::v1::REFERRAL_STATE_CANCELLED,        ". . . . . . . . . . . ."},
    {wor::v1::REFERRAL_STATE_ON_HOLD,          ". . . . . . . . . . x x"},
};
// clang-format on

const ReferralVerb kColumns[] = {
    ReferralVerb::kAcceptReferral,       ReferralVerb::kRejectReferral,
    ReferralVerb::kRecordContactAttempt, ReferralVerb::kScheduleIntake,
    ReferralVerb::kCancelIntake,         ReferralVerb::kRecordIntakeNoShow,
    ReferralVerb::kRecordIntake,         ReferralVerb::kChooseActivity,
    ReferralVerb::kCompleteReferral,     ReferralVerb::kPutReferralOnHold,
    ReferralVerb::kResumeReferral,       ReferralVerb::kCancelReferral,
};

TEST(ReferralStateMachine, EveryStateAndVerbMatchesTheLifecycleMatrix) {
  int cells = 0;
  for (const auto& [state, row] : kExpected) {
    for (size_t column = 0; column < std::size(kColumns); ++column) {
      bool expected = row[column * 2] == 'x';
      ReferralVerb verb = kColumns[column];
      EXPECT_EQ(IsVerbAllowed(state, verb), expected)
          << ShortStateName(state) << " × " << ReferralVerbName(verb);
      EXPECT_EQ(CheckVerbAllowed(state, verb).ok(), expected);
      ++cells;
    }
  }
  EXPECT_EQ(cells, 120);
  EXPECT_EQ(AllReferralVerbs().size(), std::size(kColumns));
}

TEST(ReferralStateMachine, TerminalStatesAllowNothing) {
  for (ReferralState state :
       {wor::v1::REFERRAL_STATE_REJECTED, wor::v1::REFERRAL_STATE_COMPLETED,
        wor::v1::REFERRAL_STATE_CANCELLED}) {
    EXPECT_TRUE(IsTerminalState(state));
    EXPECT_TRUE(AllowedVerbs(state).empty());
  }
  EXPECT_FALSE(IsTerminalState(wor::v1::REFERRAL_STATE_ON_HOLD));
}

TEST(ReferralStateMachine,
     RefusalNamesTheCurrentStateAndTheVerbsAllowedFromIt) {
  absl::Status status = CheckVerbAllowed(
      wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED, ReferralVerb::kAcceptReferral);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(status.message(),
            "AcceptReferral is not allowed: the referral is INTAKE_SCHEDULED. "
            "Allowed from INTAKE_SCHEDULED: ScheduleIntake, CancelIntake, "
            "RecordIntakeNoShow, RecordIntake, CompleteReferral, "
            "PutReferralOnHold, CancelReferral.");
}

TEST(ReferralStateMachine, RefusalInAClosedStateSaysTheReferralIsClosed) {
  absl::Status status = CheckVerbAllowed(wor::v1::REFERRAL_STATE_COMPLETED,
                                         ReferralVerb::kCancelReferral);
  EXPECT_THAT(status.message(), HasSubstr("none: the referral is closed"));
}

}  // namespace
}  // namespace wor::server
