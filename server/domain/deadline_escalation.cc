#include "server/domain/deadline_escalation.h"

#include <algorithm>

#include "server/domain/deadline_tracking.h"
#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

using wor::v1::Deadline;

bool IsRunning(const Deadline& d) {
  return d.status() == wor::v1::DEADLINE_STATUS_PENDING;
}

bool IsBreached(const Deadline& d) {
  return d.status() == wor::v1::DEADLINE_STATUS_BREACHED;
}

DeadlineNoticeToSend Notice(wor::v1::ReferralEventType type,
                            wor::v1::DeadlineKind kind, const Deadline& d,
                            wor::v1::NoticeAudience audience) {
  DeadlineNoticeToSend send{type, {}};
  send.notice.set_deadline(kind);
  *send.notice.mutable_due_date() = d.due_date();
  *send.notice.mutable_due_time() = d.due_time();
  send.notice.set_audience(audience);
  return send;
}

}  // namespace

bool DeadlineSendsNotices(wor::v1::DeadlineKind kind) {
  return kind != wor::v1::DEADLINE_KIND_FIRST_CONTACT_TARGET;
}

absl::Time AtRiskTime(const DeadlinePolicy& policy, const Deadline& deadline) {
  return policy.OpeningOf(
      policy.calendar().AddWorkingDays(FromLocalDate(deadline.due_date()), -1));
}

EscalationStep Escalate(const DeadlinePolicy& policy, absl::Time now,
                        wor::v1::Referral& referral) {
  EscalationStep step;
  const bool office_hours = policy.InOfficeHours(now);
  for (auto& [kind, deadline] :
       PresentDeadlines(referral.mutable_deadlines())) {
    const absl::Time due = FromTimestamp(deadline->due_time());
    if (IsRunning(*deadline) && now >= due) {
      deadline->set_status(wor::v1::DEADLINE_STATUS_BREACHED);
      step.changed = true;
    }
    if (!DeadlineSendsNotices(kind) || !office_hours) continue;
    if (IsRunning(*deadline) && !deadline->has_at_risk_notice_time() &&
        now >= AtRiskTime(policy, *deadline)) {
      *deadline->mutable_at_risk_notice_time() = ToTimestamp(now);
      step.notices.push_back(
          Notice(wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_AT_RISK, kind, *deadline,
                 wor::v1::NOTICE_AUDIENCE_COACH));
      step.changed = true;
    }
    if (IsBreached(*deadline) && !deadline->has_breach_notice_time()) {
      *deadline->mutable_breach_notice_time() = ToTimestamp(now);
      step.notices.push_back(
          Notice(wor::v1::REFERRAL_EVENT_TYPE_DEADLINE_BREACHED, kind,
                 *deadline, wor::v1::NOTICE_AUDIENCE_COORDINATOR_AND_REFERRER));
      step.changed = true;
    }
  }
  const auto before = referral.next_deadline_alarm_time();
  SetNextDeadlineAlarm(policy, now, referral);
  if (!(before.seconds() == referral.next_deadline_alarm_time().seconds() &&
        before.nanos() == referral.next_deadline_alarm_time().nanos())) {
    step.changed = true;
  }
  return step;
}

std::optional<absl::Time> NextDeadlineAlarm(const DeadlinePolicy& policy,
                                            absl::Time now,
                                            const wor::v1::Referral& referral) {
  std::optional<absl::Time> next;
  auto consider = [&](absl::Time t) {
    if (!next || t < *next) next = t;
  };
  for (const auto& [kind, deadline] : PresentDeadlines(referral.deadlines())) {
    const absl::Time due = FromTimestamp(deadline->due_time());
    if (IsRunning(*deadline)) {
      consider(due);  // turns BREACHED, whatever the hour
      if (DeadlineSendsNotices(kind) && !deadline->has_at_risk_notice_time()) {
        const absl::Time at_risk = policy.NextOfficeOpening(
            std::max(AtRiskTime(policy, *deadline), now));
        if (at_risk < due) consider(at_risk);
      }
    } else if (IsBreached(*deadline) && DeadlineSendsNotices(kind) &&
               !deadline->has_breach_notice_time()) {
      consider(policy.NextOfficeOpening(std::max(due, now)));
    }
  }
  return next;
}

void SetNextDeadlineAlarm(const DeadlinePolicy& policy, absl::Time now,
                          wor::v1::Referral& referral) {
  std::optional<absl::Time> next = NextDeadlineAlarm(policy, now, referral);
  if (next) {
    *referral.mutable_next_deadline_alarm_time() = ToTimestamp(*next);
  } else {
    referral.clear_next_deadline_alarm_time();
  }
}

}  // namespace wor::server
