// Partner statistics over a large region: GetReferralStatistics' domain path
// (scan of the referral facts, counts, compliance, wellbeing, small-cell
// suppression, the audit record) against the raw SQL GROUP BY of the same
// practice-by-month counts, on the same durable SQLite file, in the same
// run.
//
// Rounds alternate which of the two goes first (interleaved, so machine noise
// hits both alike); the report gives the median of each and the ratio
// statistics / raw query. Goal: at most 2, and under a second at 1,000,000
// referrals. The counts of the two are checked against each other.
//
//   build/bench/partner_statistics_bench [--rounds N] [--referrals N]
//       [--keep-database]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "server/common/status_macros.h"
#include "server/domain/partner_reporting.h"
#include "server/domain/region_directory.h"
#include "server/domain/time_conversion.h"
#include "server/store/patient_keyring.h"
#include "server/store/sqlite_store.h"
#include "tests/common/fake_clock.h"
#include "tests/common/test_server.h"

namespace wor::server {
namespace {

struct Options {
  int rounds = 5;
  int referrals = 1000000;
  bool keep_database = false;  // for looking into it with sqlite3
};

const absl::Time kNow = absl::FromUnixSeconds(1793610000);  // 2 Nov 2026
const absl::CivilDay kFirstDay(2025, 1, 1);
constexpr int kDays = 2 * 365;  // 2025 and 2026: 24 whole months

// Ten practices: the demo region's three and seven it does not know.
const char* const kPractices[] = {
    "01012345", "01023456", "01034567", "01045678", "01056789",
    "01067890", "01078901", "01089012", "01090123", "01001234"};

wor::v1::Referral SyntheticReferral(int i, std::mt19937& random) {
  wor::v1::Referral r;
  r.set_name(absl::StrCat("referrals/r", i));
  r.mutable_referrer()->set_practice_agb(kPractices[random() % 10]);
  r.set_welfare_organisation("welfareOrganisations/41234567");
  r.set_patient_pseudonym("bench-patient");  // one data key for all rows
  r.set_route(static_cast<wor::v1::ReferralRoute>(1 + random() % 3));
  r.add_indicators(static_cast<wor::v1::Indicator>(1 + random() % 9));
  auto* m = r.mutable_milestones();
  *m->mutable_referral_date() =
      ToLocalDate(kFirstDay + static_cast<int>(random() % kDays));
  static const char* const kBands[] = {"18-24", "25-44", "45-64", "65-74",
                                       "75+"};
  m->set_age_band(kBands[random() % 5]);
  const int stage = random() % 4;  // requested, contacted, intake, completed
  r.set_state(stage == 0   ? wor::v1::REFERRAL_STATE_REQUESTED
              : stage == 1 ? wor::v1::REFERRAL_STATE_CONTACTED
              : stage == 2 ? wor::v1::REFERRAL_STATE_IN_PROGRESS
                           : wor::v1::REFERRAL_STATE_COMPLETED);
  if (stage >= 1) {
    const int days = 1 + random() % 6;
    m->set_working_days_to_contact(days);
    r.mutable_deadlines()->mutable_first_contact_target()->set_status(
        days <= 2 ? wor::v1::DEADLINE_STATUS_MET_ON_TIME
                  : wor::v1::DEADLINE_STATUS_MET_LATE);
  }
  if (stage >= 2) {
    m->set_working_days_to_intake(3 + random() % 8);
    r.mutable_intake()->mutable_scores()->set_mental_wellbeing(random() % 11);
  }
  if (stage == 3) {
    r.mutable_closing()->set_outcome(
        wor::v1::REFERRAL_OUTCOME_ACTIVITY_STARTED);
    r.mutable_closing()->mutable_scores()->set_mental_wellbeing(random() % 11);
  }
  return r;
}

absl::Status Fill(Store& store, int total) {
  std::mt19937 random(20261102);
  constexpr int kPerTransaction = 5000;
  for (int first = 0; first < total; first += kPerTransaction) {
    WOR_RETURN_IF_ERROR(store.Write([&](WriteTransaction& tx) {
      for (int i = first; i < std::min(total, first + kPerTransaction); ++i) {
        WOR_RETURN_IF_ERROR(tx.InsertReferral(absl::StrCat("r", i),
                                              SyntheticReferral(i, random)));
      }
      return absl::OkStatus();
    }));
    if (first % 200000 == 0 && first > 0) {
      std::cerr << "  " << first << " referrals stored\n";
    }
  }
  return absl::OkStatus();
}

// The raw query: practice x month counts straight from the facts table.
absl::StatusOr<std::map<std::pair<std::string, std::string>, int64_t>>
RawCounts(sqlite3* db) {
  constexpr char kQuery[] =
      "SELECT practice_agb, strftime('%Y-%m', referral_day * 86400, "
      "'unixepoch') AS month, COUNT(*) FROM referral_facts "
      "WHERE referral_day BETWEEN ? AND ? GROUP BY practice_agb, month";
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, kQuery, -1, &stmt, nullptr) != SQLITE_OK) {
    return absl::InternalError(sqlite3_errmsg(db));
  }
  sqlite3_bind_int64(stmt, 1, kFirstDay - absl::CivilDay(1970, 1, 1));
  sqlite3_bind_int64(stmt, 2,
                     kFirstDay + kDays - 1 - absl::CivilDay(1970, 1, 1));
  std::map<std::pair<std::string, std::string>, int64_t> counts;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    counts[{reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
            reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1))}] =
        sqlite3_column_int64(stmt, 2);
  }
  sqlite3_finalize(stmt);
  return counts;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <typename F>
