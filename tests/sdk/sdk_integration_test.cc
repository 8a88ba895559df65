// The SDK against a real server (gRPC on loopback, SQLite, development
// identities): a referral created once for one request_id however often it
// is sent, every referral once through a paged range, the server's refusals
// with their code and message, and a watch that survives a server restart
// without missing or repeating an event.
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/test_server.h"
#include "wor/client/client.h"

namespace wor::client {
namespace {

using wor::server::TestServer;
using wor::server::ValidReferral;

Options As(const TestServer& server, const char* organisation, const char* user,
           const char* role) {
  Options options;
  options.endpoint = server.target();
  options.metadata = DevelopmentIdentity(organisation, user, role);
  options.call_timeout = absl::Seconds(10);
  return options;
}

Options Gp(const TestServer& server) {
  return As(server, "agb:01012345", "gp-01012345", "GP");
}

Options Coach(const TestServer& server) {
  return As(server, "kvk:41234567", "coach-41234567", "COACH");
}

TEST(SdkIntegrationTest, OneRequestIdCreatesOneReferral) {
  TestServer server;
  ReferralClient gp(MakeReferralConnection(Gp(server)));
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = ValidReferral();
  request.set_request_id("7d9f3a52-1c4e-4b8a-9f00-0a1b2c3d4e5f");

  absl::StatusOr<wor::v1::Referral> first = gp.CreateReferral(request);
  absl::StatusOr<wor::v1::Referral> again = gp.CreateReferral(request);

  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  int listed = 0;
  for (const auto& referral : gp.ListReferrals()) {
    ASSERT_TRUE(referral.ok()) << referral.status();
    ++listed;
  }
  EXPECT_EQ(listed, 1);
}

TEST(SdkIntegrationTest, APagedRangeYieldsEveryReferralOnce) {
  TestServer server;
  ReferralClient gp(MakeReferralConnection(Gp(server)));
  std::set<std::string> created;
  for (int i = 0; i < 7; ++i) {
    absl::StatusOr<wor::v1::Referral> referral =
        gp.CreateReferral(ValidReferral());
    ASSERT_TRUE(referral.ok()) << referral.status();
    created.insert(referral->name());
  }
  ReferralClient coach(MakeReferralConnection(Coach(server)));
  wor::v1::ListReferralsRequest request;
  request.set_page_size(3);

  std::vector<std::string> listed;
  for (const auto& referral : coach.ListReferrals(request)) {
    ASSERT_TRUE(referral.ok()) << referral.status();
    listed.push_back(referral->name());
  }

  EXPECT_EQ(listed.size(), 7u);
  EXPECT_EQ(std::set<std::string>(listed.begin(), listed.end()), created);
}

TEST(SdkIntegrationTest, TheServersRefusalArrivesWithCodeAndMessage) {
  TestServer server;
  ReferralClient gp(MakeReferralConnection(Gp(server)));
  absl::StatusOr<wor::v1::Referral> referral =
      gp.CreateReferral(ValidReferral());
  ASSERT_TRUE(referral.ok()) << referral.status();

  // A GP cannot accept: only the welfare organisation can.
  absl::StatusOr<wor::v1::Referral> accepted =
      gp.AcceptReferral(referral->name());

  EXPECT_EQ(accepted.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_FALSE(accepted.status().message().empty());
}

TEST(SdkIntegrationTest, TheCoachsStepsRunThroughEveryClient) {
  TestServer server;
  ReferralClient gp(MakeReferralConnection(Gp(server)));
  absl::StatusOr<wor::v1::Referral> referral =
      gp.CreateReferral(ValidReferral());
  ASSERT_TRUE(referral.ok()) << referral.status();
  ReferralClient coach(MakeReferralConnection(Coach(server)));
  IntakeClient intake(MakeIntakeConnection(Coach(server)));

  absl::StatusOr<wor::v1::Referral> accepted =
      coach.AcceptReferral(referral->name());
  ASSERT_TRUE(accepted.ok()) << accepted.status();
  wor::v1::RecordContactAttemptRequest contact;
  contact.set_name(referral->name());
  contact.mutable_attempt()->set_result(wor::v1::CONTACT_RESULT_REACHED);
  contact.mutable_attempt()->set_channel(wor::v1::CONTACT_CHANNEL_PHONE);
  *contact.mutable_attempt()->mutable_attempt_time() = accepted->update_time();
  absl::StatusOr<wor::v1::Referral> contacted =
      intake.RecordContactAttempt(contact);

  ASSERT_TRUE(contacted.ok()) << contacted.status();
  EXPECT_EQ(contacted->state(), wor::v1::REFERRAL_STATE_CONTACTED);
  DiagnosticsClient diagnostics(MakeDiagnosticsConnection(Coach(server)));
  EXPECT_TRUE(diagnostics.Ping(wor::v1::PingRequest()).ok());
}

TEST(SdkIntegrationTest, AWatchResumesAcrossAServerRestart) {
  TestServer server;
  ReferralClient gp(MakeReferralConnection(Gp(server)));
  Options coach_options = Coach(server);
  coach_options.retry.max_attempts = 50;
  coach_options.retry.initial_backoff = absl::Milliseconds(20);
  coach_options.retry.max_backoff = absl::Milliseconds(200);
  ReferralClient coach(MakeReferralConnection(coach_options));
  std::vector<std::string> created;
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<wor::v1::Referral> referral =
        gp.CreateReferral(ValidReferral());
    ASSERT_TRUE(referral.ok()) << referral.status();
    created.push_back(referral->name());
  }
  std::unique_ptr<ReferralEventStream> events = coach.WatchReferrals();
  std::vector<std::string> seen;
  std::set<std::string> tokens;
  auto next = [&] {
    absl::StatusOr<wor::v1::ReferralEvent> event = events->Next();
    EXPECT_TRUE(event.ok()) << event.status();
    if (!event.ok()) return;
    seen.push_back(event->referral().name());
    EXPECT_TRUE(tokens.insert(event->resume_token()).second)
        << "event delivered twice";
  };
  next();
  next();

  server.Restart();
  absl::StatusOr<wor::v1::Referral> after =
      ReferralClient(MakeReferralConnection(Gp(server)))
          .CreateReferral(ValidReferral());
  ASSERT_TRUE(after.ok()) << after.status();
  created.push_back(after->name());
  next();
  events->Cancel();

  EXPECT_EQ(seen, created);
  EXPECT_EQ(events->Next().status().code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace wor::client
