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

DueDay DeadlinePolicy::TrajectoryEndAfter(absl::Time intake_time) const {
  const absl::CivilDay intake_day = LocalDay(intake_time);
  const absl::CivilMonth target_month =
      absl::CivilMonth(intake_day) + options_.trajectory_months;
  // 31 January + 1 month is the last day of February, not 3 March.
  const absl::CivilDay last_of_month = absl::CivilDay(target_month + 1) - 1;
  absl::CivilDay end(target_month.year(), target_month.month(),
                     intake_day.day());
  if (end > last_of_month || absl::CivilMonth(end) != target_month) {
    end = last_of_month;
  }
  return EndOfDay(calendar_->OnOrNextWorkingDay(end));
}

DueDay DeadlinePolicy::FeedbackDueAfter(absl::Time event_time) const {
  return EndOfDay(calendar_->AddWorkingDays(LocalDay(event_time),
                                            options_.feedback_working_days));
}

bool DeadlinePolicy::InOfficeHours(absl::Time t) const {
  const absl::CivilMinute local = absl::ToCivilMinute(t, zone_);
  const absl::CivilDay day(local);
  if (!calendar_->IsWorkingDay(day)) return false;
  const int minute = local.hour() * 60 + local.minute();
  return minute >= options_.office_open_minute &&
         minute < options_.office_close_minute;
}

absl::Time DeadlinePolicy::OpeningOf(absl::CivilDay day) const {
  // Opening hours never fall in the 02:00–03:00 switch hour in practice;
  // if configured there, `pre` picks the earlier reading, as a clock would.
  return zone_.At(absl::CivilMinute(day) + options_.office_open_minute).pre;
}

absl::Time DeadlinePolicy::NextOfficeOpening(absl::Time t) const {
  if (InOfficeHours(t)) return t;
  const absl::CivilDay today = LocalDay(t);
  if (calendar_->IsWorkingDay(today) && t < OpeningOf(today)) {
    return OpeningOf(today);
  }
  return OpeningOf(calendar_->OnOrNextWorkingDay(today + 1));
}

}  // namespace wor::server
