// The clients on the Connection mocks the SDK ships (wor/client/mocks/), as
// an integrator's unit tests use them: each client passes the request to its
// connection unchanged and unwraps the answer; failures pass through with
// their code and message; ranges and event streams come from the mocks.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "wor/client/client.h"
#include "wor/client/mocks/mock_feedback_connection.h"
#include "wor/client/mocks/mock_intake_connection.h"
#include "wor/client/mocks/mock_referral_connection.h"
#include "wor/client/mocks/mock_referral_event_stream.h"

namespace wor::client {
namespace {

using mocks::MockFeedbackConnection;
using mocks::MockIntakeConnection;
using mocks::MockReferralConnection;
using mocks::MockReferralEventStream;
using ::testing::_;
using ::testing::ByMove;
using ::testing::Return;
using ::testing::SaveArg;

wor::v1::Referral ReferralIn(wor::v1::ReferralState state) {
  wor::v1::Referral referral;
  referral.set_name("referrals/r1");
  referral.set_state(state);
  return referral;
}

// What an integrator might write: the names of the referrals that wait for
// the coach's acceptance.
absl::StatusOr<std::vector<std::string>> AwaitingAcceptance(
    ReferralClient& client) {
  wor::v1::ListReferralsRequest request;
  request.add_states(wor::v1::REFERRAL_STATE_REQUESTED);
  std::vector<std::string> names;
  for (const auto& referral : client.ListReferrals(request)) {
    if (!referral.ok()) return referral.status();
    names.push_back(referral->name());
  }
  return names;
}

TEST(ClientsOnMocksTest, GetReferralByNameSendsTheNameAndUnwrapsTheReferral) {
  auto mock = std::make_shared<MockReferralConnection>();
  wor::v1::GetReferralRequest sent;
  wor::v1::GetReferralResponse answer;
  *answer.mutable_referral() = ReferralIn(wor::v1::REFERRAL_STATE_ACCEPTED);
  EXPECT_CALL(*mock, GetReferral)
      .WillOnce(::testing::DoAll(SaveArg<0>(&sent), Return(answer)));
  ReferralClient client(mock);

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  ASSERT_TRUE(referral.ok());
  EXPECT_EQ(sent.name(), "referrals/r1");
  EXPECT_EQ(referral->state(), wor::v1::REFERRAL_STATE_ACCEPTED);
}

TEST(ClientsOnMocksTest, AFailurePassesThroughWithCodeAndMessage) {
  auto mock = std::make_shared<MockReferralConnection>();
  EXPECT_CALL(*mock, AcceptReferral)
      .WillOnce(Return(absl::FailedPreconditionError(
          "referral is in state REFERRAL_STATE_COMPLETED")));
  ReferralClient client(mock);

  absl::StatusOr<wor::v1::Referral> accepted =
      client.AcceptReferral("referrals/r1", "etag-7");

  EXPECT_EQ(accepted.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(accepted.status().message(),
            "referral is in state REFERRAL_STATE_COMPLETED");
}

TEST(ClientsOnMocksTest, AcceptSendsNameAndEtag) {
  auto mock = std::make_shared<MockReferralConnection>();
  wor::v1::AcceptReferralRequest sent;
  EXPECT_CALL(*mock, AcceptReferral)
      .WillOnce(::testing::DoAll(SaveArg<0>(&sent),
                                 Return(wor::v1::AcceptReferralResponse())));
  ReferralClient client(mock);

  ASSERT_TRUE(client.AcceptReferral("referrals/r1", "etag-7").ok());

  EXPECT_EQ(sent.name(), "referrals/r1");
  EXPECT_EQ(sent.etag(), "etag-7");
}

TEST(ClientsOnMocksTest, IntegratorCodeIteratesARangeFromTheMock) {
  auto mock = std::make_shared<MockReferralConnection>();
  wor::v1::ListReferralsRequest sent;
  wor::v1::Referral a = ReferralIn(wor::v1::REFERRAL_STATE_REQUESTED);
  wor::v1::Referral b = a;
  b.set_name("referrals/r2");
  EXPECT_CALL(*mock, ListReferrals)
      .WillOnce([&sent, a, b](wor::v1::ListReferralsRequest request) {
        sent = request;
        return MakeStreamRange<wor::v1::Referral>({a, b});
      });
  ReferralClient client(mock);

  absl::StatusOr<std::vector<std::string>> names = AwaitingAcceptance(client);

  ASSERT_TRUE(names.ok());
  EXPECT_THAT(*names, ::testing::ElementsAre("referrals/r1", "referrals/r2"));
  EXPECT_THAT(sent.states(),
              ::testing::ElementsAre(wor::v1::REFERRAL_STATE_REQUESTED));
}

TEST(ClientsOnMocksTest, IntegratorCodeSeesTheFailureAtTheEndOfARange) {
  auto mock = std::make_shared<MockReferralConnection>();
  EXPECT_CALL(*mock, ListReferrals).WillOnce([](auto) {
    return MakeStreamRange<wor::v1::Referral>(
        {ReferralIn(wor::v1::REFERRAL_STATE_REQUESTED)},
        absl::UnavailableError("server restarting"));
  });
  ReferralClient client(mock);

  absl::StatusOr<std::vector<std::string>> names = AwaitingAcceptance(client);

  EXPECT_EQ(names.status().code(), absl::StatusCode::kUnavailable);
}

TEST(ClientsOnMocksTest, WatchPassesTheResumeTokenAndYieldsTheMockEvents) {
  auto mock = std::make_shared<MockReferralConnection>();
  auto events = std::make_unique<MockReferralEventStream>();
  wor::v1::ReferralEvent event;
  event.set_resume_token("t5");
  EXPECT_CALL(*events, Next())
      .WillOnce(Return(event))
      .WillOnce(Return(absl::CancelledError("done")));
  wor::v1::WatchReferralsRequest sent;
  EXPECT_CALL(*mock, WatchReferrals)
      .WillOnce(::testing::DoAll(SaveArg<0>(&sent),
                                 Return(ByMove(std::move(events)))));
  ReferralClient client(mock);

  std::unique_ptr<ReferralEventStream> stream = client.WatchReferrals("t4");

  EXPECT_EQ(sent.resume_token(), "t4");
  EXPECT_EQ(stream->Next()->resume_token(), "t5");
  EXPECT_EQ(stream->Next().status().code(), absl::StatusCode::kCancelled);
}

TEST(ClientsOnMocksTest, IntakeVerbsUnwrapTheReferral) {
  auto mock = std::make_shared<MockIntakeConnection>();
  wor::v1::ScheduleIntakeResponse answer;
  *answer.mutable_referral() =
      ReferralIn(wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
  EXPECT_CALL(*mock, ScheduleIntake).WillOnce(Return(answer));
  IntakeClient client(mock);

  absl::StatusOr<wor::v1::Referral> referral =
      client.ScheduleIntake(wor::v1::ScheduleIntakeRequest());

  ASSERT_TRUE(referral.ok());
  EXPECT_EQ(referral->state(), wor::v1::REFERRAL_STATE_INTAKE_SCHEDULED);
}

TEST(ClientsOnMocksTest, FindIntakeSlotsReturnsTheWholeAnswer) {
  auto mock = std::make_shared<MockIntakeConnection>();
  wor::v1::FindIntakeSlotsResponse answer;
  answer.add_slots()->set_meets_deadline(true);
  answer.mutable_intake_due_time()->set_seconds(1777000000);
  EXPECT_CALL(*mock, FindIntakeSlots).WillOnce(Return(answer));
  IntakeClient client(mock);

  absl::StatusOr<wor::v1::FindIntakeSlotsResponse> slots =
      client.FindIntakeSlots(wor::v1::FindIntakeSlotsRequest());

  ASSERT_TRUE(slots.ok());
  EXPECT_EQ(slots->slots_size(), 1);
  EXPECT_EQ(slots->intake_due_time().seconds(), 1777000000);
}

TEST(ClientsOnMocksTest, FeedbackListIsARange) {
  auto mock = std::make_shared<MockFeedbackConnection>();
  wor::v1::Feedback feedback;
  feedback.set_name("referrals/r1/feedback/f1");
  EXPECT_CALL(*mock, ListFeedback).WillOnce([feedback](auto) {
    return MakeStreamRange<wor::v1::Feedback>({feedback});
  });
  FeedbackClient client(mock);

  std::vector<std::string> names;
  for (const auto& item : client.ListFeedback(wor::v1::ListFeedbackRequest())) {
    ASSERT_TRUE(item.ok());
    names.push_back(item->name());
  }

  EXPECT_THAT(names, ::testing::ElementsAre("referrals/r1/feedback/f1"));
}

}  // namespace
}  // namespace wor::client
