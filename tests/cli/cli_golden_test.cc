// The coach's commands of `wor`, run in-process with RunCli() against a
// real server (tests/common/test_server: gRPC on a loopback port, SQLite, a
// fake clock), compared with golden files in tests/cli/golden/.
//
// The server is seeded through its real API with referrals in different
// states and deadlines; the random referral ids are replaced by
// placeholders of the same length (<A>---…) before comparing, so the
// columns stay as printed. Any other difference fails the test. To accept
// new output after a deliberate change:
//
//   WOR_UPDATE_GOLDEN=1 build/tests/cli_test --gtest_filter='CliGolden.*'
//
// and review the diff of tests/cli/golden/ like code.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "client-sdk/cli/cli_app.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/app/wor_server.h"
#include "server/domain/time_conversion.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"
#include "tests/integration/rpc_helpers.h"
#include "wor/v1/scheduling_service.grpc.pb.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kCoachIdentity[] = "kvk:41234567,coach-41234567,COACH";
constexpr char kCoordinatorIdentity[] =
    "kvk:41234567,coordinator-41234567,COORDINATOR";

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Human output shows times in the machine's zone: make it the coach's.
    setenv("TZ", "Europe/Amsterdam", 1);
  }

  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "wor-cli-golden-XXXXXX";
    config_home_ = mkdtemp(pattern.data());
    Seed();
  }

  void TearDown() override { std::filesystem::remove_all(config_home_); }

  // The referrals, by letter (see the comment on each):
  void Seed() {
    // A, B, C: referred on Thursday 23 April 2026, 10:00.
    PublishMornings();
    names_["A"] = AcceptedBy(CoachOf(), "a");  // first contact still open
    names_["B"] = AcceptedBy(CoachOf(), "b");  // intake booked
    ASSERT_TRUE(
        Contact(server_, names_["B"], wor::v1::CONTACT_RESULT_REACHED, "b-c")
            .status.ok());
    auto booked = Schedule(server_, names_["B"],
                           TestInstant("2026-05-04T07:00:00Z"), "b-s");
    ASSERT_TRUE(booked.status.ok()) << booked.status.error_message();
    names_["C"] = AcceptedBy(CoachOf(), "c");  // on hold: clocks paused
    ASSERT_TRUE(Hold(server_, names_["C"], "c-h").status.ok());

    // E: referred on Friday 24 April, 10:00; a colleague's.
    server_.clock().Set(TestInstant("2026-04-24T08:00:00Z"));
    const TestIdentity colleague = {"kvk:41234567", "coach-2",
                                    wor::v1::USER_ROLE_COACH, ""};
    names_["E"] = AcceptedBy(colleague, "e");

    // D, F: referred on Wednesday 29 April, 10:00.
    server_.clock().Set(TestInstant("2026-04-29T08:00:00Z"));
    names_["D"] = Created("d");                // new: nobody accepted it yet
    names_["F"] = AcceptedBy(CoachOf(), "f");  // contacted, intake to book
    ASSERT_TRUE(
        Contact(server_, names_["F"], wor::v1::CONTACT_RESULT_REACHED, "f-c")
            .status.ok());

    // Now: Thursday 30 April, 10:00; A's first-contact target (Tuesday 28
    // April, after King's Day) has passed.
    server_.clock().Set(TestInstant("2026-04-30T08:00:00Z"));
    ASSERT_TRUE(server_.server().deadline_scanner().ScanOnce().ok());
  }

  std::string Created(const std::string& tag) {
    auto created = Create(server_, ValidReferral(), "create-" + tag);
    EXPECT_TRUE(created.status.ok()) << created.status.error_message();
    return created.value.name();
  }

  std::string AcceptedBy(const TestIdentity& coach, const std::string& tag) {
    const std::string name = Created(tag);
    auto stub = wor::v1::ReferralService::NewStub(server_.ChannelAs(coach));
    wor::v1::AcceptReferralRequest accept;
    accept.set_name(name);
    accept.set_request_id("accept-" + tag);
    auto accepted = WOR_UNARY(*stub, AcceptReferral, accept, referral);
    EXPECT_TRUE(accepted.status.ok()) << accepted.status.error_message();
    return name;
  }

  // Monday to Friday, 09:00–12:00, for coach-41234567.
  void PublishMornings() {
    wor::v1::UpdateCoachAvailabilityRequest request;
    wor::v1::CoachAvailability& hours = *request.mutable_availability();
    hours.set_name(
        "welfareOrganisations/41234567/coaches/coach-41234567/availability");
    for (int day = wor::v1::WEEKDAY_MONDAY; day <= wor::v1::WEEKDAY_FRIDAY;
         ++day) {
      wor::v1::WeeklyHours& weekly = *hours.add_weekly_hours();
      weekly.set_weekday(static_cast<wor::v1::Weekday>(day));
      weekly.mutable_hours()->set_start_minute(9 * 60);
      weekly.mutable_hours()->set_end_minute(12 * 60);
    }
    auto stub =
        wor::v1::SchedulingService::NewStub(server_.ChannelAs(CoachOf()));
    auto published =
        WOR_UNARY(*stub, UpdateCoachAvailability, request, availability);
    ASSERT_TRUE(published.status.ok()) << published.status.error_message();
  }

  CliRun Run(const std::string& identity, std::vector<std::string> args) {
    std::vector<std::string> all = {"--server", server_.target(),
                                    "--dev-identity", identity};
    all.insert(all.end(), args.begin(), args.end());
    wor::client::OptionDefaults defaults;
    defaults.config_home = config_home_;  // no profile of the machine's user
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    CliRun run;
    run.exit_code =
        wor::client::RunCli(all, defaults, in, out, err, server_.clock().Now());
    run.out = Normalise(out.str());
    run.err = Normalise(err.str());
    return run;
  }

  // Random referral ids → "<A>-----…" of the same length.
  std::string Normalise(std::string text) const {
    for (const auto& [letter, name] : names_) {
      const std::string id = name.substr(std::string("referrals/").size());
      std::string placeholder = absl::StrCat("<", letter, ">");
      if (placeholder.size() < id.size()) placeholder.resize(id.size(), '-');
      absl::StrReplaceAll({{id, placeholder}}, &text);
    }
    return text;
  }

  void ExpectGolden(const std::string& file, const std::string& actual) {
    const std::filesystem::path path =
        std::filesystem::path(WOR_SOURCE_DIR) / "tests/cli/golden" / file;
    const char* update = std::getenv("WOR_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
      std::ofstream(path) << actual;
      GTEST_SKIP() << "rewrote " << path;
    }
    std::ifstream stream(path);
    ASSERT_TRUE(stream) << "no golden file " << path
                        << "; make it with WOR_UPDATE_GOLDEN=1";
    std::stringstream expected;
    expected << stream.rdbuf();
    EXPECT_EQ(actual, expected.str())
        << "output differs from " << path
        << " (WOR_UPDATE_GOLDEN=1 rewrites it after a deliberate change)";
  }

  TestServer server_{true, TestInstant("2026-04-23T08:00:00Z")};
  std::string config_home_;
  std::map<std::string, std::string> names_;
};

