// The attacker: one search for any consistent filling (the reference), then
// per secret one search for a filling in which the secret differs from the
// reference, with the secret's cells decided first and every cell's values
// tried nearest the reference first, so a protected table is answered fast.
#include "tests/domain/disclosure_attacker.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"

namespace wor::server {
namespace {

constexpr int64_t kStepBudgetPerSearch = 50'000'000;

// A number the attacker tries to pin down: constant + sum of coefficient x
// unknown cell.
struct Secret {
  std::string name;
  bool single_entry = false;
  int64_t constant = 0;
  std::vector<int> coefficients;  // per unknown cell
};

enum class Outcome { kFound, kNone, kBudgetExceeded };

class Attacker {
 public:
  Attacker(const PublishedGrid& grid, int64_t threshold, int64_t fallback_bound)
      : grid_(grid),
        rows_(static_cast<int>(grid.size()) - 1),
        columns_(static_cast<int>(grid[0].size()) - 1),
        threshold_(threshold),
        fallback_bound_(fallback_bound),
        unknown_index_(rows_, std::vector<int>(columns_, -1)) {
    for (int r = 0; r < rows_; ++r) {
      for (int c = 0; c < columns_; ++c) {
        if (!grid_[r][c]) {
          unknown_index_[r][c] = static_cast<int>(unknowns_.size());
          unknowns_.push_back({r, c});
        }
      }
    }
  }

