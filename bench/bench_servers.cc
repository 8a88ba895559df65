#include "bench/bench_servers.h"

#include <stdlib.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "bench/bench_harness.h"
#include "server/common/status_macros.h"
#include "server/config/config_loader.h"
#include "server/crypto/es256_jwt.h"
#include "server/domain/time_conversion.h"
#include "tests/common/test_identity.h"
#include "tests/common/test_server.h"

namespace wor::server {
namespace {

constexpr char kPractice[] = "agb:01012345";
constexpr char kPracticeFile[] = "agb-01012345";  // the PKI's file name
constexpr char kUser[] = "gp-01012345";

std::atomic<int64_t> next_request{0};

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    return absl::FailedPreconditionError(absl::StrCat("cannot read ", path));
  }
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// The claims an organisation's identity provider puts in a GP's token
// (as server/tools/mint_token_main.cc does).
std::string GpTokenClaims(absl::Time now) {
  return absl::StrCat(R"({"iss":")", kPractice, R"(","sub":")", kUser,
                      R"(","aud":"wor","role":"GP","iat":)",
                      absl::ToUnixSeconds(now), R"(,"nbf":)",
                      absl::ToUnixSeconds(now - absl::Minutes(1)), R"(,"exp":)",
                      absl::ToUnixSeconds(now + absl::Hours(12)), "}");
}

absl::Status UseMutualTls(const std::string& pki,
                          wor::server::config::ServerConfig& config) {
  auto* security = config.mutable_security();
  security->set_development_mode(false);
  auto* tls = security->mutable_tls();
  tls->set_certificate_file(pki + "/server.pem");
  tls->set_private_key_file(pki + "/server.key.pem");
  tls->set_client_ca_file(pki + "/ca.pem");
  auto* key = security->add_token_keys();
  key->set_organisation(kPractice);
  key->set_key_id("dev-1");
  key->set_public_key_file(
      absl::StrCat(pki, "/tokens/", kPracticeFile, ".pub.pem"));
  return ValidateServerConfig(config);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> MutualTlsChannel(
    const std::string& pki, int port) {
  grpc::SslCredentialsOptions tls;
  WOR_ASSIGN_OR_RETURN(tls.pem_root_certs, ReadFile(pki + "/ca.pem"));
  WOR_ASSIGN_OR_RETURN(
      tls.pem_cert_chain,
      ReadFile(absl::StrCat(pki, "/clients/", kPracticeFile, ".pem")));
  WOR_ASSIGN_OR_RETURN(
      tls.pem_private_key,
      ReadFile(absl::StrCat(pki, "/clients/", kPracticeFile, ".key.pem")));
  return grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                             grpc::SslCredentials(tls));
}

absl::StatusOr<std::string> GpToken(const std::string& pki, absl::Time now) {
  WOR_ASSIGN_OR_RETURN(
      std::string pem,
      ReadFile(absl::StrCat(pki, "/tokens/", kPracticeFile, ".key.pem")));
  WOR_ASSIGN_OR_RETURN(crypto::Es256PrivateKey key,
                       crypto::Es256PrivateKey::FromPem(pem));
  return crypto::SignEs256Jwt(key, "dev-1", GpTokenClaims(now));
}

void PrepareCall(const BenchServer& server, grpc::ClientContext& context) {
  if (!server.token.empty()) {
    context.AddMetadata("authorization", absl::StrCat("Bearer ", server.token));
  }
}

absl::StatusOr<std::string> Create(BenchServer& server,
                                   const wor::v1::Referral& referral) {
  grpc::ClientContext context;
  PrepareCall(server, context);
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = referral;
  request.set_request_id(absl::StrCat("bench-", next_request.fetch_add(1)));
  wor::v1::CreateReferralResponse response;
  WOR_RETURN_IF_ERROR(FromGrpcStatus(
      server.referrals->CreateReferral(&context, request, &response)));
  return response.referral().name();
}

}  // namespace

