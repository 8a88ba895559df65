// Calendar features through the real server: the CalDAV push running on the
// server's background thread against a real Radicale, and
// SchedulingService.ExportCoachCalendar over gRPC.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/wor_server.h"
#include "tests/calendar/calendar_test_referrals.h"
#include "tests/calendar/radicale_server.h"
#include "tests/common/status_matchers.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"
#include "wor/v1/scheduling_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kId[] = "4f2c0a1b9d8e7f60";
// The coach of tests/common/test_identity.h.
constexpr char kTestCoach[] =
    "welfareOrganisations/41234567/coaches/coach-41234567";

wor::v1::Referral ReferralOfTheTestCoach() {
  wor::v1::Referral referral = TestReferral(kId);
  referral.set_assigned_coach(kTestCoach);
  referral.mutable_intake()->set_coach(kTestCoach);
  return referral;
}

std::string NewTempDir() {
  std::string pattern = ::testing::TempDir() + "calendar_server_XXXXXX";
  EXPECT_NE(mkdtemp(pattern.data()), nullptr);
  return pattern;
}

TEST(CalendarServer, TheServerPushesItsOutboxToTheCoachsCaldavCalendar) {
  const std::string dir = NewTempDir();
  std::filesystem::create_directories(dir + "/radicale");
  std::filesystem::create_directories(dir + "/server");
  absl::StatusOr<std::unique_ptr<RadicaleServer>> radicale =
      RadicaleServer::Start(dir + "/radicale");
  ASSERT_THAT(radicale, IsOk());
  wor::server::config::ServerConfig config = TestConfig(dir + "/server");
  const std::string password_file = dir + "/server/caldav-password";
  std::ofstream(password_file) << RadicaleServer::kPassword << "\n";
  auto* caldav = config.mutable_calendar()->mutable_caldav();
  caldav->set_base_url((*radicale)->base_url());
  caldav->set_calendar_path_template("/wor/{coach}/");
  caldav->set_username(RadicaleServer::kUser);
  caldav->set_password_file(password_file);
  FakeClock clock(absl::FromUnixSeconds(1795000000));
  std::ostringstream log;
  absl::StatusOr<std::unique_ptr<WorServer>> server =
      WorServer::Start(config, &clock, &log);
  ASSERT_THAT(server, IsOk());

  wor::v1::ReferralEvent event;
  event.set_type(wor::v1::REFERRAL_EVENT_TYPE_UPDATED);
  *event.mutable_referral() = ReferralOfTheTestCoach();
  ASSERT_THAT((*server)->store().Write(
                  [&](WriteTransaction& tx) { return tx.AppendEvent(event); }),
              IsOk());

  // The push runs on the server's own thread: poll the calendar server.
  std::string calendar;
  const absl::Time give_up = absl::Now() + absl::Seconds(20);
  while (absl::Now() < give_up) {
    absl::StatusOr<RawHttpResponse> response =
        (*radicale)->Request("GET", "/wor/coach-41234567/");
    ASSERT_THAT(response, IsOk());
    if (response->status == 200 &&
        absl::StrContains(response->body, "-intake@welzijnoprecept")) {
      calendar = response->body;
      break;
    }
    absl::SleepFor(absl::Milliseconds(50));
  }
  EXPECT_THAT(calendar, HasSubstr("SUMMARY:Intake J.d.V."));
  // Audited as an export by the sync's system user of the server's operator.
  AuditFilter by_sync;
  by_sync.user = "system:calendar-sync";
  absl::StatusOr<std::vector<wor::v1::AuditRecord>> audit =
      (*server)->store().ListAudit(by_sync, 0, 100);
  ASSERT_THAT(audit, IsOk());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ((*audit)[0].organisation(),
            absl::StrCat("operator:", config.operator_().id()));
  EXPECT_EQ((*audit)[0].event(), wor::v1::AUDIT_EVENT_TYPE_EXPORT);
  (*server)->Shutdown(absl::ZeroDuration());
  (*server)->Wait();
  server->reset();
  EXPECT_THAT(log.str(), HasSubstr("calendar_sync_started"));
  EXPECT_THAT(log.str(), Not(HasSubstr("J.d.V.")));
  EXPECT_THAT(log.str(), Not(HasSubstr(RadicaleServer::kPassword)));
  radicale->reset();
  std::filesystem::remove_all(dir);
}

TEST(CalendarServer, ACoachExportsTheirCalendarOverGrpc) {
  TestServer server(/*use_sqlite=*/false);
  ASSERT_THAT(server.server().store().Write([&](WriteTransaction& tx) {
    return tx.InsertReferral(kId, ReferralOfTheTestCoach());
  }),
              IsOk());
  auto own = wor::v1::SchedulingService::NewStub(server.ChannelAs(CoachOf()));
  grpc::ClientContext context;
  wor::v1::ExportCoachCalendarRequest request;
  request.set_coach(kTestCoach);
  wor::v1::ExportCoachCalendarResponse response;
  grpc::Status status = own->ExportCoachCalendar(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_THAT(response.icalendar(),
              HasSubstr("UID:wor-4f2c0a1b9d8e7f60-intake@welzijnoprecept"));
  EXPECT_THAT(response.icalendar(), Not(HasSubstr("0612345678")));

  // Another coach of the same organisation: the same answer as a missing
  // calendar.
  auto foreign =
      wor::v1::SchedulingService::NewStub(server.ChannelAs(TestIdentity{
          "kvk:41234567", "coach-other", wor::v1::USER_ROLE_COACH, ""}));
  grpc::ClientContext other_context;
  status = foreign->ExportCoachCalendar(&other_context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

}  // namespace
}  // namespace wor::server
