// Throughput of CreateReferral and GetReferral against an empty RPC (Ping)
// on the same server, at 1 and at 16 calls in flight, over real gRPC on
// loopback with the SQLite store durable (synchronous=FULL).
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
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "server/app/wor_server.h"
#include "server/domain/clock.h"
#include "server/domain/time_conversion.h"
#include "tests/common/test_server.h"

namespace wor::server {
namespace {

struct Target {
  std::string label;
  std::unique_ptr<WorServer> server;
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<wor::v1::ReferralService::Stub> referrals;
  std::unique_ptr<wor::v1::DiagnosticsService::Stub> diagnostics;
  std::vector<std::string> names;  // referrals to read
};

bool relaxed_durability = false;

std::unique_ptr<Target> StartTarget(const std::string& label,
                                    const std::string& directory,
                                    int max_writes_per_commit,
                                    const Clock* clock, std::ostream* log) {
  auto config = TestConfig(directory);
  config.mutable_storage()->mutable_sqlite()->set_relaxed_durability(
      relaxed_durability);
  config.set_log_level(
      "warning");  // an access log line per call is not what we measure
  config.mutable_storage()->mutable_sqlite()->set_max_writes_per_commit(
      max_writes_per_commit);
  auto server = WorServer::Start(config, clock, log);
  if (!server.ok()) {
    std::cerr << "cannot start server: " << server.status() << "\n";
    std::exit(1);
  }
  auto target = std::make_unique<Target>();
  target->label = label;
  target->server = *std::move(server);
  target->channel =
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", target->server->port()),
                          grpc::InsecureChannelCredentials());
  target->referrals = wor::v1::ReferralService::NewStub(target->channel);
  target->diagnostics = wor::v1::DiagnosticsService::NewStub(target->channel);
  return target;
}

std::atomic<int64_t> next_request{0};

wor::v1::Referral BenchReferral() {
  wor::v1::Referral r = ValidReferral();
  *r.mutable_consent()->mutable_obtain_time() =
      ToTimestamp(absl::Now() - absl::Hours(1));
  return r;
}

// One call of each kind; returns false on failure.
bool CallPing(Target& t) {
  grpc::ClientContext context;
  wor::v1::PingResponse response;
  return t.diagnostics->Ping(&context, wor::v1::PingRequest(), &response).ok();
}

bool CallCreate(Target& t, const wor::v1::Referral& referral) {
  grpc::ClientContext context;
  wor::v1::CreateReferralRequest request;
  *request.mutable_referral() = referral;
  request.set_request_id(absl::StrCat("bench-", next_request.fetch_add(1)));
  wor::v1::CreateReferralResponse response;
  return t.referrals->CreateReferral(&context, request, &response).ok();
}

bool CallGet(Target& t, int64_t i) {
  grpc::ClientContext context;
  wor::v1::GetReferralRequest request;
  request.set_name(t.names[i % t.names.size()]);
  wor::v1::GetReferralResponse response;
  return t.referrals->GetReferral(&context, request, &response).ok();
}

// Runs `call` from `in_flight` threads for `seconds`; returns calls/second.
double Measure(int in_flight, double seconds,
               const std::function<bool(int64_t)>& call) {
  std::atomic<bool> stop{false};
  std::atomic<int64_t> done{0};
  std::atomic<int64_t> failed{0};
  std::vector<std::thread> threads;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < in_flight; ++i) {
    threads.emplace_back([&, i] {
      int64_t n = i;
      while (!stop.load(std::memory_order_relaxed)) {
        if (call(n)) {
          done.fetch_add(1, std::memory_order_relaxed);
        } else {
          failed.fetch_add(1, std::memory_order_relaxed);
        }
        n += in_flight;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (failed.load() > 0) {
    std::cerr << "warning: " << failed.load() << " calls failed\n";
  }
  return done.load() / elapsed;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace
}  // namespace wor::server

int main(int argc, char** argv) {
  using namespace wor::server;
  // As in wor-server's main(): no debug-only deadlock detection.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  int rounds = 5;
  double seconds = 1.0;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      only = argv[++i];
    } else if (std::strcmp(argv[i], "--relaxed-durability") == 0) {
      relaxed_durability = true;
    } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else {
      std::cerr
          << "usage: referral_throughput_bench [--rounds N] [--seconds S] "
             "[--only SUBSTRING] [--relaxed-durability]\n";
      return 2;
    }
  }
  std::string pattern =
      std::filesystem::temp_directory_path().string() + "/wor-bench-XXXXXX";
  std::string root = mkdtemp(pattern.data());
  std::filesystem::create_directories(root + "/grouped");
  std::filesystem::create_directories(root + "/single");
  SystemClock clock;
  std::ostringstream log;
  auto grouped =
      StartTarget("group commit", root + "/grouped", 64, &clock, &log);
  auto single =
      StartTarget("one commit per write", root + "/single", 1, &clock, &log);

  const wor::v1::Referral referral = BenchReferral();
  for (Target* t : {grouped.get(), single.get()}) {
    for (int i = 0; i < 200; ++i) {
      grpc::ClientContext context;
      wor::v1::CreateReferralRequest request;
      *request.mutable_referral() = referral;
      request.set_request_id(absl::StrCat("seed-", t->server->port(), "-", i));
      wor::v1::CreateReferralResponse response;
      grpc::Status status =
          t->referrals->CreateReferral(&context, request, &response);
      if (!status.ok()) {
        std::cerr << "seeding failed: " << status.error_message() << "\n";
        return 1;
      }
      t->names.push_back(response.referral().name());
    }
  }

  struct Case {
    std::string name;
    int in_flight;
    std::function<bool(int64_t)> call;
  };
  std::vector<Case> cases;
  for (int in_flight : {1, 16}) {
    cases.push_back(
        {"Ping", in_flight, [&](int64_t) { return CallPing(*grouped); }});
    cases.push_back({"CreateReferral", in_flight,
                     [&](int64_t) { return CallCreate(*grouped, referral); }});
    cases.push_back({"GetReferral", in_flight,
                     [&](int64_t i) { return CallGet(*grouped, i); }});
    cases.push_back({"CreateReferral, no group commit", in_flight,
                     [&](int64_t) { return CallCreate(*single, referral); }});
  }

  std::erase_if(cases, [&](const Case& c) {
    return c.name != "Ping" && c.name.find(only) == std::string::npos;
  });
  std::map<std::string, std::vector<double>> rates;
  std::map<std::string, std::vector<double>> ratios;
  for (int round = 1; round <= rounds; ++round) {
    std::map<int, double> ping;
    for (const Case& c : cases) {
      double rate = Measure(c.in_flight, seconds, c.call);
      std::string key = absl::StrCat(c.name, " @", c.in_flight);
      rates[key].push_back(rate);
      if (c.name == "Ping") ping[c.in_flight] = rate;
      ratios[key].push_back(rate / ping[c.in_flight]);
    }
    std::cerr << "round " << round << "/" << rounds << " done\n";
  }

  std::cout << absl::StrFormat(
      "%s, loopback gRPC, %d rounds x %.1f s, medians:\n\n",
      relaxed_durability ? "DIAGNOSIS ONLY: relaxed SQLite (synchronous=NORMAL)"
                         : "Durable SQLite (synchronous=FULL)",
      rounds, seconds);
  std::cout << absl::StrFormat("%-38s %12s %14s\n", "case", "calls/s",
                               "ratio to Ping");
  for (const Case& c : cases) {
    std::string key = absl::StrCat(c.name, " @", c.in_flight);
    std::cout << absl::StrFormat("%-38s %12.0f %14.2f\n", key,
                                 Median(rates[key]), Median(ratios[key]));
  }
  if (!rates.contains("CreateReferral @16") ||
      !rates.contains("CreateReferral, no group commit @16")) {
    return 0;
  }
  double create16 = Median(ratios["CreateReferral @16"]);
  std::cout << absl::StrFormat(
      "\nGoal: CreateReferral @16 >= 0.50 x Ping @16 -> %.2f (%s)\n", create16,
      create16 >= 0.5 ? "met" : "NOT met");
  std::cout << absl::StrFormat(
      "Group commit gain @16: %.1fx the creates of one commit per write\n",
      Median(rates["CreateReferral @16"]) /
          Median(rates["CreateReferral, no group commit @16"]));

  grouped->server->Shutdown(absl::ZeroDuration());
  single->server->Shutdown(absl::ZeroDuration());
  grouped.reset();
  single.reset();
  std::filesystem::remove_all(root);
  return 0;
}
