#include "server/domain/deadline_policy.h"

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/working_day_calendar.h"

namespace wor::server {
namespace {

constexpr char kDutchTimeZoneName[] = "Europe/Amsterdam";

}  // namespace

absl::StatusOr<absl::TimeZone> LoadDutchTimeZone() {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(kDutchTimeZoneName, &zone)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Time zone \"", kDutchTimeZoneName,
        "\" was not found in the system time zone database, so deadlines "
        "cannot be computed. Install the tzdata package (apt-get install "
        "tzdata) or point TZDIR at a zoneinfo directory, then restart."));
  }
  return zone;
}

DeadlinePolicy::DeadlinePolicy(const WorkingDayCalendar* calendar,
                               absl::TimeZone zone,
                               DeadlinePolicyOptions options)
    : calendar_(calendar), zone_(zone), options_(options) {}

absl::CivilDay DeadlinePolicy::LocalDay(absl::Time t) const {
  return absl::ToCivilDay(t, zone_);
}

DueDay DeadlinePolicy::EndOfDay(absl::CivilDay day) const {
  // Dutch clocks change at 02:00/03:00, never at midnight, so local midnight
  // always exists exactly once and FromCivil is unambiguous.
  return DueDay{day, absl::FromCivil(absl::CivilSecond(day + 1), zone_)};
}

ReferralDueDates DeadlinePolicy::ForReferralAt(absl::Time referral_time) const {
  const absl::CivilDay referral_day = LocalDay(referral_time);
  return ReferralDueDates{
      .contact_target = EndOfDay(calendar_->AddWorkingDays(
          referral_day, options_.contact_target_working_days)),
      .contact_limit = EndOfDay(calendar_->AddWorkingDays(
          referral_day, options_.contact_limit_working_days)),
      .intake = EndOfDay(calendar_->OnOrNextWorkingDay(
          referral_day + options_.intake_calendar_days)),
  };
}

}  // namespace wor::server
