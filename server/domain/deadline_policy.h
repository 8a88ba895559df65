// The due dates that a referral sets in motion: first contact by the welfare
// coach within 2 (target) to 5 (limit) working days, and the intake within 14
// calendar days (see DOMAIN.md, "Deadlines — Dutch working days").
//
// Deadlines are whole local days in Europe/Amsterdam: an obligation is met if
// it is done on or before the due day. Each due day also carries the instant
// at which it has passed, so that callers comparing against a clock do not
// each have to get daylight saving time right.
//
// Example:
//
//   absl::StatusOr<absl::TimeZone> zone = LoadDutchTimeZone();
//   if (!zone.ok()) return zone.status();
//   const WorkingDayCalendar calendar(WorkingDayCalendarOptions{});
//   const DeadlinePolicy policy(&calendar, *zone, DeadlinePolicyOptions{});
//   ReferralDueDates due = policy.ForReferralAt(referral_time);
//   if (now >= due.contact_limit.end) { /* escalate */ }
//
// Thread-safety: a `DeadlinePolicy` is immutable after construction and may be
// shared between threads, provided its calendar outlives it.

#ifndef WOR_SERVER_DOMAIN_DEADLINE_POLICY_H_
#define WOR_SERVER_DOMAIN_DEADLINE_POLICY_H_

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "server/domain/working_day_calendar.h"

namespace wor::server {

// Europe/Amsterdam, loaded from the system time zone database (Debian package
// tzdata). Fails with FAILED_PRECONDITION when the zone is not installed,
// because deadlines computed in any other zone would be silently wrong.
absl::StatusOr<absl::TimeZone> LoadDutchTimeZone();

// Per-region terms; the defaults are the national agreement.
struct DeadlinePolicyOptions {
  int contact_target_working_days = 2;
  int contact_limit_working_days = 5;
  int intake_calendar_days = 14;
  // The trajectory ends within this many months of the intake day.
  int trajectory_months = 4;
  // Feedback within this many working days of the intake and of closing.
  int feedback_working_days = 5;
  // Office hours on working days, local minutes after midnight [open,
  // close): when deadline notices may go out.
  int office_open_minute = 9 * 60;
  int office_close_minute = 17 * 60;
};

// A deadline: the last local day on which the obligation is met, and the first
// instant after that day (an exclusive bound) in the policy's zone.
struct DueDay {
  absl::CivilDay day;
  absl::Time end;
};

struct ReferralDueDates {
  DueDay contact_target;
  DueDay contact_limit;
  DueDay intake;
};

// Turns a referral instant into its due days. Immutable and thread-safe; does
// not own the calendar, which must outlive the policy.
class DeadlinePolicy {
 public:
  DeadlinePolicy(const WorkingDayCalendar* calendar, absl::TimeZone zone,
                 DeadlinePolicyOptions options);

  // The local day on which instant `t` falls.
  absl::CivilDay LocalDay(absl::Time t) const;

  // `day` with its end: local midnight at the start of the next day, so a
  // due day is 23 or 25 hours long on the daylight saving switch days.
  DueDay EndOfDay(absl::CivilDay day) const;

  // Working-day terms count from the local day of the referral, which itself
  // never counts: a referral late on a Friday, or on a Saturday, starts its
  // count on the next working day. The intake term is in calendar days and,
  // ending on a closed day, extends to the next working day.
  ReferralDueDates ForReferralAt(absl::Time referral_time) const;

  // The end of the trajectory for an intake held at `intake_time`: the same
  // day of the month `trajectory_months` later (the month's last day when
  // it has no such day), extended to the next working day.
  DueDay TrajectoryEndAfter(absl::Time intake_time) const;

  // Feedback due `feedback_working_days` working days after the local day
  // of `event_time` (the intake or the closing).
  DueDay FeedbackDueAfter(absl::Time event_time) const;

  // Whether `t` falls in office hours: a working day, between opening and
  // closing local time.
  bool InOfficeHours(absl::Time t) const;

  // `t` itself when in office hours, else the next opening.
  absl::Time NextOfficeOpening(absl::Time t) const;

  // The opening instant of `day` (which need not be a working day).
  absl::Time OpeningOf(absl::CivilDay day) const;

  const WorkingDayCalendar& calendar() const { return *calendar_; }
  absl::TimeZone zone() const { return zone_; }

  const DeadlinePolicyOptions& options() const { return options_; }

 private:
  const WorkingDayCalendar* calendar_;
  absl::TimeZone zone_;
  DeadlinePolicyOptions options_;
};

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DEADLINE_POLICY_H_
