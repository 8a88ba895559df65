// `wor report` and `wor time log`: the regional report rendered from
// published statistics (what a steering group reads off it), and written by
// the real client from a real server.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "client-sdk/cli/cli_app.h"
#include "client-sdk/cli/report_html.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"
#include "tests/integration/rpc_helpers.h"

namespace wor::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using wor::client::Language;
using wor::client::Messages;
using wor::client::ReportData;

wor::v1::StatisticsLabel Label(const std::string& key,
                               const std::string& name) {
  wor::v1::StatisticsLabel label;
  label.set_key(key);
  label.set_display_name(name);
  return label;
}

// Meierijstad: 179 referrals, 87 from 3 pilot practices, 92 from 7 others.
ReportData Meierijstad() {
  ReportData data;
  data.from = absl::CivilDay(2023, 1, 1);
  data.to = absl::CivilDay(2023, 12, 31);
  auto& groups = *data.by_group.mutable_table();
  auto* pilot = groups.add_rows();
  *pilot->mutable_label() = Label("pilot", "Pilotpraktijken");
  pilot->add_cells()->set_count(87);
  pilot->mutable_total()->set_count(87);
  auto* other = groups.add_rows();
  *other->mutable_label() = Label("other", "Overige praktijken");
  other->add_cells()->set_count(92);
  other->mutable_total()->set_count(92);
  groups.mutable_grand_total()->set_count(179);

  auto& membership = *data.practice_by_group.mutable_table();
  *membership.add_columns() = Label("pilot", "Pilotpraktijken");
  *membership.add_columns() = Label("other", "Overige praktijken");
  const int counts[] = {40, 27, 20, 20, 15, 14, 13, 12, 10, 8};
  for (int p = 0; p < 10; ++p) {
    auto* row = membership.add_rows();
    *row->mutable_label() =
        Label(absl::StrCat("0100000", p), absl::StrCat("Praktijk ", p));
    row->add_cells()->set_count(p < 3 ? counts[p] : 0);
    row->add_cells()->set_count(p < 3 ? 0 : counts[p]);
  }
  // Practice x month: one practice's small month suppressed.
  auto& months = *data.practice_by_month.mutable_table();
  *months.add_columns() = Label("2023-01", "januari 2023");
  *months.add_columns() = Label("2023-02", "februari 2023");
  auto* a = months.add_rows();
  *a->mutable_label() = Label("01000000", "Praktijk <De Linde> & Co");
  a->add_cells()->set_count(20);
  a->add_cells();  // suppressed
  a->mutable_total()->set_count(23);
  months.add_column_totals()->set_count(20);
  months.add_column_totals()->set_count(3 + 0);
  months.mutable_grand_total()->set_count(23);
  return data;
}

