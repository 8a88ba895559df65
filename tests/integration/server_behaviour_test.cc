// What the server does around the referral rules: listing and paging, the
// event stream and its resume token, health and reflection, reference data,
// and draining on shutdown.
#include <grpcpp/ext/proto_server_reflection_plugin.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/common/test_server.h"
#include "tests/integration/rpc_helpers.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;

TEST(ServerBehaviour, ListPagesThroughReferralsAndRefusesAForeignPageToken) {
  TestServer server(/*use_sqlite=*/true);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(
        Create(server, ValidReferral(), absl::StrCat("page-", i)).status.ok());
  }
  wor::v1::ListReferralsRequest request;
  request.set_page_size(2);
  std::vector<std::string> names;
  int pages = 0;
  do {
    auto page = List(server, request);
    ASSERT_TRUE(page.status.ok()) << page.status.error_message();
    for (const auto& r : page.value.referrals()) names.push_back(r.name());
    request.set_page_token(page.value.next_page_token());
    ++pages;
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names.size(), 5u);

  request.set_page_size(2);
  request.clear_page_token();
  std::string token = List(server, request).value.next_page_token();
  wor::v1::ListReferralsRequest other_filter;
  other_filter.set_practice_agb("01012345");
  other_filter.set_page_token(token);
  auto refused = List(server, other_filter);
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(refused.status.error_message(), HasSubstr("page_token"));

  wor::v1::ListReferralsRequest too_big;
  too_big.set_page_size(500);
  EXPECT_EQ(List(server, too_big).status.error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST(ServerBehaviour, ListFiltersByStateAndPractice) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "f1").value.name();
  wor::v1::Referral other_practice = ValidReferral();
  other_practice.mutable_referrer()->set_practice_agb("01023456");
  auto other_gp = wor::v1::ReferralService::NewStub(
      server.ChannelAs(GpOfPractice("01023456")));
  {
    grpc::ClientContext context;
    wor::v1::CreateReferralRequest request;
    *request.mutable_referral() = other_practice;
    request.set_request_id("f2");
    wor::v1::CreateReferralResponse response;
    ASSERT_TRUE(other_gp->CreateReferral(&context, request, &response).ok());
  }
  ASSERT_TRUE(Accept(server, name, "f1-a").status.ok());

  // The coach's organisation serves both practices.
  auto coach = wor::v1::ReferralService::NewStub(server.ChannelAs(CoachOf()));
  auto list = [&](wor::v1::ReferralService::Stub& stub,
                  const wor::v1::ListReferralsRequest& q) {
    grpc::ClientContext context;
    wor::v1::ListReferralsResponse response;
    grpc::Status status = stub.ListReferrals(&context, q, &response);
    return RpcResult<wor::v1::ListReferralsResponse>{status, response};
  };
  wor::v1::ListReferralsRequest accepted;
  accepted.add_states(wor::v1::REFERRAL_STATE_ACCEPTED);
  auto by_state = list(*coach, accepted);
  ASSERT_EQ(by_state.value.referrals_size(), 1);
  EXPECT_EQ(by_state.value.referrals(0).name(), name);

  wor::v1::ListReferralsRequest by_practice;
  by_practice.set_practice_agb("01023456");
  EXPECT_EQ(list(*coach, by_practice).value.referrals_size(), 1);
  // A GP sees only their own practice: everything unfiltered is theirs, and
  // asking for another practice is refused.
  EXPECT_EQ(List(server, {}).value.referrals_size(), 1);
  EXPECT_EQ(List(server, by_practice).status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

std::vector<wor::v1::ReferralEvent> ReadEvents(TestServer& server,
                                               const std::string& resume_token,
                                               size_t count) {
  grpc::ClientContext context;
  wor::v1::WatchReferralsRequest request;
  request.set_resume_token(resume_token);
  auto reader = server.referrals().WatchReferrals(&context, request);
  std::vector<wor::v1::ReferralEvent> events;
  wor::v1::WatchReferralsResponse message;
  while (events.size() < count && reader->Read(&message)) {
    events.push_back(message.event());
  }
  context.TryCancel();
  reader->Finish().IgnoreError();
  return events;
}

TEST(ServerBehaviour, WatchStreamsEventsInOrderAndResumesAfterAToken) {
  TestServer server;
  std::string name = Create(server, ValidReferral(), "w1").value.name();
  ASSERT_TRUE(Accept(server, name, "w1-a").status.ok());

  auto first_two = ReadEvents(server, "", 2);
  ASSERT_EQ(first_two.size(), 2u);
  EXPECT_EQ(first_two[0].type(), wor::v1::REFERRAL_EVENT_TYPE_CREATED);
  EXPECT_EQ(first_two[1].type(), wor::v1::REFERRAL_EVENT_TYPE_STATE_CHANGED);
  EXPECT_EQ(first_two[1].referral().state(), wor::v1::REFERRAL_STATE_ACCEPTED);

  // A live event arrives on an open stream; a resumed stream skips what it saw.
  std::thread later([&] {
    ASSERT_TRUE(Contact(server, name, wor::v1::CONTACT_RESULT_NO_ANSWER, "w1-c")
                    .status.ok());
  });
  auto resumed = ReadEvents(server, first_two[1].resume_token(), 1);
  later.join();
  ASSERT_EQ(resumed.size(), 1u);
  EXPECT_EQ(resumed[0].type(),
            wor::v1::REFERRAL_EVENT_TYPE_CONTACT_ATTEMPT_RECORDED);
}

TEST(ServerBehaviour, WatchRefusesAMalformedResumeToken) {
  TestServer server;
  grpc::ClientContext context;
  wor::v1::WatchReferralsRequest request;
  request.set_resume_token("yesterday");
  auto reader = server.referrals().WatchReferrals(&context, request);
  wor::v1::WatchReferralsResponse message;
  EXPECT_FALSE(reader->Read(&message));
  grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("resume_token"));
}

