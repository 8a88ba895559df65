#include "server/domain/referral_statistics.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "server/domain/age_bands.h"
#include "server/domain/small_cell_suppression.h"
#include "server/domain/statistics_labels.h"

namespace wor::server {
namespace {

using wor::v1::StatisticsDimension;

constexpr int64_t kOtherGroup = 1'000'000;  // after every configured group
constexpr int64_t kUnknownAgeBand = 99;
constexpr int64_t kMinWellbeingPairs = 10;

const std::array<std::string, 6>& AgeBandKeys() {
  static const std::array<std::string, 6> keys = {
      std::string(AgeBandLabel(AgeBand::kUnder18)),
      std::string(AgeBandLabel(AgeBand::k18To24)),
      std::string(AgeBandLabel(AgeBand::k25To44)),
      std::string(AgeBandLabel(AgeBand::k45To64)),
      std::string(AgeBandLabel(AgeBand::k65To74)),
      std::string(AgeBandLabel(AgeBand::k75AndOver))};
  return keys;
}

wor::v1::StatisticsLabel MakeLabel(std::string key, std::string name) {
  wor::v1::StatisticsLabel label;
  label.set_key(std::move(key));
  label.set_display_name(std::move(name));
  return label;
}

void SetCount(const std::optional<int64_t>& value,
              wor::v1::StatisticsCount* count) {
  if (value) count->set_count(*value);
}

// The median of a histogram of `n` values (the mean of the middle two when n
// is even).
double Median(const std::vector<int64_t>& histogram, int64_t n) {
  auto value_at = [&](int64_t rank) {  // 0-based
    int64_t seen = 0;
    for (size_t days = 0; days < histogram.size(); ++days) {
      seen += histogram[days];
      if (seen > rank) return static_cast<double>(days);
    }
    return static_cast<double>(histogram.size() - 1);
  };
  if (n % 2 == 1) return value_at(n / 2);
  return (value_at(n / 2 - 1) + value_at(n / 2)) / 2.0;
}

bool IsIndicator(StatisticsDimension d) {
  return d == wor::v1::STATISTICS_DIMENSION_INDICATOR;
}

}  // namespace

absl::Status ValidateStatisticsDimensions(
    const wor::v1::GetReferralStatisticsRequest& request) {
  if (request.rows() == wor::v1::STATISTICS_DIMENSION_UNSPECIFIED) {
    return absl::InvalidArgumentError(
        "rows: choose what the rows count by (e.g. PRACTICE)");
  }
  if (!wor::v1::StatisticsDimension_IsValid(request.rows())) {
    return absl::InvalidArgumentError("rows: unknown dimension");
  }
  if (!wor::v1::StatisticsDimension_IsValid(request.columns())) {
    return absl::InvalidArgumentError("columns: unknown dimension");
  }
  if (request.columns() == request.rows()) {
    return absl::InvalidArgumentError(
        "columns: must differ from rows (or be left unset)");
  }
  return absl::OkStatus();
}

void ReferralStatisticsBuilder::Compliance::Add(const ReferralFacts& facts) {
  ++referrals;
  if (facts.working_days_to_contact) {
    ++contacted;
    if (facts.contact_within_target) ++within_target;
    if (facts.contact_within_limit) ++within_limit;
    if (days_to_contact.empty()) days_to_contact.assign(kMaxTrackedDays + 1, 0);
    ++days_to_contact[std::clamp(*facts.working_days_to_contact, 0,
                                 kMaxTrackedDays)];
  }
  if (facts.working_days_to_intake) {
    ++intakes;
    if (days_to_intake.empty()) days_to_intake.assign(kMaxTrackedDays + 1, 0);
    ++days_to_intake[std::clamp(*facts.working_days_to_intake, 0,
                                kMaxTrackedDays)];
  }
}

ReferralStatisticsBuilder::ReferralStatisticsBuilder(
    const StatisticsDirectory* directory, StatisticsDimension rows,
    StatisticsDimension columns)
    : directory_(directory), row_dimension_(rows), column_dimension_(columns) {
  for (size_t i = 0; i < directory_->practices.size(); ++i) {
    practice_index_[directory_->practices[i].agb] = static_cast<int64_t>(i);
  }
}

int64_t ReferralStatisticsBuilder::PracticeIndex(const std::string& agb) {
  auto [it, inserted] = practice_index_.try_emplace(
      agb, static_cast<int64_t>(directory_->practices.size() +
                                unknown_practices_.size()));
  if (inserted) unknown_practices_.push_back(agb);
  return it->second;
}

void ReferralStatisticsBuilder::KeysOf(StatisticsDimension dimension,
                                       const ReferralFacts& facts,
                                       std::vector<int64_t>& keys) {
  keys.clear();
  switch (dimension) {
    case wor::v1::STATISTICS_DIMENSION_PRACTICE:
      keys.push_back(PracticeIndex(facts.practice_agb));
      return;
    case wor::v1::STATISTICS_DIMENSION_PRACTICE_GROUP: {
      const int64_t index = PracticeIndex(facts.practice_agb);
      const int group =
          index < static_cast<int64_t>(directory_->practices.size())
              ? directory_->practices[index].group
              : -1;
      keys.push_back(group < 0 ? kOtherGroup : group);
      return;
    }
    case wor::v1::STATISTICS_DIMENSION_MONTH:
      keys.push_back(int64_t{facts.referral_date.year()} * 12 +
                     facts.referral_date.month() - 1);
      return;
    case wor::v1::STATISTICS_DIMENSION_INDICATOR:
      for (int bit = 1; bit < 32; ++bit) {
        if (facts.indicator_mask & (1u << bit)) keys.push_back(bit);
      }
      return;
    case wor::v1::STATISTICS_DIMENSION_AGE_BAND: {
      const auto& bands = AgeBandKeys();
      auto it = std::find(bands.begin(), bands.end(), facts.age_band);
      keys.push_back(it == bands.end() ? kUnknownAgeBand : it - bands.begin());
      return;
    }
    case wor::v1::STATISTICS_DIMENSION_ROUTE:
      keys.push_back(facts.route);
      return;
    case wor::v1::STATISTICS_DIMENSION_OUTCOME:
      keys.push_back(facts.state == wor::v1::REFERRAL_STATE_COMPLETED
                         ? facts.outcome
                         : wor::v1::REFERRAL_OUTCOME_UNSPECIFIED);
      return;
    default:
      keys.push_back(0);  // the single "total" column
      return;
  }
}

void ReferralStatisticsBuilder::Add(const ReferralFacts& facts) {
  ++referrals_;
  KeysOf(row_dimension_, facts, row_keys_);
  KeysOf(column_dimension_, facts, column_keys_);
  for (int64_t row : row_keys_) {
    for (int64_t column : column_keys_) ++cells_[{row, column}];
    row_compliance_[row].Add(facts);
  }
  overall_.Add(facts);
  if (facts.state != wor::v1::REFERRAL_STATE_COMPLETED) return;
  for (int i = 0; i < 6; ++i) {
    if (facts.intake_scores[i] && facts.closing_scores[i]) {
      ++wellbeing_[i].pairs;
      wellbeing_[i].intake_sum += *facts.intake_scores[i];
      wellbeing_[i].closing_sum += *facts.closing_scores[i];
    }
  }
}

wor::v1::StatisticsLabel ReferralStatisticsBuilder::LabelOf(
    StatisticsDimension dimension, int64_t key) const {
  switch (dimension) {
    case wor::v1::STATISTICS_DIMENSION_PRACTICE: {
      const size_t known = directory_->practices.size();
      if (key < static_cast<int64_t>(known)) {
        const auto& p = directory_->practices[key];
        return MakeLabel(p.agb, p.name);
      }
      const std::string& agb = unknown_practices_[key - known];
      return MakeLabel(agb, absl::StrCat("Praktijk ", agb));
    }
    case wor::v1::STATISTICS_DIMENSION_PRACTICE_GROUP:
      if (key == kOtherGroup) return MakeLabel("other", "Overige praktijken");
      return MakeLabel(directory_->groups[key].id,
                       directory_->groups[key].name);
    case wor::v1::STATISTICS_DIMENSION_MONTH:
      return MonthLabel(absl::CivilMonth(key / 12, key % 12 + 1));
    case wor::v1::STATISTICS_DIMENSION_INDICATOR:
      return IndicatorLabel(static_cast<wor::v1::Indicator>(key));
    case wor::v1::STATISTICS_DIMENSION_AGE_BAND:
      return AgeBandStatisticsLabel(
          key == kUnknownAgeBand ? std::string() : AgeBandKeys()[key]);
    case wor::v1::STATISTICS_DIMENSION_ROUTE:
      return RouteLabel(static_cast<wor::v1::ReferralRoute>(key));
    case wor::v1::STATISTICS_DIMENSION_OUTCOME:
      return OutcomeLabel(static_cast<wor::v1::ReferralOutcome>(key));
    default:
      return MakeLabel("total", "Totaal");
  }
}

absl::StatusOr<wor::v1::GetReferralStatisticsResponse>
ReferralStatisticsBuilder::Build(int64_t threshold) const {
  wor::v1::GetReferralStatisticsResponse response;
  response.set_suppression_threshold(static_cast<int32_t>(threshold));
  wor::v1::StatisticsTable& table = *response.mutable_table();
  table.set_row_dimension(row_dimension_);
  table.set_column_dimension(column_dimension_);

  std::set<int64_t> row_set, column_set;
  for (const auto& [key, count] : cells_) {
    row_set.insert(key.first);
    column_set.insert(key.second);
  }
  const std::vector<int64_t> rows(row_set.begin(), row_set.end());
  const std::vector<int64_t> columns(column_set.begin(), column_set.end());
  if (rows.size() > kMaxSuppressionTableDimension ||
      columns.size() > kMaxSuppressionTableDimension) {
    return absl::InvalidArgumentError(absl::StrCat(
        "period_start: the table would have more than ",
        kMaxSuppressionTableDimension,
        " rows or columns; choose a shorter period or other dimensions"));
  }

  wor::v1::DeadlineCompliance overall;
  auto fill_compliance = [threshold](const Compliance& c,
                                     std::optional<int64_t> contacted,
                                     std::optional<int64_t> intakes,
                                     wor::v1::DeadlineCompliance* out) {
    if (contacted) out->set_contacted(*contacted);
    // A share shows how many did and did not: both must be safe counts.
    auto safe = [threshold](int64_t n) { return n == 0 || n >= threshold; };
    if (contacted && *contacted >= threshold) {
      if (safe(c.within_target) && safe(c.contacted - c.within_target)) {
        out->set_share_contacted_within_target(
            static_cast<double>(c.within_target) / c.contacted);
      }
      if (safe(c.within_limit) && safe(c.contacted - c.within_limit)) {
        out->set_share_contacted_within_limit(
            static_cast<double>(c.within_limit) / c.contacted);
      }
      out->set_median_working_days_to_contact(
          Median(c.days_to_contact, c.contacted));
    }
    if (intakes) out->set_intakes_held(*intakes);
    if (intakes && *intakes >= threshold) {
      out->set_median_working_days_to_intake(
          Median(c.days_to_intake, c.intakes));
    }
  };

  if (!rows.empty()) {
    std::vector<std::vector<int64_t>> counts(
        rows.size(), std::vector<int64_t>(columns.size(), 0));
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t c = 0; c < columns.size(); ++c) {
        auto it = cells_.find({rows[r], columns[c]});
        if (it != cells_.end()) counts[r][c] = it->second;
      }
    }
    absl::StatusOr<SuppressedTable> published =
        SuppressSmallCells(counts, threshold);
    if (!published.ok()) return published.status();

