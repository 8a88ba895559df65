#include "server/domain/deadline_tracking.h"

#include "server/domain/deadline_escalation.h"
#include "server/domain/referral_milestones.h"
#include "server/domain/referral_state_machine.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

using wor::v1::Deadline;

bool IsRunning(const Deadline& d) {
  return d.status() == wor::v1::DEADLINE_STATUS_PENDING;
}

bool IsPaused(const Deadline& d) {
  return d.status() == wor::v1::DEADLINE_STATUS_PAUSED;
}

void CloseIfOpen(Deadline* deadline) {
  if (IsRunning(*deadline) || IsPaused(*deadline)) {
    deadline->set_status(wor::v1::DEADLINE_STATUS_NOT_APPLICABLE);
    deadline->clear_pause_reason();
    deadline->clear_pause_time();
  }
}

}  // namespace

void SetDueDates(const ReferralDueDates& due,
                 wor::v1::ReferralDeadlines* deadlines) {
  StartDeadline(due.contact_target, deadlines->mutable_first_contact_target());
  StartDeadline(due.contact_limit, deadlines->mutable_first_contact_limit());
  StartDeadline(due.intake, deadlines->mutable_intake());
}

void StartDeadline(const DueDay& due, Deadline* deadline) {
  deadline->Clear();
  *deadline->mutable_due_date() = ToLocalDate(due.day);
  *deadline->mutable_due_time() = ToTimestamp(due.end);
  deadline->set_status(wor::v1::DEADLINE_STATUS_PENDING);
}

void MarkDeadlineMet(absl::Time when, Deadline* deadline) {
  if (!IsRunning(*deadline) && !IsPaused(*deadline) &&
      deadline->status() != wor::v1::DEADLINE_STATUS_BREACHED) {
    return;
  }
  *deadline->mutable_met_time() = ToTimestamp(when);
  deadline->clear_pause_reason();
  deadline->clear_pause_time();
  deadline->set_status(when < FromTimestamp(deadline->due_time())
                           ? wor::v1::DEADLINE_STATUS_MET_ON_TIME
                           : wor::v1::DEADLINE_STATUS_MET_LATE);
}

void CloseOpenDeadlines(wor::v1::ReferralDeadlines* deadlines) {
  for (auto& [kind, deadline] : PresentDeadlines(deadlines)) {
    if (kind == wor::v1::DEADLINE_KIND_CLOSING_FEEDBACK) continue;
    CloseIfOpen(deadline);
  }
}

void PauseRunningDeadlines(wor::v1::HoldReason reason, absl::Time now,
                           wor::v1::ReferralDeadlines* deadlines) {
  for (auto& [kind, deadline] : PresentDeadlines(deadlines)) {
    if (!IsRunning(*deadline)) continue;
    deadline->set_status(wor::v1::DEADLINE_STATUS_PAUSED);
    deadline->set_pause_reason(reason);
    *deadline->mutable_pause_time() = ToTimestamp(now);
  }
}

void ResumePausedDeadlines(const DeadlinePolicy& policy, absl::Time now,
                           wor::v1::ReferralDeadlines* deadlines) {
  const absl::CivilDay resume_day = policy.LocalDay(now);
  for (auto& [kind, deadline] : PresentDeadlines(deadlines)) {
    if (!IsPaused(*deadline)) continue;
    const absl::CivilDay pause_day =
        policy.LocalDay(FromTimestamp(deadline->pause_time()));
    const int shift =
        policy.calendar().WorkingDaysBetween(pause_day, resume_day);
    if (shift > 0) {
      const DueDay moved = policy.EndOfDay(policy.calendar().AddWorkingDays(
          FromLocalDate(deadline->due_date()), shift));
      *deadline->mutable_due_date() = ToLocalDate(moved.day);
      *deadline->mutable_due_time() = ToTimestamp(moved.end);
      deadline->set_paused_working_days(deadline->paused_working_days() +
                                        shift);
      deadline->clear_at_risk_notice_time();
    }
    deadline->set_status(wor::v1::DEADLINE_STATUS_PENDING);
    deadline->clear_pause_reason();
    deadline->clear_pause_time();
  }
}

