#include "server/domain/budget_report.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "server/common/status_macros.h"
#include "server/domain/identifier_validation.h"

namespace wor::server {
namespace {

// The bounds keep every intermediate product well inside int64: the largest,
// cents x period days in the projection, stays below 1e17.
constexpr int64_t kMaxTariffCentsPerHour = 1000'00;
constexpr int64_t kMaxBudgetCents = 1'000'000'000'00;
constexpr int64_t kMaxPeriodDays = 3660;
constexpr int64_t kMaxPrescriptionsPerPractice = 10'000;
constexpr int64_t kMaxMinutesPerPrescription = 100 * 60;
constexpr size_t kMaxPracticesPerArrangement = 10'000;
constexpr int64_t kMaxMinutesPerEntry = 24 * 60;
constexpr size_t kMaxEntries = 10'000'000;

absl::Status FieldError(absl::string_view field,
                        absl::string_view expectation) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", expectation));
}

// numerator / denominator rounded half-up; both non-negative, denominator
// positive.
int64_t DivideRoundingHalfUp(int64_t numerator, int64_t denominator) {
  return (2 * numerator + denominator) / (2 * denominator);
}

int64_t CostCents(int64_t minutes, int64_t tariff_cents_per_hour) {
  return DivideRoundingHalfUp(minutes * tariff_cents_per_hour, 60);
}

int64_t PeriodDays(const FundingArrangement& a) {
  return (a.period_end - a.period_start) + 1;
}

absl::Status ValidateBudget(const FundingArrangement& a,
                            const std::string& field) {
  if (a.budget_formula.has_value()) {
    if (a.budget_cents != 0) {
      return FieldError(field + ".budget_cents",
                        "give either budget_cents or budget_formula, not both");
    }
    const BudgetFormula& f = *a.budget_formula;
    if (f.prescriptions_per_practice < 1 ||
        f.prescriptions_per_practice > kMaxPrescriptionsPerPractice) {
      return FieldError(field + ".budget_formula.prescriptions_per_practice",
                        "must be between 1 and 10,000");
    }
    if (f.minutes_per_prescription < 1 ||
        f.minutes_per_prescription > kMaxMinutesPerPrescription) {
      return FieldError(field + ".budget_formula.minutes_per_prescription",
                        "must be between 1 and 6,000 (100 hours)");
    }
    return absl::OkStatus();
  }
  if (a.budget_cents < 1 || a.budget_cents > kMaxBudgetCents) {
    return FieldError(field + ".budget_cents",
                      "must be between 1 cent and EUR 1,000,000,000, or give "
                      "budget_formula instead");
  }
  return absl::OkStatus();
}

absl::Status ValidateArrangement(const FundingArrangement& a,
                                 const std::string& field) {
  if (a.funder_id.empty()) {
    return FieldError(field + ".funder_id", "is required");
  }
  if (a.period_end < a.period_start) {
    return FieldError(field + ".period_end", "must not be before period_start");
  }
  if (PeriodDays(a) > kMaxPeriodDays) {
    return FieldError(field + ".period_end",
                      "the period may last at most 10 years");
  }
  if (a.tariff_cents_per_hour < 1 ||
      a.tariff_cents_per_hour > kMaxTariffCentsPerHour) {
    return FieldError(field + ".tariff_cents_per_hour",
                      "must be between 1 cent and EUR 1,000 per hour");
  }
  if (a.practice_agbs.empty() ||
      a.practice_agbs.size() > kMaxPracticesPerArrangement) {
    return FieldError(field + ".practice_agbs",
                      "list between 1 and 10,000 practices");
  }
  std::set<absl::string_view> seen;
  for (size_t p = 0; p < a.practice_agbs.size(); ++p) {
    const std::string& agb = a.practice_agbs[p];
    const std::string practice_field =
        absl::StrCat(field, ".practice_agbs[", p, "]");
    if (!IsValidAgbCode(agb)) {
      return FieldError(practice_field, "must be an AGB code of 8 digits");
    }
    if (!seen.insert(agb).second) {
      return FieldError(practice_field, "lists the same practice twice");
    }
  }
  return ValidateBudget(a, field);
}

// Time charged to two arrangements would be paid twice, so a practice may be
// funded by at most one arrangement on any day, whoever the funders are.
absl::Status ValidateNoDoubleFunding(
    const std::vector<FundingArrangement>& arrangements) {
  for (size_t j = 0; j < arrangements.size(); ++j) {
    const FundingArrangement& later = arrangements[j];
    for (size_t i = 0; i < j; ++i) {
      const FundingArrangement& earlier = arrangements[i];
      if (later.period_start > earlier.period_end ||
          earlier.period_start > later.period_end) {
        continue;
      }
      for (size_t p = 0; p < later.practice_agbs.size(); ++p) {
        const std::string& agb = later.practice_agbs[p];
        if (std::find(earlier.practice_agbs.begin(),
                      earlier.practice_agbs.end(),
                      agb) != earlier.practice_agbs.end()) {
          return FieldError(
              absl::StrCat("arrangements[", j, "].practice_agbs[", p, "]"),
              absl::StrCat("practice ", agb, " is also funded by ",
                           earlier.funder_id, " (arrangements[", i,
                           "]) on some of the same days; make the periods or "
                           "the practices not overlap"));
        }
      }
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateEntry(const TimeEntry& e, const std::string& field) {
  if (e.referral_id.empty()) {
    return FieldError(field + ".referral_id", "is required");
  }
  if (e.coach_id.empty()) {
    return FieldError(field + ".coach_id", "is required");
  }
  if (!IsValidAgbCode(e.practice_agb)) {
    return FieldError(field + ".practice_agb",
                      "must be an AGB code of 8 digits");
  }
  if (e.minutes < 1 || e.minutes > kMaxMinutesPerEntry) {
    return FieldError(field + ".minutes",
                      "must be between 1 and 1440 (one day)");
  }
  return absl::OkStatus();
}

absl::Status ValidateInputs(const std::vector<FundingArrangement>& arrangements,
                            const std::vector<TimeEntry>& entries) {
  for (size_t i = 0; i < arrangements.size(); ++i) {
    WOR_RETURN_IF_ERROR(ValidateArrangement(
        arrangements[i], absl::StrCat("arrangements[", i, "]")));
  }
  WOR_RETURN_IF_ERROR(ValidateNoDoubleFunding(arrangements));
  if (entries.size() > kMaxEntries) {
    return FieldError("entries", "at most 10,000,000 per report");
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    WOR_RETURN_IF_ERROR(
        ValidateEntry(entries[i], absl::StrCat("entries[", i, "]")));
  }
  return absl::OkStatus();
}

int64_t BudgetCents(const FundingArrangement& a) {
  if (!a.budget_formula.has_value()) return a.budget_cents;
  const BudgetFormula& f = *a.budget_formula;
  const int64_t practices = static_cast<int64_t>(a.practice_agbs.size());
  return CostCents(
      f.prescriptions_per_practice * f.minutes_per_prescription * practices,
      a.tariff_cents_per_hour);
}

// Splits `total_cents` (the rounded cost of all the practices' minutes) over
// the practices so that the parts add up exactly; see PracticeUsage.
void AllocatePracticeCosts(int64_t tariff_cents_per_hour, int64_t total_cents,
                           std::vector<PracticeUsage>& practices) {
  std::vector<int64_t> sixtieths_left(practices.size());
  int64_t allocated = 0;
  for (size_t p = 0; p < practices.size(); ++p) {
    const int64_t exact_sixtieths =
        practices[p].minutes * tariff_cents_per_hour;
    practices[p].cost_cents = exact_sixtieths / 60;
    sixtieths_left[p] = exact_sixtieths % 60;
    allocated += practices[p].cost_cents;
  }
  std::vector<size_t> order(practices.size());
  for (size_t p = 0; p < order.size(); ++p) order[p] = p;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return sixtieths_left[a] > sixtieths_left[b];
  });
  // Rounding half-up adds at most one cent per practice with a fraction.
  const int64_t cents_left = total_cents - allocated;
  for (int64_t k = 0; k < cents_left && k < static_cast<int64_t>(order.size());
       ++k) {
    ++practices[order[k]].cost_cents;
  }
}

std::optional<BudgetProjection> Project(const FundingArrangement& a,
                                        const FunderBudget& used,
                                        absl::CivilDay as_of) {
  if (as_of < a.period_start) return std::nullopt;
  BudgetProjection projection;
  projection.period_days = PeriodDays(a);
  projection.elapsed_days =
      (std::min(as_of, a.period_end) - a.period_start) + 1;
  projection.projected_minutes = DivideRoundingHalfUp(
      used.used_minutes * projection.period_days, projection.elapsed_days);
  projection.projected_cents = DivideRoundingHalfUp(
      used.used_cents * projection.period_days, projection.elapsed_days);
  projection.exceeds_budget = projection.projected_cents > used.budget_cents;
  return projection;
}

struct PracticeTally {
  int64_t minutes = 0;
  std::set<std::string> referrals;
};

FunderBudget Summarise(const FundingArrangement& a,
                       const std::map<std::string, PracticeTally>& tallies,
                       absl::CivilDay as_of) {
  FunderBudget funder;
  funder.funder_id = a.funder_id;
  funder.period_start = a.period_start;
  funder.period_end = a.period_end;
  funder.tariff_cents_per_hour = a.tariff_cents_per_hour;
  funder.budget_cents = BudgetCents(a);
  for (const std::string& agb : a.practice_agbs) {
    PracticeUsage usage;
    usage.practice_agb = agb;
    if (auto it = tallies.find(agb); it != tallies.end()) {
      usage.minutes = it->second.minutes;
      usage.referrals_with_time =
          static_cast<int64_t>(it->second.referrals.size());
    }
    funder.used_minutes += usage.minutes;
    funder.practices.push_back(std::move(usage));
  }
  funder.used_cents = CostCents(funder.used_minutes, a.tariff_cents_per_hour);
  AllocatePracticeCosts(a.tariff_cents_per_hour, funder.used_cents,
                        funder.practices);
  funder.remaining_cents = funder.budget_cents - funder.used_cents;
  funder.used_basis_points =
      DivideRoundingHalfUp(funder.used_cents * 10'000, funder.budget_cents);
  funder.projection = Project(a, funder, as_of);
  return funder;
}

}  // namespace

absl::StatusOr<BudgetReport> BuildBudgetReport(
    const std::vector<FundingArrangement>& arrangements,
    const std::vector<TimeEntry>& entries, absl::CivilDay as_of) {
  WOR_RETURN_IF_ERROR(ValidateInputs(arrangements, entries));

  std::map<std::string, std::vector<size_t>> arrangements_by_practice;
  for (size_t i = 0; i < arrangements.size(); ++i) {
    for (const std::string& agb : arrangements[i].practice_agbs) {
      arrangements_by_practice[agb].push_back(i);
    }
  }
  std::vector<std::map<std::string, PracticeTally>> tallies(
      arrangements.size());
  BudgetReport report;
  report.as_of = as_of;
  for (const TimeEntry& entry : entries) {
    if (entry.day > as_of) continue;
    bool funded = false;
    auto candidates = arrangements_by_practice.find(entry.practice_agb);
    if (candidates != arrangements_by_practice.end()) {
      // At most one matches the day: ValidateNoDoubleFunding.
      for (size_t i : candidates->second) {
        const FundingArrangement& a = arrangements[i];
        if (entry.day < a.period_start || entry.day > a.period_end) continue;
        PracticeTally& tally = tallies[i][entry.practice_agb];
        tally.minutes += entry.minutes;
        tally.referrals.insert(entry.referral_id);
        funded = true;
        break;
      }
    }
    if (!funded) {
      ++report.unfunded.entries;
      report.unfunded.minutes += entry.minutes;
    }
  }
  for (size_t i = 0; i < arrangements.size(); ++i) {
    report.funders.push_back(Summarise(arrangements[i], tallies[i], as_of));
  }
  return report;
}

}  // namespace wor::server
