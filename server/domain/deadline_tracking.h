// Keeps a referral's deadlines ("clocks") in step with its lifecycle: due
// dates set when a clock starts, paused while the referral is on hold and
// moved on resume by the working days spent paused, marked met (on time or
// late) when the obligation is fulfilled, and marked not applicable when the
// referral ends first. Breaching is the escalation scanner's part
// (deadline_escalation.h).
//
// Which lifecycle step starts or meets which clock is decided in one place,
// `AdvanceClocks`, from the referral before and after a change, so that no
// verb has to remember it.
#ifndef WOR_SERVER_DOMAIN_DEADLINE_TRACKING_H_
#define WOR_SERVER_DOMAIN_DEADLINE_TRACKING_H_

#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "server/domain/deadline_policy.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// Sets the three clocks a referral starts with (first contact target and
// limit, intake) from `due`, running.
void SetDueDates(const ReferralDueDates& due,
                 wor::v1::ReferralDeadlines* deadlines);

// (Re)starts a clock due on `due`: running, nothing met or sent yet.
void StartDeadline(const DueDay& due, wor::v1::Deadline* deadline);

// Marks a running, paused or breached deadline met at `when`: MET_ON_TIME
// before its due time, MET_LATE at or after it. A deadline already met (or
// not applicable) keeps its state.
void MarkDeadlineMet(absl::Time when, wor::v1::Deadline* deadline);

// The referral ended: every running or paused clock becomes NOT_APPLICABLE,
// except the closing feedback, which a completion starts. Breached clocks
// stay breached: that is history.
void CloseOpenDeadlines(wor::v1::ReferralDeadlines* deadlines);

// The referral went on hold: every running clock is PAUSED with `reason`.
void PauseRunningDeadlines(wor::v1::HoldReason reason, absl::Time now,
                           wor::v1::ReferralDeadlines* deadlines);

// The referral resumed at `now`: every paused clock runs again, its due day
// moved by the working days from the pause day to the resume day
// (WorkingDaysBetween), and a moved clock may send its AT_RISK notice again.
void ResumePausedDeadlines(const DeadlinePolicy& policy, absl::Time now,
                           wor::v1::ReferralDeadlines* deadlines);

// The clocks that exist on a referral, with their kind, in a fixed order.
std::vector<std::pair<wor::v1::DeadlineKind, wor::v1::Deadline*>>
PresentDeadlines(wor::v1::ReferralDeadlines* deadlines);
std::vector<std::pair<wor::v1::DeadlineKind, const wor::v1::Deadline*>>
PresentDeadlines(const wor::v1::ReferralDeadlines& deadlines);

// Applies the clock consequences of one change of a referral (`before` →
// `after`, at `now`): hold pauses and resume moves; a held intake meets the
// intake clock and starts the trajectory and intake-feedback clocks; a
// completion meets the trajectory clock and starts the closing-feedback
// clock; an end closes what is still open. Then sets `after`'s
// next_deadline_alarm_time for the escalation scanner.
void AdvanceClocks(const DeadlinePolicy& policy,
                   const wor::v1::Referral& before, absl::Time now,
                   wor::v1::Referral& after);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DEADLINE_TRACKING_H_
