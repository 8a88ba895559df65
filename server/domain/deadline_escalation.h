// When deadlines escalate, as pure functions of a referral, its policy and
// the time; the DeadlineScanner applies them in store transactions.
//
// For every clock of a referral:
//  - at its due time, a running clock becomes BREACHED (any hour);
//  - from the opening of the working day before its due day, while still
//    running, an AT_RISK notice goes to the coaches (office hours only);
//  - once breached, a BREACHED notice goes to the coordinator and shows to
//    the referrer (office hours only).
// The first-contact *target* only turns BREACHED: the limit is what
// escalates. Paused clocks do nothing. Each notice is sent once per due
// time: the clock records when it went out.
//
//   EscalationStep step = Escalate(policy, now, referral);
//   for (const DeadlineNoticeToSend& n : step.notices) { ... event ... }
//
// Thread-safe: pure functions.
#ifndef WOR_SERVER_DOMAIN_DEADLINE_ESCALATION_H_
#define WOR_SERVER_DOMAIN_DEADLINE_ESCALATION_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"
#include "server/domain/deadline_policy.h"
#include "wor/v1/referral.pb.h"
#include "wor/v1/referral_service.pb.h"

namespace wor::server {

// One notice to publish as an event.
struct DeadlineNoticeToSend {
  wor::v1::ReferralEventType type;  // DEADLINE_AT_RISK or DEADLINE_BREACHED
  wor::v1::DeadlineNotice notice;
};

struct EscalationStep {
  // Whether the referral changed (a status, a notice time, the alarm).
  bool changed = false;
  std::vector<DeadlineNoticeToSend> notices;
};

// Applies everything due at `now` to `referral` and sets its next alarm.
EscalationStep Escalate(const DeadlinePolicy& policy, absl::Time now,
                        wor::v1::Referral& referral);

// The earliest instant after which Escalate would change something, given
// that nothing happens before; nullopt when no clock needs the scanner.
// Notices are placed in office hours, never before `now`.
std::optional<absl::Time> NextDeadlineAlarm(const DeadlinePolicy& policy,
                                            absl::Time now,
                                            const wor::v1::Referral& referral);

// Sets or clears referral.next_deadline_alarm_time from NextDeadlineAlarm.
void SetNextDeadlineAlarm(const DeadlinePolicy& policy, absl::Time now,
                          wor::v1::Referral& referral);

// When the AT_RISK notice of a clock falls due: the opening of the working
// day before its due day.
absl::Time AtRiskTime(const DeadlinePolicy& policy,
                      const wor::v1::Deadline& deadline);

// Whether a kind of clock sends notices (all but the first-contact target).
bool DeadlineSendsNotices(wor::v1::DeadlineKind kind);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DEADLINE_ESCALATION_H_
