#include "tests/security/mtls_test_server.h"

#include <iostream>

#include "absl/strings/str_cat.h"
#include "server/config/config_loader.h"
#include "tests/common/test_server.h"
#include "tests/crypto/test_files.h"
#include "tests/security/user_tokens.h"

namespace wor::server {

wor::server::config::ServerConfig MtlsTestConfig(
    const DevPki& pki, const MtlsServerOptions& options) {
  wor::server::config::ServerConfig config = TestConfig(/*directory=*/"");
  auto* security = config.mutable_security();
  security->set_development_mode(false);
  auto* tls = security->mutable_tls();
  tls->set_certificate_file(pki.ServerCertificate());
  tls->set_private_key_file(pki.ServerKey());
  tls->set_client_ca_file(pki.CaCertificate());
  tls->set_allow_tls12(options.allow_tls12);
  for (const std::string& organisation : DevPki::Organisations()) {
    auto* key = security->add_token_keys();
    key->set_organisation(organisation);
    key->set_key_id("dev-1");
    key->set_public_key_file(pki.TokenPublicKey(organisation));
  }
  if (options.max_streams_per_organisation != 0) {
    security->set_max_streams_per_organisation(
        options.max_streams_per_organisation);
  }
  if (options.max_message_bytes != 0) {
    config.set_max_message_bytes(options.max_message_bytes);
  }
  absl::Status valid = ValidateServerConfig(config);
  if (!valid.ok()) {
    std::cerr << "mutual-TLS test configuration: " << valid << "\n";
    std::abort();
  }
  return config;
}

MtlsTestServer::MtlsTestServer(MtlsServerOptions options)
    : pki_(DevPki::Shared()), clock_(TestInstant("2026-04-23T08:00:00Z")) {
  auto server = WorServer::Start(MtlsTestConfig(pki_, options), &clock_, &log_);
  if (!server.ok()) {
    std::cerr << "mutual-TLS test server: " << server.status() << "\n";
    std::abort();
  }
  server_ = *std::move(server);
}

MtlsTestServer::~MtlsTestServer() { server_->Shutdown(absl::ZeroDuration()); }

std::shared_ptr<grpc::Channel> MtlsTestServer::ChannelFor(
    const std::string& organisation) {
  return ChannelWithCertificate(pki_.ClientCertificate(organisation),
                                pki_.ClientKey(organisation));
}

std::shared_ptr<grpc::Channel> MtlsTestServer::ChannelWithCertificate(
    const std::string& certificate_file, const std::string& key_file) {
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = crypto::ReadFile(pki_.CaCertificate());
  if (!certificate_file.empty()) {
    tls.pem_cert_chain = crypto::ReadFile(certificate_file);
    tls.pem_private_key = crypto::ReadFile(key_file);
  }
  grpc::ChannelArguments arguments;
  // A connection of its own: channels with other certificates must not
  // share one.
  arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", port()),
                                   grpc::SslCredentials(tls), arguments);
}

std::string MtlsTestServer::TokenFor(const std::string& organisation,
                                     const std::string& user,
                                     const std::string& role,
                                     const std::string& acting_for) const {
  UserTokenClaims claims = ClaimsFor(organisation, user, role, clock_.Now());
  if (!acting_for.empty()) claims.acting_for = acting_for;
  return SignToken(claims, pki_.TokenSigningKey(organisation));
}

void AddUserToken(grpc::ClientContext& context, const std::string& token) {
  context.AddMetadata("authorization", absl::StrCat("Bearer ", token));
}

}  // namespace wor::server
