#include "server/domain/partner_reporting.h"

#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "server/common/status_macros.h"
#include "server/domain/field_checks.h"
#include "server/domain/resource_names.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

using wor::server::config::PARTNER_KIND_REGIONAL_PROGRAMME;

constexpr char kPartnerPrefix[] = "partner:";
// Snapshot resume tokens: "s<outbox head>.<last record_id sent>".
constexpr char kSnapshotTokenPrefix[] = "s";
constexpr int kMaxPeriodDays = 3653;  // ten years

std::string PartnerId(const CallContext& call) {
  const std::string& organisation = call.caller.organisation;
  if (!absl::StartsWith(organisation, kPartnerPrefix)) return "";
  return organisation.substr(sizeof(kPartnerPrefix) - 1);
}

absl::Status ConfigError(const std::string& field, absl::string_view problem) {
  return absl::FailedPreconditionError(absl::StrCat(field, ": ", problem));
}

absl::StatusOr<absl::CivilDay> ConfigDay(const std::string& field,
                                         const std::string& text) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) {
    return ConfigError(field, "expected a date as YYYY-MM-DD");
  }
  return day;
}

absl::StatusOr<absl::CivilDay> RequestDay(absl::string_view field,
                                          const wor::v1::LocalDate& date) {
  if (!IsRealDate(date)) {
    return FieldError(field, "expected a real date (year, month, day)");
  }
  return FromLocalDate(date);
}

bool EverConsentedToMonitoring(const wor::v1::Referral& referral) {
  for (const wor::v1::ConsentChange& change : referral.consent().history()) {
    if (change.action() != wor::v1::CONSENT_ACTION_GRANTED) continue;
    for (int scope : change.scopes()) {
      if (scope == wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED) return true;
    }
  }
  return false;
}

void SetScores(const HealthScores& scores, wor::v1::PositiveHealthScores* out) {
  if (scores[0]) out->set_bodily_functions(*scores[0]);
  if (scores[1]) out->set_mental_wellbeing(*scores[1]);
  if (scores[2]) out->set_meaning(*scores[2]);
  if (scores[3]) out->set_quality_of_life(*scores[3]);
  if (scores[4]) out->set_participation(*scores[4]);
  if (scores[5]) out->set_daily_functioning(*scores[5]);
}

}  // namespace

absl::StatusOr<std::unique_ptr<PartnerReporting>> PartnerReporting::Create(
    Store* store, const Clock* clock, const RegionDirectory* region,
    const wor::server::config::ServerConfig& config,
    std::string pseudonym_secret) {
  std::unique_ptr<PartnerReporting> reporting(
      new PartnerReporting(store, clock, region, std::move(pseudonym_secret)));
  const auto& region_config = config.region();
  reporting->threshold_ = std::max<int64_t>(
      kDefaultSmallCellThreshold, region_config.suppression_threshold());
  for (const auto& partner : config.partners()) {
    reporting->partners_[partner.id()] = {partner.name(), partner.kind()};
  }

  std::map<std::string, int> group_of;
  for (int g = 0; g < region_config.practice_groups_size(); ++g) {
    const auto& group = region_config.practice_groups(g);
    const std::string field = absl::StrCat("region.practice_groups[", g, "]");
    if (group.id().empty() || group.name().empty()) {
      return ConfigError(field, "needs an id and a name");
    }
    reporting->directory_.groups.push_back({group.id(), group.name()});
    for (int p = 0; p < group.practice_agbs_size(); ++p) {
      const std::string& agb = group.practice_agbs(p);
      if (!group_of.emplace(agb, g).second) {
        return ConfigError(
            absl::StrCat(field, ".practice_agbs[", p, "]"),
            absl::StrCat("practice ", agb, " is already in another group"));
      }
    }
  }
  for (const auto& practice : config.practices()) {
    auto group = group_of.find(practice.agb());
    reporting->directory_.practices.push_back(
        {practice.agb(), practice.name(),
         group == group_of.end() ? -1 : group->second});
    reporting->practice_names_[practice.agb()] = practice.name();
    if (group != group_of.end()) group_of.erase(group);
  }
  if (!group_of.empty()) {
    return ConfigError("region.practice_groups",
                       absl::StrCat("practice ", group_of.begin()->first,
                                    " is not one of practices"));
  }

  for (int f = 0; f < region_config.funding_size(); ++f) {
    const auto& funding = region_config.funding(f);
    const std::string field = absl::StrCat("region.funding[", f, "]");
    if (!reporting->partners_.contains(funding.partner_id())) {
      return ConfigError(field + ".partner_id", "is not one of partners");
    }
    FundingArrangement arrangement;
    arrangement.funder_id = funding.partner_id();
    WOR_ASSIGN_OR_RETURN(
        arrangement.period_start,
        ConfigDay(field + ".period_start", funding.period_start()));
    WOR_ASSIGN_OR_RETURN(
        arrangement.period_end,
        ConfigDay(field + ".period_end", funding.period_end()));
    for (const std::string& agb : funding.practice_agbs()) {
      if (!reporting->practice_names_.contains(agb)) {
        return ConfigError(field + ".practice_agbs",
                           absl::StrCat(agb, " is not one of practices"));
      }
      arrangement.practice_agbs.push_back(agb);
    }
    arrangement.tariff_cents_per_hour = funding.tariff_cents_per_hour();
    arrangement.budget_cents = funding.budget_cents();
    if (funding.prescriptions_per_practice() != 0 ||
        funding.minutes_per_prescription() != 0) {
      arrangement.budget_formula =
          BudgetFormula{funding.prescriptions_per_practice(),
                        funding.minutes_per_prescription()};
    }
    reporting->funding_.push_back(std::move(arrangement));
  }
  // The budget arithmetic checks the arrangements (periods, tariffs,
  // overlaps); run it once with no time logged.
  if (!reporting->funding_.empty()) {
    absl::StatusOr<BudgetReport> check = BuildBudgetReport(
        reporting->funding_, {}, reporting->funding_.front().period_start);
    if (!check.ok()) {
      return ConfigError("region.funding", check.status().message());
    }
  }
  return reporting;
}