TEST_F(CliGolden, TheWorklistTableListsMyOpenReferralsOverdueFirst) {
  CliRun run = Run(kCoachIdentity, {"referrals"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  // The colleague's referral is not on my list; no patient data is.
  EXPECT_THAT(run.out, Not(HasSubstr("<E>")));
  EXPECT_THAT(run.out, Not(HasSubstr("Sanne")));
  ExpectGolden("referrals.txt", run.out);
}

TEST_F(CliGolden, TheWorklistTableInEnglish) {
  CliRun run = Run(kCoachIdentity, {"--lang", "en", "referrals"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectGolden("referrals.en.txt", run.out);
}

TEST_F(CliGolden, TheWorklistAsJsonIsOneStableDocument) {
  CliRun run = Run(kCoachIdentity, {"--json", "referrals"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, Not(HasSubstr("Sanne")));
  ExpectGolden("referrals.json", run.out);
}

TEST_F(CliGolden, ACoordinatorSeesTheWholeOrganisationWithAllCoaches) {
  CliRun run = Run(kCoordinatorIdentity, {"referrals", "--all-coaches"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectGolden("referrals-all-coaches.txt", run.out);
}

TEST_F(CliGolden, ACoordinatorWithoutAllCoachesIsToldWhatToUse) {
  CliRun run = Run(kCoordinatorIdentity, {"referrals"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--all-coaches"));
  EXPECT_EQ(run.out, "");
}

TEST_F(CliGolden, TheStateFilterNarrowsTheWorklist) {
  CliRun run = Run(kCoachIdentity, {"referrals", "--state", "contacted"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("<F>"));
  for (const char* other : {"<A>", "<B>", "<C>", "<D>", "<E>"}) {
    EXPECT_THAT(run.out, Not(HasSubstr(other)));
  }
}

TEST_F(CliGolden, ShowPrintsTheReferralAndItsNextDeadline) {
  CliRun run = Run(kCoachIdentity, {"show", names_["B"]});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectGolden("show.txt", run.out);
}

TEST_F(CliGolden, SlotsAreNumberedAndSayWhetherTheyMeetTheDeadline) {
  CliRun run = Run(kCoachIdentity, {"slots", names_["F"], "--count", "4"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ExpectGolden("slots.txt", run.out);
}

TEST_F(CliGolden, ScheduleInANumberedSlotBooksThatSlot) {
  CliRun run = Run(kCoachIdentity, {"--json", "schedule", names_["F"], "--slot",
                                    "2", "--location", "home"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // Slot 2 of slots.txt.
  EXPECT_THAT(run.out, HasSubstr("\"scheduledTime\":\"2026-04-30T09:00:00Z\""));
  EXPECT_THAT(run.out, HasSubstr("REFERRAL_STATE_INTAKE_SCHEDULED"));
  for (const char* bad : {"0", "21"}) {
    run = Run(kCoachIdentity,
              {"schedule", names_["B"], "--slot", bad, "--location", "home"});
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_THAT(run.err, HasSubstr("wor slots")) << bad;
  }
  run = Run(kCoachIdentity, {"schedule", names_["B"], "--location", "home"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--slot"));
}

TEST_F(CliGolden, IntakeCancelAndNoShowGoBackToContacted) {
  CliRun run = Run(kCoachIdentity, {"--json", "intake", "cancel", names_["B"],
                                    "--by", "patient"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("REFERRAL_STATE_CONTACTED"));
  // No intake is booked any more: a no-show is refused (exit 4).
  run = Run(kCoachIdentity, {"intake", "no-show", names_["B"]});
  EXPECT_EQ(run.exit_code, 4) << run.err;
}

}  // namespace
}  // namespace wor::server
