// Paging as a range and the resuming watch, on the generated gMock stubs:
// pages are fetched as the loop advances, with the page token of the
// previous page; a failure is the range's last element; a watch reconnects
// after UNAVAILABLE from the last event's resume_token, gives up after the
// retry budget, ends on a permanent error, and stops on Cancel().
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "grpcpp/test/mock_stream.h"
#include "gtest/gtest.h"
#include "wor/client/referral_client.h"
#include "wor/v1/referral_service_mock.grpc.pb.h"

namespace wor::client {
namespace {

using ::testing::_;
using ::testing::DoAll;
using ::testing::Invoke;
using ::testing::Return;
using ::testing::SetArgPointee;
using Reader = grpc::testing::MockClientReader<wor::v1::WatchReferralsResponse>;

Options FastRetries() {
  Options options;
  options.retry.initial_backoff = absl::Microseconds(1);
  options.retry.max_backoff = absl::Microseconds(2);
  return options;
}

wor::v1::ListReferralsResponse Page(std::vector<std::string> names,
                                    std::string next_page_token) {
  wor::v1::ListReferralsResponse page;
  for (const std::string& name : names) page.add_referrals()->set_name(name);
  page.set_next_page_token(std::move(next_page_token));
  return page;
}

wor::v1::WatchReferralsResponse Event(const std::string& token) {
  wor::v1::WatchReferralsResponse response;
  response.mutable_event()->set_resume_token(token);
  response.mutable_event()->mutable_referral()->set_name("referrals/" + token);
  return response;
}

TEST(PagingTest, TheRangeWalksEveryPageWithThePreviousPageToken) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  std::vector<std::string> tokens;
  auto answer = [&tokens](grpc::ClientContext*,
                          const wor::v1::ListReferralsRequest& request,
                          wor::v1::ListReferralsResponse* response) {
    tokens.push_back(request.page_token());
    EXPECT_EQ(request.page_size(), 2);
    if (request.page_token().empty()) *response = Page({"r1", "r2"}, "p2");
    if (request.page_token() == "p2") *response = Page({"r3", "r4"}, "p3");
    if (request.page_token() == "p3") *response = Page({"r5"}, "");
    return grpc::Status::OK;
  };
  EXPECT_CALL(*stub, ListReferrals).Times(3).WillRepeatedly(Invoke(answer));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));
  wor::v1::ListReferralsRequest request;
  request.set_page_size(2);

  std::vector<std::string> names;
  for (const absl::StatusOr<wor::v1::Referral>& referral :
       client.ListReferrals(request)) {
    ASSERT_TRUE(referral.ok()) << referral.status();
    names.push_back(referral->name());
  }

  EXPECT_THAT(names, ::testing::ElementsAre("r1", "r2", "r3", "r4", "r5"));
  EXPECT_THAT(tokens, ::testing::ElementsAre("", "p2", "p3"));
}

TEST(PagingTest, NothingIsFetchedUntilTheLoopStarts) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, ListReferrals).Times(0);
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  StreamRange<wor::v1::Referral> range = client.ListReferrals();
}

TEST(PagingTest, APageThatFailsEndsTheRangeWithItsError) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, ListReferrals)
      .WillOnce(
          DoAll(SetArgPointee<2>(Page({"r1"}, "p2")), Return(grpc::Status::OK)))
      .WillOnce(Return(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                                    "not your organisation")));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  std::vector<absl::StatusOr<wor::v1::Referral>> items;
  for (const auto& referral : client.ListReferrals()) items.push_back(referral);

  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->name(), "r1");
  EXPECT_EQ(items[1].status().code(), absl::StatusCode::kPermissionDenied);
}

TEST(PagingTest, APageIsRetriedLikeAnyRead) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, ListReferrals)
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNAVAILABLE, "x")))
      .WillOnce(
          DoAll(SetArgPointee<2>(Page({"r1"}, "")), Return(grpc::Status::OK)));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  int count = 0;
  for (const auto& referral : client.ListReferrals()) {
    ASSERT_TRUE(referral.ok());
    ++count;
  }
  EXPECT_EQ(count, 1);
}

// A reader that delivers `events`, then ends with `end`.
Reader* ReaderOf(std::vector<wor::v1::WatchReferralsResponse> events,
                 grpc::Status end) {
  auto* reader = new Reader();
  auto& read = EXPECT_CALL(*reader, Read(_));
  for (const auto& event : events) {
    read.WillOnce(DoAll(SetArgPointee<0>(event), Return(true)));
  }
  read.WillOnce(Return(false));
  EXPECT_CALL(*reader, Finish()).WillOnce(Return(end));
  return reader;
}

