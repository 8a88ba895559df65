// A real WorServer for integration tests: gRPC on 127.0.0.1 port 0, the demo
// region's configuration, SQLite in a fresh temporary directory (or memory),
// a fake clock, and stubs for every service.
#ifndef WOR_TESTS_COMMON_TEST_SERVER_H_
#define WOR_TESTS_COMMON_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <sstream>
#include <string>

#include "server/app/wor_server.h"
#include "server/config/server_config.pb.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_identity.h"
#include "wor/v1/catalogue.grpc.pb.h"
#include "wor/v1/diagnostics.grpc.pb.h"
#include "wor/v1/feedback.grpc.pb.h"
#include "wor/v1/intake_service.grpc.pb.h"
#include "wor/v1/referral_form.grpc.pb.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::server {

// The demo region (deploy/config/demo.textproto) with listen port 0 and the
// database in `directory` (memory when empty).
wor::server::config::ServerConfig TestConfig(const std::string& directory);

class TestServer {
 public:
  // Starts at `now` (default: Thursday 23 April 2026, 10:00 in Amsterdam).
  explicit TestServer(bool use_sqlite = true,
                      absl::Time now = TestInstant("2026-04-23T08:00:00Z"));
  ~TestServer();

  FakeClock& clock() { return clock_; }
  // Stops the server and starts a new one on the same database, keyring
  // and clock (a restart; SQLite only), listening on the same port. Stubs and
  // channel() are renewed.
  void Restart();
  WorServer& server() { return *server_; }
  // Calls on channel() and the stubs below act as the natural actor of
  // each method (tests/common/test_identity.h); ChannelAs acts as one user.
  std::shared_ptr<grpc::Channel> channel() { return channel_; }
  std::shared_ptr<grpc::Channel> ChannelAs(const TestIdentity& identity);
  // "127.0.0.1:<port>".
  std::string target() const;
  const std::string& directory() const { return directory_; }
  // Everything the server logged (JSON lines).
  std::string logs() const { return log_.str(); }

  wor::v1::ReferralService::Stub& referrals() { return *referrals_; }
  wor::v1::IntakeService::Stub& intake() { return *intake_; }
  wor::v1::FeedbackService::Stub& feedback() { return *feedback_; }
  wor::v1::ReferralFormService::Stub& form() { return *form_; }
  wor::v1::CatalogueService::Stub& catalogue() { return *catalogue_; }
  wor::v1::DiagnosticsService::Stub& diagnostics() { return *diagnostics_; }

 private:
  void StartServer();

  FakeClock clock_;
  std::string directory_;
  int port_ = 0;
  std::ostringstream log_;
  std::unique_ptr<WorServer> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<wor::v1::ReferralService::Stub> referrals_;
  std::unique_ptr<wor::v1::IntakeService::Stub> intake_;
  std::unique_ptr<wor::v1::FeedbackService::Stub> feedback_;
  std::unique_ptr<wor::v1::ReferralFormService::Stub> form_;
  std::unique_ptr<wor::v1::CatalogueService::Stub> catalogue_;
  std::unique_ptr<wor::v1::DiagnosticsService::Stub> diagnostics_;
};

// A complete, valid referral from demo practice 01012345 (made-up data).
wor::v1::Referral ValidReferral();

}  // namespace wor::server

#endif  // WOR_TESTS_COMMON_TEST_SERVER_H_
