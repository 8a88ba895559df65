// Servers under benchmark and one-line calls against them.
//
// A BenchServer is a real WorServer on 127.0.0.1 (port 0) with the demo
// region, on its own durable SQLite file (synchronous=FULL unless asked
// otherwise), and a client channel that acts as a GP of practice 01012345:
//
//  * development mode: plaintext, identity in the x-wor-* headers
//    (tests/common/test_identity.h);
//  * mutual TLS: the development PKI of deploy/pki/make-dev-pki.sh, the
//    practice's client certificate, and an ES256 user token signed with the
//    practice's token key, sent with every call as the server requires.
//
//   WOR_RETURN_IF_ERROR(MakeDevPki(root + "/pki"));
//   WOR_ASSIGN_OR_RETURN(auto server, StartBenchServer(
//       {.directory = root + "/mtls", .pki_directory = root + "/pki"},
//       &clock, &log));
//   WOR_RETURN_IF_ERROR(SeedReferrals(*server, BenchReferral(), 200));
//   absl::Status s = CallGet(*server, n);
//
// The calls are thread-safe; one channel (one connection) serves all threads,
// as one client application would.
#ifndef WOR_BENCH_BENCH_SERVERS_H_
#define WOR_BENCH_BENCH_SERVERS_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/app/wor_server.h"
#include "server/domain/clock.h"
#include "wor/v1/diagnostics.grpc.pb.h"
#include "wor/v1/referral_service.grpc.pb.h"

namespace wor::server {

struct BenchServerOptions {
  // Holds the database, keyring and master key; must exist.
  std::string directory;
  int max_writes_per_commit = 64;
  // synchronous=NORMAL: for diagnosis only.
  bool relaxed_durability = false;
  // Set: mutual TLS with the development PKI in this folder (MakeDevPki).
  // Empty: development mode, plaintext.
  std::string pki_directory = {};
};

struct BenchServer {
  std::unique_ptr<WorServer> server;
  std::shared_ptr<grpc::Channel> channel;
  // Sent as `authorization: Bearer <token>` on every call; empty in
  // development mode, where the channel adds the identity headers.
  std::string token;
  std::unique_ptr<wor::v1::ReferralService::Stub> referrals;
  std::unique_ptr<wor::v1::DiagnosticsService::Stub> diagnostics;
  // Referrals made by SeedReferrals, read by CallGet.
  std::vector<std::string> names;

  ~BenchServer();
};

// Runs deploy/pki/make-dev-pki.sh into `directory` (quietly).
absl::Status MakeDevPki(const std::string& directory);

// A fresh folder under the system's temporary directory.
absl::StatusOr<std::string> MakeTempDirectory(const std::string& prefix);

// `clock` and `log` must outlive the server. The user token (mutual TLS)
// is valid for twelve hours from the clock's now.
absl::StatusOr<std::unique_ptr<BenchServer>> StartBenchServer(
    const BenchServerOptions& options, const Clock* clock, std::ostream* log);

// A complete, valid referral of practice 01012345 whose consent was
// obtained an hour ago (real time).
wor::v1::Referral BenchReferral();

// Creates `count` referrals and remembers their names.
absl::Status SeedReferrals(BenchServer& server,
                           const wor::v1::Referral& referral, int count);

absl::Status CallPing(BenchServer& server);
// With a request_id never used before.
absl::Status CallCreate(BenchServer& server, const wor::v1::Referral& referral);
// Reads seeded referral number `n` (modulo how many there are).
absl::Status CallGet(BenchServer& server, int64_t n);

}  // namespace wor::server

#endif  // WOR_BENCH_BENCH_SERVERS_H_
