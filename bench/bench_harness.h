// Throughput measurement for the benchmarks, made for shared, noisy machines:
// every case runs in every round, rounds interleave all cases (in reverse
// order every other round, so no case always runs first or last), each case
// is compared with a baseline measured in the same round, and the report
// gives medians and the spread over the rounds.
//
//   InterleavedBench bench;
//   bench.Add({"Ping", 16, ping});                       // its own baseline
//   bench.Add({"GetReferral", 16, get, CaseKey("Ping", 16)});
//   absl::Status run = bench.Run(/*rounds=*/5, /*seconds=*/1.0, std::cerr);
//   bench.PrintRows(std::cout, bench.keys());
//
// A failed call is counted and makes Run fail: a benchmark whose calls fail
// (say, because the server now wants an identity) measures nothing.
// Not thread-safe; the calls it runs are made from many threads at once.
#ifndef WOR_BENCH_BENCH_HARNESS_H_
#define WOR_BENCH_BENCH_HARNESS_H_

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace wor::server {

// One call of a case. `n` numbers the calls of one measurement; no two
// threads get the same `n`.
using BenchCall = std::function<absl::Status(int64_t n)>;

struct Throughput {
  double calls_per_second = 0;
  int64_t failed = 0;
  absl::Status first_failure;
};

// Runs `call` back to back from `in_flight` threads for `seconds`.
Throughput MeasureThroughput(int in_flight, double seconds,
                             const BenchCall& call);

// The median (mean of the middle two for an even count); 0 when empty.
double Median(std::vector<double> values);

// The gRPC status as an absl::Status with the same code and message.
absl::Status FromGrpcStatus(const grpc::Status& status);

// "GetReferral @16": how a case is named in reports and baselines.
std::string CaseKey(const std::string& name, int in_flight);

struct BenchCase {
  std::string name;
  int in_flight = 1;
  BenchCall call;
  // CaseKey of the case this one is compared with (same round); empty: the
  // case is a baseline itself (ratio 1).
  std::string baseline = {};
};

class InterleavedBench {
 public:
  // Figures of one case over all rounds.
  struct Summary {
    double median_rate = 0;   // calls per second
    double median_ratio = 0;  // of the per-round ratios to the baseline
    double min_ratio = 0;
    double max_ratio = 0;
  };

  void Add(BenchCase bench_case);

  // Runs the rounds, with a progress line per round on `progress`.
  // FAILED_PRECONDITION when a baseline is missing; INTERNAL, naming the case
  // and the first failure, when any call failed.
  absl::Status Run(int rounds, double seconds, std::ostream& progress);

  // Every case's key, in the order added.
  std::vector<std::string> keys() const;
  bool Has(const std::string& key) const { return rates_.contains(key); }
  Summary Of(const std::string& key) const;

  // A table of the given cases: median calls/s, median ratio to the
  // baseline and the range of that ratio over the rounds.
  void PrintRows(std::ostream& out, const std::vector<std::string>& keys,
                 const std::string& ratio_heading = "ratio") const;

 private:
  std::vector<BenchCase> cases_;
  std::map<std::string, std::vector<double>> rates_;
  std::map<std::string, std::vector<double>> ratios_;
};

}  // namespace wor::server

#endif  // WOR_BENCH_BENCH_HARNESS_H_
