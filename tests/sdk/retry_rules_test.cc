// The rules every unary call of the SDK follows, checked on the generated
// gMock stubs (the process edge): retries on UNAVAILABLE only for idempotent
// calls, a request_id on mutating calls that stays the same across retries,
// the attempt limit, identity on every attempt, and nothing sent when the
// token cannot be had or would travel in plaintext.
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "grpcpp/test/client_context_test_peer.h"
#include "gtest/gtest.h"
#include "wor/client/referral_client.h"
#include "wor/client/scheduling_client.h"
#include "wor/v1/referral_service_mock.grpc.pb.h"
#include "wor/v1/scheduling_service_mock.grpc.pb.h"

namespace wor::client {
namespace {

using ::testing::_;
using ::testing::Contains;
using ::testing::DoAll;
using ::testing::Invoke;
using ::testing::Pair;
using ::testing::Return;
using ::testing::SaveArg;

const grpc::Status kUnavailable(grpc::StatusCode::UNAVAILABLE, "restarting");

Options FastRetries() {
  Options options;
  options.retry.initial_backoff = absl::Microseconds(1);
  options.retry.max_backoff = absl::Microseconds(2);
  return options;
}

wor::v1::Referral ReferralNamed(const std::string& name) {
  wor::v1::Referral referral;
  referral.set_name(name);
  return referral;
}

TEST(RetryRulesTest, ReadIsRetriedOnUnavailableUntilItSucceeds) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  wor::v1::GetReferralResponse answer;
  *answer.mutable_referral() = ReferralNamed("referrals/r1");
  EXPECT_CALL(*stub, GetReferral)
      .WillOnce(Return(kUnavailable))
      .WillOnce(Return(kUnavailable))
      .WillOnce(
          DoAll(::testing::SetArgPointee<2>(answer), Return(grpc::Status::OK)));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  ASSERT_TRUE(referral.ok()) << referral.status();
  EXPECT_EQ(referral->name(), "referrals/r1");
}

TEST(RetryRulesTest, ReadGivesUpAfterMaxAttemptsWithTheLastError) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  Options options = FastRetries();
  options.retry.max_attempts = 3;
  EXPECT_CALL(*stub, GetReferral).Times(3).WillRepeatedly(Return(kUnavailable));
  ReferralClient client(MakeReferralConnection(stub, options));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  EXPECT_EQ(referral.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(referral.status().message(), "restarting");
}

TEST(RetryRulesTest, PermanentErrorsAreNotRetriedAndKeepTheServerMessage) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, GetReferral)
      .WillOnce(Return(grpc::Status(grpc::StatusCode::NOT_FOUND,
                                    "referral referrals/r9 does not exist")));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r9");

  EXPECT_EQ(referral.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(referral.status().message(),
            "referral referrals/r9 does not exist");
}

TEST(RetryRulesTest, MutatingCallGetsARequestIdThatStaysTheSameOnRetries) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  std::vector<std::string> ids;
  auto record = [&ids](grpc::ClientContext*,
                       const wor::v1::AcceptReferralRequest& request,
                       wor::v1::AcceptReferralResponse*) {
    ids.push_back(request.request_id());
    return ids.size() < 3 ? kUnavailable : grpc::Status::OK;
  };
  EXPECT_CALL(*stub, AcceptReferral).Times(3).WillRepeatedly(Invoke(record));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  ASSERT_TRUE(client.AcceptReferral("referrals/r1", "etag-1").ok());

  ASSERT_EQ(ids.size(), 3u);
  EXPECT_THAT(ids[0], ::testing::MatchesRegex(
                          "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]"
                          "{3}-[0-9a-f]{12}"));
  EXPECT_EQ(ids[1], ids[0]);
  EXPECT_EQ(ids[2], ids[0]);
}

