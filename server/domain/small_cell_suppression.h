// Small-cell suppression for anonymous aggregate tables (partner reporting).
//
// A table of counts (rows x columns, e.g. practice x month) is published with
// its row totals, column totals and grand total. So that nobody can be picked
// out of it, every count of 1 to threshold-1 people is suppressed (primary
// suppression), and further counts are suppressed (complementary suppression)
// until nothing suppressed can be worked out exactly from what is published:
//
//   * no suppressed cell or total has only one value consistent with the
//     published cells and totals (no cell alone in a row or column whose
//     total is published, no two cells that only cover each other, ...);
//   * within any row or column (the row of column totals and the column of
//     row totals included), no group of suppressed counts has a sum that is
//     fixed by the published counts and below the threshold (otherwise a
//     group of 1 to threshold-1 people is revealed all the same).
//
// Example, threshold 5 ("." is suppressed):
//
//            input       total        published    total
//          12   3  10     25          12   .   .     25
//           8   9   7     24           8   .   .     24
//          20  15   6     41          20  15   6     41
//   total  40  27  23     90          40  27  23     90
//
// The 3 is primary. Left alone it would be 25 - 12 - 10, so the cheapest
// cycle through it is suppressed as well: 10, 7 and 9 (no totals, 26
// people). Moving one person round that rectangle changes nothing that is
// published, so no hidden cell is fixed, and every hidden group in a line
// holds at least 12 people (3+9 in column 1).
//
// Zero counts are published as 0 and never suppressed. A zero identifies
// nobody (there is no one in the group), zeros are common and structural
// in these tables (a practice that referred nobody in a month), and hiding
// them would hide much of the table for no protection of any person. The
// price: a published 0 narrows what a suppressed neighbour can be; that is
// taken into account, since every published value (zeros included) is a
// constraint when the rules above are checked. This unit does not protect
// against attribute disclosure ("everyone from practice X is over 80").
//
// How: the table plus its totals is one (rows+1) x (columns+1) table in
// which every row and column sums to zero (totals counted negatively). A
// suppressed count can be changed without changing anything published
// exactly when it lies on a cycle of suppressed counts; a group of
// suppressed counts in a line has a fixed sum exactly when no such cycle
// leaves the group through another count in that line. Violations are
// repaired, one at a time in a fixed order, by suppressing the cheapest
// path that closes such a cycle (fewest totals, then fewest counts, then
// smallest sum of counts); zeros are never used. Every suppressed count is
// at least 1, so moving one person around a cycle gives a second
// non-negative solution. The result is deterministic.
//
//   absl::StatusOr<SuppressedTable> published =
//       SuppressSmallCells({{12, 3, 10}, {8, 9, 7}, {20, 15, 6}});
//   if (!published.ok()) return published.status();
//   if (!published->cells[0][1].has_value()) { /* show "<5" or "*" */ }
//
// Pure function; thread-safe.
#ifndef WOR_SERVER_DOMAIN_SMALL_CELL_SUPPRESSION_H_
#define WOR_SERVER_DOMAIN_SMALL_CELL_SUPPRESSION_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"

namespace wor::server {

// Counts of 1 to kDefaultSmallCellThreshold - 1 are never published.
inline constexpr int64_t kDefaultSmallCellThreshold = 5;

// Bounds that keep the work small (reporting tables are far smaller).
inline constexpr int kMaxSuppressionTableDimension = 100;
inline constexpr int64_t kMaxSuppressionCount = 1'000'000'000;

// A table as published: each value, or std::nullopt where suppressed.
struct SuppressedTable {
  std::vector<std::vector<std::optional<int64_t>>> cells;  // [row][column]
  std::vector<std::optional<int64_t>> row_totals;
  std::vector<std::optional<int64_t>> column_totals;
  std::optional<int64_t> grand_total;
};

// The publishable form of `counts` (rectangular, at least 1 x 1, at most
// kMaxSuppressionTableDimension each way, counts 0..kMaxSuppressionCount)
// with its totals, as described above. INVALID_ARGUMENT when the table or
// the threshold (at least 1) is out of range.
absl::StatusOr<SuppressedTable> SuppressSmallCells(
    const std::vector<std::vector<int64_t>>& counts,
    int64_t threshold = kDefaultSmallCellThreshold);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_SMALL_CELL_SUPPRESSION_H_
