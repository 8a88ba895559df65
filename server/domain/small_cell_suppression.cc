// Small-cell suppression: primary suppression of small counts, then
// complementary suppression along cheapest cycles until no suppressed count,
// and no small group of them in a line, is fixed by what is published.
#include "server/domain/small_cell_suppression.h"

#include <cstdint>
#include <numeric>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"

namespace wor::server {
namespace {

// The table with its totals as one bipartite graph: a node per line (rows
// 0..rows-1 and the row of column totals; columns likewise), an edge per
// entry. Entry (r, c) joins row node r and column node c.
class TotalledTable {
 public:
  explicit TotalledTable(const std::vector<std::vector<int64_t>>& counts)
      : rows_(static_cast<int>(counts.size()) + 1),
        columns_(static_cast<int>(counts[0].size()) + 1),
        values_(rows_ * columns_, 0),
        suppressed_(rows_ * columns_, false) {
    for (int r = 0; r + 1 < rows_; ++r) {
      for (int c = 0; c + 1 < columns_; ++c) {
        const int64_t v = counts[r][c];
        values_[Index(r, c)] = v;
        values_[Index(r, columns_ - 1)] += v;
        values_[Index(rows_ - 1, c)] += v;
        values_[Index(rows_ - 1, columns_ - 1)] += v;
      }
    }
  }

  int rows() const { return rows_; }
  int columns() const { return columns_; }
  int nodes() const { return rows_ + columns_; }
  int64_t value(int r, int c) const { return values_[Index(r, c)]; }
  bool suppressed(int r, int c) const { return suppressed_[Index(r, c)]; }
  void Suppress(int r, int c) { suppressed_[Index(r, c)] = true; }
  bool IsTotal(int r, int c) const {
    return r == rows_ - 1 || c == columns_ - 1;
  }

  // Nodes 0..rows-1 are rows, rows..nodes-1 columns.
  bool IsRowNode(int node) const { return node < rows_; }
  // The entry joining a row node and a column node, as (row, column).
  std::pair<int, int> Entry(int a, int b) const {
    return IsRowNode(a) ? std::pair(a, b - rows_) : std::pair(b, a - rows_);
  }
  // The node at the other end of the line's total (its marginal entry).
  int MarginalNeighbour(int node) const {
    return IsRowNode(node) ? nodes() - 1 : rows_ - 1;
  }
  // The nodes across from `node`.
  int FirstNeighbour(int node) const { return IsRowNode(node) ? rows_ : 0; }
  int EndNeighbour(int node) const { return IsRowNode(node) ? nodes() : rows_; }

 private:
  int Index(int r, int c) const { return r * columns_ + c; }

