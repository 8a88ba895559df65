#include "server/domain/region_directory.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "server/common/status_macros.h"
#include "server/domain/national_catalogue.h"

namespace wor::server {
namespace {

LiberationDayPolicy ToPolicy(wor::server::config::LiberationDay value) {
  switch (value) {
    case wor::server::config::LIBERATION_DAY_CLOSED_IN_LUSTRUM_YEARS:
      return LiberationDayPolicy::kClosedInLustrumYears;
    case wor::server::config::LIBERATION_DAY_OPEN:
      return LiberationDayPolicy::kOpen;
    default:
      return LiberationDayPolicy::kClosed;
  }
}

}  // namespace

std::string WelfareOrganisationName(const std::string& kvk_number) {
  return absl::StrCat("welfareOrganisations/", kvk_number);
}

absl::StatusOr<std::unique_ptr<RegionDirectory>> RegionDirectory::Create(
    const wor::server::config::ServerConfig& config) {
  std::unique_ptr<RegionDirectory> directory(new RegionDirectory());
  WOR_ASSIGN_OR_RETURN(directory->zone_, LoadDutchTimeZone());
  directory->region_name_ = absl::StrCat("regions/", config.region().id());

  const auto& terms = config.region().deadlines();
  DeadlinePolicyOptions policy_options;
  policy_options.contact_target_working_days =
      terms.contact_target_working_days();
  policy_options.contact_limit_working_days =
      terms.contact_limit_working_days();
  policy_options.intake_calendar_days = terms.intake_calendar_days();
  // Validation fills the defaults in; a zero here (a config built in code)
  // keeps the national default.
  if (terms.trajectory_months() > 0)
    policy_options.trajectory_months = terms.trajectory_months();
  if (terms.feedback_working_days() > 0)
    policy_options.feedback_working_days = terms.feedback_working_days();
  if (terms.office_hours().close_minute() > 0) {
    policy_options.office_open_minute = terms.office_hours().open_minute();
    policy_options.office_close_minute = terms.office_hours().close_minute();
  }

  for (const auto& organisation : config.welfare_organisations()) {
    WorkingDayCalendarOptions calendar_options;
    calendar_options.good_friday_closed = !organisation.works_on_good_friday();
    calendar_options.liberation_day = ToPolicy(organisation.liberation_day());
    for (const std::string& day_text : organisation.extra_closing_days()) {
      absl::CivilDay day;
      if (!absl::ParseCivilTime(day_text, &day)) {
        return absl::InvalidArgumentError(
            absl::StrCat("welfare organisation ", organisation.kvk_number(),
                         ": extra closing day is not a date YYYY-MM-DD"));
      }
      calendar_options.extra_closing_days.push_back(day);
    }
    Organisation entry;
    entry.calendar =
        std::make_unique<WorkingDayCalendar>(std::move(calendar_options));
    entry.policy = std::make_unique<DeadlinePolicy>(
        entry.calendar.get(), directory->zone_, policy_options);
    directory->organisations_.emplace(
        WelfareOrganisationName(organisation.kvk_number()), std::move(entry));
  }
  for (const auto& practice : config.practices()) {
    directory->practice_to_organisation_[practice.agb()] =
        WelfareOrganisationName(practice.welfare_organisation_kvk());
  }

  if (config.region().catalogue_size() > 0) {
    *directory->catalogue_.mutable_categories() = config.region().catalogue();
  } else {
    directory->catalogue_ = NationalActivityCatalogue();
  }
  directory->catalogue_.set_region(directory->region_name_);
  return directory;
}

std::optional<std::string> RegionDirectory::WelfareOrganisationForPractice(
    const std::string& practice_agb) const {
  auto it = practice_to_organisation_.find(practice_agb);
  if (it == practice_to_organisation_.end()) return std::nullopt;
  return it->second;
}

const DeadlinePolicy* RegionDirectory::PolicyFor(
    const std::string& welfare_organisation) const {
  auto it = organisations_.find(welfare_organisation);
  return it == organisations_.end() ? nullptr : it->second.policy.get();
}

const WorkingDayCalendar* RegionDirectory::CalendarFor(
    const std::string& welfare_organisation) const {
  auto it = organisations_.find(welfare_organisation);
  return it == organisations_.end() ? nullptr : it->second.calendar.get();
}

bool RegionDirectory::CatalogueHas(const std::string& category,
                                   const std::string& activity) const {
  for (const auto& entry : catalogue_.categories()) {
    if (entry.id() != category) continue;
    if (activity.empty()) return true;
    for (const auto& known : entry.activities()) {
      if (known.id() == activity) return true;
    }
    return false;
  }
  return false;
}

}  // namespace wor::server
