// Limits a mutual-TLS caller meets: streams per organisation, deadlines that
// passed before the server began, and oversized messages.
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/test_server.h"
#include "tests/security/mtls_test_server.h"
#include "tests/security/secure_calls.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;

constexpr char kPractice[] = "agb:01012345";
constexpr char kWelfare[] = "kvk:41234567";

// One WatchReferrals stream, cancelled when it goes out of scope.
class WatchStream {
 public:
  WatchStream(const std::shared_ptr<grpc::Channel>& channel,
              const std::string& token)
      : stub_(wor::v1::ReferralService::NewStub(channel)) {
    PrepareCall(context_, token);
    reader_ =
        stub_->WatchReferrals(&context_, wor::v1::WatchReferralsRequest());
  }
  ~WatchStream() { Close(); }

  // Reads the next event; true proves the server holds the stream open.
  bool ReadEvent() {
    wor::v1::WatchReferralsResponse message;
    return reader_->Read(&message);
  }
  // The stream's status once the server ended it.
  grpc::Status Finish() {
    finished_ = true;
    return reader_->Finish();
  }
  // Cancels the stream (if still open).
  void Close() {
    if (finished_) return;
    context_.TryCancel();
    Finish().IgnoreError();
  }

 private:
  std::unique_ptr<wor::v1::ReferralService::Stub> stub_;
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<wor::v1::WatchReferralsResponse>> reader_;
  bool finished_ = false;
};

class StreamLimit : public ::testing::Test {
 protected:
  StreamLimit() : server_({.max_streams_per_organisation = 2}) {
    // One event, so every stream the server admits has something to read.
    EXPECT_TRUE(CreateReferral(practice_, gp_token_, "stream-limit").ok());
  }
  std::unique_ptr<WatchStream> WatchAsGp() {
    return std::make_unique<WatchStream>(practice_, gp_token_);
  }

  MtlsTestServer server_;
  std::shared_ptr<grpc::Channel> practice_ = server_.ChannelFor(kPractice);
  std::string gp_token_ = server_.TokenFor(kPractice, "gp-01099999", "GP");
};

TEST_F(StreamLimit,
       AThirdStreamOfOneOrganisationIsRefusedAnotherOrgStillWatches) {
  auto first = WatchAsGp();
  auto second = WatchAsGp();
  ASSERT_TRUE(first->ReadEvent());
  ASSERT_TRUE(second->ReadEvent());

  auto third = WatchAsGp();
  EXPECT_FALSE(third->ReadEvent());
  grpc::Status refused = third->Finish();
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(refused.error_message(), HasSubstr("2 WatchReferrals streams"));

  WatchStream coach(server_.ChannelFor(kWelfare),
                    server_.TokenFor(kWelfare, "coach-41234567", "COACH"));
  EXPECT_TRUE(coach.ReadEvent());
}

TEST_F(StreamLimit, AfterOneStreamClosesTheOrganisationCanOpenANewOne) {
  auto first = WatchAsGp();
  auto second = WatchAsGp();
  ASSERT_TRUE(first->ReadEvent());
  ASSERT_TRUE(second->ReadEvent());
  first->Close();
  // The server sees the cancellation at its next idle check (200 ms): wait
  // for the slot to come back, but not forever.
  const absl::Time give_up = absl::Now() + absl::Seconds(5);
  bool admitted = false;
  while (!admitted && absl::Now() < give_up) {
    auto next = WatchAsGp();
    admitted = next->ReadEvent();
    if (!admitted) {
      ASSERT_EQ(next->Finish().error_code(),
                grpc::StatusCode::RESOURCE_EXHAUSTED);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_TRUE(admitted);
}

TEST(CallLimits, ACallWhoseDeadlineHasPassedIsNotCarriedOut) {
  MtlsTestServer server;
  auto channel = server.ChannelFor(kPractice);
  const std::string token = server.TokenFor(kPractice, "gp-01099999", "GP");
  // Connected first, so the deadline is the only reason left to fail.
  ASSERT_TRUE(ListReferrals(channel, token).ok());

  // gRPC's client answers such a call itself without sending it; the
  // server's own check (server/service/rpc_runner.cc) is for deadlines that
  // pass while the call waits to start.
  grpc::ClientContext context;
  AddUserToken(context, token);
  context.set_deadline(std::chrono::system_clock::now() -
                       std::chrono::seconds(1));
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  request.set_request_id("too-late");
  wor::v1::CreateReferralResponse response;
  grpc::Status status =
      wor::v1::ReferralService::NewStub(channel)->CreateReferral(
          &context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);

  wor::v1::ListReferralsResponse listed;
  ASSERT_TRUE(ListReferrals(channel, token, &listed).ok());
  EXPECT_EQ(listed.referrals_size(), 0);
  auto events = server.server().store().ReadEvents({}, 0, 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
}

TEST(CallLimits, AMessageOverTheConfiguredSizeIsRefusedOverTls) {
  MtlsTestServer server({.max_message_bytes = 16384});
  auto channel = server.ChannelFor(kPractice);
  const std::string token = server.TokenFor(kPractice, "gp-01099999", "GP");
  wor::v1::Referral oversized = ValidReferral();
  oversized.set_patient_question(std::string(20000, 'a'));
  EXPECT_EQ(CreateReferral(channel, token, "too-big", oversized).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  auto events = server.server().store().ReadEvents({}, 0, 10);
  ASSERT_TRUE(events.ok());
  EXPECT_TRUE(events->empty());
  // The same caller with a normal message is served.
  grpc::Status normal = CreateReferral(channel, token, "normal");
  EXPECT_TRUE(normal.ok()) << normal.error_message();
}

}  // namespace
}  // namespace wor::server
