// Throughput of CreateReferral and GetReferral against Ping on the same
// server, at 1 and at 16 calls in flight, over real gRPC on loopback with the
// SQLite store durable (synchronous=FULL).
//
// The servers run in development mode (plaintext; the calls carry a GP's
// identity in the x-wor-* headers), so every call is still identified,
// authorised and — for referrals — audited; security_overhead_bench adds
// mutual TLS and user tokens.
//
// The machines are shared and noisy, so every figure is a ratio against the
// Ping measured in the same round, rounds interleave all cases, and the
// report gives medians. A second server with group commit switched off
// (max_writes_per_commit = 1) runs in the same rounds to show what batching
// commits buys.
//
//   build/bench/referral_throughput_bench [--rounds N] [--seconds S]
//       [--only SUBSTRING] [--relaxed-durability]
//
// --only keeps the cases whose name contains SUBSTRING (Ping always runs, as
// the baseline); --relaxed-durability (synchronous=NORMAL) is for diagnosis
// only: it shows how much of a create's cost is the flush to disk.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "bench/bench_harness.h"
#include "bench/bench_servers.h"
#include "server/common/status_macros.h"

namespace wor::server {
namespace {

struct Options {
  int rounds = 5;
  double seconds = 1.0;
  std::string only;
  bool relaxed_durability = false;
};

void PrintReport(const InterleavedBench& bench, const Options& options) {
  std::cout << absl::StrFormat(
      "%s, loopback gRPC, %d rounds x %.1f s, medians:\n\n",
      options.relaxed_durability
          ? "DIAGNOSIS ONLY: relaxed SQLite (synchronous=NORMAL)"
          : "Durable SQLite (synchronous=FULL)",
      options.rounds, options.seconds);
  bench.PrintRows(std::cout, bench.keys(), "x Ping");
  const std::string create = CaseKey("CreateReferral", 16);
  const std::string single = CaseKey("CreateReferral, no group commit", 16);
  if (!bench.Has(create) || !bench.Has(single)) return;
  const double create16 = bench.Of(create).median_ratio;
  std::cout << absl::StrFormat(
      "\nGoal: CreateReferral @16 >= 0.50 x Ping @16 -> %.2f (%s)\n", create16,
      create16 >= 0.5 ? "met" : "NOT met");
  std::cout << absl::StrFormat(
      "Group commit gain @16: %.1fx the creates of one commit per write\n",
      bench.Of(create).median_rate / bench.Of(single).median_rate);
}

absl::Status RunBench(const Options& options) {
  WOR_ASSIGN_OR_RETURN(const std::string root, MakeTempDirectory("wor-bench"));
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() { std::filesystem::remove_all(path); }
  } remove_on_exit{root};
  std::filesystem::create_directories(root + "/grouped");
  std::filesystem::create_directories(root + "/single");
  SystemClock clock;
  std::ostringstream log;
  WOR_ASSIGN_OR_RETURN(
      std::unique_ptr<BenchServer> grouped,
      StartBenchServer({.directory = root + "/grouped",
                        .max_writes_per_commit = 64,
                        .relaxed_durability = options.relaxed_durability},
                       &clock, &log));
  WOR_ASSIGN_OR_RETURN(
      std::unique_ptr<BenchServer> single,
      StartBenchServer({.directory = root + "/single",
                        .max_writes_per_commit = 1,
                        .relaxed_durability = options.relaxed_durability},
                       &clock, &log));
  const wor::v1::Referral referral = BenchReferral();
  WOR_RETURN_IF_ERROR(SeedReferrals(*grouped, referral, 200));

  InterleavedBench bench;
  for (int in_flight : {1, 16}) {
    const std::string ping = CaseKey("Ping", in_flight);
    const auto wanted = [&](const std::string& name) {
      return name.find(options.only) != std::string::npos;
    };
    bench.Add({"Ping", in_flight, [&](int64_t) { return CallPing(*grouped); }});
    if (wanted("CreateReferral")) {
      bench.Add({"CreateReferral", in_flight,
                 [&](int64_t) { return CallCreate(*grouped, referral); },
                 ping});
    }
    if (wanted("GetReferral")) {
      bench.Add({"GetReferral", in_flight,
                 [&](int64_t n) { return CallGet(*grouped, n); }, ping});
    }
    if (wanted("CreateReferral, no group commit")) {
      bench.Add({"CreateReferral, no group commit", in_flight,
                 [&](int64_t) { return CallCreate(*single, referral); }, ping});
    }
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
    } else if (std::strcmp(argv[i], "--relaxed-durability") == 0) {
      options.relaxed_durability = true;
    } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      options.rounds = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      options.seconds = std::atof(argv[++i]);
    } else {
      std::cerr
          << "usage: referral_throughput_bench [--rounds N] [--seconds S] "
             "[--only SUBSTRING] [--relaxed-durability]\n";
      return 2;
    }
  }
  absl::Status status = wor::server::RunBench(options);
  if (!status.ok()) {
    std::cerr << "referral_throughput_bench: " << status << "\n";
    return 1;
  }
  return 0;
}
