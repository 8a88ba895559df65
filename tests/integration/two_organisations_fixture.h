// A test fixture with a real server for tests across welfare
// organisations: the demo region plus a second organisation (KVK
// kOtherOrganisation), on SQLite in a fresh directory, at Thursday 23 April
// 2026, 10:00 in Amsterdam on a fake clock. Tests reach it at target_ with
// ChannelWithIdentity().
#ifndef WOR_TESTS_INTEGRATION_TWO_ORGANISATIONS_FIXTURE_H_
#define WOR_TESTS_INTEGRATION_TWO_ORGANISATIONS_FIXTURE_H_

#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/app/wor_server.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_server.h"

namespace wor::server {

inline constexpr char kOtherOrganisation[] = "47654321";

class TwoOrganisationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "wor-two-orgs-XXXXXX";
    directory_ = mkdtemp(pattern.data());
    wor::server::config::ServerConfig config = TestConfig(directory_);
    auto* organisation = config.add_welfare_organisations();
    organisation->set_kvk_number(kOtherOrganisation);
    organisation->set_name("Welzijn Elders");
    auto server = WorServer::Start(config, &clock_, &log_);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    target_ = absl::StrCat("127.0.0.1:", server_->port());
  }

  void TearDown() override {
    server_->Shutdown(absl::ZeroDuration());
    server_.reset();
    std::filesystem::remove_all(directory_);
  }

  FakeClock clock_{TestInstant("2026-04-23T08:00:00Z")};
  std::ostringstream log_;
  std::string directory_;
  std::unique_ptr<WorServer> server_;
  std::string target_;
};

}  // namespace wor::server

#endif  // WOR_TESTS_INTEGRATION_TWO_ORGANISATIONS_FIXTURE_H_