double TimeMs(F&& f) {
  const auto begin = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - begin)
      .count();
}

absl::Status Run(const Options& options) {
  const std::string directory =
      (std::filesystem::temp_directory_path() / "wor-statistics-bench")
          .string();
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  KeyringOptions keyring_options;
  keyring_options.path = directory + "/keyring.db";
  keyring_options.master_keys.push_back({"bench-1", std::string(32, 'k')});
  keyring_options.active_master_key_id = "bench-1";
  WOR_ASSIGN_OR_RETURN(auto keyring, OpenPatientKeyring(keyring_options));
  SqliteStoreOptions store_options;
  store_options.path = directory + "/wor.db";
  store_options.keyring = keyring.get();
  WOR_ASSIGN_OR_RETURN(auto store, OpenSqliteStore(store_options));
  std::cerr << "filling " << options.referrals << " referrals\n";
  WOR_RETURN_IF_ERROR(Fill(*store, options.referrals));

  const wor::server::config::ServerConfig config = TestConfig("");
  WOR_ASSIGN_OR_RETURN(auto region, RegionDirectory::Create(config));
  FakeClock clock(kNow);
  WOR_ASSIGN_OR_RETURN(auto reporting, PartnerReporting::Create(
                                           store.get(), &clock, region.get(),
                                           config, std::string(32, 's')));
  CallContext call;
  call.method = "wor.v1.PartnerService.GetReferralStatistics";
  call.caller.organisation = "partner:gemeente-meppel";
  call.caller.organisation_kind = wor::v1::ORGANISATION_KIND_PARTNER;
  call.caller.user = "analyst-bench";
  call.caller.role = wor::v1::USER_ROLE_PARTNER_ANALYST;
  wor::v1::GetReferralStatisticsRequest request;
  *request.mutable_period_start() = ToLocalDate(kFirstDay);
  *request.mutable_period_end() = ToLocalDate(kFirstDay + kDays - 1);
  request.set_rows(wor::v1::STATISTICS_DIMENSION_PRACTICE);
  request.set_columns(wor::v1::STATISTICS_DIMENSION_MONTH);

  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(store_options.path.c_str(), &raw, SQLITE_OPEN_READONLY,
                      nullptr) != SQLITE_OK) {
    return absl::InternalError("cannot open the database for the raw query");
  }
  // The same memory-mapped reads the store's connections use.
  sqlite3_exec(raw, "PRAGMA mmap_size=1073741824", nullptr, nullptr, nullptr);
  std::vector<double> statistics_ms, raw_ms;
  absl::Status failure;
  for (int round = 0; round < options.rounds; ++round) {
    wor::v1::GetReferralStatisticsResponse published;
    std::map<std::pair<std::string, std::string>, int64_t> counted;
    auto statistics = [&] {
      statistics_ms.push_back(TimeMs([&] {
        auto answer = reporting->Statistics(call, request);
        if (!answer.ok()) failure = answer.status();
        if (answer.ok()) published = *std::move(answer);
      }));
    };
    auto query = [&] {
      raw_ms.push_back(TimeMs([&] {
        auto answer = RawCounts(raw);
        if (!answer.ok()) failure = answer.status();
        if (answer.ok()) counted = *std::move(answer);
      }));
    };
    if (round % 2 == 0) {
      statistics();
      query();
    } else {
      query();
      statistics();
    }
    WOR_RETURN_IF_ERROR(failure);
    // Same counts: every published cell equals the raw query's.
    const auto& table = published.table();
    int64_t checked = 0;
    for (const auto& row : table.rows()) {
      for (int c = 0; c < row.cells_size(); ++c) {
        if (!row.cells(c).has_count()) continue;
        const int64_t raw_count =
            counted[{row.label().key(), table.columns(c).key()}];
        if (raw_count != row.cells(c).count()) {
          return absl::InternalError(
              absl::StrCat("count mismatch for ", row.label().key(), " ",
                           table.columns(c).key(), ": ", row.cells(c).count(),
                           " vs ", raw_count));
        }
        ++checked;
      }
    }
    if (checked == 0 || !table.grand_total().has_count() ||
        table.grand_total().count() != options.referrals) {
      return absl::InternalError("the statistics do not count every referral");
    }
  }
  sqlite3_close(raw);
  const double s = Median(statistics_ms);
  const double q = Median(raw_ms);
  std::cout << absl::StrFormat(
      "Partner statistics (practice x month, compliance, wellbeing, "
      "suppression, audit) over %d referrals, durable SQLite, %d rounds "
      "(interleaved), medians:\n"
      "  GetReferralStatistics (domain + store): %8.1f ms\n"
      "  raw SQL GROUP BY of the same counts:    %8.1f ms\n"
      "  ratio statistics / raw query: %.2f  (goal: at most 2, and under "
      "1000 ms)\n",
      options.referrals, options.rounds, s, q, s / q);
  store.reset();
  keyring.reset();
  if (options.keep_database) {
    std::cerr << "kept " << store_options.path << "\n";
  } else {
    std::filesystem::remove_all(directory);
  }
  return absl::OkStatus();
}

}  // namespace
}  // namespace wor::server

int main(int argc, char** argv) {
  wor::server::Options options;
  for (int i = 1; i < argc; i += 2) {
    if (std::strcmp(argv[i], "--keep-database") == 0) {
      options.keep_database = true;
      --i;
      continue;
    }
    const int value = i + 1 < argc ? std::atoi(argv[i + 1]) : 0;
    if (std::strcmp(argv[i], "--rounds") == 0 && value > 0) {
      options.rounds = value;
    } else if (std::strcmp(argv[i], "--referrals") == 0 && value > 0) {
      options.referrals = value;
    } else {
      std::cerr << "usage: partner_statistics_bench [--rounds N] "
                   "[--referrals N] [--keep-database]\n";
      return 2;
    }
  }
  absl::Status status = wor::server::Run(options);
  if (!status.ok()) {
    std::cerr << "partner_statistics_bench: " << status << "\n";
    return 1;
  }
  return 0;
}
