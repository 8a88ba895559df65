#include "client-sdk/cli/worklist.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/time/civil_time.h"
#include "client-sdk/cli/value_parsers.h"
#include "server/domain/working_day_calendar.h"

namespace wor::client {
namespace {

using wor::v1::Deadline;
using wor::v1::DeadlineKind;

// Deadlines are Dutch days, whatever zone the coach's machine is in.
absl::TimeZone Amsterdam() {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone("Europe/Amsterdam", &zone)) {
    // Without tzdata: CET, right within an hour of the truth.
    zone = absl::FixedTimeZone(3600);
  }
  return zone;
}

absl::CivilDay ToCivilDay(const wor::v1::LocalDate& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

bool IsRunning(const Deadline& deadline) {
  return deadline.status() == wor::v1::DEADLINE_STATUS_PENDING ||
         deadline.status() == wor::v1::DEADLINE_STATUS_BREACHED;
}

bool IsOverdue(const Deadline& deadline, absl::Time now) {
  return deadline.status() == wor::v1::DEADLINE_STATUS_BREACHED ||
         (deadline.has_due_time() && FromTimestamp(deadline.due_time()) <= now);
}

NextDeadline Describe(DeadlineKind kind, const Deadline& deadline,
                      absl::Time now) {
  static const wor::server::WorkingDayCalendar* const calendar =
      new wor::server::WorkingDayCalendar(
          wor::server::WorkingDayCalendarOptions());
  NextDeadline next;
  next.kind = kind;
  next.deadline = deadline;
  next.overdue = IsOverdue(deadline, now);
  const absl::CivilDay today = absl::ToCivilDay(now, Amsterdam());
  const absl::CivilDay due = ToCivilDay(deadline.due_date());
  next.working_days = next.overdue ? calendar->WorkingDaysBetween(due, today)
                                   : calendar->WorkingDaysBetween(today, due);
  return next;
}

// Overdue first, then the earliest due time.
bool ComesBefore(const NextDeadline& a, const NextDeadline& b) {
  return std::make_tuple(!a.overdue, FromTimestamp(a.deadline.due_time())) <
         std::make_tuple(!b.overdue, FromTimestamp(b.deadline.due_time()));
}

}  // namespace

std::optional<NextDeadline> FindNextDeadline(const wor::v1::Referral& referral,
                                             absl::Time now) {
  const wor::v1::ReferralDeadlines& d = referral.deadlines();
  const std::pair<DeadlineKind, const Deadline*> all[] = {
      {wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET, &d.first_contact_target()},
      {wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT, &d.first_contact_limit()},
      {wor::v1::DEADLINE_KIND_INTAKE, &d.intake()},
      {wor::v1::DEADLINE_KIND_TRAJECTORY_END, &d.trajectory_end()},
      {wor::v1::DEADLINE_KIND_INTAKE_FEEDBACK, &d.intake_feedback()},
      {wor::v1::DEADLINE_KIND_CLOSING_FEEDBACK, &d.closing_feedback()},
  };
  std::optional<NextDeadline> next;
  for (const auto& [kind, deadline] : all) {
    if (!IsRunning(*deadline)) continue;
    NextDeadline candidate = Describe(kind, *deadline, now);
    if (!next || ComesBefore(candidate, *next)) next = std::move(candidate);
  }
  return next;
}

std::vector<WorklistEntry> BuildWorklist(
    std::vector<wor::v1::Referral> referrals, absl::Time now) {
  std::vector<WorklistEntry> entries;
  entries.reserve(referrals.size());
  for (wor::v1::Referral& referral : referrals) {
    WorklistEntry entry;
    entry.next = FindNextDeadline(referral, now);
    entry.referral = std::move(referral);
    entries.push_back(std::move(entry));
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const WorklistEntry& a, const WorklistEntry& b) {
                     if (a.next.has_value() != b.next.has_value()) {
                       return a.next.has_value();
                     }
                     if (a.next && (ComesBefore(*a.next, *b.next) ||
                                    ComesBefore(*b.next, *a.next))) {
                       return ComesBefore(*a.next, *b.next);
                     }
                     return a.referral.name() < b.referral.name();
                   });
  return entries;
}

}  // namespace wor::client
