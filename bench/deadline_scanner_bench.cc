// What one escalation scan costs as the table grows: two durable SQLite
// stores, one with 10,000 referrals and one with 1,000,000 (or --large N),
// each with the same number of referrals due per round. The scanner finds
// them through the alarm index, turns their first-contact limit BREACHED,
// sends the notice (event + audit record + referral update, one
// transaction each) — the real work of a round.
//
// Rounds alternate between the stores (interleaved, so machine noise hits
// both alike); the report gives the median time per round and the ratio
// large / small, which should stay near 1: the cost follows the number due,
// not the number stored.
//
//   build/bench/deadline_scanner_bench [--rounds N] [--due D] [--small N]
//       [--large N]
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/common/status_macros.h"
#include "server/domain/deadline_escalation.h"
#include "server/domain/deadline_scanner.h"
#include "server/domain/region_directory.h"
#include "server/domain/time_conversion.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_store.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_server.h"

namespace wor::server {
namespace {

struct Options {
  int rounds = 7;
  int due = 50;
  int small = 10000;
  int large = 1000000;
};

// Monday 2 November 2026, 10:00 in Amsterdam: office hours.
const absl::Time kStart = absl::FromUnixSeconds(1793610000);

// One store with `total` referrals of which `due` fall due in each round r
// (at kStart + r minutes); the others are due far later.
struct ScannedStore {
  std::string label;
  std::unique_ptr<PatientKeyring> keyring;
  std::unique_ptr<Store> store;
  std::unique_ptr<FakeClock> clock;
  std::unique_ptr<DeadlineScanner> scanner;
  std::vector<double> round_ms;
};

// A referral as the server stores it after creation, its limit due at
// `due` and its alarm then.
wor::v1::Referral ReferralDueAt(const std::string& id, absl::Time due) {
  wor::v1::Referral r = ValidReferral();
  r.set_name(absl::StrCat("referrals/", id));
  r.set_welfare_organisation("welfareOrganisations/41234567");
  r.set_region("regions/meppel");
  r.set_state(wor::v1::REFERRAL_STATE_ACCEPTED);
  r.set_patient_pseudonym("bench-patient");  // one data key for all rows
  auto* limit = r.mutable_deadlines()->mutable_first_contact_limit();
  limit->mutable_due_date()->set_year(2026);
  limit->mutable_due_date()->set_month(11);
  limit->mutable_due_date()->set_day(2);
  *limit->mutable_due_time() = ToTimestamp(due);
  limit->set_status(wor::v1::DEADLINE_STATUS_PENDING);
  // Its AT_RISK notice already went out; the breach is what is due.
  *limit->mutable_at_risk_notice_time() = ToTimestamp(due - absl::Hours(24));
  *r.mutable_next_deadline_alarm_time() = ToTimestamp(due);
  return r;
}

absl::Status Fill(ScannedStore& s, int total, const Options& options) {
  const int due_rows = options.due * options.rounds;
  constexpr int kPerTransaction = 5000;
  for (int first = 0; first < total; first += kPerTransaction) {
    WOR_RETURN_IF_ERROR(s.store->Write([&](WriteTransaction& tx) {
      for (int i = first; i < std::min(total, first + kPerTransaction); ++i) {
        // Rows due in round r: the first `due` of every block; the rest a
        // year later, so the index holds them all.
        const bool due_now = i < due_rows;
        const absl::Time due =
            due_now ? kStart + absl::Minutes(1 + i / options.due)
                    : kStart + absl::Hours(24 * 365) + absl::Seconds(i);
        WOR_RETURN_IF_ERROR(tx.InsertReferral(
            absl::StrCat("r", i), ReferralDueAt(absl::StrCat("r", i), due)));
      }
      return absl::OkStatus();
    }));
    if (first % 100000 == 0 && first > 0) {
      std::cerr << "  " << s.label << ": " << first << " referrals stored\n";
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<ScannedStore>> OpenStore(
    const std::string& label, const std::string& directory, int total,
    const RegionDirectory* region, const Options& options) {
  auto s = std::make_unique<ScannedStore>();
  s->label = label;
  std::filesystem::create_directories(directory);
  KeyringOptions keyring;
  keyring.path = directory + "/keyring.db";
  keyring.master_keys.push_back({"bench-1", std::string(32, 'k')});
  keyring.active_master_key_id = "bench-1";
  WOR_ASSIGN_OR_RETURN(s->keyring, OpenPatientKeyring(keyring));
  SqliteStoreOptions store;
  store.path = directory + "/wor.db";
  store.keyring = s->keyring.get();
  WOR_ASSIGN_OR_RETURN(s->store, OpenSqliteStore(store));
  s->clock = std::make_unique<FakeClock>(kStart);
  s->scanner =
      std::make_unique<DeadlineScanner>(s->store.get(), s->clock.get(), region);
  std::cerr << "filling " << label << " (" << total << " referrals)\n";
  WOR_RETURN_IF_ERROR(Fill(*s, total, options));
  return s;
}

absl::Status Round(ScannedStore& s, int round, const Options& options) {
  s.clock->Set(kStart + absl::Minutes(1 + round) + absl::Seconds(30));
  const auto begin = std::chrono::steady_clock::now();
  WOR_ASSIGN_OR_RETURN(ScanReport report, s.scanner->ScanOnce());
  const auto end = std::chrono::steady_clock::now();
  if (report.breach_notices != options.due) {
    return absl::InternalError(
        absl::StrCat(s.label, " round ", round, ": expected ", options.due,
                     " breach notices, the scan sent ", report.breach_notices));
  }
  s.round_ms.push_back(
      std::chrono::duration<double, std::milli>(end - begin).count());
  return absl::OkStatus();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

absl::Status Run(const Options& options) {
  const std::string base =
      (std::filesystem::temp_directory_path() / "wor-scanner-bench").string();
  std::filesystem::remove_all(base);
  WOR_ASSIGN_OR_RETURN(std::unique_ptr<RegionDirectory> region,
                       RegionDirectory::Create(TestConfig("")));
  WOR_ASSIGN_OR_RETURN(auto small,
                       OpenStore(absl::StrCat(options.small), base + "/small",
                                 options.small, region.get(), options));
  WOR_ASSIGN_OR_RETURN(auto large,
                       OpenStore(absl::StrCat(options.large), base + "/large",
                                 options.large, region.get(), options));
  for (int round = 0; round < options.rounds; ++round) {
    // Alternate which store goes first, so neither always runs warm.
    ScannedStore& first = round % 2 == 0 ? *small : *large;
    ScannedStore& second = round % 2 == 0 ? *large : *small;
    WOR_RETURN_IF_ERROR(Round(first, round, options));
    WOR_RETURN_IF_ERROR(Round(second, round, options));
  }
  const double small_ms = Median(small->round_ms);
  const double large_ms = Median(large->round_ms);
  std::cout << absl::StrFormat(
      "Escalation scan, durable SQLite, %d due per round, %d rounds "
      "(interleaved), medians:\n"
      "  %9d referrals: %8.2f ms per round (%.3f ms per due referral)\n"
      "  %9d referrals: %8.2f ms per round (%.3f ms per due referral)\n"
      "  ratio large / small: %.2f  (goal: close to 1)\n",
      options.due, options.rounds, options.small, small_ms,
      small_ms / options.due, options.large, large_ms, large_ms / options.due,
      large_ms / small_ms);
  small.reset();
  large.reset();
  std::filesystem::remove_all(base);
  return absl::OkStatus();
}

}  // namespace
}  // namespace wor::server

int main(int argc, char** argv) {
  wor::server::Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const int value = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--rounds") == 0) {
      options.rounds = value;
    } else if (std::strcmp(argv[i], "--due") == 0) {
      options.due = value;
    } else if (std::strcmp(argv[i], "--small") == 0) {
      options.small = value;
    } else if (std::strcmp(argv[i], "--large") == 0) {
      options.large = value;
    } else {
      std::cerr << "usage: deadline_scanner_bench [--rounds N] [--due D] "
                   "[--small N] [--large N]\n";
      return 2;
    }
  }
  if (options.rounds < 1 || options.due < 1 ||
      options.small < options.due * options.rounds ||
      options.large < options.small) {
    std::cerr << "need rounds, due >= 1 and small >= due * rounds <= large\n";
    return 2;
  }
  absl::Status status = wor::server::Run(options);
  if (!status.ok()) {
    std::cerr << "deadline_scanner_bench: " << status << "\n";
    return 1;
  }
  return 0;
}
