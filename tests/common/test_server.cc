#include "tests/common/test_server.h"

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "server/config/config_loader.h"
#include "server/domain/time_conversion.h"

namespace wor::server {

absl::Time TestInstant(const char* rfc3339) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, rfc3339, &t, &error)) {
    std::cerr << "bad test instant " << rfc3339 << ": " << error << "\n";
    std::abort();
  }
  return t;
}

wor::server::config::ServerConfig TestConfig(const std::string& directory) {
  std::ifstream file(std::string(WOR_SOURCE_DIR) +
                     "/deploy/config/demo.textproto");
  std::stringstream text;
  text << file.rdbuf();
  absl::StatusOr<wor::server::config::ServerConfig> config =
      ParseServerConfig(text.str());
  if (!config.ok()) {
    std::cerr << "demo config: " << config.status() << "\n";
    std::abort();
  }
  config->set_listen_address("127.0.0.1:0");
  // Identity from headers over plaintext (see tests/common/test_identity.h);
  // the mutual-TLS path has its own tests with a real PKI.
  config->mutable_security()->set_development_mode(true);
  config->mutable_security()->clear_tls();
  config->mutable_security()->clear_token_keys();
  if (directory.empty()) {
    config->mutable_storage()->mutable_memory();
  } else {
    config->mutable_storage()->mutable_sqlite()->set_path(directory +
                                                          "/wor.db");
    const std::string key_file = directory + "/master.key";
    std::ofstream(key_file) << std::string(64, 'a') << "\n";
    auto* privacy = config->mutable_privacy();
    privacy->set_keyring_path(directory + "/keyring.db");
    privacy->clear_master_keys();
    auto* master = privacy->add_master_keys();
    master->set_id("test-1");
    master->set_file(key_file);
    privacy->set_active_master_key_id("test-1");
  }
  return *config;
}

TestServer::TestServer(bool use_sqlite, absl::Time now) : clock_(now) {
  if (use_sqlite) {
    std::string pattern = ::testing::TempDir() + "wor-test-XXXXXX";
    char* made = mkdtemp(pattern.data());
    if (made == nullptr) std::abort();
    directory_ = made;
  }
  StartServer();
}

void TestServer::Restart() {
  server_->Shutdown(absl::ZeroDuration());
  server_.reset();
  StartServer();
}

void TestServer::StartServer() {
  wor::server::config::ServerConfig config = TestConfig(directory_);
  // A restart listens where the first server did, so clients reconnect.
  if (port_ != 0) config.set_listen_address(absl::StrCat("127.0.0.1:", port_));
  auto server = WorServer::Start(config, &clock_, &log_);
  if (!server.ok()) {
    std::cerr << "test server: " << server.status() << "\n";
    std::abort();
  }
  server_ = *std::move(server);
  port_ = server_->port();
  channel_ = ChannelWithIdentity(target(), std::nullopt);
  referrals_ = wor::v1::ReferralService::NewStub(channel_);
  intake_ = wor::v1::IntakeService::NewStub(channel_);
  feedback_ = wor::v1::FeedbackService::NewStub(channel_);
  form_ = wor::v1::ReferralFormService::NewStub(channel_);
  catalogue_ = wor::v1::CatalogueService::NewStub(channel_);
  diagnostics_ = wor::v1::DiagnosticsService::NewStub(channel_);
}

std::string TestServer::target() const {
  return absl::StrCat("127.0.0.1:", server_->port());
}

std::shared_ptr<grpc::Channel> TestServer::ChannelAs(
    const TestIdentity& identity) {
  return ChannelWithIdentity(target(), identity);
}

TestServer::~TestServer() {
  server_->Shutdown(absl::ZeroDuration());
  server_.reset();
  if (!directory_.empty()) std::filesystem::remove_all(directory_);
}

wor::v1::Referral ValidReferral() {
  wor::v1::Referral r;
  auto* referrer = r.mutable_referrer();
  referrer->set_person_agb("01099999");
  referrer->set_practice_agb("01012345");
  referrer->set_role(wor::v1::REFERRER_ROLE_GP);
  referrer->set_display_name("Dr. A. Jansen");
  auto* patient = r.mutable_patient();
  patient->set_ehr_patient_reference("Patient/42");
  patient->set_given_name("Jan");
  patient->set_family_name("de Vries");
  patient->mutable_birth_date()->set_year(1958);
  patient->mutable_birth_date()->set_month(3);
  patient->mutable_birth_date()->set_day(14);
  patient->set_phone("06 98765432");
  patient->set_email("jan.devries@voorbeeld.nl");
  auto* address = patient->mutable_address();
  address->set_street("Hoofdstraat");
  address->set_house_number("12A");
  address->set_postal_code("7941 AB");
  address->set_city("Meppel");
  patient->add_preferred_contact_times(wor::v1::CONTACT_TIME_MORNING);
  patient->set_language("nl");
  r.add_indicators(wor::v1::INDICATOR_LONELINESS);
  r.add_indicators(wor::v1::INDICATOR_SLEEP_PROBLEMS);
  auto* contra = r.mutable_contra_indications();
  contra->set_extensive_care_trajectory(wor::v1::YES_NO_NO);
  contra->set_chronic_psychiatric_illness(wor::v1::YES_NO_NO);
  contra->set_intellectual_disability_intensive_support(wor::v1::YES_NO_NO);
  contra->set_serious_drug_use(wor::v1::YES_NO_NO);
  contra->set_serious_personality_disorder(wor::v1::YES_NO_NO);
  auto* talk = r.mutable_conversation();
  talk->set_problems_fit_profile(wor::v1::YES_NO_YES);
  talk->set_patient_sees_other_approach(wor::v1::YES_NO_YES);
  talk->set_patient_motivated(wor::v1::YES_NO_YES);
  talk->set_patient_open_to_activity(wor::v1::YES_NO_YES);
  r.set_patient_question(
      "Sinds mijn vrouw overleed kom ik de deur niet meer uit.");
  r.set_route(wor::v1::REFERRAL_ROUTE_EHR_PLUGIN);
  auto* consent = r.mutable_consent();
  consent->add_scopes(wor::v1::CONSENT_SCOPE_SHARE_WITH_COACH);
  consent->add_scopes(wor::v1::CONSENT_SCOPE_FEEDBACK_TO_REFERRER);
  consent->set_obtained_by_agb("01099999");
  *consent->mutable_obtain_time() =
      ToTimestamp(TestInstant("2026-04-23T07:45:00Z"));
  consent->set_method(wor::v1::CONSENT_METHOD_VERBAL);
  return r;
}

}  // namespace wor::server
