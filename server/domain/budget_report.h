// Budget report: how many coach hours, and how much money, each funding
// arrangement of a region has used against its budget, per practice, with a
// linear projection to the end of the period (issue 7, "Hours and money").
//
// Pure domain logic: no I/O and no clock. The caller loads the arrangements
// and the logged time and passes the day the report is for.
//
//   FundingArrangement meppel{
//       .funder_id = "gemeente-meppel",
//       .period_start = absl::CivilDay(2024, 1, 1),
//       .period_end = absl::CivilDay(2024, 4, 28),
//       .practice_agbs = {"01000001", "01000002", "01000003", "01000004",
//                         "01000005"},
//       .tariff_cents_per_hour = 75'00,
//       // 10 prescriptions x 4 hours x 5 practices x EUR 75 = EUR 15,000.
//       .budget_formula = BudgetFormula{.prescriptions_per_practice = 10,
//                                       .minutes_per_prescription = 4 * 60}};
//   absl::StatusOr<BudgetReport> report =
//       BuildBudgetReport({meppel}, entries, absl::CivilDay(2024, 2, 15));
//
// Money is in euro cents and time in minutes, both int64; nothing is
// floating point. Rounding is half-up to the cent and happens once per
// figure, on the total (see FunderBudget and PracticeUsage).
//
// Thread-safety: pure functions over values, safe to call from any thread.
#ifndef WOR_SERVER_DOMAIN_BUDGET_REPORT_H_
#define WOR_SERVER_DOMAIN_BUDGET_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace wor::server {

// The inputs of the usual budget sum: prescriptions per practice x time per
// prescription x number of practices x tariff. Time is in minutes so that a
// region can budget 3.5 hours per prescription.
struct BudgetFormula {
  int64_t prescriptions_per_practice = 0;
  int64_t minutes_per_prescription = 0;
};

// What one funder (municipality, insurer) pays for: coach time at the
// tariff, for the listed practices, between two days inclusive. A funder
// with several periods has one arrangement per period. Give the budget
// either directly (budget_cents) or as a formula, not both.
struct FundingArrangement {
  std::string funder_id;  // e.g. "gemeente-meierijstad"
  absl::CivilDay period_start;
  absl::CivilDay period_end;  // inclusive
  std::vector<std::string> practice_agbs;
  int64_t tariff_cents_per_hour = 0;
  int64_t budget_cents = 0;
  std::optional<BudgetFormula> budget_formula;
};

// Time a coach logged on a referral on one day.
struct TimeEntry {
  std::string referral_id;
  std::string practice_agb;
  std::string coach_id;
  absl::CivilDay day;
  int64_t minutes = 0;
};

// Time and cost charged to one arrangement for one practice. The practice
// costs of an arrangement add up exactly to its used_cents: each practice
// gets its exact share rounded down, and the cents left over by rounding go
// one each to the practices with the largest fractions (ties: the practice
// listed first in the arrangement).
struct PracticeUsage {
  std::string practice_agb;
  int64_t minutes = 0;
  int64_t cost_cents = 0;
  int64_t referrals_with_time = 0;  // distinct referral ids
};

// Linear projection to the end of the period: what is used so far, divided
// by the elapsed days of the period (as_of included, at most the whole
// period) and multiplied by the days of the period. Rounded half-up.
struct BudgetProjection {
  int64_t elapsed_days = 0;
  int64_t period_days = 0;
  int64_t projected_minutes = 0;
  int64_t projected_cents = 0;
  bool exceeds_budget = false;  // projected_cents > budget_cents
};

// One arrangement's budget against what it has used. used_cents is
// minutes x tariff / 60 computed on used_minutes (not per entry, which would
// let rounding drift with the number of entries), rounded half-up.
struct FunderBudget {
  std::string funder_id;
  absl::CivilDay period_start;
  absl::CivilDay period_end;
  int64_t tariff_cents_per_hour = 0;
  int64_t budget_cents = 0;
  int64_t used_minutes = 0;
  int64_t used_cents = 0;
  int64_t remaining_cents = 0;           // negative when overspent
  int64_t used_basis_points = 0;         // 10000 = the whole budget; half-up
  std::vector<PracticeUsage> practices;  // in the arrangement's order
  // Absent before the period starts: nothing has elapsed to project from.
  std::optional<BudgetProjection> projection;
};

// Logged time that no arrangement pays for: a practice nobody funds, or a
// day outside every period of the funders of that practice.
struct UnfundedTime {
  int64_t entries = 0;
  int64_t minutes = 0;
};

struct BudgetReport {
  absl::CivilDay as_of;
  std::vector<FunderBudget> funders;  // in the order of the arrangements
  UnfundedTime unfunded;
};

// Charges each entry to the arrangement that funds its practice on its day.
// Entries dated after as_of are left out, so a report for a past day reads
// as it would have on that day.
//
// INVALID_ARGUMENT, naming the field, for: an empty funder, coach or
// referral id; a malformed AGB code; a period ending before it starts or
// longer than 10 years; a tariff outside EUR 0.01-1,000 per hour; no budget,
// both budget forms, or a formula value out of range; a practice listed
// twice in one arrangement; a practice funded by two arrangements on the
// same day (its time would be charged twice; split periods or practices);
// minutes outside 1-1440 per entry.
absl::StatusOr<BudgetReport> BuildBudgetReport(
    const std::vector<FundingArrangement>& arrangements,
    const std::vector<TimeEntry>& entries, absl::CivilDay as_of);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_BUDGET_REPORT_H_