TEST(WatchTest, ReconnectsAfterUnavailableFromTheLastResumeToken) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  std::vector<std::string> started_from;
  const grpc::Status shutting_down(grpc::StatusCode::UNAVAILABLE,
                                   "the server is shutting down");
  Reader* first = ReaderOf({Event("t1"), Event("t2")}, shutting_down);
  Reader* second = ReaderOf({Event("t3")}, grpc::Status::CANCELLED);
  EXPECT_CALL(*stub, WatchReferralsRaw)
      .WillOnce(Invoke([&](grpc::ClientContext*,
                           const wor::v1::WatchReferralsRequest& request) {
        started_from.push_back(request.resume_token());
        return first;
      }))
      .WillOnce(Invoke([&](grpc::ClientContext*,
                           const wor::v1::WatchReferralsRequest& request) {
        started_from.push_back(request.resume_token());
        return second;
      }));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));
  std::unique_ptr<ReferralEventStream> events = client.WatchReferrals("t0");

  std::vector<std::string> seen;
  absl::StatusOr<wor::v1::ReferralEvent> event;
  while ((event = events->Next()).ok()) seen.push_back(event->resume_token());

  EXPECT_THAT(seen, ::testing::ElementsAre("t1", "t2", "t3"));
  EXPECT_THAT(started_from, ::testing::ElementsAre("t0", "t2"));
  EXPECT_EQ(event.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(events->resume_token(), "t3");
  // The end is final.
  EXPECT_EQ(events->Next().status().code(), absl::StatusCode::kCancelled);
}

TEST(WatchTest, GivesUpAfterTheRetryBudgetWithoutProgress) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  Options options = FastRetries();
  options.retry.max_attempts = 3;
  const grpc::Status down(grpc::StatusCode::UNAVAILABLE, "connection refused");
  EXPECT_CALL(*stub, WatchReferralsRaw)
      .Times(3)
      .WillRepeatedly(Invoke(
          [&](grpc::ClientContext*, const wor::v1::WatchReferralsRequest&) {
            return ReaderOf({}, down);
          }));
  ReferralClient client(MakeReferralConnection(stub, options));
  std::unique_ptr<ReferralEventStream> events = client.WatchReferrals();

  absl::StatusOr<wor::v1::ReferralEvent> event = events->Next();

  EXPECT_EQ(event.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(event.status().message(),
              ::testing::HasSubstr("after 3 attempts"));
}

TEST(WatchTest, APermanentErrorEndsTheWatchWithoutReconnecting) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, WatchReferralsRaw)
      .WillOnce(Return(ReaderOf({Event("t1")},
                                grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                             "resume_token is not valid"))));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));
  std::unique_ptr<ReferralEventStream> events = client.WatchReferrals();

  EXPECT_TRUE(events->Next().ok());
  absl::StatusOr<wor::v1::ReferralEvent> end = events->Next();

  EXPECT_EQ(end.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(end.status().message(), "resume_token is not valid");
}

TEST(WatchTest, CancelFromAnotherThreadEndsABlockedNext) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  auto* reader = new Reader();
  absl::Notification reading;
  absl::Notification cancelled;
  // The blocked Read returns once the call is cancelled, as gRPC's does.
  EXPECT_CALL(*reader, Read(_)).WillOnce(Invoke([&](auto*) {
    reading.Notify();
    cancelled.WaitForNotification();
    return false;
  }));
  // UNAVAILABLE, not CANCELLED: only Cancel() itself may end the watch
  // (else it would reconnect, which this stub does not expect).
  EXPECT_CALL(*reader, Finish())
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone")));
  EXPECT_CALL(*stub, WatchReferralsRaw).Times(1).WillOnce(Return(reader));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));
  std::unique_ptr<ReferralEventStream> events = client.WatchReferrals();

  std::thread canceller([&] {
    reading.WaitForNotification();
    events->Cancel();
    cancelled.Notify();
  });
  absl::StatusOr<wor::v1::ReferralEvent> event = events->Next();
  canceller.join();

  EXPECT_EQ(event.status().code(), absl::StatusCode::kCancelled);
}

TEST(WatchTest, CancelEndsAReconnectThatWaitsForTheServer) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  absl::Notification opening;
  absl::Notification cancelled;
  auto* after_cancel = new Reader();
  EXPECT_CALL(*after_cancel, Read(_)).WillOnce(Return(false));
  EXPECT_CALL(*after_cancel, Finish())
      .WillOnce(Return(grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone")));
  EXPECT_CALL(*stub, WatchReferralsRaw)
      .Times(2)
      .WillOnce(Return(ReaderOf(
          {Event("t1")}, grpc::Status(grpc::StatusCode::UNAVAILABLE, "gone"))))
      // Starting a call that waits for the server blocks until cancelled;
      // Cancel() must not wait for it.
      .WillOnce(Invoke(
          [&](grpc::ClientContext*, const wor::v1::WatchReferralsRequest&) {
            opening.Notify();
            cancelled.WaitForNotification();
            return after_cancel;
          }));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));
  std::unique_ptr<ReferralEventStream> events = client.WatchReferrals();
  ASSERT_TRUE(events->Next().ok());

  std::thread canceller([&] {
    opening.WaitForNotification();
    events->Cancel();
    cancelled.Notify();
  });
  absl::StatusOr<wor::v1::ReferralEvent> event = events->Next();
  canceller.join();

  EXPECT_EQ(event.status().code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace wor::client
