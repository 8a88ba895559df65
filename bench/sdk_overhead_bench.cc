// What the C++ SDK costs over the bare generated stub: the same calls on the
// same server, once through wor::client (options, identity, request ids,
// retry loop, StatusOr, paging range) and once through the stub, interleaved
// in every round; the report gives the SDK's throughput as a ratio of the
// stub's (1.00 = no cost).
//
//   build/bench/sdk_overhead_bench [--rounds 5] [--seconds 1]
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench/bench_harness.h"
#include "tests/common/test_server.h"
#include "wor/client/client.h"

namespace wor::server {
namespace {

constexpr int kReferrals = 120;
constexpr int kPageSize = 25;

struct Flags {
  int rounds = 5;
  double seconds = 1.0;
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    if (name == "--rounds") flags.rounds = std::atoi(argv[i + 1]);
    if (name == "--seconds") flags.seconds = std::atof(argv[i + 1]);
  }
  return flags;
}

wor::client::Options CoachOptions(const TestServer& server) {
  wor::client::Options options;
  options.endpoint = server.target();
  options.metadata = wor::client::DevelopmentIdentity(
      "kvk:41234567", "coach-41234567", "COACH");
  return options;
}

int Main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  TestServer server;
  std::vector<std::string> names;
  for (int i = 0; i < kReferrals; ++i) {
    wor::v1::CreateReferralRequest create;
    *create.mutable_referral() = ValidReferral();
    create.set_request_id(absl::StrCat("bench-", i));
    wor::v1::CreateReferralResponse created;
    grpc::ClientContext call;
    if (!server.referrals().CreateReferral(&call, create, &created).ok()) {
      std::cerr << "seeding failed\n";
      return 1;
    }
    names.push_back(created.referral().name());
  }

  // One channel for both paths, so only the SDK's own work differs.
  auto channel = server.ChannelAs(CoachOf());
  wor::client::Options options = CoachOptions(server);
  options.metadata.clear();  // the channel carries the identity already
  options.channel = channel;
  wor::client::ReferralClient sdk(wor::client::MakeReferralConnection(options));
  wor::client::DiagnosticsClient sdk_diagnostics(
      wor::client::MakeDiagnosticsConnection(options));
  auto stub = wor::v1::ReferralService::NewStub(channel);
  auto diagnostics = wor::v1::DiagnosticsService::NewStub(channel);

  BenchCall stub_ping = [&](int64_t) {
    grpc::ClientContext call;
    wor::v1::PingResponse response;
    return FromGrpcStatus(
        diagnostics->Ping(&call, wor::v1::PingRequest(), &response));
  };
  BenchCall sdk_ping = [&](int64_t) {
    return sdk_diagnostics.Ping(wor::v1::PingRequest()).status();
  };
  BenchCall stub_get = [&](int64_t n) {
    grpc::ClientContext call;
    wor::v1::GetReferralRequest request;
    request.set_name(names[n % names.size()]);
    wor::v1::GetReferralResponse response;
    return FromGrpcStatus(stub->GetReferral(&call, request, &response));
  };
  BenchCall sdk_get = [&](int64_t n) {
    return sdk.GetReferral(names[n % names.size()]).status();
  };
  // Every referral, page by page.
  BenchCall stub_list = [&](int64_t) {
    wor::v1::ListReferralsRequest request;
    request.set_page_size(kPageSize);
    size_t seen = 0;
    do {
      grpc::ClientContext call;
      wor::v1::ListReferralsResponse page;
      grpc::Status status = stub->ListReferrals(&call, request, &page);
      if (!status.ok()) return FromGrpcStatus(status);
      seen += page.referrals_size();
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    return seen == names.size() ? absl::OkStatus()
                                : absl::InternalError("missing referrals");
  };
  BenchCall sdk_list = [&](int64_t) {
    wor::v1::ListReferralsRequest request;
    request.set_page_size(kPageSize);
    size_t seen = 0;
    for (const auto& referral : sdk.ListReferrals(request)) {
      if (!referral.ok()) return referral.status();
      ++seen;
    }
    return seen == names.size() ? absl::OkStatus()
                                : absl::InternalError("missing referrals");
  };

  InterleavedBench bench;
  for (int in_flight : {1, 8}) {
    bench.Add({"Ping, stub", in_flight, stub_ping});
    bench.Add(
        {"Ping, SDK", in_flight, sdk_ping, CaseKey("Ping, stub", in_flight)});
    bench.Add({"GetReferral, stub", in_flight, stub_get});
    bench.Add({"GetReferral, SDK", in_flight, sdk_get,
               CaseKey("GetReferral, stub", in_flight)});
    bench.Add({"List 120 in pages of 25, stub", in_flight, stub_list});
    bench.Add({"List 120 in pages of 25, SDK", in_flight, sdk_list,
               CaseKey("List 120 in pages of 25, stub", in_flight)});
  }
  if (absl::Status run = bench.Run(flags.rounds, flags.seconds, std::cerr);
      !run.ok()) {
    std::cerr << "sdk_overhead_bench: " << run << "\n";
    return 1;
  }
  bench.PrintRows(std::cout, bench.keys(), "x stub");
  return 0;
}

}  // namespace
}  // namespace wor::server

int main(int argc, char** argv) { return wor::server::Main(argc, argv); }
