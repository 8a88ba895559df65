// What security costs: mutual TLS, user tokens, authorisation, disclosure and
// the audit record of every access, against the plaintext Ping of a
// development-mode server — and what the audit chain costs on the create
// transaction, measured in the store with and without the audit record.
//
// One process starts two servers on 127.0.0.1, each on its own durable
// SQLite file (synchronous=FULL, group commit): one in development mode
// (plaintext, identity in x-wor-* headers), one with mutual TLS from a fresh
// development PKI (deploy/pki/make-dev-pki.sh) and an ES256 user token on
// every call. Beside them a bare store (tmp folder, same settings) runs the
// create transaction itself. Every round runs every case for the same time,
// interleaved; the report gives medians and the spread over the rounds.
//
//   build/bench/security_overhead_bench [--rounds N] [--seconds S]
//       [--only SUBSTRING]
//
// --only keeps the cases whose name contains SUBSTRING, and their baselines.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_harness.h"
#include "bench/bench_servers.h"
#include "bench/create_transaction_workload.h"
#include "server/common/status_macros.h"
#include "server/domain/resource_names.h"

namespace wor::server {
namespace {

constexpr char kPing[] = "Ping, plaintext";
constexpr char kNoAudit[] = "create transaction, no audit";
constexpr char kWithAudit[] = "create transaction + audit";
constexpr int kPatients = 256;

struct Options {
  int rounds = 5;
  double seconds = 1.0;
  std::string only;
};

// A referral exactly as the server stored it (state, deadlines, consent
// history), read back through the store.
absl::StatusOr<wor::v1::Referral> ReferralAsStored(BenchServer& server) {
  WOR_ASSIGN_OR_RETURN(std::string id,
                       ParseReferralName("name", server.names.front()));
  WOR_ASSIGN_OR_RETURN(StoredReferral stored,
                       server.server->store().GetReferral(id));
  return stored.referral;
}

// The caller as the mutual-TLS server identified them (certificate
// fingerprint, peer address, user, role), from its CreateReferral audit
// records.
absl::StatusOr<CallContext> CreatingCaller(BenchServer& server) {
  WOR_ASSIGN_OR_RETURN(std::vector<wor::v1::AuditRecord> records,
                       server.server->store().ListAudit(AuditFilter(), 0, 50));
  for (const wor::v1::AuditRecord& record : records) {
    if (record.method() != "wor.v1.ReferralService.CreateReferral") continue;
    CallContext call;
    call.method = record.method();
    call.caller.organisation = record.organisation();
    call.caller.organisation_kind = wor::v1::ORGANISATION_KIND_PRACTICE;
    call.caller.user = record.user();
    call.caller.role = record.role();
    call.caller.responsible_user = record.responsible_user();
    call.caller.certificate_fingerprint =
        record.access_point().certificate_fingerprint();
    call.caller.peer_address = record.access_point().peer_address();
    return call;
  }
  return absl::InternalError("the server audited no CreateReferral");
}

// The cases whose name contains `only`, and the baselines they need.
std::vector<BenchCase> Select(std::vector<BenchCase> cases,
                              const std::string& only) {
  std::set<std::string> keep;
  for (const BenchCase& c : cases) {
    if (absl::StrContains(c.name, only)) {
      keep.insert(CaseKey(c.name, c.in_flight));
      if (!c.baseline.empty()) keep.insert(c.baseline);
    }
  }
  std::erase_if(cases, [&](const BenchCase& c) {
    return !keep.contains(CaseKey(c.name, c.in_flight));
  });
  return cases;
}

void PrintReport(const InterleavedBench& bench, const Options& options) {
  std::cout << absl::StrFormat(
      "Loopback gRPC, durable SQLite (synchronous=FULL, group commit), "
      "%d rounds x %.1f s, medians (range over rounds):\n\n",
      options.rounds, options.seconds);
  std::vector<std::string> remote;
  for (const std::string& key : bench.keys()) {
    if (!absl::StrContains(key, "transaction")) remote.push_back(key);
  }
  bench.PrintRows(std::cout, remote, "x Ping");
  std::cout << "(x Ping: ratio to the plaintext Ping of the same round and "
               "concurrency)\n";
  for (int in_flight : {1, 16}) {
    const std::string plain_get = CaseKey("GetReferral, plaintext", in_flight);
    const std::string tls_get = CaseKey("GetReferral, mTLS + token", in_flight);
    const std::string tls_ping = CaseKey("Ping, mTLS + token", in_flight);
    if (bench.Has(tls_get) && bench.Has(tls_ping) && bench.Has(plain_get)) {
      std::cout << absl::StrFormat(
          "@%-2d mTLS + token: GetReferral %.2f x its plaintext figure, "
          "Ping %.2f x\n",
          in_flight,
          bench.Of(tls_get).median_rate / bench.Of(plain_get).median_rate,
          bench.Of(tls_ping).median_ratio);
    }
  }

  std::vector<std::string> store;
  for (const std::string& key : bench.keys()) {
    if (absl::StrContains(key, "transaction")) store.push_back(key);
  }
  if (store.empty()) return;
  std::cout << "\nThe create transaction in the store (InsertReferral + "
               "AppendEvent + InsertIdempotencyRecord,\nsealed; with and "
               "without AppendAudit), SQLite synchronous=FULL, group commit "
               "64:\n\n";
  bench.PrintRows(std::cout, store, "x no audit");
  for (int in_flight : {1, 16}) {
    const std::string key = CaseKey(kWithAudit, in_flight);
    if (!bench.Has(key)) continue;
    const InterleavedBench::Summary s = bench.Of(key);
    const double cost = 100 * (1 - s.median_ratio);
    std::cout << absl::StrFormat(
        "\nAudit chain cost on the create transaction @%d: %.1f%% "
        "(rounds: %.1f%% to %.1f%%)",
        in_flight, cost, 100 * (1 - s.max_ratio), 100 * (1 - s.min_ratio));
    if (in_flight == 16) {
      std::cout << absl::StrFormat(" -> goal <= 10%%: %s",
                                   cost <= 10 ? "met" : "NOT met");
    }
    for (const char* name :
         {"CreateReferral, plaintext", "CreateReferral, mTLS + token"}) {
      const std::string e2e = CaseKey(name, in_flight);
      if (bench.Has(e2e)) {
        std::cout << absl::StrFormat("\n  end to end, %s: %.0f creates/s", e2e,
                                     bench.Of(e2e).median_rate);
      }
    }
    std::cout << "\n";
  }
}

absl::Status RunBench(const Options& options) {
  WOR_ASSIGN_OR_RETURN(const std::string root,
                       MakeTempDirectory("wor-security-bench"));
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() { std::filesystem::remove_all(path); }
  } remove_on_exit{root};
  for (const char* folder : {"/plain", "/mtls", "/store"}) {
    std::filesystem::create_directories(root + folder);
  }
  WOR_RETURN_IF_ERROR(MakeDevPki(root + "/pki"));
  SystemClock clock;
  std::ostringstream log;
  WOR_ASSIGN_OR_RETURN(
      std::unique_ptr<BenchServer> plain,
      StartBenchServer({.directory = root + "/plain"}, &clock, &log));
  WOR_ASSIGN_OR_RETURN(std::unique_ptr<BenchServer> mtls,
                       StartBenchServer({.directory = root + "/mtls",
                                         .pki_directory = root + "/pki"},
                                        &clock, &log));
  const wor::v1::Referral referral = BenchReferral();
  WOR_RETURN_IF_ERROR(SeedReferrals(*plain, referral, 200));
  WOR_RETURN_IF_ERROR(SeedReferrals(*mtls, referral, 200));