    for (int64_t column : columns) {
      *table.add_columns() = LabelOf(column_dimension_, column);
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      wor::v1::StatisticsRow* row = table.add_rows();
      *row->mutable_label() = LabelOf(row_dimension_, rows[r]);
      for (size_t c = 0; c < columns.size(); ++c) {
        SetCount(published->cells[r][c], row->add_cells());
      }
      if (!IsIndicator(column_dimension_)) {
        SetCount(published->row_totals[r], row->mutable_total());
      }
    }
    if (!IsIndicator(row_dimension_)) {
      for (size_t c = 0; c < columns.size(); ++c) {
        SetCount(published->column_totals[c], table.add_column_totals());
      }
    }
    if (!IsIndicator(row_dimension_) && !IsIndicator(column_dimension_)) {
      SetCount(published->grand_total, table.mutable_grand_total());
    }

    // Contacted and intake counts per row, as two one-column tables with
    // their overall totals, so that no suppressed row can be worked out.
    std::vector<std::vector<int64_t>> contacted(rows.size()),
        intakes(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
      const Compliance& c = row_compliance_.at(rows[r]);
      contacted[r] = {c.contacted};
      intakes[r] = {c.intakes};
    }
    absl::StatusOr<SuppressedTable> contacted_published =
        SuppressSmallCells(contacted, threshold);
    if (!contacted_published.ok()) return contacted_published.status();
    absl::StatusOr<SuppressedTable> intakes_published =
        SuppressSmallCells(intakes, threshold);
    if (!intakes_published.ok()) return intakes_published.status();
    const bool rows_large_enough =
        std::all_of(rows.begin(), rows.end(), [&](int64_t row) {
          return row_compliance_.at(row).referrals >= threshold;
        });
    for (size_t r = 0; rows_large_enough && r < rows.size(); ++r) {
      wor::v1::DeadlineCompliance* c = response.add_compliance_by_row();
      *c->mutable_label() = LabelOf(row_dimension_, rows[r]);
      fill_compliance(row_compliance_.at(rows[r]),
                      contacted_published->cells[r][0],
                      intakes_published->cells[r][0], c);
    }
    // Along indicators the row counts do not add up to the overall ones, so
    // the overall figures are suppressed on their own.
    std::optional<int64_t> overall_contacted =
        IsIndicator(row_dimension_) ? std::optional<int64_t>(overall_.contacted)
                                    : contacted_published->grand_total;
    std::optional<int64_t> overall_intakes =
        IsIndicator(row_dimension_) ? std::optional<int64_t>(overall_.intakes)
                                    : intakes_published->grand_total;
    if (overall_contacted && *overall_contacted > 0 &&
        *overall_contacted < threshold) {
      overall_contacted.reset();
    }
    if (overall_intakes && *overall_intakes > 0 &&
        *overall_intakes < threshold) {
      overall_intakes.reset();
    }
    fill_compliance(overall_, overall_contacted, overall_intakes,
                    response.mutable_compliance());
  }

  // Along indicators the grand total counts referrals, not the cells' sum.
  const bool indicators =
      IsIndicator(row_dimension_) || IsIndicator(column_dimension_);
  if ((rows.empty() || indicators) &&
      (referrals_ == 0 || referrals_ >= threshold)) {
    table.mutable_grand_total()->set_count(referrals_);
  }

  for (int i = 0; i < 6; ++i) {
    wor::v1::WellbeingChange* change = response.add_wellbeing();
    change->set_dimension(static_cast<wor::v1::PositiveHealthDimension>(i + 1));
    const Wellbeing& w = wellbeing_[i];
    if (w.pairs == 0) {
      change->set_scored_referrals(0);
      continue;
    }
    if (w.pairs < std::max<int64_t>(threshold, kMinWellbeingPairs)) continue;
    auto tenth = [](double v) { return std::round(v * 10) / 10; };
    change->set_scored_referrals(w.pairs - w.pairs % 5);
    change->set_mean_at_intake(tenth(w.intake_sum / w.pairs));
    change->set_mean_at_closing(tenth(w.closing_sum / w.pairs));
    change->set_mean_change(tenth((w.closing_sum - w.intake_sum) / w.pairs));
  }
  return response;
}

}  // namespace wor::server