// Each clock with its kind and accessors, so that both walks below list the
// six clocks once.
template <typename Deadlines, typename Visit>
void VisitPresent(Deadlines& d, Visit visit) {
  if (d.has_first_contact_target())
    visit(
        wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET, [&]() -> auto& {
          return d.first_contact_target();
        });
  if (d.has_first_contact_limit())
    visit(
        wor::v1::DEADLINE_KIND_FIRST_CONTACT_LIMIT, [&]() -> auto& {
          return d.first_contact_limit();
        });
  if (d.has_intake())
    visit(
        wor::v1::DEADLINE_KIND_INTAKE, [&]() -> auto& { return d.intake(); });
  if (d.has_trajectory_end())
    visit(
        wor::v1::DEADLINE_KIND_TRAJECTORY_END, [&]() -> auto& {
          return d.trajectory_end();
        });
  if (d.has_intake_feedback())
    visit(
        wor::v1::DEADLINE_KIND_INTAKE_FEEDBACK, [&]() -> auto& {
          return d.intake_feedback();
        });
  if (d.has_closing_feedback())
    visit(
        wor::v1::DEADLINE_KIND_CLOSING_FEEDBACK, [&]() -> auto& {
          return d.closing_feedback();
        });
}

std::vector<std::pair<wor::v1::DeadlineKind, Deadline*>> PresentDeadlines(
    wor::v1::ReferralDeadlines* d) {
  std::vector<std::pair<wor::v1::DeadlineKind, Deadline*>> present;
  const wor::v1::ReferralDeadlines& view = *d;
  VisitPresent(view, [&](wor::v1::DeadlineKind kind, auto get) {
    // Present fields only: the const accessor found it, the mutable one
    // then returns the same sub-message without creating anything.
    present.emplace_back(kind, const_cast<Deadline*>(&get()));
  });
  return present;
}

std::vector<std::pair<wor::v1::DeadlineKind, const Deadline*>> PresentDeadlines(
    const wor::v1::ReferralDeadlines& deadlines) {
  std::vector<std::pair<wor::v1::DeadlineKind, const Deadline*>> present;
  VisitPresent(deadlines, [&](wor::v1::DeadlineKind kind, auto get) {
    present.emplace_back(kind, &get());
  });
  return present;
}

void AdvanceClocks(const DeadlinePolicy& policy,
                   const wor::v1::Referral& before, absl::Time now,
                   wor::v1::Referral& after) {
  auto* clocks = after.mutable_deadlines();
  const bool was_on_hold = before.state() == wor::v1::REFERRAL_STATE_ON_HOLD;
  const bool is_on_hold = after.state() == wor::v1::REFERRAL_STATE_ON_HOLD;
  if (!was_on_hold && is_on_hold) {
    PauseRunningDeadlines(after.hold_reason(), now, clocks);
  } else if (was_on_hold && !is_on_hold) {
    ResumePausedDeadlines(policy, now, clocks);
  }

  if (!before.intake().has_held_time() && after.intake().has_held_time()) {
    const absl::Time held = FromTimestamp(after.intake().held_time());
    MarkDeadlineMet(held, clocks->mutable_intake());
    StartDeadline(policy.TrajectoryEndAfter(held),
                  clocks->mutable_trajectory_end());
    StartDeadline(policy.FeedbackDueAfter(held),
                  clocks->mutable_intake_feedback());
  }

  const bool completed_now =
      before.state() != wor::v1::REFERRAL_STATE_COMPLETED &&
      after.state() == wor::v1::REFERRAL_STATE_COMPLETED;
  if (completed_now) {
    if (clocks->has_trajectory_end()) {
      MarkDeadlineMet(now, clocks->mutable_trajectory_end());
    }
    StartDeadline(policy.FeedbackDueAfter(now),
                  clocks->mutable_closing_feedback());
  }
  if (IsTerminalState(after.state())) CloseOpenDeadlines(clocks);
  RecordMilestones(policy, after);
  SetNextDeadlineAlarm(policy, now, after);
}

}  // namespace wor::server