TEST(RetryRulesTest, EachMutatingCallGetsItsOwnRequestId) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  std::vector<std::string> ids;
  EXPECT_CALL(*stub, ResumeReferral)
      .Times(2)
      .WillRepeatedly(Invoke([&ids](grpc::ClientContext*,
                                    const wor::v1::ResumeReferralRequest& r,
                                    wor::v1::ResumeReferralResponse*) {
        ids.push_back(r.request_id());
        return grpc::Status::OK;
      }));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));

  ASSERT_TRUE(client.ResumeReferral("referrals/r1").ok());
  ASSERT_TRUE(client.ResumeReferral("referrals/r1").ok());

  ASSERT_EQ(ids.size(), 2u);
  EXPECT_NE(ids[0], ids[1]);
}

TEST(RetryRulesTest, ARequestIdTheCallerChoseIsKept) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  wor::v1::CreateReferralRequest sent;
  EXPECT_CALL(*stub, CreateReferral)
      .WillOnce(DoAll(SaveArg<1>(&sent), Return(grpc::Status::OK)));
  ReferralClient client(MakeReferralConnection(stub, FastRetries()));
  wor::v1::CreateReferralRequest request;
  request.set_request_id("my-own-id-1");

  ASSERT_TRUE(client.CreateReferral(request).ok());

  EXPECT_EQ(sent.request_id(), "my-own-id-1");
}

TEST(RetryRulesTest, UnconditionalAvailabilityUpdateIsSentOnlyOnce) {
  auto stub = std::make_shared<wor::v1::MockSchedulingServiceStub>();
  EXPECT_CALL(*stub, UpdateCoachAvailability).WillOnce(Return(kUnavailable));
  SchedulingClient client(MakeSchedulingConnection(stub, FastRetries()));

  absl::StatusOr<wor::v1::CoachAvailability> updated =
      client.UpdateCoachAvailability(wor::v1::UpdateCoachAvailabilityRequest());

  EXPECT_EQ(updated.status().code(), absl::StatusCode::kUnavailable);
}

TEST(RetryRulesTest, ConditionalAvailabilityUpdateIsRetried) {
  auto stub = std::make_shared<wor::v1::MockSchedulingServiceStub>();
  EXPECT_CALL(*stub, UpdateCoachAvailability)
      .WillOnce(Return(kUnavailable))
      .WillOnce(Return(grpc::Status::OK));
  SchedulingClient client(MakeSchedulingConnection(stub, FastRetries()));
  wor::v1::UpdateCoachAvailabilityRequest request;
  request.mutable_availability()->set_etag("\"3\"");

  EXPECT_TRUE(client.UpdateCoachAvailability(request).ok());
}

TEST(RetryRulesTest, EveryAttemptCarriesTheMetadataAndADeadline) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  Options options = FastRetries();
  options.metadata = DevelopmentIdentity("kvk:41234567", "coach-1", "coach");
  options.call_timeout = absl::Seconds(7);
  int attempts = 0;
  auto check = [&attempts](grpc::ClientContext* call,
                           const wor::v1::GetReferralRequest&,
                           wor::v1::GetReferralResponse*) {
    ++attempts;
    grpc::testing::ClientContextTestPeer peer(call);
    const auto metadata = peer.GetSendInitialMetadata();
    EXPECT_THAT(metadata, Contains(Pair("x-wor-organisation", "kvk:41234567")));
    EXPECT_THAT(metadata, Contains(Pair("x-wor-user", "coach-1")));
    EXPECT_THAT(metadata, Contains(Pair("x-wor-role", "COACH")));
    const auto left = call->deadline() - std::chrono::system_clock::now();
    EXPECT_GT(left, std::chrono::seconds(6));
    EXPECT_LE(left, std::chrono::seconds(7));
    return attempts == 1 ? kUnavailable : grpc::Status::OK;
  };
  EXPECT_CALL(*stub, GetReferral).Times(2).WillRepeatedly(Invoke(check));
  ReferralClient client(MakeReferralConnection(stub, options));

  EXPECT_TRUE(client.GetReferral("referrals/r1").ok());
}

