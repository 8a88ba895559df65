// A brute-force attacker on a published table of counts, independent of how
// the table was suppressed: it searches the non-negative integer fillings of
// the suppressed cells that agree with every published cell and total, and
// reports what they give away:
//
//   * a suppressed cell or total that has only one possible value;
//   * a group of two or more suppressed counts in one row or column (the
//     row of column totals and the column of row totals included; a line's
//     own total is not in its groups) whose sum has only one possible value
//     and that value is below the threshold.
//
//   std::vector<std::string> leaks = FindDisclosures(grid, 5, 100);
//   EXPECT_THAT(leaks, IsEmpty());
//
// For small tables only (groups are every subset of a line). Pure; safe to
// call from several threads.
#ifndef WOR_TESTS_DOMAIN_DISCLOSURE_ATTACKER_H_
#define WOR_TESTS_DOMAIN_DISCLOSURE_ATTACKER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wor::server {

// A published table with its totals: (rows+1) x (columns+1), the last row the
// column totals, the last column the row totals; std::nullopt = suppressed.
using PublishedGrid = std::vector<std::vector<std::optional<int64_t>>>;

// What the attacker learns, one readable line each ("entry (0,2) is always
// 6"); empty when nothing is disclosed. A cell no published total covers is
// taken to be at most `fallback_bound`. A search too large to finish is
// reported as a failure ("inconclusive"), never as safe.
std::vector<std::string> FindDisclosures(const PublishedGrid& published,
                                         int64_t threshold,
                                         int64_t fallback_bound);

}  // namespace wor::server

#endif  // WOR_TESTS_DOMAIN_DISCLOSURE_ATTACKER_H_
