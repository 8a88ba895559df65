// Keeps a referral's `deadlines` in step with its lifecycle: due dates set at
// creation from the organisation's DeadlinePolicy, then marked met (on time
// or late) as the coach makes contact and holds the intake, and marked not
// applicable when the referral ends first.
#ifndef WOR_SERVER_DOMAIN_DEADLINE_TRACKING_H_
#define WOR_SERVER_DOMAIN_DEADLINE_TRACKING_H_

#include "absl/time/time.h"
#include "server/domain/deadline_policy.h"
#include "wor/v1/referral.pb.h"

namespace wor::server {

// Sets every deadline's due date and time from `due`, status PENDING.
void SetDueDates(const ReferralDueDates& due,
                 wor::v1::ReferralDeadlines* deadlines);

// Marks a pending deadline met at `when`: MET_ON_TIME before its due time,
// MET_LATE at or after it. A deadline already met keeps its first met time.
void MarkDeadlineMet(absl::Time when, wor::v1::Deadline* deadline);

// Marks every still-pending deadline NOT_APPLICABLE (the referral ended).
void CloseOpenDeadlines(wor::v1::ReferralDeadlines* deadlines);

}  // namespace wor::server

#endif  // WOR_SERVER_DOMAIN_DEADLINE_TRACKING_H_
