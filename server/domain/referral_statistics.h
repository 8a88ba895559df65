// Partner statistics (PartnerService.GetReferralStatistics): counts of
// referrals by two dimensions, deadline compliance and wellbeing change,
// made anonymous with small-cell suppression (small_cell_suppression.h).
//
//   ReferralStatisticsBuilder builder(&directory, request);
//   store->ScanReferralFacts(filter, [&](const ReferralFacts& f) {
//     builder.Add(f);
//   });
//   absl::StatusOr<GetReferralStatisticsResponse> answer =
//       builder.Build(threshold);
//
// Add is cheap (integer keys and hash lookups, no strings built), so a
// million referrals add in well under a second; labels are made in Build.
//
// What is suppressed, threshold t (at least 5):
//   - the count table with its totals, by SuppressSmallCells;
//   - per-row compliance only when every row holds at least t referrals (a
//     small row's compliance next to its hidden count would bound it), and
//     then the counts of contacted referrals and of held intakes as a column
//     with their overall total, by SuppressSmallCells;
//   - a share only when the referrals it counts and the ones it does not are
//     each 0 or at least t, over a count that is published and at least t; a
//     median only over at least t;
//   - wellbeing: over at least max(t, 10) referrals with both scores, the
//     number rounded down to a multiple of 5 and the means to 0.1, so that
//     two answers cannot be differenced into one patient's scores.
// Along an INDICATOR dimension totals are not published (a referral counts
// under each of its indicators, so the sums are not referrals).
//
// Not thread-safe: one builder per call.
#ifndef WOR_SERVER_DOMAIN_REFERRAL_STATISTICS_H_
#define WOR_SERVER_DOMAIN_REFERRAL_STATISTICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "server/store/referral_facts.h"
#include "wor/v1/partner_service.pb.h"

namespace wor::server {

// The region's practices and practice groups, for keys and labels.
struct StatisticsDirectory {
  struct Practice {
    std::string agb;
    std::string name;
    int group = -1;  // index into groups, -1: none ("other practices")
  };
  struct Group {
    std::string id;
    std::string name;
  };
  std::vector<Practice> practices;  // in configuration order
  std::vector<Group> groups;        // in configuration order
};

// INVALID_ARGUMENT, naming the field, for a missing or equal dimension.
absl::Status ValidateStatisticsDimensions(
    const wor::v1::GetReferralStatisticsRequest& request);

class ReferralStatisticsBuilder {
 public:
  // `directory` must outlive the builder. The dimensions must have passed
  // ValidateStatisticsDimensions.
  ReferralStatisticsBuilder(const StatisticsDirectory* directory,
                            wor::v1::StatisticsDimension rows,
                            wor::v1::StatisticsDimension columns);

  void Add(const ReferralFacts& facts);

  // INVALID_ARGUMENT when the table has more than 100 rows or columns.
  absl::StatusOr<wor::v1::GetReferralStatisticsResponse> Build(
      int64_t threshold) const;

 private:
  // Working days up to this are counted exactly for medians; more is
  // counted as this.
  static constexpr int kMaxTrackedDays = 400;

  struct Compliance {
    int64_t referrals = 0;
    int64_t contacted = 0;
    int64_t within_target = 0;
    int64_t within_limit = 0;
    int64_t intakes = 0;
    std::vector<int64_t> days_to_contact;  // histogram
    std::vector<int64_t> days_to_intake;   // histogram
    void Add(const ReferralFacts& facts);
  };
  struct Wellbeing {
    int64_t pairs = 0;
    double intake_sum = 0;
    double closing_sum = 0;
  };

  // The integer keys of `facts` along `dimension` (several for indicators).
  void KeysOf(wor::v1::StatisticsDimension dimension,
              const ReferralFacts& facts, std::vector<int64_t>& keys);
  wor::v1::StatisticsLabel LabelOf(wor::v1::StatisticsDimension dimension,
                                   int64_t key) const;
  int64_t PracticeIndex(const std::string& agb);

  const StatisticsDirectory* directory_;
  wor::v1::StatisticsDimension row_dimension_;
  wor::v1::StatisticsDimension column_dimension_;
  // Practices by AGB: configured ones first, others as they turn up.
  absl::flat_hash_map<std::string, int64_t> practice_index_;
  std::vector<std::string> unknown_practices_;

  int64_t referrals_ = 0;
  absl::flat_hash_map<std::pair<int64_t, int64_t>, int64_t> cells_;
  absl::flat_hash_map<int64_t, Compliance> row_compliance_;
  Compliance overall_;
  std::array<Wellbeing, 6> wellbeing_{};
  std::vector<int64_t> row_keys_;     // scratch
  std::vector<int64_t> column_keys_;  // scratch
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_REFERRAL_STATISTICS_H_
