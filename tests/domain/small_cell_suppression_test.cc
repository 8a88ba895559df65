// Small-cell suppression, checked by an independent brute-force attacker
// (disclosure_attacker.h) on crafted tables and thousands of random small
// ones: nothing suppressed may be pinned down from what is published, no
// published count may be small, and published counts must be the true ones.
#include "server/domain/small_cell_suppression.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/domain/disclosure_attacker.h"

namespace wor::server {
namespace {

using ::testing::IsEmpty;
using Table = std::vector<std::vector<int64_t>>;

using Grid = PublishedGrid;

Grid ToGrid(const SuppressedTable& t) {
  Grid grid = t.cells;
  for (size_t r = 0; r < grid.size(); ++r) grid[r].push_back(t.row_totals[r]);
  grid.push_back(t.column_totals);
  grid.back().push_back(t.grand_total);
  return grid;
}

std::string Show(const Grid& grid) {
  std::string out;
  for (const auto& row : grid) {
    for (const auto& v : row) absl::StrAppend(&out, v ? *v : -1, "\t");
    absl::StrAppend(&out, "\n");
  }
  return out;
}

int64_t GrandTotal(const Table& counts) {
  int64_t sum = 0;
  for (const auto& row : counts) {
    for (int64_t v : row) sum += v;
  }
  return sum;
}

// Everything that must hold of a publication of `counts`, as failure lines:
// published values are the true ones, none is small, nothing is disclosed.
std::vector<std::string> Problems(const Table& counts,
                                  const SuppressedTable& published,
                                  int64_t threshold) {
  std::vector<std::string> problems;
  Table truth = counts;
  for (auto& row : truth) {
    int64_t sum = 0;
    for (int64_t v : row) sum += v;
    row.push_back(sum);
  }
  truth.push_back(std::vector<int64_t>(truth[0].size(), 0));
  for (size_t r = 0; r + 1 < truth.size(); ++r) {
    for (size_t c = 0; c < truth[r].size(); ++c) truth.back()[c] += truth[r][c];
  }
  const Grid grid = ToGrid(published);
  if (grid.size() != truth.size()) return {"wrong number of rows"};
  for (size_t r = 0; r < grid.size(); ++r) {
    if (grid[r].size() != truth[r].size()) return {"wrong number of columns"};
    for (size_t c = 0; c < grid[r].size(); ++c) {
      if (!grid[r][c]) continue;
      if (*grid[r][c] != truth[r][c]) {
        problems.push_back(absl::StrCat("(", r, ",", c, ") published as ",
                                        *grid[r][c], " but is ", truth[r][c]));
      }
      if (*grid[r][c] >= 1 && *grid[r][c] < threshold) {
        problems.push_back(absl::StrCat("(", r, ",", c, ") small but shown"));
      }
    }
  }
  for (std::string& failure :
       FindDisclosures(grid, threshold, GrandTotal(counts) + 1)) {
    problems.push_back(std::move(failure));
  }
  return problems;
}

// Suppresses `counts` and returns what is wrong with the result.
std::vector<std::string> ProblemsAfterSuppressing(
    const Table& counts, int64_t threshold = kDefaultSmallCellThreshold) {
  absl::StatusOr<SuppressedTable> published =
      SuppressSmallCells(counts, threshold);
  if (!published.ok()) return {std::string(published.status().message())};
  std::vector<std::string> problems = Problems(counts, *published, threshold);
  if (!problems.empty()) {
    std::string input;
    for (const auto& row : counts) {
      absl::StrAppend(&input, "{", absl::StrJoin(row, ", "), "} ");
    }
    problems.push_back(absl::StrCat("input ", input));
    problems.push_back(absl::StrCat("published\n", Show(ToGrid(*published))));
  }
  return problems;
}

int CountSuppressed(const SuppressedTable& t) {
  int n = 0;
  for (const auto& entries : ToGrid(t)) {
    for (const auto& v : entries) n += v ? 0 : 1;
  }
  return n;
}

constexpr std::nullopt_t kHidden = std::nullopt;

TEST(SmallCellSuppressionTest, TheHeaderExampleIsPublishedAsDocumented) {
  absl::StatusOr<SuppressedTable> published =
      SuppressSmallCells({{12, 3, 10}, {8, 9, 7}, {20, 15, 6}});
  ASSERT_TRUE(published.ok()) << published.status();
  using Row = std::vector<std::optional<int64_t>>;
  EXPECT_EQ(published->cells,
            (std::vector<Row>{
                {12, kHidden, kHidden}, {8, kHidden, kHidden}, {20, 15, 6}}));
  EXPECT_EQ(published->row_totals, (Row{25, 24, 41}));
  EXPECT_EQ(published->column_totals, (Row{40, 27, 23}));
  EXPECT_EQ(published->grand_total, 90);
}

TEST(SmallCellSuppressionTest, AStandaloneSmallCellCannotBeRecovered) {
  EXPECT_THAT(ProblemsAfterSuppressing({{3, 10, 12}, {8, 9, 11}, {20, 15, 16}}),
              IsEmpty());
}

TEST(SmallCellSuppressionTest, TwoSmallCellsInOneRowDoNotRevealTheirSum) {
  absl::StatusOr<SuppressedTable> published =
      SuppressSmallCells({{2, 2, 20}, {10, 11, 12}, {13, 14, 15}});
  ASSERT_TRUE(published.ok());
  // 2 + 2 = 24 - 20 would reveal a group of four.
  EXPECT_FALSE(published->cells[0][2].has_value());
  EXPECT_THAT(
      ProblemsAfterSuppressing({{2, 2, 20}, {10, 11, 12}, {13, 14, 15}}),
      IsEmpty());
}

TEST(SmallCellSuppressionTest, ASmallCellAloneInItsColumnIsProtected) {
  EXPECT_THAT(ProblemsAfterSuppressing({{3, 10}, {0, 9}, {0, 8}}), IsEmpty());
  EXPECT_THAT(ProblemsAfterSuppressing({{3, 10}, {6, 9}, {7, 8}}), IsEmpty());
}

TEST(SmallCellSuppressionTest, ARowWhoseOtherCellsAreLargeGivesUpOneOfThem) {
  absl::StatusOr<SuppressedTable> published =
      SuppressSmallCells({{1, 100, 200}, {50, 60, 70}});
  ASSERT_TRUE(published.ok());
  EXPECT_FALSE(published->cells[0][0].has_value());
  EXPECT_FALSE(published->cells[0][1].has_value());  // the smaller one
  EXPECT_TRUE(published->cells[0][2].has_value());
  EXPECT_THAT(ProblemsAfterSuppressing({{1, 100, 200}, {50, 60, 70}}),
              IsEmpty());
}

TEST(SmallCellSuppressionTest, ATableOfOnlySmallCountsRevealsNothing) {
  EXPECT_THAT(ProblemsAfterSuppressing({{1, 2, 3}, {4, 1, 2}, {3, 4, 1}}),
              IsEmpty());
  EXPECT_THAT(ProblemsAfterSuppressing({{1, 1}, {1, 1}}), IsEmpty());
  EXPECT_THAT(ProblemsAfterSuppressing({{3}}), IsEmpty());
}

TEST(SmallCellSuppressionTest, OneRowAndOneColumnTablesAreProtected) {
  EXPECT_THAT(ProblemsAfterSuppressing({{3, 10, 12, 0}}), IsEmpty());
  EXPECT_THAT(ProblemsAfterSuppressing({{3}, {10}, {12}, {0}}), IsEmpty());
  EXPECT_THAT(ProblemsAfterSuppressing({{2, 2, 9}}), IsEmpty());
  EXPECT_THAT(ProblemsAfterSuppressing({{4, 30}}), IsEmpty());
}

TEST(SmallCellSuppressionTest, ZerosArePublishedAndNeverHideAnything) {
  absl::StatusOr<SuppressedTable> published =
      SuppressSmallCells({{0, 0}, {0, 0}});
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(CountSuppressed(*published), 0);
  EXPECT_EQ(published->grand_total, 0);

  published = SuppressSmallCells({{0, 3, 0}, {0, 8, 9}, {0, 7, 6}});
  ASSERT_TRUE(published.ok());
  for (const auto& row : ToGrid(*published)) {
    EXPECT_EQ(row[0], 0);
  }
  EXPECT_THAT(ProblemsAfterSuppressing({{0, 3, 0}, {0, 8, 9}, {0, 7, 6}}),
              IsEmpty());
}

TEST(SmallCellSuppressionTest, LargeCountsAreAllPublished) {
  absl::StatusOr<SuppressedTable> published =
      SuppressSmallCells({{5, 6}, {7, 0}});
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(CountSuppressed(*published), 0);
}

TEST(SmallCellSuppressionTest, ASmallTotalOfLargeEnoughCellsIsStillChecked) {
  // Threshold 10: cells 5 and 6 are small, and so are some totals.
  EXPECT_THAT(ProblemsAfterSuppressing({{5, 6, 20}, {12, 30, 11}}, 10),
              IsEmpty());
}

TEST(SmallCellSuppressionTest, TheAttackerCatchesAPublicationThatLeaks) {
  // A lone suppressed cell in a row whose total is published.
  SuppressedTable leaky{{{kHidden, 10}, {8, 9}}, {13, 17}, {11, 19}, 30};
  EXPECT_THAT(Problems({{3, 10}, {8, 9}}, leaky, 5),
              ::testing::Contains(::testing::HasSubstr("always 3")));
  // Two small cells covering only each other: their sum 4 is fixed.
  SuppressedTable pair{
      {{kHidden, kHidden, 20}, {10, 11, 12}}, {24, 33}, {12, 13, 32}, 57};
  EXPECT_THAT(Problems({{2, 2, 20}, {10, 11, 12}}, pair, 5),
              ::testing::Not(IsEmpty()));
}

std::string Message(const absl::StatusOr<SuppressedTable>& result) {
  return std::string(result.status().message());
}

// The classic trap: every row and column hides at least two cells, yet the
// cell bridging two closed rectangles is fixed by its row.
const Table kTwoRectangles = {
    {2, 3, 6, 10}, {4, 2, 10, 11}, {10, 12, 3, 2}, {11, 13, 4, 1}};

TEST(SmallCellSuppressionTest, TheAttackerSolvesACellBridgingTwoRectangles) {
  SuppressedTable bridged{{{kHidden, kHidden, kHidden, 10},
                           {kHidden, kHidden, 10, 11},
                           {10, 12, kHidden, kHidden},
                           {11, 13, kHidden, kHidden}},
                          {21, 27, 27, 29},
                          {27, 30, 23, 24},
                          104};
  EXPECT_THAT(Problems(kTwoRectangles, bridged, 5),
              ::testing::Contains("entry (0,2) is always 6"));
}

TEST(SmallCellSuppressionTest, CellsThatOnlyCoverEachOtherAreNotEnough) {
  EXPECT_THAT(ProblemsAfterSuppressing(kTwoRectangles), IsEmpty());
  EXPECT_THAT(
      ProblemsAfterSuppressing(
          {{2, 20, 30, 40}, {20, 3, 30, 40}, {20, 30, 4, 40}, {20, 30, 40, 1}}),
      IsEmpty());
}

// A column hiding 2+1 and 7+7: enough in total, but if rows 0 and 1 only
// cover each other, the 2 and 1 together are fixed at 3.
TEST(SmallCellSuppressionTest, ASmallPairInsideALargerHiddenGroupIsProtected) {
  EXPECT_THAT(ProblemsAfterSuppressing(
                  {{4, 12, 9, 2}, {11, 7, 12, 1}, {9, 11, 4, 7}, {8, 8, 1, 7}}),
              IsEmpty());
  EXPECT_THAT(
      ProblemsAfterSuppressing(
          {{13, 18, 22, 22}, {7, 5, 3, 6}, {7, 22, 0, 25}, {0, 24, 19, 13}},
          10),
      IsEmpty());
}

TEST(SmallCellSuppressionTest, BadInputIsRefusedWithTheFieldNamed) {
  EXPECT_EQ(SuppressSmallCells({}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SuppressSmallCells({{}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(SuppressSmallCells({{1, 2}, {3}})),
              ::testing::StartsWith("counts[1]"));
  EXPECT_THAT(Message(SuppressSmallCells({{1, -2}})),
              ::testing::StartsWith("counts[0][1]"));
  EXPECT_THAT(Message(SuppressSmallCells({{1}}, 0)),
              ::testing::StartsWith("threshold"));
}

// 1 to 4 rows and columns (so 1 x N and N x 1 too), counts 0..max_count.
Table RandomTable(std::mt19937& random, int max_count = 12) {
  std::uniform_int_distribution<int> size(1, 4);
  std::uniform_int_distribution<int> value(0, max_count);
  Table t(size(random), std::vector<int64_t>(size(random)));
  for (auto& row : t) {
    for (int64_t& v : row) v = value(random);
  }
  return t;
}

TEST(SmallCellSuppressionTest, ThousandsOfRandomTablesRevealNothing) {
  std::mt19937 random(20261122);
  for (int i = 0; i < 3000; ++i) {
    const Table counts = RandomTable(random);
    const std::vector<std::string> problems = ProblemsAfterSuppressing(counts);
    ASSERT_THAT(problems, IsEmpty()) << "table " << i;
  }
}

TEST(SmallCellSuppressionTest, RandomTablesRevealNothingUnderAHigherThreshold) {
  std::mt19937 random(10);
  for (int i = 0; i < 2000; ++i) {
    const Table counts = RandomTable(random, 25);
    const std::vector<std::string> problems =
        ProblemsAfterSuppressing(counts, 10);
    ASSERT_THAT(problems, IsEmpty()) << "table " << i;
  }
}

TEST(SmallCellSuppressionTest, TheSameTableIsAlwaysSuppressedTheSameWay) {
  std::mt19937 random(7);
  for (int i = 0; i < 200; ++i) {
    const Table counts = RandomTable(random);
    absl::StatusOr<SuppressedTable> a = SuppressSmallCells(counts);
    absl::StatusOr<SuppressedTable> b = SuppressSmallCells(counts);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(ToGrid(*a), ToGrid(*b));
  }
}

}  // namespace
}  // namespace wor::server
