#include "bench/bench_harness.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"

namespace wor::server {

Throughput MeasureThroughput(int in_flight, double seconds,
                             const BenchCall& call) {
  std::atomic<bool> stop{false};
  std::atomic<int64_t> done{0};
  std::atomic<int64_t> failed{0};
  absl::Mutex failure_mu;
  absl::Status first_failure;
  std::vector<std::thread> threads;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < in_flight; ++i) {
    threads.emplace_back([&, i] {
      for (int64_t n = i; !stop.load(std::memory_order_relaxed);
           n += in_flight) {
        absl::Status status = call(n);
        if (status.ok()) {
          done.fetch_add(1, std::memory_order_relaxed);
          continue;
        }
        if (failed.fetch_add(1, std::memory_order_relaxed) == 0) {
          absl::MutexLock lock(&failure_mu);
          first_failure = std::move(status);
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread& thread : threads) thread.join();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  Throughput result;
  result.calls_per_second = done.load() / elapsed;
  result.failed = failed.load();
  absl::MutexLock lock(&failure_mu);
  result.first_failure = first_failure;
  return result;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

std::string CaseKey(const std::string& name, int in_flight) {
  return absl::StrCat(name, " @", in_flight);
}

void InterleavedBench::Add(BenchCase bench_case) {
  cases_.push_back(std::move(bench_case));
}

absl::Status InterleavedBench::Run(int rounds, double seconds,
                                   std::ostream& progress) {
  for (const BenchCase& c : cases_) {
    const bool found =
        c.baseline.empty() ||
        std::any_of(cases_.begin(), cases_.end(), [&](const BenchCase& other) {
          return CaseKey(other.name, other.in_flight) == c.baseline;
        });
    if (!found) {
      return absl::FailedPreconditionError(
          absl::StrCat("case ", CaseKey(c.name, c.in_flight), ": its baseline ",
                       c.baseline, " is not a case"));
    }
  }
  std::vector<const BenchCase*> order;
  for (const BenchCase& c : cases_) order.push_back(&c);
  for (int round = 1; round <= rounds; ++round) {
    std::map<std::string, double> rate_this_round;
    for (const BenchCase* c : order) {
      const std::string key = CaseKey(c->name, c->in_flight);
      Throughput measured = MeasureThroughput(c->in_flight, seconds, c->call);
      if (measured.failed > 0) {
        return absl::InternalError(absl::StrCat(
            key, ": ", measured.failed,
            " calls failed; the first: ", measured.first_failure.ToString()));
      }
      rate_this_round[key] = measured.calls_per_second;
      rates_[key].push_back(measured.calls_per_second);
    }
    for (const BenchCase& c : cases_) {
      const std::string key = CaseKey(c.name, c.in_flight);
      const double baseline = c.baseline.empty() ? rate_this_round[key]
                                                 : rate_this_round[c.baseline];
      ratios_[key].push_back(baseline > 0 ? rate_this_round[key] / baseline
                                          : 0);
    }
    std::reverse(order.begin(), order.end());
    progress << "round " << round << "/" << rounds << " done" << std::endl;
  }
  return absl::OkStatus();
}

std::vector<std::string> InterleavedBench::keys() const {
  std::vector<std::string> keys;
  for (const BenchCase& c : cases_)
    keys.push_back(CaseKey(c.name, c.in_flight));
  return keys;
}

InterleavedBench::Summary InterleavedBench::Of(const std::string& key) const {
  Summary summary;
  auto rates = rates_.find(key);
  auto ratios = ratios_.find(key);
  if (rates == rates_.end() || ratios == ratios_.end() ||
      ratios->second.empty()) {
    return summary;
  }
  summary.median_rate = Median(rates->second);
  summary.median_ratio = Median(ratios->second);
  summary.min_ratio =
      *std::min_element(ratios->second.begin(), ratios->second.end());
  summary.max_ratio =
      *std::max_element(ratios->second.begin(), ratios->second.end());
  return summary;
}

void InterleavedBench::PrintRows(std::ostream& out,
                                 const std::vector<std::string>& keys,
                                 const std::string& ratio_heading) const {
  out << absl::StrFormat("%-44s %10s %10s %13s\n", "case", "calls/s",
                         ratio_heading, "(range)");
  for (const std::string& key : keys) {
    if (!Has(key)) continue;
    const Summary s = Of(key);
    out << absl::StrFormat("%-44s %10.0f %10.2f %6.2f-%-6.2f\n", key,
                           s.median_rate, s.median_ratio, s.min_ratio,
                           s.max_ratio);
  }
}

}  // namespace wor::server
