#include "server/domain/deadline_tracking.h"

#include "server/domain/time_conversion.h"

namespace wor::server {
namespace {

void SetDue(const DueDay& due, wor::v1::Deadline* deadline) {
  *deadline->mutable_due_date() = ToLocalDate(due.day);
  *deadline->mutable_due_time() = ToTimestamp(due.end);
  deadline->set_status(wor::v1::DEADLINE_STATUS_PENDING);
  deadline->clear_met_time();
}

void CloseIfPending(wor::v1::Deadline* deadline) {
  if (deadline->status() == wor::v1::DEADLINE_STATUS_PENDING) {
    deadline->set_status(wor::v1::DEADLINE_STATUS_NOT_APPLICABLE);
  }
}

}  // namespace

void SetDueDates(const ReferralDueDates& due,
                 wor::v1::ReferralDeadlines* deadlines) {
  SetDue(due.contact_target, deadlines->mutable_first_contact_target());
  SetDue(due.contact_limit, deadlines->mutable_first_contact_limit());
  SetDue(due.intake, deadlines->mutable_intake());
}

void MarkDeadlineMet(absl::Time when, wor::v1::Deadline* deadline) {
  if (deadline->status() != wor::v1::DEADLINE_STATUS_PENDING) return;
  *deadline->mutable_met_time() = ToTimestamp(when);
  deadline->set_status(when < FromTimestamp(deadline->due_time())
                           ? wor::v1::DEADLINE_STATUS_MET_ON_TIME
                           : wor::v1::DEADLINE_STATUS_MET_LATE);
}

void CloseOpenDeadlines(wor::v1::ReferralDeadlines* deadlines) {
  CloseIfPending(deadlines->mutable_first_contact_target());
  CloseIfPending(deadlines->mutable_first_contact_limit());
  CloseIfPending(deadlines->mutable_intake());
}

}  // namespace wor::server