absl::StatusOr<wor::v1::GetReferralStatisticsResponse>
PartnerReporting::Statistics(
    const CallContext& call,
    const wor::v1::GetReferralStatisticsRequest& request) const {
  WOR_RETURN_IF_ERROR(ValidateStatisticsDimensions(request));
  WOR_ASSIGN_OR_RETURN(absl::CivilDay first,
                       RequestDay("period_start", request.period_start()));
  WOR_ASSIGN_OR_RETURN(absl::CivilDay last,
                       RequestDay("period_end", request.period_end()));
  // Whole calendar months only: with periods a day apart, the difference of
  // two answers would be one day's referrals, whatever each answer hides.
  if (first.day() != 1) {
    return FieldError("period_start",
                      "statistics cover whole calendar months: start on the "
                      "first day of a month");
  }
  if ((last + 1).day() != 1) {
    return FieldError("period_end",
                      "statistics cover whole calendar months: end on the "
                      "last day of a month");
  }
  if (last < first) return FieldError("period_end", "is before period_start");
  if (last - first > kMaxPeriodDays) {
    return FieldError("period_end", "is more than ten years after the start");
  }
  ReferralStatisticsBuilder builder(&directory_, request.rows(),
                                    request.columns());
  WOR_RETURN_IF_ERROR(store_->ScanReferralFacts(
      FactsFilter{
          .first_day = first, .last_day = last, .with_identifiers = false},
      [&](const ReferralFacts& facts) { builder.Add(facts); }));
  WOR_ASSIGN_OR_RETURN(wor::v1::GetReferralStatisticsResponse response,
                       builder.Build(threshold_));
  // Anonymous aggregates: the record names no patient, but shows who asked.
  WOR_RETURN_IF_ERROR(audit_.RecordRead(call, {}, {}));
  return response;
}