TEST(ServerBehaviour, HealthIsServingWhileUp) {
  TestServer server;
  auto health = grpc::health::v1::Health::NewStub(server.channel());
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  ASSERT_TRUE(health->Check(&context, request, &response).ok());
  EXPECT_EQ(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

TEST(ServerBehaviour, ReflectionListsEveryWorService) {
  TestServer server;
  auto reflection =
      grpc::reflection::v1alpha::ServerReflection::NewStub(server.channel());
  grpc::ClientContext context;
  auto stream = reflection->ServerReflectionInfo(&context);
  grpc::reflection::v1alpha::ServerReflectionRequest request;
  request.set_list_services("");
  ASSERT_TRUE(stream->Write(request));
  stream->WritesDone();
  grpc::reflection::v1alpha::ServerReflectionResponse response;
  ASSERT_TRUE(stream->Read(&response));
  std::vector<std::string> services;
  for (const auto& service : response.list_services_response().service()) {
    services.push_back(service.name());
  }
  EXPECT_TRUE(stream->Finish().ok());
  EXPECT_THAT(services,
              ::testing::IsSupersetOf(
                  {"wor.v1.ReferralService", "wor.v1.IntakeService",
                   "wor.v1.FeedbackService", "wor.v1.ReferralFormService",
                   "wor.v1.CatalogueService", "wor.v1.DiagnosticsService",
                   "grpc.health.v1.Health"}));
}

TEST(ServerBehaviour, ShutdownEndsOpenStreamsWithUnavailableAndAResumeHint) {
  TestServer server;
  grpc::ClientContext context;
  wor::v1::WatchReferralsRequest request;
  auto reader = server.referrals().WatchReferrals(&context, request);
  // Make sure the stream is open on the server before shutting down.
  ASSERT_TRUE(Create(server, ValidReferral(), "drain").status.ok());
  wor::v1::WatchReferralsResponse message;
  ASSERT_TRUE(reader->Read(&message));
  server.server().Shutdown(absl::Seconds(5));
  while (reader->Read(&message)) {
  }
  grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(status.error_message(), HasSubstr("resume_token"));
}

TEST(ServerBehaviour, ServesTheFormTheRegionsCatalogueAndPing) {
  TestServer server;
  {
    grpc::ClientContext context;
    wor::v1::GetReferralFormResponse response;
    ASSERT_TRUE(server.form()
                    .GetReferralForm(
                        &context, wor::v1::GetReferralFormRequest(), &response)
                    .ok());
    EXPECT_GE(response.form().sections_size(), 5);
  }
  {
    grpc::ClientContext context;
    wor::v1::GetActivityCatalogueResponse response;
    ASSERT_TRUE(
        server.catalogue()
            .GetActivityCatalogue(
                &context, wor::v1::GetActivityCatalogueRequest(), &response)
            .ok());
    EXPECT_EQ(response.catalogue().region(), "regions/meppel");
    ASSERT_EQ(response.catalogue().categories_size(), 5);  // Meppel's domains
    EXPECT_EQ(response.catalogue().categories(0).id(), "discover_and_do");
  }
  {
    grpc::ClientContext context;
    wor::v1::GetActivityCatalogueRequest other;
    other.set_region("regions/utrecht");
    wor::v1::GetActivityCatalogueResponse response;
    EXPECT_EQ(server.catalogue()
                  .GetActivityCatalogue(&context, other, &response)
                  .error_code(),
              grpc::StatusCode::NOT_FOUND);
  }
  grpc::ClientContext context;
  wor::v1::PingResponse pong;
  EXPECT_TRUE(
      server.diagnostics().Ping(&context, wor::v1::PingRequest(), &pong).ok());
}

}  // namespace
}  // namespace wor::server