  WOR_ASSIGN_OR_RETURN(wor::v1::Referral stored, ReferralAsStored(*plain));
  WOR_ASSIGN_OR_RETURN(CallContext caller, CreatingCaller(*mtls));
  WOR_ASSIGN_OR_RETURN(std::unique_ptr<CreateTransactionWorkload> workload,
                       CreateTransactionWorkload::Open(
                           root + "/store", stored, caller, kPatients, &clock));

  std::vector<BenchCase> cases;
  for (int in_flight : {1, 16}) {
    const std::string ping = CaseKey(kPing, in_flight);
    cases.push_back(
        {kPing, in_flight, [&](int64_t) { return CallPing(*plain); }});
    cases.push_back({"Ping, mTLS + token", in_flight,
                     [&](int64_t) { return CallPing(*mtls); }, ping});
    cases.push_back({"GetReferral, plaintext", in_flight,
                     [&](int64_t n) { return CallGet(*plain, n); }, ping});
    cases.push_back({"GetReferral, mTLS + token", in_flight,
                     [&](int64_t n) { return CallGet(*mtls, n); }, ping});
    cases.push_back({"CreateReferral, plaintext", in_flight,
                     [&](int64_t) { return CallCreate(*plain, referral); },
                     ping});
    cases.push_back({"CreateReferral, mTLS + token", in_flight,
                     [&](int64_t) { return CallCreate(*mtls, referral); },
                     ping});
  }
  for (int in_flight : {1, 16}) {
    cases.push_back({kNoAudit, in_flight, [&](int64_t n) {
                       return workload->Write(n, /*with_audit=*/false);
                     }});
    cases.push_back(
        {kWithAudit, in_flight,
         [&](int64_t n) { return workload->Write(n, /*with_audit=*/true); },
         CaseKey(kNoAudit, in_flight)});
  }
  InterleavedBench bench;
  for (BenchCase& c : Select(std::move(cases), options.only)) {
    bench.Add(std::move(c));
  }
  WOR_RETURN_IF_ERROR(bench.Run(options.rounds, options.seconds, std::cerr));
  PrintReport(bench, options);
  return absl::OkStatus();
}

}  // namespace
}  // namespace wor::server

int main(int argc, char** argv) {
  // As in wor-server's main(): no debug-only deadlock detection.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  wor::server::Options options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      options.only = argv[++i];
    } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      options.rounds = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      options.seconds = std::atof(argv[++i]);
    } else {
      std::cerr << "usage: security_overhead_bench [--rounds N] [--seconds S] "
                   "[--only SUBSTRING]\n";
      return 2;
    }
  }
  absl::Status status = wor::server::RunBench(options);
  if (!status.ok()) {
    std::cerr << "security_overhead_bench: " << status << "\n";
    return 1;
  }
  return 0;
}