TEST(RetryRulesTest, ATokenIsNeverSentOverPlaintext) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, GetReferral).Times(0);
  Options options = FastRetries();
  options.token_provider = FixedToken("secret-token");
  ReferralClient client(MakeReferralConnection(stub, options));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  EXPECT_EQ(referral.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(referral.status().message(), ::testing::HasSubstr("TLS"));
  EXPECT_THAT(referral.status().message(),
              ::testing::Not(::testing::HasSubstr("secret-token")));
}

TEST(RetryRulesTest, AuthorizationMetadataIsNeverSentOverPlaintextEither) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, GetReferral).Times(0);
  Options options = FastRetries();
  options.metadata = {{"authorization", "Bearer secret-token"}};
  ReferralClient client(MakeReferralConnection(stub, options));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  EXPECT_EQ(referral.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(referral.status().message(),
              ::testing::Not(::testing::HasSubstr("secret-token")));
}

TEST(RetryRulesTest, TheTokenIsSentAsBearerOverTls) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  Options options = FastRetries();
  options.channel_is_secure = true;  // the stub stands in for a TLS channel
  options.token_provider = FixedToken("header.payload.signature");
  EXPECT_CALL(*stub, GetReferral)
      .WillOnce(Invoke([](grpc::ClientContext* call,
                          const wor::v1::GetReferralRequest&,
                          wor::v1::GetReferralResponse*) {
        grpc::testing::ClientContextTestPeer peer(call);
        const auto metadata = peer.GetSendInitialMetadata();
        EXPECT_THAT(
            metadata,
            Contains(Pair("authorization", "Bearer header.payload.signature")));
        return grpc::Status::OK;
      }));
  ReferralClient client(MakeReferralConnection(stub, options));

  EXPECT_TRUE(client.GetReferral("referrals/r1").ok());
}

TEST(RetryRulesTest, ARenewedTokenFileIsUsedByTheNextCall) {
  const std::string path = ::testing::TempDir() + "/renewed-token.jwt";
  std::ofstream(path) << "first.token.value\n";
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  Options options = FastRetries();
  options.channel_is_secure = true;
  options.token_provider = TokenFromFile(path);
  std::vector<std::string> sent;
  EXPECT_CALL(*stub, GetReferral)
      .Times(2)
      .WillRepeatedly(Invoke([&sent](grpc::ClientContext* call,
                                     const wor::v1::GetReferralRequest&,
                                     wor::v1::GetReferralResponse*) {
        grpc::testing::ClientContextTestPeer peer(call);
        for (const auto& [key, value] : peer.GetSendInitialMetadata()) {
          if (key == "authorization") sent.push_back(value);
        }
        return grpc::Status::OK;
      }));
  ReferralClient client(MakeReferralConnection(stub, options));

  ASSERT_TRUE(client.GetReferral("referrals/r1").ok());
  std::ofstream(path) << "second.token.value\n";
  ASSERT_TRUE(client.GetReferral("referrals/r1").ok());

  EXPECT_THAT(sent, ::testing::ElementsAre("Bearer first.token.value",
                                           "Bearer second.token.value"));
}

TEST(RetryRulesTest, AnUnreadableTokenFileFailsTheCallBeforeSendingIt) {
  auto stub = std::make_shared<wor::v1::MockReferralServiceStub>();
  EXPECT_CALL(*stub, GetReferral).Times(0);
  Options options = FastRetries();
  options.channel_is_secure = true;
  options.token_provider = TokenFromFile("/nonexistent/coach.jwt");
  ReferralClient client(MakeReferralConnection(stub, options));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  EXPECT_EQ(referral.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(referral.status().message(),
              ::testing::HasSubstr("/nonexistent/coach.jwt"));
}

TEST(RetryRulesTest, AMissingCaFileIsReportedByEveryCallNamingTheFile) {
  Options options;
  options.ca_file = "/nonexistent/ca.pem";
  ReferralClient client(MakeReferralConnection(options));

  absl::StatusOr<wor::v1::Referral> referral =
      client.GetReferral("referrals/r1");

  EXPECT_EQ(referral.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(referral.status().message(),
              ::testing::HasSubstr("/nonexistent/ca.pem"));
}

}  // namespace
}  // namespace wor::client