TEST(ReportHtml, AStreeringGroupReadsTheCountsOffIt) {
  const Messages dutch(Language::kDutch);
  const ReportData data = Meierijstad();
  EXPECT_EQ(wor::client::ReportHeadline(data, dutch),
            "179 verwijzingen: 87 uit 3 pilotpraktijken, 92 uit 7 overige "
            "praktijken");
  const std::string html = wor::client::RenderReportHtml(data, dutch);
  EXPECT_THAT(html, HasSubstr("179 verwijzingen: 87 uit 3 pilotpraktijken"));
  EXPECT_THAT(html, HasSubstr("<svg"));
  EXPECT_THAT(html, HasSubstr("&lt;5"));  // the suppressed cell
  // Server texts are escaped; nothing is fetched or run.
  EXPECT_THAT(html, HasSubstr("Praktijk &lt;De Linde&gt; &amp; Co"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  std::string without_svg_namespace = html;
  for (size_t at; (at = without_svg_namespace.find(
                       "http://www.w3.org/2000/svg")) != std::string::npos;) {
    without_svg_namespace.erase(at, 26);
  }
  EXPECT_THAT(without_svg_namespace, Not(HasSubstr("http")));
  EXPECT_THAT(html, HasSubstr("<html lang=\"nl\">"));

  const Messages english(Language::kEnglish);
  EXPECT_EQ(wor::client::ReportHeadline(data, english),
            "179 referrals: 87 from 3 pilotpraktijken, 92 from 7 overige "
            "praktijken");
}

class ReportCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "wor-report-XXXXXX";
    directory_ = mkdtemp(pattern.data());
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  int Run(const std::string& identity, std::vector<std::string> args,
          std::string* out = nullptr) {
    std::vector<std::string> all = {"--server", server_.target(),
                                    "--dev-identity", identity};
    all.insert(all.end(), args.begin(), args.end());
    wor::client::OptionDefaults defaults;
    defaults.config_home = directory_;
    std::istringstream in;
    std::ostringstream o, e;
    const int code =
        wor::client::RunCli(all, defaults, in, o, e, server_.clock().Now());
    if (out != nullptr) *out = o.str() + e.str();
    return code;
  }

  std::string CreateFrom(const std::string& agb, int i) {
    wor::v1::Referral r = ValidReferral();
    r.mutable_referrer()->set_practice_agb(agb);
    wor::v1::CreateReferralRequest q;
    *q.mutable_referral() = r;
    q.set_request_id(absl::StrCat("create-", agb, "-", i));
    grpc::ClientContext context;
    wor::v1::CreateReferralResponse response;
    auto stub =
        wor::v1::ReferralService::NewStub(server_.ChannelAs(GpOfPractice(agb)));
    EXPECT_TRUE(stub->CreateReferral(&context, q, &response).ok());
    return response.referral().name();
  }

  TestServer server_;
  std::string directory_;
};

constexpr char kAnalyst[] =
    "partner:gemeente-meppel,analyst-meppel,PARTNER_ANALYST";
constexpr char kCoach[] = "kvk:41234567,coach-41234567,COACH";

TEST_F(ReportCommand, WritesTheReportFromTheServersStatistics) {
  // 13 from the two pilot practices, 5 from the other one.
  std::vector<std::string> names;
  for (int i = 0; i < 7; ++i) names.push_back(CreateFrom("01012345", i));
  for (int i = 0; i < 6; ++i) names.push_back(CreateFrom("01023456", i));
  for (int i = 0; i < 5; ++i) names.push_back(CreateFrom("01034567", i));
  ASSERT_TRUE(Accept(server_, names[0], "accept-0").status.ok());
  std::string said;
  EXPECT_EQ(Run(kCoach, {"time", "log", names[0], "--minutes", "90"}, &said), 0)
      << said;
  EXPECT_THAT(said, HasSubstr("90 minuten"));

  const std::string path = directory_ + "/rapport.html";
  ASSERT_EQ(Run(kAnalyst,
                {"report", "--from", "2026-04-01", "--to", "2026-04-30",
                 "--out", path},
                &said),
            0)
      << said;
  EXPECT_THAT(said, HasSubstr("18 verwijzingen: 13 uit 2 pilotpraktijken, 5 "
                              "uit 1 overige praktijken"));
  std::ifstream file(path);
  std::stringstream html;
  html << file.rdbuf();
  EXPECT_THAT(html.str(), HasSubstr("18 verwijzingen: 13 uit 2"));
  EXPECT_THAT(html.str(), HasSubstr("Huisartsenpraktijk De Hoofdstraat"));
  EXPECT_THAT(html.str(), HasSubstr("Gemeente Meppel"));  // the budget
  EXPECT_THAT(html.str(), HasSubstr("1,5 uur besteed, € 112,50"));
  EXPECT_THAT(html.str(), Not(HasSubstr("Jan")));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  // Kept as a test artefact, to look at.
  std::filesystem::create_directories(WOR_ARTEFACT_DIR);
  std::filesystem::copy_file(
      path, std::string(WOR_ARTEFACT_DIR) + "/regional-report.html",
      std::filesystem::copy_options::overwrite_existing);

  // A coach may not ask for partner figures; a bad date is a usage error.
  EXPECT_EQ(Run(kCoach, {"report", "--out", path}), 7);
  EXPECT_EQ(Run(kAnalyst, {"report", "--from", "1 april"}), 2);
}

TEST_F(ReportCommand, TheCatalogueGoesOutAsHsdsForTheSocialMap) {
  std::string said;
  ASSERT_EQ(Run(kAnalyst, {"catalogue", "--hsds"}, &said), 0) << said;
  EXPECT_THAT(said, HasSubstr("\"hsds_version\":\"3.0\""));
  EXPECT_THAT(said, HasSubstr("\"region\":\"regions/meppel\""));
  EXPECT_THAT(said, HasSubstr("\"code\":\"discover_and_do\""));
  EXPECT_THAT(said, HasSubstr("Repair Caf"));
}

}  // namespace
}  // namespace wor::server