  std::vector<std::string> Run() {
    std::vector<int> order(unknowns_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    switch (Search(order, nullptr)) {
      case Outcome::kNone:
        return {"no filling agrees with the published table"};
      case Outcome::kBudgetExceeded:
        return {"search too large: inconclusive"};
      case Outcome::kFound:
        break;
    }
    reference_ = found_;
    std::vector<std::string> disclosures;
    for (const Secret& secret : CollectSecrets()) {
      const int64_t value = Evaluate(secret, reference_);
      if (!secret.single_entry && value >= threshold_) continue;
      switch (SearchForOtherValue(secret, value)) {
        case Outcome::kFound:
          break;
        case Outcome::kNone:
          disclosures.push_back(
              absl::StrCat(secret.name, " is always ", value));
          break;
        case Outcome::kBudgetExceeded:
          disclosures.push_back(
              absl::StrCat(secret.name, ": search too large, inconclusive"));
          break;
      }
    }
    return disclosures;
  }

 private:
  // Adds grid entry (r, c) to `s`: a cell, or the cells a total sums.
  void Expand(int r, int c, Secret& s) const {
    for (int i = 0; i < rows_; ++i) {
      if (r < rows_ && i != r) continue;
      for (int j = 0; j < columns_; ++j) {
        if (c < columns_ && j != c) continue;
        if (grid_[i][j]) {
          s.constant += *grid_[i][j];
        } else {
          ++s.coefficients[unknown_index_[i][j]];
        }
      }
    }
  }

  Secret NewSecret(std::string name, bool single_entry) const {
    Secret s;
    s.name = std::move(name);
    s.single_entry = single_entry;
    s.coefficients.assign(unknowns_.size(), 0);
    return s;
  }

  std::vector<Secret> CollectSecrets() const {
    std::vector<Secret> secrets;
    for (int r = 0; r <= rows_; ++r) {
      for (int c = 0; c <= columns_; ++c) {
        if (grid_[r][c]) continue;
        Secret s = NewSecret(absl::StrCat("entry (", r, ",", c, ")"), true);
        Expand(r, c, s);
        secrets.push_back(std::move(s));
      }
    }
    // Groups in each line, without the line's own total.
    for (int line = 0; line <= rows_ + columns_ + 1; ++line) {
      const bool is_row = line <= rows_;
      const int fixed = is_row ? line : line - rows_ - 1;
      std::vector<std::pair<int, int>> hidden;
      for (int k = 0; k < (is_row ? columns_ : rows_); ++k) {
        const auto entry = is_row ? std::pair(fixed, k) : std::pair(k, fixed);
        if (!grid_[entry.first][entry.second]) hidden.push_back(entry);
      }
      const int n = static_cast<int>(hidden.size());
      for (int mask = 1; mask < (1 << n); ++mask) {
        if (__builtin_popcount(mask) < 2) continue;
        Secret s = NewSecret(absl::StrCat("sum of group ", mask, " of ",
                                          is_row ? "row " : "column ", fixed),
                             false);
        for (int i = 0; i < n; ++i) {
          if (mask & (1 << i)) Expand(hidden[i].first, hidden[i].second, s);
        }
        secrets.push_back(std::move(s));
      }
    }
    return secrets;
  }

  static int64_t Evaluate(const Secret& s, const std::vector<int64_t>& x) {
    int64_t v = s.constant;
    for (size_t i = 0; i < x.size(); ++i) v += s.coefficients[i] * x[i];
    return v;
  }

  Outcome SearchForOtherValue(const Secret& secret, int64_t value) {
    std::vector<int> order;
    for (size_t i = 0; i < unknowns_.size(); ++i) {
      if (secret.coefficients[i] != 0) order.push_back(static_cast<int>(i));
    }
    const size_t decided_after = order.size();
    if (decided_after == 0) return Outcome::kNone;  // a published constant
    for (size_t i = 0; i < unknowns_.size(); ++i) {
      if (secret.coefficients[i] == 0) order.push_back(static_cast<int>(i));
    }
    Target target{&secret, value, decided_after};
    return Search(order, &target);
  }

  // A search for a filling where `secret` is not `value`; the secret's
  // cells are the first `decided_after` of the order.
  struct Target {
    const Secret* secret;
    int64_t value;
    size_t decided_after;
  };

  Outcome Search(const std::vector<int>& order, const Target* target) {
    order_ = order;
    target_ = target;
    steps_ = 0;
    x_.assign(unknowns_.size(), 0);
    sums_.assign(rows_ + columns_ + 1, 0);
    for (int r = 0; r < rows_; ++r) {
      for (int c = 0; c < columns_; ++c) {
        if (grid_[r][c]) Add(r, c, *grid_[r][c]);
      }
    }
    PrepareOrder();
    const bool found = Descend(0);
    if (found) return Outcome::kFound;
    return steps_ > kStepBudgetPerSearch ? Outcome::kBudgetExceeded
                                         : Outcome::kNone;
  }

  // Line ids: rows 0..rows-1, columns rows..rows+columns-1, table last.
  int RowLine(int r) const { return r; }
  int ColumnLine(int c) const { return rows_ + c; }
  int TableLine() const { return rows_ + columns_; }
  std::optional<int64_t> Total(int line) const {
    if (line < rows_) return grid_[line][columns_];
    if (line < rows_ + columns_) return grid_[rows_][line - rows_];
    return grid_[rows_][columns_];
  }

  void Add(int r, int c, int64_t v) {
    sums_[RowLine(r)] += v;
    sums_[ColumnLine(c)] += v;
    sums_[TableLine()] += v;
  }

  int64_t Cap(int r, int c) const {
    int64_t cap = fallback_bound_;
    for (int line : {RowLine(r), ColumnLine(c), TableLine()}) {
      if (Total(line)) cap = std::min(cap, *Total(line));
    }
    return cap;
  }

  // For the current order: what the cells from position k on can still
  // add to each line, and whether a cell is the last of its row / column.
  void PrepareOrder() {
    const size_t n = order_.size();
    capacity_after_.assign(n + 1, std::vector<int64_t>(sums_.size(), 0));
    last_in_row_.assign(n, true);
    last_in_column_.assign(n, true);
    for (size_t k = n; k-- > 0;) {
      capacity_after_[k] = capacity_after_[k + 1];
      const auto [r, c] = unknowns_[order_[k]];
      const int64_t cap = Cap(r, c);
      capacity_after_[k][RowLine(r)] += cap;
      capacity_after_[k][ColumnLine(c)] += cap;
      capacity_after_[k][TableLine()] += cap;
      for (size_t later = k + 1; later < n; ++later) {
        const auto [r2, c2] = unknowns_[order_[later]];
        if (r2 == r) last_in_row_[k] = false;
        if (c2 == c) last_in_column_[k] = false;
      }
    }
  }

  bool TotalsStillReachable(size_t k) const {
    for (size_t line = 0; line < sums_.size(); ++line) {
      const std::optional<int64_t> total = Total(static_cast<int>(line));
      if (!total) continue;
      const int64_t room = *total - sums_[line];
      if (room < 0 || room > capacity_after_[k][line]) return false;
    }
    return true;
  }

  bool Descend(size_t k) {
    if (++steps_ > kStepBudgetPerSearch) return false;
    if (!TotalsStillReachable(k)) return false;
    if (target_ && k == target_->decided_after &&
        Evaluate(*target_->secret, x_) == target_->value) {
      return false;
    }
    if (k == order_.size()) {
      found_ = x_;
      return true;
    }
    const int u = order_[k];
    const auto [r, c] = unknowns_[u];
    int64_t lo = 0;
    int64_t hi = Cap(r, c);
    for (int line : {RowLine(r), TableLine(), ColumnLine(c)}) {
      if (Total(line)) hi = std::min(hi, *Total(line) - sums_[line]);
    }
    for (auto [line, last] : {std::pair(RowLine(r), last_in_row_[k]),
                              std::pair(ColumnLine(c), last_in_column_[k])}) {
      if (last && Total(line)) lo = std::max(lo, *Total(line) - sums_[line]);
    }
    if (lo > hi) return false;
    // Nearest the reference first: ref, ref+1, ref-1, ref+2, ...
    const int64_t centre =
        reference_.empty() ? lo : std::clamp(reference_[u], lo, hi);
    for (int64_t d = 0; centre + d <= hi || centre - d >= lo; ++d) {
      const int64_t candidates[2] = {centre + d, centre - d};
      for (int i = 0; i < (d == 0 ? 1 : 2); ++i) {
        const int64_t v = candidates[i];
        if (v < lo || v > hi) continue;
        x_[u] = v;
        Add(r, c, v);
        const bool found = Descend(k + 1);
        Add(r, c, -v);
        x_[u] = 0;
        if (found) return true;
        if (steps_ > kStepBudgetPerSearch) return false;
      }
    }
    return false;
  }

  PublishedGrid grid_;
  int rows_;
  int columns_;
  int64_t threshold_;
  int64_t fallback_bound_;
  std::vector<std::pair<int, int>> unknowns_;
  std::vector<std::vector<int>> unknown_index_;
  std::vector<int64_t> reference_;

  // State of the current search.
  std::vector<int> order_;
  const Target* target_ = nullptr;
  int64_t steps_ = 0;
  std::vector<int64_t> x_;
  std::vector<int64_t> sums_;
  std::vector<std::vector<int64_t>> capacity_after_;
  std::vector<bool> last_in_row_;
  std::vector<bool> last_in_column_;
  std::vector<int64_t> found_;
};

}  // namespace

std::vector<std::string> FindDisclosures(const PublishedGrid& published,
                                         int64_t threshold,
                                         int64_t fallback_bound) {
  return Attacker(published, threshold, fallback_bound).Run();
}

}  // namespace wor::server