  int rows_;
  int columns_;
  std::vector<int64_t> values_;
  std::vector<bool> suppressed_;
};

class DisjointSets {
 public:
  explicit DisjointSets(int n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(int a, int b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<int> parent_;
};

// Suppressed entries of one line whose far ends are connected without the
// line: no published change can move people between this group and the
// rest of the line, so the group's sum is fixed unless it holds the total.
struct Violation {
  int line;
  std::vector<int> far_ends;  // of the group's entries, in node order
};

// The first group of `line` that is fixed and must not be: a single entry
// (its value is fixed), or entries without the line's total whose sum is
// below the threshold.
std::optional<Violation> FindViolationAt(const TotalledTable& table, int line,
                                         int64_t threshold) {
  DisjointSets connected(table.nodes());
  for (int r = 0; r < table.rows(); ++r) {
    for (int c = 0; c < table.columns(); ++c) {
      const int column_node = table.rows() + c;
      if (table.suppressed(r, c) && r != line && column_node != line) {
        connected.Join(r, column_node);
      }
    }
  }
  std::vector<int> seen_groups;
  for (int end = table.FirstNeighbour(line); end < table.EndNeighbour(line);
       ++end) {
    const auto [r, c] = table.Entry(line, end);
    if (!table.suppressed(r, c)) continue;
    const int group = connected.Find(end);
    bool already_seen = false;
    for (int g : seen_groups) already_seen = already_seen || g == group;
    if (already_seen) continue;
    seen_groups.push_back(group);

    Violation candidate{line, {}};
    bool holds_total = false;
    int64_t sum = 0;
    for (int other = end; other < table.EndNeighbour(line); ++other) {
      const auto [r2, c2] = table.Entry(line, other);
      if (!table.suppressed(r2, c2) || connected.Find(other) != group) {
        continue;
      }
      candidate.far_ends.push_back(other);
      if (other == table.MarginalNeighbour(line)) {
        holds_total = true;
      } else {
        sum += table.value(r2, c2);
      }
    }
    if (candidate.far_ends.size() == 1 || (!holds_total && sum < threshold)) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::optional<Violation> FindFirstViolation(const TotalledTable& table,
                                            int64_t threshold) {
  for (int line = 0; line < table.nodes(); ++line) {
    if (auto violation = FindViolationAt(table, line, threshold)) {
      return violation;
    }
  }
  return std::nullopt;
}

// What suppressing a path costs: totals are the most useful to publish,
// then the number of counts, then the people hidden.
struct PathCost {
  int64_t totals = 0;
  int64_t entries = 0;
  int64_t people = 0;

  friend bool operator<(const PathCost& a, const PathCost& b) {
    return std::tie(a.totals, a.entries, a.people) <
           std::tie(b.totals, b.entries, b.people);
  }
};

// Suppresses the cheapest path from the group's first far end to its line
// that avoids the group's own entries, closing a cycle that joins the group
// to another entry of the line. Zeros are never on the path. Such a path
// always exists: a group with a count of at least 1 has a positive line
// total, column or row total and grand total to go round by.
// False only if no path exists, which the argument above rules out.
bool Repair(const Violation& violation, TotalledTable& table) {
  const int n = table.nodes();
  const int source = violation.far_ends.front();
  const int target = violation.line;
  auto excluded = [&](int a, int b) {
    if (a != target && b != target) return false;
    const int far = a == target ? b : a;
    for (int f : violation.far_ends) {
      if (f == far) return true;
    }
    return false;
  };

  std::vector<std::optional<PathCost>> cost(n);
  std::vector<int> previous(n, -1);
  std::vector<bool> done(n, false);
  cost[source] = PathCost{};
  while (true) {
    int next = -1;
    for (int v = 0; v < n; ++v) {
      if (!done[v] && cost[v] && (next < 0 || *cost[v] < *cost[next])) {
        next = v;
      }
    }
    if (next < 0 || next == target) break;
    done[next] = true;
    for (int v = table.FirstNeighbour(next); v < table.EndNeighbour(next);
         ++v) {
      if (done[v] || excluded(next, v)) continue;
      const auto [r, c] = table.Entry(next, v);
      PathCost step;
      if (!table.suppressed(r, c)) {
        if (table.value(r, c) == 0) continue;
        step.totals = table.IsTotal(r, c) ? 1 : 0;
        step.entries = 1;
        step.people = table.value(r, c);
      }
      const PathCost total{cost[next]->totals + step.totals,
                           cost[next]->entries + step.entries,
                           cost[next]->people + step.people};
      if (!cost[v] || total < *cost[v]) {
        cost[v] = total;
        previous[v] = next;
      }
    }
  }
  if (!cost[target]) return false;
  for (int v = target; v != source; v = previous[v]) {
    const auto [r, c] = table.Entry(v, previous[v]);
    table.Suppress(r, c);
  }
  return true;
}

absl::Status ValidateInput(const std::vector<std::vector<int64_t>>& counts,
                           int64_t threshold) {
  if (threshold < 1 || threshold > kMaxSuppressionCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("threshold: must be between 1 and ", kMaxSuppressionCount,
                     ", got ", threshold));
  }
  if (counts.empty() || counts.size() > kMaxSuppressionTableDimension) {
    return absl::InvalidArgumentError(
        absl::StrCat("counts: must have 1 to ", kMaxSuppressionTableDimension,
                     " rows, got ", counts.size()));
  }
  const size_t columns = counts[0].size();
  if (columns == 0 || columns > kMaxSuppressionTableDimension) {
    return absl::InvalidArgumentError(
        absl::StrCat("counts: must have 1 to ", kMaxSuppressionTableDimension,
                     " columns, got ", columns));
  }
  for (size_t r = 0; r < counts.size(); ++r) {
    if (counts[r].size() != columns) {
      return absl::InvalidArgumentError(
          absl::StrCat("counts[", r, "]: has ", counts[r].size(),
                       " columns where row 0 has ", columns,
                       "; every row needs the same columns"));
    }
    for (size_t c = 0; c < columns; ++c) {
      if (counts[r][c] < 0 || counts[r][c] > kMaxSuppressionCount) {
        return absl::InvalidArgumentError(
            absl::StrCat("counts[", r, "][", c, "]: must be between 0 and ",
                         kMaxSuppressionCount, ", got ", counts[r][c]));
      }
    }
  }
  return absl::OkStatus();
}

std::optional<int64_t> Published(const TotalledTable& table, int r, int c) {
  if (table.suppressed(r, c)) return std::nullopt;
  return table.value(r, c);
}

}  // namespace

absl::StatusOr<SuppressedTable> SuppressSmallCells(
    const std::vector<std::vector<int64_t>>& counts, int64_t threshold) {
  if (absl::Status valid = ValidateInput(counts, threshold); !valid.ok()) {
    return valid;
  }
  TotalledTable table(counts);
  for (int r = 0; r < table.rows(); ++r) {
    for (int c = 0; c < table.columns(); ++c) {
      if (table.value(r, c) >= 1 && table.value(r, c) < threshold) {
        table.Suppress(r, c);
      }
    }
  }
  // Each repair suppresses at least one more count (a path of suppressed
  // counts alone would already have joined the group), so this ends.
  while (std::optional<Violation> v = FindFirstViolation(table, threshold)) {
    if (!Repair(*v, table)) {
      return absl::InternalError(
          "small-cell suppression found no way to protect a count; "
          "nothing may be published from this table");
    }
  }

  const int rows = table.rows() - 1;
  const int columns = table.columns() - 1;
  SuppressedTable out;
  out.cells.resize(rows);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < columns; ++c) {
      out.cells[r].push_back(Published(table, r, c));
    }
    out.row_totals.push_back(Published(table, r, columns));
  }
  for (int c = 0; c < columns; ++c) {
    out.column_totals.push_back(Published(table, rows, c));
  }
  out.grand_total = Published(table, rows, columns);
  return out;
}

}  // namespace wor::server
