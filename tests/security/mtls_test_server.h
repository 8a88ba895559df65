// A real WorServer with mutual TLS for the security tests: the demo region's
// configuration (tests/common/test_server.h) with development mode off, the
// shared development PKI's server certificate, client CA and every
// organisation's token key, an in-memory store, and a fake clock that user
// token times are checked against.
//
//   MtlsTestServer server;
//   auto referrals = wor::v1::ReferralService::NewStub(
//       server.ChannelFor("agb:01012345"));
//   grpc::ClientContext context;
//   AddUserToken(context, server.TokenFor("agb:01012345", "gp-1", "GP"));
#ifndef WOR_TESTS_SECURITY_MTLS_TEST_SERVER_H_
#define WOR_TESTS_SECURITY_MTLS_TEST_SERVER_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <sstream>
#include <string>

#include "server/app/wor_server.h"
#include "server/config/server_config.pb.h"
#include "tests/common/fake_clock.h"
#include "tests/security/dev_pki.h"

namespace wor::server {

struct MtlsServerOptions {
  bool allow_tls12 = false;
  // 0 keeps the configuration's default.
  int max_streams_per_organisation = 0;
  int max_message_bytes = 0;
};

// The validated configuration MtlsTestServer runs with.
wor::server::config::ServerConfig MtlsTestConfig(
    const DevPki& pki, const MtlsServerOptions& options);

class MtlsTestServer {
 public:
  // Starts at Thursday 23 April 2026, 10:00 in Amsterdam.
  explicit MtlsTestServer(MtlsServerOptions options = {});
  ~MtlsTestServer();

  FakeClock& clock() { return clock_; }
  WorServer& server() { return *server_; }
  const DevPki& pki() const { return pki_; }
  int port() const { return server_->port(); }
  // Everything the server logged (JSON lines).
  std::string logs() const { return log_.str(); }

  // A channel presenting `organisation`'s client certificate.
  std::shared_ptr<grpc::Channel> ChannelFor(const std::string& organisation);
  // A channel presenting the given certificate and key (PEM files), or no
  // client certificate at all when both are empty.
  std::shared_ptr<grpc::Channel> ChannelWithCertificate(
      const std::string& certificate_file, const std::string& key_file);

  // A valid token of `user` in `role` ("GP", "COACH", …), issued by
  // `organisation`'s identity provider now (fake clock), valid one hour.
  std::string TokenFor(const std::string& organisation, const std::string& user,
                       const std::string& role,
                       const std::string& acting_for = "") const;

 private:
  const DevPki& pki_;
  FakeClock clock_;
  std::ostringstream log_;
  std::unique_ptr<WorServer> server_;
};

// Sends `token` as `authorization: Bearer <token>`.
void AddUserToken(grpc::ClientContext& context, const std::string& token);

}  // namespace wor::server

#endif  // WOR_TESTS_SECURITY_MTLS_TEST_SERVER_H_