BenchServer::~BenchServer() {
  if (server != nullptr) server->Shutdown(absl::ZeroDuration());
}

absl::Status MakeDevPki(const std::string& directory) {
  const std::string command =
      absl::StrCat("bash '", WOR_SOURCE_DIR, "/deploy/pki/make-dev-pki.sh' '",
                   directory, "' >/dev/null");
  if (std::system(command.c_str()) != 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "deploy/pki/make-dev-pki.sh failed; is the openssl command line "
        "installed? (",
        command, ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> MakeTempDirectory(const std::string& prefix) {
  std::string pattern = absl::StrCat(
      std::filesystem::temp_directory_path().string(), "/", prefix, "-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) {
    return absl::FailedPreconditionError(
        absl::StrCat("cannot make a temporary folder from ", pattern));
  }
  return pattern;
}

absl::StatusOr<std::unique_ptr<BenchServer>> StartBenchServer(
    const BenchServerOptions& options, const Clock* clock, std::ostream* log) {
  wor::server::config::ServerConfig config = TestConfig(options.directory);
  // An access-log line per call is not what we measure.
  config.set_log_level("warning");
  auto* sqlite = config.mutable_storage()->mutable_sqlite();
  sqlite->set_relaxed_durability(options.relaxed_durability);
  sqlite->set_max_writes_per_commit(options.max_writes_per_commit);
  const bool mutual_tls = !options.pki_directory.empty();
  if (mutual_tls) {
    WOR_RETURN_IF_ERROR(UseMutualTls(options.pki_directory, config));
  }
  auto bench = std::make_unique<BenchServer>();
  WOR_ASSIGN_OR_RETURN(bench->server, WorServer::Start(config, clock, log));
  if (mutual_tls) {
    WOR_ASSIGN_OR_RETURN(
        bench->channel,
        MutualTlsChannel(options.pki_directory, bench->server->port()));
    WOR_ASSIGN_OR_RETURN(bench->token,
                         GpToken(options.pki_directory, clock->Now()));
  } else {
    bench->channel = ChannelWithIdentity(
        absl::StrCat("127.0.0.1:", bench->server->port()), GpOfPractice());
  }
  bench->referrals = wor::v1::ReferralService::NewStub(bench->channel);
  bench->diagnostics = wor::v1::DiagnosticsService::NewStub(bench->channel);
  return bench;
}

wor::v1::Referral BenchReferral() {
  wor::v1::Referral referral = ValidReferral();
  *referral.mutable_consent()->mutable_obtain_time() =
      ToTimestamp(absl::Now() - absl::Hours(1));
  return referral;
}

absl::Status SeedReferrals(BenchServer& server,
                           const wor::v1::Referral& referral, int count) {
  for (int i = 0; i < count; ++i) {
    WOR_ASSIGN_OR_RETURN(std::string name, Create(server, referral));
    server.names.push_back(std::move(name));
  }
  return absl::OkStatus();
}

absl::Status CallPing(BenchServer& server) {
  grpc::ClientContext context;
  PrepareCall(server, context);
  wor::v1::PingResponse response;
  return FromGrpcStatus(
      server.diagnostics->Ping(&context, wor::v1::PingRequest(), &response));
}

absl::Status CallCreate(BenchServer& server,
                        const wor::v1::Referral& referral) {
  return Create(server, referral).status();
}

absl::Status CallGet(BenchServer& server, int64_t n) {
  if (server.names.empty()) {
    return absl::FailedPreconditionError("no referrals seeded to read");
  }
  grpc::ClientContext context;
  PrepareCall(server, context);
  wor::v1::GetReferralRequest request;
  request.set_name(server.names[n % server.names.size()]);
  wor::v1::GetReferralResponse response;
  return FromGrpcStatus(
      server.referrals->GetReferral(&context, request, &response));
}

}  // namespace wor::server