absl::StatusOr<wor::v1::GetBudgetReportResponse> PartnerReporting::Budget(
    const CallContext& call,
    const wor::v1::GetBudgetReportRequest& request) const {
  absl::CivilDay as_of = absl::ToCivilDay(clock_->Now(), region_->zone());
  if (request.has_as_of()) {
    WOR_ASSIGN_OR_RETURN(as_of, RequestDay("as_of", request.as_of()));
  }
  const std::string partner = PartnerId(call);
  auto info = partners_.find(partner);
  const bool sees_all = info != partners_.end() &&
                        info->second.kind == PARTNER_KIND_REGIONAL_PROGRAMME;

  WOR_ASSIGN_OR_RETURN(std::vector<CoachTimeRow> rows,
                       store_->ListCoachTime(as_of));
  std::vector<TimeEntry> entries;
  entries.reserve(rows.size());
  for (CoachTimeRow& row : rows) {
    entries.push_back(TimeEntry{.referral_id = std::move(row.referral_id),
                                .practice_agb = std::move(row.practice_agb),
                                .coach_id = std::move(row.coach),
                                .day = row.day,
                                .minutes = row.minutes});
  }
  WOR_ASSIGN_OR_RETURN(BudgetReport report,
                       BuildBudgetReport(funding_, entries, as_of));

  wor::v1::GetBudgetReportResponse response;
  *response.mutable_as_of() = ToLocalDate(as_of);
  for (const FunderBudget& funder : report.funders) {
    if (!sees_all && funder.funder_id != partner) continue;
    wor::v1::FunderBudget* out = response.add_funders();
    out->set_funder(absl::StrCat("partners/", funder.funder_id));
    auto funder_info = partners_.find(funder.funder_id);
    if (funder_info != partners_.end()) {
      out->set_funder_display_name(funder_info->second.name);
    }
    *out->mutable_period_start() = ToLocalDate(funder.period_start);
    *out->mutable_period_end() = ToLocalDate(funder.period_end);
    out->set_tariff_cents_per_hour(funder.tariff_cents_per_hour);
    out->set_budget_cents(funder.budget_cents);
    out->set_used_minutes(funder.used_minutes);
    out->set_used_cents(funder.used_cents);
    out->set_remaining_cents(funder.remaining_cents);
    for (const PracticeUsage& usage : funder.practices) {
      wor::v1::PracticeBudgetUse* practice = out->add_practices();
      practice->set_practice_agb(usage.practice_agb);
      auto name = practice_names_.find(usage.practice_agb);
      if (name != practice_names_.end()) {
        practice->set_practice_display_name(name->second);
      }
      practice->set_minutes(usage.minutes);
      practice->set_cost_cents(usage.cost_cents);
      if (usage.referrals_with_time == 0 ||
          usage.referrals_with_time >= threshold_) {
        practice->set_referrals_with_time(usage.referrals_with_time);
      }
    }
    if (funder.projection) {
      wor::v1::BudgetProjection* projection = out->mutable_projection();
      projection->set_elapsed_days(funder.projection->elapsed_days);
      projection->set_period_days(funder.projection->period_days);
      projection->set_projected_minutes(funder.projection->projected_minutes);
      projection->set_projected_cents(funder.projection->projected_cents);
      projection->set_exceeds_budget(funder.projection->exceeds_budget);
    }
  }
  if (sees_all) response.set_unfunded_minutes(report.unfunded.minutes);
  WOR_RETURN_IF_ERROR(audit_.RecordRead(call, {}, {}));
  return response;
}

std::string PartnerReporting::RecordId(const std::string& partner,
                                       const std::string& referral_id) const {
  return pseudonyms_.For(partner, absl::StrCat("referral/", referral_id));
}

wor::v1::PseudonymisedRecord PartnerReporting::RecordOf(
    const std::string& partner, const ReferralFacts& facts) const {
  wor::v1::PseudonymisedRecord record;
  record.set_record_id(RecordId(partner, facts.referral_id));
  record.set_patient_pseudonym(
      pseudonyms_.For(partner, facts.patient_pseudonym));
  record.set_practice_agb(facts.practice_agb);
  record.set_referral_month(absl::StrFormat(
      "%04d-%02d", facts.referral_date.year(), facts.referral_date.month()));
  record.set_age_band(facts.age_band);
  for (int bit = 1; bit < 32; ++bit) {
    if (facts.indicator_mask & (1u << bit)) {
      record.add_indicators(static_cast<wor::v1::Indicator>(bit));
    }
  }
  record.set_route(facts.route);
  record.set_state(facts.state);
  record.set_outcome(facts.outcome);
  if (facts.working_days_to_contact) {
    record.set_working_days_to_contact(*facts.working_days_to_contact);
  }
  record.set_contact_within_target(facts.contact_within_target);
  record.set_contact_within_limit(facts.contact_within_limit);
  if (facts.working_days_to_intake) {
    record.set_working_days_to_intake(*facts.working_days_to_intake);
  }
  SetScores(facts.intake_scores, record.mutable_intake_scores());
  SetScores(facts.closing_scores, record.mutable_closing_scores());
  return record;
}

