// A count table as PartnerService publishes it, read as the brute-force
// attacker's grid (disclosure_attacker.h): the cells with their row totals,
// then the column totals with the grand total; a suppressed count is
// std::nullopt.
#ifndef WOR_TESTS_DOMAIN_PUBLISHED_STATISTICS_H_
#define WOR_TESTS_DOMAIN_PUBLISHED_STATISTICS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "gtest/gtest.h"
#include "tests/domain/disclosure_attacker.h"
#include "wor/v1/partner_service.pb.h"

namespace wor::server {

inline std::optional<int64_t> PublishedValue(
    const wor::v1::StatisticsCount& count) {
  if (!count.has_count()) return std::nullopt;
  return count.count();
}

inline PublishedGrid GridOf(const wor::v1::StatisticsTable& table) {
  PublishedGrid grid;
  for (const auto& row : table.rows()) {
    std::vector<std::optional<int64_t>> line;
    for (const auto& cell : row.cells()) line.push_back(PublishedValue(cell));
    line.push_back(PublishedValue(row.total()));
    grid.push_back(line);
  }
  std::vector<std::optional<int64_t>> totals;
  for (const auto& total : table.column_totals()) {
    totals.push_back(PublishedValue(total));
  }
  totals.push_back(PublishedValue(table.grand_total()));
  grid.push_back(totals);
  return grid;
}

// No published count is from 1 to threshold - 1.
inline void ExpectNoSmallCountPublished(const PublishedGrid& grid,
                                        int64_t threshold = 5) {
  for (const auto& line : grid) {
    for (const auto& value : line) {
      if (value) {
        EXPECT_FALSE(*value >= 1 && *value < threshold)
            << "published " << *value;
      }
    }
  }
}

}  // namespace wor::server

#endif  // WOR_TESTS_DOMAIN_PUBLISHED_STATISTICS_H_