absl::StatusOr<ExportCursor> PartnerReporting::StartExport(
    const CallContext& call,
    const wor::v1::ExportPseudonymisedRecordsRequest& request) const {
  ExportCursor cursor;
  cursor.partner = absl::StrCat("partners/", PartnerId(call));
  const std::string& token = request.resume_token();
  std::string resume_after_record;
  bool snapshot = token.empty();
  if (absl::StartsWith(token, kSnapshotTokenPrefix)) {
    std::vector<std::string> parts =
        absl::StrSplit(token.substr(1), absl::MaxSplits('.', 1));
    if (parts.size() != 2 ||
        !absl::SimpleAtoi(parts[0], &cursor.after_sequence) ||
        cursor.after_sequence < 0) {
      return FieldError("resume_token", "is not a token of this export");
    }
    resume_after_record = parts[1];
    snapshot = true;
  } else if (!token.empty()) {
    std::optional<int64_t> sequence = SequenceFromResumeToken(token);
    if (!sequence) {
      return FieldError("resume_token",
                        "is not a token of this export; pass a message's "
                        "resume_token unchanged, or none to start over");
    }
    cursor.after_sequence = *sequence;
  }
  if (!snapshot) return cursor;

  if (token.empty()) {
    WOR_ASSIGN_OR_RETURN(cursor.after_sequence, store_->LastEventSequence());
  }
  WOR_RETURN_IF_ERROR(store_->ScanReferralFacts(
      FactsFilter{.first_day = absl::CivilDay(1900, 1, 1),
                  .last_day = absl::CivilDay(2200, 1, 1),
                  .monitoring_consent_only = true},
      [&](const ReferralFacts& facts) {
        std::string record_id = RecordId(cursor.partner, facts.referral_id);
        if (record_id > resume_after_record) {
          cursor.snapshot.emplace_back(std::move(record_id), facts);
        }
      }));
  std::sort(cursor.snapshot.begin(), cursor.snapshot.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return cursor;
}

absl::StatusOr<std::vector<wor::v1::ExportPseudonymisedRecordsResponse>>
PartnerReporting::PollExport(const CallContext& call, ExportCursor& cursor,
                             int limit) const {
  std::vector<wor::v1::ExportPseudonymisedRecordsResponse> batch;
  AccessedObjects shown;
  if (cursor.InSnapshot()) {
    PollSnapshot(cursor, limit, batch, shown);
  } else {
    WOR_RETURN_IF_ERROR(PollTail(cursor, limit, batch, shown));
  }
  if (!shown.names.empty()) {
    WOR_RETURN_IF_ERROR(audit_.RecordRead(
        call, shown, {wor::v1::CONSENT_SCOPE_MONITORING_PSEUDONYMISED}));
  }
  return batch;
}

void PartnerReporting::PollSnapshot(
    ExportCursor& cursor, int limit,
    std::vector<wor::v1::ExportPseudonymisedRecordsResponse>& batch,
    AccessedObjects& shown) const {
  for (; cursor.next < cursor.snapshot.size() &&
         static_cast<int>(batch.size()) < limit;
       ++cursor.next) {
    const auto& [record_id, facts] = cursor.snapshot[cursor.next];
    wor::v1::ExportPseudonymisedRecordsResponse& message = batch.emplace_back();
    message.set_resume_token(absl::StrCat(
        kSnapshotTokenPrefix, cursor.after_sequence, ".", record_id));
    *message.mutable_record() = RecordOf(cursor.partner, facts);
    shown.Add(ReferralName(facts.referral_id), facts.patient_pseudonym);
  }
  if (cursor.next == cursor.snapshot.size()) {
    cursor.snapshot.clear();
    cursor.next = 0;
  }
}

absl::Status PartnerReporting::PollTail(
    ExportCursor& cursor, int limit,
    std::vector<wor::v1::ExportPseudonymisedRecordsResponse>& batch,
    AccessedObjects& shown) const {
  // Events that show this partner nothing are skipped, so an empty batch
  // means caught up.
  bool drained = false;
  while (batch.empty() && !drained) {
    WOR_ASSIGN_OR_RETURN(
        std::vector<StoredEvent> events,
        store_->ReadEvents(EventFilter{}, cursor.after_sequence, limit));
    drained = static_cast<int>(events.size()) < limit;
    for (const StoredEvent& stored : events) {
      cursor.after_sequence = stored.sequence;
      const wor::v1::ReferralEvent& event = stored.event;
      absl::StatusOr<std::string> id =
          ParseReferralName("name", event.referral().name());
      if (!id.ok()) continue;
      absl::StatusOr<ReferralFacts> facts = store_->GetReferralFacts(*id);
      if (!facts.ok() && !absl::IsNotFound(facts.status())) {
        return facts.status();
      }
      const bool consented = facts.ok() && facts->monitoring_consent;
      const bool withdrawn =
          event.type() == wor::v1::REFERRAL_EVENT_TYPE_PERSONAL_DATA_ERASED ||
          (event.type() == wor::v1::REFERRAL_EVENT_TYPE_CONSENT_CHANGED &&
           !consented);
      wor::v1::ExportPseudonymisedRecordsResponse message;
      message.set_resume_token(ResumeTokenForSequence(stored.sequence));
      if (withdrawn) {
        // Only for a row the partner may hold: a referral that never had the
        // consent tells the partner nothing, not even that it exists.
        if (!EverConsentedToMonitoring(event.referral())) continue;
        wor::v1::RecordWithdrawal* withdrawal = message.mutable_withdrawal();
        withdrawal->set_record_id(RecordId(cursor.partner, *id));
        *withdrawal->mutable_withdraw_time() = event.event_time();
      } else if (consented) {
        *message.mutable_record() = RecordOf(cursor.partner, *facts);
        shown.Add(event.referral().name(), facts->patient_pseudonym);
      } else {
        continue;
      }
      batch.push_back(std::move(message));
    }
  }
  return absl::OkStatus();
}

bool PartnerReporting::WaitForMore(const ExportCursor& cursor,
                                   absl::Duration timeout) const {
  return store_->WaitForEventsAfter(cursor.after_sequence, timeout);
}

}  // namespace wor::server
